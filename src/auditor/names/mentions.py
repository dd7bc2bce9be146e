"""Name mentions of one field: capitalised token runs, checked against spaCy's entities.

A mention is a run of capitalised words (« Nicole Ozer », « Banque de France », « Le Goff »), with
its courtesy title set apart (« M. », « Mme », « Dr », « Mr »), French elisions and English
possessives cut off (« d'Amazon » and "Amazon's" are the mention « Amazon »), lowercase particles
kept inside (« de », « von », « van der »). Headline, captions, quotations and body are read alike.

A capitalised word that opens a sentence (or a quotation, a line, a Title Case headline, an
all-capitals line) is ambiguous: « Pierre » may be a first name or « pierre » with a capital. Such a
word counts as a name only when it is not an ordinary dictionary word, when spaCy tags it as part of
an entity, or when the article also capitalises it in the middle of a sentence.

Other rule families can reuse the result: ``ctx.analysis.memo(("names", "mentions", field),
lambda: extract_mentions(ctx.analysis, field))`` returns the same list of :class:`Mention` objects
every rule sees (computed once per article), e.g. for a spell checker to skip name tokens.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from .fold import fold, is_common_word, name_key

if TYPE_CHECKING:
    from ..analysis import Analysis

MEMO_KEY = "names", "mentions"

#: Courtesy and professional titles that precede a name and are not part of it.
TITLES = frozenset({
    "m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "pr", "me", "mgr", "mr", "mrs", "ms", "mx",
    "prof", "sir", "dame", "st", "ste", "monsieur", "madame", "mademoiselle", "messieurs", "mesdames",
    "maître", "maitre", "docteur", "professeur", "mister", "miss", "lady", "lord",
})
#: Lowercase particles allowed inside a multi-word name (« Charles de Gaulle », "Ludwig van Beethoven").
PARTICLES = frozenset({
    "de", "du", "des", "d'", "la", "le", "von", "van", "der", "den", "di", "da", "del", "della", "dos",
    "das", "ten", "ter", "bin", "ibn", "al", "el", "y",
})
_ELISION = regex.compile(r"^(?:[lLdDjJnNsScCmMtT]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu|[qQ]uoiqu)['’](?=\p{Lu})")
_POSSESSIVE = regex.compile(r"['’]s?$")
_SENTENCE_END = set(".!?…:;«“\"(—–-•*#>[")
_PARTICLE_GAP = regex.compile(r"^\s+(?:(?:de|du|des|la|le|von|van|der|den|di|da|del|della|dos|das|ten|ter|bin|ibn|al|el|y)\s+)+$|^\s+d['’]$")


@dataclass(frozen=True)
class NameToken:
    """One word of a mention: ``text == field[start:end]``; ``role`` is its place in the mention."""

    field: str
    start: int
    end: int
    text: str
    fold: str  # identity of the spelling: :func:`auditor.names.fold.name_key`
    role: str  # "single", "first", "middle" or "last"
    mention: int  # index of its mention in the field's list


@dataclass(frozen=True)
class Mention:
    """A name as written once: ``text == field[start:end]`` (title, elision and possessive excluded)."""

    field: str
    start: int
    end: int
    text: str
    tokens: tuple[NameToken, ...]
    label: str = ""  # spaCy entity label when an entity overlaps it (PER, ORG, LOC, GPE…)
    title: str = ""  # « M. », « Mme », « Dr »…
    sentence_initial: bool = False

    @property
    def full(self) -> bool:
        """Several name words: « Nicole Ozer » (as opposed to the partial form « Ozer »)."""
        return len(self.tokens) >= 2


@dataclass
class _Word:
    start: int
    end: int
    text: str
    initial_pos: bool = False
    elided: bool = False
    is_title: bool = False
    is_initial: bool = False


def mentions(analysis: "Analysis", field: str, use_entities: bool = True) -> list[Mention]:
    """The shared, memoised mention list of ``field`` (key ``("names", "mentions", field)``)."""
    return analysis.memo((*MEMO_KEY, field), lambda: extract_mentions(analysis, field, use_entities))


def extract_mentions(analysis: "Analysis", field: str, use_entities: bool = True) -> list[Mention]:
    text = analysis.article.text(field)
    if not text.strip():
        return []
    entities = _entity_spans(analysis, field) if use_entities else []
    words = _capitalised_words(analysis, field, text)
    title_case = field == "title" and is_title_case(text)
    # Capitalised spellings the article uses mid-sentence: those are names wherever they appear.
    confirmed = set() if title_case else {
        fold(w.text) for w in words if not w.initial_pos and not w.is_title and not w.text.isupper()
    }
    for w in words:
        ambiguous = w.initial_pos or title_case or (w.text.isupper() and len(w.text) > 1)
        if ambiguous and not w.elided and not w.is_title and not w.is_initial:
            keep = fold(w.text) in confirmed or _in_entity(entities, w.start, w.end) or not is_common_word(w.text)
            if not keep:
                w.is_title = False
                w.text = ""  # dropped
    runs = _runs(text, [w for w in words if w.text])
    out: list[Mention] = []
    for run in runs:
        title = ""
        while run and run[0].is_title and len(run) > 1:
            title = text[run[0].start:run[1].start].strip()
            run = run[1:]
        if not run or (len(run) == 1 and run[0].is_title):
            continue
        named = [w for w in run if not w.is_initial]
        if not named:
            continue
        idx = len(out)
        start, end = run[0].start, run[-1].end
        label = _in_entity(entities, start, end) or ""
        toks = []
        for i, w in enumerate(named):
            role = "single" if len(named) == 1 else "first" if i == 0 else "last" if i == len(named) - 1 else "middle"
            toks.append(NameToken(field, w.start, w.end, w.text, name_key(w.text), role, idx))
        out.append(Mention(field, start, end, text[start:end], tuple(toks), label, title, run[0].initial_pos))
    return out


def _entity_spans(analysis: "Analysis", field: str) -> list[tuple[int, int, str]]:
    try:
        if analysis.model.startswith("blank:"):
            return []
        return [(e.start, e.end, e.label) for e in analysis.entities(field)]
    except Exception:  # no model at all: capitalised runs alone
        return []


#: spaCy labels trusted to say that an ambiguous capitalised word is a name (MISC is too loose).
NAME_LABELS = frozenset({"PER", "PERSON", "ORG", "LOC", "GPE", "FAC", "PRODUCT"})


def _in_entity(entities: list[tuple[int, int, str]], start: int, end: int) -> str:
    for s, e, label in entities:
        if s < end and start < e and label in NAME_LABELS:
            return label
    return ""


def _capitalised_words(analysis: "Analysis", field: str, text: str) -> list[_Word]:
    out: list[_Word] = []
    for span in analysis.words(field):
        s, e, t = span.start, span.end, span.text
        if not t[0].isalpha():
            continue
        elided = False
        m = _ELISION.match(t)
        if m:
            s, t, elided = s + m.end(), t[m.end():], True
        m = _POSSESSIVE.search(t)
        if m and m.start() > 0 and (t[m.start():] != "'" or t[m.start() - 1] in "sSzZxX"):
            e, t = e - (len(t) - m.start()), t[: m.start()]
        stripped = t.rstrip("-'’")
        e -= len(t) - len(stripped)
        t = stripped
        if not t or not t[0].isupper():
            continue
        after = text[e:e + 1]
        low = t.lower()
        is_initial = len(t) == 1 and after == "."
        is_title = low in TITLES and (after == "." or low not in ("m", "st", "ste"))
        out.append(_Word(s, e, t, starts_sentence(text, s if not elided else span.start), elided, is_title, is_initial))
    return out


def starts_sentence(text: str, pos: int) -> bool:
    """Does the word at ``pos`` open a sentence, a quotation, a line or a list item?

    Public because the spell checker reads capitals the same way (a capital there says nothing)."""
    i = pos - 1
    newline = False
    while i >= 0 and text[i].isspace():
        newline = newline or text[i] == "\n"
        i -= 1
    if i < 0 or newline:
        return True
    ch = text[i]
    if ch in _SENTENCE_END:
        # "M. Ozer" / "J. Smith": a period after an initial or a title does not end a sentence.
        if ch == "." and i >= 1:
            j = i - 1
            while j >= 0 and text[j].isalpha():
                j -= 1
            prev = text[j + 1:i]
            if (len(prev) == 1 and prev.isupper()) or prev.lower() in TITLES:
                return False
        return True
    return False


def is_title_case(text: str) -> bool:
    """A Title Case headline (most words of four letters or more capitalised): its capitals say nothing."""
    words = [w for w in regex.findall(r"\p{L}[\p{L}'’-]*", text) if len(w) >= 4]
    if len(words) < 3:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= 0.6


def _runs(text: str, words: list[_Word]) -> list[list[_Word]]:
    runs: list[list[_Word]] = []
    current: list[_Word] = []
    for w in words:
        if current:
            prev = current[-1]
            gap = text[prev.end:w.start]
            joined = False
            acronym = (prev.text.isupper() or w.text.isupper()) and not (prev.is_initial or w.is_initial or prev.is_title)
            if gap and "\n" not in gap and not acronym:
                if gap.isspace() and len(gap) <= 2:
                    joined = not w.initial_pos or prev.is_title or prev.is_initial
                elif (prev.is_title or prev.is_initial) and regex.fullmatch(r"\.\s{1,2}", gap):
                    joined = True
                elif _PARTICLE_GAP.match(gap) and not w.is_title:
                    joined = True
            if joined:
                current.append(w)
                continue
            runs.append(current)
        current = [w]
    if current:
        runs.append(current)
    return runs
