"""``consistency``: one form or the other, not both in one article."""

from __future__ import annotations

from typing import Iterable

import regex

from ..model import Finding
from ..rule import Context
from .base import DeclarativeRule, literal_alternation, match_case, register_type


@register_type("consistency")
class Consistency(DeclarativeRule):
    """Flags an article that mixes two (or more) accepted forms of the same word.

    Keys: an ``[either]`` table whose every entry is a group of interchangeable forms
    (``"e-mail" = "email"``, or ``"Pékin" = ["Beijing", "Peking"]``); ``ignorecase`` (default
    false). Each form is matched as a whole word. When an article uses more than one form of a
    group, the form it uses most (the first one used, on a tie) is taken as the article's choice and
    every occurrence of the other forms is flagged with it as the suggestion. The message may use
    ``{match}`` and ``{other}`` (the article's choice).
    """

    type_keys = {"either", "ignorecase"}
    default_message = "'{match}' and '{other}' both appear in the article; use one form."

    def configure(self) -> None:
        either = self.data.get("either")
        self.groups: list[list[str]] = []
        if not isinstance(either, dict) or not either:
            self.error("either", "a consistency rule needs an [either] table: \"one form\" = \"the other form\"",
                       line=None if "either" in self.data else 1)
            return
        flags = regex.IGNORECASE if self.flag("ignorecase") else 0
        self.ignorecase = bool(flags)
        self.patterns: list[list[regex.Pattern[str]]] = []
        for key, value in either.items():
            others = [value] if isinstance(value, str) else value
            if not isinstance(others, list) or not others or not all(isinstance(v, str) for v in others):
                self.error(key, f"either: the other form(s) of {key!r} must be a string or a list of strings")
                continue
            group = [key, *others]
            pats = [self.compile(key, literal_alternation([form]), flags) for form in group]
            if all(p is not None for p in pats):
                self.groups.append(group)
                self.patterns.append(pats)  # type: ignore[arg-type]

    def run(self, ctx: Context) -> Iterable[Finding]:
        regions = list(self.regions(ctx))
        order = {"title": 0, "body": 1}
        for group, pats in zip(self.groups, self.patterns):
            hits: list[list[tuple[str, int, int]]] = []
            for pattern in pats:
                found = []
                for field, start, end in regions:
                    text = ctx.text(field)
                    found.extend((field, m.start(), m.end()) for m in self.finditer(pattern, text, start, end))
                hits.append(found)
            # a form inside a longer form of the group ("mail" in "e-mail") is not a use of its own
            spans = [(f, s, e, i) for i, h in enumerate(hits) for f, s, e in h]
            hits = [
                [(f, s, e) for f, s, e in h
                 if not any(f2 == f and s2 <= s and e <= e2 and (e2 - s2) > (e - s) for f2, s2, e2, _ in spans)]
                for h in hits
            ]
            used = [i for i, h in enumerate(hits) if h]
            if len(used) < 2:
                continue
            first = {i: min((order[f], s) for f, s, _ in hits[i]) for i in used}
            choice = min(used, key=lambda i: (-len(hits[i]), first[i]))
            for i in used:
                if i == choice:
                    continue
                for field, s, e in hits[i]:
                    other = group[choice]
                    if self.ignorecase:
                        other = match_case(ctx.text(field)[s:e], other)
                    yield self.make_finding(ctx, field, s, e, [other], other=group[choice])
