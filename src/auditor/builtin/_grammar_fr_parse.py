"""Helpers the French grammar rules share to read the article's spaCy parse (not a plugin module:
the leading underscore keeps :func:`auditor.plugins.builtin_plugins` from loading it).

The tokens are listed once per article and field (``ctx.analysis.memo``) for all the rules, so a
rule costs one pass over them, not a parse of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from auditor.rule import Context

if TYPE_CHECKING:
    from spacy.tokens import Token


def tokens(ctx: Context, field: str) -> list["Token"]:
    """The field's tokens without whitespace tokens."""
    return ctx.analysis.memo(("grammar-fr-tokens", field), lambda: [t for t in ctx.analysis.doc(field) if not t.is_space])


def by_start(ctx: Context, field: str) -> dict[int, "Token"]:
    """The field's tokens by their start offset, to read the parse at a regular expression's match."""
    return ctx.analysis.memo(("grammar-fr-by-start", field), lambda: {t.idx: t for t in tokens(ctx, field)})


def feature(t: "Token | None", name: str) -> str:
    """One morphological feature of ``t`` (``""`` when absent): ``feature(t, "Number") == "Plur"``."""
    if t is None:
        return ""
    values = t.morph.get(name)
    return values[0] if values else ""


def nxt(toks: list["Token"], n: int, k: int = 1) -> "Token | None":
    return toks[n + k] if 0 <= n + k < len(toks) else None
