"""Regenerate ``reports/``: the report of every example article in every report format.

    .venv/bin/python scripts/regen_reports.py          # rewrite reports/
    .venv/bin/python scripts/regen_reports.py --check  # exit 1 and list what is stale

For each file under ``examples/`` (its README excepted) and each format that ``auditor formats``
lists, ``reports/<example-stem>/<format><suffix>`` holds what ``auditor check <example> --format
<format> --fail-under 70`` prints, run from the repository root with the default configuration;
``reports/all/`` holds the reports of all examples in one run (the HTML one has the index and the
score chart). Output is deterministic (no timestamps, no absolute paths), so the test
``tests/test_reports_sync.py`` can check that the committed reports are up to date: rerun this
script whenever rules or formats change. PNG screenshots under ``reports/`` are written by the
browser test and are not compared.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
REPORTS = ROOT / "reports"
FAIL_UNDER = 70.0
COMMAND = ".venv/bin/python scripts/regen_reports.py"


def example_files() -> list[str]:
    """Example inputs as paths relative to the repository root, sorted."""
    from auditor.loaders import SUPPORTED_SUFFIXES, expand_inputs

    return sorted(os.path.relpath(p, ROOT) for p in expand_inputs([str(EXAMPLES)], SUPPORTED_SUFFIXES))


def render_all(auditor=None) -> dict[str, str]:
    """``{path relative to reports/: text}`` for every example and format (and the all-examples run)."""
    from auditor.config import Config
    from auditor.engine import Auditor, audit_paths
    from auditor.formats import FormatOptions

    if auditor is None:
        auditor = Auditor(Config(load_entry_points=False))
    options = FormatOptions(color=False, width=100, quiet=False, fail_under=FAIL_UNDER)
    out: dict[str, str] = {}
    cwd = os.getcwd()
    os.chdir(ROOT)  # sources are then relative paths such as examples/fr-budget-draft.md
    try:
        files = example_files()
        runs = {Path(f).stem: audit_paths(auditor, [f]) for f in files}
        runs["all"] = audit_paths(auditor, files)
        for stem, run in runs.items():
            for name, fmt in sorted(auditor.formats.items()):
                out[f"{stem}/{name}{fmt.suffix}"] = fmt.render(run, options)
    finally:
        os.chdir(cwd)
    return out


CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = ("fr-budget-draft", "all")  # reports whose HTML page is also kept as a PNG


def chromium_path() -> str | None:
    """Debian's chromium (installed by .ci/run); None when absent."""
    import shutil

    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def launch_browser(playwright):
    """Headless Chromium driven by Playwright, using the system browser (nothing is downloaded)."""
    return playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_FLAGS)


def screenshot(html: Path, png: Path, width: int = 1280) -> None:
    """A full-page PNG of an HTML report."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch_browser(p)
        try:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(html.resolve().as_uri())
            png.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(png), full_page=True)
        finally:
            browser.close()


def write_screenshots() -> list[Path]:
    """PNGs of some HTML reports, for people browsing the repository (skipped without chromium)."""
    if chromium_path() is None:
        print("chromium not found: screenshots not updated", file=sys.stderr)
        return []
    out = []
    for stem in SCREENSHOTS:
        png = REPORTS / stem / "html.png"
        screenshot(REPORTS / stem / "html.html", png)
        out.append(png)
    return out


def stale(rendered: dict[str, str]) -> list[str]:
    """Report files that differ from ``rendered``, are missing, or are left over."""
    problems = []
    for rel, text in sorted(rendered.items()):
        path = REPORTS / rel
        if not path.exists():
            problems.append(f"missing  reports/{rel}")
        elif path.read_text(encoding="utf-8") != text:
            problems.append(f"outdated reports/{rel}")
    for path in sorted(REPORTS.rglob("*")):
        rel = path.relative_to(REPORTS).as_posix()
        if path.is_file() and path.suffix != ".png" and path.name not in (".gitignore", "README.md") and rel not in rendered:
            problems.append(f"leftover reports/{rel}")
    return problems


def write(rendered: dict[str, str]) -> None:
    for path in sorted(REPORTS.rglob("*")):
        rel = path.relative_to(REPORTS).as_posix()
        if path.is_file() and path.suffix != ".png" and path.name not in (".gitignore", "README.md") and rel not in rendered:
            path.unlink()
    for rel, text in rendered.items():
        path = REPORTS / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check that reports/ is up to date")
    args = parser.parse_args(argv)
    rendered = render_all()
    if args.check:
        problems = stale(rendered)
        for p in problems:
            print(p)
        if problems:
            print(f"reports/ is out of date: run {COMMAND}", file=sys.stderr)
            return 1
        print(f"reports/ is up to date ({len(rendered)} files)")
        return 0
    write(rendered)
    shots = write_screenshots()
    print(f"wrote {len(rendered)} report files and {len(shots)} screenshot(s) under reports/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
