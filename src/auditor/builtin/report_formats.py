"""Built-in report formats for people and CI: HTML, SARIF, JUnit, GitHub, GitLab, Markdown."""

from auditor.formats import Format
from auditor.hookspec import hookimpl


def _lazy(module: str, func: str):
    def render(run, options):
        import importlib

        return getattr(importlib.import_module(f"auditor.formats.{module}"), func)(run, options)

    return render


@hookimpl
def auditor_formats():
    return [
        Format("html", "Self-contained HTML page: findings highlighted in the text, filters, score chart.", _lazy("html", "render_html"), ".html"),
        Format("sarif", "SARIF 2.1.0 for GitHub code scanning and SARIF viewers.", _lazy("sarif", "render_sarif"), ".sarif"),
        Format("junit", "JUnit XML: one test suite per article, one failed case per finding.", _lazy("junit", "render_junit"), ".xml"),
        Format("github", "GitHub Actions annotations (most severe first, capped) and a summary line.", _lazy("github", "render_github"), ".txt"),
        Format("gitlab", "GitLab Code Quality JSON with stable fingerprints.", _lazy("gitlab", "render_gitlab"), ".json"),
        Format("markdown", "Pull-request comment: score table, top findings, collapsible details.", _lazy("markdown", "render_markdown"), ".md"),
    ]
