"""``auditor explain --trace``: why each sentence was, or was not, flagged by the attribution family.

For every sentence of the body (or only those on one line of the source file), the trace prints
what each stage saw — the claims that need a source, the attributions found, the earlier source of
the ledger that covers it (:mod:`.ledger`) — and the row of the decision table (:mod:`.verdict`) that decided,
with its verdict. Quotations are listed with the speaker the quote stage attached, or the fact that
none was found. It is the same analysis the rules read, so a trace is never out of step with a
report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import confidence
from .article import SentenceInfo, analyse
from .verdict import ROWS

if TYPE_CHECKING:
    from ..analysis import Analysis

_WHY = {row.name: row.why for row in ROWS}


@dataclass(frozen=True)
class TraceEntry:
    """One sentence of the trace; ``row`` is the decision-table row that decided it."""

    line: int
    start: int
    end: int
    text: str
    claims: tuple[str, ...]
    sources: tuple[str, ...]
    covered: str  # "«source» (line N, how)" when an earlier source of the ledger covers the sentence
    row: str
    verdict: str
    confidence: str = ""  # for a flagged sentence: the model's confidence and the level it gives


    def lines(self) -> list[str]:
        text = self.text if len(self.text) <= 100 else self.text[:97] + "…"
        verdict = self.verdict or "no finding"
        return [
            f"line {self.line}: {text}",
            f"    claims:  {', '.join(self.claims) or '—'}",
            f"    sources: {', '.join(self.sources) or '—'}",
            *([f"    covered: by {self.covered}"] if self.covered else []),
            f"    row:     {self.row} → {verdict}  ({_WHY.get(self.row, '')})",
            *([f"    confidence: {self.confidence}"] if self.confidence else []),
        ]


def _entry(analysis: "Analysis", field: str, info: SentenceInfo) -> TraceEntry:
    claims = tuple(f"{c.kind} «{c.text}»" for c in info.claims + info.evaluative + info.hedges)
    sources = tuple(f"{s.kind}/{s.how} «{s.text}»" + (f" = «{s.resolved}»" if s.resolved and s.resolved != s.text else "")
                    for s in info.sources)
    line = analysis.article.position(field, info.start)[0]
    covered = ""
    if info.covered_by is not None:
        entry = analyse(analysis, field).sentences[info.covered_by.entry.index]
        at = analysis.article.position(field, entry.start)[0]
        covered = f"«{info.covered_by.entry.source}» (line {at}, {info.covered_by.how})"
    return TraceEntry(line, info.start, info.end, info.text, claims, sources, covered, info.decided_by, info.verdict,
                      _confidence(analysis, field, info))


def _confidence(analysis: "Analysis", field: str, info: SentenceInfo) -> str:
    """« 0.91 (warning: at or above the threshold 0.80) » for a sentence a scored rule flags."""
    if info.verdict not in confidence.SCORED:
        return ""
    fa = analyse(analysis, field)
    conf, confident = confidence.score(fa, fa.sentences.index(info), prior=float("nan"))
    m = confidence.model()
    if m is None:
        return "no trained model: the rule's prior confidence and severity"
    side = "at or above" if confident else "below"
    return f"{conf:.2f} ({side} the warning threshold {m.threshold:.2f}; the rule option warning-confidence overrides it)"


def trace(analysis: "Analysis", field: str = "body", line: int | None = None) -> list[TraceEntry]:
    """The trace entries of ``field``, all of them or those on source line ``line``."""
    entries = [_entry(analysis, field, info) for info in analyse(analysis, field).sentences]
    return [e for e in entries if line is None or e.line == line]


def quote_lines(analysis: "Analysis", field: str = "body", line: int | None = None) -> list[str]:
    """Each quotation with its speaker, or « no speaker » when the quote rule flags it."""
    fa = analyse(analysis, field)
    flagged = {(q.start, q.end) for q in fa.unattributed_quotes}
    out = []
    for q in analysis.quotes(field):
        at = analysis.article.position(field, q.start)[0]
        if line is not None and at != line:
            continue
        text = analysis.article.text(field)[q.start:q.end]
        text = text if len(text) <= 80 else text[:77] + "…"
        if (q.start, q.end) in flagged:
            who = "no speaker → quote-without-speaker"
        elif q.speaker is not None:
            who = f"speaker «{q.speaker.text}»"
        else:
            who = "speaker from the surrounding sentences or layout"
        out.append(f"line {at}: quote {text}  — {who}")
    return out


def format_trace(analysis: "Analysis", field: str = "body", line: int | None = None) -> str:
    parts = [f"{analysis.article.source} ({analysis.lang}), {field}"]
    for entry in trace(analysis, field, line):
        parts.extend(entry.lines())
    quotes = quote_lines(analysis, field, line)
    if quotes:
        parts += ["", *quotes]
    if len(parts) == 1:
        parts.append("    (no sentence starts on that line)" if line is not None else "    (empty)")
    return "\n".join(parts)
