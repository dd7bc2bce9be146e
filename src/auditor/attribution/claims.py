"""What in a sentence needs a source: claim cues, predictions, figures, evaluative language.

All matching is done outside quotations (a quote is its speaker's words, judged by the quote
rules). Cues come from ``rules/lexicons/attribution-claim-cues.*``, evaluative words from
``attribution-evaluative.*`` and statistic words from ``attribution-trend-words.*``; predictions
are read from the parse (French future tense, English "will" + verb).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

import regex

from .closed_class import (ACTOR_PRONOUNS, APPROXIMATIONS, FIRST_PERSON_SUBJECTS_EN, FUTURE_MODALS_EN, LOOSE_QUANTIFIERS,
                           MODALS, NEGATIONS, ONE, ORDINAL_WORDS, PARTITIVE_PREPOSITIONS, PERSONAL_SUBJECTS, POSSESSIVES,
                           RANKING_WORDS, REFLEXIVES_FR, SUPERLATIVE_ADVERB, SUPERLATIVE_DETS, VERB_NEGATIONS,
                           WEASEL_QUANTIFIERS, WILL_EN)
from .lexicons import either_language, kinds, phrase_matches, reporting_verbs, words
from ..syntax import SUBJECT_DEPS, doc_text, relative_head, tokens_of
from .sources import _mask, _outside, classify

if TYPE_CHECKING:
    from spacy.tokens import Span


@dataclass(frozen=True)
class Cue:
    kind: str  # causal, accusation, generalisation, superlative, prediction, figure, evaluative
    start: int
    end: int
    text: str
    verb: bool = False  # the cue is a verb (« accuse », "alleges"): its subject is the accuser


def _before_verb(sent: "Span", at: int) -> bool:
    nxt = next((t for t in tokens_of(sent) if t.idx >= at and not t.is_space), None)
    return nxt is not None and nxt.pos_ in ("VERB", "AUX")


def _schedule_pattern(lang: str) -> "regex.Pattern[str]":
    """Dates and schedules (``attribution-months.*``, ``attribution-schedule-words.*`` and the
    years 19xx/20xx): a future verb next to one announces an event, it does not predict."""
    entries = [regex.escape(e) for e in words("attribution-months", lang) | words("attribution-schedule-words", lang)]
    return regex.compile(r"(?i)\b(" + "|".join(sorted(entries) + [r"(?:19|20)\d\d"]) + r")\b")


_SCHEDULE = {lang: _schedule_pattern(lang) for lang in ("fr", "en")}
# Modal futures describing rules and consequences of a decision, not forecasts.
_NO_PREDICTION = {lang: words("attribution-no-prediction", lang) for lang in ("fr", "en")}
_NUMBER = regex.compile(r"\d")
_YEAR = regex.compile(r"^(1[89]|20)\d\d$")
_CLOCK = regex.compile(r"^\d{1,2}[h:]\d{0,2}$")
_UNITS = either_language("attribution-units")  # mixed-language before: read in either language
_FRACTIONS = {lang: words("attribution-fractions", lang) for lang in ("fr", "en")}
_TALLY = regex.compile(r"(?i)\b\d+\s*[-–]\s*\d+\b|\bpar \d+ voix|\b\d+ (votes?|voix|suffrages)\b")
_PERCENT = regex.compile(r"(?i)(%|\bper ?cent\b|\bpour ?cent\b|\bpercent(age)?\b)")


def claim_cues(sent: "Span", lang: str, quote_spans: Sequence[tuple[int, int]]) -> list[Cue]:
    masked = _mask(sent, quote_spans)
    base = sent.start_char
    out: list[Cue] = []
    by_start = {t.idx: t for t in tokens_of(sent)}
    for ph, m in phrase_matches("attribution-claim-cues", lang, masked, kinds=True):
        if ph.kind == "causal" and ph.text.lower() == "due to" and _before_verb(sent, base + m.end()):
            continue  # "is due to open in 2029": a schedule, not a cause
        first = by_start.get(base + m.start())
        verb_cue = first is not None and first.pos_ in ("VERB", "AUX") and first.lemma_.lower() in reporting_verbs(lang)
        out.append(Cue(ph.kind or "claim", base + m.start(), base + m.end(), m.group(), verb_cue))
    out.extend(_predictions(sent, lang, quote_spans, masked))
    out.extend(_figures(sent, lang, quote_spans, masked))
    out.extend(_superlatives(sent, lang, quote_spans))
    out.extend(_crowd_feelings(sent, lang, quote_spans))
    return out


def _crowd_feelings(sent: "Span", lang: str, quote_spans: Sequence[tuple[int, int]]) -> list[Cue]:
    """"Ranchers across the valley are terrified", « Les habitants ne font plus confiance à la
    police »: what an unnamed crowd feels or believes, stated by the writer. Feelings and beliefs
    come from ``attribution-feelings.*``; a named, counted or pointed-at group is left alone."""
    feelings = words("attribution-feelings", lang)
    for root in tokens_of(sent):
        if not (root.dep_ == "ROOT" or (root.dep_ == "conj" and root.head.dep_ == "ROOT")) or not _outside(root, quote_spans):
            continue
        lemma = root.lemma_.lower()
        low = root.lower_
        forms = {lemma, low, low[:-1] if low.endswith("s") else low, low.removesuffix("es"), low.removesuffix("e"),
                 low.removesuffix("s").removesuffix("e"), low.replace("euses", "eux").replace("euse", "eux"),
                 low.replace("iètes", "iet").replace("iète", "iet").replace("iets", "iet")}
        felt = bool(forms & feelings) or (lemma == "avoir" and any(c.lower_ == "assez" for c in root.children)) or (
            lang == "fr" and lemma == "faire" and any(c.lemma_ == "confiance" for c in root.children))
        if lang == "en" and root.lemma_ == "be":
            felt = any(c.dep_ == "acomp" and (c.lemma_.lower() in feelings or c.lower_ in feelings) for c in root.children)
        # What a whole crowd will do (« Les propriétaires vont retirer leurs biens », "Drivers
        # will abandon the route") is a forecast about people nobody asked.
        forecast = words("attribution-prediction-verbs", lang)
        acting = root
        if lang == "fr" and root.lemma_ == "aller":
            acting = next((c for c in root.children if c.dep_ == "xcomp" and "Inf" in c.morph.get("VerbForm")), root)
        future = acting.lemma_.lower() in forecast and (("Fut" in root.morph.get("Tense") and "1" not in root.morph.get("Person")) or any(
            c.lower_ in WILL_EN and c.tag_ == "MD" for c in root.children) or (
            lang == "fr" and root.lemma_ == "aller" and any(c.dep_ == "xcomp" and "Inf" in c.morph.get("VerbForm") for c in root.children)))
        if future and (root.lemma_ in _NO_PREDICTION.get(lang, ()) or any(
                c.lemma_ in _NO_PREDICTION.get(lang, ()) and c.dep_.startswith("aux") for c in root.children)):
            future = False  # « les patients devront appeler le 15 »: a rule, not a forecast
        if future and _SCHEDULE.get(lang) is not None and _SCHEDULE[lang].search(_mask(sent, quote_spans)):
            future = False  # « Les élèves iront au musée jeudi »: a plan with a date, not a forecast
        if not (felt or future):
            continue
        for c in root.children:
            common = c.pos_ == "NOUN" or (c.pos_ == "PROPN" and c.tag_ in ("NNS", "NNPS") and not c.ent_type_ and c.is_sent_start)
            if c.dep_ not in ("nsubj", "nsubj:pass", "nsubjpass") or not common or not _outside(c, quote_spans):
                continue  # "Farmers across the county…": a sentence-initial plural read as a name
            plural = "Plur" in c.morph.get("Number") or c.tag_ == "NNS"
            counted = any(k.dep_ == "nummod" or k.like_num for k in c.children)
            pointed = any(k.dep_ in ("det", "nmod:poss", "poss") and ("Dem" in k.morph.get("PronType") or "Prs" in k.morph.get("PronType")
                                                                     or k.tag_ in ("PRP$",)) for k in c.children)
            if plural and not counted and not pointed and classify(c, lang, quote_spans)[0] in ("vague", "weak"):
                end = root.idx + len(root.text)
                start = min(c.idx, root.idx)
                return [Cue("generalisation" if felt else "prediction", start, max(end, c.idx + len(c.text)),
                            doc_text(sent.doc)[start:max(end, c.idx + len(c.text))])]
    return []


_RANK = {lang: words("attribution-rank-words", lang) for lang in ("fr", "en")}
_PLAIN_SUPERLATIVES = words("attribution-plain-superlatives", "en")
_SCOPE = words("attribution-ranking-scope", "fr")


def _superlatives(sent: "Span", lang: str, quote_spans: Sequence[tuple[int, int]]) -> list[Cue]:
    """« la ville la plus riche », « le premier État européen à… », "the most productive region":
    a ranking the reader cannot check without a source."""
    dets = SUPERLATIVE_DETS.get(lang, frozenset())
    most = SUPERLATIVE_ADVERB["fr"] if lang == "fr" else SUPERLATIVE_ADVERB["en"]
    rank = _RANK.get(lang, frozenset())
    toks = [t for t in tokens_of(sent) if _outside(t, quote_spans)]
    for t in toks:
        if t.i == 0 or t.i + 1 >= len(t.doc):
            continue
        prev, nxt = t.nbor(-1), t.nbor(1)
        if prev.lower_ not in dets:
            continue
        if t.lower_ == most and nxt.pos_ == "ADJ" and _ranked(nxt):
            end = nxt.idx + len(nxt.text)
            return [Cue("superlative", prev.idx, end, doc_text(sent.doc)[prev.idx:end])]
        if lang == "en" and t.tag_ == "JJS" and t.lower_ not in _PLAIN_SUPERLATIVES and _ranked(t):
            # "the worst heat wave", "the largest employer": a ranking
            end = t.idx + len(t.text)
            return [Cue("superlative", prev.idx, end, doc_text(sent.doc)[prev.idx:end])]
        if t.lower_ in rank:
            # « le premier État européen à se lancer », « la seule ville à », « la première association
            # mondiale » — not the ordinals of a schedule (« la première demi-finale », « la première place »)
            window = [w for w in t.doc[t.i + 1: min(t.i + 5, sent.end)]]
            scope = next((w for w in window if w.lower_ in _SCOPE or (w.lower_ == "à" and w.i + 1 < sent.end
                                                                        and w.nbor(1).pos_ in ("VERB", "AUX"))), None)
            if scope is None:
                continue
            end = scope.idx + len(scope.text)
            return [Cue("superlative", prev.idx, end, doc_text(sent.doc)[prev.idx:end])]
    return []


def _ranked(adj) -> bool:
    """A superlative that ranks against a field (« la ville la plus riche de France », "the worst
    drought the valley has known", "X is the largest employer") rather than picking out members
    of a group (« les pièces les plus fragiles », "the most damaged houses were demolished")."""
    doc = adj.doc
    after = doc[adj.i + 1: min(adj.i + 6, len(doc))]
    if any(w.lower_ in RANKING_WORDS for w in after[:4]):
        return True
    head = adj.head
    np_head = head if head.pos_ in ("NOUN", "PROPN") else adj
    if any(c.dep_ == "cop" for c in np_head.children) or np_head.dep_ in ("attr", "ROOT"):
        return True  # « X est la plus grande… », "This is the worst…"
    return any(c.dep_ in ("relcl", "acl:relcl") for c in np_head.children)  # "the worst drought the valley has known"


def _predictions(sent: "Span", lang: str, quote_spans: Sequence[tuple[int, int]], masked: str) -> list[Cue]:
    scheduled = bool(_SCHEDULE.get(lang) and _SCHEDULE[lang].search(masked))
    skip = _NO_PREDICTION.get(lang, frozenset())
    forecast = words("attribution-prediction-verbs", lang)

    def impact(verb) -> bool:
        if any(c.lower_ in REFLEXIVES_FR for c in verb.children):
            return False  # « se fera progressivement »: it will happen, not it will cause
        negated = any(c.dep_ in ("neg", "advmod") and c.lower_ in VERB_NEGATIONS for c in verb.children)
        return verb.lemma_.lower() in forecast or negated
    for tok in tokens_of(sent):
        if not _outside(tok, quote_spans):
            continue
        near_future = lang == "fr" and tok.lemma_ == "aller" and "Fin" in tok.morph.get("VerbForm") \
            and any(c.dep_ == "xcomp" and "Inf" in c.morph.get("VerbForm") for c in tok.children)
        if lang == "fr" and tok.pos_ in ("VERB", "AUX") and ("Fut" in tok.morph.get("Tense") or near_future):
            if "1" in tok.morph.get("Person"):
                continue
            verb = tok.head if tok.dep_.startswith("aux") else tok
            if near_future:  # « vont perdre », « va coûter »: the near future predicts as well
                verb = next(c for c in tok.children if c.dep_ == "xcomp" and "Inf" in c.morph.get("VerbForm"))
            if tok.lemma_ in skip and not near_future or verb.lemma_ in skip or (scheduled and _actor_plans(tok if near_future else verb, lang)) \
                    or _agent_subject(verb, lang) or (near_future and _agent_subject(tok, lang)) or not impact(verb):
                continue
            return [Cue("prediction", tok.idx, tok.idx + len(tok.text), tok.text)]
        if lang == "en" and tok.lower_ in FUTURE_MODALS_EN and tok.tag_ == "MD":
            verb = tok.head
            if verb.lemma_ in skip or any(c.lower_ in FIRST_PERSON_SUBJECTS_EN for c in verb.children if c.dep_.startswith("nsubj")):
                continue
            if (scheduled and _actor_plans(verb, lang)) or _agent_subject(verb, lang) or not impact(verb):
                continue
            end = verb.idx + len(verb.text) if verb.i > tok.i else tok.idx + len(tok.text)
            return [Cue("prediction", tok.idx, end, doc_text(sent.doc)[tok.idx:end])]
    return []


_PEOPLE = either_language("attribution-people")  # mixed-language before: read in either language


def _agent_subject(verb, lang: str) -> bool:
    """People do things; forecasts are about things. « Le couple séjournera à Rome », "They will
    compete in nine events" describe plans (the reporting rules judge who announced them); « Cette
    hausse fera fuir les ménages », "The tax will cost families $400" predict."""
    people = _PEOPLE | words("attribution-vague-sources", lang) | words("attribution-roles", lang) | words("attribution-organisations", lang)
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass"):
            c = relative_head(c)
            if c.pos_ == "PRON" and "Rel" not in c.morph.get("PronType"):
                return True
            if c.pos_ == "PROPN" or c.ent_type_ in ("PER", "PERSON", "ORG", "NORP", "GPE", "LOC"):
                return True
            return c.lemma_.lower() in people
    return False


def _actor_plans(verb, lang: str) -> bool:
    """A named actor's own dated plan (« Le conseil se réunira le 4 juin », "Acme will open a
    store in May") is an announcement, not a forecast."""
    orgs = words("attribution-organisations", lang)
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass"):
            c = relative_head(c)
            for t in c.subtree:
                if t.ent_type_ in ("ORG", "PER", "PERSON", "GPE", "LOC") or (t.pos_ == "PROPN" and not t.is_sent_start):
                    return True
                if t.lemma_.lower() in orgs and t.pos_ == "NOUN":
                    return True
            return False
    return True  # no subject found: do not guess


def _figures(sent: "Span", lang: str, quote_spans: Sequence[tuple[int, int]], masked: str) -> list[Cue]:
    trend = words("attribution-trend-words", lang)
    def measure(t) -> bool:  # ages, durations, distances, clock times are not statistics
        if _CLOCK.match(t.text):
            return True
        j = t.i + 1
        while j < len(t.doc) and regex.fullmatch(r"\d{3}", t.doc[j].text):
            j += 1  # « 2 400 mètres »: the unit follows the last group of digits
        nxt = t.doc[j].lower_ if j < len(t.doc) else ""
        return nxt in _UNITS

    def ordinal(t) -> bool:  # « la troisième étape », "the third stage"
        return "Ord" in t.morph.get("NumType") or t.lower_.endswith(("ième", "ieme", "ème")) or t.lower_ in ORDINAL_WORDS

    nums = [t for t in tokens_of(sent) if _outside(t, quote_spans) and _NUMBER.search(t.text) and not _YEAR.match(t.text)
            and t.ent_type_ not in ("DATE", "TIME", "ORDINAL") and not measure(t)]
    nums += [t for t in tokens_of(sent) if _outside(t, quote_spans) and t.like_num and not _NUMBER.search(t.text)
             and t.ent_type_ not in ("DATE", "TIME", "ORDINAL") and t.lower_ not in ONE and not measure(t)
             and not ordinal(t)]
    fractions = [t for t in tokens_of(sent) if _outside(t, quote_spans) and t.lemma_.lower() in _FRACTIONS.get(lang, ())
                 and not any(c.dep_ == "amod" for c in t.children)  # "the eastern third of the county": a place
                 and t.i + 1 < len(t.doc) and t.nbor(1).lower_ in PARTITIVE_PREPOSITIONS
                 and (lang == "en" or any(c.dep_ == "det" for c in t.children))]
    if fractions and not nums:
        t = fractions[0]
        nums = [t]  # « la moitié des commerces », "nearly half of teachers": a figure without digits
    if not nums:
        return []
    num_ids = {t.i for t in nums}
    # A change verb must govern the figure (« a perdu 1 500 emplois », not « a perdu le contrôle »
    # next to a casualty count); a rate or share noun anywhere makes the figure a statistic.
    # A change verb must govern the figure, a rate or share noun must hold it or share its verb
    # (« la hausse de 12 % », « le taux atteint 9 » — not « la hausse s’appliquera dans 27 communes »).
    has_trend = _PERCENT.search(masked) or _CHANGE_RANGE.search(masked) or any(
        _outside(t, quote_spans) and (t.lemma_.lower() in trend or t.lower_ in trend)
        and ((t.pos_ != "VERB" and any(d.i in num_ids for d in t.subtree))
             or (t.pos_ == "VERB" and any(n.head.i == t.i or n.head.head.i == t.i or n.head.head.head.i == t.i for n in nums))
             or (t.pos_ != "VERB" and any(n.head.i == t.head.i or n.head.head.i == t.head.i for n in nums)))
        for t in tokens_of(sent)
    )
    if _TALLY.search(masked):
        return []
    if not (has_trend or fractions):
        # A bare count is a claim too when it is one a reader would ask about: a toll (« 2 842
        # morts »), an amount of money, or a quantity in the tens or more (« 360 000 exemplaires
        # vendus », "4,000 jobs"). Small counts and labels (« article 12 », "Route 9") are not.
        nums = [t for t in nums if _is_count(t, lang)]
        if not nums:
            return []
    # A named actor's own figures (« Le groupe X a supprimé 300 postes ») are its action, not a
    # claim about the world; the other rules look at who reported them.
    for tok in tokens_of(sent):
        if tok.dep_ == "ROOT" or (tok.head is tok):
            for c in tok.children:
                # A passive subject is what is acted on: only its own name counts (« 300 fous de
                # Bassan retrouvés » is not a named actor).
                scope = list(c.subtree) if c.dep_ == "nsubj" else [c] + [k for k in c.children if k.dep_ in (
                    "flat", "flat:name", "compound", "appos", "nmod")]
                if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and (any(
                    t.ent_type_ in ("ORG", "PER", "PERSON", "GPE") or (t.pos_ == "PROPN" and not t.is_sent_start)
                    for t in scope
                ) or (c.dep_ == "nsubj" and c.lower_ in ACTOR_PRONOUNS)
                        or (not has_trend and c.pos_ == "NOUN" and c.lemma_.lower() in words("attribution-organisations", lang)
                            and classify(c, lang, quote_spans)[0] == "named")
                        or (c.pos_ == "NOUN" and c.lemma_.lower() in words("attribution-documents", lang)
                            and classify(c, lang, quote_spans)[0] == "named")  # "The budget is 4.5% larger": its own content
                        or (not has_trend and any(k.lower_ in POSSESSIVES for k in c.children))):  # "Its previous round…"
                    return []  # « Il a signé 30 contrats », "In 2005 he led the league with 103 receptions", "The county funded it with $2.4 million"
    if not has_trend and any(t.lemma_.lower() in kinds("attribution-count-words", lang)["funding"]
                             for t in tokens_of(sent) if _outside(t, quote_spans)) \
            and any(w.lower_ in _CURRENCY or w.text in "$€£" for w in tokens_of(sent)):
        return []  # "financed with a $150 million federal grant", « une subvention de 2 M€ votée »: a decision, not a claim
    n = nums[0]
    return [Cue("figure", n.idx, n.idx + len(n.text), n.text)]


# Mixed-language lists before they moved to files: read in texts of either language.
_SCALE = either_language("attribution-scale")
_CURRENCY = either_language("attribution-currency")
# Only approximations that push a number up or down make it an estimate someone owes a source for
# (« au moins 25 morts », "more than 4,000 jobs"); "about 1,150 inmates" just rounds a fact.
_APPROX = regex.compile(r"(?i)(" + "|".join(APPROXIMATIONS) + r")\s*$")
_CHANGE_RANGE = regex.compile(r"(?i)\b(from|de)\s+\d[\d\s\u00a0\u202f.,]*\s+(to|à)\s+\d[\d\u00a0\u202f.,]*+"
                              r"(?!\s*(ans|an|years|h|heures|hours|km|m|minutes|min|secondes|seconds|jours|days|mois|months|°|degrés|degrees|%))")
_MONTHS = either_language("attribution-months")
_NOT_A_COUNT_AFTER = _MONTHS | either_language("attribution-not-count-after")  # ordinals, times, results
_NOT_A_COUNT_BEFORE = _MONTHS | either_language("attribution-not-count-before")  # labels: « n° 5 », "page 12"
_DIGITS = regex.compile(r"^\d[\d\s\u00a0\u202f.,']*$")


def _is_count(t, lang: str) -> bool:
    """Is this number a count or an amount worth a source (see :func:`_figures`)? The words that
    decide are in ``rules/lexicons/attribution-count-words.*``."""
    count_words = kinds("attribution-count-words", lang)
    if not _DIGITS.match(t.text):
        return False  # « COVID-19 », "A320", « 49.3 » and spelled-out numbers are names or small counts
    doc = t.doc
    prev = doc[t.i - 1] if t.i > 0 else None
    if t.head.i < t.i and t.head.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nummod", "flat", "flat:name", "appos", "compound", "nmod"):
        return False  # a label after its noun: « article 12 », "Route 9", « Ligue 1 »
    nxt = doc[t.i + 1].lower_.strip(".") if t.i + 1 < len(doc) else ""
    if nxt in _NOT_A_COUNT_AFTER or (prev is not None and prev.lower_.strip(".") in _NOT_A_COUNT_BEFORE):
        return False  # a date (« 11 mars », "March 25"), a rank (« 63 e »), a time, a score
    near = {w.lower_ for w in doc[max(t.i - 1, 0): min(t.i + 3, len(doc))]} | {t.head.lower_}
    money = bool(near & _CURRENCY) or (prev is not None and prev.text in "$€£")
    if money:
        # A cost, a loss or a debt is a claim (« les dégâts s'élèvent à 3 millions »); a price,
        # a fee or a scheme's budget stated as background is not ("Bidding opened at $250,000").
        return any(w.lemma_.lower() in count_words["cost"] for w in t.sent)
    if near & _SCALE:
        return True  # « 4 millions d'habitants »
    if t.head.lower_ in count_words["toll"] or t.head.lemma_.lower() in count_words["toll-verb"]:
        return True  # « 2 842 morts », "killed 36 people"
    before = doc[max(t.i - 3, 0): t.i].text.lower()
    if _APPROX.search(before):
        return True  # « au moins 25 personnes », "more than 4,000 jobs": an estimate
    sent = t.sent
    return any(w.lemma_.lower() in count_words["tally"] and w.pos_ == "VERB" for w in tokens_of(sent))  # « 22 811 mariages ont été recensés »


def evaluative(sent: "Span", lang: str, quote_spans: Sequence[tuple[int, int]]) -> list[Cue]:
    """Evaluative words in the reporter's voice (outside quotes); verbs are left out ("welcomed")."""
    masked = _mask(sent, quote_spans)
    base = sent.start_char
    tokens_by_start = {t.idx: t for t in tokens_of(sent)}
    out = []
    for ph, m in phrase_matches("attribution-evaluative", lang, masked):
        s = base + m.start()
        tok = tokens_by_start.get(s)
        if " " not in ph.text and tok is not None and tok.pos_ in ("VERB", "AUX", "PROPN"):
            continue
        if tok is not None and tok.text[:1].isupper() and tok.i > sent.start and tok.pos_ == "PROPN":
            continue
        out.append(Cue("evaluative", s, base + m.end(), m.group()))
    out.extend(_intensified(sent, lang, quote_spans))
    return out


_INTENSIFIERS = {lang: words("attribution-intensifiers", lang) for lang in ("fr", "en")}
# Dimensions and positions stay facts when intensified ("very few", « très nombreux », « trop tard »);
# a mixed-language set before it moved to files: read in either language.
_PLAIN_ADJECTIVES = either_language("attribution-plain-adjectives")


def _intensified(sent: "Span", lang: str, quote_spans: Sequence[tuple[int, int]]) -> list[Cue]:
    """« très coûteux », "very good", « trop simpliste »: an intensified quality in the writer's
    voice is a judgement. Intensified dimensions (« très nombreux », "very few") are not."""
    intensifiers = _INTENSIFIERS.get(lang, frozenset())
    out = []
    for tok in tokens_of(sent):
        if tok.lower_ not in intensifiers or tok.dep_ != "advmod" or not _outside(tok, quote_spans):
            continue
        adj = tok.head
        if adj.pos_ != "ADJ" or adj.i <= tok.i or adj.i - tok.i > 2:
            continue
        if adj.lemma_.lower() in _PLAIN_ADJECTIVES or adj.lower_ in _PLAIN_ADJECTIVES:
            continue
        before = tok.doc[max(tok.i - 2, 0): tok.i]
        if any(w.lower_ in NEGATIONS for w in before) \
                or any(c.dep_ == "neg" for c in adj.head.children):
            continue  # "weren't too concerned", « pas très convaincu »: litotes, not praise or blame
        end = adj.idx + len(adj.text)
        out.append(Cue("evaluative", tok.idx, end, doc_text(sent.doc)[tok.idx:end]))
    return out


def hedges(sent: "Span", lang: str, quote_spans: Sequence[tuple[int, int]]) -> list[Cue]:
    """Hedges in the reporter's voice: words from ``attribution-hedge-words.*`` (kind ``epistemic``
    for the writer's own uncertainty, "probably", « semble », else ``hedge``), the modals "may"
    / "might" (not in the first person), and weasel quantifiers as (the determiner of) a subject
    ("Many consider…", "Some historians…", not "some 300 people")."""
    masked = _mask(sent, quote_spans)
    base = sent.start_char
    out: list[Cue] = []
    for ph, m in phrase_matches("attribution-hedge-words", lang, masked, kinds=True):
        out.append(Cue("epistemic" if ph.kind == "epistemic" else "hedge", base + m.start(), base + m.end(), m.group()))
    modals = MODALS.get(lang, frozenset())
    quants = WEASEL_QUANTIFIERS.get(lang, frozenset())
    for tok in tokens_of(sent):
        if not _outside(tok, quote_spans):
            continue
        low = tok.lower_
        if low in modals and tok.tag_ == "MD":
            subj = [c for c in tok.head.children if c.dep_ in SUBJECT_DEPS]
            if not any(c.lower_ in PERSONAL_SUBJECTS for c in subj):
                out.append(Cue("hedge", tok.idx, tok.idx + len(tok.text), tok.text))
        elif low in quants or low in LOOSE_QUANTIFIERS.get(lang, ()):
            nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            if nxt is not None and (nxt.like_num or _NUMBER.search(nxt.text)):
                continue  # "some 300 people": an approximation, not a weasel
            subject = tok.dep_ in SUBJECT_DEPS or (tok.dep_ in ("det", "amod", "quantmod", "nummod") and tok.head.dep_ in SUBJECT_DEPS)
            if low in LOOSE_QUANTIFIERS.get(lang, ()) and tok.pos_ in ("DET", "ADJ", "PRON", "NOUN") \
                    and not (tok.head.dep_ == "pobj" and tok.head.head.lower_ == "of"):  # "made of many materials"
                subject = subject or not (low == "some" and nxt is not None and nxt.lower_ in ("time", "point", "way", "extent"))
            if subject:
                out.append(Cue("weasel", tok.idx, tok.idx + len(tok.text), tok.text))
    out.sort(key=lambda c: c.start)
    return out
