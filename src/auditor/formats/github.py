"""``--format github``: GitHub Actions workflow commands, shown as annotations on a pull request.

One ``::error``/``::warning``/``::notice`` line per finding with ``file``, ``line``, ``col``,
``endLine``, ``endColumn`` and ``title`` (the rule id), the message and suggestions as text. GitHub
shows at most 10 annotations of each level per step (50 per job), so findings are printed most
severe first and at most ``MAX_ANNOTATIONS`` of them, then a summary line (a ``::notice`` without
a file) with the counts, the scores and how many were left out. Values are escaped as the runner
expects (``%``, CR, LF, and ``:``/``,`` in properties).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..fingerprint import display_path
from ._common import below, by_severity, fmt_score, items, suggestion

if TYPE_CHECKING:
    from ..engine import RunReport
    from . import FormatOptions

MAX_ANNOTATIONS = 50
COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(run: "RunReport", options: "FormatOptions") -> str:
    lines = []
    all_items = by_severity(list(items(run)))
    shown = all_items[:MAX_ANNOTATIONS]
    for it in shown:
        f = it.finding
        end_line, end_col = it.report.article.position(f.field, f.end) if f.end > f.start else (f.line, f.column)
        props = [f"file={escape_property(it.path)}", f"line={max(f.line, 1)}", f"col={max(f.column, 1)}"]
        if end_line > f.line:
            props.append(f"endLine={end_line}")
        else:
            props.append(f"endColumn={max(end_col, f.column)}")
        props.append(f"title={escape_property(f'{f.rule} ({f.category})')}")
        message = f.message
        if f.suggestions:
            message += "\nSuggestion: " + " | ".join(suggestion(x) for x in f.suggestions[:3])
        if it.source != it.path:
            message += f"\nArticle: {it.source}"
        lines.append(f"::{COMMANDS.get(f.severity, 'warning')} {','.join(props)}::{escape_data(message)}")
    for err in run.errors:
        if err.kind == "input":
            lines.append(f"::error title=auditor input error::{escape_data(err.line())}")
    counts = {sev: sum(1 for it in all_items if it.finding.severity == sev) for sev in ("error", "warning", "info")}
    scores = ", ".join(f"{display_path(rep.article.source)} {fmt_score(rep.score)}" for rep in run.articles)
    failing = [rep for rep in run.articles if below(rep, options.fail_under)]
    summary = (
        f"auditor: {len(run.articles)} article(s), {len(all_items)} finding(s) "
        f"({counts['error']} error, {counts['warning']} warning, {counts['info']} info)"
    )
    if len(all_items) > len(shown):
        summary += f"; {len(all_items) - len(shown)} more not annotated (GitHub caps annotations: see the full report)"
    if scores:
        summary += f". Scores: {scores}"
    if options.fail_under is not None:
        summary += f". {len(failing)} below {options.fail_under:g}"
    lines.append(f"::notice title=auditor summary::{escape_data(summary)}")
    return "\n".join(lines) + "\n"
