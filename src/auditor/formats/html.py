"""``--format html``: one self-contained page (inline CSS and JS, no network) for a whole run.

For each article: its score and the breakdown by category, its signals, the title and body with
every finding highlighted in place (``<mark>``, coloured by category, focusable; the message and
suggestions show on hover and on keyboard focus), a side list of the findings linking to their
place, and filters by category and severity. With several articles, an index comes first: the
articles sorted by score (lowest first), an SVG histogram of the scores and the most frequent rules.

The page is rendered by Jinja2 with autoescaping on: article text is only ever inserted as text,
so a draft containing ``<script>`` or ``<img onerror=…>`` shows those characters and runs nothing.
A Content-Security-Policy meta tag forbids any network load as a second line of defence.

Highlighting: findings may nest or cross. The text is cut at every finding boundary; each piece is
wrapped in the marks of the findings covering it, outermost the one that starts first. A finding
whose mark has to be closed early (because a crossing one ends inside it) is reopened after, so a
finding may be drawn as several fragments sharing ``data-fid``; the concatenated text of its
fragments is exactly its excerpt. An empty finding (an insertion point) is an empty mark.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from .. import __version__
from ..fingerprint import display_path
from ._common import SEVERITY_RANK, fmt_score, rule_counts, rule_summary, short, suggestion

if TYPE_CHECKING:
    from ..engine import ArticleReport, RunReport
    from ..model import Finding
    from . import FormatOptions

TEMPLATES = Path(__file__).parent / "templates"
CATEGORY_COLOURS = {
    "spelling": "#d93f3f",
    "grammar": "#e07b00",
    "names": "#8e44ad",
    "attribution": "#1f77b4",
    "clickbait": "#c2185b",
    "boilerplate": "#607d8b",
    "typography": "#2e8b57",
    "style": "#b8860b",
}
FALLBACK_COLOURS = ("#00838f", "#6d4c41", "#5c6bc0", "#9e9d24")


@dataclass
class Piece:
    """A piece of highlighted text: ``kind`` is ``text``, ``open``, ``close`` or ``empty``."""

    kind: str
    text: str = ""
    fid: str = ""
    cont: bool = False  # a reopened fragment of a finding cut by a crossing one


@dataclass
class FindingView:
    fid: str
    finding: "Finding"
    summary: str
    suggestions: list[str] = field(default_factory=list)


def highlight(text: str, spans: list[tuple[int, int, str]]) -> list[Piece]:
    """Cut ``text`` into text pieces and open/close marks for the ``(start, end, fid)`` spans."""
    order = {fid: n for n, (_s, _e, fid) in enumerate(sorted(spans, key=lambda s: (s[0], -s[1], s[2])))}
    ranges = {fid: (s, e) for s, e, fid in spans}
    empties: dict[int, list[str]] = {}
    for s, e, fid in spans:
        if s == e:
            empties.setdefault(s, []).append(fid)
    points = sorted({0, len(text), *(s for s, _e, _f in spans), *(e for _s, e, _f in spans)})
    out: list[Piece] = []
    stack: list[str] = []
    opened: set[str] = set()

    def close_all_to(depth: int) -> None:
        while len(stack) > depth:
            out.append(Piece("close", fid=stack.pop()))

    for i, pos in enumerate(points):
        for fid in sorted(empties.get(pos, []), key=order.get):
            out.append(Piece("empty", fid=fid))
        if i == len(points) - 1:
            break
        nxt = points[i + 1]
        active = sorted(
            (fid for fid, (s, e) in ranges.items() if s <= pos and e >= nxt and s < e), key=order.get
        )
        common = 0
        while common < len(stack) and common < len(active) and stack[common] == active[common]:
            common += 1
        close_all_to(common)
        for fid in active[common:]:
            out.append(Piece("open", fid=fid, cont=fid in opened))
            opened.add(fid)
            stack.append(fid)
        out.append(Piece("text", text=text[pos:nxt]))
    close_all_to(0)
    return [p for p in out if p.kind != "text" or p.text]


def _colours(categories: set[str]) -> dict[str, str]:
    colours = {}
    extra = 0
    for cat in sorted(categories):
        if cat in CATEGORY_COLOURS:
            colours[cat] = CATEGORY_COLOURS[cat]
        else:
            colours[cat] = FALLBACK_COLOURS[extra % len(FALLBACK_COLOURS)]
            extra += 1
    return colours


def _article_view(n: int, rep: "ArticleReport", run: "RunReport") -> dict[str, Any]:
    a = rep.article
    views = []
    spans: dict[str, list[tuple[int, int, str]]] = {"title": [], "body": []}
    for k, f in enumerate(rep.findings):
        fid = f"a{n}-f{k}"
        views.append(FindingView(fid, f, rule_summary(run.rules.get(f.rule), f.rule), [suggestion(x) for x in f.suggestions[:5]]))
        spans.setdefault(f.field, []).append((f.start, f.end, fid))
    cats = Counter(f.category for f in rep.findings)
    sevs = Counter(f.severity for f in rep.findings)
    categories = sorted(rep.categories.items(), key=lambda kv: (-kv[1].get("deducted", 0.0), kv[0]))
    signals = rep.extras.get("signals") or {}
    return {
        "n": n,
        "id": f"article-{n}",
        "source": display_path(a.source),
        "title": a.title,
        "title_pieces": highlight(a.title, spans.get("title", [])),
        "body_pieces": highlight(a.body, spans.get("body", [])),
        "lang": rep.lang,
        "words": rep.words,
        "score": rep.score,
        "score_text": fmt_score(rep.score),
        "grade": rep.grade or "—",
        "categories": categories,
        "findings": views,
        "by_id": {v.fid: v for v in views},
        "category_counts": sorted(cats.items()),
        "severity_counts": sorted(sevs.items(), key=lambda kv: SEVERITY_RANK.get(kv[0], 3)),
        "signals": [(k, json.dumps(v, ensure_ascii=False, indent=1, sort_keys=True, default=str)) for k, v in sorted(signals.items())],
        "errors": [e.line() for e in rep.errors],
        "meta": [(k, v) for k, v in (("author", a.author), ("published", a.published), ("url", a.url)) if v],
    }


def _histogram(scores: list[float], threshold: float | None = None) -> dict[str, Any]:
    """Bins of 10 points for the score-distribution chart (SVG drawn by the template)."""
    bins = [0] * 10
    for s in scores:
        bins[min(int(s // 10), 9)] += 1
    peak = max(bins) or 1
    width, height, pad = 400, 160, 24
    bar_w = (width - 2 * pad) / 10
    bars = []
    for i, count in enumerate(bins):
        h = (height - 2 * pad) * count / peak
        bars.append(
            {
                "x": round(pad + i * bar_w + 2, 1),
                "y": round(height - pad - h, 1),
                "w": round(bar_w - 4, 1),
                "h": round(h, 1),
                "count": count,
                "label": f"{i * 10}–{i * 10 + 10}",
                "lx": round(pad + i * bar_w + bar_w / 2, 1),
                "tx": round(pad + i * bar_w, 1),
            }
        )
    line = None
    if threshold is not None and 0 <= threshold <= 100:
        line = round(pad + threshold / 10 * bar_w, 1)
    return {"bars": bars, "end_x": round(pad + 10 * bar_w, 1), "width": width, "height": height, "pad": pad, "threshold_x": line, "threshold": threshold}


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html", "j2", "html.j2"], default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env


def render_html(run: "RunReport", options: "FormatOptions") -> str:
    articles = [_article_view(n, rep, run) for n, rep in enumerate(run.articles)]
    categories = sorted({f.category for rep in run.articles for f in rep.findings})
    severities = sorted({f.severity for rep in run.articles for f in rep.findings}, key=lambda s: SEVERITY_RANK.get(s, 3))
    scored = [rep.score for rep in run.articles if rep.score is not None]
    index = sorted(articles, key=lambda v: (v["score"] if v["score"] is not None else -1.0, v["source"]))
    env = _environment()
    template = env.get_template("report.html.j2")
    total = sum(len(rep.findings) for rep in run.articles)
    return template.render(
        version=__version__,
        articles=articles,
        index=index,
        multi=len(articles) > 1,
        categories=categories,
        severities=severities,
        colours=_colours(set(categories)),
        histogram=_histogram(scored, options.fail_under),
        top_rules=[(rid, n, short(rule_summary(run.rules.get(rid), rid), 160)) for rid, n in rule_counts(run)[:10]],
        total=total,
        mean=fmt_score(sum(scored) / len(scored)) if scored else "—",
        fail_under=options.fail_under,
        input_errors=[e.line() for e in run.errors if e.kind == "input"],
    )
