"""The embedded spelling rule (Hunspell, offline). The logic is in :mod:`auditor.language_checks.spelling`."""

from __future__ import annotations

import functools
from typing import Iterable

import regex

from auditor.backends.hunspell import DictionaryUnavailable, available, speller
from auditor.hookspec import hookimpl
from auditor.language_checks.frequency import zipf
from auditor.language_checks.spelling import Misspelling, SpellChecker, Vocabulary
from auditor.model import Finding
from auditor.names.mentions import NAME_LABELS
from auditor.rule import Context, Rule


def spell_checker(ctx: Context) -> SpellChecker:
    """One :class:`SpellChecker` per article (shared with other rules through ``ctx.analysis.memo``)."""

    def build() -> SpellChecker:
        vocab = Vocabulary([*ctx.config.vocabulary, *ctx.config.canonical_names])
        opts = ctx.config.rule_options(UnknownWord.id, UnknownWord.options)
        variants = [speller(v) for v in (opts.get("variants") or {}).get(ctx.lang, []) if available(v)]
        other = {"fr": "en", "en": "fr"}.get(ctx.lang)
        foreign = speller(other) if other and opts.get("foreign_runs", True) and available(other) else None
        return SpellChecker(speller(ctx.lang), ctx.lang, vocab, extra_accept=opts.get("accept") or (),
                            variants=variants, foreign=foreign, jargon_repeats=int(opts.get("jargon_repeats", 3)),
                            frequent_words=float(opts.get("frequent_words") or 0.0),
                            frequency_margin=float(opts.get("frequency_margin", 1.5)))

    return ctx.analysis.memo(("spelling", "checker"), build)


def misspellings(ctx: Context, fields: Iterable[str] = ("title", "body")):
    """The article's misspellings per field, computed once per article."""
    def compute():
        checker = spell_checker(ctx)
        texts = {f: ctx.text(f) for f in fields}
        quotes = {f: [(q.start, q.end) for q in ctx.analysis.raw_quotes(f)] for f in fields}
        return checker.check_fields(texts, quotes)

    return ctx.analysis.memo(("spelling", "misspellings", tuple(fields)), compute)


