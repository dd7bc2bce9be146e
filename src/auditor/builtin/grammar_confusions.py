"""Embedded grammar rules for the confusions every copy desk catches, read on the shared parse.

English homophone confusions (there/their, whose/who's, affect/effect, it's for "its" before a
noun that does something), a simple past after "have" ("had went"), and a doubled word in
French and English. Each rule is precision-first: it fires only where the words around the
confusion leave one reading (a noun then a verb after "it's", a modal before "effect"), and
leaves the ambiguous cases alone. The shared spaCy parse gives the parts of speech; the word
lists live in ``rules/lexicons/grammar-*``.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Iterator

import regex

from auditor.builtin.grammar import GrammarRule, Match, PatternRule, _case_like
from auditor.hookspec import hookimpl
from auditor.resources import lexicon
from auditor.rule import Context

if TYPE_CHECKING:
    from spacy.tokens import Token

_EN = frozenset({"en"})
#: Time words that follow the adverb "there" ("stayed there overnight", "went there yesterday").
_TIME = frozenset({"yesterday", "today", "tonight", "tomorrow", "overnight", "morning", "afternoon", "evening",
                   "night", "week", "month", "year", "day", "weekend", "time", "once", "twice", "now", "then"})


def _tokens(ctx: Context, field: str) -> list["Token"]:
    """The field's tokens without whitespace tokens, listed once per article for all the rules."""
    return ctx.analysis.memo(("grammar-tokens", field), lambda: [t for t in ctx.analysis.doc(field) if not t.is_space])


def _token_starts(ctx: Context, field: str) -> dict[int, "Token"]:
    """The field's tokens by their start offset, to read the parse at a regular expression's match."""
    return ctx.analysis.memo(("grammar-token-starts", field), lambda: {t.idx: t for t in _tokens(ctx, field)})


def _tokens_matching(ctx: Context, field: str, words: "regex.Pattern[str]") -> Iterator["Token"]:
    """The tokens that start where ``words`` matches the field's text: a rule that reads the parse
    of a few words finds them with one regex pass instead of visiting every token."""
    text = ctx.text(field)
    if not text or words.search(text) is None:
        return
    by_start = _token_starts(ctx, field)
    for m in words.finditer(text):
        t = by_start.get(m.start())
        if t is not None:
            yield t


def _next(toks: list["Token"], n: int, k: int = 1) -> "Token | None":
    return toks[n + k] if 0 <= n + k < len(toks) else None


def _common_noun(t: "Token | None") -> bool:
    """A common noun (a capital only at the start of a sentence: "Residents who…")."""
    return t is not None and t.pos_ == "NOUN" and t.tag_ in ("NN", "NNS") and (t.text[:1].islower() or t.is_sent_start)


def _finite_verb(t: "Token | None") -> bool:
    return t is not None and t.tag_ in ("VBD", "VBZ", "VBP", "MD")


def _verb(t: "Token | None") -> bool:
    """Any verb form: "the nurse who's contract ended" — the tagger reads "ended" as a participle."""
    return t is not None and t.pos_ in ("VERB", "AUX")


class EnThereTheir(GrammarRule):
    """"there" written for the possessive "their", and "their" for "there is / are".

    What it does
    ------------
    Flags "there" between a verb or a preposition and a common noun that it owns ("cut there
    spending", "for there children" → "their"), and "their" right before "is", "are", "was" or
    "were" ("their are three options" → "there"). "over there", "there yesterday", a sentence
    that starts with "There" are left alone.

    Why it matters
    --------------
    The possessive and the adverb sound alike; the swap is one of the errors readers notice first.

    Example
    -------
    ``The schools cut there spending, and their are fewer teachers.``

    Instead
    -------
    ``The schools cut their spending, and there are fewer teachers.``
    """

    id = "grammar.en-there-their"
    languages = _EN

    def matches_in(self, ctx: Context, field: str, text: str) -> Iterator[Match]:
        toks = _tokens(ctx, field)
        for n, t in enumerate(toks):
            low = t.lower_
            nxt = _next(toks, n)
            if low == "there" and n and not t.is_sent_start and _common_noun(nxt) and nxt.lower_ not in _TIME \
                    and toks[n - 1].pos_ in ("VERB", "ADP") and toks[n - 1].lower_ not in ("over", "out", "in", "up", "down", "from", "back", "here"):
                yield Match(t.idx, t.idx + len(t), "Possessive: write \"their\"", (_case_like(t.text, "their"),))
            elif low == "their" and nxt is not None and nxt.lower_ in ("is", "are", "was", "were"):
                yield Match(t.idx, t.idx + len(t), "Write \"there\" (there is / there are) here", (_case_like(t.text, "there"),))


