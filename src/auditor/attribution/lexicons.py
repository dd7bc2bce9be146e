"""The attribution family's word lists, read from ``rules/lexicons/attribution-*.{fr,en}.txt``.

Every list is a plain text file an editor can read and extend; this module only compiles them:
single words become lemma sets, phrases become case-insensitive regular expressions matched on
word boundaries (``'`` and ``’`` are the same character, a trailing ``*`` matches any ending).
"""

from __future__ import annotations

import functools
from typing import Iterator, NamedTuple

import regex

from ..resources import lexicon
from .closed_class import REFLEXIVE_PREFIXES


class Phrase(NamedTuple):
    kind: str
    text: str
    pattern: "regex.Pattern[str]"


def _entries(name: str, lang: str) -> tuple[str, ...]:
    return lexicon(f"{name}.{lang}", missing_ok=True)


@functools.cache
def words(name: str, lang: str) -> frozenset[str]:
    """A lexicon as a set of lower-case entries (lemmas or words)."""
    return frozenset(e.lower() for e in _entries(name, lang))


@functools.cache
def kinds(name: str, lang: str) -> dict[str, frozenset[str]]:
    """A lexicon of ``kind: word`` lines as one lower-case word set per kind."""
    out: dict[str, set[str]] = {}
    for entry in _entries(name, lang):
        kind, _, word = entry.partition(":")
        out.setdefault(kind.strip(), set()).add(word.strip().lower())
    return {k: frozenset(v) for k, v in out.items()}


_BEFORE_WORD = r"(?<![\w-])"
_AFTER_WORD = r"(?![\w-])"


def compile_phrase(phrase: str) -> "regex.Pattern[str]":
    return regex.compile(_BEFORE_WORD + _phrase_body(phrase) + _AFTER_WORD, regex.IGNORECASE)


def _phrase_body(phrase: str) -> str:
    """The pattern of a phrase without its word boundaries."""
    parts = []
    for word in phrase.lower().split():
        star = word.endswith("*")
        word = word.rstrip("*")
        piece = "".join("['’]" if ch in "'’" else regex.escape(ch) for ch in word)
        parts.append(piece + (r"\w*" if star else ""))
    return r"\s+".join(parts)


@functools.cache
def phrases(name: str, lang: str, kinds: bool = False) -> tuple[Phrase, ...]:
    """A lexicon of phrases; with ``kinds``, lines read ``kind: phrase``."""
    out = []
    for entry in _entries(name, lang):
        kind = ""
        if kinds and ":" in entry:
            kind, entry = (s.strip() for s in entry.split(":", 1))
        out.append(Phrase(kind, entry, compile_phrase(entry)))
    return tuple(out)


@functools.cache
def reporting_verbs(lang: str) -> frozenset[str]:
    """Reporting, opinion and demand verbs (lemmas); « se féliciter » also gives « féliciter »."""
    out = set()
    for e in _entries("reporting-verbs", lang):
        e = e.lower()
        out.add(e)
        for prefix in REFLEXIVE_PREFIXES:
            if e.startswith(prefix):
                out.add(e[len(prefix):])
    return frozenset(out)


@functools.cache
def either_language(name: str) -> frozenset[str]:
    """The French and the English list of ``name`` as one set.

    For the lists the code kept as one mixed-language set before they moved to files: a word of
    either language matched in a text of either language, and it still does (same results)."""
    return words(name, "fr") | words(name, "en")


def ordered(name: str, lang: str) -> tuple[str, ...]:
    """A lexicon's entries as written, in file order (for lists where the order is the output's)."""
    return _entries(name, lang)


@functools.cache
def mapping(name: str, lang: str) -> dict[str, str]:
    """A lexicon of ``key: value`` lines as a dictionary."""
    out = {}
    for entry in _entries(name, lang):
        key, _, value = entry.partition(":")
        out[key.strip().lower()] = value.strip().lower()
    return out


def document_verbs(lang: str) -> frozenset[str]:
    """Verbs through which a document or an institution "says" something without speaking
    (``attribution-document-verbs.*``: « une étude montre », "the league put the attendance at")."""
    return words("attribution-document-verbs", lang)


#: How many phrases one pre-check pattern covers (see :func:`phrase_matches`).
_BUCKET = 16


@functools.cache
def _phrase_buckets(name: str, lang: str, kinds: bool) -> tuple[tuple["regex.Pattern[str]", tuple[Phrase, ...]], ...]:
    """The phrases of a lexicon in groups of :data:`_BUCKET`, each with one pattern that matches
    wherever one of its phrases does (the alternation of their patterns)."""
    out = []
    listed = phrases(name, lang, kinds)
    for i in range(0, len(listed), _BUCKET):
        group = listed[i:i + _BUCKET]
        # (?<!w)(?:a|b)(?!w) matches where (?<!w)a(?!w) or (?<!w)b(?!w) does, and faster.
        bodies = "|".join(_phrase_body(p.text) for p in group)
        either = regex.compile(f"{_BEFORE_WORD}(?:{bodies}){_AFTER_WORD}", regex.IGNORECASE)
        out.append((either, group))
    return tuple(out)


def phrase_matches(name: str, lang: str, text: str, kinds: bool = False) -> Iterator[tuple[Phrase, "regex.Match[str]"]]:
    """Every match of every phrase of a lexicon in ``text``: phrase by phrase in file order, each
    phrase's matches left to right — exactly what looping over :func:`phrases` and calling
    ``finditer`` gives, without trying one by one the phrases of a group none of which occurs
    (most sentences hold none of a lexicon's hundreds of phrases)."""
    for either, group in _phrase_buckets(name, lang, kinds):
        if either.search(text) is None:
            continue
        for ph in group:
            for m in ph.pattern.finditer(text):
                yield ph, m
