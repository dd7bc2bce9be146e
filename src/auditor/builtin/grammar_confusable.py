"""Confusable words decided by a context model: its/it's, their/there/they're, à/a, où/ou…

The pattern rules of :mod:`auditor.builtin.grammar` and :mod:`auditor.builtin.grammar_confusions`
catch the confusions whose context leaves one reading ("it's own", "could of"); the rest depends
on the whole neighbourhood, which a small model reads better than a list of patterns. The model and
its thresholds live in :mod:`auditor.language_checks.confusion`; these rules only turn its verdicts
into findings. A pattern rule that flags the same words wins (it carries the more precise message).
"""

from __future__ import annotations

from typing import ClassVar, Iterator

from auditor.builtin.grammar import GrammarRule, Match, _case_like
from auditor.builtin.grammar_confusions import _tokens
from auditor.hookspec import hookimpl
from auditor.language_checks import confusion
from auditor.rule import Context


class _ConfusionRule(GrammarRule):
    """Base: the shipped model of the rule's language, verdicts turned into findings."""

    lang: ClassVar[str] = ""
    # The pattern rules (which supersede this one) carry the more precise message on the same words.
    supersedes = ("grammar.languagetool", "grammar.grammalecte")
    options = {"threshold-scale": 1.0, "sets": None}

    def matches_in(self, ctx: Context, field: str, text: str) -> Iterator[Match]:
        models = confusion.load_models(self.lang)
        wanted = ctx.options.get("sets")
        if wanted:
            models = tuple(m for m in models if m.set.name in wanted)
        if not models:
            return
        toks = _tokens(ctx, field)
        scale = float(ctx.options.get("threshold-scale") or 1.0)
        for v in confusion.suspicious(toks, models, self.lang, scale):
            occ = v.occurrence
            first, last = toks[occ.i], toks[occ.j - 1]
            start, end = first.idx, last.idx + len(last.text)
            written = text[start:end]
            fix = _case_like(written, v.suggestion)
            yield Match(start, end, self.message(written, fix), (fix,), "warning" if v.sure else "info",
                        round(v.probabilities[v.suggestion], 3))

    @staticmethod
    def message(written: str, fix: str) -> str:  # pragma: no cover - overridden
        raise NotImplementedError


class EnConfusion(_ConfusionRule):
    """A word swapped for its sound-alike, read from the words around it (its/it's, then/than…).

    What it does
    ------------
    Checks every "its", "it's", "their", "there", "they're", "your", "you're", "whose", "who's",
    "then", "than", "to" and "too" (not in capitals: acronyms, shouted headlines) against a small model of the context: the two words on each
    side, their parts of speech, and how the parser read the sentence. When the word written is
    very unlikely there and its sound-alike fits ("it's founder", "more then half", "their was",
    "to many"), it suggests the sound-alike. The sets are listed in
    ``rules/lexicons/grammar-confusion-sets.en.txt``; the model is trained by
    ``benchmarks/confusion_train.py`` on clean real news (the tune halves), with a threshold that
    keeps its false alarms under 0.02 per 1,000 words for each set; the findings it is surest of
    are warnings, the others info. Options: ``threshold-scale`` (below 1: fewer, surer
    findings) and ``sets`` (a list of set names such as ``"its/it's"`` to check only those).

    Why it matters
    --------------
    These swaps are invisible to a spelling checker (both words exist) and are the errors readers
    notice first; a copy desk catches them by reading the context, as this rule does.

    Example
    -------
    ``The company said it's founder earned more then the board, and their was no vote.``

    Instead
    -------
    ``The company said its founder earned more than the board, and there was no vote.``
    """

    id = "grammar.en-confusion"
    languages = frozenset({"en"})
    lang = "en"

    @staticmethod
    def message(written: str, fix: str) -> str:
        return f"The words around it call for \"{fix}\", not \"{written}\""


class FrConfusion(_ConfusionRule):
    """A word swapped for its homophone, read from the words around it (a/à, ou/où, ce/se).

    What it does
    ------------
    Checks every « a », « à », « ou », « où », « ce » and « se » against a small
    model of the context: the two words on each side, their parts of speech and verb forms, and
    how the parser read the sentence. When the word written is very unlikely there and its
    homophone fits (« a la mairie », « le ministre à annoncé », « la ville ou il est né », « il
    faut ce préparer »), it suggests the homophone. Words in capitals (« CE », a shouted headline)
    are left alone. The sets are listed in
    ``rules/lexicons/grammar-confusion-sets.fr.txt``; the model is trained by
    ``benchmarks/confusion_train.py`` on clean French Wikinews (the tune half), with a threshold
    that keeps its false alarms under 0.02 per 1,000 words for each set; the findings it is surest
    of are warnings, the others info. Options: ``threshold-scale`` and ``sets`` (e.g. ``["a/à"]``).

    Why it matters
    --------------
    The accent that separates « à » from « a » and « où » from « ou » is the most frequent slip of
    fast-typed French copy (a missing dead key), and the spelling checker cannot see it.

    Example
    -------
    ``Les élus se sont réunis a la mairie, ou ils ce sont opposés au projet.``

    Instead
    -------
    ``Les élus se sont réunis à la mairie, où ils se sont opposés au projet.``
    """

    id = "grammar.fr-confusion"
    languages = frozenset({"fr"})
    lang = "fr"

    @staticmethod
    def message(written: str, fix: str) -> str:
        return f"The words around it call for « {fix} », not « {written} »"


RULES = [EnConfusion, FrConfusion]


@hookimpl
def auditor_rules(config):
    return RULES
