"""The attribution family: unsourced claims, vague sources, quotes without a speaker, incomplete
sources, opinion stated as fact (French and English). The logic lives in :mod:`auditor.attribution`;
this module only turns its per-sentence verdicts into findings."""

from __future__ import annotations

from typing import Iterable

from auditor.attribution import confidence
from auditor.attribution.article import SentenceInfo, analyse, describe
from auditor.attribution.headline import unsupported_claims
from auditor.genre import OPINION, genre_of
from auditor.hookspec import hookimpl
from auditor.model import Finding
from auditor.rule import Context, Rule

_LANGS = frozenset({"fr", "en"})


def _quoted(s: str) -> str:
    s = " ".join(s.split())
    return f"“{s if len(s) <= 60 else s[:57] + '…'}”"


class _AttributionRule(Rule):
    category = "attribution"
    languages = _LANGS
    # A headline summarises the body, where its sources are: the family reads the body (the headline
    # has its own rule, attribution.headline-claim).
    fields = ("body",)
    #: ``warning-confidence``: the confidence (0–1, see :mod:`auditor.attribution.confidence`) a
    #: finding needs to be a warning; below it, it is info. Empty: the trained model's threshold,
    #: chosen for precision on real news.
    options = {"warning-confidence": None}
    #: Confidence without the trained model (the rule's prior).
    prior: float = 0.5

    def flagged(self, ctx: Context, field: str, verdict: str) -> Iterable[tuple[SentenceInfo, dict]]:
        """The sentences of ``field`` with this verdict, each with its finding's confidence and
        severity (a warning only at or above the confidence threshold)."""
        fa = analyse(ctx.analysis, field)
        for n, info in enumerate(fa.sentences):
            if info.verdict == verdict:
                yield info, self._graded(ctx, *confidence.score(fa, n, self.prior))

    def graded(self, ctx: Context) -> dict:
        """Confidence and severity of a finding of a rule the model does not score per sentence."""
        return self._graded(ctx, *confidence.score_rule(self.id.split(".", 1)[1], self.prior))

    def _graded(self, ctx: Context, conf: float, confident: bool) -> dict:
        floor = ctx.options.get("warning-confidence")
        if floor is not None:
            confident = conf >= float(floor)
        return {"confidence": round(conf, 4), "severity": self.severity if confident else "info"}


class UnsourcedClaim(_AttributionRule):
    """A claim that needs a source and has none.

    What it does
    ------------
    Flags a sentence that carries a claim a reader cannot check by themselves — an accusation, a
    figure or statistic, a causal claim (« à cause de », "led to"), a prediction (« fera fuir »,
    "will cost"), a superlative or a sweeping generalisation — when the sentence credits it to no
    named person, organisation or document and no earlier source of the article covers it (the
    source ledger: the previous sentence or the paragraph going on with the same account, « le
    rapport » or "the company" pointing back at a named source). Background facts (dates, places,
    a named institution's own decision) are left alone.

    Each finding carries a confidence from the attribution model (``docs/attribution.md``,
    *Confidence*); it is a warning only at or above the model's threshold (rule option
    ``warning-confidence``), info below it.

    Why it matters
    --------------
    An unsourced claim reads as the newsroom's own assertion. If it is wrong, the paper owns the
    error; if it is right, the reader still cannot tell how the reporter knows.

    Example
    -------
    ``Cette réforme fera exploser les loyers du centre-ville.``

    Instead
    -------
    ``Cette réforme fera exploser les loyers du centre-ville, estime l'Observatoire des loyers de
    Lyon dans une note publiée mardi.``
    """

    id = "attribution.unsourced-claim"
    prior = 0.6
    severity = "warning"

    def check(self, ctx: Context) -> Iterable[Finding]:
        for field in self.fields:
            for info, graded in self.flagged(ctx, field, "unsourced-claim"):
                cue = info.claims[0]
                kind = describe(cue.kind)
                yield ctx.finding(
                    field, info.start, info.end,
                    f"Unsourced {kind} ({_quoted(cue.text)}): nothing in this sentence says who claims it, and no source "
                    f"named earlier in the article covers it. Name the source.",
                    **graded, kind=cue.kind, missing="source",
                )


