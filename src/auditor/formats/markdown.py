"""``--format markdown``: a pull-request comment (GitHub or GitLab flavoured Markdown).

A heading with the totals, a table with one row per article (score, grade, findings by severity,
✅/❌ against ``--fail-under``), the ``TOP_FINDINGS`` most severe findings of the run, then one
collapsible ``<details>`` block per article with all its findings and its score breakdown by
category. Article text and messages are escaped so that a draft cannot inject Markdown or HTML into
the comment.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..fingerprint import display_path
from ._common import below, by_severity, fmt_score, items, rule_counts, short, suggestion, visible

if TYPE_CHECKING:
    from ..engine import ArticleReport, RunReport
    from . import FormatOptions

TOP_FINDINGS = 10
ICONS = {"error": "🔴", "warning": "🟠", "info": "🔵"}
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|<>~])")  # inline text: line-start syntax cannot occur


def esc(text: str) -> str:
    """Escape Markdown and HTML in one line of untrusted text (article text, messages)."""
    text = " ".join(str(text).split())
    text = text.replace("&", "&amp;")
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\\<", "&lt;").replace("\\>", "&gt;")


def code(text: str, limit: int = 80) -> str:
    """Inline code for an excerpt; backticks inside are handled by a longer fence."""
    text = short(visible(text), limit)
    text = text.replace("|", "¦")  # a pipe would break a table cell even inside code
    fence = "``" if "`" in text else "`"
    return f"{fence} {text} {fence}" if fence == "``" else f"`{text}`"


def _counts(rep: "ArticleReport") -> str:
    parts = []
    for sev in ("error", "warning", "info"):
        n = sum(1 for f in rep.findings if f.severity == sev)
        if n:
            parts.append(f"{ICONS[sev]} {n}")
    return " ".join(parts) or "—"


def render_markdown(run: "RunReport", options: "FormatOptions") -> str:
    all_items = list(items(run))
    out = ["## auditor report", ""]
    scored = [r.score for r in run.articles if r.score is not None]
    mean = f", mean score **{sum(scored) / len(scored):.1f}**" if scored else ""
    failing = [r for r in run.articles if below(r, options.fail_under)]
    line = f"{len(run.articles)} article(s), {len(all_items)} finding(s){mean}"
    if options.fail_under is not None:
        line += f"; threshold {options.fail_under:g}: " + (
            f"**{len(failing)} below** ❌" if failing else "all pass ✅"
        )
    out += [line + ".", ""]
    status_col = options.fail_under is not None
    out.append("| Article | Score | Grade | Findings |" + (" Status |" if status_col else ""))
    out.append("|---|---:|:---:|---|" + (":---:|" if status_col else ""))
    for rep in sorted(run.articles, key=lambda r: (r.score if r.score is not None else -1, display_path(r.article.source))):
        title = f"<br>{esc(short(rep.article.title, 70))}" if rep.article.title else ""
        row = f"| `{display_path(rep.article.source)}`{title} | {fmt_score(rep.score)} | {rep.grade or '—'} | {_counts(rep)} |"
        if status_col:
            row += " ❌ |" if below(rep, options.fail_under) else " ✅ |"
        out.append(row)
    out.append("")
    errors = [e for e in run.errors if e.kind == "input"]
    if errors:
        out += ["**Inputs that could not be read:**", ""]
        out += [f"- {esc(e.line())}" for e in errors]
        out.append("")
    if all_items:
        top = by_severity(all_items)[:TOP_FINDINGS]
        out += [f"### Top findings ({len(top)} of {len(all_items)})", ""]
        out += ["| | Where | Rule | Finding | Excerpt |", "|---|---|---|---|---|"]
        for it in top:
            f = it.finding
            msg = esc(f.message)
            if f.suggestions:
                msg += " → " + esc(" | ".join(suggestion(x) for x in f.suggestions[:2]))
            out.append(f"| {ICONS.get(f.severity, '')} | `{it.source}:{f.line}` | `{f.rule}` | {msg} | {code(f.excerpt, 60)} |")
        out.append("")
        counts = rule_counts(run)[:5]
        out.append("Most frequent rules: " + ", ".join(f"`{rid}` ×{n}" for rid, n in counts) + ".")
        out.append("")
    for n, rep in enumerate(run.articles):
        found = [it for it in all_items if it.index == n]
        out.append("<details>")
        out.append(
            f"<summary><code>{display_path(rep.article.source)}</code> — score {fmt_score(rep.score)}"
            f" ({rep.grade or '—'}), {len(found)} finding(s)</summary>"
        )
        out.append("")
        for err in rep.errors:
            out.append(f"> ⚠️ {esc(err.line())}")
            out.append("")
        if rep.categories:
            out += ["| Category | Findings | Points deducted |", "|---|---:|---:|"]
            for cat, info in sorted(rep.categories.items(), key=lambda kv: (-kv[1].get("deducted", 0), kv[0])):
                out.append(f"| {esc(cat)} | {int(info.get('findings', 0))} | {info.get('deducted', 0):.1f} |")
            out.append("")
        for it in found:
            f = it.finding
            item = f"- {ICONS.get(f.severity, '')} **{f.line}:{f.column}** `{f.rule}` — {esc(f.message)} {code(f.excerpt)}"
            if f.suggestions:
                item += " → " + esc(" | ".join(suggestion(x) for x in f.suggestions[:3]))
            out.append(item)
        if not found:
            out.append("No findings.")
        out += ["", "</details>", ""]
    return "\n".join(out).rstrip("\n") + "\n"
