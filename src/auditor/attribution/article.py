"""One pass over an article that every attribution rule reads (memoised in the shared analysis).

For each sentence: its attributions (:mod:`.sources`), what in it needs a source
(:mod:`.claims`), whether an earlier source of the article covers it (:mod:`.ledger`: « À la
même date, cette proportion était de 41 %. » after « Selon le BRGM, 68 %… »), and a
verdict from the decision table of :mod:`.verdict` (at most one finding per sentence, so that an
editor gets one finding per defect; the deciding row is recorded). Phrase-level findings
(incomplete sources) and quotations without a speaker are computed alongside.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Sequence

import regex

from ..syntax import doc_text, tokens_of
from .claims import Cue, claim_cues, evaluative, hedges
from .closed_class import BACK_OPENERS, BACK_PRONOUNS, CE_SUBJECTS_FR, DEMONSTRATIVE_DETS, FIRST_PERSON
from .lexicons import either_language
from .incomplete import RoleWithoutOrganisation, roles_without_organisation
from .sources import Source, _outside, find_sources, has_definite_det
from .ledger import Cover, Ledger
from .verdict import decide

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from ..analysis import Analysis, Quote


@dataclass
class SentenceInfo:
    start: int
    end: int
    text: str
    paragraph: int
    heading: bool
    sources: list[Source]
    claims: list[Cue]
    evaluative: list[Cue]
    quotes: list["Quote"] = field(default_factory=list)
    hedges: list[Cue] = field(default_factory=list)
    quote_only: bool = False
    carried: bool = False  # covered by an earlier source of the ledger (``covered_by`` says which and how)
    covered_by: Cover | None = None
    introduced: bool = False  # the previous sentence introduces it with a named source and a colon
    verdict: str = ""  # vague-source, opinion-as-fact, unsourced-claim, hedged-claim or ""
    decided_by: str = ""  # the row of :data:`.verdict.ROWS` that decided the verdict
    roles: list[RoleWithoutOrganisation] = field(default_factory=list)
    first_person: bool = False  # « je » / "I" outside quotes: a letter, a column or lost quote marks
    actor: bool = False  # the main clause's subject is a named person or organisation
    subject_named: bool = False  # a main-clause subject outside quotes is a person's name (« Lopez was blunt. »)
    person_subject: bool = False  # some subject outside quotes, in any clause, names a person
    refers_back: bool = False  # a demonstrative noun phrase (« ce taux », "this figure")
    speaker_back: bool = False  # a pronoun or definite document/institution subject (« elle », "the report")
    nouns: frozenset[str] = frozenset()  # lemmas of the common nouns outside quotes
    definite_subject: str = ""  # lemma of the main subject when it is a definite common noun

    @property
    def named(self) -> bool:
        return any(s.sources_claim and self._covers(s) for s in self.sources) or any(
            q.speaker is not None and not self._vague_speaker(q) and len(q.text.split()) >= 4 for q in self.quotes)

    def _covers(self, s: "Source") -> bool:
        """A source inside a relative clause ("…than the damages they claim") credits that clause
        only: it sources the sentence when a claim or hedge of the sentence lies inside it."""
        if s.clause != "relative" or not s.scope:
            return True
        a, b = s.scope
        return any(a <= c.start < b for c in self.claims + self.hedges + self.evaluative)

    def _vague_speaker(self, q: "Quote") -> bool:
        """« des supporters », "some fans": a speaker the attribution reads as a vague group."""
        sp = q.speaker
        return sp is not None and any(s.kind == "vague" and s.start < sp.end and sp.start < s.end for s in self.sources)

    @property
    def vague(self) -> list[Source]:
        return [s for s in self.sources if s.kind == "vague"]

    @property
    def unidentified(self) -> list[Source]:
        """Unidentified documents used as a source (not the vehicle of a named speaker's words)."""
        named = any(s.sources_claim and s.how in ("verb", "cue") for s in self.sources)
        return [s for s in self.sources if s.kind == "unidentified" and not named]


@dataclass
class FieldAttribution:
    sentences: list[SentenceInfo]
    unattributed_quotes: list["Quote"]


def _is_heading(text: str, line: str) -> bool:
    s = text.strip()
    low = s.lower()
    if s == line.strip() and any(low.startswith(p) for p in _TEASERS):
        return True
    return s == line.strip() and not s.endswith((".", "!", "?", "…", "»", '"', "”", ":", ")")) and len(s.split()) <= 15


# Mixed-language lists before they moved to files: read in texts of either language.
_TEASERS = tuple(sorted(either_language("attribution-teasers")))


def units(doc: "Doc", quote_spans: list[tuple[int, int]]) -> list["Span"]:
    """The parser's sentences, glued back together where it cut inside a quotation, before a
    lone punctuation mark, before a comma or a closing mark, or before a lower-case continuation
    (« … », a-t-il dit)."""
    out: list[tuple[int, int]] = []
    for sent in doc.sents:
        if out:
            boundary = sent.start_char
            inside = any(s < boundary < e for s, e in quote_spans)
            alpha = any(ch.isalpha() for ch in sent.text)
            first = sent.text.lstrip()[:1]
            same_line = "\n" not in doc_text(doc)[doc[out[-1][1] - 1].idx:boundary]
            if same_line and (inside or not alpha or first.islower() or first in ",;:)]»”"):
                # A sentence does not start with a comma: « Deux personnes ont été tuées | , a
                # indiqué la police. » is one sentence that the parser cut.
                out[-1] = (out[-1][0], sent.end)
                continue
        out.append((sent.start, sent.end))
    return [doc[a:b] for a, b in _split_after_quotes(doc, out)]


_QUOTE_END = regex.compile(r"[.!?…][\s\u00a0\u202f]*[”»\"][\s\u00a0\u202f]+(?=[A-ZÀ-ÖØ-Þ])")


def _split_after_quotes(doc: "Doc", ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parser often runs a closed quotation into the next sentence (« “…away.” A first
    meeting… »); a quotation ending with its own full stop ends the sentence."""
    out = []
    for a, b in ranges:
        span = doc[a:b]
        cuts = []
        for m in _QUOTE_END.finditer(span.text):
            at = span.start_char + m.end()
            tok = next((t for t in span if t.idx >= at), None)
            if tok is not None and tok.i > a:
                cuts.append(tok.i)
        start = a
        for c in cuts:
            if c > start:
                out.append((start, c))
                start = c
        out.append((start, b))
    return out


def analyse(analysis: "Analysis", field_name: str) -> FieldAttribution:
    return analysis.memo(("attribution", field_name), lambda: _analyse(analysis, field_name))


def _analyse(analysis: "Analysis", field_name: str) -> FieldAttribution:
    """The stages in order: describe each sentence, run the ledger, decide, find unvoiced quotes."""
    text = analysis.article.text(field_name)
    if not text.strip():
        return FieldAttribution([], [])
    lang = analysis.lang
    doc = analysis.doc(field_name)
    quote_spans = [(q.start, q.end) for q in analysis.raw_quotes(field_name)] + continued_quotes(text)
    infos = _describe(analysis, field_name, doc, quote_spans)
    _run_ledger(infos, lang, [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("ORG", "ORGANIZATION")])
    for info in infos:
        info.verdict, info.decided_by = decide(info)
    return FieldAttribution(infos, _unvoiced_quotes(analysis, field_name, doc, quote_spans, infos))


def _describe(analysis: "Analysis", field_name: str, doc: "Doc", quote_spans: list[tuple[int, int]]) -> list[SentenceInfo]:
    """Stage 1: one :class:`SentenceInfo` per sentence (its claims, sources, quotes, subjects)."""
    text = analysis.article.text(field_name)
    lang = analysis.lang
    quotes = analysis.quotes(field_name)
    ents = list(doc.ents)
    words = analysis.words(field_name)
    infos: list[SentenceInfo] = []
    multi_line = sum(1 for ln in text.splitlines() if ln.strip()) > 1  # a lone line is not a heading
    for sent in units(doc, quote_spans):
        stripped = sent.text.strip()
        if not stripped:
            continue
        lead = len(sent.text) - len(sent.text.lstrip())
        start = sent.start_char + lead
        end = start + len(stripped)
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line = text[line_start: line_end if line_end >= 0 else len(text)]
        sq = [q for q in quotes if q.start < end and start < q.end]
        outside_words = [w for w in words if start <= w.start < end and not any(q.start <= w.start < q.end for q in sq)]
        info = SentenceInfo(
            start=start, end=end, text=stripped, paragraph=text.count("\n", 0, start),
            heading=multi_line and _is_heading(stripped, line),
            sources=find_sources(sent, lang, quote_spans, ents),
            claims=claim_cues(sent, lang, quote_spans),
            evaluative=evaluative(sent, lang, quote_spans),
            quotes=sq,
            hedges=hedges(sent, lang, quote_spans),
            quote_only=bool(sq) and len(outside_words) <= 3 and not any(w.start < sq[0].start for w in outside_words),
            roles=list(roles_without_organisation(sent, lang, quote_spans)),
        )
        _describe_subjects(info, sent, lang, quote_spans)
        infos.append(info)
    return infos


def _describe_subjects(info: SentenceInfo, sent: "Span", lang: str, quote_spans: list[tuple[int, int]]) -> None:
    """Who the sentence is about, and the claims a named actor's own act does not make."""
    info.first_person, info.actor = _main_subject(sent, quote_spans, info.sources)
    info.subject_named = _main_subject_named(sent, quote_spans)
    info.speaker_back, info.refers_back = _refers_back(sent, lang, quote_spans)
    info.nouns = frozenset(t.lemma_.lower() for t in tokens_of(sent) if t.pos_ == "NOUN" and _outside(t, quote_spans))
    info.definite_subject = _definite_subject(sent, quote_spans)
    info.person_subject = any(
        t.dep_.startswith("nsubj") and any(x.ent_type_ in ("PER", "PERSON") for x in t.subtree)
        and _outside(t, quote_spans) for t in tokens_of(sent))
    if info.actor and not any(c.dep_ in ("cop", "aux:pass", "auxpass") for c in sent.root.children) \
            and sent.root.lemma_ not in ("be", "être") and sent.root.pos_ == "VERB":
        # « La préfecture a placé douze communes en crise, le niveau d’alerte le plus élevé »: a
        # named institution's own act, explained; "Apple is the most valuable company" still ranks.
        info.claims = [c for c in info.claims if c.kind != "superlative"]
    if info.actor:
        # « Le maire accuse l’opposition de mentir » : the accuser is named, the accusation is his.
        # Accusing nouns (« manquements », "fraudulent") still accuse the subject.
        info.claims = [c for c in info.claims if not (c.kind == "accusation" and c.verb)]


def _run_ledger(infos: list[SentenceInfo], lang: str, org_spans: list[tuple[int, int]]) -> None:
    """Stage 2: the source ledger, in reading order (:mod:`.ledger`)."""
    ledger = Ledger(lang, org_spans)
    for n, info in enumerate(infos):
        ledger.resolve_back_references(info)
        info.covered_by = ledger.cover(infos, n)
        info.carried = info.covered_by is not None
        if n and infos[n - 1].named and infos[n - 1].text.rstrip().endswith(":"):
            info.introduced = True  # « Le rapport conclut : » / "Smith told reporters:" + the content
        ledger.add(n, info)


def _voiced(infos: list[SentenceInfo], doc: "Doc", lang: str, quote_spans: list[tuple[int, int]]) -> set[int]:
    """Quotation-only sentences whose speaker is given by position, not by the quote analysis.

    The shared quote analysis only looks inside a paragraph. A quotation standing alone right after
    a sentence whose subject is a named person or that credits a named source — « Lopez defended
    the plan. » / "Lopez said in a statement." then the quote, in the same paragraph or the next —
    is that person's; so are the quote-only paragraphs that follow it, as long as nothing else
    intervenes; so are the quotations right under a heading that names a person (an interview laid
    out as "## Name, role" + quotes), and the quote-only paragraphs that follow them.
    """
    voiced: set[int] = set()
    for n, info in enumerate(infos):
        if n and info.quote_only and (n - 1 in voiced or (_gives_voice(infos[n - 1]) and (
                infos[n - 1].paragraph == info.paragraph or not _spoke_already(infos[n - 1], doc, lang)))):
            voiced.add(n)
        elif n and info.quote_only and _speaker_heading(infos[n - 1], doc, quote_spans):
            voiced.add(n)  # "## Dana Whitcombe, residents' association" then her quotes, one a paragraph
        elif info.quote_only and _names_outside(info, doc, quote_spans):
            voiced.add(n)  # « “…,” Lopez shot back. »: a name after the closing mark, whatever the verb
        elif info.quote_only and n + 1 < len(infos) and _introduces_speaker(info, infos[n + 1], doc, quote_spans):
            voiced.add(n)  # "“…” Delgado-Fenn made the promise to supporters.", "“…” Those were the words of Janet Ruhl."
    return voiced


def _unvoiced_quotes(analysis: "Analysis", field_name: str, doc: "Doc", quote_spans: list[tuple[int, int]],
                     infos: list[SentenceInfo]) -> list["Quote"]:
    """Stage 4: quotations standing alone that no one is named as saying."""
    text = analysis.article.text(field_name)
    lang = analysis.lang
    voiced = _voiced(infos, doc, lang, quote_spans)
    vague_spans = [(s.start, s.end) for i in infos for s in i.sources if s.kind == "vague"]
    unattributed = []
    for q in analysis.quotes(field_name):
        sp = q.speaker
        if sp is not None and not any(a < sp.end and sp.start < b for a, b in vague_spans) \
                and (_same_unit(infos, q, sp) or (_names_someone(doc, sp, lang) and not _answers_back(infos, sp))):
            continue  # « des supporters », "some fans", or a plain noun in the next sentence name no one
        covering = [n for n, i in enumerate(infos) if i.start < q.end and q.start < i.end]
        short = len(text[q.inner_start:q.inner_end].split()) < 4  # a quoted word or label, not a statement
        if covering and all(infos[n].quote_only for n in covering) and not short and not any(n in voiced for n in covering):
            unattributed.append(q)
    return unattributed


def _definite_subject(sent: "Span", quote_spans: list[tuple[int, int]]) -> str:
    for t in tokens_of(sent):
        if t.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and t.pos_ == "NOUN" and t.head.dep_ == "ROOT" \
                and _outside(t, quote_spans) and has_definite_det(t):
            return t.lemma_.lower()
    return ""


_REMAINDER = either_language("attribution-remainder")


def _refers_back(sent: "Span", lang: str, quote_spans: list[tuple[int, int]]) -> tuple[bool, bool]:
    """(the source speaks on: a pronoun or a definite document/institution subject; the topic goes
    on: a demonstrative noun phrase or « c'est »)."""
    from .lexicons import words

    docs = words("attribution-documents", lang) | words("attribution-organisations", lang)
    speaker = topic = False
    for t in tokens_of(sent):
        if not _outside(t, quote_spans):
            continue
        if t.dep_.startswith(("nsubj", "expl")) and t.lower_ in BACK_PRONOUNS:
            speaker = True
        elif t.pos_ == "DET" and ("Dem" in t.morph.get("PronType") or t.lower_ in DEMONSTRATIVE_DETS) \
                and t.head.pos_ == "NOUN":
            topic = True  # « ce taux », "this figure"
        elif t.dep_.startswith("nsubj") and t.pos_ == "NOUN" and t.lemma_.lower() in docs and has_definite_det(t):
            speaker = True  # « le rapport », "the agency"
        elif lang == "fr" and t.lower_ in CE_SUBJECTS_FR and t.dep_.startswith("nsubj"):
            topic = True  # « C’est le double de l’an dernier »
        elif t.lemma_.lower() in _REMAINDER and t.dep_.startswith("nsubj"):
            topic = True  # "The rest would come from…", « Le reste sera financé par… »
    return speaker, topic


def _main_subject_named(sent: "Span", quote_spans: list[tuple[int, int]]) -> bool:
    """Is a subject of the main clause (its own noun phrase, not a relative clause inside it) a
    person's name? « Lopez was blunt. », not "Wages owed to Osborne's employees were paid"."""
    from .sources import np_tokens

    for t in tokens_of(sent):
        if not t.dep_.startswith("nsubj") or not _outside(t, quote_spans):
            continue
        verb = t.head
        if not (verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")):
            continue
        if any(x.ent_type_ in ("PER", "PERSON") for x in np_tokens(t, quote_spans)):
            return True
    return False


def _introduces_speaker(quote: SentenceInfo, nxt: SentenceInfo, doc: "Doc", quote_spans: list[tuple[int, int]]) -> bool:
    """A quotation standing alone, then — in the same paragraph — a sentence whose subject is a
    named person, or that points back at it and names someone (« Ces mots sont ceux de X »)."""
    if nxt.paragraph != quote.paragraph or nxt.heading or nxt.quote_only:
        return False
    low = nxt.text.lower()
    if any(m in low for m in _CONTRAST):
        return False  # « Le maire, pour sa part, assure… »: someone else answering
    if nxt.subject_named:
        return True  # "Delgado-Fenn made the promise…", « Lucie Morel a lancé cette phrase… »
    return low.startswith(BACK_OPENERS) and _names_outside(nxt, doc, quote_spans)


def _same_unit(infos: list[SentenceInfo], q: "Quote", sp) -> bool:
    return any(i.start <= q.start < i.end and i.start <= sp.start < i.end for i in infos)


def _spoke_already(info: SentenceInfo, doc: "Doc", lang: str) -> bool:
    """A sentence that ends a paragraph with its own quotation or its own reported statement (« …,
    a assuré le président », "X said the plan was dead") has used its speaker: it does not voice the
    next paragraph's quote. "Maria Lopez defended the plan." has said nothing yet: it does."""
    from .lexicons import reporting_verbs

    if info.text.rstrip().endswith(":"):
        return False
    if info.quotes:
        return True
    span = doc.char_span(info.start, info.end, alignment_mode="expand")
    verbs = reporting_verbs(lang)
    return span is not None and any(
        t.lemma_.lower() in verbs and (any(c.dep_ in ("ccomp", "parataxis") for c in t.children)
                                       or any(c.dep_.startswith("nsubj") and c.i > t.i for c in t.children))
        for t in span)


def _answers_back(infos: list[SentenceInfo], sp) -> bool:
    """The speaker found in another sentence that marks a contrast (« Le maire, pour sa part,
    assure… », "Meanwhile, the mayor said…") is answering the quotation, not its author."""
    return any(i.start <= sp.start < i.end and any(m in i.text.lower() for m in _CONTRAST) for i in infos)


def _names_someone(doc: "Doc", sp, lang: str) -> bool:
    """A speaker found outside the quotation's sentence must name someone: a name, a pronoun, or a
    definite role or institution (« le maire », "the senator"), not "Elderly people"."""
    from .sources import classify

    span = doc.char_span(sp.start, sp.end, alignment_mode="expand")
    if span is None:
        return False
    if any(t.ent_type_ in ("PER", "PERSON", "ORG") or t.pos_ == "PROPN"
           or (t.pos_ == "PRON" and "Rel" not in t.morph.get("PronType") and t.tag_ not in ("WDT", "WP")) for t in span):
        return True  # not "which" from "…, which did not respond"
    return classify(span.root, lang)[0] in ("named", "pronoun")


_CONTRAST = tuple(sorted(either_language("attribution-contrast")))


def _gives_voice(info: SentenceInfo) -> bool:
    """Does this sentence hand the floor to a named person (for a quote that follows it)?"""
    if info.heading or info.text.endswith("?"):
        return False
    return bool(info.named or any(q.speaker is not None for q in info.quotes) or info.person_subject)


def _speaker_heading(info: SentenceInfo, doc: "Doc", quote_spans: list[tuple[int, int]]) -> bool:
    """A heading that names a person ("Dana Whitcombe, chair of the residents' association"), not
    a teaser line (« À lire aussi : … »), which names whoever its linked story is about."""
    low = info.text.lower().lstrip("#- ")
    return info.heading and not low.startswith(_TEASERS) and _names_outside(info, doc, quote_spans)


def _names_outside(info: SentenceInfo, doc: "Doc", quote_spans: list[tuple[int, int]]) -> bool:
    span = doc.char_span(info.start, info.end, alignment_mode="expand")
    if span is None:
        return False
    return any(t.ent_type_ in ("PER", "PERSON")
               and not any(s <= t.idx < e for s, e in quote_spans) for t in span)


def _main_subject(sent: "Span", quote_spans: list[tuple[int, int]], sources: "Sequence[Source]" = ()) -> tuple[bool, bool]:
    """(first person outside quotes, main subject is a named actor)."""
    outside = [t for t in tokens_of(sent) if not any(s <= t.idx < e for s, e in quote_spans)]
    # Reporters do not write « nous » / "we": such a sentence is someone's words with lost marks —
    # except inside a source phrase, where it is the newsroom's own anonymous sourcing (« selon nos
    # informations », "our sources"), which the vague-source row is there to show.
    first = any(t.lower_ in FIRST_PERSON and t.pos_ in ("PRON", "DET")
                and not any(src.how in ("cue", "phrase") and src.start <= t.idx < src.end for src in sources) for t in outside)
    for tok in outside:
        if tok.dep_ == "ROOT":
            for c in tok.children:
                if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass"):
                    actor = any(t.ent_type_ in ("PER", "PERSON", "ORG", "NORP") or (t.pos_ == "PROPN" and not t.is_sent_start)
                                for t in c.subtree)
                    return first, actor
    return first, False


def continued_quotes(text: str) -> list[tuple[int, int]]:
    """Paragraphs of a quotation that runs over several paragraphs: in English the opening mark is
    repeated on each paragraph and the closing mark only ends the last one, so a line that opens a
    quote without closing it is quoted to its end (and a line that closes one it did not open is
    quoted from its start)."""
    out = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\n")
        stripped = body.lstrip()
        lead = len(body) - len(stripped)
        opens = body.count("“") + body.count("«")
        closes = body.count("”") + body.count("»")
        straight = body.count('"')
        if stripped[:1] in ('“', '"', "«") and (opens > closes or (stripped[:1] == '"' and straight % 2 == 1)):
            out.append((pos + lead, pos + len(body)))
        elif closes > opens or (straight % 2 == 1 and stripped.rstrip()[-1:] == '"'):
            last = max(body.rfind("”"), body.rfind("»"), body.rfind('"'))
            out.append((pos + lead, pos + last + 1))
        pos += len(line)
    return out


def describe(kind: str) -> str:
    return {
        "causal": "causal claim",
        "accusation": "accusation",
        "generalisation": "sweeping generalisation",
        "superlative": "superlative claim",
        "prediction": "prediction",
        "figure": "figure",
        "evaluative": "judgement",
        "claim": "claim",
    }.get(kind, kind)


def summary(info: SentenceInfo) -> dict[str, Any]:
    return {
        "sources": [(s.kind, s.text) for s in info.sources],
        "claims": [(c.kind, c.text) for c in info.claims],
        "evaluative": [c.text for c in info.evaluative],
        "carried": info.carried,
        "verdict": info.verdict,
    }