class EnWhoseWhos(GrammarRule):
    """"who's" (who is) written for the possessive "whose".

    What it does
    ------------
    Flags "who's" directly before a common noun that a verb follows ("a man who's asylum case was
    rejected" → "whose"). "who's been", "who's responsible", "who's next" are left alone.

    Why it matters
    --------------
    "Who's" is "who is" or "who has"; the possessive relative is "whose".

    Example
    -------
    ``The teacher who's contract ended spoke first.``

    Instead
    -------
    ``The teacher whose contract ended spoke first.``
    """

    id = "grammar.en-whose-whos"
    languages = _EN
    _WHOS = regex.compile(r"(?<![\p{L}])(?P<x>who['’]s)\s+(?P<n>\p{Ll}+)(?:\s+\p{Ll}+)?")

    def matches_in(self, ctx: Context, field: str, text: str) -> Iterator[Match]:
        by_start = {t.idx: t for t in _tokens(ctx, field)}
        for m in self._WHOS.finditer(text):
            noun = by_start.get(m.start("n"))
            if noun is None or not _common_noun(noun):
                continue
            after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
            if _verb(after) or (_common_noun(after) and after.i + 1 < len(noun.doc) and _verb(noun.doc[after.i + 1])):
                yield Match(m.start("x"), m.end("x"), "Possessive: write \"whose\"", (_case_like(m.group("x"), "whose"),))


class EnItsBeforeVerb(GrammarRule):
    """"it's" (it is) written for the possessive "its" before a noun that does something.

    What it does
    ------------
    Flags "it's" followed by a common noun and then a verb ("the company and it's founder said" →
    "its founder"): "it is founder said" cannot be read. "it's time we…", "it's part of the plan"
    are left alone. (``grammar.en-its-its`` covers "it's own" and "its been".)

    Why it matters
    --------------
    The possessive has no apostrophe; readers notice the confusion.

    Example
    -------
    ``The charity said it's director resigned.``

    Instead
    -------
    ``The charity said its director resigned.``
    """

    id = "grammar.en-its-noun"
    languages = _EN

    def matches_in(self, ctx: Context, field: str, text: str) -> Iterator[Match]:
        toks = _tokens(ctx, field)
        for n, t in enumerate(toks):
            nxt = _next(toks, n)
            if t.lower_ == "it" and nxt is not None and nxt.text in ("'s", "’s") and nxt.idx == t.idx + len(t):
                noun, verb = _next(toks, n, 2), _next(toks, n, 3)
                if _common_noun(noun) and _finite_verb(verb) and noun.lower_ not in _TIME:
                    end = nxt.idx + len(nxt)
                    yield Match(t.idx, end, "Possessive: write \"its\" (no apostrophe)", (_case_like(t.text, "its"),))


class EnAffectEffect(PatternRule):
    """"effect" (a result) used as the verb "affect", and "affect" as the noun "effect".

    What it does
    ------------
    Flags "effect" after a modal, "to" or "not" when an object follows ("would effect the
    outcome", "could effect thousands" → "affect"), "effected by" (→ "affected by"), and "affect"
    as a noun ("the affect of", "no affect on", "a negative affect" → "effect"); with the parse,
    also "effect" as a verb with an object that one affects ("the storm effected the harvest") and
    "affect" as a noun with a determiner and "on"/"of" ("a big affect on prices"). "to effect
    change" (to bring about; the objects are listed in ``grammar-effect-objects.en``) and the
    psychologist's "flat affect" are left alone.

    Why it matters
    --------------
    "Affect" is the verb, "effect" the noun (or the rarer verb "to bring about"); the swap
    changes the meaning and is a classic copy-desk catch.

    Example
    -------
    ``The closure will effect 1,200 families; its affect on the town is unclear.``

    Instead
    -------
    ``The closure will affect 1,200 families; its effect on the town is unclear.``
    """

    id = "grammar.en-affect-effect"
    languages = _EN
    patterns = [
        (r"(?<![\p{L}'’])(?:will|would|could|should|might|may|must|can|cannot|to|not|n['’]t)\s+(?P<x>effect)"
         r"(?=\s+(?:the|their|his|her|its|our|your|my|millions|thousands|hundreds|many|most|all|people|how|whether|every|each|\d))",
         "affect", "The verb is \"affect\" (\"effect\" is the noun)"),
        (r"(?<![\p{L}'’])(?:is|are|was|were|be|been|being|badly|directly|adversely|negatively|most)\s+(?P<x>effected)(?=\s+by\b)",
         "affected", "The verb is \"affect\": write \"affected by\""),
        (r"(?<![\p{L}'’])(?:the|an|no|any|its|their|his|her|our|my|your|little|negative|positive|adverse|significant|major|big|huge|lasting|direct|"
         r"profound|devastating|chilling|ripple|knock-on|domino)\s+(?P<x>affects?)(?=\s+(?:of|on|that)\b)",
         "effect", "The noun is \"effect\" (\"affect\" is the verb)"),
    ]
    _VERB = {"effect": "affect", "effects": "affects", "effected": "affected", "effecting": "affecting"}
    _WORDS = regex.compile(r"(?<![\p{L}])(?:effect(?:s|ed|ing)?|affects?)(?![\p{L}])", regex.IGNORECASE)

    def matches_in(self, ctx: Context, field: str, text: str) -> Iterator[Match]:
        """The patterns, and what the parse shows: "effect" as a verb with an object that one
        affects ("The storm effected the harvest"; "effect change" is left alone: the objects of
        "to effect" are in ``grammar-effect-objects.en``), and "affect" as a noun with a
        determiner and "on"/"of" ("a big affect on prices")."""
        yield from self.matches(ctx, text)
        brought_about = _effect_objects()
        for t in _tokens_matching(ctx, field, self._WORDS):
            low = t.lower_
            if low in self._VERB and t.tag_.startswith("VB"):
                obj = next((c for c in t.children if c.dep_ == "dobj"), None)
                if obj is not None and obj.lower_ not in brought_about and obj.lemma_.lower() not in brought_about:
                    yield Match(t.idx, t.idx + len(t), "The verb is \"affect\" (\"effect\" is the noun)",
                                (_case_like(t.text, self._VERB[low]),))
            elif low in ("affect", "affects") and t.tag_ in ("NN", "NNS"):
                kids = {c.dep_: c for c in t.children}
                prep = next((c for c in t.children if c.dep_ == "prep" and c.lower_ in ("on", "of", "upon")), None)
                if prep is not None and ("det" in kids or "poss" in kids or "amod" in kids):
                    yield Match(t.idx, t.idx + len(t), "The noun is \"effect\" (\"affect\" is the verb)",
                                (_case_like(t.text, "effect" + low[6:]),))


