"""The source ledger: every named source of an article, and the later sentences it covers.

A news story names a source once and goes on with its account: the rest of the paragraph, a
sentence that points back at the document (« Le rapport relève aussi… », "The study also
found…"), a figure credited « selon la même source ». Reading sentence by sentence, with only the
previous sentence as context, calls all of those unsourced. The ledger keeps, in reading order, an
entry per sentence credited to a named source, and decides for each later claim whether one entry
covers it — and says which and why, for the trace:

1. ``previous sentence``: the sentence right before, in the same paragraph, is sourced (or itself
   covered) and this one continues it — it refers back or goes on with the same kind of claim
   (:func:`continues`);
2. ``same paragraph``: an earlier sourced sentence of the same paragraph, continued the same way;
3. ``same document`` / ``same organisation``: the sentence's subject is a definite document noun
   (``attribution-documents``) that an entry's source phrase contains (« le rapport » after « un
   rapport de la Cour des comptes »), or a definite organisation noun (``attribution-organisations``)
   and an entry's source is an organisation ("the company" after "Ford said"), anywhere later in the
   article; only nouns of documents and organisations point back at a source — a person's role as
   subject (« le maire ») is what the sentence is about, not who says it;
4. ``same source``: a source phrase that refers back to the last source (« selon la même source »,
   "the same source said"; ``rules/lexicons/attribution-same-source.*``) is resolved to the
   ledger's last entry, so its sentence is credited to a named source; with no entry before it, it
   stays vague.

A new kind of claim after a sourced sentence (a cause or a forecast after a sourced figure) is
not covered by 1 or 2: the writer adds it. An accusation is covered only by rule 1: an editor
wants it credited where it is made.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

import regex

from .lexicons import phrases, words

if TYPE_CHECKING:
    from .article import SentenceInfo


#: Claims that need their own attribution, in their sentence or the one before: an accusation or
#: an insinuation is never covered by a source further away (rules 2 and 3).
OWN_SOURCE_KINDS = frozenset({"accusation", "insinuation"})


@dataclass(frozen=True)
class Entry:
    """One sourced sentence of the ledger."""

    index: int
    paragraph: int
    source: str  # the first named source phrase of the sentence (its text)
    organisation: bool = False  # the source phrase holds an organisation's name (an ORG entity)


@dataclass(frozen=True)
class Cover:
    """Why a sentence needs no source of its own: the entry that covers it, and how."""

    entry: Entry
    how: str  # previous sentence, same paragraph, same document


def continues(prev: "SentenceInfo", info: "SentenceInfo") -> bool:
    """Does the source of ``prev`` unambiguously cover ``info``? Only when ``info`` refers back
    (« Elle précise que… », « Ce taux était de 7 % », "The report also found…") or carries on
    with the same kind of claim (a figure after a sourced figure). A new kind of claim after a
    sourced sentence — a causal claim after a sourced figure, a crowd's feelings after a named
    official's statement — is the writer's own."""
    if info.speaker_back:
        return True  # « Elle précise… », "The report also found…"
    kinds = {c.kind for c in info.claims}
    same_kind = kinds <= {c.kind for c in prev.claims}
    if info.refers_back or (info.definite_subject and info.definite_subject in prev.nouns):
        # « Ce taux était de 7 % », "The recall covers 14 lots": the same subject, and no new kind of
        # claim (« Cette montée en gamme fera grimper le prix » after a specification is new).
        return same_kind
    return bool(kinds) and same_kind and bool(info.nouns & prev.nouns)


def _words(text: str) -> list[str]:
    """Lower-case words of a source phrase (« l’entreprise Maraval » → l, entreprise, maraval)."""
    return regex.findall(r"\w+", text.lower())


class Ledger:
    """The named sources met so far in one field, in reading order."""

    def __init__(self, lang: str, org_spans: Sequence[tuple[int, int]] = ()) -> None:
        self.lang = lang
        self.org_spans = list(org_spans)  # character spans of the field's ORG entities
        self.entries: list[Entry] = []

    def resolve_back_references(self, info: "SentenceInfo") -> None:
        """« selon la même source », "the same source": the last entry, when there is one."""
        if not self.entries:
            return
        last = self.entries[-1]
        same = phrases("attribution-same-source", self.lang)
        info.sources = [
            dataclasses.replace(s, kind="pronoun", resolved=last.source)
            if s.kind in ("vague", "weak") and any(p.pattern.search(s.text) for p in same) else s
            for s in info.sources
        ]

    def cover(self, infos: list["SentenceInfo"], n: int) -> Cover | None:
        """The entry that covers sentence ``n``, if any (rules 1–3 of the module docstring)."""
        info = infos[n]
        prev = infos[n - 1] if n else None
        if prev is not None and prev.paragraph == info.paragraph and (prev.named or prev.carried) \
                and not prev.quote_only and continues(prev, info):
            entry = self._entry_for(n - 1) or (prev.covered_by.entry if prev.covered_by else None)
            if entry is not None:
                return Cover(entry, "previous sentence")
        if any(c.kind in OWN_SOURCE_KINDS for c in info.claims):
            return None  # an accusation is credited where it is made, not from a distance
        for entry in reversed(self.entries):
            earlier = infos[entry.index]
            if entry.paragraph == info.paragraph and entry.index < n - 1 and not earlier.quote_only \
                    and continues(earlier, info):
                return Cover(entry, "same paragraph")
        subject = info.definite_subject
        if subject in words("attribution-documents", self.lang):
            for entry in reversed(self.entries):
                if subject in _words(entry.source):
                    return Cover(entry, "same document")  # « le rapport » after « un rapport de la Cour »
        elif subject in words("attribution-organisations", self.lang):
            for entry in reversed(self.entries):
                if entry.organisation or subject in _words(entry.source):
                    return Cover(entry, "same organisation")  # "the company" after "Ford said"
        return None

    def add(self, n: int, info: "SentenceInfo") -> None:
        if not info.named:
            return
        named = [s for s in info.sources if s.sources_claim]
        if named:
            src = named[0]
            org = any(a < src.end and src.start < b for a, b in self.org_spans)
            self.entries.append(Entry(n, info.paragraph, src.resolved or src.text, org))
        else:
            speaker = next((q.speaker.text for q in info.quotes if q.speaker is not None), "a quoted speaker")
            self.entries.append(Entry(n, info.paragraph, speaker))

    def _entry_for(self, index: int) -> Entry | None:
        return next((e for e in reversed(self.entries) if e.index == index), None)
