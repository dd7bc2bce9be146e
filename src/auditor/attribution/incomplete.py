"""Incomplete sources: a named person given a role but no organisation.

« Marc Dupuis, directeur de la stratégie » — of which organisation? "Jane Roe, a senior analyst" —
at which firm? The role phrase after the name (up to the next comma or full stop) must contain a
proper name, a named entity, an organisation noun (« du groupe », "for the company") or a
possessive ("the firm's"); otherwise the source cannot be checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator, Sequence

from ..syntax import doc_text
from .closed_class import (AFFILIATION_PREPOSITIONS, CONTRACTED_ARTICLES_FR, DEFINITE_OF, INDEFINITE_ARTICLES,
                           INDEFINITE_DETS, PLURAL_OPENERS, POSSESSIVE_CLITICS, RELATIVE_PRONOUNS, ROLE_STOP)
from .lexicons import either_language, words
from .sources import PERSON_ENTS, _outside

if TYPE_CHECKING:
    from spacy.tokens import Span

# Mixed-language lists before they moved to files: read in texts of either language.
_TITLES = either_language("attribution-titles")
# Professions read from their form: « hydrogéologue », "toxicologist", « géographe ».
_ROLE_SUFFIXES = tuple(sorted(either_language("attribution-role-suffixes")))
_STOP = ROLE_STOP


def _indefinite(t) -> bool:
    """« un collectif de parents », "a statewide association": an organisation left unnamed."""
    return any(c.dep_ == "det" and c.lower_ in INDEFINITE_DETS
               for c in t.children)


def _complements_role(t, roles: frozenset[str]) -> bool:
    """Is ``t`` the direct complement of the role noun ("director of the race"), not a noun
    deeper in a speciality (« avocate en droit du travail »)?"""
    def is_role(x) -> bool:
        return x.lemma_.lower() in roles or x.lower_ in roles or x.lower_.endswith(_ROLE_SUFFIXES)

    node = t
    for _ in range(6):
        up = node.head.head if node.head.pos_ == "ADP" else node.head
        if up.i == node.i:
            return False
        if is_role(up):
            # the role's own complement must be definite: « cheffe des urgences du centre », "director
            # of the race" — not a speciality: « avocate en droit du travail »
            return _definite(node) or any(c.dep_ == "case" and c.lower_ in CONTRACTED_ARTICLES_FR for c in node.children) \
                or (node.i > 0 and node.doc[node.i - 1].lower_ in CONTRACTED_ARTICLES_FR)
        if up.pos_ not in ("NOUN", "PROPN"):
            return False
        node = up
    return False


def _definite(t) -> bool:
    return any((c.dep_ in ("det", "case") and "Def" in c.morph.get("Definite")) or c.lower_ in DEFINITE_OF
               for c in t.children) or (t.i > 0 and t.doc[t.i - 1].lower_ == "du")


@dataclass(frozen=True)
class RoleWithoutOrganisation:
    start: int
    end: int
    name: str
    role: str


def _expert_before(ent, sent: "Span", experts: frozenset[str], orgs: frozenset[str]) -> "RoleWithoutOrganisation | None":
    """An expert credited by a title before the name ("Hydrologist Sandra Whitcombe", "A local
    epidemiologist, Dr. Simone Achebe"; titles in ``attribution-experts.*``), with no organisation
    right after the name. Officials ("Mayor Ruth Olander") are left alone."""
    doc = sent.doc
    j = ent.start - 1
    if j >= sent.start and doc[j].lower_ in _TITLES:
        j -= 1
    comma = j >= sent.start and doc[j].text == ","
    if comma:
        j -= 1
    role = []
    while j >= sent.start and len(role) < 5 and doc[j].pos_ in ("NOUN", "ADJ", "PROPN", "DET") and doc[j].text not in _STOP:
        role.insert(0, doc[j])
        if doc[j].pos_ == "DET":
            break
        j -= 1
    nouns = [t for t in role if t.pos_ in ("NOUN", "PROPN")]
    if not nouns:
        return None
    head = nouns[-1]
    word = head.lemma_.lower()
    if not (word in experts or head.lower_ in experts or head.lower_.endswith(_ROLE_SUFFIXES)):
        return None
    if comma and role[0].lower_ not in INDEFINITE_ARTICLES:
        return None  # ", engineer, Dr. X" inside a list; only "A local epidemiologist, Dr. X"
    if any(t.ent_type_ or (t.pos_ == "PROPN" and not t.is_sent_start) or t.lemma_.lower() in orgs for t in role if t.i != head.i):
        return None
    after = doc[ent.end: min(ent.end + 8, sent.end)]
    if any(t.lower_ in AFFILIATION_PREPOSITIONS for t in after[:2]) \
            or any(t.ent_type_ in ("ORG",) or t.lemma_.lower() in orgs for t in after):
        return None  # "Hydrologist Sandra Whitcombe of the state university"
    if ent.text.split()[-1] in doc_text(doc)[: role[0].idx]:
        return None  # not the first mention
    start = role[0].idx
    end = ent.end_char
    return RoleWithoutOrganisation(start, end, ent.text, doc_text(doc)[role[0].idx: head.idx + len(head.text)])


def roles_without_organisation(sent: "Span", lang: str, quote_spans: Sequence[tuple[int, int]]) -> Iterator[RoleWithoutOrganisation]:
    roles = words("attribution-roles", lang)
    orgs = words("attribution-organisations", lang)
    doc = sent.doc
    for ent in sent.ents:
        if ent.label_ not in PERSON_ENTS or not _outside(ent[0], quote_spans):
            continue
        before = _expert_before(ent, sent, words("attribution-experts", lang), orgs)
        if before is not None:
            yield before
            continue
        i = ent.end
        if i >= len(doc) or doc[i].text != "," or i >= sent.end:
            continue
        role = []
        j = i + 1
        while j < sent.end and doc[j].text not in _STOP:
            t = doc[j]
            if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm"):
                break
            role.append(t)
            j += 1
        if not role or len(role) > 14 or role[0].lower_ in PLURAL_OPENERS:
            continue  # « Sandrine Kervella, les élus ont adopté… »: a new subject, not her role
        if any(t.lower_ in RELATIVE_PRONOUNS for t in role):
            continue  # "Amira Haddad, a nurse who cycles to work": a passer-by described, not an expert's title
        if not any(t.lemma_.lower() in roles or t.lower_ in roles or t.lower_.endswith(_ROLE_SUFFIXES) for t in role):
            continue
        earlier = {t.lemma_.lower() for t in doc[: ent.start] if t.pos_ in ("NOUN", "PROPN")}
        complete = any(
            (t.pos_ == "PROPN" and t.text[:1].isupper())
            or (t.ent_type_ and t.text[:1].isupper())
            or ((t.lemma_.lower() in orgs or t.lower_ in orgs) and not _indefinite(t))
            or t.tag_ == "POS" or t.text in POSSESSIVE_CLITICS
            or (t.text[:1].isupper() and t.i > role[0].i)  # an acronym or a capitalised name
            or (t.pos_ == "NOUN" and _definite(t) and "Plur" not in t.morph.get("Number") and t.tag_ != "NNS"
                and t.lemma_.lower() in earlier and _complements_role(t, roles))  # "medical director of the race": named before
            for t in role
        )
        surname = ent.text.split()[-1]
        if complete or surname in doc_text(doc)[: ent.start_char]:
            continue  # complete, or not the first mention (the organisation was given before)
        start = ent.start_char
        if ent.start > sent.start and doc[ent.start - 1].lower_ in _TITLES:
            start = doc[ent.start - 1].idx
        end = role[-1].idx + len(role[-1].text)
        yield RoleWithoutOrganisation(start, end, ent.text, doc_text(doc)[role[0].idx:end])
