"""Embedded French agreement rules read on the shared parse: « tout les », « il sont », « leur listes ».

Each rule fires only where the parse and the Hunspell dictionary agree that the number is wrong:
the parse says which « les » is a determiner (« tout les oppose » is correct) and which « leur »
is a pronoun (« il leur donne »); the dictionary says which plural has a distinct singular
(« leur prix », « leur choix » are singular), which verb form is a third person plural
(« sont », « mangent », « étaient ») rather than a singular in -nt (« il ment », « il vient »).
The closed word classes (clitics, plural determiners, possessives) are listed in
``rules/lexicons/grammar-*.fr.txt``.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Iterator

from auditor.backends.hunspell import DictionaryUnavailable, Speller, speller
from auditor.builtin._grammar_fr_parse import feature, nxt, tokens
from auditor.builtin.grammar import GrammarRule, Match, _case_like
from auditor.hookspec import hookimpl
from auditor.resources import lexicon
from auditor.rule import Context

if TYPE_CHECKING:
    from spacy.tokens import Token

_FR = frozenset({"fr"})


@functools.cache
def _clitics() -> frozenset[str]:
    return frozenset(w.replace("’", "'") for w in lexicon("grammar-clitics.fr"))


@functools.cache
def _plural_determiners() -> frozenset[str]:
    return frozenset(lexicon("grammar-plural-determiners.fr"))


@functools.cache
def _possessives() -> dict[str, str]:
    pairs = (entry.split(":") for entry in lexicon("grammar-possessive-plurals.fr"))
    return {sing.strip(): plur.strip() for sing, plur in pairs}


def _low(t: "Token | None") -> str:
    return t.lower_.replace("’", "'") if t is not None else ""


def _speller() -> Speller | None:
    try:
        return speller("fr")
    except DictionaryUnavailable:
        return None


def plural_of_distinct_singular(word: str, sp: Speller) -> bool:
    """Is ``word`` the plural of a noun or adjective whose singular is another word?

    « listes » (liste), « travaux » (travail), « vœux » (vœu) are; « prix », « choix », « avis »,
    « corps », « temps », « fils » (also a singular) are not: the dictionary lists them as their
    own lemma.
    """
    if not word.endswith(("s", "x")) or not sp.known(word):
        return False
    plural = False
    for a in sp.analyses(word):
        stem, _, flags = a.strip().partition(" fl:")
        stem = stem.removeprefix("st:")
        if stem == word:
            return False  # an invariable noun, or a singular reading
        if flags[:1].isupper() and stem != word:
            plural = True
    return plural


class FrToutLes(GrammarRule):
    """« tout » before a plural determiner, for « tous » or « toutes ».

    What it does
    ------------
    Flags « tout » (and « toute ») directly before a plural determiner: « tout les jours »,
    « tout ces mesures », « tout leurs biens » → « tous », « toutes ». The gender of the
    suggestion follows the noun when the parse gives it; otherwise both forms are offered
    (« tout les deux »). « Tout les oppose » (« les » is a pronoun, object of the verb), « pas du
    tout », « le tout » and « après tout » / « malgré tout » (with or without a comma) are left
    alone.

    Why it matters
    --------------
    Before a plural noun « tout » agrees (« tous les », « toutes les »); the singular sounds the
    same and slips through in fast-written copy.

    Example
    -------
    ``Tout les candidats ont été reçus.``

    Instead
    -------
    ``Tous les candidats ont été reçus.``
    """

    id = "grammar.fr-tout-les"
    languages = _FR

    @staticmethod
    def _gender(toks: list["Token"], n: int) -> str:
        """The gender of the noun phrase that starts at ``toks[n]`` (the determiner), or ""."""
        for k in range(1, 5):
            t = nxt(toks, n, k)
            if t is None or t.pos_ in ("PUNCT", "VERB", "AUX", "ADP", "CCONJ"):
                break
            if t.pos_ in ("NOUN", "ADJ", "PRON") and feature(t, "Gender"):
                return feature(t, "Gender")
        return ""

    def matches_in(self, ctx: Context, field: str, text: str) -> Iterator[Match]:
        toks = tokens(ctx, field)
        for n, t in enumerate(toks):
            if _low(t) not in ("tout", "toute"):
                continue
            det, prev = nxt(toks, n), nxt(toks, n, -1)
            if det is None or _low(det) not in _plural_determiners() or det.idx > t.idx + len(t) + 1:
                continue
            if det.pos_ != "DET" or (nxt(toks, n, 2) is not None and nxt(toks, n, 2).pos_ in ("VERB", "AUX")):
                continue  # « tout les oppose », « tout les sépare »: « les » is a pronoun
            if prev is not None and (_low(prev) in ("du", "le", "un", "au", "malgré", "après") or prev.pos_ == "DET"):
                continue  # « pas du tout les mêmes », « le tout », « malgré tout les dispositions… »
            gender = self._gender(toks, n + 1)
            if not gender and _low(t) == "toute":
                gender = "Fem"  # the writer gave the gender: « toute leurs parts »
            forms = {"Masc": ("tous",), "Fem": ("toutes",)}.get(gender, ("tous", "toutes"))
            fixes = tuple(_case_like(t.text, f) for f in forms)
            yield Match(t.idx, t.idx + len(t), f"Before a plural determiner, « tout » agrees: « {' » or « '.join(fixes)} »", fixes)


def third_person_plural(word: str, sp: Speller) -> str:
    """Is ``word`` a third person plural verb form, by the dictionary? ``"plural"``, ``"also"``
    (a plural of one verb and a singular of another: « convient », of « convier » and
    « convenir ») or ``""``.

    The form, once its plural ending is turned into the singular one, must be a form of the same
    verb: « mangent » / « mange », « étaient » / « était », « seront » / « sera », « furent » /
    « fut ». A singular in -nt does not pass: « ment » / « me », « vient » / « vie ».
    """
    low = word.lower()
    if low in ("sont", "ont", "font", "vont"):
        return "plural"
    if not sp.known(low):
        return ""
    if low.endswith("aient"):
        singulars = [low[:-5] + "ait"]
    elif low.endswith("ront"):
        singulars = [low[:-4] + "ra"]
    elif low.endswith("èrent"):
        singulars = [low[:-5] + "a"]
    elif low.endswith(("irent", "urent", "inrent")):
        singulars = [low[:-4] + "t"]
    elif low.endswith("ent"):
        singulars = [low[:-2]]
    else:
        return ""
    lemmas = set(sp.stems(low))
    shared = set().union(*(lemmas & set(sp.stems(s)) for s in singulars if sp.known(s)))
    if not shared:
        return ""
    # Only -enir / -entir verbs have a singular in -ent (« il convient », « il ressent »); another
    # lemma (« étaient » is also of « étayer ») is another plural.
    return "also" if any(lemma.endswith(("enir", "entir")) for lemma in lemmas - shared) else "plural"


class FrPronounVerbNumber(GrammarRule):
    """« il » or « elle » as the subject of a plural verb (« il sont », « elle ont »).

    What it does
    ------------
    Flags the subject pronoun « il » or « elle » directly before a third person plural verb, with
    only a negation or object pronouns between them: « il sont », « elle ont », « Il étaient »,
    « il ne les ont pas ». The verb must be a verb for the parse and a plural form for the
    dictionary, so « il vient », « il ment », « il y a », « il faut » pass. « elle » after a
    preposition or a conjunction is not a subject of the verb (« derrière elle sont arrivés les
    renforts », « lui et elle sont partis ») and is left alone, as are inverted subjects
    (« sont-ils »).

    Why it matters
    --------------
    The plural « s » of « ils », « elles » is silent; its loss is a frequent typo that readers see
    at once, and it leaves the sentence with a subject and verb that disagree.

    Example
    -------
    ``Les députés sont arrivés tôt : il sont reçus à midi.``

    Instead
    -------
    ``Les députés sont arrivés tôt : ils sont reçus à midi.``
    """

    id = "grammar.fr-pronoun-verb-number"
    languages = _FR

    @staticmethod
    def _verb_after(toks: list["Token"], n: int) -> "Token | None":
        """The first token after the pronoun that is not a negation or object clitic."""
        for k in range(1, 5):
            t = nxt(toks, n, k)
            if t is None or _low(t) not in _clitics():
                return t
        return None

    def matches_in(self, ctx: Context, field: str, text: str) -> Iterator[Match]:
        sp = _speller()
        if sp is None:
            return
        toks = tokens(ctx, field)
        for n, t in enumerate(toks):
            low = _low(t)
            if low not in ("il", "elle") or t.text not in ("il", "Il", "elle", "Elle"):
                continue
            prev = nxt(toks, n, -1)
            if low == "elle" and prev is not None and (prev.pos_ in ("ADP", "CCONJ") or _low(prev) in ("comme", "et", "ou", "ni")):
                continue  # « derrière elle sont arrivés… », « lui et elle sont… »
            if prev is not None and prev.text in ("-", "‑") or text[t.idx - 1:t.idx] == "-":
                continue  # « a-t-il », « sont-elle »
            verb = self._verb_after(toks, n)
            if verb is None or verb.pos_ not in ("VERB", "AUX") or verb.text[:1].isupper():
                continue
            number = third_person_plural(verb.text, sp)
            if not number or number == "also" and feature(verb, "Number") != "Plur":
                continue  # « il convient »; (the parse's number leans on the pronoun: « Il accusent »
                # comes out singular, so it decides only between two verbs)
            fix = _case_like(t.text, low + "s")
            yield Match(t.idx, t.idx + len(t), f"« {verb.text} » is plural: write « {fix} » (or make the verb singular)", (fix,))


class FrPossessiveNumber(GrammarRule):
    """« leur », « notre », « votre » before a plural noun, for « leurs », « nos », « vos ».

    What it does
    ------------
    Flags the singular possessives « leur », « notre », « votre » directly before a plural noun,
    or before a plural adjective and a plural noun: « leur listes » → « leurs listes », « notre
    attentes » → « nos attentes », « leur nombreux partisans » → « leurs ». The noun must be
    plural for the parse and the plural of another word for the dictionary, so invariable nouns
    in -s or -x (« leur prix », « leur choix », « leur avis », « leur corps », « leur temps »,
    « leur fils ») pass, and so does the pronoun « leur » before a verb (« il leur donne »).

    Why it matters
    --------------
    The plural mark of the possessive is silent; writers drop it when the noun is far from the
    owner, and the phrase then disagrees with itself.

    Example
    -------
    ``Les communes ont publié leur listes électorales.``

    Instead
    -------
    ``Les communes ont publié leurs listes électorales.``
    """

    id = "grammar.fr-possessive-number"
    languages = _FR

    @staticmethod
    def _plural(t: "Token | None", sp: Speller) -> bool:
        """A plural noun, or an adjective used as one (« leur poursuivantes »: the parse may call it
        singular, the dictionary knows better)."""
        if t is None or not t.text.islower() or t.pos_ not in ("NOUN", "ADJ"):
            return False
        # The parse's number leans on the singular determiner (« leur vœux » comes out singular);
        # its lemma still shows the plural ending it removed (« vœux » → « vœu »).
        inflected = feature(t, "Number") == "Plur" or t.lemma_.lower() != t.lower_
        return (t.pos_ == "ADJ" or inflected) and plural_of_distinct_singular(t.text, sp)

    @classmethod
    def _plural_phrase(cls, a: "Token | None", b: "Token | None", sp: Speller) -> bool:
        """« listes », or « nombreux partisans » (a plural adjective then a plural noun)."""
        if a is not None and a.pos_ == "ADJ" and b is not None and b.pos_ == "NOUN":
            return a.text.endswith(("s", "x")) and feature(a, "Number") != "Sing" and cls._plural(b, sp)
        return cls._plural(a, sp)

    def matches_in(self, ctx: Context, field: str, text: str) -> Iterator[Match]:
        sp = _speller()
        if sp is None:
            return
        toks = tokens(ctx, field)
        table = _possessives()
        for n, t in enumerate(toks):
            low = _low(t)
            if low not in table or t.pos_ != "DET":
                continue
            prev = nxt(toks, n, -1)
            if low == "leur" and prev is not None and (prev.pos_ == "PRON" or _low(prev) in _clitics()):
                continue  # « il leur donne », « ne leur parle »
            a, b = nxt(toks, n), nxt(toks, n, 2)
            if not self._plural_phrase(a, b, sp):
                continue
            fix = _case_like(t.text, table[low])
            yield Match(t.idx, t.idx + len(t), f"The noun is plural: write « {fix} »", (fix,))


RULES = [FrToutLes, FrPronounVerbNumber, FrPossessiveNumber]


@hookimpl
def auditor_rules(config):
    return RULES
