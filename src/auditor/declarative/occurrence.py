"""``occurrence``: at most (or at least) N matches per article or per 1,000 words."""

from __future__ import annotations

from typing import Iterable


from ..model import Finding
from ..rule import Context
from .base import DeclarativeRule, per_words, register_type, words_in

PER = ("article", "1000-words")


@register_type("occurrence")
class Occurrence(DeclarativeRule):
    """Counts the matches of ``tokens`` / ``patterns`` in the rule's scope and flags an excess or a lack.

    Keys: ``tokens`` (literal phrases, whole words) and/or ``patterns`` (regular expressions);
    ``ignorecase``; ``max`` and/or ``min`` (whole numbers); ``per`` = ``"article"`` (default) or
    ``"1000-words"`` (the limit is scaled to the words in scope and rounded up: ``max = 2`` allows
    one use in a 400-word article and four in a 2,000-word one).

    With ``max``, every match after the allowed number is flagged. With ``min``, an article with
    too few matches gets one finding: an empty span at the start of the first region in scope (the
    thing is missing, so there is nothing to underline). The message may use ``{match}``,
    ``{count}``, ``{limit}`` (the allowed number for this article), ``{max}`` and ``{min}``.
    """

    type_keys = {"tokens", "patterns", "ignorecase", "max", "min", "per"}
    default_message = "Used {count} times; the limit is {limit}."

    def configure(self) -> None:
        self.patterns = self.compile_tokens_and_patterns()
        self.max = self.number("max", integer=True)
        self.min = self.number("min", integer=True, minimum=1)
        if "max" not in self.data and "min" not in self.data:
            self.error("max", "an occurrence rule needs 'max' or 'min'", line=1)
        self.per = self.data.get("per", "article")
        if self.per not in PER:
            self.error("per", f"per must be one of {', '.join(repr(p) for p in PER)}")

    def run(self, ctx: Context) -> Iterable[Finding]:
        regions = list(self.regions(ctx))
        hits: list[tuple[str, int, int]] = []
        for field, start, end in regions:
            text = ctx.text(field)
            spans = set()
            for pattern in self.patterns:
                spans.update(m.span() for m in self.finditer(pattern, text, start, end) if m.end() > m.start())
            hits.extend((field, s, e) for s, e in sorted(spans))
        count = len(hits)
        words = words_in(ctx, regions) if self.per == "1000-words" else 0

        def limit(n: float) -> int:
            return per_words(n, words) if self.per == "1000-words" else int(n)

        values = {"count": count, "max": self.max, "min": self.min}
        if self.max is not None:
            allowed = limit(self.max)
            for field, s, e in hits[allowed:]:
                yield self.make_finding(ctx, field, s, e, limit=allowed, **values)
        if self.min is not None and regions:
            needed = limit(self.min)
            if count < needed:
                field, start, _ = regions[0]
                yield self.make_finding(ctx, field, start, start, limit=needed, **values)
