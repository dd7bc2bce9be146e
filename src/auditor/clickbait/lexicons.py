"""Compiled clickbait lexicons (``rules/lexicons/clickbait-<what>.<lang>.txt``).

Every entry of those files is a regular expression (``regex`` module syntax) matched
case-insensitively as a whole word; plain words are valid entries. Files are read once per process.
"""

from __future__ import annotations

import functools

import regex

from ..resources import lexicon

LANGS = ("fr", "en")
_LEFT = r"(?<![\p{L}\p{N}_])"
#: an entry ending in an apostrophe (« que personne n' ») is followed by the next word's letters
_RIGHT = r"(?:(?<=['’])|(?![\p{L}\p{N}_]))"


def entries(what: str, lang: str) -> tuple[str, ...]:
    return lexicon(f"clickbait-{what}.{lang}", missing_ok=True)


@functools.cache
def pattern(what: str, lang: str) -> "regex.Pattern[str] | None":
    """One word-bounded, case-insensitive alternation of the entries of a lexicon (or None)."""
    items = entries(what, lang)
    if not items:
        return None
    alts = "|".join(f"(?:{e})" for e in sorted(items, key=len, reverse=True))
    return regex.compile(f"{_LEFT}(?:{alts}){_RIGHT}", regex.IGNORECASE | regex.V1)


@functools.cache
def split_pattern(what: str, lang: str) -> tuple["regex.Pattern[str] | None", "regex.Pattern[str] | None"]:
    """For two-block lexicons (entries, ``---``, entries): one pattern per block."""
    items = entries(what, lang)
    if "---" not in items:
        return pattern(what, lang), None
    cut = items.index("---")
    blocks = []
    for part in (items[:cut], items[cut + 1:]):
        alts = "|".join(f"(?:{e})" for e in sorted(part, key=len, reverse=True))
        blocks.append(regex.compile(f"(?:{alts})", regex.IGNORECASE | regex.V1) if part else None)
    return blocks[0], blocks[1]


@functools.cache
def words(what: str, lang: str) -> frozenset[str]:
    """The entries as a set of literal words (for lists of plain words such as the caps labels)."""
    return frozenset(entries(what, lang))
