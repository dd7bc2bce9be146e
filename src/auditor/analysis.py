"""The shared analysis of one article, computed once and lazily, read by every rule.

Nothing is computed until a rule asks for it: a rule that only runs regular expressions over
``ctx.text("body")`` never loads spaCy. The first call to :meth:`Analysis.doc` (or anything built on
it: sentences, tokens, entities, quotes with speakers) parses the field and caches the result for
every other rule of the run.

All positions are character offsets into the field's text **as loaded**, the same offsets findings
use, so a rule can turn any span of the analysis into a finding directly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterator, TypeVar

import regex

from .model import Article
from .resources import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

T = TypeVar("T")


@dataclass(frozen=True)
class TextSpan:
    """A span of a field: ``text == field[start:end]``."""

    start: int
    end: int
    text: str
    label: str = ""

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


@dataclass(frozen=True)
class Quote:
    """A direct quotation: its marks included in ``[start, end)``, its words in ``[inner_start, inner_end)``.

    ``speaker`` is the span naming who said it when the text names one (a subject of a reporting
    verb, a « selon X », a name before a colon); ``verb`` is the reporting verb when there is one.
    """

    start: int
    end: int
    text: str
    inner_start: int
    inner_end: int
    speaker: TextSpan | None = None
    verb: TextSpan | None = None


# Opening mark -> closing mark. Straight quotes pair with themselves.
QUOTE_PAIRS = {"«": "»", "“": "”", '"': '"', "„": "“"}
_QUOTE_RE = regex.compile(r'«[^«»]{1,2000}»|“[^“”]{1,2000}”|"[^"\n]{1,2000}"|„[^„“]{1,2000}“')
_WORD_RE = regex.compile(r"\p{L}[\p{L}\p{M}'’\-]*|\d+(?:[.,\u00a0\u202f ]\d+)*")


class Analysis:
    """Lazy, cached analysis of one article. Rules reach it as ``ctx.analysis``."""

    def __init__(self, article: Article, lang: str) -> None:
        self.article = article
        self.lang = lang
        self._cache: dict[Any, Any] = {}

    # -- generic memo, so rule families can share derived results -------------------------------
    def memo(self, key: Any, compute: Callable[[], T]) -> T:
        """Compute ``key`` once per article (e.g. the name mentions used by two rule families)."""
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    # -- cheap layers (no model) ---------------------------------------------------------------
    def words(self, field: str) -> list[TextSpan]:
        """Word-like runs (letters with inner apostrophes and hyphens, numbers) — no model needed."""
        return self.memo(("words", field), lambda: [
            TextSpan(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(self.article.text(field))
        ])

    @property
    def word_count(self) -> int:
        return len(self.words("title")) + len(self.words("body"))

    def raw_quotes(self, field: str) -> list[TextSpan]:
        """Quotation spans found by their marks, without speakers (no model needed)."""
        def compute() -> list[TextSpan]:
            return [TextSpan(m.start(), m.end(), m.group()) for m in _QUOTE_RE.finditer(self.article.text(field))]

        return self.memo(("raw_quotes", field), compute)

    def in_quote(self, field: str, start: int, end: int) -> bool:
        return any(q.start <= start and end <= q.end for q in self.raw_quotes(field))

    # -- spaCy layers ----------------------------------------------------------------------------
    @property
    def model(self) -> str:
        from .nlp import model_name

        return model_name(self.lang)

    def doc(self, field: str) -> "Doc":
        """The spaCy ``Doc`` of a field (tokens, lemmas, morphology, parse, entities)."""
        def compute() -> "Doc":
            from .nlp import load_pipeline

            nlp, _ = load_pipeline(self.lang)
            return nlp(self.article.text(field))

        return self.memo(("doc", field), compute)

    def sentences(self, field: str) -> list[TextSpan]:
        def compute() -> list[TextSpan]:
            out = []
            for sent in self.doc(field).sents:
                span = _trim(sent)
                if span is not None:
                    out.append(span)
            return out

        return self.memo(("sentences", field), compute)

    def sentence_at(self, field: str, offset: int) -> TextSpan | None:
        for s in self.sentences(field):
            if s.start <= offset < s.end:
                return s
        return None

    def entities(self, field: str) -> list[TextSpan]:
        """Named entities; ``label`` is spaCy's (PER/PERSON, ORG, LOC/GPE, MISC…)."""
        return self.memo(("entities", field), lambda: [
            TextSpan(e.start_char, e.end_char, e.text, e.label_) for e in self.doc(field).ents
        ])

    def quotes(self, field: str) -> list[Quote]:
        """Direct quotations with their speaker where the text names one."""
        return self.memo(("quotes", field), lambda: list(self._find_quotes(field)))

    # -- quotes and speakers ----------------------------------------------------------------------
    def reporting_verbs(self) -> frozenset[str]:
        return frozenset(lexicon(f"reporting-verbs.{self.lang}")) if self.lang in ("fr", "en") else frozenset()

    def _find_quotes(self, field: str) -> Iterator[Quote]:
        text = self.article.text(field)
        raw = self.raw_quotes(field)
        if not raw:
            return
        doc = self.doc(field)
        sentences = list(doc.sents)
        previous: Quote | None = None
        for q in raw:
            inner_start, inner_end = q.start + 1, q.end - 1
            while inner_start < inner_end and text[inner_start].isspace():
                inner_start += 1
            while inner_end > inner_start and text[inner_end - 1].isspace():
                inner_end -= 1
            speaker, verb = self._speaker(doc, sentences, q)
            if speaker is None and previous is not None and previous.speaker is not None:
                # "…," said Jane Roe. "And another thing." — a quote that follows a quote with a
                # speaker, in the same paragraph, with no other sentence between them, continues it.
                between = text[previous.end:q.start]
                same_paragraph = "\n" not in between and len(_WORD_RE.findall(between)) <= 30 and between.count(". ") <= 1
                # …," said Ambassador Rahimi.⏎"They represent…" — the next paragraph opens with a
                # quote right after the attribution: the same speaker goes on.
                next_paragraph = "\n\n\n" not in between and len(_WORD_RE.findall(between)) <= 12 \
                    and text[:q.start].rstrip(" ").endswith("\n")
                if same_paragraph or next_paragraph:
                    speaker, verb = previous.speaker, previous.verb
            if speaker is None:
                speaker, verb = _continued_from_previous_line(self, doc, sentences, q, text)
            quote = Quote(q.start, q.end, q.text, inner_start, inner_end, speaker, verb)
            previous = quote
            yield quote

    def _speaker(self, doc: "Doc", sentences: list["Span"], q: TextSpan) -> tuple[TextSpan | None, TextSpan | None]:
        """Who said the quote: look in its sentence, then the next, then the previous one.

        An adjacent sentence only counts inside the same paragraph (or, for the previous one, when
        it ends with a colon that introduces the quote), and only when it has no quote of its own.
        A pronoun speaker (« a-t-elle ajouté », "he said") is resolved to the last person (or
        organisation) named before it.
        """
        idx = [i for i, s in enumerate(sentences) if s.start_char < q.end and q.start < s.end_char]
        if not idx:
            return None, None
        first, last = idx[0], idx[-1]
        order = list(range(first, last + 1)) + [last + 1, first - 1]
        quote_spans = [(r.start, r.end) for r in self.raw_quotes_for_doc(doc)]
        text = doc.text
        for n, i in enumerate(order):
            if not 0 <= i < len(sentences):
                continue
            sent = sentences[i]
            adjacent = n > last - first
            if adjacent:
                # An adjacent sentence only counts when it is an attribution without its own quote
                # ("..., a-t-elle ajouté." or "She said so on Monday.").
                if any(sent.start_char <= s and e <= sent.end_char for s, e in quote_spans):
                    continue
                core_end = sent.start_char + len(sent.text.rstrip())
                gap = text[q.end:sent.start_char] if i > last else text[core_end:q.start]
                if "\n" in gap and not (i < first and sent.text.rstrip().endswith(":")):
                    continue
            found = self._attribution_in(sent, quote_spans)
            if found == (None, None) and not adjacent:
                found = _inverted_after_quote(doc, q, quote_spans)
            if found != (None, None):
                speaker, verb = found
                if speaker is not None and speaker.label == "PRON":
                    speaker = _resolve(doc, speaker) or speaker
                return speaker, verb
        return None, None

    def raw_quotes_for_doc(self, doc: "Doc") -> list[TextSpan]:
        text = doc.text
        for field in ("title", "body"):
            if self.article.text(field) == text:
                return self.raw_quotes(field)
        return [TextSpan(m.start(), m.end(), m.group()) for m in _QUOTE_RE.finditer(text)]

    def _attribution_in(self, sent: "Span", quote_spans: list[tuple[int, int]]) -> tuple[TextSpan | None, TextSpan | None]:
        verbs = self.reporting_verbs()

        def outside(tok: "Token") -> bool:
            return not any(s <= tok.idx < e for s, e in quote_spans)

        # 1. A reporting verb outside the quote, with a subject ("a affirmé X", "X said").
        for tok in sent:
            if not outside(tok) or tok.pos_ not in ("VERB", "AUX"):
                continue
            if tok.lemma_.lower() not in verbs and tok.text.lower() not in verbs:
                continue
            for child in tok.children:
                if child.dep_ in ("nsubj", "nsubj:pass", "expl:subj") and outside(child):
                    return _span_of_subtree(child, quote_spans), _tok_span(tok)
            # French "a-t-il ajouté", English "said the minister" parsed without nsubj:
            for child in tok.children:
                if child.dep_ in ("obj", "dobj", "obl", "obl:agent", "nmod") and child.pos_ in ("PROPN", "NOUN", "PRON") and outside(child) and child.i > tok.i:
                    return _span_of_subtree(child, quote_spans), _tok_span(tok)
        # 2. "selon X", "d'après X", "according to X".
        lowered = sent.text.lower()
        for cue in ("selon ", "d'après ", "d’après ", "according to "):
            pos = lowered.find(cue)
            if pos >= 0:
                start = sent.start_char + pos + len(cue)
                for tok in sent:
                    if tok.idx >= start and tok.pos_ in ("PROPN", "NOUN", "PRON") and outside(tok):
                        return _span_of_subtree(tok, quote_spans), TextSpan(sent.start_char + pos, start - 1, sent.text[pos:pos + len(cue) - 1])
        # 3. "Name : « ... »" — a name right before a colon that introduces the quote.
        for s, _e in quote_spans:
            if sent.start_char <= s < sent.end_char:
                before = sent.doc.text[sent.start_char:s].rstrip()
                if before.endswith(":"):
                    ents = [e for e in sent.ents if e.end_char <= s and e.label_ in ("PER", "PERSON", "ORG")]
                    if ents:
                        e = ents[-1]
                        return TextSpan(e.start_char, e.end_char, e.text, e.label_), None
        return None, None


