"""Grammalecte, run for real when ``grammalecte-cli`` is installed (``.ci/run`` installs it), and
the behaviour without it (always tested)."""

from __future__ import annotations

import shutil

import pytest

from auditor.backends import grammalecte
from auditor.backends.languagetool import BackendUnavailable
from auditor.config import config_from_mapping
from auditor.engine import Auditor
from auditor.model import Article

HAVE_GC = shutil.which("grammalecte-cli") is not None
needs_gc = pytest.mark.skipif(not HAVE_GC, reason="grammalecte-cli is not installed (apt-get install grammalecte-cli)")


def _auditor(table: dict | None = None) -> Auditor:
    config = config_from_mapping({"grammalecte": table} if table is not None else {})
    config.load_entry_points = False
    config.disable = {"names", "attribution", "clickbait"}
    return Auditor(config)


@needs_gc
def test_errors_map_back_to_fields_and_lines():
    fields = {
        "title": "Le conseil a voter le budget",
        "body": "Premier paragraphe sans faute.\n\nLes électeurs ont choisis leur candidat.\nUne seconde ligne avec des erreur.",
    }
    errors = grammalecte.check_fields(fields)
    got = {(e.field, fields[e.field][e.start:e.end]) for e in errors}
    assert ("title", "voter") in got
    assert ("body", "choisis") in got
    assert ("body", "erreur") in got
    for e in errors:
        assert e.rule_id and e.message


@needs_gc
def test_typography_options_off_by_default_and_on_request():
    fields = {"body": "Il a dit: «oui»."}
    off = grammalecte.check_fields(fields)
    assert not [e for e in off if e.kind in grammalecte.TYPOGRAPHY_OPTIONS]
    on = grammalecte.check_fields(fields, {"typography": True})
    assert [e for e in on if e.kind in ("nbsp", "typo", "esp", "apos")]


@needs_gc
def test_rule_reports_findings_and_embedded_rules_win_overlaps():
    body = "Le ministre a réagit hier. Les électeurs ont choisis leur candidat, en terme de programme."
    report = _auditor().audit(Article(title="", body=body, lang="fr"))
    by_rule = {}
    for f in report.findings:
        by_rule.setdefault(f.rule, []).append(f.excerpt)
    assert "choisis" in by_rule.get("grammar.grammalecte", [])
    # Grammalecte also flags « réagit » and « en terme de »: the embedded rules keep them, once.
    assert by_rule.get("grammar.fr-past-participle") == ["réagit"]
    assert "réagit" not in by_rule.get("grammar.grammalecte", [])
    assert not any("terme" in x for x in by_rule.get("grammar.grammalecte", []))
    gc = [f for f in report.findings if f.rule == "grammar.grammalecte"][0]
    assert gc.data["gc_rule"] and gc.data["gc_type"]
    assert not report.errors


def test_missing_program_when_configured_is_one_backend_warning(tmp_path):
    from auditor.builtin import language_backends

    language_backends._GC_FAILED.clear()
    missing = str(tmp_path / "no-such-grammalecte")
    auditor = _auditor({"command": missing})
    first = auditor.audit(Article(title="", body="Il a réagit.", lang="fr"))
    errors = [e for e in first.errors if e.kind == "backend"]
    assert len(errors) == 1 and "apt-get install grammalecte-cli" in errors[0].message
    assert [f.excerpt for f in first.findings if f.rule == "grammar.fr-past-participle"] == ["réagit"]
    language_backends._GC_FAILED.clear()


def test_not_installed_and_not_configured_is_silent(monkeypatch):
    monkeypatch.setattr(grammalecte.shutil, "which", lambda name: None)
    report = _auditor().audit(Article(title="", body="Il a réagit.", lang="fr"))
    assert not [e for e in report.errors if e.kind == "backend"]
    ok, detail = grammalecte.status({})
    assert not ok and "apt-get install grammalecte-cli" in detail


def test_status_names_the_install_command(tmp_path):
    ok, detail = grammalecte.status({"command": str(tmp_path / "nothing")})
    assert not ok and "apt-get install grammalecte-cli" in detail
    with pytest.raises(BackendUnavailable):
        grammalecte.check_fields({"body": "x"}, {"command": str(tmp_path / "nothing")})


def test_rules_listing_shows_backend_availability(monkeypatch):
    from typer.testing import CliRunner

    from auditor.cli import app

    monkeypatch.setattr(grammalecte.shutil, "which", lambda name: None)
    out = CliRunner().invoke(app, ["rules"]).output
    assert "grammar.grammalecte: backend unavailable" in out
    assert "apt-get install grammalecte-cli" in out
