"""The built-in extension points. Each is small; see the class docstrings for their keys."""

from __future__ import annotations

from typing import Iterable

import regex

from ..model import Finding
from ..rule import Context
from .base import DeclarativeRule, register_type


def _alternation(tokens: list[str], ignorecase: bool, nonword: bool) -> str:
    """Literal phrases as one word-bounded alternation, longest first; spaces match any spacing."""
    alts = []
    for tok in sorted(set(tokens), key=len, reverse=True):
        alts.append(r"\s+".join(regex.escape(part) for part in tok.split()))
    body = "|".join(alts)
    if nonword:
        return f"(?:{body})"
    return rf"(?<![\p{{L}}\p{{N}}_])(?:{body})(?![\p{{L}}\p{{N}}_])"


@register_type("existence")
class Existence(DeclarativeRule):
    """Flags every occurrence of listed phrases (``tokens``) or regular expressions (``patterns``).

    Keys: ``tokens`` (literal phrases, matched as whole words), ``patterns`` (regular expressions,
    ``regex`` module syntax), ``ignorecase`` (default false), ``nonword`` (do not add word boundaries
    around tokens), ``exceptions`` (matches equal to one of these are skipped), ``suggest`` (one
    suggestion for every match). The message may use ``{match}``.
    """

    type_keys = {"tokens", "patterns", "ignorecase", "nonword", "exceptions", "suggest"}

    def configure(self) -> None:
        tokens = self.str_list("tokens")
        patterns = self.str_list("patterns")
        if not tokens and not patterns:
            self.error("tokens", "an existence rule needs 'tokens' or 'patterns'", line=1)
        flags = regex.IGNORECASE if self.data.get("ignorecase") else 0
        self.patterns = []
        if tokens:
            p = self.compile("tokens", _alternation(tokens, bool(flags), bool(self.data.get("nonword"))), flags)
            if p is not None:
                self.patterns.append(p)
        for pat in patterns:
            p = self.compile("patterns", pat, flags | regex.MULTILINE)
            if p is not None:
                self.patterns.append(p)
        self.exceptions = {e.lower() for e in self.str_list("exceptions")}
        self.suggest = self.data.get("suggest")

    def check(self, ctx: Context) -> Iterable[Finding]:
        for field, start, end in self.regions(ctx):
            text = ctx.text(field)
            for pattern in self.patterns:
                for m in self.finditer(pattern, text, start, end):
                    if m.end() == m.start() or m.group().lower() in self.exceptions:
                        continue
                    yield ctx.finding(
                        field, m.start(), m.end(), self.format_message(match=m.group()),
                        suggestions=[self.suggest] if isinstance(self.suggest, str) else (),
                    )
