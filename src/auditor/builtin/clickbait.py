"""Built-in clickbait rules: the headline cues, the headline score, teaser links and headline support.

The logic lives in :mod:`auditor.clickbait`; this module only declares the rules. All the title
rules share one verdict per article (``ctx.analysis.memo``): the cues of the headline and its score.
A cue is reported only when the headline's score reaches the threshold (option ``threshold`` of
``clickbait.headline-score``), so a lone weak cue in an otherwise factual headline passes, and each
cue is reported by one rule only (the most specific one when cues overlap).
"""

from __future__ import annotations

from typing import Any, Iterable

from auditor.clickbait.headline import HeadlineVerdict, assess_headline
from auditor.clickbait.support import find_gaps
from auditor.clickbait.teasers import find_teasers
from auditor.hookspec import hookimpl
from auditor.model import Finding
from auditor.rule import Context, Rule

SCORE_RULE = "clickbait.headline-score"
SCORE_OPTIONS: dict[str, Any] = {"threshold": None}  # None: the model's own threshold (0.5 by hand weights)

#: When cues overlap, the first family in this order reports the span.
PRIORITY = ("stock-phrase", "vague-evaluative", "listicle", "forward-reference", "second-person", "sensational",
            "hyperbole", "punctuation-caps")


def headline_verdict(ctx: Context) -> HeadlineVerdict:
    opts = ctx.config.rule_options(SCORE_RULE, SCORE_OPTIONS)
    threshold = opts.get("threshold")
    threshold = float(threshold) if threshold is not None else None
    return ctx.analysis.memo(("clickbait", "headline", threshold),
                             lambda: assess_headline(ctx.text("title"), ctx.lang, threshold))


def reported_cues(verdict: HeadlineVerdict) -> list:
    """The cues reported as findings: one per span, the most specific family first."""
    cues = sorted((c for c in verdict.cues if c.family), key=lambda c: (PRIORITY.index(c.family), c.start))
    kept: list = []
    for c in cues:
        if any(k.start < c.end and c.start < k.end for k in kept):
            continue
        kept.append(c)
    return kept


class _HeadlineCue(Rule):
    category = "clickbait"
    severity = "warning"
    languages = frozenset({"fr", "en"})
    fields = ("title",)
    family = ""

    def check(self, ctx: Context) -> Iterable[Finding]:
        if not ctx.text("title").strip():
            return
        verdict = headline_verdict(ctx)
        if not verdict.flagged:
            return
        for cue in reported_cues(verdict):
            if cue.family != self.family:
                continue
            yield ctx.finding(
                "title", cue.start, cue.end,
                f"Clickbait headline (score {verdict.score:.2f}): {cue.reason}.",
                confidence=verdict.score, score=round(verdict.score, 3),
            )


class Sensational(_HeadlineCue):
    """Sensational, emotion-provoking words in a headline that is clickbait overall.

    What it does
    ------------
    Flags words that sell an emotion instead of a fact — « choc », « scandale », « panique »,
    « la toile s'enflamme », "shocking", "terrifying" — when the headline's clickbait score
    crosses the threshold. The words are in ``rules/lexicons/clickbait-sensational.{fr,en}.txt``.

    Why it matters
    --------------
    An alarm word tells readers how to feel before they know what happened; repeated, it wears out
    the newsroom's credibility and is a hallmark of headlines written for clicks.

    Example
    -------
    ``Panique sur les marchés : les épargnants tremblent``

    Instead
    -------
    ``Le CAC 40 recule de 3 % après la hausse des taux``
    """

    id = "clickbait.sensational"
    family = "sensational"


class VagueEvaluative(_HeadlineCue):
    """A vague noun with an evaluative word instead of the news (« une décision radicale »).

    What it does
    ------------
    Flags a vague noun (décision, mesure, annonce, geste, move, decision…) qualified by an evaluative
    word (radicale, surprenante, historique, de taille, shocking, major…) when nothing in the headline
    says what it is: « Amazon prend une décision radicale » — which decision? A following
    « de + infinitive » or a colon with the content lets it pass.

    Why it matters
    --------------
    The headline withholds the proposition itself and replaces it with a judgement, so readers must
    click to learn the fact — and the judgement is the newsroom's, not a sourced fact.

    Example
    -------
    ``Une enseigne de jardinage prend une décision radicale``

    Instead
    -------
    ``Une enseigne de jardinage retire les pesticides de ses rayons``
    """

    id = "clickbait.vague-evaluative"
    family = "vague-evaluative"