class UnknownWord(Rule):
    """A word that is not in the dictionary and is not a name.

    What it does
    ------------
    Looks every word up in Hunspell (French: Grammalecte's dictionary 7.5; English: en_US) and
    reports the words it does not know, with ranked suggestions. Names are not misspellings:
    capitalised words, acronyms, mixed-case brands, words in the newsroom vocabulary
    (``[tool.auditor] vocabulary``, case-aware, whole words), URLs, e-mail addresses, handles,
    hashtags, numbers with units and codes are skipped, and so are foreign words inside quotes.
    A capitalised word is reported only when it is a near variant of a name written elsewhere in
    the same article (``Recokgnition`` beside ``Rekognition``); the ``names`` rules report that
    defect too and take precedence, so it yields one finding.

    A capitalised word that opens a sentence is judged by its lowercase form: « Malheureusment, »
    and "Unfortunatly," are reported when that form is one edit from a dictionary word, the word is
    not capitalised elsewhere in the article mid-sentence, and the parse of its sentence tags it
    neither PROPN nor a name entity (nor a bare singular subject: "Tarrow said…"). The tagger calls
    most unknown capitalised words names, so word frequencies overrule it when the word is unseen
    in web text and one edit from a common word (« Cefte » for « Cette »). This is the only part
    of the rule that loads a spaCy model, and only for such candidates.

    Valid words that Hunspell lacks are accepted by their frequency in the language (``wordfreq``,
    data inside the package, nothing downloaded): a lowercase unknown word with a Zipf frequency of
    at least ``frequent_words`` (default 2.0, once per ten million words) is accepted (« spinoff »,
    « birther », « grifter », « véto »), unless it is a common misspelling: a dictionary word one
    edit or one classic slip away (« recieve » → « receive », « publically » → « publicly ») is
    ``frequency_margin`` (default 1.5) Zipf units more frequent, the apostrophe form is more
    frequent (« didnt »), an accent was dropped (« tres ») or the word is a lowercase name
    (« turquie »). The defaults were measured on the tuning halves: they accept 0.06 % of the
    codespell misspellings and none of the Birkbeck sample (see ``docs/accuracy.md``). A common
    word of another language (Zipf ≥ 3.5 there, 1.5 more than in the article's language, no
    frequent local word one edit away) is a quoted foreign word, not a typo (« dottore »,
    "famoso"): this accepts 0.14 % of the codespell misspellings, all of them foreign words
    themselves (« composant », "dezember").

    A word followed by « [sic] » or "(sic)" is the source's spelling, marked by the writer, and is
    not reported. Errors inside direct quotations are reported with ``info`` severity (the
    speaker's wording), on the same quotation spans as the grammar rules.

    Options: ``suggestions`` = ``"full"`` (default: cheap one-edit candidates, then Hunspell's
    slower search when there are none), ``"fast"`` (one-edit candidates only) or ``"none"``;
    ``accept`` = extra accepted words; ``variants`` = extra dictionaries per language (English
    accepts en_GB spellings beside en_US by default); ``foreign_runs`` = skip runs of two or more
    words of the other language (an English title quoted in French copy); ``jargon_repeats`` = an
    unknown lowercase word used this many times in one article is taken as deliberate jargon
    (``0`` turns this off); ``frequent_words`` = the Zipf threshold above (``0`` turns the
    frequency acceptance off); ``frequency_margin`` = how much more frequent a neighbour must be
    to make a frequent word a misspelling; ``sentence_starts`` = check sentence-initial
    capitalised words (``false``: they are skipped as possible names, and no model is loaded).
    French also accepts the 1990 reform spellings (« connait »).

    Why it matters
    --------------
    A typo in a published article costs credibility; readers notice them before anything else.
    A spell checker that flags every name gets switched off, so this one stays quiet on names.

    Example
    -------
    ``Le gouvernment a présenté son budget.``

    Instead
    -------
    ``Le gouvernement a présenté son budget.``
    """

    id = "spelling.unknown-word"
    category = "spelling"
    severity = "warning"
    languages = frozenset({"fr", "en"})
    options = {
        "suggestions": "full",
        "accept": [],
        "variants": {"en": ["en_GB"]},
        "foreign_runs": True,
        "jargon_repeats": 3,
        "frequent_words": 2.0,
        "frequency_margin": 1.5,
        "sentence_starts": True,
    }

    def check(self, ctx: Context) -> Iterable[Finding]:
        try:
            checker = spell_checker(ctx)
        except DictionaryUnavailable:
            return
        mode = ctx.options.get("suggestions", "full")
        for field, items in misspellings(ctx).items():
            if field not in self.fields:
                continue
            for m in items:
                # The grammar rules' test, on the same quotation spans: the speaker's wording is info.
                quoted = ctx.analysis.in_quote(field, m.start, m.end)
                severity = "info" if quoted else None
                where = " (inside a quotation: it may be the speaker's wording)" if quoted else ""
                if m.kind == "name-variant":
                    yield ctx.finding(
                        field, m.start, m.end,
                        f"« {m.word} » is not in the dictionary and looks like a misspelling of « {m.name} », "
                        "written elsewhere in the article",
                        suggestions=list(m.suggestions)[:3], severity=severity, confidence=0.8,
                        kind="name-variant", quoted=quoted,
                    )
                elif m.kind == "initial":
                    if ctx.options.get("sentence_starts", True) and not _maybe_name(ctx, field, m):
                        yield ctx.finding(
                            field, m.start, m.end,
                            f"Unknown word « {m.word} » at the start of a sentence; did you mean « {m.suggestions[0]} »?{where}",
                            suggestions=list(m.suggestions)[:3], severity=severity, confidence=0.75,
                            kind="initial", quoted=quoted,
                        )
                else:
                    suggestions: tuple[str, ...] = ()
                    if mode != "none":
                        suggestions = checker.speller.suggest(m.word, deep=(mode == "full" and len(m.word) <= 20))
                    yield ctx.finding(
                        field, m.start, m.end,
                        f"Unknown word « {m.word} »{where}",
                        suggestions=suggestions, severity=severity,
                        confidence=0.9 if suggestions else 0.7, kind="unknown", quoted=quoted,
                    )


