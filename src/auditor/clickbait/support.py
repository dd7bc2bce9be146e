"""Does the body support the headline? Names, figures and the claim of the headline against the
body and its lede, through the shared analysis (entities, lemmas, word vectors), not string
equality.

- a **name** of the headline (a named entity or proper noun) is supported when one of its words
  appears in the body, compared by lemma and without case or accents (« Amazon » ↔ « l'entreprise
  Amazon », "Obama's" ↔ "Obama");
- a **figure** is supported when the same value appears in the body (« 1 200 » ↔ « 1200 »,
  « 2,5 % » ↔ « 2.5 % », « deux » ↔ « 2 »);
- the **claim**: every content word of a headline noun phrase (noun and its adjectives) outside
  the subject (which the body routinely paraphrases) must be
  found in the lede — the first paragraph, or the first three sentences — by lemma, stem or, where
  the model has word vectors, by a close neighbour. A phrase whose words the lede never states goes
  beyond it. Clean news paraphrases a lot (« décès » over a lede that says « mort »), so the rule
  runs this check on clickbait headlines only by default (see ``clickbait.headline-unsupported``).

Places are not checked as names (a headline names the country of a story whose body names the
town), nor is the topic label before a colon (« France : … »).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from ..analysis import Analysis

_NUMBER = regex.compile(r"(?<![\p{L}\d])\d{1,3}(?:[\s\u00a0\u202f]\d{3})+(?:[.,]\d+)?|(?<![\p{L}\d])\d+(?:[.,]\d+)?")
_NUMBER_WORDS = {
    "fr": {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
           "dix": 10, "onze": 11, "douze": 12, "vingt": 20, "cent": 100, "mille": 1000},
    "en": {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "hundred": 100, "thousand": 1000},
}
_NAME_LABELS = {"PER", "PERSON", "ORG", "PRODUCT", "WORK_OF_ART"}
SIMILARITY = 0.62
_TOPIC = regex.compile(r"^[^:«»\"]{2,60}?\s?:\s")
#: nouns that head prepositional phrases (« face aux », « au cours de », "in front of"): not claims
_LOCUTION_NOUNS = {"face", "cours", "lieu", "suite", "part", "côté", "travers", "faveur", "cas", "sujet", "égard",
                   "instar", "vue", "terme", "fil", "sein", "biais", "moyen", "front", "behalf", "wake", "amid", "lot"}


@dataclass(frozen=True)
class Gap:
    kind: str  # "name", "figure", "claim"
    start: int
    end: int
    text: str
    message: str


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.casefold())
    return "".join(ch for ch in s if not unicodedata.combining(ch)).replace("’", "'")


def number_values(text: str, lang: str) -> set[float]:
    vals = set()
    for m in _NUMBER.finditer(text):
        raw = regex.sub(r"[\s\u00a0\u202f]", "", m.group()).replace(",", ".")
        try:
            vals.add(float(raw))
        except ValueError:
            pass
    words = _NUMBER_WORDS.get(lang, {})
    for w in regex.findall(r"\p{L}+", text.lower()):
        if w in words:
            vals.add(float(words[w]))
    return vals


def lede_end(analysis: "Analysis") -> int:
    body = analysis.article.body
    para = body.find("\n\n")
    first_para = len(body) if para < 0 else para
    sents = analysis.sentences("body")
    three = sents[min(2, len(sents) - 1)].end if sents else len(body)
    return max(first_para, min(three, len(body)))


def find_gaps(analysis: "Analysis", skip: list[tuple[int, int]] = (), claims: bool = True) -> list[Gap]:
    """Names, figures and claim words of the headline that the body or its lede do not support.

    ``skip`` lists title spans already reported by other clickbait rules (evaluative words).
    """
    title, body = analysis.article.title, analysis.article.body
    if not title.strip() or len(body.split()) < 20:
        return []
    lang = analysis.lang
    tdoc = analysis.doc("title")
    bdoc = analysis.doc("body")
    body_keys = {fold(t.text) for t in bdoc if t.is_alpha} | {fold(t.lemma_) for t in bdoc if t.is_alpha}
    end = lede_end(analysis)
    lede_tokens = [t for t in bdoc if t.idx < end and t.is_alpha and not t.is_stop]
    lede_keys = {fold(t.lemma_) for t in lede_tokens} | {fold(t.text) for t in lede_tokens}
    has_vectors = bool(len(tdoc.vocab.vectors)) and tdoc.vocab.vectors.shape[1] > 0
    gaps: list[Gap] = []

    def skipped(s: int, e: int) -> bool:
        return any(a < e and s < b for a, b in skip)

    # the topic label before a colon (« France : », « Patinage artistique : ») is a section, not a claim
    prefix = _TOPIC.match(title)
    head_end = prefix.end() if prefix else 0

    # names: people, organisations and works must be in the body (a headline may name the country
    # of a story whose body names the town, so places are not checked)
    name_spans = [(e.start_char, e.end_char, e.text) for e in tdoc.ents
                  if e.label_ in _NAME_LABELS and e.start_char >= head_end]
    for s, e, text in name_spans:
        if skipped(s, e):
            continue
        words = [w for w in regex.findall(r"\p{L}[\p{L}'’-]*", text) if len(w) > 2 or w.isupper()]
        keys = set()
        for w in words:
            keys.add(fold(w))
            keys.update(fold(p) for p in regex.split(r"['’-]", w) if len(p) > 2)
        if keys and not (keys & body_keys):
            gaps.append(Gap("name", s, e, text, f"« {text} » is in the headline but nowhere in the body"))

    # figures: the same value must be in the body (years of a season range such as 2016-2017 aside)
    body_values = number_values(body, lang)
    for m in _NUMBER.finditer(title):
        if m.start() < head_end or regex.match(r"[-–/]\d", title[m.end():m.end() + 2]) or (m.start() > 0 and title[m.start() - 1] in "-–/"):
            continue
        raw = regex.sub(r"[\s\u00a0\u202f]", "", m.group()).replace(",", ".")
        try:
            value = float(raw)
        except ValueError:
            continue
        if value not in body_values and not skipped(m.start(), m.end()):
            gaps.append(Gap("figure", m.start(), m.end(), m.group(), f"the figure « {m.group()} » of the headline is not in the body"))

    if not claims:
        return gaps
    # claim: each noun phrase of the headline (noun and its adjectives) must be stated in the lede,
    # by lemma, stem or a close word vector; otherwise the headline goes beyond the lede
    name_chars = {i for s, e, _ in name_spans for i in range(s, e)}
    # the subject (who acts) is routinely paraphrased (« l'enseigne » ↔ « la chaîne »): the claim is
    # what the headline says about it
    subject = {t.i for tok in tdoc if tok.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") for t in tok.subtree}
    for tok in tdoc:
        if tok.pos_ != "NOUN" or tok.idx < head_end or tok.idx in name_chars or skipped(tok.idx, tok.idx + len(tok.text)):
            continue
        if tok.i in subject:
            continue
        if tok.lemma_.lower() in _LOCUTION_NOUNS or tok.text.lower() in _LOCUTION_NOUNS:
            continue
        words = [tok] + [c for c in tok.children if c.dep_ == "amod" and c.pos_ == "ADJ" and not skipped(c.idx, c.idx + len(c.text))]
        missing = [w for w in words if not _in_lede(w, lede_keys, lede_tokens, has_vectors)]
        if not missing:
            continue
        s = min(w.idx for w in words)
        e = max(w.idx + len(w.text) for w in words)
        what = ", ".join(f"« {w.text} »" for w in missing)
        in_body = all(fold(w.lemma_) in body_keys or fold(w.text) in body_keys for w in missing)
        where = "only later in the body" if in_body else "nowhere in the body"
        gaps.append(Gap("claim", s, e, title[s:e], f"the headline says {what}, which the lede does not state ({where})"))
    return gaps


def _in_lede(tok, lede_keys, lede_tokens, has_vectors) -> bool:  # type: ignore[no-untyped-def]
    if tok.is_stop or len(tok.text) < 3:
        return True
    if fold(tok.lemma_) in lede_keys or fold(tok.text) in lede_keys:
        return True
    # same stem (« américaines » ↔ « Amérique » is not enough: 6 letters at least)
    stem = fold(tok.lemma_)[:6]
    if len(stem) >= 6 and any(k.startswith(stem) for k in lede_keys):
        return True
    if has_vectors and tok.has_vector:
        for other in lede_tokens:
            if other.has_vector and other.pos_ in ("NOUN", "ADJ", "VERB", "PROPN") and tok.similarity(other) >= SIMILARITY:
                return True
    return False
