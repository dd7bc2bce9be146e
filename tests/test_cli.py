"""The command line: exit codes, one clear line per bad input, the JSON schema on the examples."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()

ARTICLE_KEYS = {"source", "title", "lang", "words", "score", "grade", "categories", "deductions", "findings", "errors"}
FINDING_KEYS = {"rule", "category", "severity", "message", "field", "start", "end", "line", "column", "excerpt", "suggestions"}


def run(*args, input=None):
    return runner.invoke(app, list(args), input=input)


def check_schema(report: dict) -> None:
    assert report["schema"] == "auditor.report/1"
    assert report["tool"]["name"] == "auditor" and report["tool"]["version"]
    assert set(report["summary"]) >= {"articles", "findings", "mean_score"}
    for art in report["articles"]:
        assert ARTICLE_KEYS <= set(art), ARTICLE_KEYS - set(art)
        assert 0 <= art["score"] <= 100 and art["grade"] in "ABCDEF"
        for cat in art["categories"].values():
            assert {"score", "findings"} <= set(cat)
        for f in art["findings"]:
            assert FINDING_KEYS <= set(f)
            assert f["severity"] in ("error", "warning", "info")
            assert f["line"] >= 1 and f["column"] >= 1


def test_examples_json_schema():
    res = run("check", str(ROOT / "examples"), "--format", "json")
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    check_schema(report)
    sources = [a["source"] for a in report["articles"]]
    assert len(sources) >= 4
    suffixes = {Path(s.split("[")[0]).suffix for s in sources}
    assert suffixes >= {".md", ".html", ".txt", ".json"}
    assert {a["lang"] for a in report["articles"]} == {"fr", "en"}
    # every excerpt is the exact span of its field, and the line/column point at it in the file
    for art in report["articles"]:
        path = ROOT / "examples" / Path(art["source"].split("[")[0]).name
        raw_lines = path.read_text(encoding="utf-8").splitlines()
        for f in art["findings"]:
            if path.suffix in (".md", ".txt"):
                line = raw_lines[f["line"] - 1]
                assert line[f["column"] - 1 :].startswith(f["excerpt"].split("\n")[0])


def test_seed_page_furniture_and_double_spaces(seed_path):
    res = run("check", "--format", "json", str(seed_path))
    report = json.loads(res.stdout)
    art = report["articles"][0]
    gold = json.loads(seed_path.read_text(encoding="utf-8"))
    for f in art["findings"]:
        assert gold[f["field"]][f["start"] : f["end"]] == f["excerpt"]
    furniture = [f["excerpt"] for f in art["findings"] if f["rule"] == "boilerplate.page-furniture"]
    assert furniture.count("A lire aussi") == 2 and "La vidéo du jour" in furniture
    doubles = [f for f in art["findings"] if f["rule"] == "typography.double-space"]
    assert len(doubles) == gold["body"].count("\u00a0 ")
    assert all(f["category"] == "typography" for f in doubles)


BAD_INPUTS = [
    ("missing.md", None, "no such file"),
    ("empty.txt", "", "empty file"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
    ("latin1.txt", "Un café noir\n\nCorps.".encode("latin-1"), "UTF-8"),
    ("broken.json", '{"title": "x" "body": "y"}', "malformed JSON"),
    ("menu.html", "<html><body><nav><a href='/'>Accueil</a></nav></body></html>", "no article text"),
]


@pytest.mark.parametrize("name,content,reason", BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_exit_2_and_good_file_still_audited(tmp_path, name, content, reason):
    bad = tmp_path / name
    if isinstance(content, bytes):
        bad.write_bytes(content)
    elif content is not None:
        bad.write_text(content, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("Council approves budget\n\nThe council  approved the budget on Monday.\n", encoding="utf-8")
    res = run("check", "--format", "json", str(bad), str(good))
    assert res.exit_code == 2
    lines = [l for l in res.stderr.splitlines() if l.strip()]
    assert len(lines) == 1, res.stderr
    assert str(bad) in lines[0] and reason in lines[0]
    assert "Traceback" not in res.output
    report = json.loads(res.stdout)
    assert [a["source"] for a in report["articles"]] == [str(good)]
    assert any(f["rule"] == "typography.double-space" for f in report["articles"][0]["findings"])


def test_stdin_and_fail_under(tmp_path):
    text = "Headline here\n\nA body with  two spaces and « La vidéo du jour » stuff.\nLa vidéo du jour\n"
    res = run("check", "-", "--format", "json", "--lang", "fr", input=text)
    assert res.exit_code == 0, res.output
    art = json.loads(res.stdout)["articles"][0]
    assert art["source"] == "<stdin>" and art["lang"] == "fr"
    res = run("check", "-", "--format", "json", "--fail-under", "99.9", input=text)
    assert res.exit_code == 1
    res = run("check", "-", "--format", "json", "--fail-under", "1", input=text)
    assert res.exit_code == 0


def test_usage_errors_exit_2(tmp_path):
    assert run("check", "x.md", "--format", "nope").exit_code == 2
    assert run("check", "x.md", "--lang", "de").exit_code == 2
    assert run("check", "x.md", "--rules", str(tmp_path / "missing")).exit_code == 2
    bad_cfg = tmp_path / "auditor.toml"
    bad_cfg.write_text("fail-under = 'high'\n", encoding="utf-8")
    res = run("check", "x.md", "--config", str(bad_cfg))
    assert res.exit_code == 2 and "fail-under" in res.stderr


def test_unsupported_article_language_is_a_report_line(tmp_path):
    p = tmp_path / "de.json"
    p.write_text(json.dumps({"title": "Ein Titel", "body": "Ein Text.", "lang": "de"}), encoding="utf-8")
    res = run("check", "--format", "json", str(p))
    assert res.exit_code == 0
    art = json.loads(res.stdout)["articles"][0]
    assert art["errors"][0]["kind"] == "language" and "not supported" in art["errors"][0]["message"]


def test_output_file_and_terminal_format(tmp_path):
    out = tmp_path / "r" / "report.json"
    res = run("check", str(ROOT / "examples" / "fr-budget-draft.md"), "--format", "json", "--output", str(out))
    assert res.exit_code == 0 and res.stdout == ""
    check_schema(json.loads(out.read_text(encoding="utf-8")))
    res = run("check", str(ROOT / "examples" / "fr-budget-draft.md"))
    assert "score" in res.stdout and "page-furniture" in res.stdout


def test_disable_rule_and_plugin():
    path = str(ROOT / "examples" / "fr-budget-draft.md")
    rules = lambda res: {f["rule"] for a in json.loads(res.stdout)["articles"] for f in a["findings"]}
    assert "typography.double-space" in rules(run("check", path, "-f", "json"))
    assert "typography.double-space" not in rules(run("check", path, "-f", "json", "--disable", "typography.double-space"))
    assert "typography.double-space" not in rules(run("check", path, "-f", "json", "--disable", "plugin:auditor.builtin.typography"))
    assert "boilerplate.page-furniture" not in rules(run("check", path, "-f", "json", "--disable", "boilerplate"))


def test_rules_and_explain():
    res = run("rules")
    assert res.exit_code == 0 and "boilerplate.page-furniture" in res.stdout
    res = run("explain", "typography.double-space")
    assert res.exit_code == 0 and "What it does" in res.stdout
    assert run("explain", "no.such-rule").exit_code == 2


def test_jobs_gives_same_report():
    one = run("check", str(ROOT / "examples"), "-f", "json")
    two = run("check", str(ROOT / "examples"), "-f", "json", "-j", "2")
    assert two.exit_code == 0
    strip = lambda r: [(a["source"], a["score"], [f["rule"] for f in a["findings"]]) for a in json.loads(r.stdout)["articles"]]
    assert strip(one) == strip(two)


def test_console_script_runs():
    exe = Path(sys.executable).parent / "auditor"
    res = subprocess.run([str(exe), "--version"], capture_output=True, text=True)
    assert res.returncode == 0 and res.stdout.startswith("auditor ")
