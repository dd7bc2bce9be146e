"""``existence``: flag every occurrence of listed phrases or patterns."""

from __future__ import annotations

from typing import Iterable


from ..model import Finding
from ..rule import Context
from .base import DeclarativeRule, register_type


@register_type("existence")
class Existence(DeclarativeRule):
    """Flags every occurrence of listed phrases (``tokens``) or regular expressions (``patterns``).

    Keys: ``tokens`` (literal phrases, matched as whole words; a space matches any spacing and
    ``'`` matches ``’``), ``patterns`` (regular expressions, ``regex`` module syntax),
    ``ignorecase`` (default false), ``nonword`` (do not add word boundaries around tokens),
    ``exceptions`` (matches equal to one of these, ignoring case, are skipped), ``suggest`` (one
    suggestion for every match). Overlapping matches are reported once (the earliest, longest).
    The message may use ``{match}``.
    """

    type_keys = {"tokens", "patterns", "ignorecase", "nonword", "exceptions", "suggest"}

    def configure(self) -> None:
        self.patterns = self.compile_tokens_and_patterns(nonword=self.flag("nonword"))
        self.exceptions = {e.lower() for e in self.str_list("exceptions")}
        suggest = self.data.get("suggest")
        if suggest is not None and not isinstance(suggest, str):
            self.error("suggest", "'suggest' must be a string")
        self.suggest = suggest if isinstance(suggest, str) else None

    def run(self, ctx: Context) -> Iterable[Finding]:
        for field, start, end in self.regions(ctx):
            text = ctx.text(field)
            spans = set()
            for pattern in self.patterns:
                for m in self.finditer(pattern, text, start, end):
                    if m.end() > m.start() and m.group().lower() not in self.exceptions:
                        spans.add(m.span())
            # overlapping matches of several patterns are one problem: keep the earliest, longest
            last = -1
            for s, e in sorted(spans, key=lambda sp: (sp[0], -sp[1])):
                if s < last:
                    continue
                last = e
                yield self.make_finding(ctx, field, s, e, [self.suggest] if self.suggest else ())
