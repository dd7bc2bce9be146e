"""``conditional``: if X appears, Y must appear too (e.g. an acronym spelled out once)."""

from __future__ import annotations

from typing import Iterable

from ..model import Finding
from ..rule import Context
from .base import DeclarativeRule, register_type


@register_type("conditional")
class Conditional(DeclarativeRule):
    """Flags a use (``first``) whose companion (``second``) is nowhere in the article's scope.

    Keys: ``first`` and ``second`` (regular expressions); ``exceptions`` (keys that need no
    companion, e.g. ``["AFP", "ONU"]``); ``ignorecase``.

    When both patterns have a capture group, they are paired by its text: every ``first`` match
    whose group 1 (say the acronym ``OMS``) is not group 1 of some ``second`` match (say
    ``Organisation mondiale de la santé (OMS)``) is flagged, once per key — its first use. When a
    pattern has no group, the condition is simply that ``second`` matches somewhere; otherwise the
    first ``first`` match is flagged. The message may use ``{match}`` and ``{key}``.
    """

    type_keys = {"first", "second", "exceptions", "ignorecase"}
    default_message = "'{match}' is used but never spelled out."

    def configure(self) -> None:
        import regex

        flags = regex.IGNORECASE if self.flag("ignorecase") else 0
        self.first = self.second = None
        for key in ("first", "second"):
            value = self.data.get(key)
            if not isinstance(value, str) or not value:
                self.error(key, f"a conditional rule needs '{key}' (a pattern)", line=None if key in self.data else 1)
                continue
            setattr(self, key, self.compile(key, value, flags | regex.MULTILINE))
        self.exceptions = set(self.str_list("exceptions"))

    @staticmethod
    def _key(m) -> str:
        return m.group(1) if m.re.groups and m.group(1) is not None else m.group()

    def run(self, ctx: Context) -> Iterable[Finding]:
        if self.first is None or self.second is None:
            return
        regions = list(self.regions(ctx))
        paired = bool(self.first.groups and self.second.groups)
        defined: set[str] = set()
        any_second = False
        for field, start, end in regions:
            for m in self.finditer(self.second, ctx.text(field), start, end):
                any_second = True
                if paired:
                    defined.add(self._key(m))
        if any_second and not paired:
            return
        flagged: set[str] = set()
        for field, start, end in regions:
            text = ctx.text(field)
            for m in self.finditer(self.first, text, start, end):
                key = self._key(m) if paired else ""
                if m.end() == m.start() or key in flagged or key in defined or (paired and key in self.exceptions):
                    continue
                if not paired and m.group() in self.exceptions:
                    continue
                flagged.add(key)
                s, e = m.span(1) if paired and m.group(1) is not None else m.span()
                yield self.make_finding(ctx, field, s, e, key=key or m.group())
                if not paired:
                    return
