"""The HTML report in a real headless browser (Debian's chromium driven by Playwright).

Skipped, with the reason, when chromium or the playwright package is missing (.ci/run installs both).
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

from auditor.engine import RunReport, audit_paths
from auditor.formats import FormatOptions
from auditor.model import Article, Finding

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("regen_reports", ROOT / "scripts" / "regen_reports.py")
regen = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(regen)

playwright_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
if regen.chromium_path() is None:
    pytest.skip("chromium is not installed (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = regen.launch_browser(p)
        yield b
        b.close()


def open_report(browser, html: str, tmp_path: Path, name: str = "report.html"):
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("request", lambda r: problems.append(f"request: {r.url}") if not r.url.startswith("file:") and not r.url.startswith("data:") else None)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, problems


def hostile_run(auditor) -> RunReport:
    body = (
        "Le conseil a voté. <script>window.__pwned = 'script'</script> Puis "
        '<img src="x" onerror="window.__pwned = \'img\'"> et <svg onload="window.__pwned = \'svg\'"></svg>.\n\n'
        "Un  double espace, puis un autre  ici."
    )
    rep = auditor.audit(Article(title="Titre <script>window.__pwned = 'title'</script>", body=body, lang="fr", source="drafts/hostile.md"))
    # Overlapping and crossing findings, and an insertion point, to exercise nested highlighting.
    s = body.index("<img")
    extra = [
        Finding("test.outer", "style", "warning", "outer <b>span</b>", "body", s, s + 30, body[s : s + 30]),
        Finding("test.cross", "names", "error", "crossing", "body", s + 20, s + 45, body[s + 20 : s + 45]),
        Finding("test.point", "grammar", "info", "insertion point", "body", s + 10, s + 10, ""),
    ]
    rep.findings = sorted([*rep.findings, *(f.with_(line=3, column=1) for f in extra)], key=lambda f: (f.field != "title", f.start, f.end))
    return RunReport(articles=[rep], rules=auditor.rules)


def dom_excerpts(page) -> dict[str, str]:
    """For every finding id, the concatenated text of its highlighted fragments, read from the DOM."""
    return page.evaluate(
        """() => {
            const out = {};
            document.querySelectorAll("mark[data-fid]").forEach(m => {
                out[m.dataset.fid] = (out[m.dataset.fid] || "") + m.textContent;
            });
            return out;
        }"""
    )


def expected_excerpts(run: RunReport) -> dict[str, str]:
    return {f"a{n}-f{k}": f.excerpt for n, rep in enumerate(run.articles) for k, f in enumerate(rep.findings)}


def test_examples_report_loads_cleanly_and_highlights_every_excerpt(auditor, browser, tmp_path):
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        run = audit_paths(auditor, regen.example_files())
    finally:
        os.chdir(cwd)
    html = auditor.formats["html"].render(run, FormatOptions(fail_under=70))
    page, problems = open_report(browser, html, tmp_path)
    assert problems == []
    expected = expected_excerpts(run)
    assert len(expected) > 10
    assert dom_excerpts(page) == expected
    # the index lists every article, lowest score first
    assert page.locator("table.scores tbody tr").count() == len(run.articles)
    page.close()


def test_injected_markup_does_not_run_and_crossing_findings_highlight_exactly(auditor, browser, tmp_path):
    run = hostile_run(auditor)
    page, problems = open_report(browser, auditor.formats["html"].render(run, FormatOptions()), tmp_path)
    assert problems == []
    assert page.evaluate("() => window.__pwned === undefined")
    assert page.locator("article img, article svg, article script").count() == 0
    body_text = page.locator("article .body").first.text_content()
    assert body_text == run.articles[0].article.body
    assert "<script>window.__pwned = 'title'</script>" in page.locator("article h3.title").first.text_content()
    assert dom_excerpts(page) == expected_excerpts(run)
    page.close()


def test_keyboard_focus_shows_the_message_and_filters_hide_findings(auditor, browser, tmp_path):
    run = hostile_run(auditor)
    page, problems = open_report(browser, auditor.formats["html"].render(run, FormatOptions()), tmp_path)
    first = run.articles[0].findings[0]
    page.focus("mark#a0-f0")
    tip = page.locator("#tip")
    assert tip.is_visible()
    assert first.message in tip.text_content()
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    # Screen readers get the message as the highlight's description.
    described = page.locator("mark#a0-f0").get_attribute("aria-describedby")
    assert first.message in page.locator(f"#{described}").text_content()
    # Tab order reaches the highlights.
    page.focus("mark#a0-f0")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.tagName") in ("MARK", "A")
    # Unchecking a category hides its findings in the list and un-highlights them in the text.
    box = page.locator('input[data-filter="cat"][value="names"]')
    box.focus()
    page.keyboard.press("Space")
    assert not box.is_checked()
    assert page.locator('.findings .item[data-cat="names"]').first.is_hidden()
    assert "off" in page.locator('mark[data-cat="names"]').first.get_attribute("class")
    assert page.locator('.findings .item[data-cat="style"]').first.is_visible()
    assert problems == []
    page.close()


def test_seed_article_screenshot(auditor, browser, seed_path, tmp_path):
    run = audit_paths(auditor, [str(seed_path)])
    assert run.articles and run.articles[0].findings
    html = auditor.formats["html"].render(run, FormatOptions())
    page, problems = open_report(browser, html, tmp_path)
    assert problems == []
    assert dom_excerpts(page) == expected_excerpts(run)
    png = ROOT / "reports" / "seed-amazon-rekognition.png"
    page.screenshot(path=str(png), full_page=True)
    page.close()
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
