"""Built-in typography rules written in Python."""

from __future__ import annotations

from typing import Iterable

import regex

from auditor.hookspec import hookimpl
from auditor.model import Finding
from auditor.rule import Context, Rule

# Two or more horizontal spaces (ordinary, no-break, narrow no-break, thin) between two non-spaces.
_DOUBLE_SPACE = regex.compile(r"(?<=\S)[ \u00a0\u202f\u2009]{2,}(?=\S)")


class DoubleSpace(Rule):
    """Two or more spaces in a row between words.

    What it does
    ------------
    Flags runs of two or more spaces (ordinary, no-break or narrow no-break) between two words or
    between a word and punctuation. Indentation at the start of a line is left alone.

    Why it matters
    --------------
    Double spaces are a sign of hurried editing or of text pasted from another layout; a CMS may
    keep them and they show as uneven gaps in print and in justified text.

    Example
    -------
    ``Le conseil  municipal a voté.``

    Instead
    -------
    ``Le conseil municipal a voté.``
    """

    id = "typography.double-space"
    category = "typography"
    severity = "info"

    def check(self, ctx: Context) -> Iterable[Finding]:
        for field in self.fields:
            text = ctx.text(field)
            for m in _DOUBLE_SPACE.finditer(text):
                keep = "\u00a0" if "\u00a0" in m.group() else " "
                yield ctx.finding(
                    field, m.start(), m.end(), f"{len(m.group())} spaces in a row", suggestions=[keep]
                )


@hookimpl
def auditor_rules(config):
    return [DoubleSpace]
