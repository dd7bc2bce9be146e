"""Inline suppressions: comments in a draft that silence named rules on named spans.

In a Markdown, HTML or text draft (and in the strings of a JSON export), an HTML comment starting
with ``auditor:`` is a directive::

    <!-- auditor: disable=spelling.unknown-word,names -->   … from here …
    <!-- auditor: enable=spelling.unknown-word -->           … to here (or to the end)
    <!-- auditor: disable-next-line=attribution.vague-source -->
    <!-- auditor: disable-line=typography.double-space -->   (the line the comment is on)
    <!-- auditor: disable-file=clickbait -->                 (the whole article)

A rule is named by its id, by its family (``names`` or ``names.*``: every ``names.…`` rule), by a
glob (``spelling.*-word``) or ``all``. ``enable`` without a rule ends every open ``disable``.
"Next line" is the next line of the file that is neither blank nor only directives, so a directive
may stand on its own line above a paragraph.

Suppressions are applied by the engine after findings are placed (they use the findings' lines and
columns in the source file). A directive, or one rule named in it, that silenced nothing is reported
as a ``suppression.unused`` finding on the comment, so stale suppressions do not pile up. Findings
that other rules make on the text of a directive comment itself are dropped.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .model import Article, Finding, LineIndex

if TYPE_CHECKING:
    from .engine import Auditor

UNUSED_RULE = "suppression.unused"
DIRECTIVE = re.compile(
    r"<!--\s*auditor\s*:\s*(?P<kind>disable-next-line|disable-line|disable-file|disable|enable)"
    r"(?:\s*[=:]?\s*(?P<rules>[^>]*?))?\s*-->",
    re.IGNORECASE,
)
KINDS = ("disable", "enable", "disable-next-line", "disable-line", "disable-file")


@dataclass
class Directive:
    kind: str
    patterns: list[str]
    start: int  # offsets in the raw source
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    used: dict[str, int] = field(default_factory=dict)  # pattern -> findings silenced


def matches(pattern: str, rule_id: str) -> bool:
    p = pattern.strip().lower()
    if p in ("all", "*"):
        return True
    if p == rule_id:
        return True
    if "." not in p and not any(c in p for c in "*?["):
        return rule_id.startswith(p + ".")
    if p.endswith(".*") and "*" not in p[:-2]:
        return rule_id.startswith(p[:-1])
    return fnmatch.fnmatchcase(rule_id, p)


def raw_source(article: Article) -> str:
    """The text positions refer to: the source file, or for an in-memory article title + body."""
    if article.source_map is not None and article.source_map.raw:
        return article.source_map.raw
    return f"{article.title}\n\n{article.body}"


def parse(raw: str) -> list[Directive]:
    index = LineIndex(raw)
    out = []
    for m in DIRECTIVE.finditer(raw):
        kind = m.group("kind").lower()
        patterns = [p.strip() for p in re.split(r"[,\s]+", m.group("rules") or "") if p.strip()]
        if not patterns and kind != "enable":
            patterns = ["all"]
        line, col = index.position(m.start())
        end_line, end_col = index.position(m.end())
        out.append(Directive(kind, patterns, m.start(), m.end(), line, col, end_line, end_col))
    return out


def _next_line(raw: str, directive: Directive) -> int:
    """The line a ``disable-next-line`` applies to: the next line with something else than directives."""
    lines = raw.split("\n")
    for n in range(directive.end_line, len(lines)):  # index n is line n + 1; start after the comment
        rest = DIRECTIVE.sub("", lines[n]).strip()
        if rest:
            return n + 1
    return -1


def _comment_spans(article: Article, directives: list[Directive], raw: str) -> list[tuple[str, int, int]]:
    """Where each directive comment sits in the article's fields (field, start, end), if it does."""
    spans: list[tuple[str, int, int]] = []
    cursor = {"title": 0, "body": 0}
    for d in directives:
        comment = raw[d.start : d.end]
        placed = None
        for field_name in ("body", "title"):
            text = article.text(field_name)
            pos = text.find(comment, cursor[field_name])
            if pos >= 0:
                placed = (field_name, pos, pos + len(comment))
                cursor[field_name] = pos + len(comment)
                break
        spans.append(placed or ("", -1, -1))
    return spans


def apply(auditor: "Auditor", article: Article, findings: list[Finding]) -> list[Finding]:
    """Drop suppressed findings and add ``suppression.unused`` ones; returns the new list."""
    raw = raw_source(article)
    if "auditor" not in raw:
        return findings
    directives = parse(raw)
    if not directives:
        return findings
    spans = _comment_spans(article, directives, raw)
    # Findings of other rules on the directive comments themselves are noise.
    findings = [
        f
        for f in findings
        if not any(fld == f.field and s <= f.start and f.end <= e for fld, s, e in spans if fld)
    ]
    next_lines = {id(d): _next_line(raw, d) for d in directives if d.kind == "disable-next-line"}
    kept = []
    for f in findings:
        pos = (f.line, f.column)
        silenced_by: list[tuple[Directive, str]] = []
        open_regions: dict[str, Directive] = {}
        for d in directives:
            if d.kind == "disable-file":
                silenced_by += [(d, p) for p in d.patterns if matches(p, f.rule)]
            elif d.kind == "disable-line" and d.line == f.line:
                silenced_by += [(d, p) for p in d.patterns if matches(p, f.rule)]
            elif d.kind == "disable-next-line" and next_lines[id(d)] == f.line:
                silenced_by += [(d, p) for p in d.patterns if matches(p, f.rule)]
        # Regions: replay disable/enable directives that come before the finding.
        for d in directives:
            if d.kind not in ("disable", "enable") or (d.end_line, d.end_column) > pos:
                continue
            if d.kind == "disable":
                for p in d.patterns:
                    if matches(p, f.rule):
                        open_regions[p] = d
            elif not d.patterns or any(matches(p, f.rule) for p in d.patterns):
                open_regions.clear()  # only patterns matching this finding's rule are open
        silenced_by += [(d, p) for p, d in open_regions.items()]
        if silenced_by:
            for d, p in silenced_by:
                d.used[p] = d.used.get(p, 0) + 1
        else:
            kept.append(f)
    rule = auditor.rules.get(UNUSED_RULE)
    if rule is not None and auditor.config.is_enabled(UNUSED_RULE, rule.enabled_by_default):
        severity = auditor.config.severity_for(UNUSED_RULE, rule.severity)
        for d, (fld, s, e) in zip(directives, spans):
            if d.kind == "enable":
                continue
            unused = [p for p in d.patterns if not d.used.get(p)]
            if not unused:
                continue
            if fld:
                field_name, start, end = fld, s, e
            else:  # the comment is not in the article text (front matter, HTML page): point at its line
                field_name, start, end = "body", 0, 0
            names = ", ".join(unused)
            where = {
                "disable": "after it",
                "enable": "",
                "disable-next-line": "on the next line",
                "disable-line": "on its line",
                "disable-file": "in this article",
            }[d.kind]
            kept.append(
                Finding(
                    rule=UNUSED_RULE,
                    category=rule.category,
                    severity=severity,  # type: ignore[arg-type]
                    message=f"Unused suppression: {names} reported nothing {where}; remove it ({d.kind}={names})",
                    field=field_name,
                    start=start,
                    end=end,
                    excerpt=article.text(field_name)[start:end],
                    line=d.line,
                    column=d.column,
                    suggestions=("",) if fld else (),
                    data={"directive": d.kind, "rules": unused},
                )
            )
    order = {"title": 0, "body": 1}
    kept.sort(key=lambda f: (order.get(f.field, 2), f.start, f.end, f.rule))
    return kept
