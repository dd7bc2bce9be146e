"""Inline suppressions and baselines."""

from __future__ import annotations

import json
import re
import types
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.config import Config
from auditor.engine import Auditor
from auditor.hookspec import hookimpl
from auditor.loaders import load_markdown
from auditor.model import Article
from auditor.rule import Rule
from auditor.suppress import matches, parse

ROOT = Path(__file__).resolve().parent.parent


class _Zorg(Rule):
    """Flags the test word ZORG.

    What it does
    ------------
    Flags ZORG.

    Why it matters
    --------------
    Tests.

    Example
    -------
    ZORG

    Instead
    -------
    zorg
    """

    id = "test.zorg"
    category = "spelling"
    severity = "warning"

    def check(self, ctx):
        for field in self.fields:
            for m in re.finditer(r"ZORG", ctx.text(field)):
                yield ctx.finding(field, m.start(), m.end(), "ZORG found")


class _ZorgToo(_Zorg):
    id = "test.zorg-too"
    category = "style"


@pytest.fixture(scope="module")
def aud():
    plugin = types.ModuleType("zorg_plugin")
    plugin.auditor_rules = hookimpl(lambda config: [_Zorg, _ZorgToo])
    config = Config(
        load_entry_points=False,
        disable={"all"},
        enable={"test.zorg", "test.zorg-too", "typography.double-space", "suppression.unused"},
    )
    return Auditor(config, extra_plugins=[(plugin, "zorg")])


def audit_md(aud, text: str):
    return aud.audit(load_markdown(text, "draft.md")[0], "fr")


def found(report):
    return [(f.rule, f.line, f.excerpt) for f in report.findings]


def test_disable_next_line_silences_exactly_the_named_rule_on_that_line(aud):
    text = (
        "# Titre propre\n\n"
        "Un ZORG ici.\n\n"
        "<!-- auditor: disable-next-line=test.zorg -->\n"
        "Un ZORG là  aussi.\n\n"
        "Un dernier ZORG.\n"
    )
    rep = audit_md(aud, text)
    got = found(rep)
    # line 6: test.zorg silenced; test.zorg-too and the double space on the same line are not
    assert ("test.zorg", 6, "ZORG") not in got
    assert ("test.zorg-too", 6, "ZORG") in got
    assert ("typography.double-space", 6, "  ") in got
    # the other lines keep both rules
    assert ("test.zorg", 3, "ZORG") in got and ("test.zorg", 8, "ZORG") in got
    assert not [f for f in rep.findings if f.rule == "suppression.unused"]


def test_disable_enable_region_and_family_pattern(aud):
    text = (
        "# Titre\n\n"
        "ZORG avant.\n\n"
        "<!-- auditor: disable=test -->\n"
        "ZORG dedans.\n\n"
        "<!-- auditor: enable=test -->\n"
        "ZORG après.\n"
    )
    got = found(audit_md(aud, text))
    assert [(r, line) for r, line, _ in got if r.startswith("test.")] == [
        ("test.zorg", 3), ("test.zorg-too", 3), ("test.zorg", 9), ("test.zorg-too", 9)
    ]


def test_disable_file_and_disable_line(aud):
    text = "# Titre ZORG\n\n<!-- auditor: disable-file=test.zorg-too -->\nZORG un.  <!-- auditor: disable-line=typography.double-space -->\n"
    got = found(audit_md(aud, text))
    assert got == [("test.zorg", 1, "ZORG"), ("test.zorg", 4, "ZORG")]


def test_unused_suppression_is_reported_on_the_comment(aud):
    text = "# Titre\n\nTout est propre.\n\n<!-- auditor: disable-next-line=test.zorg,test.typo -->\nZORG ici.\n"
    rep = audit_md(aud, text)
    unused = [f for f in rep.findings if f.rule == "suppression.unused"]
    assert len(unused) == 1
    f = unused[0]
    assert f.line == 5 and f.column == 1
    assert f.excerpt == "<!-- auditor: disable-next-line=test.zorg,test.typo -->"
    assert "test.typo" in f.message and "test.zorg," not in f.message
    assert f.data["rules"] == ["test.typo"]
    # the used half did its job
    assert ("test.zorg", 6, "ZORG") not in found(rep)


def test_comment_text_itself_is_never_flagged(aud):
    text = "# Titre\n\n<!-- auditor: disable-next-line=test.zorg  ZORG -->\nZORG.\n"
    rep = audit_md(aud, text)
    comment_end = rep.article.body.index("-->") + 3
    inside = [f for f in rep.findings if f.field == "body" and f.start < comment_end and f.rule != "suppression.unused"]
    assert inside == []  # neither ZORG rule nor the double space inside the comment
    assert [(f.rule, f.line) for f in rep.findings if f.rule.startswith("test.")] == [("test.zorg-too", 4)]


def test_in_memory_articles_use_title_then_body_lines(aud):
    rep = aud.audit(Article(title="Titre", body="<!-- auditor: disable-next-line=test.zorg -->\nZORG\nZORG", lang="fr"))
    assert [(f.rule, f.line) for f in rep.findings if f.rule == "test.zorg"] == [("test.zorg", 5)]