_PERSON_PRONOUNS = {"il", "elle", "he", "she"}
_ORG_PRONOUNS = {"it"}
_AUX_INVERSION = {"a", "ont", "avait", "avaient", "aura", "a-t-il", "a-t-elle", "ajoute", "says", "said", "adds", "added"}


def _resolve(doc: "Doc", pron: TextSpan) -> TextSpan | None:
    """The last person (« il », "she") or organisation ("it") named before a pronoun."""
    word = pron.text.lower().lstrip("-t").strip("-")
    if word in _PERSON_PRONOUNS:
        wanted = ("PER", "PERSON")
    elif word in _ORG_PRONOUNS:
        wanted = ("ORG",)
    else:
        return None
    ents = [e for e in doc.ents if e.end_char <= pron.start and e.label_ in wanted]
    if not ents:
        return None
    e = ents[-1]
    return TextSpan(e.start_char, e.end_char, e.text, e.label_)


def _continued_from_previous_line(analysis: "Analysis", doc: "Doc", sentences: list["Span"], q: TextSpan,
                                  text: str) -> tuple[TextSpan | None, TextSpan | None]:
    """Boswell said: "First paragraph…⏎"Second paragraph." — the previous paragraph opened a quote
    it did not close, so this one continues it; its speaker is the one who opened it."""
    line_start = text.rfind("\n", 0, q.start) + 1
    if text[line_start:q.start].strip():
        return None, None
    prev_end = line_start - 1
    while prev_end > 0 and text[prev_end - 1] == "\n":
        prev_end -= 1
    prev_start = text.rfind("\n", 0, prev_end) + 1
    prev = text[prev_start:prev_end]
    opens = prev.count("“") + prev.count("«") + (prev.count('"') % 2)
    closes = prev.count("”") + prev.count("»")
    if opens <= closes:
        return None, None
    mark = max(prev.rfind("“"), prev.rfind("«"), prev.rfind('"'))
    at = prev_start + mark
    for sent in sentences:
        if sent.start_char <= at < sent.end_char or (sent.start_char >= prev_start and sent.end_char <= at):
            found = analysis._attribution_in(sent, [(at, prev_end)])
            if found != (None, None):
                return found
    before = text[max(prev_start, at - 80):at]
    if before.rstrip().endswith(":"):
        ents = [e for e in doc.ents if prev_start <= e.start_char and e.end_char <= at and e.label_ in ("PER", "PERSON", "ORG")]
        if ents:
            e = ents[-1]
            return TextSpan(e.start_char, e.end_char, e.text, e.label_), None
    return None, None


