"""Embedded French rules for words that sound like the right one: « quelque soit », « ce sont
mobilisés », « il conclu », « nous débuterons » after « si » + imperfect.

Each reads the shared parse where the spelling alone cannot decide: the gender of the noun after
« quel que soit », the participle after « ce sont », the subject before « conclu ». Verb forms
come from the Hunspell dictionary (« exclut » is a form of « exclure »), not from a list.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Iterator

import regex

from auditor.backends.hunspell import Speller
from auditor.builtin._grammar_fr_parse import by_start, feature, nxt, tokens
from auditor.builtin.grammar import GrammarRule, Match, _case_like
from auditor.builtin.grammar_fr_agreement import _clitics, _low, _speller
from auditor.hookspec import hookimpl
from auditor.language_checks.grammar_fr import participle_of
from auditor.resources import lexicon
from auditor.rule import Context

if TYPE_CHECKING:
    from spacy.tokens import Token

_FR = frozenset({"fr"})
_SP = r"[\s\u00a0]+"


class FrQuelQueSoit(GrammarRule):
    """« quelque soit » for « quel que soit » (and « quelques soient » for « quels que soient »).

    What it does
    ------------
    Flags « quelque soit », « quelques soient » and their mixes, where the concessive phrase is
    written in three words and « quel » agrees with the noun that follows: « quel que soit le
    résultat », « quelle que soit la décision », « quels que soient les risques », « quelles que
    soient les mesures ». The number comes from the verb; the gender from the noun when the
    parse gives it (otherwise both forms are suggested).

    Why it matters
    --------------
    « Quelque » (some, about) is a different word; « quelque soit » is among the most frequent
    errors of French copy, and readers who know the rule notice it.

    Example
    -------
    ``Quelque soit la décision du tribunal, le chantier reprendra.``

    Instead
    -------
    ``Quelle que soit la décision du tribunal, le chantier reprendra.``
    """

    id = "grammar.fr-quel-que-soit"
    languages = _FR
    _PATTERN = regex.compile(rf"(?<![\p{{L}}\-])(?P<x>(?P<q>quelques?){_SP}(?P<v>soit|soient|fût|fussent))(?![\p{{L}}'’\-])", regex.I)

    @staticmethod
    def _gender(after: "Token | None", doc) -> str:
        """The gender of the first noun (or gendered determiner) after the verb."""
        if after is None:
            return ""
        for t in doc[after.i:after.i + 5]:
            if t.pos_ in ("PUNCT", "VERB", "AUX", "CCONJ") and t.i > after.i:
                break
            if t.pos_ in ("NOUN", "PRON") and feature(t, "Gender"):
                return feature(t, "Gender")
        return ""

    def matches_in(self, ctx: Context, field: str, text: str) -> Iterator[Match]:
        for m in self._PATTERN.finditer(text):
            starts, doc_toks = by_start(ctx, field), ctx.analysis.doc(field)  # only once there is a match
            verb = m.group("v")
            plural = verb.lower() in ("soient", "fussent")
            after = next((t for t in doc_toks[starts[m.start("v")].i + 1:] if not t.is_space), None) \
                if m.start("v") in starts else None
            gender = self._gender(after, doc_toks)
            forms = {"Masc": ("quel",), "Fem": ("quelle",)}.get(gender, ("quel", "quelle"))
            fixes = tuple(_case_like(m.group("q"), f + ("s" if plural else "") + " que " + verb) for f in forms)
            yield Match(m.start("x"), m.end("x"), f"Write « {' » or « '.join(fixes)} » in three words, agreeing with the noun", fixes)


def is_participle(t: "Token", sp: Speller) -> bool:
    """A past participle by the dictionary (« mobilisés », « produites ») or by the parse."""
    low = t.lower_
    if t.pos_ in ("VERB", "AUX") and feature(t, "VerbForm") == "Part":
        return True
    if not sp.known(low):
        return False
    base = low[:-1] if low.endswith("s") else low
    base = base[:-1] if base.endswith("e") else base
    return any(participle_of(lemma, sp) == base for lemma in sp.stems(low))


class FrSeSont(GrammarRule):
    """« ce sont » written for the reflexive « se sont » before a past participle.

    What it does
    ------------
    Flags « ce » in « ce sont » followed (after an adverb at most) by a past participle: « les
    prix ce sont envolés » → « se sont envolés », « ils ce sont vu refuser ». « Ce sont des
    élus », « ce sont eux », « ce sont là des… » (a noun phrase after the presentative) are
    left alone.

    Why it matters
    --------------
    « ce » and « se » sound the same; « ce sont » + participle reads as a broken sentence, and
    the pronominal verb loses its subject.

    Example
    -------
    ``Les manifestants ce sont rassemblés devant la mairie.``

    Instead
    -------
    ``Les manifestants se sont rassemblés devant la mairie.``
    """

    id = "grammar.fr-se-sont"
    languages = _FR

    def matches_in(self, ctx: Context, field: str, text: str) -> Iterator[Match]:
        sp = _speller()
        if sp is None:
            return
        toks = tokens(ctx, field)
        for n, t in enumerate(toks):
            if _low(t) != "ce" or _low(nxt(toks, n)) != "sont":
                continue
            part = nxt(toks, n, 2)
            if part is not None and part.pos_ == "ADV" and _low(part) not in ("là",):
                part = nxt(toks, n, 3)
            if part is None or not part.text.islower() or part.pos_ in ("DET", "PRON", "NUM", "ADP"):
                continue
            if not is_participle(part, sp):
                continue
            fix = _case_like(t.text, "se")
            yield Match(t.idx, t.idx + len(t), f"Before the participle « {part.text} », the reflexive pronoun is « {fix} »", (fix,))


def _clure_present(word: str, sp: Speller) -> str | None:
    """The present « exclut » for the participle « exclu » (« inclu », « conclu »…), or None."""
    low = word.lower()
    if low.endswith("us"):
        return None  # « j'exclus », « les exclus »: a correct form and a noun
    present = low + "t"
    if not low.endswith("u") or not sp.known(present):
        return None
    return present if any(lemma.endswith("clure") for lemma in sp.stems(present)) else None


class FrCluPresent(GrammarRule):
    """« exclu », « conclu », « inclu » (the participle) for the present « exclut », « conclut », « inclut ».

    What it does
    ------------
    Flags the participle of *exclure*, *conclure*, *inclure* (and the other -clure verbs) where a
    conjugated verb is needed: right after the subject pronoun (« il conclu », « elle inclu »,
    « qui exclu »), after the negation (« il n'exclu pas »), or after a noun subject before
    « que » (« le rapport conclu que… »). The suggestion follows the subject: « exclut », or
    « exclus » after « je », « tu ». « Il a exclu », « il n'est pas exclu que », « l'accord conclu
    hier » are left alone.

    Why it matters
    --------------
    The three forms sound alike and the final -t is silent; without it the sentence has no verb.

    Example
    -------
    ``Le ministre n'exclu pas une hausse des taxes.``

    Instead
    -------
    ``Le ministre n'exclut pas une hausse des taxes.``
    """

    id = "grammar.fr-clure-present"
    languages = _FR
    _SUBJECTS = {"il": "t", "elle": "t", "on": "t", "qui": "t", "cela": "t", "ça": "t", "ceci": "t", "je": "s", "j'": "s", "tu": "s"}

    def _person(self, toks: list["Token"], n: int, sp_known) -> str | None:
        """``t`` or ``s`` (the ending the subject asks for), or None when no subject is in sight."""
        if _low(nxt(toks, n)) in ("-il", "-elle", "-on"):
            return "t"  # « conclu-il » (inverted subject)
        k, negated = n - 1, False
        while k >= 0 and _low(toks[k]) in _clitics():
            negated = negated or _low(toks[k]) in ("ne", "n'")
            k -= 1
        subj = _low(toks[k]) if k >= 0 else ""
        if subj in self._SUBJECTS:
            return self._SUBJECTS[subj]
        if negated and k >= 0 and toks[k].pos_ in ("NOUN", "PROPN"):
            return "t"  # « le ministre n'exclu pas »
        if k == n - 1 and k >= 0 and toks[k].pos_ in ("NOUN", "PROPN") and (
                _low(nxt(toks, n)) in ("que", "qu'") or not sp_known(toks[n].lower_)):
            return "t"  # « le rapport conclu que… », « le ministère inclu… » (« inclu » is no word)
        return None

    def matches_in(self, ctx: Context, field: str, text: str) -> Iterator[Match]:
        sp = _speller()
        if sp is None:
            return
        toks = tokens(ctx, field)
        for n, t in enumerate(toks):
            present = _clure_present(t.text, sp) if t.text.islower() else None
            if present is None:
                continue
            ending = self._person(toks, n, sp.known)
            if ending is None:
                continue
            fix = present[:-1] + ending
            yield Match(t.idx, t.idx + len(t), f"Here the verb is conjugated: « {fix} » (« {t.text} » is the participle)", (fix,))


#: Future endings and the conditional ending of the same person (« -rons » → « -rions »).
_FUTURE_TO_CONDITIONAL = (("rons", "rions"), ("riez", ""), ("rez", "riez"), ("ront", "raient"),
                          ("rai", "rais"), ("ras", "rais"), ("ra", "rait"))


def conditional_for_future(t: "Token", sp: Speller) -> str | None:
    """The conditional of the future ``t`` (« débuterons » → « débuterions »), or None.

    The form must be a future: built on the infinitive (« débuter-ons », « prendr-ons ») or read
    as one by the parse (« serons », « pourrons »), so « espérons » or « courons » (presents
    whose imperfect looks like a conditional) are not taken for one.
    """
    low = t.lower_
    for fut, cond in _FUTURE_TO_CONDITIONAL:
        if not low.endswith(fut):
            continue
        if not cond:
            return None  # « -riez » is already a conditional (or an imperfect)
        base = low[: -len(fut)]
        lemmas = set(sp.stems(low))
        regular = any(lemma in (base + "r", base + "re") for lemma in lemmas)
        if not (regular or feature(t, "Tense") == "Fut"):
            return None
        form = base + cond
        return form if sp.known(form) and lemmas & set(sp.stems(form)) else None
    return None


@functools.cache
def _si_contrast() -> frozenset[str]:
    return frozenset(w.replace("’", "'") for w in lexicon("grammar-si-contrast.fr"))


@functools.cache
def _months() -> frozenset[str]:
    return frozenset(lexicon("attribution-months.fr"))


class FrSiConditional(GrammarRule):
    """A future in the main clause of « si » + imperfect, where the conditional belongs.

    What it does
    ------------
    Flags the verb of the main clause when a sentence opens with a « si » clause in the
    imperfect (or pluperfect) and the main clause, after the comma, is in the future: « Si nous
    pouvions, nous débuterons » → « débuterions », « S'il pleuvait, le match sera annulé » →
    « serait ». The si-clause must open the sentence; « même si… », and si-clauses that speak of
    a real past (« si la ville était hier un bastion, elle sera demain disputée »: time words
    listed in ``rules/lexicons/grammar-si-contrast.fr.txt``, a month or a year) are left alone,
    as is « si » + present (« s'il pleut, le match sera annulé »).

    Why it matters
    --------------
    After « si » + imperfect the consequence is hypothetical and takes the conditional; the
    future and the conditional of the first person plural differ by one silent letter
    (« -rons », « -rions »), so the slip is frequent in quoted speech.

    Example
    -------
    ``Si nous avions les fonds, nous débuterons les travaux en mai.``

    Instead
    -------
    ``Si nous avions les fonds, nous débuterions les travaux en mai.``
    """

    id = "grammar.fr-si-conditional"
    languages = _FR
    confidence = 0.7

    @staticmethod
    def _si_clause(sent) -> "tuple[list[Token], int] | None":
        """The tokens of the opening « si » clause and the index (in ``sent``) after its comma."""
        k = 0
        while k < len(sent) and (sent[k].is_punct or sent[k].is_space or sent[k].lower_ in ("et", "mais", "or")):
            k += 1
        if k >= len(sent) or sent[k].lower_.replace("’", "'") not in ("si", "s'"):
            return None
        for j in range(k + 1, len(sent)):
            if sent[j].text == ",":
                return list(sent[k + 1:j]), j + 1
            if sent[j].text in (";", ":", "?", "!", "«", "»", "—"):
                return None
        return None

    @staticmethod
    def _imperfect(t: "Token", sp: Speller) -> bool:
        """An imperfect by its ending and by the parse or the dictionary (the parse may read
        « gagnions » as an adjective). « étudions » (present of « étudier ») is not one.

        (The first person plural « étions », « avions » of the auxiliaries are taken as they are.)
        """
        low = t.lower_
        if not low.endswith(("ais", "ait", "aient", "ions", "iez")):
            return False  # every imperfect ends so (the parse may call « daigne » one)
        if t.pos_ in ("VERB", "AUX") and feature(t, "Tense") == "Imp" and feature(t, "Mood") == "Ind":
            return True
        if low in ("avions", "aviez", "étions", "étiez"):
            return True  # « si nous avions… »: the parse may read the noun « avions »
        if not t.text.islower() or not sp.known(low):
            return False
        lemmas = [lemma for lemma in sp.stems(low) if lemma.endswith(("er", "ir", "re", "oir"))]
        if low.endswith(("ais", "ait", "aient")):
            return bool(lemmas)
        return any(lemma.endswith("er") and low in (lemma[:-2] + "ions", lemma[:-2] + "iez") for lemma in lemmas)

    def matches_in(self, ctx: Context, field: str, text: str) -> Iterator[Match]:
        sp = _speller()
        if sp is None:
            return
        for sent in ctx.analysis.doc(field).sents:
            found = self._si_clause(sent)
            if found is None:
                continue
            clause, after = found
            first = next((t for t in clause if t.pos_ in ("VERB", "AUX") and feature(t, "VerbForm") == "Fin"
                          or self._imperfect(t, sp)), None)
            if first is None or not self._imperfect(first, sp):
                continue  # the si-clause's verb is not an imperfect (« s'ils n'ont ne serait-ce… »)
            if any(t.lower_.replace("’", "'") in _si_contrast() or t.lower_ in _months() or regex.fullmatch(r"1[89]\d\d|20\d\d", t.text)
                   for t in clause):
                continue  # « si la ville était hier… », « …en 2019 »: a real past, not a hypothesis
            verb = next((t for t in sent[after:] if t.pos_ in ("VERB", "AUX") and feature(t, "VerbForm") == "Fin"), None)
            if verb is None or any(t.text in (";", ":", "«", "»") for t in sent[after:verb.i - sent.start]):
                continue
            fix = conditional_for_future(verb, sp)
            if fix is None:
                continue
            yield Match(verb.idx, verb.idx + len(verb), f"After « si » + imperfect, the consequence takes the conditional: « {fix} »", (fix,))


RULES = [FrQuelQueSoit, FrSeSont, FrCluPresent, FrSiConditional]


@hookimpl
def auditor_rules(config):
    return RULES
