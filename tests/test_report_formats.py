"""The CI and people report formats: SARIF (schema-valid), JUnit, GitHub, GitLab, Markdown, HTML."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor.engine import ArticleReport, RunReport, audit_paths
from auditor.formats import FormatOptions
from auditor.formats.github import MAX_ANNOTATIONS
from auditor.formats.html import highlight
from auditor.model import Article, Finding, SourceMap

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "tests" / "fixtures" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
OPTIONS = FormatOptions(fail_under=70)


@pytest.fixture(scope="module")
def run(auditor) -> RunReport:
    import os

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return audit_paths(auditor, ["examples/fr-budget-draft.md", "examples/en-hospital-draft.txt", "examples/fr-cms-export.json"])
    finally:
        os.chdir(cwd)


def render(auditor, name: str, run: RunReport, options: FormatOptions = OPTIONS) -> str:
    return auditor.formats[name].render(run, options)


def hostile_run(auditor) -> RunReport:
    body = (
        'Le maire a dit <script>window.__pwned = 1</script> et <img src=x onerror="window.__pwned = 2"> '
        "puis | pipe * étoile `code` [lien](http://x) ZZZ\n\nUn  double espace."
    )
    art = Article(title="Titre <b>gras</b> & « guillemets »", body=body, lang="fr", source="drafts/hostile.md")
    rep = auditor.audit(art)
    start = body.index("<script>")
    extra = Finding("test.injected", "style", "error", 'message <script>alert("m")</script>', "body", start, start + 8, "<script>",
                    suggestions=("<img src=y onerror=alert(1)>",))
    rep.findings = sorted([*rep.findings, extra.with_(line=1, column=start + 1)], key=lambda f: (f.field, f.start))
    return RunReport(articles=[rep], rules=auditor.rules)


def test_every_format_is_registered(auditor):
    assert {"html", "sarif", "junit", "github", "gitlab", "markdown"} <= set(auditor.formats)


# -- SARIF --------------------------------------------------------------------------------------------


def test_sarif_is_valid_against_the_official_schema(auditor, run):
    data = json.loads(render(auditor, "sarif", run))
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    errors = sorted(jsonschema.Draft4Validator(SCHEMA).iter_errors(data), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    assert data["version"] == "2.1.0"
    sarif_run = data["runs"][0]
    results = sarif_run["results"]
    total = sum(len(a.findings) for a in run.articles)
    assert total > 0 and len(results) == total
    rules = sarif_run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted({f.rule for a in run.articles for f in a.findings})
    for r in rules:
        assert r["shortDescription"]["text"] and r["help"]["text"] and r["help"]["markdown"]
        assert "**Why it matters**" in r["help"]["markdown"] or r["id"] not in auditor.rules
    for res in results:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        loc = res["locations"][0]["physicalLocation"]
        assert not loc["artifactLocation"]["uri"].startswith("/")
        assert loc["region"]["startLine"] >= 1 and loc["region"]["startColumn"] >= 1
        assert re.fullmatch(r"[0-9a-f]{32}", res["partialFingerprints"]["auditorContent/v1"])
    fps = [res["partialFingerprints"]["auditorContent/v1"] for res in results]
    assert len(set(fps)) == len(fps)


def test_sarif_positions_point_at_the_excerpt_in_the_file(auditor, run):
    data = json.loads(render(auditor, "sarif", run))
    for res in data["runs"][0]["results"]:
        loc = res["locations"][0]["physicalLocation"]
        region = loc["region"]
        if "snippet" not in region or region["startLine"] != region["endLine"]:
            continue
        line = (ROOT / loc["artifactLocation"]["uri"]).read_text(encoding="utf-8").split("\n")[region["startLine"] - 1]
        if loc["artifactLocation"]["uri"].endswith(".json"):
            continue  # JSON strings hold escapes: columns count raw characters
        assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == region["snippet"]["text"]


# -- JUnit --------------------------------------------------------------------------------------------


def test_junit_has_one_suite_per_article_and_one_failure_per_finding(auditor, run):
    root = ET.fromstring(render(auditor, "junit", run).encode("utf-8"))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [a.article.source for a in run.articles]
    for suite, rep in zip(suites, run.articles):
        failures = [c for c in suite.findall("testcase") if c.find("failure") is not None and c.get("name") != "score"]
        assert len(failures) == len(rep.findings)
        assert int(suite.get("tests")) == len(suite.findall("testcase"))
    assert int(root.get("failures")) == sum(int(s.get("failures")) for s in suites)


# -- GitHub -------------------------------------------------------------------------------------------


def test_github_annotations_most_severe_first_with_summary(auditor, run):
    lines = render(auditor, "github", run).splitlines()
    annotations = [line for line in lines if re.match(r"::(error|warning|notice) file=", line)]
    assert len(annotations) == min(MAX_ANNOTATIONS, sum(len(a.findings) for a in run.articles))
    rank = {"error": 0, "warning": 1, "notice": 2}
    levels = [rank[re.match(r"::(\w+)", a).group(1)] for a in annotations]
    assert levels == sorted(levels)
    first = annotations[0]
    assert re.match(r"::\w+ file=examples/[^,]+,line=\d+,col=\d+,(endColumn|endLine)=\d+,title=[^:]+::", first)
    assert lines[-1].startswith("::notice title=auditor summary::auditor: 4 article(s)")
    assert all("\n" not in a for a in annotations)


def test_github_caps_annotations(auditor):
    art = Article(title="T", body="a  b " * 80, lang="en", source="many.txt")
    rep = auditor.audit(art)
    assert len(rep.findings) > MAX_ANNOTATIONS
    out = render(auditor, "github", RunReport(articles=[rep], rules=auditor.rules)).splitlines()
    assert len(out) == MAX_ANNOTATIONS + 1
    assert f"{len(rep.findings) - MAX_ANNOTATIONS} more not annotated" in out[-1]


def test_github_escapes_newlines_and_properties(auditor):
    out = render(auditor, "github", hostile_run(auditor))
    for line in out.splitlines():
        assert line.startswith("::")


# -- GitLab -------------------------------------------------------------------------------------------


def test_gitlab_code_quality(auditor, run):
    issues = json.loads(render(auditor, "gitlab", run))
    assert len(issues) == sum(len(a.findings) for a in run.articles)
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert issue["location"]["positions"]["begin"]["line"] >= 1
    fps = [i["fingerprint"] for i in issues]
    assert len(set(fps)) == len(fps)


def test_gitlab_fingerprints_survive_moved_lines(auditor):
    from auditor.loaders import load_text

    text = "Council votes budget\n\nThe council  voted on Tuesday.\n\nAnother paragraph here.\n"
    moved = "Council votes budget\n\nA new first paragraph was added.\n\n\nThe council  voted on Tuesday.\n\nAnother paragraph here.\n"

    def fps(t):
        rep = auditor.audit(load_text(t, "draft.txt")[0], "en")
        return {i["fingerprint"]: i for i in json.loads(render(auditor, "gitlab", RunReport(articles=[rep], rules=auditor.rules)))
                if i["check_name"] == "typography.double-space"}

    a, b = fps(text), fps(moved)
    assert len(a) == 1 and set(a) == set(b)
    assert list(a.values())[0]["location"]["positions"]["begin"]["line"] != list(b.values())[0]["location"]["positions"]["begin"]["line"]


# -- Markdown -----------------------------------------------------------------------------------------


def test_markdown_comment(auditor, run):
    md = render(auditor, "markdown", run)
    assert md.startswith("## auditor report")
    assert "| Article | Score | Grade | Findings | Status |" in md
    assert md.count("<details>") == len(run.articles) == md.count("</details>")
    assert "### Top findings" in md
    for rep in run.articles:
        assert f"`{rep.article.source}`" in md


def test_markdown_escapes_article_text(auditor):
    md = render(auditor, "markdown", hostile_run(auditor))
    outside_code = re.sub(r"``.*?``|`[^`]*`", "", md)  # code spans are shown verbatim by GitHub and GitLab
    assert "<script>" not in outside_code and "<img" not in outside_code and "<b>" not in outside_code


# -- HTML ---------------------------------------------------------------------------------------------


def test_html_escapes_article_text_and_loads_nothing(auditor):
    page = render(auditor, "html", hostile_run(auditor))
    text_only = re.sub(r"</?mark[^>]*>", "", page)
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in text_only
    assert "&lt;img src=x onerror=&#34;window.__pwned = 2&#34;&gt;" in text_only
    assert "<img" not in page and "<b>gras" not in page
    assert page.count("<script>") == 1  # the report's own
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "default-src 'none'" in page


def test_html_index_for_several_articles(auditor, run):
    page = render(auditor, "html", run)
    assert 'id="index-h"' in page and "<svg" in page and "Most frequent rules" in page
    scores = [float(s) for s in re.findall(r'<td class="num">(\d+\.\d)</td><td class="grade', page)]
    assert scores == sorted(scores) and len(scores) == len(run.articles)


def test_html_is_deterministic(auditor, run):
    assert render(auditor, "html", run) == render(auditor, "html", run)


spans_strategy = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=8)


@given(st.text(alphabet="ab <&\n", max_size=30), spans_strategy)
def test_highlight_fragments_concatenate_to_the_excerpt(text, raw_spans):
    spans = [(min(s, e, len(text)), min(max(s, e), len(text)), f"f{n}") for n, (s, e) in enumerate(raw_spans)]
    pieces = highlight(text, spans)
    assert "".join(p.text for p in pieces if p.kind == "text") == text
    stack: list[str] = []
    got = {fid: "" for _s, _e, fid in spans}
    for p in pieces:
        if p.kind == "open":
            stack.append(p.fid)
        elif p.kind == "close":
            assert stack.pop() == p.fid
        elif p.kind == "text":
            for fid in set(stack):
                got[fid] += p.text
    assert not stack
    for s, e, fid in spans:
        assert got[fid] == text[s:e]


def test_junit_survives_control_characters(auditor):
    rep = auditor.audit(Article(title="T", body="Un mot\x01 ici.", lang="fr", source="ctrl.txt"))
    rep.findings = [Finding("test.ctrl", "style", "warning", "bad\x01message\x0b", "body", 3, 7, "mot\x01", line=1, column=4)]
    root = ET.fromstring(render(auditor, "junit", RunReport(articles=[rep], rules=auditor.rules)).encode("utf-8"))
    assert root.find("testsuite").get("name") == "ctrl.txt"
