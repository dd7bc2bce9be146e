"""Grouping the spellings of an article's names: which two spellings are one name written two ways.

Every distinct folded spelling of a name word is a :class:`Form`. Candidate pairs come from an
index, never from comparing every form with every other: each form is filed under its deletion
neighbourhood (every string obtained by deleting up to *k* letters, as SymSpell does; two spellings
within Damerau–Levenshtein distance *k* always share one) and under its phonetic skeleton. Only
forms sharing a key are compared, so the work grows with the number of forms, not its square.

A candidate pair is accepted only when every precision guard passes (see :func:`compare`): the
family would rather miss a variant than merge two different people.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import Iterable, Sequence

import regex
from rapidfuzz.distance import DamerauLevenshtein

from .fold import fold, is_common_word, is_known_word, skeleton
from .mentions import Mention, NameToken

#: Final vowels that mark a different (often feminine) name: Mario / Maria, Simone / Simona,
#: Giovanni / Giovanna.
GENDER_ENDINGS = frozenset(frozenset(p) for p in ("ao", "ae", "eo", "ai", "ay", "ey", "oy"))
#: One-letter endings that make another name or form: Paul / Paula, Lyon / Lyons, Louis / Louise.
ENDINGS = frozenset("aeiosy")
#: A bucket of the index larger than this is skipped (a very short key shared by unrelated forms).
MAX_BUCKET = 64


@dataclass
class Form:
    """One folded spelling of a name word and everything the article says about it."""

    fold: str
    occurrences: list[tuple[int, NameToken]] = field(default_factory=list)  # (article order, token)
    spellings: Counter = field(default_factory=Counter)
    roles: set[str] = field(default_factory=set)
    partners: set[str] = field(default_factory=set)  # other words of the full mentions it is in
    given: set[str] = field(default_factory=set)  # words before it when it ends a 2-3 word name (first names)
    family: set[str] = field(default_factory=set)  # words after it when it starts a 2-3 word name (surnames)
    first_full: int | None = None  # article order of its first occurrence inside a full mention
    labels: Counter = field(default_factory=Counter)
    external: str = ""  # spelling from the newsroom's list or dictionary, for a form the article lacks

    @property
    def count(self) -> int:
        return len(self.occurrences)

    @property
    def first(self) -> int:
        return self.occurrences[0][0] if self.occurrences else -1

    @property
    def spelling(self) -> str:
        """The spelling as the article writes it most often (ties: the first one)."""
        if self.external or not self.occurrences:
            return self.external
        best = max(self.spellings.values())
        for _, tok in self.occurrences:
            if self.spellings[tok.text] == best:
                return tok.text
        return self.occurrences[0][1].text

    @property
    def acronym(self) -> bool:
        if not self.spellings:
            return self.external.isupper()
        return any(s.isupper() and len(s) <= 6 for s in self.spellings) and all(s.isupper() for s in self.spellings)

    @property
    def known(self) -> bool:
        """A dictionary accepts it as written (« Lyon », « Paula », « Recognition »)."""
        return any(is_known_word(s) for s in self.spellings or [self.external])

    @property
    def common(self) -> bool:
        return any(is_common_word(s) for s in self.spellings or [self.external])


def build_forms(mentions: Sequence[Mention]) -> dict[str, Form]:
    """Forms of every name word of ``mentions`` (given in article order: title first, then body)."""
    forms: dict[str, Form] = {}
    order = 0
    for m in mentions:
        folds = [t.fold for t in m.tokens]
        for tok in m.tokens:
            form = forms.get(tok.fold)
            if form is None:
                form = forms[tok.fold] = Form(tok.fold)
            form.occurrences.append((order, tok))
            order += 1
            form.spellings[tok.text] += 1
            form.roles.add(tok.role)
            if m.label:
                form.labels[m.label] += 1
            if m.full:
                form.partners.update(f for f in folds if f != tok.fold and len(f) > 2)
                # A person-like name of 2-4 words (« Carlo De Benedetti »): its first and last words.
                if len(folds) <= 4:
                    if tok.role == "last" and _personal(m.tokens[0].text):
                        form.given.add(folds[0])
                    if tok.role == "first" and _personal(m.tokens[-1].text):
                        form.family.add(folds[-1])
                if form.first_full is None:
                    form.first_full = form.occurrences[-1][0]
    return forms


def _personal(word: str) -> bool:
    """Could be a first name or a surname (not an acronym or an initial).

    Dictionary words are not excluded: the French dictionary accepts many proper names in
    lowercase (« alvin », « pierre »), so that test would drop real first names.
    """
    return len(word) > 1 and not word.isupper()


def max_distance(length: int) -> int:
    """Edits allowed between two spellings of this length (the longer of the two)."""
    if length < 4:
        return 0
    return 1 if length < 8 else 2


def _deletes(word: str, k: int) -> set[str]:
    out = {word}
    frontier = {word}
    for _ in range(k):
        nxt = set()
        for w in frontier:
            for i in range(len(w)):
                nxt.add(w[:i] + w[i + 1:])
        out |= nxt
        frontier = nxt
    return out


def candidate_pairs(forms: Iterable[Form], min_length: int = 4) -> set[tuple[str, str]]:
    """Pairs of forms that share a deletion-neighbourhood key or a phonetic skeleton."""
    index: dict[tuple[str, str], list[str]] = defaultdict(list)
    for form in forms:
        n = len(form.fold)
        if n < min_length:
            continue
        for key in _deletes(form.fold, max_distance(n)):
            if len(key) >= 3:
                index["d", key].append(form.fold)
        index["s", skeleton(fold(form.fold))].append(form.fold)
    pairs: set[tuple[str, str]] = set()
    for bucket in index.values():
        if 1 < len(bucket) <= MAX_BUCKET:
            for a, b in combinations(sorted(set(bucket)), 2):
                pairs.add((a, b))
    return pairs


@dataclass(frozen=True)
class Verdict:
    same: bool
    reason: str
    distance: int = 0
    phonetic: bool = False


def compare(a: Form, b: Form, *, min_length: int = 4, max_both_frequent: int = 2) -> Verdict:
    """Are ``a`` and ``b`` one name spelled two ways? Every guard must pass."""
    x, y = a.fold, b.fold
    longest = max(len(x), len(y))
    shortest = min(len(x), len(y))
    if shortest < min_length and not (shortest == min_length - 1 and longest >= min_length and not (a.known or b.known)):
        return Verdict(False, "too short to tell")
    if a.acronym or b.acronym:
        return Verdict(False, "acronyms (IBM / IBS) are different names")
    distance = DamerauLevenshtein.distance(x, y)
    phonetic = skeleton(fold(x)) == skeleton(fold(y))
    allowed = max_distance(longest)
    if phonetic and longest >= 5:
        allowed = max(allowed, 2)
    if distance > allowed:
        return Verdict(False, "too different", distance, phonetic)
    if x[0] != y[0] and fold(x[0]) != fold(y[0]) and not phonetic:
        # Writers seldom misspell the first letter of a name: « Iran » / « Tiran », « Hindman » /
        # « Lindeman » are different names.
        return Verdict(False, "different first letters", distance)
    if _parts(x) == _parts(y) and _parts(x) > 0:
        for p, q in zip(_split(x), _split(y)):
            if p != q and DamerauLevenshtein.distance(p, q) > max(1, max_distance(max(len(p), len(q)))):
                return Verdict(False, "a part of the compound differs too much (Kwok-hing / Kwok-kin)", distance)
    if x.startswith(y) or y.startswith(x):
        short, long_ = (x, y) if len(x) < len(y) else (y, x)
        ext = long_[len(short):]
        long_spellings = (a if long_ == x else b).spellings
        if any(sp[len(short):][:1].isupper() for sp in long_spellings):
            return Verdict(False, "a capitalised suffix makes another name (Uber / UberX)", distance)
        typo_like = len(ext) == 1 and (
            ext == short[-1]  # doubled final letter: « Kaiserr », « Michell »
            or ext not in ENDINGS  # « Kaise » / « Kaiser », « Thierr » / « Thierry »
            or (ext != "s" and a.known != b.known)  # « Liby » / « Libye »: only one is a word or a name
            or (len(short) >= 6 and not a.known and not b.known)  # « Nkurunziz » / « Nkurunziza »
        )
        if not typo_like:
            return Verdict(False, "one is the other plus an ending (Paul / Paula, Lyon / Lyons, Jean / Jeanne)", distance)
    if x[:-1] == y[:-1] and frozenset((x[-1], y[-1])) in GENDER_ENDINGS:
        return Verdict(False, "final vowel differs (Mario / Maria)", distance)
    if _parts(x) != _parts(y):
        return Verdict(False, "compounds of different lengths (Jean-Marc / Jean Marc)", distance)
    if a.known and b.known and not (a.given & b.given):
        # Unless both are surnames of the same first name: « Philippe Martinez » / « Philippe Marinez ».
        return Verdict(False, "both are dictionary words or known names (Jean / Jeanne)", distance)
    if y in a.partners or x in b.partners:
        return Verdict(False, "both appear in one full name", distance)
    if a.given and b.given and not _partners_match(a.given, b.given):
        return Verdict(False, "surnames introduced with different first names (Pierre Marchand / Luc Marchant)", distance)
    if a.family and b.family and not _partners_match(a.family, b.family):
        return Verdict(False, "first names of people with different surnames (Carlo Rossi / Carla Bianchi)", distance)
    ra, rb = a.roles & {"first", "last"}, b.roles & {"first", "last"}
    if ra and rb and ra.isdisjoint(rb):
        return Verdict(False, "a first name and another person's surname", distance)
    if a.count >= max_both_frequent and b.count >= max_both_frequent:
        return Verdict(False, "both spellings are used consistently", distance)
    return Verdict(True, "variant", distance, phonetic)


def _parts(s: str) -> int:
    return s.count("-") + s.count(" ") + s.count("'")


def _split(s: str) -> list[str]:
    return [p for p in regex.split(r"[-' ]", s)]


def _partners_match(p: set[str], q: set[str]) -> bool:
    if p & q:
        return True
    for u in p:
        for v in q:
            if len(u) >= 4 and len(v) >= 4 and DamerauLevenshtein.distance(u, v) <= max_distance(max(len(u), len(v))):
                return True
    return False


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


@dataclass
class Group:
    """Spellings judged to be one name; ``links`` holds the accepted pairs and their verdicts."""

    forms: list[Form]
    links: dict[tuple[str, str], Verdict]

    def linked(self, a: str, b: str) -> Verdict | None:
        return self.links.get((a, b)) or self.links.get((b, a))


def group_forms(forms: dict[str, Form], *, protected: set[str] = frozenset(), **options) -> list[Group]:
    """Groups of two or more spellings of one name. ``protected`` folds are never variants of each other."""
    uf = _UnionFind()
    links: dict[tuple[str, str], Verdict] = {}
    min_length = options.get("min_length", 4)
    for a, b in sorted(candidate_pairs(forms.values(), min_length)):
        if a in protected and b in protected:
            continue
        verdict = compare(forms[a], forms[b], min_length=min_length,
                          max_both_frequent=options.get("max_both_frequent", 2))
        if verdict.same:
            links[a, b] = verdict
            uf.union(a, b)
    members: dict[str, list[Form]] = defaultdict(list)
    for a in {x for pair in links for x in pair}:
        members[uf.find(a)].append(forms[a])
    groups = []
    for root, fs in members.items():
        fs.sort(key=lambda f: f.first)
        groups.append(Group(fs, {k: v for k, v in links.items() if uf.find(k[0]) == root}))
    groups.sort(key=lambda g: g.forms[0].first)
    return groups
