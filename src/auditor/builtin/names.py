"""Built-in name-consistency rules (the logic lives in :mod:`auditor.names`)."""

from __future__ import annotations

from typing import Iterable

from auditor.hookspec import hookimpl
from auditor.model import Finding
from auditor.names.canonical import canonical_words
from auditor.names.check import describe, find_variants
from auditor.rule import Context, Rule


class InconsistentSpelling(Rule):
    """A name spelled two ways in one article.

    What it does
    ------------
    Collects the names of the article (capitalised word runs and spaCy's entities, in the headline,
    the body, captions and quotations), folds case and accents, and groups the spellings that are
    one name written two ways: a letter swapped, dropped, doubled or replaced by a keyboard
    neighbour, a homophone (« Filippe » / « Philippe »), even when the variant is a dictionary word
    ("Recognition" for the product "Rekognition"). Partial forms (« Nicole Ozer » then « Ozer »),
    titles (« Mme Ozer »), elisions (« d'Amazon ») and possessives ("Amazon's") are the same name;
    a missing accent on a capital (« Etats-Unis ») is typography, not a variant. Each variant is
    reported with the canonical spelling: the newsroom's ``canonical-names`` if configured, else
    the first full mention, else the most frequent spelling.

    It never merges names that are different: "Jean Martin" / "Jeanne Martin", "Paul" / "Paula",
    "Lyon" / "Lyons", "IBM" / "IBS", two surnames introduced with different first names, a first
    name and another person's surname, two dictionary words or known names, two spellings each
    used at least twice. When in doubt it stays quiet.

    Options: ``use_entities`` (default true: spaCy's entities confirm names at the start of a
    sentence), ``min_length`` (4: shorter words are compared only with care),
    ``max_both_frequent`` (2: two spellings each used this often are taken as two names).

    Why it matters
    --------------
    A name spelled two ways is one of the most visible errors in news copy, and spell checkers miss
    it: the variant is often a valid word, and an unusual name is unknown to them either way.
    Readers (and the person named) notice.

    Example
    -------
    ``La styliste Karine Vasseur ouvre une boutique. Selon Mme Vaseur, le loyer a doublé.``

    Instead
    -------
    ``La styliste Karine Vasseur ouvre une boutique. Selon Mme Vasseur, le loyer a doublé.``
    """

    id = "names.inconsistent-spelling"
    category = "names"
    severity = "warning"
    languages = frozenset({"fr", "en"})
    # One defect, one finding: the spell checker and the dictionary rule yield to this one.
    supersedes = ("spelling.", "names.dictionary")
    options = {"use_entities": True, "min_length": 4, "max_both_frequent": 2}

    def check(self, ctx: Context) -> Iterable[Finding]:
        from auditor.names.dictionary import dictionary_canonicals

        config_names = canonical_words(ctx.config.canonical_names)
        listed = canonical_words(dictionary_canonicals(ctx.config))
        variants = find_variants(
            ctx.analysis,
            config_names=config_names,
            listed=listed,
            use_entities=bool(ctx.options.get("use_entities", True)),
            min_length=int(ctx.options.get("min_length", 4)),
            max_both_frequent=int(ctx.options.get("max_both_frequent", 2)),
        )
        for v in variants:
            message, data = describe(v)
            confidence = 0.9 - 0.1 * (v.verdict.distance - 1) - (0.1 if v.token.text and _common(v.token.text) else 0.0)
            yield ctx.finding(
                v.token.field, v.token.start, v.token.end, message,
                suggestions=[v.canonical.spelling], confidence=round(confidence, 2), **data,
            )


def _common(word: str) -> bool:
    from auditor.names.fold import is_common_word

    return is_common_word(word)


@hookimpl
def auditor_rules(config):
    # names.dictionary is a declarative rule file: rules/names/dictionary.toml (type "names").
    return [InconsistentSpelling]