class VagueSource(_AttributionRule):
    """A claim credited to an unnamed group or to no one in particular.

    What it does
    ------------
    Flags a sentence whose only source is vague: an unnamed group (« des experts », « les
    militants », « les associations », "critics", "officials"), an unnamed consensus ("many
    believe", "experts agree", "studies show", « on dit »), unnamed sources (« selon des sources
    syndicales », "sources said"), or hearsay (« aurait démissionné », "reportedly").

    Each finding carries a confidence from the attribution model (``docs/attribution.md``,
    *Confidence*); it is a warning only at or above the model's threshold (rule option
    ``warning-confidence``), info below it.

    Why it matters
    --------------
    A vague source lends a claim authority without letting anyone check it; it is the classic
    weasel construction, and a common vector of misinformation.

    Example
    -------
    ``Des économistes jugent le plan irréaliste.``

    Instead
    -------
    ``Deux économistes de l'OFCE, Anne Lenoir et Paul Brun, jugent le plan irréaliste.``
    """

    id = "attribution.vague-source"
    prior = 0.7
    severity = "warning"

    def check(self, ctx: Context) -> Iterable[Finding]:
        for field in self.fields:
            for info, graded in self.flagged(ctx, field, "vague-source"):
                src = info.vague[0]
                if src.how in ("hedge", "conditional", "passive"):
                    # « aurait démissionné », "reportedly", "is believed": hearsay, not a vague group.
                    message = f"Hearsay with no source: {_quoted(src.text)} reports what someone says without saying who. Name the source."
                elif src.how == "phrase" or src.kind == "vague" and len(src.text.split()) > 6:
                    message = f"Vague source: {_quoted(src.text)} names no one; who says so? Name the source."
                else:
                    who = src.text.split()[-1] if src.text.split() else "source"
                    message = f"Vague source: {_quoted(src.text)} names no one; which {who}? Name them or their organisation."
                yield ctx.finding(
                    field, info.start, info.end, message,
                    **graded, kind="vague-source", source=src.text, missing="named source",
                )


class QuoteWithoutSpeaker(_AttributionRule):
    """A direct quotation that nobody said.

    What it does
    ------------
    Flags a direct quotation standing on its own when no speaker can be attached to it: no
    reporting verb with a subject, no « selon X », no "Name:" before it, in its sentence or in the
    sentences right before and after it.

    Each finding carries a confidence from the attribution model (``docs/attribution.md``,
    *Confidence*); it is a warning only at or above the model's threshold (rule option
    ``warning-confidence``), info below it.

    Why it matters
    --------------
    Quotation marks promise the reader someone's exact words. Without a speaker the quote cannot
    be checked, and it may be a paraphrase, a slogan or the reporter's own words dressed as a
    quote.

    Example
    -------
    ``« On ne nous a jamais consultés. » Le chantier doit durer deux ans.``

    Instead
    -------
    ``« On ne nous a jamais consultés », regrette Lucie Marchand, présidente de l'association
    des riverains du quai Sud.``
    """

    id = "attribution.quote-without-speaker"
    severity = "warning"
    prior = 0.8

    def check(self, ctx: Context) -> Iterable[Finding]:
        for field in self.fields:
            for q in analyse(ctx.analysis, field).unattributed_quotes:
                yield ctx.finding(
                    field, q.start, q.end,
                    "Quotation without a speaker: no one is named as saying it in this sentence or the adjacent ones. "
                    "Who said it? Name the speaker.",
                    **self.graded(ctx), kind="quote-without-speaker", missing="speaker",
                )