class ForwardReference(_HeadlineCue):
    """Forward references and withheld subjects (« voici pourquoi », "this is why", « ce maire »).

    What it does
    ------------
    Flags headlines that point at an answer they keep back: « voici pourquoi », « la raison pour
    laquelle », « ce que personne n'avait vu », a subject hidden behind a demonstrative (« Cette ville
    française… », « ce maire ») or a pronoun (« Il pensait… »), cliffhangers (« jusqu'à ce courrier »),
    "this is why", "here's what". Explainer formats (« Ce que l'on sait de… », « On vous explique… »,
    "What we know about…") pass.

    Why it matters
    --------------
    Forward reference is the central lure of clickbait (Blom & Hansen 2015): the headline creates a
    gap only a click fills, instead of telling the news.

    Example
    -------
    ``Ce maire a pris une initiative que personne n'attendait``

    Instead
    -------
    ``Le maire de Lannion rend la cantine gratuite pour tous les élèves``
    """

    id = "clickbait.forward-reference"
    family = "forward-reference"


class SecondPerson(_HeadlineCue):
    """Second-person teasers (« vous n'allez pas y croire », "you won't believe").

    What it does
    ------------
    Flags headlines that address the reader to tease — « vous », « votre », imperatives such as
    « Arrêtez tout », quizzes such as "Which … are you" — unless a public-interest marker shows
    service journalism (« vos droits », « comment savoir si vous y avez droit », « à quel âge
    pourrez-vous partir »).

    Why it matters
    --------------
    Personal address turns a news headline into an advertisement: it flatters, worries or
    challenges the reader instead of informing them.

    Example
    -------
    ``Ce geste que vous faites chaque matin abîme vos dents``

    Instead
    -------
    ``Brossage après le café : ce que recommandent les dentistes``
    """

    id = "clickbait.second-person"
    family = "second-person"


class Listicle(_HeadlineCue):
    """List teasers (« 10 choses que… », "17 Things…", « Top 5 des… »).

    What it does
    ------------
    Flags a headline that opens on a number followed by a list noun or a relative clause
    (« 7 signes qui… », "21 Photos That…", « Top 10 des… »). Numbers that are the facts reported
    (« 1 200 postes supprimés », « 3 % d'inflation ») are left alone.

    Why it matters
    --------------
    The listicle promises an easy, countable reward; in a news context it signals content built for
    traffic, and it usually hides what the items are.

    Example
    -------
    ``8 signes qui montrent que votre maison perd de la chaleur``

    Instead
    -------
    ``Rénovation thermique : les points à vérifier avant l'hiver``
    """

    id = "clickbait.listicle"
    family = "listicle"


class Hyperbole(_HeadlineCue):
    """Hyperbole, intensifiers and superlatives (« incroyable », « du jamais vu », "the most amazing").

    What it does
    ------------
    Flags exaggeration in a clickbait headline: « incroyable », « hallucinant », « dingue »,
    « du jamais vu », « le plus fou », « l'arnaque du siècle », "amazing", "literally", "the most…".
    The lists are in ``rules/lexicons/clickbait-hyperbole.{fr,en}.txt``.

    Why it matters
    --------------
    Superlatives and intensifiers are over-represented in clickbait; they promise more than the
    article can hold and cannot be checked.

    Example
    -------
    ``Une découverte incroyable au fond du lac d'Annecy``

    Instead
    -------
    ``Des plongeurs retrouvent une pirogue du néolithique dans le lac d'Annecy``
    """

    id = "clickbait.hyperbole"
    family = "hyperbole"


class PunctuationCaps(_HeadlineCue):
    """Excessive punctuation and capitals (« !!! », « ?! », « EXCLU », "BREAKING").

    What it does
    ------------
    Flags repeated or mixed exclamation and question marks, exclamation marks and suspension points
    in a clickbait headline, shouted labels (EXCLU, OFFICIEL, BREAKING) and ordinary words written
    in capitals (« ne mangez PLUS ça »). Acronyms (SNCF, NASA) are not shouting.

    Why it matters
    --------------
    Typography that shouts replaces information with urgency; news headlines state facts in sentence
    case and without exclamation marks.

    Example
    -------
    ``INCROYABLE !!! Un chat parcourt 300 km pour rentrer chez lui``

    Instead
    -------
    ``Un chat parcourt 300 km pour retrouver sa maison dans le Jura``
    """

    id = "clickbait.punctuation-caps"
    family = "punctuation-caps"


class HeadlineScore(Rule):
    """The headline's clickbait score in [0, 1], with its reasons.

    What it does
    ------------
    Scores the headline from its cues (sensational words, vague evaluations, forward references,
    second person, listicles, hyperbole, punctuation and capitals, stock phrases) and the markers of
    legitimate forms (explainers, service journalism, attributed quotes, figures, names), with a small
    logistic regression whose weights are readable (``src/auditor/clickbait/data/``). The score and
    its reasons are attached to every report under ``signals.clickbait``. When the score reaches the
    ``threshold`` option, the cue rules report their spans; when no cue has a span (the model's
    words decided), this rule flags the whole headline.

    Why it matters
    --------------
    One cue is not always clickbait (« Historique : … » can be a fact); the combination is. A score
    with reasons lets an editor see why, and a newsroom tune the threshold.

    Example
    -------
    ``La vidéo qui fait trembler les géants de la tech`` (score 0.9: sensational word, demonstrative
    lure)

    Instead
    -------
    ``Un lanceur d'alerte publie des documents internes de trois géants de la tech``
    """

    id = SCORE_RULE
    category = "clickbait"
    severity = "warning"
    languages = frozenset({"fr", "en"})
    fields = ("title",)
    options = SCORE_OPTIONS

    def check(self, ctx: Context) -> Iterable[Finding]:
        title = ctx.text("title")
        if not title.strip():
            return
        verdict = headline_verdict(ctx)
        ctx.signal("clickbait", verdict.signal())
        if verdict.flagged and not reported_cues(verdict):
            lead = len(title) - len(title.lstrip())
            yield ctx.finding(
                "title", lead, len(title.rstrip()),
                f"Clickbait headline (score {verdict.score:.2f}): " + "; ".join(verdict.reasons[:4]) + ".",
                confidence=verdict.score, score=round(verdict.score, 3),
            )


