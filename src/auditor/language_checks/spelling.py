"""Finding non-word misspellings without flagging names.

The decision for one word, cheapest test first:

1. Spans that are not prose are masked: URLs, e-mail addresses, @handles, #hashtags, domain and
   file names, `code`, and words glued to digits (``12h30``, ``COVID-19``, ``3e``).
2. The word (French elision ``l'``/``qu'``… and English ``'s`` removed) is looked up in Hunspell,
   then in the newsroom vocabulary (exact, case-aware, whole words) and the built-in accept lists.
3. An unknown word that looks like a name is not a misspelling: all capitals (acronyms), inner
   capitals (``iPhone``, ``McCain``), capitalised words (proper-noun runs, sentence starts), and
   name particles before a capitalised word (``von der Leyen``).
   Exception: a capitalised unknown word that is a near variant of a name written elsewhere in the
   same article (``Recokgnition`` beside ``Rekognition``) is reported, with that name as the
   suggestion. The ``names`` family reports the same defect with more context and ``supersedes``
   spelling findings, so the engine keeps one finding.
   Exception: a capitalised word that opens a sentence says nothing by its capital. When its
   lowercase form is one edit from a dictionary word (« Malheureusment », "Unfortunatly"), is not
   capitalised elsewhere in the article mid-sentence and is not a frequent word, it is a
   *candidate* (kind ``initial``); the rule then asks the parse (no PROPN tag, no name entity)
   before reporting it.
4. A lowercase unknown word that is frequent in the language and not a near variant of a much more
   frequent word (« spinoff », « grifter », « véto ») is accepted: see
   :mod:`auditor.language_checks.frequency`.
5. A word followed by « [sic] » or "(sic)" is the source's spelling, marked by the writer: skipped.
6. Inside direct quotations: a quotation that is mostly unknown words (a quote in another
   language) or a one-to-three word quoted term is skipped; other errors in quotes are reported at
   ``info`` severity (they may be the speaker's words, or a transcription error).

No spaCy parse is needed here: the checker runs on the regex word layer, the dictionary and the
word frequencies; only the sentence-initial candidates are confirmed on the parse, by the rule.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

import regex
from rapidfuzz.distance import OSA

from ..backends.hunspell import Speller, strip_accents
from ..names.mentions import is_title_case, starts_sentence
from ..resources import lexicon
from . import frequency

# Word-like tokens: letters with inner apostrophes and hyphens.
TOKEN = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}'’\-]*")
# Spans that are not prose.
_MASKS = regex.compile(
    r"""(?xi)
    https?://\S+ | www\.\S+ | ftp://\S+
  | [\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+           # e-mail
  | (?<![\w@])[@#][\p{L}\p{N}_]+              # handle, hashtag
  | \b[\w\-]+(?:\.[\w\-]+)*\.(?:com|org|net|fr|uk|de|io|gov|edu|info|be|ch|ca|eu|html?|php|pdf|docx?|xlsx?|py|js|json|csv|txt|png|jpe?g)\b
  | `[^`\n]+`
  | \{\{[^}]*\}\} | <[^>\n]{1,200}>            # template and markup leftovers
    """
)
# « unpresidented [sic] », "teh (sic)", « “unpresidented” [sic] »: the writer marks the source's error.
SIC = regex.compile(r"[\s\u00a0]*[»”\"'’]?[\s\u00a0]*[\[(]\s*sic\s*!?\s*[\])]", regex.IGNORECASE)
_NT = regex.compile(r"\s*n['’]t\b")  # "wo n't", "ca n't" split by a tokeniser
_AFTER_NUMBER = regex.compile(r"\d[ \u00a0\u202f]$")  # « 1 er », « 5 km »
_ELISION_FR = regex.compile(r"^(?i:[ldjmnstc]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu|quelqu)['’]")
_POSSESSIVE_EN = regex.compile(r"['’]s?$")
# Short function words of the *foreign* language that glue a foreign run together ("time of
# day", "coup de grâce"); only words that are not also words of the checked language.
_FOREIGN_GLUE = {
    "fr": frozenset({"of", "the", "and", "to", "for", "per", "with", "by"}),  # English glue in French copy
    "en": frozenset({"de", "du", "des", "et", "les", "aux"}),  # French glue in English copy
}
# Productive prefixes of learned and news vocabulary: « antiballes », « nanosondes »,
# « interfamilial », « cyberattaqué ». A word made of one of them and a dictionary word of four
# letters or more is accepted, unless an accented variant of the whole word exists (« reunion » is
# « réunion » without its accent, not « re- » + « union »).
_PREFIXES = {
    "fr": tuple(sorted((
        "anti", "micro", "nano", "ultra", "multi", "inter", "pré", "ré", "re", "dé", "dés", "para",
        "proto", "cyber", "hyper", "super", "méga", "mini", "néo", "post", "pro", "semi", "sous",
        "sur", "télé", "tri", "bi", "co", "contre", "auto", "bio", "éco", "géo", "hélio", "opto",
        "spectro", "circum", "extra", "infra", "intra", "macro", "mono", "poly", "pluri", "pseudo",
        "quasi", "radio", "thermo", "trans", "vidéo", "cryo", "électro", "agro", "aéro", "archéo",
        "astro", "photo", "hydro", "paléo", "crypto", "hémi", "omni", "péri", "rétro", "vice",
    ), key=len, reverse=True)),
    "en": tuple(sorted((
        "anti", "micro", "nano", "ultra", "multi", "inter", "pre", "re", "de", "non", "post", "pro",
        "semi", "sub", "super", "hyper", "cyber", "co", "counter", "over", "under", "mega", "mini",
        "neo", "bio", "eco", "geo", "trans", "tele", "auto", "self", "cross", "mid", "out",
    ), key=len, reverse=True)),
}
# Demonyms derived from a place named in the article (« Valmont » → « valmontaise »,
# « Aurillac » → « aurillacois », « Sochaux » → « sochalien »).
_DEMONYM = regex.compile(r"(?:ais|aise|aises|ois|oise|oises|ien|iens|ienne|iennes|ain|ains|aine|aines|an|ans|ane|anes|ese|eses|ian|ians|er|ers|ite|ites)$")
# Latin endings of a species epithet after a genus (« Aedes aegypti », « Sciurus vulgaris »).
_EPITHET = regex.compile(r"(?:i|ae|is|us|um|ii|ensis|ica|icus|osis|oides|alis|atta|ata|ella)$")
# English closed compounds of two dictionary words (« worldview », « thinktank », « leftwing »,
# « powerbrokers »): news English coins them faster than dictionaries list them. Both parts must
# have four letters or more and neither may be one of these frequent grammar words, so a missing
# space between grammar words (« bothmet », « thatwould », « alot ») is still reported.
_GRAMMAR_WORDS_EN = frozenset("""
    that this these those with from have been were they them their there then than what when
    where which while will would could should about also into your some such only very just more
    most much many each both other after before because does being here shall might must over
    upon onto unto whom whose even ever never once same said""".split())
# Dictionary words that are also suffixes: « publically » is not « public » + « ally ».
_SUFFIX_WORDS_EN = frozenset("ally able ably less ness ment hood ship some ical".split())
_COMPOUNDS: dict[tuple[str, str], bool] = {}  # (dictionary, word) -> closed compound? (process-wide cache)
_CLITICS_EN = frozenset({"n't", "n’t", "ve", "ll", "re", "m", "d", "s", "t"})
_PARTICLES = frozenset(
    "von van der den de da del della di du dos das bin ben al el ibn ter zu mac la le los las".split()
)


def load_accept(lang: str) -> frozenset[str]:
    return frozenset(lexicon(f"spelling-accept.{lang}", missing_ok=True))


class Vocabulary:
    """The newsroom accept list: whole words, case-aware.

    ``Rekognition`` accepts ``Rekognition`` and ``REKOGNITION`` (headline capitals), not
    ``rekognition`` and never ``Rekognitionn``. A lowercase entry (``fintech``) also accepts its
    sentence-start form ``Fintech``. Multi-word entries (``Nicole Ozer``) accept each of their words.
    """

    def __init__(self, entries: Iterable[str]) -> None:
        self.exact: set[str] = set()
        for entry in entries:
            for word in TOKEN.findall(entry):
                self.exact.add(word)
                self.exact.add(word.upper())
                if word.islower():
                    self.exact.add(word[:1].upper() + word[1:])

    def accepts(self, word: str) -> bool:
        return word in self.exact

    def __bool__(self) -> bool:
        return bool(self.exact)


@dataclass
class Misspelling:
    start: int
    end: int
    word: str
    kind: str  # "unknown" (not in the dictionary), "name-variant" or "initial" (sentence start, to confirm on the parse)
    in_quote: bool = False
    name: str | None = None  # the name it is a variant of
    suggestions: Sequence[str] = field(default_factory=tuple)


def masked_ranges(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _MASKS.finditer(text)]


def _inside(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    for s, e in ranges:
        if s <= start and end <= e:
            return True
        if s > end:
            break
    return False


def word_shape(word: str) -> str:
    """``lower``, ``cap`` (Capitalised), ``upper`` (ACRONYM) or ``mixed`` (iPhone, McCain)."""
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return "other"
    if all(c.isupper() for c in letters):
        return "upper" if len(letters) > 1 else "cap"
    if all(c.islower() for c in letters):
        return "lower"
    # Capitalised parts of a hyphenated compound (Jean-Pierre) count as capitalised.
    parts = [p for p in regex.split(r"[-'’]", word) if p]
    if letters[0].isupper() and all(p[1:] == p[1:].lower() for p in parts):
        return "cap"
    return "mixed"


class SpellChecker:
    """Finds misspellings in one article's fields with a shared :class:`Speller`."""

    def __init__(self, speller: Speller, lang: str, vocabulary: Vocabulary | None = None,
                 extra_accept: Iterable[str] = (), variants: Sequence[Speller] = (),
                 foreign: Speller | None = None, jargon_repeats: int = 3,
                 frequent_words: float = 0.0, frequency_margin: float = 1.5) -> None:
        self.speller = speller
        self.lang = lang
        self.vocabulary = vocabulary or Vocabulary(())
        self.accept = load_accept(lang) | frozenset(extra_accept)
        #: other dictionaries of the same language (en_GB beside en_US): a word any of them knows is fine
        self.variants = tuple(variants)
        #: the other language's dictionary, for runs of foreign words (an English title in French copy)
        self.foreign = foreign
        #: an unknown lowercase word used this many times in one article is deliberate jargon
        self.jargon_repeats = jargon_repeats
        #: Zipf frequency from which an unknown lowercase word is accepted (0: off), and the margin
        #: by which a neighbour one edit away must be more frequent to make it a misspelling
        self.frequent_words = frequent_words
        self.frequency_margin = frequency_margin

    # -- one word ------------------------------------------------------------------------------------
    def known(self, word: str) -> bool:
        if self.vocabulary.accepts(word) or word in self.accept or word.lower() in self.accept:
            return True
        if self.speller.known(word) or any(v.known(word) for v in self.variants):
            return True
        if self.lang == "fr" and self._reform_variant(word):
            return True
        if self.lang == "fr":
            m = _ELISION_FR.match(word)
            if m and len(word) > m.end():
                return self.known(word[m.end():])
        if self.lang == "en":
            stripped = _POSSESSIVE_EN.sub("", word)
            if stripped != word and stripped:
                return self.known(stripped)
        return False

    def frequent(self, word: str) -> bool:
        """A frequent word the dictionary lacks (« spinoff », « véto ») or a common word of another
        language (« dottore »): see :mod:`.frequency`."""
        if not self.frequent_words:
            return False
        return frequency.accepted(word, self.speller, self.variants, threshold=self.frequent_words,
                                  margin=self.frequency_margin) or frequency.foreign(word, self.speller)

    def _prefixed(self, word: str) -> bool:
        """« antiballes », « cyberattaqué »: a productive prefix and a dictionary word."""
        low = word.lower()
        if len(low) < 7:
            return False
        for prefix in _PREFIXES.get(self.lang, ()):
            rest = low[len(prefix):]
            if low.startswith(prefix) and len(rest) >= 4 and self.speller.known(rest):
                # Not a typo of an accented word (« reunion » for « réunion »).
                if any(c[:1] != low[:1] or c != low for c in self.speller.edits1(low)[:1]
                       if strip_accents(c.lower()) == strip_accents(low)):
                    return False
                return True
        return False

    def _closed_compound(self, word: str) -> bool:
        """English « worldview », « roundtable »: two dictionary words of 4+ letters, no grammar word,
        and no dictionary word one edit away (« accessable » is « accessible » mistyped, not
        « access » + « able »)."""
        if len(word) < 8:
            return False
        key = (self.speller.lang, word)
        hit = _COMPOUNDS.get(key)
        if hit is None:
            hit = _COMPOUNDS[key] = self._split_compound(word)
        return hit

    def _nominalisation(self, word: str) -> bool:
        """English « iodisation » / « iodization » from a dictionary verb « iodise » / « iodize »
        (either spelling, either dictionary): the -isation noun is often missing."""
        m = regex.match(r"(.{3,})i[sz]ations?$", word)
        if not m:
            return False
        stem = m.group(1)
        return any(self.speller.known(stem + v) or any(d.known(stem + v) for d in self.variants) for v in ("ise", "ize"))

    def _split_compound(self, word: str) -> bool:
        for i in range(4, len(word) - 3):
            left, right = word[:i], word[i:]
            if left in _GRAMMAR_WORDS_EN or right in _GRAMMAR_WORDS_EN or right in _SUFFIX_WORDS_EN:
                continue
            if self.speller.known(left) and self.speller.known(right):
                return not any(" " not in c for c in self.speller.edits1(word))
        return False

    def _reform_variant(self, word: str) -> bool:
        """French spellings of the 1990 reform and unligatured forms the dictionary lacks:
        « connait », « maitrise », « cout » (no circumflex on i/u), « coeur » (oe for œ),
        « évènement »-style grave accents."""
        low = word.lower()
        cands = set()
        if "oe" in low or "ae" in low:
            cands.add(low.replace("oe", "œ").replace("ae", "æ"))
        for i, ch in enumerate(low):
            if ch in "iu":
                cands.add(low[:i] + ("î" if ch == "i" else "û") + low[i + 1:])
            elif ch == "è":
                cands.add(low[:i] + "é" + low[i + 1:])
            elif ch == "é":
                cands.add(low[:i] + "è" + low[i + 1:])
        cap = word[:1].isupper()
        return any(self.speller.known(c[:1].upper() + c[1:] if cap else c) for c in cands if c != low)

    def _core(self, word: str, start: int) -> tuple[str, int]:
        """The word without a French elided article/pronoun or an English possessive."""
        if self.lang == "fr":
            m = _ELISION_FR.match(word)
            if m and len(word) > m.end():
                return word[m.end():], start + m.end()
        if self.lang == "en":
            stripped = _POSSESSIVE_EN.sub("", word)
            if stripped and stripped != word:
                return stripped, start
        return word, start

    # -- one field -------------------------------------------------------------------------------------
    def unknown_words(self, text: str) -> list[tuple[int, int, str]]:
        """Spans of words not in the dictionary nor the accept lists (names included)."""
        masks = masked_ranges(text)
        out = []
        for m in TOKEN.finditer(text):
            raw, start = m.group(), m.start()
            # Trim dangling apostrophes and hyphens.
            lead = len(raw) - len(raw.lstrip("-'’"))
            raw = raw.strip("-'’")
            start += lead
            end = start + len(raw)
            if not raw:
                continue
            after_apostrophe = bool(lead) or (start > 0 and text[start - 1] in "'’")
            if self.lang == "en" and (raw.lower() in ("n't", "n’t") or after_apostrophe and raw.lower() in _CLITICS_EN):
                continue  # "do n't", "we 've" split by a tokeniser
            if self.lang == "en" and raw.lower() in ("wo", "ca", "sha", "ai") and _NT.match(text[end:end + 5]):
                continue
            if len(raw) <= 3 and _AFTER_NUMBER.search(text[max(0, start - 2):start]):
                continue  # an ordinal or a unit after a number: « 1 er », « 70 ème », « 5 km »
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            if before.isdigit() or after.isdigit() or before in "@#_/\\&=[]" or after in "_@/\\=[]":
                continue
            if after == "." and end + 1 < len(text) and text[end + 1].isalpha() and not text[end + 1].isupper():
                continue  # a domain or a file name we did not mask
            if masks and _inside(masks, start, end):
                continue
            if self.known(raw):
                continue
            word, wstart = self._core(raw, start)
            if "-" in word:
                # A compound: report its unknown parts (« anti-inflamatoire » → « inflamatoire »).
                pos = wstart
                parts = word.split("-")
                if any(p[:1].isupper() for p in parts):
                    continue  # a name (« Ing-wen », « Deir ez-Zor », « Chan-o-cha »): its parts too
                long_parts = [p for p in parts if len(p) > 2]
                if len(long_parts) >= 2 and not any(
                        self.known(p) or p.lower() in _PREFIXES.get(self.lang, ())
                        or (self.foreign is not None and self.foreign.known(p)) for p in long_parts):
                    continue  # no part is a word: a foreign term (« waza-ari », « ko-uchi-makikomi »)
                for i, part in enumerate(parts):
                    prefix = i < len(parts) - 1 and part.lower().endswith("o")  # islamo-, syro-, franco-
                    foreign = self.foreign is not None and self.foreign.known(part)  # low-cost, in-app
                    if len(part) > 2 and not prefix and not foreign and not self.known(part):
                        out.append((pos, pos + len(part), part))
                    pos += len(part) + 1
                continue
            if len(word) < 2:
                continue
            if word.islower() and self._prefixed(word):
                continue
            if self.lang == "en" and word.islower() and (self._closed_compound(word) or self._nominalisation(word)):
                continue
            out.append((wstart, wstart + len(word), word))
        return out

    def check_fields(self, fields: dict[str, str], quotes: dict[str, list[tuple[int, int]]] | None = None) -> dict[str, list[Misspelling]]:
        """Misspellings per field; names and name-like words are filtered as described above."""
        quotes = quotes or {}
        unknown = {f: self.unknown_words(t) for f, t in fields.items()}
        names = self._name_census(fields)
        mid = functools.cache(lambda: self._mid_sentence_capitals(fields))  # only when a candidate needs it
        repeats = Counter(w.lower() for items in unknown.values() for _s, _e, w in items)
        out: dict[str, list[Misspelling]] = {}
        for fname, items in unknown.items():
            text = fields[fname]
            qspans = quotes.get(fname, [])
            found: list[Misspelling] = []
            for start, end, word in items:
                shape = word_shape(word)
                if shape in ("upper", "mixed", "other") or SIC.match(text, end):
                    continue
                q = next(((s, e) for s, e in qspans if s <= start and end <= e), None)
                if shape == "cap":
                    hit = self._capitalised(text, start, end, word, names, mid)
                    if hit is not None and hit.kind == "initial" and q is not None and self._foreign_quote(text, q, items):
                        continue  # « Joudi », the name of a boat in quotes: a quoted term, not a sentence
                    if hit is not None:
                        hit.in_quote = q is not None
                        found.append(hit)
                    continue
                if self._excused(text, start, end, word, names, repeats, items, q):
                    continue
                found.append(Misspelling(start, end, word, "unknown", q is not None))
            out[fname] = found
        return out

    def _capitalised(self, text: str, start: int, end: int, word: str, names: dict[str, tuple[int, int]],
                     mid: Callable[[], set[str]]) -> Misspelling | None:
        """A capitalised unknown word: a name, unless it is a near variant of a name of the article
        or a sentence-initial misspelling (a candidate the rule confirms on the parse)."""
        variants = self._name_variants(word, names)
        if variants:
            return Misspelling(start, end, word, "name-variant", False, variants[0], tuple(variants))
        close = self._initial_misspelling(text, start, word, mid)
        if close:
            return Misspelling(start, end, word, "initial", suggestions=close)
        return None

    def _initial_misspelling(self, text: str, start: int, word: str, mid: Callable[[], set[str]]) -> tuple[str, ...]:
        """Corrections of a sentence-initial capitalised word whose lowercase form is a misspelling.

        The capital of a sentence start says nothing, so the word is judged by its lowercase form:
        unknown, not frequent, one edit from a dictionary word, and not written capitalised
        elsewhere in the article mid-sentence (that would make it a name). Empty when it may be a name.
        """
        if len(word) < 4 or "-" in word or not starts_sentence(text, start):
            return ()
        low = word.lower()
        if self.known(low) or self.vocabulary.accepts(low):
            return ()
        close = [c for c in self.speller.suggest(low, deep=False) if " " not in c]  # one edit, cached
        plain = strip_accents(low)
        if not close or any(strip_accents(c) == plain for c in close):
            # None, or an accent apart: « Agée » (French capitals may drop their accents), « Óscar »
            # (a name's foreign spelling). Not worth a finding at a sentence start.
            return ()
        if word in mid() or self.frequent(low):
            return ()
        return tuple(c[:1].upper() + c[1:] for c in close)

    def _excused(self, text: str, start: int, end: int, word: str, names: dict[str, tuple[int, int]],
                 repeats: Counter[str], items: list[tuple[int, int, str]], q: tuple[int, int] | None) -> bool:
        """Is this lowercase unknown word not a misspelling after all (particle, demonym, species,
        jargon, foreign run or quote, frequent word)?"""
        if word.lower() in _PARTICLES and self._next_is_capitalised(text, end):
            return True
        if _DEMONYM.search(word) and self._from_place(word, names):
            return True
        if _EPITHET.search(word) and regex.search(r"\p{Lu}\p{Ll}+[ \u00a0]$", text[max(0, start - 30):start]):
            return True  # a species name: « Aedes aegypti », « Mycobacterium leprae »
        if self.jargon_repeats and repeats[word.lower()] >= self.jargon_repeats:
            return True
        if self.foreign is not None and self._foreign_run(text, start, end, word):
            return True
        if q is not None and self._foreign_quote(text, q, items):
            return True
        return self.frequent(word)

    # -- helpers ---------------------------------------------------------------------------------------
    @staticmethod
    def _next_is_capitalised(text: str, end: int) -> bool:
        """Is the next word capitalised, skipping other name particles (von der Leyen)?"""
        for m in regex.finditer(r"\s+([\p{L}'’]+)", text[end:end + 40]):
            word = m.group(1)
            if word[:1].isupper():
                return True
            if word.lower() not in _PARTICLES:
                return False
        return False

    @staticmethod
    def _from_place(word: str, names: dict[str, tuple[int, int]]) -> bool:
        """Does ``word`` start like a capitalised name of the article (its first 4+ letters)?"""
        low = strip_accents(word.lower())
        if len(low) < 6:
            return False
        stem = low[:5] if len(low) >= 8 else low[:4]
        return any(strip_accents(n.lower()).startswith(stem) for n in names if n[:1].isupper() and len(n) >= 4)

    def _foreign_run(self, text: str, start: int, end: int, word: str) -> bool:
        """Is the word part of a run of two or more words of the other language ("pay per view")?"""
        assert self.foreign is not None
        if not self.foreign.known(word):
            return False
        left = regex.search(r"([\p{L}'’]+)[\s\-]+$", text[max(0, start - 40):start])
        right = regex.match(r"[\s\-]+([\p{L}'’]+)", text[end:end + 40])
        for m in (left, right):
            if m is None:
                continue
            w = m.group(1)
            if self.foreign.known(w) and (not self.known(w) or len(w) >= 4 or w.lower() in _FOREIGN_GLUE.get(self.lang, ())):
                return True
        return False

    def _foreign_quote(self, text: str, q: tuple[int, int], unknown: list[tuple[int, int, str]]) -> bool:
        """Is this quotation in another language (its unknown words are then not typos)?"""
        words = TOKEN.findall(text, q[0], q[1])
        bad = sum(1 for s, e, _w in unknown if q[0] <= s and e <= q[1])
        if len(words) <= 3:
            # A quoted term in another language (« fake news », "kafala"): none of its words is a
            # word of the checked language. « gilets jajnes » has one, so its typo is reported.
            common = [w.strip("-'’") for w in words if len(w) > 2 and not w[:1].isupper()]
            return all(not self.known(w) for w in common) or bad == len(words)
        return bad / max(len(words), 1) >= 0.3

    def _mid_sentence_capitals(self, fields: dict[str, str]) -> set[str]:
        """Capitalised words written mid-sentence somewhere in the article: names, wherever they
        appear (a Title Case headline's capitals do not count)."""
        out: set[str] = set()
        for fname, text in fields.items():
            if fname == "title" and is_title_case(text):
                continue
            for m in TOKEN.finditer(text):
                raw = m.group()
                lead = len(raw) - len(raw.lstrip("-'’"))
                w, _ = self._core(raw.strip("-'’"), 0)
                if w[:1].isupper() and not starts_sentence(text, m.start() + lead):
                    out.add(w)
        return out

    def _name_census(self, fields: dict[str, str]) -> dict[str, tuple[int, int]]:
        """Capitalised tokens of the article: word -> (count, order of first appearance)."""
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        n = 0
        for text in fields.values():
            for m in TOKEN.finditer(text):
                w, _ = self._core(m.group().strip("-'’"), 0)
                if w[:1].isupper() and len(w) >= 3:
                    counts[w] += 1
                    if w not in first:
                        first[w] = n
                    n += 1
        census = {w: (c, first[w]) for w, c in counts.items()}
        for w in self.vocabulary.exact:
            if w[:1].isupper() and w not in census:
                census[w] = (10**6, -1)  # accepted names are always the reference spelling
        return census

    def _name_variants(self, word: str, names: dict[str, tuple[int, int]]) -> list[str]:
        """Better-established names this capitalised unknown word is a near variant of, best first.

        Accepted vocabulary comes first, then names that are not dictionary words (a real name
        rather than a common word), then the closest and most frequent.
        """
        if len(word) < 7:
            return []
        mine = names.get(word, (1, 10**9))
        limit = 1 if len(word) <= 8 else 2
        plain = strip_accents(word.replace("’", "'")).lower()
        ranked: list[tuple[int, int, int, int, str]] = []
        for other, (count, order) in names.items():
            if other == word or abs(len(other) - len(word)) > limit or other[0].lower() != word[0].lower():
                continue
            if other.rstrip("s") == word.rstrip("s") or strip_accents(other.replace("’", "'")).lower() == plain:
                continue  # plural, case, accent or apostrophe variant (« Wikimédia » / « Wikimedia »)
            d = OSA.distance(word, other, score_cutoff=limit)
            if d > limit:
                continue
            established = count > mine[0] or (count == mine[0] and order < mine[1])
            if not established:
                continue
            accepted = 0 if self.vocabulary.accepts(other) else 1
            if accepted and self.known(other):
                # A dictionary word (« Italie » beside « Italia », « Argentine » beside
                # « Argentino »): usually a foreign form of a name, not a misspelt one.
                continue
            ranked.append((accepted, d, -count, other))
        ranked.sort()
        return [r[-1] for r in ranked]