def test_patterns():
    assert matches("names", "names.inconsistent-spelling")
    assert matches("names.*", "names.inconsistent-spelling")
    assert matches("all", "x.y")
    assert matches("spelling.*-word", "spelling.unknown-word")
    assert not matches("name", "names.inconsistent-spelling")
    assert not matches("spelling.unknown", "spelling.unknown-word")
    kinds = [d.kind for d in parse("<!-- auditor: disable=a.b -->\n<!--auditor:enable-->\n<!-- AUDITOR: disable-file a.b, c.d -->")]
    assert kinds == ["disable", "enable", "disable-file"]


# -- baselines through the command line -----------------------------------------------------------------


def _check(args: list[str]):
    from auditor.cli import app

    result = CliRunner().invoke(app, ["check", *args])
    assert result.exit_code in (0, 1), result.output
    return result


def _findings(result) -> list[dict]:
    data = json.loads(result.stdout)
    return [f for a in data["articles"] for f in a["findings"]]


DRAFT = """---
title: "Le conseil de Brévannes adopte son budget"
lang: fr
---

Le conseil municipal de Brévannes a adopté mardi son budget  pour 2026, a annoncé la mairie dans un communiqué.

Le budget s'élève à 12 millions d'euros, selon le document transmis aux élus par le service des finances.

La séance a duré 3 heures, a précisé Anne Le Goff, secrétaire générale de la mairie.

Les travaux du gymnase commenceront en 2027, a indiqué le maire, Paul Kerhervé, à l'issue du vote.

La commune compte 4 écoles primaires, d'après le site internet de la ville.

Le prochain conseil se tiendra le 12 mars, a fait savoir le cabinet du maire.
"""


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.md"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_baseline_reports_exactly_the_new_defect_and_nothing_after_unrelated_edits(draft: Path, tmp_path: Path):
    base = tmp_path / "baseline.json"
    before = _findings(_check([str(draft), "--format", "json", "--write-baseline", str(base)]))
    assert before, "the draft has a planted double space"
    recorded = json.loads(base.read_text(encoding="utf-8"))
    assert recorded["schema"] == "auditor.baseline/1"
    assert sum(len(v) for v in recorded["articles"].values()) == len(before)

    # Unchanged: nothing new.
    assert _findings(_check([str(draft), "--format", "json", "--baseline", str(base)])) == []

    # Unrelated edits: a figure changes in a paragraph that has no finding, and every line moves down.
    text = draft.read_text(encoding="utf-8")
    flagged = {f["line"] for f in before}
    lines = text.split("\n")
    quiet = [n for n, line in enumerate(lines) if n + 1 not in flagged and n > 6 and line.count(" ") > 5]
    with_digit = [n for n in quiet if re.search(r"\d", lines[n])]
    assert with_digit and len(quiet) >= 2, "the example needs two paragraphs without findings, one with a figure"
    edit_at = with_digit[0]
    defect_at = [n for n in quiet if n != edit_at][0]
    lines[edit_at] = re.sub(r"\d", lambda m: str((int(m.group()) + 1) % 10), lines[edit_at], count=1)
    edited = "\n".join(lines).replace("lang: fr\n---\n", "lang: fr\n---\n\n\n\n", 1)
    assert edited != text
    draft.write_text(edited, encoding="utf-8")
    assert _findings(_check([str(draft), "--format", "json", "--baseline", str(base)])) == []

    # One new defect (a double space inside another paragraph without findings): exactly that one.
    lines = edited.split("\n")
    n = defect_at + 3
    lines[n] = lines[n].replace(" ", "  ", 1)
    draft.write_text("\n".join(lines), encoding="utf-8")
    new = _findings(_check([str(draft), "--format", "json", "--baseline", str(base)]))
    assert [(f["rule"], f["excerpt"], f["line"]) for f in new] == [("typography.double-space", "  ", n + 1)]


def test_bad_baseline_is_a_usage_error(tmp_path: Path, draft: Path):
    from auditor.cli import app

    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(draft), "--baseline", str(bad)])
    assert result.exit_code == 2
    assert "not an auditor baseline" in result.output


def test_suppressions_in_an_html_draft(aud):
    from auditor.loaders import load_html

    page = (
        "<!DOCTYPE html><html lang=\"fr\"><head><title>Le conseil vote</title></head><body><article>\n"
        "<h1>Le conseil vote</h1>\n"
        "<p>Le conseil municipal a voté un premier ZORG ce soir, selon la mairie de la commune.</p>\n"
        "<!-- auditor: disable-next-line=test.zorg -->\n"
        "<p>Le deuxième ZORG du conseil municipal a été voté à l'unanimité par les élus présents.</p>\n"
        "<p>Les élus ont ensuite discuté longuement du budget de la commune pour l'année prochaine.</p>\n"
        "<!-- auditor: disable-next-line=test.zorg-too -->\n"
        "<p>Le budget de la commune a été adopté sans débat par le conseil municipal ce soir.</p>\n"
        "</article></body></html>\n"
    )
    rep = aud.audit(load_html(page, "page.html")[0], "fr")
    got = [(f.rule, f.line) for f in rep.findings]
    assert ("test.zorg", 3) in got and ("test.zorg-too", 3) in got
    assert ("test.zorg", 5) not in got and ("test.zorg-too", 5) in got
    unused = [f for f in rep.findings if f.rule == "suppression.unused"]
    assert [(f.line, f.data["rules"]) for f in unused] == [(7, ["test.zorg-too"])]
