"""``capitalization``: terms that must be written with a given capitalization."""

from __future__ import annotations

from typing import Iterable

import regex

from ..model import Finding
from ..rule import Context
from .base import DeclarativeRule, literal_alternation, normalise_phrase, register_type


@register_type("capitalization")
class Capitalization(DeclarativeRule):
    """Flags a listed term written with another capitalization, and suggests the required one.

    Keys: ``terms`` (the required forms, e.g. ``["YouTube", "Rekognition", "Conseil d'État"]``,
    matched as whole words ignoring case); ``allow-uppercase`` (default true: a term written in
    capitals, as in an all-caps headline, is accepted); ``exceptions`` (written forms that are
    accepted too). The message may use ``{match}`` and ``{suggestion}``.
    """

    type_keys = {"terms", "allow-uppercase", "exceptions"}
    default_message = "Write '{suggestion}', not '{match}'."

    def configure(self) -> None:
        self.terms = {normalise_phrase(t).lower(): t for t in self.str_list("terms", required=True)}
        self.allow_upper = self.flag("allow-uppercase", True)
        self.exceptions = set(self.str_list("exceptions"))
        self.pattern = self.compile("terms", literal_alternation(self.terms.values()), regex.IGNORECASE) if self.terms else None

    def run(self, ctx: Context) -> Iterable[Finding]:
        if self.pattern is None:
            return
        for field, start, end in self.regions(ctx):
            text = ctx.text(field)
            for m in self.finditer(self.pattern, text, start, end):
                found = m.group()
                term = self.terms.get(normalise_phrase(found).lower())
                if term is None or normalise_phrase(found) == normalise_phrase(term) or found in self.exceptions:
                    continue
                if self.allow_upper and found.upper() == found and any(c.isalpha() for c in found):
                    continue
                suggestion = term.replace("'", "’") if "’" in found else term
                yield self.make_finding(ctx, field, m.start(), m.end(), [suggestion], suggestion=suggestion)