@functools.cache
def _effect_objects() -> frozenset[str]:
    return frozenset(lexicon("grammar-effect-objects.en"))


@functools.cache
def _participles() -> dict[str, str]:
    pairs = (entry.split(":") for entry in lexicon("grammar-irregular-participles.en"))
    return {past.strip(): part.strip() for past, part in pairs}


class EnPerfectSimplePast(GrammarRule):
    """A simple past after "have" where the past participle belongs ("had went").

    What it does
    ------------
    Flags "have", "has", "had" (and "having", "'ve"), optionally followed by "not", "never",
    "already", "just"…, then an irregular simple past whose participle differs ("had went" →
    "had gone", "has ran" → "has run", "have began" → "have begun"). The verbs are listed in
    ``rules/lexicons/grammar-irregular-participles.en.txt``.

    Why it matters
    --------------
    It is a spoken-register error that reads as careless in print.

    Example
    -------
    ``By noon the crowd had went home and the mayor had spoke.``

    Instead
    -------
    ``By noon the crowd had gone home and the mayor had spoken.``
    """

    id = "grammar.en-perfect-simple-past"
    languages = _EN

    @functools.cached_property
    def _pattern(self) -> "regex.Pattern[str]":
        verbs = "|".join(sorted(_participles(), key=len, reverse=True))
        return regex.compile(
            # "'ve" follows its pronoun ("we've"); the adverb may be any "-ly" one ("has frequently spoke")
            r"(?:(?<![\p{L}])(?:have|has|had|having|haven['’]t|hasn['’]t|hadn['’]t)|(?<=\p{L})['’]ve)"
            r"(?:\s+(?:not|never|already|just|also|since|ever|recently|finally|only|all|both|\p{Ll}{3,}ly))?"
            rf"\s+(?P<x>{verbs})(?![\p{{L}}'’])",
            regex.IGNORECASE,
        )

    def matches(self, ctx: Context, text: str) -> Iterator[Match]:
        table = _participles()
        for m in self._pattern.finditer(text):
            past = m.group("x")
            fix = _case_like(past, table[past.lower()])
            yield Match(m.start("x"), m.end("x"), f"After \"have\", use the past participle: \"{fix}\"", (fix,))


@functools.cache
def _doubled_pattern(lang: str) -> "regex.Pattern[str]":
    words = "|".join(regex.escape(w) for w in sorted(lexicon(f"grammar-doubled-words.{lang}"), key=len, reverse=True))
    # The same word twice, separated by spaces or one line break (not a paragraph break).
    return regex.compile(rf"(?<![\p{{L}}'’\-])(?P<w>{words})(?P<x>(?:[ \t\u00a0]*\n[ \t\u00a0]*|[ \t\u00a0]+)(?P=w))(?![\p{{L}}'’\-])",
                         regex.IGNORECASE)


