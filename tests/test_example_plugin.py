"""The example third-party plugin (examples/plugins/auditor-house-style) is discovered through its
``auditor`` entry point once installed, and its rules run in ``auditor check`` when enabled."""

from __future__ import annotations

import importlib.metadata
import json
import textwrap

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.config import Config
from auditor.engine import Auditor

try:
    DIST = importlib.metadata.distribution("auditor-house-style")
except importlib.metadata.PackageNotFoundError:
    DIST = None

pytestmark = pytest.mark.skipif(
    DIST is None,
    reason="example plugin not installed (pip install -e examples/plugins/auditor-house-style; .ci/run does)",
)

HOUSE_RULES = {"house.banned-words", "house.preferred-spellings", "house.local-names", "house.byline"}


def test_entry_point_is_declared():
    eps = [ep for ep in DIST.entry_points if ep.group == "auditor"]
    assert [(ep.name, ep.value) for ep in eps] == [("house-style", "auditor_house_style.plugin")]


def test_rules_are_discovered_through_the_entry_point():
    engine = Auditor(Config())  # entry points on, as in the CLI
    assert HOUSE_RULES <= set(engine.rules)
    assert {engine.rules[r].plugin for r in HOUSE_RULES} == {"house-style"}
    assert not [e for e in engine.errors if e.plugin == "house-style"]
    # installing the package changes nobody's report: the rules are off until enabled
    assert not any(engine.config.is_enabled(r, engine.rules[r].enabled_by_default) for r in HOUSE_RULES)
    # and without entry points they are not there at all
    assert not HOUSE_RULES & set(Auditor(Config(load_entry_points=False)).rules)


def test_house_rules_fire_in_check_when_the_newsroom_enables_them(tmp_path):
    (tmp_path / "auditor.toml").write_text('enable = ["house"]\n[rule."house.byline"]\nexempt-under-words = 5\n')
    article = tmp_path / "draft.md"
    article.write_text(textwrap.dedent("""\
        ---
        title: "Au final, le marché de St-Aubin-du-Val rouvre"
        lang: fr
        ---

        Force est de constater que les commerçants, prévenus par e-mail, étaient nombreux samedi.
        """), encoding="utf-8")
    res = CliRunner().invoke(app, ["check", str(article), "--config", str(tmp_path / "auditor.toml"), "--format", "json"])
    assert res.exit_code == 0, res.output
    findings = json.loads(res.stdout)["articles"][0]["findings"]
    got = {(f["rule"], f["excerpt"], tuple(f["suggestions"])) for f in findings if f["rule"].startswith("house.")}
    assert got == {
        ("house.banned-words", "Au final", ()),
        ("house.local-names", "St-Aubin-du-Val", ("Saint-Aubin-du-Val",)),
        ("house.byline", "Au final, le marché de St-Aubin-du-Val rouvre", ()),
        ("house.banned-words", "Force est de constater", ()),
        ("house.preferred-spellings", "e-mail", ("courriel",)),
    }
    # without the config, the same draft gets no house finding
    res = CliRunner().invoke(app, ["check", str(article), "--format", "json"])
    assert not any(f["rule"].startswith("house.") for f in json.loads(res.stdout)["articles"][0]["findings"])
