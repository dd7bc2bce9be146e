"""``substitution``: prefer X over Y — flag Y, suggest X."""

from __future__ import annotations

from typing import Iterable, Iterator

import regex

from ..model import Finding
from ..rule import Context
from .base import DeclarativeRule, literal_alternation, match_case, normalise_phrase, register_type


@register_type("substitution")
class Substitution(DeclarativeRule):
    """Flags the forms a house style replaces and suggests the preferred one.

    Keys: a ``[swap]`` table mapping each form to flag to its preferred form (or a list of
    preferred forms); ``ignorecase`` (default false; the suggestion then takes the case of the
    match: ``Au jour d'aujourd'hui`` → ``Aujourd'hui``); ``regex`` (default false: the swap keys are
    literal phrases matched as whole words; true: they are patterns and the values may use
    ``\\1`` for groups); ``exceptions``; ``[[specs]]`` self-tests (``from``/``to``, run when the file
    loads). The message may use ``{match}`` and ``{suggestion}``.
    """

    type_keys = {"swap", "ignorecase", "regex", "exceptions", "nonword", "specs"}
    default_message = "Prefer '{suggestion}' to '{match}'."

    def configure(self) -> None:
        swap = self.data.get("swap")
        self.swap: dict[str, list[str]] = {}
        if not isinstance(swap, dict) or not swap:
            self.error("swap", "a substitution rule needs a [swap] table: \"form to flag\" = \"preferred form\"",
                       line=None if "swap" in self.data else 1)
            return
        for key, value in swap.items():
            values = [value] if isinstance(value, str) else value
            if not isinstance(values, list) or not values or not all(isinstance(v, str) for v in values):
                self.error(key, f"swap: the preferred form for {key!r} must be a string or a list of strings")
                continue
            self.swap[key] = values
        self.ignorecase = self.flag("ignorecase")
        self.use_regex = self.flag("regex")
        self.exceptions = {e.lower() for e in self.str_list("exceptions")}
        flags = regex.IGNORECASE if self.ignorecase else 0
        self.patterns: list[tuple[regex.Pattern[str], list[str]]] = []
        self.literal: regex.Pattern[str] | None = None
        if self.use_regex:
            for key, values in self.swap.items():
                p = self.compile(key, key, flags | regex.MULTILINE)
                if p is not None:
                    self.patterns.append((p, values))
        else:
            self.lookup = {self._key(k): v for k, v in self.swap.items()}
            self.literal = self.compile("swap", literal_alternation(self.swap, self.flag("nonword")), flags)

    def _key(self, text: str) -> str:
        text = normalise_phrase(text)
        return text.lower() if self.ignorecase else text

    def matches(self, text: str, start: int, end: int) -> Iterator[tuple[int, int, list[str]]]:
        """(start, end, suggestions) of every form to replace, not overlapping, in text order."""
        found: list[tuple[int, int, list[str]]] = []
        if self.literal is not None:
            for m in self.finditer(self.literal, text, start, end):
                values = self.lookup.get(self._key(m.group()))
                if values:
                    found.append((m.start(), m.end(), [match_case(m.group(), v) for v in values]))
        for pattern, values in self.patterns:
            for m in self.finditer(pattern, text, start, end):
                if m.end() > m.start():
                    found.append((m.start(), m.end(), [m.expand(v) for v in values]))
        last = -1
        for s, e, sugg in sorted(found, key=lambda t: (t[0], -t[1])):
            if s < last:
                continue
            match = text[s:e]
            if match.lower() in self.exceptions or match in sugg:
                continue
            last = e
            yield s, e, sugg

    def run(self, ctx: Context) -> Iterable[Finding]:
        for field, start, end in self.regions(ctx):
            text = ctx.text(field)
            for s, e, sugg in self.matches(text, start, end):
                yield self.make_finding(ctx, field, s, e, sugg, suggestion=sugg[0])

    def rewrite(self, text: str) -> str:
        out, pos = [], 0
        for s, e, sugg in self.matches(text, 0, len(text)):
            out.append(text[pos:s] + sugg[0])
            pos = e
        return "".join(out) + text[pos:]
