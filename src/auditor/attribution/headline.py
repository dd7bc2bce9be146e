"""Headlines are claims too: an accusation or a figure stated in the headline must have a source
somewhere in the article.

A reader of a feed sees the headline alone. When it states an accusation (« Le maire a détourné
les fonds ») or a figure as fact, the
article has to say who claims it: the headline itself (« selon le parquet », "police say", a
quotation with its speaker), or a sourced sentence of the body that carries the same figure or the
same kind of claim (a sentence the body credits to a named source, or that the ledger covers). A
figure the body never mentions is ``clickbait.headline-unsupported``'s business, not this one's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import regex

from ..syntax import tokens_of
from .article import FieldAttribution
from .claims import Cue, claim_cues
from .sources import find_sources

if TYPE_CHECKING:
    from ..analysis import Analysis

#: The kinds of headline claim that need a source in the article: accusations and figures. (A
#: cause in a headline is usually the plain one of the story — « faute de neige » — and was a
#: false alarm on every written and real gold headline that had one.)
HEADLINE_KINDS = frozenset({"accusation", "insinuation", "figure"})
_DIGITS = regex.compile(r"\d[\d\s\u00a0\u202f.,]*")


class HeadlineClaim(NamedTuple):
    cue: Cue
    start: int
    end: int


def _plain(text: str) -> str:
    """Digits without their group separators, so that « 1 200 » and "1,200" compare equal."""
    return regex.sub(r"[\s\u00a0\u202f.,]", "", text)


def _number(text: str) -> str:
    m = _DIGITS.search(text)
    return _plain(m.group()) if m else ""


def _supported(cue: Cue, nouns: frozenset[str], body: FieldAttribution) -> bool:
    """Does the body stand behind the headline's claim?

    A figure: the body's sentences that carry it are sourced, or record it as a fact that needs no
    source (a decision, a result); a figure the body never mentions is left to
    ``clickbait.headline-unsupported``. An accusation: a sourced body sentence makes an accusation
    too, or speaks of the same thing (a common noun of the headline)."""
    if cue.kind == "figure":
        number = _number(cue.text)
        carrying = [s for s in body.sentences if number and number in _plain(s.text)]
        return not carrying or any(s.verdict not in ("unsourced-claim", "vague-source") for s in carrying)
    sourced = [s for s in body.sentences if s.named or s.carried]
    return any(any(c.kind in ("accusation", "insinuation") for c in s.claims) or (nouns & s.nouns) for s in sourced)


def unsupported_claims(analysis: "Analysis", body: FieldAttribution) -> list[HeadlineClaim]:
    """The headline's claims that no source of the article supports."""
    title = analysis.article.title
    if not title.strip() or analysis.raw_quotes("title"):
        return []  # a quoted headline ("Mayor: 'We will…'") gives its claim to a speaker
    doc = analysis.doc("title")
    ents = list(doc.ents)
    out = []
    for sent in doc.sents:
        if find_sources(sent, analysis.lang, [], ents):
            continue  # « …, selon le parquet », "Police say…": the headline attributes it
        nouns = frozenset(t.lemma_.lower() for t in tokens_of(sent) if t.pos_ == "NOUN")
        for cue in claim_cues(sent, analysis.lang, []):
            if cue.kind in HEADLINE_KINDS and not _supported(cue, nouns, body):
                out.append(HeadlineClaim(cue, sent.start_char, sent.end_char))
                break
    return out