def _inverted_after_quote(doc: "Doc", q: TextSpan, quote_spans: list[tuple[int, int]]) -> tuple[TextSpan | None, TextSpan | None]:
    """« … » a réagi Nicole X / « … », ajoute-t-il / "…," said Jane Roe: a verb right after the
    closing mark, then a name, a pronoun or a definite noun phrase — whatever the verb's lemma (the
    reporting-verb list cannot hold every verb, and misspelt ones such as « a réagit »)."""
    after = [t for t in doc if t.idx >= q.end][:6]
    toks = [t for t in after if not (t.is_punct and t.text in ",")]
    if len(toks) < 2:
        return None, None
    if toks[0].text in ("-", "–", "—") and "\n" not in doc.text[q.end:toks[1].idx]:
        # "…" - Matthew Ingram
        t = toks[1]
        if t.pos_ == "PROPN" or t.ent_type_ in ("PER", "PERSON", "ORG"):
            return _span_of_subtree(t, quote_spans), None
    j = 0
    while j < min(3, len(toks) - 1) and (toks[j].lower_ in _AUX_INVERSION or toks[j].pos_ == "AUX" or toks[j].lower_ in ("s'", "s’", "se")):
        j += 1
    if j >= len(toks) or toks[j].pos_ not in ("VERB", "NOUN", "ADJ", "AUX") or toks[j].is_punct:
        return None, None
    verb = toks[j]
    rest = toks[j + 1:j + 4]
    for t in rest:
        if t.pos_ == "PROPN" or t.ent_type_ in ("PER", "PERSON", "ORG"):
            return _span_of_subtree(t, quote_spans), _tok_span(verb)
        if t.pos_ == "PRON" and t.lower_.strip("-t") in ("il", "elle", "ils", "elles", "he", "she", "they"):
            return TextSpan(t.idx, t.idx + len(t.text), t.text, "PRON"), _tok_span(verb)
        if t.pos_ == "DET":
            continue
        if t.pos_ == "NOUN":
            return _span_of_subtree(t, quote_spans), _tok_span(verb)
        break
    return None, None


