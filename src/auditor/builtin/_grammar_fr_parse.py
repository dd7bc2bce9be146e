"""Helpers the French grammar rules share to read the article's spaCy parse (not a plugin module:
the leading underscore keeps :func:`auditor.plugins.builtin_plugins` from loading it).

The tokens are listed once per article and field (``ctx.analysis.memo``) for all the rules, so a
rule costs one pass over them, not a parse of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from auditor.builtin.grammar_confusions import _next, _token_starts, _tokens

if TYPE_CHECKING:
    from spacy.tokens import Token


# One list of tokens per article and field for every grammar rule, French and English.
tokens = _tokens
by_start = _token_starts
nxt = _next


def feature(t: "Token | None", name: str) -> str:
    """One morphological feature of ``t`` (``""`` when absent): ``feature(t, "Number") == "Plur"``."""
    if t is None:
        return ""
    values = t.morph.get(name)
    return values[0] if values else ""
