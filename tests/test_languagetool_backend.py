"""The LanguageTool adapter against a loopback HTTP server that speaks LanguageTool's documented
``/v2/languages`` and ``/v2/check`` protocol (no real LanguageTool can be installed here).

The fake server flags every "teh" (rule EN_TEH, category GRAMMAR, so that it stays visible with
spelling matches off) and every "speling" (a MORFOLOGIK spelling match, dropped by default), and
reports offsets and lengths in UTF-16 code units, as LanguageTool does.
"""

from __future__ import annotations

import json
import socket
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from auditor.backends import languagetool as lt
from auditor.config import config_from_mapping
from auditor.engine import Auditor
from auditor.model import Article


def _u16(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


class FakeLT(BaseHTTPRequestHandler):
    requests_seen: list[dict] = []

    def log_message(self, *args):  # quiet
        pass

    def _json(self, payload) -> None:
        body = json.dumps(payload).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802
        if self.path.startswith("/v2/languages"):
            self._json([
                {"name": "English (US)", "code": "en", "longCode": "en-US"},
                {"name": "French", "code": "fr", "longCode": "fr"},
            ])
        else:
            self.send_error(404)

    def do_POST(self):  # noqa: N802
        if not self.path.startswith("/v2/check"):
            self.send_error(404)
            return
        length = int(self.headers.get("Content-Length", "0"))
        form = urllib.parse.parse_qs(self.rfile.read(length).decode("utf-8"))
        text = form["text"][0]
        FakeLT.requests_seen.append({k: v[0] for k, v in form.items()})
        matches = []
        for word, rule, cat, issue, repl in (
            ("teh", "EN_TEH", "GRAMMAR", "grammar", "the"),
            ("speling", "MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling", "spelling"),
            ("x🎉y", "EMOJI_IN_WORD", "GRAMMAR", "grammar", "xy"),
        ):
            start = text.find(word)
            while start >= 0:
                matches.append({
                    "message": f"Possible error: {word}",
                    "shortMessage": "",
                    "replacements": [{"value": repl}],
                    "offset": _u16(text[:start]),
                    "length": _u16(word),
                    "context": {"text": text, "offset": _u16(text[:start]), "length": _u16(word)},
                    "sentence": text,
                    "rule": {"id": rule, "description": "", "issueType": issue,
                             "category": {"id": cat, "name": cat.title()}},
                })
                start = text.find(word, start + 1)
        self._json({"software": {"name": "LanguageTool", "version": "6.6"}, "language": {"code": form["language"][0]},
                    "matches": matches})


@pytest.fixture()
def fake_server():
    lt.reset()
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeLT)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    lt.reset()


def _auditor(table: dict) -> Auditor:
    config = config_from_mapping({"languagetool": table})
    config.load_entry_points = False
    config.disable = {"names", "attribution", "clickbait"}  # keep the test fast: no spaCy parse
    return Auditor(config)


def _lt(report):
    return [f for f in report.findings if f.rule == "grammar.languagetool"]


def test_matches_become_findings_with_languagetool_ids(fake_server):
    body = "We saw teh vote and teh count."
    report = _auditor({"url": fake_server}).audit(Article(title="", body=body, lang="en"))
    found = _lt(report)
    assert [(f.excerpt, f.start, f.end) for f in found] == [("teh", 7, 10), ("teh", 20, 23)]
    f = found[0]
    assert f.suggestions == ("the",)
    assert f.data["lt_rule"] == "EN_TEH" and f.data["lt_category"] == "GRAMMAR"
    assert f.category == "grammar"
    assert "EN_TEH" in f.message
    assert not report.errors
    sent = FakeLT.requests_seen[-1]
    assert sent["language"] == "en-US"


def test_astral_plane_characters_keep_offsets_exact(fake_server):
    body = "Party 🎉🎉 then teh vote 😀 and teh end, x🎉y."
    report = _auditor({"url": fake_server}).audit(Article(title="", body=body, lang="en"))
    found = _lt(report)
    spans = [(f.start, f.end, f.excerpt) for f in found]
    first = body.find("teh")
    second = body.find("teh", first + 1)
    emoji_word = body.find("x🎉y")
    assert (first, first + 3, "teh") in spans
    assert (second, second + 3, "teh") in spans
    # A match that spans an astral character: its length is 4 UTF-16 units but 3 characters.
    assert (emoji_word, emoji_word + 3, "x🎉y") in spans
    for f in found:
        assert body[f.start:f.end] == f.excerpt