class TeaserLink(Rule):
    """A teaser for another article left in the body (« À lire aussi : … font scandale ! (Vidéo) »).

    What it does
    ------------
    Flags the headline of another article that follows a teaser label — « À lire aussi : »,
    « Voir aussi », "Related:", "Read more:" — or a line ending with a media tag such as « (Vidéo) ».
    The label itself is reported by ``boilerplate.page-furniture``; this rule flags the teaser text
    and scores it as a headline (the message says when it is clickbait).

    Why it matters
    --------------
    Teasers copied from the web page interrupt the story with unrelated, often sensational
    headlines; readers take them for part of the article.

    Example
    -------
    ``À lire aussi : Ce chanteur fait une annonce choc ! (Vidéo)``

    Instead
    -------
    Delete the line, or link related coverage in the CMS's related-articles field.
    """

    id = "clickbait.teaser-link"
    category = "clickbait"
    severity = "warning"
    languages = frozenset({"fr", "en"})
    fields = ("body",)

    def check(self, ctx: Context) -> Iterable[Finding]:
        body = ctx.text("body")
        for t in find_teasers(body):
            v = assess_headline(t.text, ctx.lang)
            if v.flagged:
                msg = f"Clickbait teaser for another article left in the body (score {v.score:.2f}: {'; '.join(v.reasons[:3])})."
            else:
                msg = "Teaser for another article left in the body."
            yield ctx.finding("body", t.start, t.end, msg, suggestions=[""], confidence=max(0.6, v.score),
                              score=round(v.score, 3))


class HeadlineUnsupported(Rule):
    """The headline says what the body does not: names, figures or a claim beyond the lede.

    What it does
    ------------
    Compares the headline with the body through the shared analysis (entities, lemmas, word
    vectors): a name of the headline must appear in the body, a figure must appear with the same
    value, and the headline's noun phrases must be stated in the lede (first paragraph or first
    three sentences). « Amazon prend une décision radicale face aux autorités américaines » over a
    lede that speaks only of the police is flagged on « autorités américaines ». Clean news
    paraphrases its lede, so by default (option ``claims = "clickbait"``) the lede check runs only
    on headlines whose clickbait score crosses the threshold; ``true`` runs it on every headline,
    ``false`` never. Names and figures are always checked.

    Why it matters
    --------------
    A headline is a claim of its own: when it names someone the article never mentions, inflates a
    figure or goes beyond what the first paragraph establishes, it misleads the many readers who only
    read headlines (CredCo "title representativeness").

    Example
    -------
    ``Le maire de Brest démissionne`` over a story that only says the mayor is considering it.

    Instead
    -------
    ``Le maire de Brest envisage de démissionner``
    """

    id = "clickbait.headline-unsupported"
    category = "clickbait"
    severity = "warning"
    languages = frozenset({"fr", "en"})
    fields = ("title",)
    options = {"claims": "clickbait"}

    def check(self, ctx: Context) -> Iterable[Finding]:
        title, body = ctx.text("title"), ctx.text("body")
        if not title.strip() or len(body.split()) < 20:
            return
        verdict = headline_verdict(ctx)
        skip = [(c.start, c.end) for c in reported_cues(verdict)] if verdict.flagged else []
        skip += [(c.start, c.end) for c in verdict.cues if c.feature in ("vague-evaluative", "hyperbole", "sensational")]
        mode = ctx.options.get("claims", "clickbait")
        claims = verdict.flagged if mode == "clickbait" else bool(mode)
        for gap in find_gaps(ctx.analysis, skip, claims=claims):
            yield ctx.finding(
                "title", gap.start, gap.end, f"Headline not supported by the body: {gap.message}.",
                severity="info" if gap.kind == "claim" else None,
                confidence=0.5 if gap.kind == "claim" else 0.7, kind=gap.kind,
            )


@hookimpl
def auditor_rules(config):
    return [Sensational, VagueEvaluative, ForwardReference, SecondPerson, Listicle, Hyperbole, PunctuationCaps,
            HeadlineScore, TeaserLink, HeadlineUnsupported]
