"""Valid words the Hunspell dictionaries lack, recognised by how often they are written.

Hunspell's dictionaries trail the language: « spinoff », « birther », « grifter »,
« uptick », « noctilien » or the 1990 reform spelling « véto » are ordinary news words that they do
not list. The word frequencies of ``wordfreq`` (Apache-2.0 code, CC BY-SA 4.0 data), measured on
web text, subtitles, books, news and social media, know them. Its data ships inside the wheel:
nothing is downloaded at check time.

Web text also holds common misspellings (« recieve » has a Zipf frequency of 2.75, « tres » for
« très » 4.5), so frequency alone cannot decide. A word unknown to Hunspell is accepted when:

1. its Zipf frequency in the article's language is at least ``threshold`` (Zipf = log10 of the
   frequency per billion words: 3 is once per million words, 2 once per ten million);
2. it is not a name written in lowercase: the dictionary does not know its capitalised form
   (« turquie », « celsius »);
3. it is not a dictionary word with an accent dropped (« tres », « enorme », « velo »): French web
   text drops accents freely, copy does not;
4. no dictionary word one edit away (an accent, a letter swapped, missing, doubled or wrong, an
   apostrophe, a space) or one classic slip away (a doubled letter moved: « bizzare »; -ally for
   -ly: « publically ») is ``margin`` Zipf units more frequent or more: « recieved » (2.75) is then
   « received » (5.16) mistyped, while « grifter » (2.47) beside « drifter » (2.83) is a word of its
   own. A missing apostrophe is never accepted when the apostrophe form is the more frequent
   (« didnt », « doesnt »).

The defaults (threshold 2.0, margin 1.5) were chosen on the tuning halves of the benchmarks; see
``docs/accuracy.md``. Decisions are cached per process: the test runs once per distinct word.
"""

from __future__ import annotations

import functools
from typing import Sequence

from ..backends.hunspell import Speller, strip_accents

#: (language, word, threshold, margin) -> accepted? (process-wide; news vocabulary repeats)
_DECISIONS: dict[tuple[str, str, float, float], bool] = {}


@functools.lru_cache(maxsize=200_000)
def zipf(word: str, lang: str) -> float:
    """Zipf frequency of ``word`` in ``lang`` (0.0 when unknown or when wordfreq is missing)."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - wordfreq is a dependency
        return 0.0
    try:
        return zipf_frequency(word.replace("’", "'"), lang)
    except (LookupError, ValueError):  # a language wordfreq does not cover
        return 0.0


def available() -> bool:
    try:
        import wordfreq  # noqa: F401
    except ImportError:  # pragma: no cover
        return False
    return True


def accepted(word: str, speller: Speller, variants: Sequence[Speller] = (), *,
             threshold: float = 2.0, margin: float = 1.5) -> bool:
    """Is ``word`` (lowercase, unknown to ``speller``) a frequent word rather than a misspelling?"""
    if not threshold or threshold <= 0:
        return False
    key = (speller.lang, word, float(threshold), float(margin))
    hit = _DECISIONS.get(key)
    if hit is None:
        hit = _DECISIONS[key] = _decide(word, speller, variants, threshold, margin)
    return hit


def _decide(word: str, speller: Speller, variants: Sequence[Speller], threshold: float, margin: float) -> bool:
    lang = speller.base
    freq = zipf(word, lang)
    if freq < threshold:
        return False
    spellers = (speller, *variants)
    if any(s.known(word[:1].upper() + word[1:]) for s in spellers):
        return False  # a name in lowercase: « turquie »
    neighbours = speller.edits1(word)
    if _accent_dropped(word, neighbours):
        return False
    for i in range(1, len(word)):
        apostrophe = word[:i] + "'" + word[i:]
        if speller.known(apostrophe) and zipf(apostrophe, lang) > freq:
            return False  # « didnt »
    splits = [f"{word[:i]} {word[i:]}" for i in range(2, len(word) - 1)
              if speller.known(word[:i]) and speller.known(word[i:])]
    slips = [c for c in _classic_slips(word) if speller.known(c)]
    best = max((zipf(c, lang) for c in (*neighbours, *splits, *slips)), default=0.0)
    return best - freq < margin


#: Languages whose words news copy quotes (a title, a motto, a speaker's own words): a word that is
#: common in one of them and rare in the article's language is a foreign word, not a typo.
FOREIGN_LANGUAGES = ("en", "fr", "es", "it", "pt", "de", "nl", "cs", "pl", "sv", "da", "ro", "ca")


def foreign(word: str, speller: Speller, *, threshold: float = 3.5, margin: float = 1.5) -> bool:
    """Is ``word`` (lowercase, unknown to ``speller``) a common word of another language?

    « dottore », "famoso", « zahrada » are misspellings of nothing: each is common (Zipf ≥
    ``threshold``, once in 3 million words) in another language and ``margin`` more frequent there
    than in the article's. A local word one edit away that is nearly as frequent makes it a typo
    after all (« ving » is Dutch, and « vingt » mistyped in French copy).
    """
    if not threshold or threshold <= 0:
        return False
    key = ("foreign:" + speller.lang, word, float(threshold), float(margin))
    hit = _DECISIONS.get(key)
    if hit is None:
        lang = speller.base
        best = max(zipf(word, other) for other in FOREIGN_LANGUAGES if other != lang)
        hit = best >= threshold and best - zipf(word, lang) >= margin
        if hit:
            near = max((zipf(c, lang) for c in speller.edits1(word)), default=0.0)
            hit = near < best - margin
        _DECISIONS[key] = hit
    return hit


def _classic_slips(word: str) -> set[str]:
    """Two-edit misspellings common enough to test for: a doubled letter in the wrong place
    (« bizzare », « dissapointed ») and -ally for -ly or the reverse (« publically », « accidently »)."""
    out: set[str] = set()
    doubled = [i for i in range(len(word) - 1) if word[i] == word[i + 1]]
    for i in doubled:
        single = word[:i] + word[i + 1:]
        for j in range(len(single)):
            if single[j].isalpha() and (j + 1 >= len(single) or single[j + 1] != single[j]):
                out.add(single[:j + 1] + single[j] + single[j + 1:])
    if word.endswith("ally") and len(word) > 6:
        out.add(word[:-4] + "ly")
    elif word.endswith("ly") and len(word) > 5:
        out.add(word[:-2] + "ally")
    out.discard(word)
    return out


def _accent_dropped(word: str, neighbours: Sequence[str]) -> bool:
    """Is a neighbour the same word with more accents (« tres » beside « très »)?"""
    plain = strip_accents(word)
    return any(strip_accents(n.lower()) == plain and _accents(n) > _accents(word) for n in neighbours)


def _accents(word: str) -> int:
    return sum(1 for c in word if strip_accents(c) != c)
