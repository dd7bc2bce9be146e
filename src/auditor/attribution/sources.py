"""Who a sentence credits: find the attributions of a sentence and say how well they name a source.

An attribution is a reporting verb with its subject (« a affirmé l'entreprise », "X said", "critics
say"), a « selon X » / « d'après X » / "according to X", a document that "shows" something
(« une étude montre »), or a fixed phrase that credits no one (« on dit », "it is believed").
Each found source is classified:

``named``
    a person, organisation, office or identified document (a proper name or named entity in the
    phrase, or a definite singular institution/role noun that refers back: « la préfecture »,
    "the agency", "the company's spokeswoman");
``pronoun``
    « il », "she"… resolved to the last person or organisation named before it;
``vague``
    an unnamed group or consensus: « des experts », « les militants », "critics", "studies",
    "many", « on »;
``unidentified``
    a document that is not identified: « une étude récente », "a recent poll";
``weak``
    a subject that is neither named nor on the vague list (a plural common noun): not a source,
    not flagged as vague.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Sequence

import regex

from ..syntax import NAMED_ENTS, ORG_ENTS, PERSON_ENTS, SUBJ_DEPS, doc_text, tokens_of
from ..syntax import relative_head as _relative_head  # one definition, in the analysis layer
from ..syntax import subject_of as _subject_of
from .closed_class import (AGENT_PREPOSITIONS, AS_MARKERS, AS_PREPOSITIONS, DEFINITE_ARTICLES, DEFINITE_DET_LEMMAS,
                           DEMONSTRATIVE_PRONOUNS_FR, DOCUMENT_CASES, HYPOTHETICAL_MARKERS_FR, IMPERSONAL_PRONOUNS,
                           INDEFINITE_ARTICLES, PLURAL_DEMONSTRATIVES, POSSESSIVE_DET_FORMS, PRONOUNS_ORG, PRONOUNS_PERSON,
                           PRONOUNS_PLURAL, QUANTIFIERS, QUOTE_MARKS, TIME_CONDITION_MARKS)
from .lexicons import document_verbs, either_language, mapping, ordered, phrase_matches, reporting_verbs, words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: Mixed-language lists, read in texts of either language as they always were.
_BELIEF = either_language("attribution-belief-verbs")
_OBSERVE = either_language("attribution-observe-verbs")
_UNNAMED = either_language("attribution-unnamed-sources")
_MEDIA = either_language("attribution-media")
_SPATIAL = either_language("attribution-spatial")
_TIME_NOUNS = either_language("attribution-time-nouns")
_SAYING_IDIOMS = either_language("attribution-saying-idioms")
CUES = {lang: ordered("attribution-source-cues", lang) for lang in ("fr", "en")}


@dataclass(frozen=True)
class Source:
    kind: str  # named, pronoun, vague, unidentified, weak
    start: int
    end: int
    text: str
    how: str  # verb, cue, quote, phrase, hedge, document, conditional
    verb: str = ""
    resolved: str = ""  # for pronouns: the name they stand for
    clause: str = ""  # for verb attributions: "main", "relative" (« …, which Richard claimed ») or "sub"
    scope: tuple[int, int] = (0, 0)  # for verb attributions: the characters of the verb's clause

    @property
    def sources_claim(self) -> bool:
        """Does this attribution give the claim a source a reader can trace?"""
        return self.kind in ("named", "pronoun")


def _outside(tok: "Token", quote_spans: Sequence[tuple[int, int]]) -> bool:
    """Is ``tok`` outside every quotation? (Called for most tokens of every stage: a plain loop.)"""
    at = tok.idx
    for s, e in quote_spans:
        if s <= at < e:
            return False
    return True


def np_tokens(head: "Token", quote_spans: Sequence[tuple[int, int]] = (), participles: bool = False) -> list["Token"]:
    """The noun phrase of ``head``: its subtree without relative clauses, clauses or quotes (with
    ``participles``, participial modifiers are kept: « une enquête menée par l'Insee »)."""
    stop = {"acl:relcl", "relcl", "ccomp", "advcl", "parataxis"} | (set() if participles else {"acl"})
    out = []

    def walk(t: "Token") -> None:
        out.append(t)
        for c in t.children:
            if c.dep_ in stop and c.pos_ in ("VERB", "AUX"):
                continue
            if c.dep_ == "punct" and c.text in QUOTE_MARKS:
                continue
            walk(c)

    walk(head)
    return sorted((t for t in out if _outside(t, quote_spans)), key=lambda t: t.i)


def _contiguous(head: "Token", toks: list["Token"]) -> tuple[int, int]:
    idx = {t.i for t in toks}
    lo = hi = head.i
    while lo - 1 in idx:
        lo -= 1
    while hi + 1 in idx:
        hi += 1
    doc = head.doc
    # do not end on punctuation, do not start on the preposition (« selon », "in")
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    while lo < hi and (doc[lo].is_punct or doc[lo].pos_ == "ADP"):
        lo += 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def classify(head: "Token", lang: str, quote_spans: Sequence[tuple[int, int]] = ()) -> tuple[str, int, int]:
    """Classify the noun phrase headed by ``head`` as a source: (kind, start, end). Pronouns first,
    then crowds of a nationality, proper names, institutions; past those, the phrase's
    determiners decide between a document, the media, a vague group and a named role."""
    lemma = head.lemma_.lower()
    text = head.text.lower()
    if text.startswith("-"):
        text = text.split("-")[-1]  # « a-t-il expliqué »: the pronoun comes as "-il" or "-t-il"
    docs = words("attribution-documents", lang)
    toks = np_tokens(head, quote_spans, participles=lemma in docs or text in docs)
    start, end = _contiguous(head, np_tokens(head, quote_spans))
    kind = _named_or_pronoun(head, lemma, text, toks, lang)
    if kind is None:
        kind = _by_determiners(head, lemma, text, toks, lang)
    return kind, start, end


def _named_or_pronoun(head: "Token", lemma: str, text: str, toks: list["Token"], lang: str) -> "str | None":
    """The kinds read without the determiners' detail: a pronoun, a quantified nationality
    ("many Americans"), a proper name, a bare institution ("police said"). None when the phrase
    is none of these."""
    if head.pos_ == "PRON" or (head.pos_ == "DET" and head.dep_.startswith("nsubj")):
        return _pronoun_kind(head, lemma, text, lang)
    if any(t.ent_type_ == "NORP" for t in toks) and quantified_np(head, lang) and not any(
        t.ent_type_ in NAMED_ENTS - {"NORP"} for t in toks
    ):
        return "vague"  # "many Americans", « certains Français »
    named = any(
        (t.ent_type_ in NAMED_ENTS and t.text[:1].isupper() and not (t.pos_ == "NOUN" and t.is_sent_start))  # not "Pharmacists say"
        or (t.pos_ == "PROPN" and t.text[:1].isupper() and (not t.is_sent_start or _propn_at_start(t)))
        for t in toks
    )
    if named:
        return "named"
    dets = _determiners(head)
    institutional = words("attribution-institutional", lang)
    if (lemma in institutional or text in institutional) \
            and not ({d.text.lower() for d in dets} & QUANTIFIERS.get(lang, frozenset())) \
            and not any("Ind" in d.morph.get("Definite") for d in dets):
        return "named"  # "police said", « selon les pompiers »: standard institutional attribution
    return None


def _pronoun_kind(head: "Token", lemma: str, text: str, lang: str) -> str:
    """A pronoun subject: an impersonal passive ("it is said") or « on » is vague, « on constate »
    is the reporter observing, a personal pronoun stands for someone named before."""
    vague = words("attribution-vague-sources", lang)
    verb = head.head
    if (text == "it" and (head.dep_ in ("nsubjpass", "expl") or any(c.dep_ == "auxpass" for c in verb.children))) or (
        text == "il" and any(c.dep_ == "aux:pass" for c in verb.children) and verb.lemma_ != "falloir"
    ):
        return "vague"  # "it is said", « il est dit »
    if text == "on" and verb.lemma_.lower() in _OBSERVE:
        return "weak"  # « on constate », « on note » : the reporter observing
    if text in ("on",) or lemma in vague or text in vague:
        return "vague"
    if text in PRONOUNS_PERSON or text in PRONOUNS_ORG or text in PRONOUNS_PLURAL:
        return "pronoun"
    return "weak"


def _determiners(head: "Token") -> list["Token"]:
    """The words that determine ``head``: articles, numerals, adjectives, possessives, its case."""
    return [c for c in head.children if c.dep_ in ("det", "nummod", "amod", "advmod", "nmod:poss", "poss", "case")]


@dataclass(frozen=True)
class _Determined:
    """What the determiners of a phrase say about it (read once, used by every kind below)."""
    dets: list
    demonstrative: bool
    definite: bool
    quantified: bool
    plural: bool
    inner_org: bool
    inner_role: bool


def _determined(head: "Token", toks: list["Token"], lang: str) -> _Determined:
    """Read the phrase's determiners: demonstrative, definite (or possessive), quantified, plural,
    and whether an organisation or role inside it is itself identified."""
    orgs = words("attribution-organisations", lang)
    roles = words("attribution-roles", lang)
    dets = _determiners(head)
    possessive = any(c.dep_ in ("nmod:poss", "poss") for c in head.children) or any(
        c.tag_ == "POS" for t in toks for c in [t]
    )
    demonstrative = any("Dem" in d.morph.get("PronType") or d.lower_ in PLURAL_DEMONSTRATIVES for d in dets)
    definite = possessive or any(
        "Def" in d.morph.get("Definite") or d.lemma_.lower() in DEFINITE_DET_LEMMAS
        or d.lower_ in POSSESSIVE_DET_FORMS
        or "Dem" in d.morph.get("PronType") or "Prs" in d.morph.get("PronType")
        for d in dets
    )
    quantifier_words = {d.text.lower() for d in dets if d.dep_ != "case"}  # « d’après » is not a partitive « d’ »
    quantified = bool(quantifier_words & QUANTIFIERS.get(lang, frozenset())) or any(
        "Ind" in d.morph.get("Definite") for d in dets
    )
    plural = "Plur" in head.morph.get("Number") or head.tag_ in ("NNS", "NNPS")
    # An organisation or role noun inside the phrase, introduced by a definite article or a
    # possessive, identifies it ("an estimate by the city's finance department").
    inner_org = any(
        t is not head and t.lemma_.lower() in orgs and t.pos_ in ("NOUN", "PROPN") and not _in_clause_object(t, head)
        and not _spatial(t)
        and (any("Def" in d.morph.get("Definite") or d.dep_ in ("nmod:poss", "poss") or d.tag_ == "POS" or d.lemma_.lower() == "the"
                 for d in t.children)
             or (t.dep_ == "compound" and t.head.i == head.i))  # "county records", "state filings"
        for t in toks
    )
    inner_role = any(
        t is not head and t.lemma_.lower() in roles and t.pos_ == "NOUN" and not _in_clause_object(t, head)
        and any(d.lower_ in DEFINITE_ARTICLES or "Def" in d.morph.get("Definite") for d in t.children)
        for t in toks
    )
    return _Determined(dets, demonstrative, definite, quantified, plural, inner_org, inner_role)


def _by_determiners(head: "Token", lemma: str, text: str, toks: list["Token"], lang: str) -> str:
    """The kind of a common-noun phrase, from its noun's list (document, media, unnamed source,
    vague group, organisation or role) and what its determiners say."""
    d = _determined(head, toks, lang)
    docs = words("attribution-documents", lang)
    orgs = words("attribution-organisations", lang)
    roles = words("attribution-roles", lang)
    vague = words("attribution-vague-sources", lang)
    if lemma in docs or text in docs:
        return _document_kind(head, d)
    if lemma in _MEDIA or text in _MEDIA:
        return "named" if d.inner_org else "vague"  # « la presse », "local media"
    if d.demonstrative and d.plural and lemma not in docs:
        return "named"  # « ces deux candidats », "these researchers": named before
    if lemma in _UNNAMED or text in _UNNAMED or lemma in words("attribution-hearsay-nouns", lang):
        return "vague"  # « une source proche du club »: close to it, not it
    if lemma in vague or text in vague:
        if d.inner_org:
            return "named"
        if d.plural or d.quantified or not d.definite:
            return "vague"
        return "named"  # « le collectif », "the analyst": refers back to a name
    if lemma in orgs or lemma in roles or text in orgs or text in roles:
        if d.definite and not d.plural:
            return "named"
        if d.inner_org:
            return "named"
        if lang == "en" and d.plural and not d.dets and head.pos_ == "NOUN":
            return "vague"  # "Pharmacists say…", "Doctors warn…": a whole profession
        return "vague" if d.plural and d.quantified and not d.definite else "weak"
    if d.definite and not d.plural:
        return "named"
    if d.plural and d.quantified and not d.definite:
        return "vague"  # "many Christian democrats", « plusieurs spécialistes »
    if lang == "en" and d.plural and not d.dets and head.pos_ == "NOUN" and head.dep_ in SUBJ_DEPS \
            and (head.text[:1].islower() or head.lemma_.lower() != head.lower_) \
            and not any(t.dep_ == "compound" or t.ent_type_ for t in toks if t.i != head.i):
        return "vague"  # "Pharmacists say…", "Economists warn…": a whole profession
    return "weak"


def _document_kind(head: "Token", d: _Determined) -> str:
    """A document: named when an identified author is inside it ("a report by the state
    inspector general") or discloses it in a relative clause, or when it is one definite
    document; vague when plural and bare ("studies show"); otherwise unidentified."""
    if d.inner_org or d.inner_role:  # "a report by the state inspector general"
        return "named"
    for rel in head.children:  # "figures the studio disclosed", « les chiffres que la mairie a publiés »
        if rel.dep_ in ("relcl", "acl:relcl", "acl") and any(
                c.dep_ in SUBJ_DEPS and (c.ent_type_ or c.pos_ == "PROPN" or any("Def" in g.morph.get("Definite") or g.lower_ == "the"
                                                                           for g in c.children))
                for c in rel.children):
            return "named"
    if d.definite and not d.plural:
        return "named"
    if d.plural and not d.definite:
        return "vague"  # "studies show"
    if d.quantified or not d.definite:
        return "unidentified"
    return "named"


def _spatial(t: "Token") -> bool:
    """"farmers across the county", « les habitants autour de la mairie »: a place, not an employer."""
    prep = t.head if t.dep_ == "pobj" else next((c for c in t.children if c.dep_ == "case"), None)
    return prep is not None and prep.lower_ in _SPATIAL


def _in_clause_object(t: "Token", head: "Token") -> bool:
    """Is ``t`` inside a participial clause of ``head`` without being its agent? « une enquête
    menée par l'Insee » names its author; « une pétition réclamant le départ de la direction »
    does not."""
    node, clause = t, False
    while node.i != head.i and node.head.i != node.i:
        if node.dep_ in ("obl:agent", "agent") or any(c.dep_ == "case" and c.lower_ in AGENT_PREPOSITIONS for c in node.children):
            return False
        if node.dep_ in ("acl", "advcl") and node.pos_ == "VERB":
            clause = True
        node = node.head
    return clause


def _propn_at_start(t: "Token") -> bool:
    """A capitalised first word is a name only if it looks like one: an acronym ("WHO"), or part
    of a multi-word name ("Scientology officials" is not; "Marlow County" is)."""
    if len(t.text) > 1 and t.text.isupper():
        return True
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    return nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper()


def quantified_np(head: "Token", lang: str) -> bool:
    q = QUANTIFIERS.get(lang, frozenset()) - INDEFINITE_ARTICLES
    return any(c.lower_ in q for c in head.children if c.dep_ in ("det", "amod", "nummod", "advmod", "quantmod"))


def _resolve_pronoun(tok: "Token", ents: Sequence["Span"]) -> str:
    text = tok.text.lower()
    before = [e for e in ents if e.end_char <= tok.idx]
    if text in PRONOUNS_PERSON:
        pool = [e for e in before if e.label_ in PERSON_ENTS] or [e for e in before if e.label_ in ORG_ENTS]
    elif text in PRONOUNS_ORG:
        pool = [e for e in before if e.label_ in ORG_ENTS]
    else:
        pool = [e for e in before if e.label_ in PERSON_ENTS | ORG_ENTS]
    return pool[-1].text if pool else ""


def _credit(out: list[Source], sent: "Span", lang: str, quote_spans: Sequence[tuple[int, int]], ents: Sequence["Span"],
            head: "Token", how: str, verb: "Token | None") -> None:
    """Classify the speaker ``head`` of one attribution and record it: the one place where a found
    speaker becomes a :class:`Source` (pronouns resolved, possessive phrases named, belief verbs
    of a single person demoted), so that every way of finding a speaker is judged alike."""
    if verb is not None and verb.dep_ in ("advcl", "relcl", "acl:relcl") and any(
            c.dep_ in ("mark", "advmod") and c.lower_ in TIME_CONDITION_MARKS and c.i < verb.i for c in verb.children):
        return  # "…show up when they call", « si on le demande »: not who says the claim
    head = _relative_head(head)
    kind, s, e = classify(head, lang, quote_spans)
    resolved = ""
    if kind == "pronoun":
        resolved = _resolve_pronoun(head, ents)
        if head.text.lower() in PRONOUNS_PLURAL:
            # « ils » / "they" stand for whatever the previous sentences credited
            kind = "weak" if not resolved else "pronoun"
    if kind == "weak" and (how == "cue" or any(c.tag_ == "POS" or c.dep_ in ("poss", "nmod:poss") for c in head.subtree)) \
            and any((d.dep_ == "det" and ("Def" in d.morph.get("Definite") or d.lower_ == "the"))
                    or (d.tag_ == "POS" and d.head.pos_ in ("NOUN", "PROPN")) for d in head.subtree):
        kind = "named"  # « selon les comptes de la coopérative », "the trial's investigators reported"
    if kind == "vague" and verb is not None and verb.lemma_.lower() in _BELIEF and "Plur" not in head.morph.get("Number") \
            and head.tag_ not in ("NNS", "NNPS") and not quantified_np(head, lang) and head.pos_ != "PRON":
        kind = "weak"  # "a teacher thought it was a bomb": a narrative, not a source
    scope = (0, 0)
    if verb is not None:
        sub = list(verb.subtree)
        scope = (sub[0].idx, sub[-1].idx + len(sub[-1].text))
    out.append(Source(kind, s, e, doc_text(sent.doc)[s:e], how, verb.text if verb is not None else "", resolved,
                      _clause(verb) if verb is not None else "", scope))


def find_sources(sent: "Span", lang: str, quote_spans: Sequence[tuple[int, int]], ents: Sequence["Span"]) -> list[Source]:
    """Every attribution in one sentence (outside its quotes), found in this order: reporting
    verbs and documents word by word, agentless passives, « selon » cues, a leading « Pour X, »,
    fixed phrases and hedges, then (French) the conditional of hearsay."""
    out: list[Source] = []

    def add(head: "Token", how: str, verb: "Token | None") -> None:
        _credit(out, sent, lang, quote_spans, ents, head, how, verb)

    for tok in tokens_of(sent):
        if not _outside(tok, quote_spans):
            continue
        if _verb_source(tok, lang, quote_spans, out, add):
            continue
        _document_source(tok, sent, lang, quote_spans, out)
    _agentless_passives(sent, lang, quote_spans, out)
    _cue_sources(sent, lang, quote_spans, add)
    _leading_pour(sent, lang, quote_spans, out)
    _phrase_sources(sent, lang, quote_spans, out)
    if lang == "fr":
        out.extend(_conditional_hearsay(sent, quote_spans))
    return out


def _verb_lemma(tok: "Token", lang: str) -> str:
    """The lemma of a possible reporting verb, repaired where the French lemmatiser leaves the
    verb's form (« reproche » for « reprocher »)."""
    verbs = reporting_verbs(lang)
    lemma = tok.lemma_.lower()
    if lemma not in verbs and lang == "fr" and lemma.endswith("e") and lemma + "r" in verbs:
        lemma = lemma + "r"  # the lemmatiser sometimes leaves « reproche » for « reprocher »
    return lemma


def _verb_source(tok: "Token", lang: str, quote_spans: Sequence[tuple[int, int]], out: list[Source], add) -> bool:
    """A reporting (or document) verb and who it credits: its subject, its passive agent, no one
    (an impersonal passive), or the subject after it (inverted order). True when the word was
    credited this way, so that it is not read again as a document."""
    verbs = reporting_verbs(lang)
    doc_verbs = document_verbs(lang)
    lemma = _verb_lemma(tok, lang)
    says = lemma in verbs or _reporting_idiom(tok)
    if not (tok.pos_ in ("VERB", "AUX") and (says or tok.text.lower() in verbs or lemma in doc_verbs)):
        return False
    subj = _subject_of(tok)
    if subj is not None and _outside(subj, quote_spans):
        head = _relative_head(subj)
        # Document verbs only count with a document or institution as subject.
        if says or head.lemma_.lower() in words("attribution-documents", lang) or head.pos_ == "PROPN" or head.ent_type_ \
                or head.lemma_.lower() in words("attribution-organisations", lang):  # "The league put the attendance at…"
            add(subj, "verb", tok)
            return True
    agent = _passive_agent(tok, quote_spans) if says or lemma in doc_verbs else None
    if agent is not None:
        # « est estimée à 1,8 million par le conservateur », "was confirmed by the agency"
        add(agent, "verb", tok)
        return True
    if says and _impersonal_passive(tok, quote_spans):
        # "It has been reported that…", « il a été dit que… »: a report credited to no one.
        out.append(Source("vague", tok.idx, tok.idx + len(tok.text), tok.text, "passive", tok.text, clause=_clause(tok)))
        return True
    if says:
        _inverted_subject(tok, quote_spans, add)
    return False


def _inverted_subject(tok: "Token", quote_spans: Sequence[tuple[int, int]], add) -> None:
    """Inverted French order (« a précisé la préfecture »), "said the minister": the speaker after
    a finite verb — not a participle or infinitive with its object (« une pétition réclamant le
    départ »)."""
    if "Inf" in tok.morph.get("VerbForm") or tok.tag_ == "VBG" \
            or ("Part" in tok.morph.get("VerbForm") and "Pres" in tok.morph.get("Tense")):
        return
    finite = "Fin" in tok.morph.get("VerbForm") or any(k.dep_.startswith("aux") for k in tok.children) \
        or tok.tag_ in ("VBD", "VBZ", "VBP")
    for c in tok.children:
        if finite and c.dep_ in ("obj", "dobj", "obl", "obl:agent", "nmod", "dep", "attr") and c.i > tok.i \
                and c.pos_ in ("PROPN", "NOUN", "PRON") and _outside(c, quote_spans) \
                and c.lemma_.lower() not in _TIME_NOUNS and c.ent_type_ not in ("DATE", "TIME") \
                and (c.i - tok.i) <= 4:
            add(c, "verb", tok)
            break


def _document_source(tok: "Token", sent: "Span", lang: str, quote_spans: Sequence[tuple[int, int]],
                     out: list[Source]) -> None:
    """A document as the active subject of a verb (« le rapport pointe », not "the figures are
    inaccurate" nor "the figures were revised"), or « dans une étude » / "in a study"."""
    verbs = reporting_verbs(lang)
    doc_verbs = document_verbs(lang)
    lemma = _verb_lemma(tok, lang)
    if not (tok.pos_ == "NOUN" and (lemma in words("attribution-documents", lang)) and _outside(tok, quote_spans)):
        return
    says = tok.head.lemma_.lower() in verbs or tok.head.lemma_.lower() in doc_verbs or tok.head.pos_ != "VERB"
    if (tok.dep_ in SUBJ_DEPS - {"nsubj:pass", "nsubjpass"} and tok.head.lemma_ not in ("be", "être")
            and not any(c.dep_ in ("auxpass", "aux:pass", "cop") for c in tok.head.children)) or (tok.dep_ in ("obl", "obl:mod", "pobj", "nmod") and _has_case(tok, lang)):
        kind, s, e = classify(tok, lang, quote_spans)
        # A named document sources only what it says (« le rapport pointe »), not what it
        # does ("the budget relies on…"); an unidentified one is flagged either way.
        if kind != "named" or says or tok.dep_ not in SUBJ_DEPS:
            out.append(Source(kind, s, e, doc_text(sent.doc)[s:e], "document", tok.head.text))


def _agentless_passives(sent: "Span", lang: str, quote_spans: Sequence[tuple[int, int]], out: list[Source]) -> None:
    """Agentless passives of characterising verbs: "is considered", « a été qualifié de » — a
    judgement credited to no one."""
    passive = words("attribution-passive-verbs", lang)
    for tok in tokens_of(sent):
        if tok.pos_ != "VERB" or not _outside(tok, quote_spans) or tok.lemma_.lower() not in passive:
            continue
        kids = list(tok.children)
        is_passive = any(c.dep_ in ("auxpass", "aux:pass", "nsubjpass", "nsubj:pass") for c in kids)
        if lang == "fr" and not is_passive:
            is_passive = any(c.dep_ == "cop" or (c.lemma_ == "être" and c.dep_.startswith("aux")) for c in kids) and "Part" in tok.morph.get("VerbForm")
        if not is_passive:
            continue
        agent = any(c.dep_ in ("agent", "obl:agent") or (c.dep_ in ("obl", "prep") and any(g.lower_ in AGENT_PREPOSITIONS for g in [c] + list(c.children)))
                    for c in kids)
        if agent:
            continue
        complement = any(
            c.dep_ in ("xcomp", "oprd", "attr", "acomp", "ccomp")
            or (c.dep_ in ("prep", "obl", "obl:arg", "advmod", "mark") and (c.lower_ in AS_PREPOSITIONS or any(g.lower_ in AS_MARKERS for g in c.children)))
            for c in kids
        ) or any(c.lower_ in IMPERSONAL_PRONOUNS for c in kids if c.dep_ in ("nsubjpass", "nsubj:pass", "expl", "expl:subj", "expl:pass"))
        if not complement:
            continue  # "several options were considered": examined, not judged
        start = min([c.idx for c in kids if c.dep_ in ("auxpass", "aux:pass", "aux", "aux:tense")] + [tok.idx])
        out.append(Source("vague", start, tok.idx + len(tok.text), doc_text(sent.doc)[start:tok.idx + len(tok.text)], "passive", tok.text))


def _cue_sources(sent: "Span", lang: str, quote_spans: Sequence[tuple[int, int]], add) -> None:
    """« selon X », "according to X": each cue of the sentence (a whole word) and the head of the
    noun phrase after it."""
    low = sent.text.lower()
    for cue in CUES.get(lang, ()):
        pos = 0
        while True:
            pos = low.find(cue, pos)
            if pos < 0:
                break
            at = sent.start_char + pos + len(cue)
            pos += len(cue)
            if pos < len(low) and low[pos - 1].isalpha() and pos < len(low) and low[pos].isalpha():
                continue
            if cue == "per" and not (pos - len(cue) == 0 or not low[pos - len(cue) - 1].isalpha()):
                continue
            for tok in tokens_of(sent):
                if tok.idx >= at and tok.pos_ in ("PROPN", "NOUN", "PRON", "ADJ", "DET", "NUM") and _outside(tok, quote_spans):
                    head = tok
                    # climb to the phrase's head noun
                    while head.head is not head and head.head.idx >= at and head.dep_ in ("det", "amod", "nummod", "compound", "flat", "flat:name", "case"):
                        head = head.head
                    if head.pos_ in ("PROPN", "NOUN", "PRON", "ADJ"):
                        add(head, "cue", None)
                    break


def _leading_pour(sent: "Span", lang: str, quote_spans: Sequence[tuple[int, int]], out: list[Source]) -> None:
    """« Pour Inès Morel, la décision est… » : a sentence-initial « pour » + a name."""
    first = next((t for t in tokens_of(sent) if not t.is_space), None)
    if lang == "fr" and first is not None and first.lower_ == "pour" and "," in sent.text[:80]:
        for tok in tokens_of(sent):
            if tok.i > first.i and (tok.ent_type_ in ("PER", "ORG") or tok.pos_ == "PROPN"):
                kind, s, e = classify(tok, lang, quote_spans)
                if kind == "named":
                    out.append(Source(kind, s, e, doc_text(sent.doc)[s:e], "cue"))
                break
            if tok.text == ",":
                break


def _phrase_sources(sent: "Span", lang: str, quote_spans: Sequence[tuple[int, int]], out: list[Source]) -> None:
    """Fixed phrases and hedges that credit no one (« on dit », "it is believed"), read on the
    sentence with its quotes blanked out."""
    masked = _mask(sent, quote_spans)
    for ph, m in phrase_matches("attribution-vague-phrases", lang, masked):
        s = sent.start_char + m.start()
        out.append(Source("vague", s, s + len(m.group()), m.group(), "phrase"))
    for ph, m in phrase_matches("attribution-hedges", lang, masked):
        s = sent.start_char + m.start()
        out.append(Source("vague", s, s + len(m.group()), m.group(), "hedge"))


def _reporting_idiom(tok: "Token") -> bool:
    """« a-t-elle fait valoir », « a fait savoir », « fait remarquer »: « faire » + a verb of saying."""
    return tok.lemma_ == "faire" and any(c.lemma_ in _SAYING_IDIOMS for c in tok.children)


def has_definite_det(t: "Token") -> bool:
    """« le rapport », "the agency": a determiner that points at something already known."""
    return any(c.dep_ == "det" and ("Def" in c.morph.get("Definite") or c.lower_ == "the") for c in t.children)


def _passive_agent(verb: "Token", quote_spans: Sequence[tuple[int, int]]) -> "Token | None":
    """The agent of a passive verb: « par le conservateur », "by the agency"."""
    kids = list(verb.children)
    if not any(c.dep_ in ("auxpass", "aux:pass", "nsubjpass", "nsubj:pass") for c in kids):
        return None
    for c in kids:
        if _outside(c, quote_spans) and (c.dep_ == "obl:agent" or (
                c.dep_.startswith("obl") and any(g.dep_ == "case" and g.lower_ == "par" for g in c.children))):
            return c  # « … par la directrice du musée »
        if c.dep_ == "agent":  # English: "by" is the agent, its object the source
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and _outside(obj, quote_spans):
                return obj
    return None


def _impersonal_passive(verb: "Token", quote_spans: Sequence[tuple[int, int]]) -> bool:
    """A passive reporting verb whose subject is an empty « il » / "it" and that has no agent."""
    kids = list(verb.children)
    if not any(c.dep_ in ("auxpass", "aux:pass") for c in kids):
        return False
    if any(c.dep_ in ("agent", "obl:agent") for c in kids):
        return False
    return any(c.lower_ in IMPERSONAL_PRONOUNS and c.dep_ in ("nsubjpass", "nsubj:pass", "expl", "expl:subj", "expl:pass")
               and _outside(c, quote_spans) for c in kids)


def _clause(verb: "Token") -> str:
    if verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"):
        return "main"
    return "relative" if verb.dep_ in ("acl:relcl", "relcl", "acl") else "sub"


def _has_case(tok: "Token", lang: str) -> bool:
    preps = DOCUMENT_CASES.get(lang, ())
    if tok.dep_ == "pobj":
        return tok.head.text.lower() in preps
    return any(c.dep_ == "case" and c.text.lower() in preps for c in tok.children)


_NOT_HEARSAY = words("attribution-not-hearsay", "fr")
# Future (and conditional) stems that are not the infinitive: « ser-ait », « viendr-ait ».
_IRREGULAR_STEMS = mapping("attribution-future-stems", "fr")
_HYPOTHETICAL = regex.compile(r"(?i)(?<!\w)(" + "|".join(HYPOTHETICAL_MARKERS_FR) + r")(?!\w)")


def is_conditional(tok: "Token") -> bool:
    """Third-person conditional (« aurait », « proviendrait », « coûteraient »), read from the form
    as well as the tagger, which often takes it for an imperfect: the conditional is the future
    stem plus the imperfect ending, so « déclarait » (imperfect of « déclarer ») is not one and
    « déclarerait » is."""
    if tok.pos_ not in ("VERB", "AUX") or "3" not in tok.morph.get("Person", ["3"]):
        return False
    form = tok.lower_
    if not form.endswith(("rait", "raient")):
        return False
    if "Cnd" in tok.morph.get("Mood"):
        return True
    lemma = tok.lemma_.lower()
    if lemma == form or not lemma.endswith(("er", "ir", "re", "oir")):
        return False
    stem = form[: -len("ait")] if form.endswith("rait") else form[: -len("aient")]
    if lemma in _IRREGULAR_STEMS:
        return stem == _IRREGULAR_STEMS[lemma]
    for base, irregular in (("venir", "viendr"), ("tenir", "tiendr"), ("cevoir", "cevr"), ("voir", "verr")):
        if lemma.endswith(base):
            return stem == lemma[: -len(base)] + irregular
    if lemma.endswith("re"):
        return stem == lemma[:-1]
    # -er / -ir: the whole infinitive (« parler-ait »), allowing « appeller », « achèter », « paier »
    fold = stem.replace("è", "e").replace("ll", "l").replace("tt", "t").replace("ie", "ye")
    return stem == lemma or fold == lemma.replace("é", "e").replace("è", "e") or fold == lemma


def _conditional_hearsay(sent: "Span", quote_spans: Sequence[tuple[int, int]]) -> Iterable[Source]:
    """« Le maire aurait démissionné », « le suspect serait âgé de 35 ans », « le mot proviendrait
    du quechua » : the journalistic conditional reports hearsay. Hypotheticals (« si… », « sinon »)
    and impersonal « ce serait » are left alone."""
    if _HYPOTHETICAL.search(_mask(sent, quote_spans)):
        return
    for tok in tokens_of(sent):
        if not _outside(tok, quote_spans) or not is_conditional(tok):
            continue
        subjects = [c for c in (tok.head if tok.dep_.startswith(("aux", "cop")) else tok).children if c.dep_ in SUBJ_DEPS]
        if any(c.lower_ in DEMONSTRATIVE_PRONOUNS_FR for c in subjects):
            continue  # « ce serait une erreur »: a hypothetical judgement, not hearsay
        if tok.lemma_ in ("avoir", "être") and tok.dep_.startswith("aux"):
            head = tok.head
            if head.pos_ == "VERB" and "Fin" not in head.morph.get("VerbForm") \
                    and head.lemma_ not in _NOT_HEARSAY and head.i > tok.i and head.dep_ in ("ROOT", "conj"):
                yield Source("vague", tok.idx, head.idx + len(head.text), doc_text(sent.doc)[tok.idx:head.idx + len(head.text)], "conditional")
                return
            continue
        if tok.lemma_ == "être" and tok.dep_ == "cop" and tok.head.dep_ in ("ROOT", "conj") and subjects:
            # « Le suspect serait âgé de 35 ans », « le bilan serait de douze morts »
            yield Source("vague", tok.idx, tok.idx + len(tok.text), tok.text, "conditional")
            return
        # « Le chantier coûterait 3 millions » : a simple conditional of a main verb, too.
        if tok.pos_ == "VERB" and tok.lemma_ not in _NOT_HEARSAY and tok.dep_ in ("ROOT", "conj"):
            yield Source("vague", tok.idx, tok.idx + len(tok.text), tok.text, "conditional")
            return


def _mask(sent: "Span", quote_spans: Sequence[tuple[int, int]]) -> str:
    """The sentence with quoted words blanked out (same length, so offsets hold)."""
    text = sent.text
    chars = list(text)
    base = sent.start_char
    for s, e in quote_spans:
        for i in range(max(s, base), min(e, base + len(text))):
            chars[i - base] = " "
    return "".join(chars).replace("’", "'")