#: A sentence-initial word that web text has (almost) never seen (Zipf below this) ...
UNSEEN_ZIPF = 1.0
#: ... one edit from a common word (Zipf at least this: the ~10,000 most frequent words) is a typo
#: even where the tagger calls it a name (« Cefte » for « Cette », "Threre" for "There").
COMMON_ZIPF = 4.0
#: Where the sentence that a candidate opens ends (a stop before a capital, or a line break).
_SENTENCE_END = regex.compile(r"[.!?…](?=\s+[\p{Lu}«“\"]|\s*$)|\n")


def _maybe_name(ctx: Context, field: str, m: Misspelling) -> bool:
    """May this sentence-initial capitalised word be a name? The parse decides, as for the names
    family: a PROPN tag or a name entity (``auditor.names.mentions.NAME_LABELS``) over it says yes,
    and so does a missing model (no parse: the capital is then given the benefit of the doubt).

    The tagger reads an unknown capitalised word as a name by default, so it calls most
    misspellings names too (« Cefte » PROPN, "Accordng" ORG). Word frequencies overrule it when the
    evidence is strong: the word is unseen in web text, which writes names (« Rousseff » 2.7) but
    not typos, it is one edit from a common word, and no capitalised word follows (« Joudi Haddad »).
    """
    if _unseen_near_common(ctx, field, m):
        return False
    try:
        from auditor.nlp import load_pipeline

        nlp, name = load_pipeline(ctx.lang)
    except Exception:  # no spaCy at all
        return True
    if name.startswith("blank:"):
        return True
    text = ctx.text(field)
    end = _SENTENCE_END.search(text, m.start)
    return _parsed_as_name(nlp, ctx.lang, text[m.start:end.end() if end else len(text)], m.end - m.start)


@functools.lru_cache(maxsize=4096)
def _parsed_as_name(nlp, lang: str, sentence: str, length: int) -> bool:
    """Does the parse of ``sentence`` read its first ``length`` characters as a name?

    The sentence alone is parsed, not the field: the spelling rule needs no parse otherwise, and a
    handful of candidates per article should not cost the whole article's parse (≈ 0.1 s). The
    tagger and the entity recogniser look a few words around a token, so the sentence is context
    enough. Cached per process, by sentence.
    """
    doc = nlp(sentence)
    span = doc.char_span(0, length, alignment_mode="expand")
    if span is None or any(t.pos_ in ("PROPN", "") for t in span):
        return True
    if _bare_subject(span[0]):
        return True
    return any(e.start_char < length and e.label_ in NAME_LABELS for e in doc.ents)


def _unseen_near_common(ctx: Context, field: str, m: Misspelling) -> bool:
    """Unseen in web text (Zipf < ``UNSEEN_ZIPF``), one edit from a common word, and no capitalised
    word after it (the first name of a full name)."""
    if zipf(m.word.lower(), ctx.lang) >= UNSEEN_ZIPF:
        return False
    if max((zipf(c.lower(), ctx.lang) for c in m.suggestions), default=0.0) < COMMON_ZIPF:
        return False
    return not regex.match(r"[ \u00a0]+\p{Lu}", ctx.text(field)[m.end:m.end + 3])


def _bare_subject(token) -> bool:
    """« Tarrow said the plan was sound »: an unknown singular noun that is the subject with no
    determiner is a name the tagger missed far more often than a common noun (which needs "the")."""
    return (token.pos_ == "NOUN" and token.dep_.startswith("nsubj") and "Plur" not in token.morph.get("Number")
            and not any(c.dep_ == "det" for c in token.children))


@hookimpl
def auditor_rules(config):
    return [UnknownWord]