def test_spelling_matches_dropped_by_default_and_kept_on_request(fake_server):
    body = "A speling slip and teh other."
    report = _auditor({"url": fake_server}).audit(Article(title="", body=body, lang="en"))
    assert [f.excerpt for f in _lt(report)] == ["teh"]
    lt.reset()
    report = _auditor({"url": fake_server, "spelling": True}).audit(Article(title="", body=body, lang="en"))
    found = {f.excerpt: f for f in _lt(report)}
    assert set(found) == {"speling", "teh"}
    assert found["speling"].category == "spelling"


def test_title_and_french(fake_server):
    report = _auditor({"url": fake_server}).audit(Article(title="Un titre avec teh", body="Le corps.", lang="fr"))
    found = _lt(report)
    assert [(f.field, f.excerpt) for f in found] == [("title", "teh")]
    assert FakeLT.requests_seen[-1]["language"] == "fr"


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_server_gives_one_backend_warning_and_embedded_rules_still_run():
    lt.reset()
    auditor = _auditor({"url": f"http://127.0.0.1:{_closed_port()}"})
    first = auditor.audit(Article(title="", body="The plan changed alot and teh vote.", lang="en"))
    backend = [e for e in first.errors if e.kind == "backend"]
    assert len(backend) == 1
    assert "LanguageTool" in backend[0].message and "unavailable" in backend[0].message
    assert backend[0].rule == "grammar.languagetool"
    # The embedded checks ran.
    assert any(f.rule == "grammar.en-alot" for f in first.findings)
    # A second article in the same run does not repeat the warning nor retry the dead server.
    second = auditor.audit(Article(title="", body="Another alot.", lang="en"))
    assert not [e for e in second.errors if e.kind == "backend"]
    assert any(f.rule == "grammar.en-alot" for f in second.findings)
    lt.reset()


def test_not_configured_does_nothing(monkeypatch):
    lt.reset()
    config = config_from_mapping({})
    config.load_entry_points = False
    config.disable = {"names", "attribution", "clickbait"}
    report = Auditor(config).audit(Article(title="", body="teh vote", lang="en"))
    assert not _lt(report) and not [e for e in report.errors if e.kind == "backend"]


def test_local_distribution_missing_is_reported_not_downloaded(tmp_path, monkeypatch):
    """``local = true`` with an empty $LTP_PATH: a clear warning, and the client is never built
    (so language-tool-python cannot start its automatic download)."""
    lt.reset()
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    built = []
    import language_tool_python

    monkeypatch.setattr(language_tool_python, "LanguageTool", lambda *a, **k: built.append((a, k)))
    report = _auditor({"local": True}).audit(Article(title="", body="teh vote", lang="en"))
    errors = [e for e in report.errors if e.kind == "backend"]
    assert len(errors) == 1 and "never downloads" in errors[0].message
    assert built == []
    lt.reset()


def test_local_distribution_found_uses_its_version(tmp_path, monkeypatch):
    (tmp_path / "LanguageTool-6.6").mkdir()
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    settings = lt.settings_from_config({"local": True})
    assert settings is not None and settings.version == "6.6"
    assert settings.local_dir == str(tmp_path / "LanguageTool-6.6")


@pytest.mark.parametrize("exc", [ValueError("bad"), FileNotFoundError("jar"), ConnectionError("refused")])
def test_any_client_error_is_a_backend_warning(monkeypatch, exc):
    lt.reset()
    import language_tool_python

    def boom(*a, **k):
        raise exc

    monkeypatch.setattr(language_tool_python, "LanguageTool", boom)
    report = _auditor({"url": "http://127.0.0.1:9"}).audit(Article(title="", body="teh vote", lang="en"))
    errors = [e for e in report.errors if e.kind == "backend"]
    assert len(errors) == 1 and type(exc).__name__ in errors[0].message
    lt.reset()


def test_utf16_table():
    text = "a😀b"
    table = lt.utf16_to_index(text)
    assert table == [0, 1, 1, 2, 3]
    assert lt.index_to_utf16(text, 2) == 3