class IncompleteSource(_AttributionRule):
    """A source that is named only halfway.

    What it does
    ------------
    Flags a named person given a role but no organisation (« Marc Dupuis, directeur de la
    stratégie » — of which organisation?) and a study, report, poll, survey or petition that is
    used as a source but not identified (« une étude récente montre », "a new report links").

    Why it matters
    --------------
    A reader cannot check a title without an employer, nor find a study without its author and
    publisher; half a source can hide a lobby, a company or an obscure paper.

    Example
    -------
    ``Un sondage récent montre que 60 % des parents sont inquiets.``

    Instead
    -------
    ``Un sondage Ifop pour l'UNAF, réalisé du 2 au 5 mai auprès de 1 000 parents, montre que 60 %
    d'entre eux sont inquiets.``
    """

    id = "attribution.incomplete-source"
    severity = "info"

    def check(self, ctx: Context) -> Iterable[Finding]:
        for field in self.fields:
            for info in analyse(ctx.analysis, field).sentences:
                if info.heading:
                    continue
                for r in info.roles:
                    yield ctx.finding(
                        field, r.start, r.end,
                        f"Incomplete source: {_quoted(r.name)} is given a role ({_quoted(r.role)}) but no organisation. "
                        f"Which organisation?",
                        confidence=0.7, kind="role-without-organisation", missing="organisation",
                    )
                seen: set[tuple[int, int]] = set()
                for src in info.unidentified:
                    if (src.start, src.end) in seen:
                        continue
                    seen.add((src.start, src.end))
                    yield ctx.finding(
                        field, src.start, src.end,
                        f"Incomplete source: {_quoted(src.text)} is not identified. Which one? Say who made it, "
                        f"when, and where it was published.",
                        confidence=0.7, kind="unidentified-document", missing="document identity",
                    )


class OpinionAsFact(_AttributionRule):
    """Evaluative language in the reporter's own voice.

    What it does
    ------------
    Flags a sentence that judges (« une décision radicale », « bien que tardives », "a shameful
    move", "a bold step") outside any quotation and outside any attributed clause. The evaluative
    words are listed in ``rules/lexicons/attribution-evaluative.{fr,en}.txt``.

    Articles that declare themselves opinion — a ``genre``/``section`` field, « Tribune : » or
    "Opinion |" opening the title, a byline such as "Editorial Board" (``auditor.genre``) — are
    not checked: a column judges openly. The option ``check-opinion-pieces = true`` checks them.

    Each finding carries a confidence from the attribution model (``docs/attribution.md``,
    *Confidence*); it is a warning only at or above the model's threshold (rule option
    ``warning-confidence``), info below it.

    Why it matters
    --------------
    News copy reports judgements, it does not make them. An adjective of praise or blame in the
    reporter's voice turns a report into an opinion piece without telling the reader.

    Example
    -------
    ``Le conseil a pris une décision scandaleuse en fermant la crèche.``

    Instead
    -------
    ``Le conseil a voté la fermeture de la crèche, une décision « scandaleuse » selon Inès Morel,
    porte-parole du collectif des parents.``
    """

    id = "attribution.opinion-as-fact"
    prior = 0.6
    severity = "warning"
    #: ``check-opinion-pieces``: also check articles that declare themselves opinion (a column,
    #: an editorial, « Tribune »; see :mod:`auditor.genre`), which are skipped by default.
    options = {**_AttributionRule.options, "check-opinion-pieces": False}

    def check(self, ctx: Context) -> Iterable[Finding]:
        declared = genre_of(ctx.article)
        if declared.genre == OPINION and not ctx.options.get("check-opinion-pieces"):
            ctx.signal("genre", {"genre": declared.genre, "from": declared.why, "skipped": [self.id]})
            return
        for field in self.fields:
            for info, graded in self.flagged(ctx, field, "opinion-as-fact"):
                words = ", ".join(_quoted(c.text) for c in info.evaluative[:3])
                yield ctx.finding(
                    field, info.start, info.end,
                    f"Opinion stated as fact: {words} is a judgement in the reporter's voice. Attribute it to a named "
                    f"source or give the facts that support it.",
                    **graded, kind="opinion-as-fact", words=[c.text for c in info.evaluative], missing="source of the judgement",
                )


