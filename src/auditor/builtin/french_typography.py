"""French typography rules: accents on capitals (decided with the dictionary) and the spaces
French puts before high punctuation and inside guillemets (opt-in)."""

from __future__ import annotations

from typing import Iterable

import regex

from auditor.backends.hunspell import DictionaryUnavailable, speller
from auditor.hookspec import hookimpl
from auditor.language_checks.spelling import TOKEN, Vocabulary, masked_ranges
from auditor.model import Finding
from auditor.rule import Context, Rule

_ACCENTED = {"E": "ÉÈÊ", "A": "ÀÂ", "I": "Î", "O": "Ô", "U": "Û", "C": "Ç"}
# A standalone capital A at the start of a sentence, a line, a quotation or after a colon.
_SENTENCE_A = regex.compile(r"(?:^|(?<=[.!?…:;«“\"(\n]\s*)|(?<=^\s+))A(?=[ \u00a0\u202f]+[\p{Ll}\d])", regex.M)


class AccentedCapital(Rule):
    """A capital letter written without the accent the word needs.

    What it does
    ------------
    Flags capitalised words that the dictionary knows only with an accented capital:
    « Etats-Unis » (États-Unis), « Ecole » (École), « Egypte » (Égypte), « Etat » (État). The
    decision is the dictionary's: a word is flagged only when its unaccented form is unknown and
    the accented one is known. The preposition « À » is flagged where a capital « A » stands alone
    at the start of a sentence, a line or a quotation (« A lire aussi », « A 20 ans, il… »): the
    verb « a » cannot start a French sentence without a subject (« A-t-il » is left alone).
    Words in the newsroom vocabulary are left alone (an organisation that writes its own name
    without the accent).

    Why it matters
    --------------
    In French, capitals keep their accents (Académie française, Imprimerie nationale); the missing
    accent is a legacy of typewriters and reads as careless in print, and it can change the word
    (« A » is the verb, « À » the preposition).

    Example
    -------
    ``Les Etats membres se réunissent. A lire aussi : notre dossier.``

    Instead
    -------
    ``Les États membres se réunissent. À lire aussi : notre dossier.``
    """

    id = "typography.accented-capital"
    category = "typography"
    severity = "warning"
    languages = frozenset({"fr"})
    # One defect, one finding: the spelling rule and the grammar backends see the same « Etats ».
    supersedes = ("spelling.", "grammar.grammalecte", "grammar.languagetool", "grammar.fr-confusion")

    def check(self, ctx: Context) -> Iterable[Finding]:
        try:
            sp = speller("fr")
        except DictionaryUnavailable:
            return
        vocab = Vocabulary([*ctx.config.vocabulary, *ctx.config.canonical_names])
        for field in self.fields:
            text = ctx.text(field)
            masks = masked_ranges(text)
            for m in TOKEN.finditer(text):
                pos = m.start()
                for part in m.group().split("-"):
                    start, end = pos, pos + len(part)
                    pos = end + 1
                    elided = regex.match(r"^\p{L}{1,7}['’]", part)  # l'Etat, d'Egypte
                    if elided:
                        start += elided.end()
                        part = part[elided.end():]
                    if len(part) < 2 or part[0] not in _ACCENTED or not part[1:].islower():
                        continue
                    if any(s <= start < e for s, e in masks) or vocab.accepts(part) or sp.known(part):
                        continue
                    fixed = [c + part[1:] for c in _ACCENTED[part[0]] if sp.known(c + part[1:])]
                    if fixed:
                        yield ctx.finding(
                            field, start, end,
                            f"Capitals keep their accents in French: « {fixed[0]} »",
                            suggestions=fixed, confidence=0.95,
                        )
            for m in _SENTENCE_A.finditer(text):
                if any(s <= m.start() < e for s, e in masks):
                    continue
                yield ctx.finding(
                    field, m.start(), m.end(),
                    "Capitals keep their accents in French: the preposition is « À »",
                    suggestions=["À"], confidence=0.9,
                )


# Punctuation that takes a space before it in French, and the guillemets.
_NO_SPACE_BEFORE = regex.compile(r"(?<=[\p{L}\p{N}\)»\]’'%€$])(?P<p>[;:!?]+|»)")
_NO_SPACE_AFTER = regex.compile(r"«(?=[\p{L}\p{N}])")
_ORDINARY_SPACE_BEFORE = regex.compile(r"(?<=\S)(?P<s> )(?=[;:!?»])|(?<=«)(?P<s> )(?=\S)")


class FrenchSpacing(Rule):
    """A missing space before « ; : ! ? » or inside guillemets (opt-in).

    What it does
    ------------
    Flags high punctuation (; : ! ?) and a closing guillemet » glued to the word before them,
    and an opening guillemet « glued to the word after it. With the option
    ``require_nbsp = true`` it also flags an ordinary space there (French typography wants a
    no-break space, narrow before ; ! ?). Times (12:30), URLs and "?!" runs are left alone.

    The rule is off by default: many CMSs insert these spaces themselves. Enable it with
    ``enable = ["typography.french-spacing"]``.

    Why it matters
    --------------
    French typography separates these signs from the word; without a no-break space a line can
    also break before the sign and leave it alone at the start of a line.

    Example
    -------
    ``Le maire a dit: «Nous verrons!»``

    Instead
    -------
    ``Le maire a dit : « Nous verrons ! »`` (with no-break spaces)
    """

    id = "typography.french-spacing"
    category = "typography"
    severity = "info"
    languages = frozenset({"fr"})
    enabled_by_default = False
    options = {"require_nbsp": False}

    def check(self, ctx: Context) -> Iterable[Finding]:
        for field in self.fields:
            text = ctx.text(field)
            masks = masked_ranges(text)

            def masked(i: int) -> bool:
                return any(s <= i < e for s, e in masks)

            for m in _NO_SPACE_BEFORE.finditer(text):
                p = m.group("p")
                if masked(m.start()):
                    continue
                if p.startswith(":") and m.end() < len(text) and text[m.end()].isdigit():
                    continue  # 12:30, 3:1
                nb = "\u00a0" if p in (":", "»") else "\u202f"
                yield ctx.finding(field, m.start(), m.end(), f"French puts a no-break space before « {p[0]} »",
                                  suggestions=[nb + p])
            for m in _NO_SPACE_AFTER.finditer(text):
                if not masked(m.start()):
                    yield ctx.finding(field, m.start(), m.end(), "French puts a no-break space after « « »",
                                      suggestions=["«\u00a0"])
            if ctx.options.get("require_nbsp"):
                for m in _ORDINARY_SPACE_BEFORE.finditer(text):
                    if not masked(m.start()):
                        yield ctx.finding(field, m.start(), m.end(), "Use a no-break space here, not an ordinary one",
                                          suggestions=["\u00a0"])


@hookimpl
def auditor_rules(config):
    return [AccentedCapital, FrenchSpacing]