class DoubledWord(GrammarRule):
    """The same small word written twice in a row ("the the", « de de »).

    What it does
    ------------
    Flags an article, preposition, conjunction or pronoun repeated with nothing but a space (or a
    line break) between ("the the", "to to", « le le », « de de »), the trace of an edit. Words
    that can repeat correctly ("had had", "that that", « nous nous ») are not in the lists
    (``rules/lexicons/grammar-doubled-words.{en,fr}.txt``). The suggestion deletes the second
    word.

    Why it matters
    --------------
    A doubled word is invisible to the writer and obvious to every reader.

    Example
    -------
    ``The council voted to to close the the library.``

    Instead
    -------
    ``The council voted to close the library.``
    """

    id = "grammar.doubled-word"
    languages = frozenset({"en", "fr"})
    confidence = 0.95

    #: « ministre de de Gaulle »: the second « de » is a name's particle when a capital follows.
    _PARTICLE = regex.compile(r"[ \t\u00a0]+\p{Lu}")

    def matches(self, ctx: Context, text: str) -> Iterator[Match]:
        for m in _doubled_pattern(ctx.lang).finditer(text):
            if m.group("w").lower() in ("de", "du", "des") and self._PARTICLE.match(text, m.end()):
                continue
            yield Match(m.start("x"), m.end("x"), f"Doubled word: \"{m.group('w')}\" is written twice", ("",))


@functools.cache
def _notional() -> frozenset[str]:
    return frozenset(lexicon("grammar-notional-agreement.en"))


class EnAgreementAcross(GrammarRule):
    """A verb that agrees with the nearest noun instead of its subject ("Residents who disagree has").

    What it does
    ------------
    Flags a present-tense verb (or "was"/"were") whose subject is a plural common noun while the verb is singular,
    or the reverse, when a relative clause or a prepositional phrase stands between them
    ("Residents who disagree with the plan has until Friday", "The list of candidates are
    long"). Nouns that agree with their complement or look plural but are singular ("a number of
    residents are", "the majority of voters", "politics is", "the news") are listed in
    ``rules/lexicons/grammar-notional-agreement.en.txt`` and left alone.

    Why it matters
    --------------
    The noun next to the verb pulls it into the wrong number; the error survives spell checking
    and readers trip on it.

    Example
    -------
    ``Residents who disagree with the plan has until Friday to object.``

    Instead
    -------
    ``Residents who disagree with the plan have until Friday to object.``
    """

    id = "grammar.en-agreement-across"
    languages = _EN
    confidence = 0.8
    _FIX = {("VBZ", "is"): "are", ("VBZ", "was"): "were", ("VBZ", "has"): "have", ("VBZ", "does"): "do",
            ("VBP", "are"): "is", ("VBP", "were"): "was", ("VBP", "have"): "has", ("VBP", "do"): "does"}

    @staticmethod
    def _past_as_present(verb) -> str:
        """"was" agrees like a singular present, "were" like a plural one — except the subjunctive
        "were" of "if the plan were", "as though the group were", "wish the list were"."""
        if verb.lower_ == "was":
            return "VBZ"
        if verb.lower_ == "were":
            clause = verb.doc[verb.left_edge.i:verb.i]
            return "" if any(t.lower_ in ("if", "though", "wish", "unless", "whether") for t in clause) else "VBP"
        return verb.tag_

    def matches_in(self, ctx: Context, field: str, text: str) -> Iterator[Match]:
        for verb in ctx.analysis.doc(field):
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is None or not _common_noun(subj) or subj.lemma_.lower() in _notional() or subj.lower_ in _notional():
                continue
            if not any(c.dep_ in ("relcl", "prep", "acl") and subj.i < c.i < verb.i for c in subj.children):
                continue  # only agreement across an intervening clause or phrase
            if any(c.dep_ in ("conj", "cc", "appos") for c in subj.children) or "," in verb.doc[subj.i:verb.i].text:
                continue  # "the mayor and her deputies", "X, along with Y, suggests": lists and asides
            if any(c.dep_ == "attr" or c.dep_ == "acomp" and c.text[:1].isupper() for c in verb.children):
                continue  # "The wages of sin is death", "… is Trump": a copula agreeing with its complement
            plural = subj.tag_ == "NNS"
            tag = self._past_as_present(verb)
            if (plural and tag == "VBZ") or (not plural and tag == "VBP"):
                fix = self._FIX.get((tag, verb.lower_)) or (verb.lemma_ if plural else None)
                if not fix or verb.lower_ in ("'s", "’s"):
                    continue
                word = "plural" if plural else "singular"
                yield Match(verb.idx, verb.idx + len(verb), f"The subject « {subj.text} » is {word}: write \"{fix}\"",
                            (_case_like(verb.text, fix),))


RULES = [EnAgreementAcross, EnThereTheir, EnWhoseWhos, EnItsBeforeVerb, EnAffectEffect, EnPerfectSimplePast, DoubledWord]


@hookimpl
def auditor_rules(config):
    return RULES
