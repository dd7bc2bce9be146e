"""The verdict stage of the attribution family: one ordered decision table for every sentence.

The earlier stages describe a sentence (:class:`~auditor.attribution.article.SentenceInfo`): the
claims in it that need a source, the attributions found in it, whether an earlier source of the
article covers it (:mod:`.ledger`). This stage reads that description against :data:`ROWS`, top to bottom; the
first row whose condition holds decides, and its name is recorded on the sentence
(``decided_by``), so that ``auditor explain --trace`` can say why a sentence was — or was not —
flagged. The table is documented, row for row, in ``docs/attribution.md``.

Quotations are decided apart (a quotation is checked for a speaker, not for a source), in
:mod:`auditor.attribution.article`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from .article import SentenceInfo


@dataclass(frozen=True)
class Row:
    name: str
    verdict: str  # the finding it leads to; "" for none
    when: Callable[["SentenceInfo"], bool]
    why: str


def vague_main_clause(info: "SentenceInfo") -> bool:
    """« Some chroniclers claimed that…, which Richard claimed from Aimar »: the main clause is
    credited to a vague group; a named speaker inside a relative clause does not source it."""
    if not any(s.clause == "main" for s in info.vague):
        return False
    named = [s for s in info.sources if s.sources_claim]
    # « Des sources proches du dossier indiquent que l’État aurait garanti… »: the named actor is
    # inside what the vague sources say.
    return bool(named) and all(s.clause in ("relative", "sub") for s in named) and not any(q.speaker is not None for q in info.quotes)


def vague_cue(info: "SentenceInfo") -> bool:
    """« Selon une source judiciaire, le suspect a avoué »: a vague source introduced by « selon »
    / "according to" frames the whole sentence, a named speaker inside it included."""
    return any(s.how == "cue" for s in info.vague) and not any(s.how == "cue" and s.sources_claim for s in info.sources)


def _writer_hedge(info: "SentenceInfo") -> bool:
    """A hedge that is the writer's own: not carried, no reporting verb of the sentence covers it,
    and not a frequency or degree hedge in a sentence about a named person's doings ("Clinton
    leaned in heavy and often"); the writer's uncertainty ("was perhaps the first") still counts."""
    if not info.hedges or info.carried:
        return False
    if any(s.how in ("verb", "cue") and info._covers(s) for s in info.sources):
        return False
    return not info.subject_named or any(h.kind in ("epistemic", "weasel") for h in info.hedges)


#: The decision table, in order. The first row that holds decides.
ROWS: tuple[Row, ...] = (
    Row("heading", "", lambda i: i.heading, "a heading, a list label or a teaser line asserts nothing"),
    Row("quotation-alone", "", lambda i: i.quote_only, "a quotation standing alone: the quote stage looks for its speaker"),
    Row("first-person", "", lambda i: i.first_person,
        "« je » / \"we\" outside quotation marks: someone's words with lost marks, a letter or a column"),
    Row("introduced", "", lambda i: i.introduced, "the content announced by the previous sentence (\"X told reporters:\")"),
    Row("question", "", lambda i: i.text.endswith("?"), "a question asserts nothing"),
    Row("vague-source", "vague-source", lambda i: bool(i.vague) and (not i.named or vague_main_clause(i) or vague_cue(i)),
        "credited only to an unnamed group, unnamed sources or hearsay (or a vague « selon » / main clause over named actors)"),
    Row("named-source", "", lambda i: i.named or bool(i.unidentified),
        "credited to a named person, organisation or document (an unidentified document is incomplete-source's)"),
    Row("opinion-as-fact", "opinion-as-fact", lambda i: bool(i.evaluative), "a judgement in the writer's own voice"),
    Row("unsourced-claim", "unsourced-claim", lambda i: bool(i.claims) and not i.carried,
        "a claim that needs a source (accusation, figure, cause, prediction, superlative, generalisation) with none"),
    Row("carried", "", lambda i: i.carried,
        "an earlier source of the article covers it (the ledger: previous sentence, same paragraph, same document)"),
    Row("hedged-claim", "hedged-claim", _writer_hedge, "a claim hedged in the writer's voice with no source"),
    Row("nothing-to-source", "", lambda i: True, "nothing in the sentence needs a source"),
)


def decide(info: "SentenceInfo") -> tuple[str, str]:
    """(verdict, name of the deciding row) of one sentence."""
    for row in ROWS:
        if row.when(info):
            return row.verdict, row.name
    raise AssertionError("the last row always holds")
