"""Dependency-parse helpers shared by the rule families: labels of both languages' schemes, the
subject of a verb, the head a relative pronoun stands for.

The French models use Universal Dependencies labels (``nsubj:pass``, ``aux:pass``, ``obl:agent``),
the English ones the ClearNLP labels (``nsubjpass``, ``auxpass``, ``agent``); each set below holds
both spellings of one relation so that a rule reads the same in either language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Any subject of a verb, expletive and clausal subjects included.
SUBJ_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "expl:subj", "csubj"})
#: Nominal and clausal subjects, without the expletive « il » of French impersonals.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "csubj"})
#: Nominal subjects, active or passive.
NOMINAL_SUBJ_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})
PASSIVE_SUBJ_DEPS = frozenset({"nsubj:pass", "nsubjpass"})
PASSIVE_AUX_DEPS = frozenset({"auxpass", "aux:pass"})
#: What marks a verb as passive: a passive subject or a passive auxiliary.
PASSIVE_DEPS = PASSIVE_SUBJ_DEPS | PASSIVE_AUX_DEPS
AGENT_DEPS = frozenset({"agent", "obl:agent"})
RELATIVE_CLAUSE_DEPS = frozenset({"acl:relcl", "relcl"})
#: Empty subjects of impersonal constructions ("it is said", « il est dit »).
EXPLETIVE_SUBJ_DEPS = frozenset({"nsubjpass", "nsubj:pass", "expl", "expl:subj", "expl:pass"})
POSSESSIVE_DEPS = frozenset({"nmod:poss", "poss"})

#: Entity labels of the French (PER, ORG, LOC, MISC) and English (PERSON, ORG, GPE…) models.
NAMED_ENTS = frozenset({"PER", "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "MISC"})
PERSON_ENTS = frozenset({"PER", "PERSON"})
ORG_ENTS = frozenset({"ORG", "NORP", "GPE"})


def in_main_clause(verb: "Token") -> bool:
    """The root of the sentence or a verb coordinated with it."""
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def subject_of(verb: "Token") -> "Token | None":
    """The one who speaks: the active subject (a passive subject is what is spoken about); a
    coordinated or controlled verb shares its head's subject."""
    kids = list(verb.children)
    if any(c.dep_ in PASSIVE_DEPS for c in kids):
        return None
    for c in kids:
        if c.dep_ in SUBJ_DEPS:
            return c
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
        for c in verb.head.children:
            if c.dep_ in SUBJ_DEPS:
                return c
    return None


def relative_head(subj: "Token") -> "Token":
    """« les associations qui accusent… » : the subject « qui » stands for « associations »."""
    if "Rel" in subj.morph.get("PronType") or subj.tag_ in ("WDT", "WP"):
        verb = subj.head
        if verb.dep_ in RELATIVE_CLAUSE_DEPS and verb.head is not verb:
            return verb.head
    return subj


def is_passive(verb: "Token") -> bool:
    """Has ``verb`` a passive subject or a passive auxiliary?"""
    return any(c.dep_ in PASSIVE_DEPS for c in verb.children)


_TEXT_KEY = "auditor.syntax.text"


def doc_text(doc: "Doc") -> str:
    """The text of a parsed document, joined once: spaCy's ``Doc.text`` joins every token again
    on each call, which made slicing it per sentence quadratic in the article's length. Kept in
    the document's ``user_data`` (a parse is never edited after the analysis made it)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_TOKENS_KEY = "auditor.syntax.tokens"


def tokens_of(span: "Span") -> list["Token"]:
    """The tokens of a sentence as a list made once: iterating a ``Span`` builds a new ``Token``
    object per token on every pass, and the attribution stages pass over each sentence a dozen
    times. Kept per document (in its ``user_data``), by token range."""
    cache = span.doc.user_data.get(_TOKENS_KEY)
    if cache is None:
        cache = span.doc.user_data[_TOKENS_KEY] = {}
    key = (span.start, span.end)
    toks = cache.get(key)
    if toks is None:
        toks = cache[key] = list(span)
    return toks