def _trim(span: "Span") -> TextSpan | None:
    text = span.text
    lead = len(text) - len(text.lstrip())
    trail = len(text.rstrip())
    if trail <= lead:
        return None
    start = span.start_char + lead
    return TextSpan(start, span.start_char + trail, text[lead:trail])


def _tok_span(tok: "Token") -> TextSpan:
    return TextSpan(tok.idx, tok.idx + len(tok.text), tok.text)


def _span_of_subtree(tok: "Token", quote_spans: list[tuple[int, int]]) -> TextSpan:
    """The subject's phrase ("la directrice de l'association X"), cut before any quote or clause."""
    toks = [t for t in tok.subtree if not any(s <= t.idx < e for s, e in quote_spans)]
    # Keep the contiguous run around the head.
    toks.sort(key=lambda t: t.i)
    run = [tok]
    for t in reversed([t for t in toks if t.i < tok.i]):
        if t.i == run[0].i - 1 and t.dep_ != "punct":
            run.insert(0, t)
        else:
            break
    for t in [t for t in toks if t.i > tok.i]:
        if t.i == run[-1].i + 1 and not (t.dep_ == "punct" and t.text in ",;:") and t.dep_ not in ("acl:relcl", "relcl"):
            run.append(t)
        else:
            break
    start, end = run[0].idx, run[-1].idx + len(run[-1].text)
    doc_text = tok.doc.text
    return TextSpan(start, end, doc_text[start:end], tok.ent_type_ or tok.pos_)


_SPACE_RE = re.compile(r"\s+")
