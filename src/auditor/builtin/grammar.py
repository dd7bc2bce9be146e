"""Embedded grammar rules, French and English, tuned for precision.

Each rule is small: a pattern for a frequent error of news copy, with its own documentation and
test cases (``tests/rule_cases/grammar.*.yml``). Errors inside direct quotations are reported
with ``info`` severity (they may be the speaker's words). The French participle rules use the
Hunspell dictionary's lemmas (:mod:`auditor.language_checks.grammar_fr`) rather than verb lists.
"""

from __future__ import annotations

from typing import ClassVar, Iterable, Iterator, NamedTuple

import regex

from auditor.backends.hunspell import DictionaryUnavailable, speller
from auditor.hookspec import hookimpl
from auditor.language_checks import grammar_fr
from auditor.language_checks.spelling import SIC as _SIC  # one "[sic]" marker for spelling and grammar
from auditor.model import Finding
from auditor.rule import Context, Rule

_SP = r"[\s\u00a0\u202f]+"
_APOS = "['’]"


class Match(NamedTuple):
    start: int
    end: int
    message: str
    suggestions: tuple[str, ...]
    severity: str | None = None  # None: the rule's severity
    confidence: float | None = None  # None: the rule's confidence


def _case_like(template: str, replacement: str) -> str:
    """« En terme de » → « En termes de »: keep an initial capital."""
    if template[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


class GrammarRule(Rule):
    """Base of the embedded grammar rules: subclasses yield :class:`Match` from :meth:`matches`."""

    category = "grammar"
    severity = "warning"
    confidence: ClassVar[float] = 0.9
    # The embedded rule's finding (with its documentation) wins over a backend's on the same words.
    supersedes = ("grammar.languagetool", "grammar.grammalecte", "grammar.en-confusion", "grammar.fr-confusion")

    def matches(self, ctx: Context, text: str) -> Iterator[Match]:  # pragma: no cover - interface
        raise NotImplementedError

    def matches_in(self, ctx: Context, field: str, text: str) -> Iterator[Match]:
        """The matches in one field; rules that read the parse (``ctx.analysis.doc(field)``) override this."""
        return self.matches(ctx, text)

    def check(self, ctx: Context) -> Iterable[Finding]:
        for field in self.fields:
            text = ctx.text(field)
            if not text:
                continue
            seen: set[tuple[int, int]] = set()
            for m in self.matches_in(ctx, field, text):
                if (m.start, m.end) in seen or _SIC.match(text, m.end):
                    continue  # "it it [sic]": the writer marks the error as the source's
                seen.add((m.start, m.end))
                quoted = ctx.analysis.in_quote(field, m.start, m.end)
                message = m.message + (" (inside a quotation: it may be the speaker's wording)" if quoted else "")
                yield ctx.finding(
                    field, m.start, m.end, message, suggestions=m.suggestions,
                    severity="info" if quoted else m.severity,
                    confidence=self.confidence if m.confidence is None else m.confidence, quoted=quoted,
                )


class PatternRule(GrammarRule):
    """A grammar rule made of regular expressions; group ``x`` (or the whole match) is the span."""

    patterns: ClassVar[list[tuple[str, str, str]]] = []  # (pattern, replacement, message)
    _compiled: ClassVar[list[tuple[regex.Pattern[str], str, str]] | None] = None

    @classmethod
    def compiled(cls) -> list[tuple[regex.Pattern[str], str, str]]:
        if cls.__dict__.get("_compiled") is None:
            # "(?-f)": simple case folding; V1's default full folding (ß = ss) costs 2.5x the time
            # and no pattern needs it.
            cls._compiled = [(regex.compile("(?-f)" + p, regex.IGNORECASE | regex.V1), r, msg) for p, r, msg in cls.patterns]
        return cls._compiled  # type: ignore[return-value]

    def matches(self, ctx: Context, text: str) -> Iterator[Match]:
        for pattern, replacement, message in self.compiled():
            for m in pattern.finditer(text):
                group = "x" if "x" in pattern.groupindex else 0
                start, end = m.span(group)
                found = m.group(group)
                repl = m.expand(replacement) if "\\" in replacement else replacement
                repl = _case_like(found, repl)
                yield Match(start, end, message.format(match=found, fix=repl), (repl,))


# ---------------------------------------------------------------------------------------------
# French
# ---------------------------------------------------------------------------------------------


class FrPastParticiple(GrammarRule):
    """A conjugated verb written where the past participle belongs, after « avoir ».

    What it does
    ------------
    Flags a present or past-historic form written after the auxiliary *avoir* where the past
    participle is needed: « a réagit » (réagi), « a finit » (fini), « a prit » (pris), « a mit »
    (mis), and an infinitive after a plural or first-person *avoir* (« ils ont manger » →
    « mangé »). Adverbs and an inverted subject may stand between them (« n'a pas réagit »,
    « a-t-il finit »). The verb's lemma comes from the Hunspell dictionary, so the rule covers
    every regular verb, not a list.

    Why it matters
    --------------
    Participles of the second group sound the same as their present forms, so this is one of the
    most frequent errors of fast-written copy, and one of the most visible to readers.

    Example
    -------
    ``Le ministre a réagit dans la soirée.``

    Instead
    -------
    ``Le ministre a réagi dans la soirée.``
    """

    id = "grammar.fr-past-participle"
    languages = frozenset({"fr"})

    def matches(self, ctx: Context, text: str) -> Iterator[Match]:
        try:
            sp = speller("fr")
        except DictionaryUnavailable:
            return
        for hit in grammar_fr.participle_errors(text, sp):
            yield Match(hit.start, hit.end, hit.message, (hit.suggestion,))


class FrParticipleAgreement(GrammarRule):
    """A singular past participle after a plural subject and « être ».

    What it does
    ------------
    Flags a singular participle after a plural form of *être* (passive voice or compound tense):
    « ils ont été invité » (invités), « les élèves sont arrivé » (arrivés), « trois maisons ont
    été détruite » (détruites). « ont été », « avaient été », « sont », « étaient », « seront »…
    are third person plural forms only, so the subject is plural whatever it is. The reflexive
    « se sont » is left alone (« ils se sont dit », « elles se sont succédé »: the participle may
    stay invariable), and so are « ce sont » and the participles in -s or -x (« mis », « pris »).

    Why it matters
    --------------
    With *être* the participle agrees with the subject; a missing plural mark is a common slip
    when the subject and the participle are far apart.

    Example
    -------
    ``Les délégués ont été invité au sommet.``

    Instead
    -------
    ``Les délégués ont été invités au sommet.``
    """

    id = "grammar.fr-participle-agreement"
    languages = frozenset({"fr"})
    confidence = 0.8

    def matches_in(self, ctx: Context, field: str, text: str) -> Iterator[Match]:
        from auditor.builtin._grammar_fr_parse import by_start, feature

        try:
            sp = speller("fr")
        except DictionaryUnavailable:
            return
        starts = by_start(ctx, field)

        def participle(start: int, word: str) -> bool:
            """The parse reads a singular participle (« construite », « venu ») of a verb the
            dictionary knows (not « elles sont bleu saphir », which the parse may call a verb)."""
            t = starts.get(start)
            return (t is not None and t.text == word and t.pos_ in ("VERB", "AUX")
                    and feature(t, "VerbForm") == "Part" and feature(t, "Number") != "Plur"
                    and t.lemma_.endswith(("er", "ir", "re", "oir")) and t.lemma_ in sp.stems(word.lower()))

        for hit in grammar_fr.passive_agreement_errors(text, sp, participle):
            yield Match(hit.start, hit.end, hit.message, (hit.suggestion,))


class FrEnTermesDe(PatternRule):
    """« en terme de » for the fixed phrase « en termes de ».

    What it does
    ------------
    Flags « en terme de » and « en terme d' », where the set phrase is plural: « en termes de ».

    Why it matters
    --------------
    The singular is a frequent error in business and political copy, and dictionaries and style
    guides list it as one.

    Example
    -------
    ``Le bilan est bon en terme de fréquentation.``

    Instead
    -------
    ``Le bilan est bon en termes de fréquentation.``
    """

    id = "grammar.fr-en-termes-de"
    languages = frozenset({"fr"})
    patterns = [
        (rf"(?<![\p{{L}}])(?P<x>en{_SP}terme{_SP}(?P<d>de(?![\p{{L}}])|d{_APOS}))", "en termes \\g<d>",
         "The set phrase is plural: « en termes de »"),
    ]


class FrMalgreQue(PatternRule):
    """« malgré que » used for « bien que ».

    What it does
    ------------
    Flags « malgré que » / « malgré qu' » introducing a clause, which French usage guides (the
    Académie française among them) advise replacing with « bien que » or « même si ». The literary
    « malgré qu'il en ait » is left alone.

    Why it matters
    --------------
    It is a well-known error in formal writing; readers and editors notice it.

    Example
    -------
    ``Malgré que la séance ait été levée, le débat a continué.``

    Instead
    -------
    ``Bien que la séance ait été levée, le débat a continué.``
    """

    id = "grammar.fr-malgre-que"
    languages = frozenset({"fr"})
    patterns = [
        (rf"(?<![\p{{L}}])(?P<x>malgré{_SP}qu(?:e(?![\p{{L}}])|{_APOS}))(?!(?:il|elle|ils|elles|on){_SP}en{_SP}(?:ait|aient|eût|eussent))",
         "bien que", "« malgré que » is advised against: write « bien que » or « même si »"),
    ]


class FrQuoiQue(PatternRule):
    """« quoique » (although) written for « quoi que » (whatever).

    What it does
    ------------
    Flags the one-word « quoique » in the phrases where only « quoi que » (whatever) makes sense:
    « quoiqu'il en soit », « quoiqu'il arrive », and « quoique ce soit », « quoiqu'on fasse »,
    « quoique vous disiez »… when nothing follows the verb (« sans dire quoique ce soit. »).
    « Quoique ce soit difficile » or « quoique tu fasses bien » (although) are left alone, as is
    every other use where both readings are possible.

    Why it matters
    --------------
    « Quoique » means « bien que »; in these phrases it makes the sentence say something else.

    Example
    -------
    ``Quoiqu'il en soit, le vote aura lieu.``

    Instead
    -------
    ``Quoi qu'il en soit, le vote aura lieu.``
    """

    id = "grammar.fr-quoi-que"
    languages = frozenset({"fr"})
    patterns = [
        (rf"(?<![\p{{L}}])(?P<x>quoiqu{_APOS}(?:il|elle|on){_SP}(?:en{_SP}soit|arrive|advienne))",
         "", ""),
        # « quoique tu fasses bien » (although) is fine: only when nothing follows the verb.
        (rf"(?<![\p{{L}}])(?P<x>(?:quoiqu{_APOS}(?:il|elle|on|ils|elles){_SP}(?:fasse|dise|fassent|disent|pense|pensent)|quoique{_SP}(?:ce{_SP}soit|ce{_SP}fût|vous{_SP}(?:fassiez|disiez|pensiez)|nous{_SP}(?:fassions|disions)|tu{_SP}(?:fasses|dises))))(?=\s*(?:[,.;:!?»)…]|$|d{_APOS}|de(?![\p{{L}}])))",
         "", ""),
    ]

    def matches(self, ctx: Context, text: str) -> Iterator[Match]:
        for pattern, _r, _m in self.compiled():
            for m in pattern.finditer(text):
                found = m.group("x")
                fix = regex.sub(r"^([Qq]uoi)qu(e|['’])", lambda g: f"{g.group(1)} qu{g.group(2)}", found)
                yield Match(m.start("x"), m.end("x"), "Here the meaning is « whatever »: write « quoi que » in two words", (fix,))


# Nouns that take the invariable « de base » (« droits de base », « produits de base »).
_DE_BASE_NOUNS = (
    "droits?|libertés?|produits?|salaires?|revenus?|notions?|connaissances?|principes?|besoins?|"
    "services?|éléments?|règles?|taux|prix|soins?|vocabulaire|matériel|équipements?|outils?|"
    "compétences?|cours|formations?|modèles?|versions?|offres?|forfaits?|valeurs?|données|"
    "denrées?|aliments?|mesures?|fonctions?|fonctionnalités?|options?|ingrédients?|couleurs?|"
    "méthodes?|techniques?|exigences?|normes?|garanties?|protections?|infrastructures?|unités?"
)
# Groups whose name carries the invariable « de défense de… » (« association de défense des droits »).
_DEFENSE_NOUNS = (
    "associations?|organisations?|organismes?|ligues?|comités?|collectifs?|mouvements?|groupes?|"
    "ONG|fédérations?|syndicats?|unions?|fronts?|réseaux?|coalitions?|militants?|militantes?|"
    "avocats?|avocates?|campagnes?|actions?|fonds|observatoires?|conseils?|structures?|plateformes?"
)


class FrFixedNumber(GrammarRule):
    """A plural mark inside a fixed expression that stays singular.

    What it does
    ------------
    Flags « de bases » after a noun that takes the invariable « de base » (« droits de bases »,
    « produits de bases », also with an adjective between them: « libertés humaines de bases »),
    and « de défenses des/du » after the name of a group (« associations de défenses des
    libertés », « comité de défenses du patrimoine »), where « défense » (the act of defending)
    stays singular. « construction de bases militaires » or « défenses des éléphants » are left
    alone.

    Why it matters
    --------------
    A plural agreed by attraction with a plural noun nearby is a frequent slip of fast writing,
    and it changes the meaning (« défenses » are also tusks and fortifications).

    Example
    -------
    ``Les associations de défenses des consommateurs réclament des salaires de bases plus élevés.``

    Instead
    -------
    ``Les associations de défense des consommateurs réclament des salaires de base plus élevés.``
    """

    id = "grammar.fr-fixed-number"
    languages = frozenset({"fr"})

    _BASES = regex.compile(  # "(?-f)": simple case folding, as in PatternRule
        rf"(?-f)(?<![\p{{L}}])(?:{_DE_BASE_NOUNS})(?:{_SP}[\p{{L}}\-]+(?:ales|aux|els|elles|aires|iques|ines|ains|ifs|ives|és|ées|es|s))?{_SP}de{_SP}(?P<x>bases)(?![\p{{L}}\-])(?!{_SP}(?:de{_SP}données|militaires?|aériennes?|navales?|arrières?|avancées?|logistiques?|secrètes?|américaines?|russes?|françaises?|étrangères?|de{_SP}lancement))",
        regex.I | regex.V1,
    )
    _DEFENSES = regex.compile(
        rf"(?-f)(?<![\p{{L}}])(?:{_DEFENSE_NOUNS}){_SP}de{_SP}(?P<x>défenses)(?={_SP}(?:des|du|de{_SP}la|de{_SP}l{_APOS}|de|d{_APOS})(?![\p{{L}}]))",
        regex.I | regex.V1,
    )

    def matches(self, ctx: Context, text: str) -> Iterator[Match]:
        for m in self._BASES.finditer(text, overlapped=True):
            yield Match(m.start("x"), m.end("x"), "« de base » is invariable here (« droits de base »): write « base »", ("base",))
        for m in self._DEFENSES.finditer(text, overlapped=True):
            yield Match(m.start("x"), m.end("x"), "In « association de défense de… » the word « défense » stays singular", ("défense",))


class FrInfinitiveChain(GrammarRule):
    """Two infinitives chained with « de » where the first cannot take one.

    What it does
    ------------
    Flags « de/d' + infinitive + de/d' + infinitive » when the first verb does not take
    « de + infinitive » as its complement: « on lui reproche d'alimenter de profiter de
    l'injustice » (a word is missing, or one verb was left over from an edit). Verbs that do take
    it (« essayer de », « cesser de », « refuser de », « affecter de »…) are listed in the lexicon
    ``grammar-de-infinitive-verbs.fr``; verb readings come from the dictionary, so « changer de
    premier ministre » or « de manière » are not infinitives.

    Why it matters
    --------------
    A garbled verb sequence is the trace of a hurried rewrite; the sentence no longer says
    anything precise and readers stumble on it.

    Example
    -------
    ``On lui reproche d'alimenter de profiter des inégalités.``

    Instead
    -------
    ``On lui reproche d'alimenter les inégalités et d'en profiter.``
    """

    id = "grammar.fr-infinitive-chain"
    languages = frozenset({"fr"})
    confidence = 0.6
    _CHAIN = regex.compile(
        rf"(?<![\p{{L}}])(?:de|d{_APOS})[\s\u00a0]*(?P<a>\p{{Ll}}+(?:er|ir|re|oir))[\s\u00a0]+"
        rf"(?:de|d{_APOS})[\s\u00a0]*(?P<b>\p{{Ll}}+(?:er|ir|re|oir))(?![\p{{L}}\-])"
    )

    @staticmethod
    def _infinitive(sp, word: str) -> bool:
        if not sp.known(word):
            return False
        for a in sp.analyses(word):
            stem, _, flags = a.strip().partition(" fl:")
            if stem == f"st:{word}" and flags[:1].islower():
                return True
        return False

    def matches(self, ctx: Context, text: str) -> Iterator[Match]:
        from auditor.resources import lexicon

        try:
            sp = speller("fr")
        except DictionaryUnavailable:
            return
        allowed = frozenset(lexicon("grammar-de-infinitive-verbs.fr"))
        for m in self._CHAIN.finditer(text, overlapped=True):
            a, b = m.group("a"), m.group("b")
            if a in allowed or not self._infinitive(sp, a) or not self._infinitive(sp, b):
                continue
            yield Match(
                m.start(), m.end("b"),
                f"« {a} » does not take « de + infinitive »: a word seems missing or a verb left over",
                (),
            )


# ---------------------------------------------------------------------------------------------
# English
# ---------------------------------------------------------------------------------------------


class EnCouldOf(PatternRule):
    """"could of", "should of", "would of" for "could have".

    What it does
    ------------
    Flags "could of", "should of", "would of", "must of", "might of" and "may of" (the spoken
    contraction "could've" misheard as "of"). "could of course" is left alone.

    Why it matters
    --------------
    It is a plain grammatical error that readers spot immediately.

    Example
    -------
    ``The council should of acted sooner.``

    Instead
    -------
    ``The council should have acted sooner.``
    """

    id = "grammar.en-could-of"
    languages = frozenset({"en"})
    patterns = [
        (r"(?<![\p{L}'’])(?P<x>(?P<m>could|should|would|must|might|may)(?P<n>n['’]t)?\s+of)(?![\p{L}])(?!\s+(?:course|late|all|them|those|these|which|us|you|it)\b)",
         "\\g<m>\\g<n> have", "Write \"{fix}\": \"of\" is not a verb"),
    ]


class EnItsIts(PatternRule):
    """"its" and "it's" confused.

    What it does
    ------------
    Flags "it's own" (possessive: "its own") and "its" directly before a word that can only follow
    "it is / it has": an article or "not", "been", "going", "likely", "clear"… ("its a", "its
    been", "its not" → "it's").

    Why it matters
    --------------
    The possessive has no apostrophe; the contraction has one. Readers notice the confusion.

    Example
    -------
    ``Its been a year since the company changed it's own rules.``

    Instead
    -------
    ``It's been a year since the company changed its own rules.``
    """

    id = "grammar.en-its-its"
    languages = frozenset({"en"})
    patterns = [
        (r"(?<![\p{L}])(?P<x>it['’]s)(?=\s+own\b)", "its", "Possessive: write \"its\" (no apostrophe)"),
        (r"(?<![\p{L}'’])(?P<x>its)(?=\s+(?:a|an|the|not|been|going|gonna|getting|likely|unlikely|clear|unclear|possible|impossible|time\s+to|hard\s+to|easy\s+to|true\s+that|about\s+time)\b)",
         "it's", "Write \"it's\" (it is / it has) here"),
    ]


_COMPARATIVES = (
    "more|less|fewer|better|worse|rather|other|greater|larger|smaller|higher|lower|older|younger|"
    "bigger|faster|slower|earlier|longer|shorter|stronger|weaker|cheaper|easier|harder|further|"
    "farther|wider|narrower|richer|poorer|heavier|lighter|safer|riskier|cheaper|deeper|closer|"
    "louder|quieter|warmer|colder|hotter|cooler|busier|happier|newer|taller|tougher|wealthier"
)


class EnThenThan(PatternRule):
    """"then" written for "than" after a comparative.

    What it does
    ------------
    Flags "then" right after a comparative ("more then", "better then", "larger then", "rather
    then", "other then") or after "more/less + adjective" ("more expensive then"), where the
    comparison needs "than".

    Why it matters
    --------------
    "Then" is about time; "than" compares. The swap is common and changes the meaning.

    Example
    -------
    ``Prices rose faster then wages.``

    Instead
    -------
    ``Prices rose faster than wages.``
    """

    id = "grammar.en-then-than"
    languages = frozenset({"en"})
    patterns = [
        (rf"(?<![\p{{L}}])(?:{_COMPARATIVES})\s+(?P<x>then)(?![\p{{L}}])(?!\s*,)", "than", "After a comparative, write \"than\""),
        (r"(?<![\p{L}])(?:more|less)\s+[\p{L}\-]{3,}\s+(?P<x>then)(?![\p{L}])(?!\s*,)", "than", "After a comparative, write \"than\""),
    ]



class EnYourYoure(PatternRule):
    """"your" and "you're" confused.

    What it does
    ------------
    Flags "your" before a word that only follows "you are" ("your welcome", "your right", "your
    going", "your not") and "you're" before "own" ("you're own" → "your own").

    Why it matters
    --------------
    "Your" is possessive, "you're" is "you are". The confusion is a common, visible error.

    Example
    -------
    ``If your going to vote, bring you're own ID.``

    Instead
    -------
    ``If you're going to vote, bring your own ID.``
    """

    id = "grammar.en-your-youre"
    languages = frozenset({"en"})
    patterns = [
        (r"(?<![\p{L}'’])(?P<x>your)(?=\s+(?:welcome|not|going|gonna|being|doing|getting|kidding|wrong|sure|right\s+(?:that|about)|able\s+to|supposed\s+to|allowed\s+to)\b)",
         "you're", "Write \"you're\" (you are) here"),
        (r"(?<![\p{L}])(?P<x>you['’]re)(?=\s+own\b)", "your", "Possessive: write \"your\""),
    ]


class EnLooseLose(PatternRule):
    """"loose" (not tight) written for "lose" (to fail to keep).

    What it does
    ------------
    Flags "loose" after a modal, "to" or a negation ("will loose", "to loose", "don't loose"),
    before a possessive or an object that one loses ("loose their jobs", "loose money", "loose
    weight", "loose control"), or wherever the parse reads it as a verb with an object ("voters
    loose patience"), and "looses" / "loosing" used as verbs ("the party is loosing ground").
    "Let loose", "cut loose", "break loose", "a loose coalition" are left alone.

    Why it matters
    --------------
    The verb is "lose"; "loose" is an adjective. The swap is one of the most frequent in English.

    Example
    -------
    ``Thousands could loose their jobs.``

    Instead
    -------
    ``Thousands could lose their jobs.``
    """

    id = "grammar.en-loose-lose"
    languages = frozenset({"en"})
    patterns = [
        (r"(?<![\p{L}'’])(?:will|would|could|should|might|may|must|can|cannot|can['’]t|won['’]t|don['’]t|doesn['’]t|didn['’]t|not|never|to)\s+(?P<x>loose)(?![\p{L}])(?!\s+(?:end|ends|change|fit|leaf|cannon|talk|grip)\b)",
         "lose", "The verb is \"lose\""),
        (r"(?<![\p{L}'’])(?<!(?:let|cut|break|broke|set|turn|turned|come|came|hang|run|ran|break)\s+)(?P<x>loose)(?=\s+(?:their|his|her|my|your|our|its|money|weight|control|track|sight|faith|hope|power|the\s+(?:election|vote|race|war|game|match))\b)",
         "lose", "The verb is \"lose\""),
    ]
    #: The verb forms of "loose" that are written for those of "lose".
    _VERB_FORMS = {"loose": "lose", "looses": "loses", "loosing": "losing"}
    _LOOSE = regex.compile(r"(?<![\p{L}])loos(?:e|es|ing)(?![\p{L}])", regex.IGNORECASE)

    def matches_in(self, ctx: Context, field: str, text: str) -> Iterator[Match]:
        """The patterns, and "loose" that the parse reads as a verb with an object ("Workers loose
        their jobs"); "looses" and "loosing" are read as "lose" whenever they are verbs (the verb
        "to loose", to release, has all but left news copy)."""
        from auditor.builtin.grammar_confusions import _tokens_matching

        yield from self.matches(ctx, text)
        for t in _tokens_matching(ctx, field, self._LOOSE):
            fix = self._VERB_FORMS.get(t.lower_)
            if fix and t.tag_.startswith("VB") and (t.lower_ != "loose" or any(c.dep_ == "dobj" for c in t.children)):
                yield Match(t.idx, t.idx + len(t), "The verb is \"lose\"", (_case_like(t.text, fix),))


class EnAlot(PatternRule):
    """"alot" for "a lot".

    What it does
    ------------
    Flags "alot", which is two words: "a lot".

    Why it matters
    --------------
    It is a misspelling readers notice; dictionaries do not list it.

    Example
    -------
    ``The vote changed alot.``

    Instead
    -------
    ``The vote changed a lot.``
    """

    id = "grammar.en-alot"
    languages = frozenset({"en"})
    supersedes = ("spelling.", "grammar.languagetool", "grammar.grammalecte")  # not also an unknown word
    patterns = [(r"(?<![\p{L}])(?P<x>alot)(?![\p{L}])", "a lot", "Write \"a lot\" in two words")]


RULES = [
    FrPastParticiple, FrParticipleAgreement, FrEnTermesDe, FrMalgreQue, FrQuoiQue, FrFixedNumber,
    FrInfinitiveChain,
    EnCouldOf, EnItsIts, EnThenThan, EnYourYoure, EnLooseLose, EnAlot,
]


@hookimpl
def auditor_rules(config):
    return RULES