class HedgedClaim(_AttributionRule):
    """A claim hedged in the reporter's own voice, with no source.

    What it does
    ------------
    Flags a sentence that hedges a claim — « probablement », « semble », « sans doute »,
    "may", "probably", "is thought to", "tends to" — or credits it to an unquantified crowd as
    its subject ("Many consider…", "Some historians…", « certains »), when nothing in the
    sentence or the one before names a source and no other attribution rule already flags it.
    The hedges are listed in ``rules/lexicons/attribution-hedge-words.{fr,en}.txt``; the modals
    "may" / "might" and the quantifier subjects are read from the parse. Severity ``info``: a
    hedge is often honest caution, so this is a prompt to check, not an error.

    Each finding carries a confidence from the attribution model (``docs/attribution.md``,
    *Confidence*); it is a warning only at or above the model's threshold (rule option
    ``warning-confidence``), info below it.

    Why it matters
    --------------
    A hedge says the claim is uncertain without saying whose uncertainty it is: the reader
    cannot tell whether the doubt comes from a study, an official or the reporter's guess. It is
    the hedge half of the weasel/hedge/peacock triad of Wikipedia's uncertainty cues (Vincze
    2013), and the commonest reason editors tag a sentence « réf. nécessaire ».

    Example
    -------
    ``Le chantier a probablement pris du retard à cause des intempéries.``

    Instead
    -------
    ``Le chantier a pris trois semaines de retard à cause des intempéries, selon la direction
    des travaux de la métropole.``
    """

    id = "attribution.hedged-claim"
    prior = 0.5
    severity = "info"

    def check(self, ctx: Context) -> Iterable[Finding]:
        for field in self.fields:
            for info, graded in self.flagged(ctx, field, "hedged-claim"):
                cue = info.hedges[0]
                what = "an unnamed crowd" if cue.kind == "weasel" else "a hedge"
                yield ctx.finding(
                    field, info.start, info.end,
                    f"Hedged claim ({_quoted(cue.text)}, {what}) with no source: whose doubt or whose view is it? "
                    f"Name the source, or state what is known.",
                    **graded, kind=cue.kind, words=[c.text for c in info.hedges], missing="source",
                )


class HeadlineClaim(_AttributionRule):
    """A headline that states an accusation, a cause or a figure no source in the article supports.

    What it does
    ------------
    Flags a headline whose accusation (« Le maire a détourné les fonds »), contested cause
    ("Treatment leads to girl's death", « à cause de ») or figure is stated as fact when neither the
    headline attributes it (« selon le parquet », "police say", a quotation with its speaker) nor a
    sourced sentence of the body carries the same figure or the same kind of claim. A figure the body
    never mentions is left to ``clickbait.headline-unsupported``. Severity ``info`` until it is
    measured on real news (the real-news gold set holds too few such headlines yet).

    Why it matters
    --------------
    Most readers see only the headline, in a feed or a search result. An accusation or a cause
    stated there as fact, with nobody behind it in the article, is the newspaper's own claim.

    Example
    -------
    ``Le maire a détourné les fonds de la cantine`` over a body that cites no one.

    Instead
    -------
    ``Le maire a détourné les fonds de la cantine, selon le parquet`` — or a body that says who
    accuses him.
    """

    id = "attribution.headline-claim"
    severity = "info"
    fields = ("title",)

    def check(self, ctx: Context) -> Iterable[Finding]:
        body = analyse(ctx.analysis, "body")
        for claim in unsupported_claims(ctx.analysis, body):
            kind = describe(claim.cue.kind)
            yield ctx.finding(
                "title", claim.start, claim.end,
                f"Headline states a {kind} ({_quoted(claim.cue.text)}) that no source in the article supports: "
                f"attribute it in the headline, or source it in the body.",
                confidence=0.5, kind=claim.cue.kind, missing="source",
            )


RULES = [UnsourcedClaim, VagueSource, QuoteWithoutSpeaker, IncompleteSource, OpinionAsFact, HedgedClaim, HeadlineClaim]


@hookimpl
def auditor_rules(config):
    return RULES
