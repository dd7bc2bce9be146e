"""``--format terminal``: findings grouped by article and category, each shown in its context."""

from __future__ import annotations

import io
from collections import defaultdict
from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text

if TYPE_CHECKING:
    from ..engine import ArticleReport, RunReport
    from . import FormatOptions

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
GRADE_STYLE = {"A": "bold green", "B": "green", "C": "yellow", "D": "dark_orange", "E": "red", "F": "bold red"}


def _context(text: str, start: int, end: int, width: int = 36) -> Text:
    """The excerpt highlighted inside a single line of its surroundings."""
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    mid = text[start:end].replace("\n", "⏎") or "∅"
    if len(mid) > 90:  # a sentence-long span: its start and end are enough to find it
        mid = f"{mid[:50]} … {mid[-30:]}"
    out = Text()
    out.append(("…" if start > width else "") + left, style="dim")
    out.append(mid, style="bold reverse")
    out.append(right + ("…" if end + width < len(text) else ""), style="dim")
    return out


def _article(console: Console, rep: "ArticleReport", options: "FormatOptions") -> None:
    a = rep.article
    head = Text()
    head.append(a.source, style="bold")
    if rep.score is not None:
        head.append("  score ")
        head.append(f"{rep.score:.1f}", style=GRADE_STYLE.get(rep.grade or "", ""))
        head.append(f" ({rep.grade})", style=GRADE_STYLE.get(rep.grade or "", ""))
    head.append(f"  {rep.lang or '?'} · {rep.words} words · {len(rep.findings)} findings", style="dim")
    console.print(head)
    if a.title:
        console.print(Text(f"  « {a.title} »", style="italic"))
    for err in rep.errors:
        console.print(Text(f"  ! {err.line()}", style="magenta"))
    if options.quiet:
        return
    by_cat: dict[str, list] = defaultdict(list)
    for f in rep.findings:
        by_cat[f.category].append(f)
    for cat in sorted(by_cat, key=lambda c: -len(by_cat[c])):
        info = rep.categories.get(cat, {})
        console.print(Text(f"  {cat} — {len(by_cat[cat])} finding(s), −{info.get('deducted', 0):.1f} points", style="bold"))
        for f in by_cat[cat]:
            line = Text("    ")
            line.append(f"{f.line}:{f.column}", style="dim")
            line.append(" ")
            line.append(f.severity, style=SEVERITY_STYLE.get(f.severity, ""))
            line.append(f" {f.message} ")
            line.append(f"[{f.rule}]", style="dim")
            if f.suggestions:
                shown = [repr(s) if not s.strip() else s for s in f.suggestions[:3]]
                line.append(" → " + " | ".join(shown), style="green")
            console.print(line)
            ctx = Text("      ")
            ctx.append(_context(a.text(f.field), f.start, f.end))
            console.print(ctx)
    console.print()


def render_terminal(run: "RunReport", options: "FormatOptions") -> str:
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=options.color, no_color=not options.color, width=options.width, highlight=False)
    for rep in run.articles:
        _article(console, rep, options)
    for err in run.errors:
        if err.kind != "input":
            console.print(Text(f"! {err.kind} error: {err.line()}", style="magenta"))
    summary = run.to_dict()["summary"]
    mean = summary["mean_score"]
    console.print(
        Text(
            f"{summary['articles']} article(s), {summary['findings']} finding(s)"
            + (f", mean score {mean:.1f}" if mean is not None else "")
            + (f", threshold {options.fail_under:g}" if options.fail_under is not None else ""),
            style="bold",
        )
    )
    return buf.getvalue()
