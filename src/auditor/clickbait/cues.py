"""The cues of a headline: what makes it sell more than it tells, and what marks a legitimate form.

Everything here is regular expressions over the headline (no model): cheap enough for every title.
A :class:`Cue` carries the rule that reports it (``family``), the model feature it feeds, its exact
span in the title and a reason a person can read. Markers of legitimate forms (explainers, service
journalism, attributed quotes, figures, proper names) are cues with ``family=None`` and a feature the
model weighs negatively.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from . import lexicons

F = regex.IGNORECASE | regex.V1
W = r"[\p{L}\p{M}'’-]+"


@dataclass(frozen=True)
class Cue:
    family: str | None  # the clickbait.<family> rule that reports it; None for markers
    feature: str  # the model feature it feeds
    start: int
    end: int
    text: str
    reason: str


# -- French --------------------------------------------------------------------------------------
_TIME_NOUNS = (
    "week-end|weekend|soir|matin|midi|après-midi|mois|jour|jour-là|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
    "dimanche|année|semaine|saison|été|hiver|automne|printemps|nuit|fois|an|ans|jours|années|semaines|soirée"
)
_FR_DEMONSTRATIVE = regex.compile(rf"(?<![\p{{L}}])(?:ce|cet|cette|ces)\s+(?!(?:{_TIME_NOUNS})\b)(?!que\b|qui\b|qu['’])({W})", F)
_FR_PRONOUN_START = regex.compile(r"^(?:Il|Elle|Ils|Elles)\s+(?!y\s+a\b)" + W, regex.V1)
_FR_SECOND = regex.compile(
    r"(?<![\p{L}'’-])(?:vous|votre|vos|tu|ton|ta|tes|toi|t['’])(?![\p{L}])|(?<=\p{L})-(?:vous|toi)(?![\p{L}])", F
)
_FR_IMPERATIVE = regex.compile(r"^(?:ne\s+|n['’])?(?!chez\b)(\p{L}+ez)(?:-vous)?\b", F)
_FR_LEADING_NUMBER = regex.compile(r"^(?:(?:les|top)\s+)?(\d{1,3})(?![\d\s]*(?:[%‰€$£]|\d|\s?(?:euros?|millions?|milliards?|°|km|ans\b|h\b)))", F)
_FR_LIST_TAIL = regex.compile(
    rf"^\s+(?:{W}\s+){{0,3}}?(?:qui|que|qu['’]|à\s+(?:ne\s+pas\s+)?\p{{L}}+(?:er|ir|re)\b|pour\s+\p{{L}}+(?:er|ir|re)\b|tellement|dont|plus|les\s+plus)(?![\p{{L}}])",
    F,
)
_FR_TOP = regex.compile(r"^top\s+\d+", F)
_FR_QUOTE_ATTR = regex.compile(r"«[^»]{3,}»\s*:|:\s*«[^»]{3,}»|(?:réclame|dénonce|appelle|souhaite|estime|demande|promet|annonce|assure|affirme|salue)\s+«", F)
_FR_FACT_NUMBER = regex.compile(
    r"\d[\d\s\u00a0\u202f]*(?:[.,]\d+)?\s*(?:%|‰|€|\$|£|°|euros?|centimes?|millions?|milliards?|km|kilomètres?|mètres?|tonnes?|ans\b|mois\b|jours\b|heures?\b|h\b|postes|emplois|foyers|morts?|blessés?|victimes|habitants|logements|billets|voix|sièges|points)"
    r"|\b(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|cent|mille|des dizaines de|des centaines de|des milliers de)\s+"
    r"(?:morts?|blessés?|victimes|habitants|logements|postes|emplois|foyers|élèves|salariés|personnes|enfants|adultes)"
    r"|\b(?:en|depuis|d['’]ici|avant|après|au)\s+(?:19|20)\d\d\b|\b\d{1,2}(?:er)?\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)",
    F,
)
#: a sensational label opening the headline (« Incroyable : … », « ÇA Y EST : … »)
_FR_LABEL = regex.compile(
    r"^(?:incroyable|hallucinant|dingue|terrible|énorme|insolite|bombe|drame|horreur|scandale|choc|ça y est|"
    r"c['’]est officiel|enfin|stupeur|panique|coup de théâtre|coup de tonnerre|révélations?|exclusif|exclu|"
    r"à ne pas manquer|à ne pas rater|top|flop|la honte|le scandale|magnifique|sublime|wow|waouh|oups|aïe)\s*[:!]",
    F,
)
#: an indefinite or demonstrative subject made famous instead of named (« Une célèbre enseigne ferme… »)
_FR_WITHHELD_SUBJECT = regex.compile(
    r"^(?:un|une|des|ce|cet|cette|ces)\s+(?:(?-i:\p{Ll})[\p{L}'’-]*\s+){0,2}?"
    r"(?:célèbres?|populaires?|(?:très|bien|mondialement)\s+connue?s?|emblématiques?|stars?|cultes?|mythiques?|"
    r"incontournables?|préférée?s?|favori(?:te)?s?|fameu(?:x|se|ses)|iconiques?|légendaires?|adorée?s?)"
    r"(?![\p{L}])(?-i:(?!\s+\p{Lu}))",
    F,
)
#: a second sentence that starts with a pronoun: the story stops before its point (« … Elle a tout changé »)
_FR_CLIFFHANGER = regex.compile(
    r"(?<=[.…]\s+)(?:(?:Il|Elle|Ils|Elles|Personne|Rien|Ça|Ce|C['’]est|La suite|Résultat)(?![\p{L}])"
    r"|\p{L}+\s+(?:\p{L}+\s+)?(?:plus tard|après)(?![\p{L}]))",
    regex.V1,
)
_TOPIC_COLON = regex.compile(r"^[^:!?«»\"]{2,40}?\s?:\s?(?=\S)", F)

# -- English -------------------------------------------------------------------------------------
_EN_SECOND = regex.compile(r"(?<![\p{L}'’])(?:you|your|yours|you['’](?:re|ll|ve|d)|yourself|yourselves)(?![\p{L}])", F)
_EN_IMPERATIVE = regex.compile(
    r"^(?:try|watch|meet|stop|don['’]t|check|look|take|guess|answer|tell|find|get|make|see|name|pick|choose|"
    r"vote|rank|help|listen|read|let['’]s|here['’]s)\b",
    F,
)
_EN_QUIZ = regex.compile(
    r"^(?:which|what|who|how\s+(?:well|many|much)|can|could|do|did|would|are|will|should|have)\b.*\b(?:you|your|u)\b", F
)
_EN_LEADING_NUMBER = regex.compile(
    r"^(?:the\s+)?(\d{1,3})(?!\s*(?:%|percent|per\s+cent|people|dead|killed|die|died|injured|hurt|arrested|missing|million|billion|more|years?|-year)\b)(?![\d,.:%])",
    F,
)
_EN_LIST_TAIL = regex.compile(rf"^\s+(?:{W}\s+){{0,3}}?(?:that|who|which|you|to|of\s+the|we|everyone|only|ever)(?![\p{{L}}])", F)
_EN_PRONOUN_START = regex.compile(r"^(?:he|she|they|this\s+(?:guy|girl|man|woman|kid|dog|cat|mom|dad))\s", F)
_EN_QUOTE_ATTR = regex.compile(r"[\"“][^\"”]{3,}[\"”]\s*:|:\s*[\"“][^\"”]{3,}[\"”]|\b(?:says|said|warns|claims|tells)\b", F)
_EN_FACT_NUMBER = regex.compile(
    r"\d[\d,]*(?:\.\d+)?\s*(?:%|percent|per\s+cent|million|billion|dead|killed|people|injured|points|votes|seats|km|miles|years?\b)|\$\d|\b(?:19|20)\d\d\b",
    F,
)

_QUOTED = regex.compile(r"«[^»]+»|“[^”]+”|\"[^\"]+\"|(?<![\p{L}])'[^']{6,}'(?![\p{L}])")
#: cues that mean nothing inside a quotation (the speaker's "you", "these", "he")
_QUOTE_BLIND = {"demonstrative", "pronoun-start", "forward-reference", "second-person", "imperative"}
_MULTI_PUNCT = regex.compile(r"[!?]{2,}|!\s+!|\?\s+!")
_EXCLAIM = regex.compile(r"!")
_ELLIPSIS = regex.compile(r"\.\.\.|…")
_CAPS_WORD = regex.compile(r"(?<![\p{L}\p{N}])\p{Lu}[\p{Lu}\p{M}'’]{1,}(?![\p{L}\p{N}])", regex.V1)
_QUESTION_END = regex.compile(r"\?\s*[»\"”)]?\s*$")


def _cue(family, feature, m, reason, group=0) -> Cue:  # type: ignore[no-untyped-def]
    return Cue(family, feature, m.start(group), m.end(group), m.group(group), reason)


def _lexicon_cues(title: str, what: str, lang: str, family: str, feature: str, label: str) -> list[Cue]:
    pat = lexicons.pattern(what, lang)
    if pat is None:
        return []
    return [_cue(family, feature, m, f"{label}: « {m.group()} »") for m in pat.finditer(title)]


def vague_evaluative(title: str, lang: str) -> list[Cue]:
    """A vague noun qualified by an evaluative word and nothing that says what it is."""
    nouns, evals = lexicons.split_pattern("vague", lang)
    if nouns is None or evals is None:
        return []
    out = []
    if lang == "fr":
        # noun then up to two words then the evaluative (« une décision radicale », « un aveu de taille »,
        # « une mesure spectaculaire contre »), or the evaluative before the noun (« la grande décision »).
        pat = regex.compile(
            rf"(?<![\p{{L}}])(?:(?:un|une|des|la|le|l['’]|les|cette|ce|cet|ces|sa|son|ses|leur)\s+)"
            rf"(?:(?:{evals.pattern})\s+)?({nouns.pattern})(?:\s+(?:{W}\s+){{0,1}}?({evals.pattern}))?(?![\p{{L}}])",
            F,
        )
        for m in pat.finditer(title):
            before = m.group(0)[: m.start(1) - m.start(0)]
            has_eval_before = regex.search(rf"(?:{evals.pattern})\s+$", before, F) is not None
            if m.group(2) is None and not has_eval_before:
                # a bare demonstrative + vague noun (« Cette décision de la mairie ne passe pas ») is
                # withheld information when the rest of the title only evaluates it
                if regex.match(r"(?:cette|ce|cet|ces)\s", m.group(0), F) and regex.search(
                    rf"(?:{evals.pattern})", title[m.end():], F
                ):
                    out.append(Cue("vague-evaluative", "vague-evaluative", m.start(), m.end(), m.group(),
                                   f"vague noun behind a demonstrative, judged but never stated: « {m.group()} »"))
                continue
            rest = title[m.end():]
            # something specific follows: « la décision de fermer… », « : fermeture de… »
            if regex.match(r"\s*(?:de\s+|d['’])\p{L}+(?:er|ir|re)\b|\s*[:–—-]\s*\S", rest, F):
                continue
            start = m.start(1) if not has_eval_before else m.start(0) + len(regex.match(r"\S+\s+", m.group(0)).group())
            end = m.end(2) if m.group(2) else m.end(1)
            out.append(Cue("vague-evaluative", "vague-evaluative", start, end, title[start:end],
                           f"vague noun with an evaluative word instead of the facts: « {title[start:end]} »"))
        adv = regex.compile(r"(?<![\p{L}])(?:changent|change|tourne|tournent|évolue)\s+radicalement(?:\s+de\s+\p{L}+)?", F)
        for m in adv.finditer(title):
            out.append(_cue("vague-evaluative", "vague-evaluative", m, f"evaluation instead of the change itself: « {m.group()} »"))
    else:
        pat = regex.compile(rf"(?<![\p{{L}}])(?:a|an|the|this|these|that|its|his|her|their)\s+({evals.pattern})\s+({nouns.pattern})(?![\p{{L}}])", F)
        for m in pat.finditer(title):
            rest = title[m.end():]
            if regex.match(r"\s*(?:to\s+\p{L}+|on\s+\p{L}+|:\s*\S)", rest, F):
                continue
            out.append(Cue("vague-evaluative", "vague-evaluative", m.start(1), m.end(2), title[m.start(1):m.end(2)],
                           f"vague noun with an evaluative adjective instead of the facts: \"{title[m.start(1):m.end(2)]}\""))
    return out


def stock_phrases(title: str, lang: str) -> list[Cue]:
    from .stock import stock_matches

    return [Cue("stock-phrase", "stock-phrase", s, e, title[s:e], f"stock clickbait phrase: « {title[s:e]} »")
            for s, e in stock_matches(title, lang)]


def find_cues(title: str, lang: str) -> list[Cue]:
    """Every cue and marker of ``title`` (a headline) in ``lang`` ("fr" or "en")."""
    lang = "en" if lang == "en" else "fr"
    cues: list[Cue] = []
    cues += _lexicon_cues(title, "sensational", lang, "sensational", "sensational", "sensational word")
    cues += _lexicon_cues(title, "hyperbole", lang, "hyperbole", "hyperbole", "hyperbole")
    cues += _lexicon_cues(title, "superlative", lang, "hyperbole", "superlative", "superlative")
    forward = _lexicon_cues(title, "forward", lang, "forward-reference", "forward-reference", "withholds what it announces")
    explainers = [Cue(None, "explainer", c.start, c.end, c.text, f"explainer format: « {c.text} »")
                  for c in _lexicon_cues(title, "explainer", lang, "x", "x", "")]
    service = [Cue(None, "service", c.start, c.end, c.text, f"public-interest marker: « {c.text} »")
               for c in _lexicon_cues(title, "service", lang, "x", "x", "")]
    cues += [c for c in forward if not any(e.start <= c.start < e.end for e in explainers)]
    cues += explainers + service
    cues += vague_evaluative(title, lang)
    cues += stock_phrases(title, lang)

    if lang == "fr":
        for m in _FR_DEMONSTRATIVE.finditer(title):
            if any(c.start <= m.start() < c.end for c in explainers):
                continue
            cues.append(_cue("forward-reference", "demonstrative", m, f"subject hidden behind a demonstrative: « {m.group()} »"))
        m = _FR_PRONOUN_START.match(title)
        if m:
            cues.append(_cue("forward-reference", "pronoun-start", m, f"unnamed subject: « {m.group()} »"))
        m = _FR_LABEL.match(title)
        if m and not m.group().rstrip(" :!").isupper():  # a label in capitals is a caps cue (« EXCLU : »)
            cues.append(_cue("sensational", "teaser-label", m, f"sensational label opening the headline: « {m.group()} »"))
        m = _FR_WITHHELD_SUBJECT.match(title)
        if m and not regex.match(r"(?:\s+\p{L}+){0,2},?\s+(?-i:\p{Lu})", title[m.end():], regex.V1):  # named in apposition
            cues.append(_cue("forward-reference", "withheld-subject", m, f"subject made famous instead of named: « {m.group()} »"))
        for m in _FR_CLIFFHANGER.finditer(title):
            cues.append(_cue("forward-reference", "cliffhanger", m, f"the story stops before its point: « {m.group()} »"))
        seconds = list(_FR_SECOND.finditer(title))
        m = _FR_IMPERATIVE.match(title)
        imperative = m if m and not regex.match(r"^(?:assez|chez|nez|rez)$", m.group(1), F) else None
        lead = _FR_LEADING_NUMBER.match(title)
        listicle = None
        if _FR_TOP.match(title):
            listicle = _FR_TOP.match(title)
        elif lead:
            tail = title[lead.end():]
            listnoun = lexicons.pattern("listicle", "fr")
            first = regex.match(rf"\s+({W})", tail, F)
            if (first and listnoun is not None and listnoun.fullmatch(first.group(1))) or _FR_LIST_TAIL.match(tail):
                listicle = lead
        quote_attr = _FR_QUOTE_ATTR.search(title)
        facts = list(_FR_FACT_NUMBER.finditer(title))
        caps_words = lexicons.words("caps", "fr")
    else:
        seconds = list(_EN_SECOND.finditer(title))
        m = _EN_IMPERATIVE.match(title)
        imperative = m
        m = _EN_PRONOUN_START.match(title)
        if m:
            cues.append(_cue("forward-reference", "pronoun-start", m, f"unnamed subject: \"{m.group().strip()}\""))
        lead = _EN_LEADING_NUMBER.match(title)
        listicle = None
        if lead:
            tail = title[lead.end():]
            listnoun = lexicons.pattern("listicle", "en")
            words = regex.findall(W, tail)[:4]
            if (listnoun is not None and any(listnoun.fullmatch(w) for w in words)) or _EN_LIST_TAIL.match(tail):
                listicle = lead
        m = _EN_QUIZ.match(title)
        if m:
            cues.append(Cue("second-person", "quiz", 0, min(len(title), m.end()), title[: m.end()], "quiz addressed to the reader"))
        quote_attr = _EN_QUOTE_ATTR.search(title)
        facts = list(_EN_FACT_NUMBER.finditer(title))
        caps_words = lexicons.words("caps", "en")

    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(title)]
    if quoted:
        cues = [c for c in cues if not (c.feature in _QUOTE_BLIND and any(a <= c.start < b for a, b in quoted))]
        seconds = [s for s in seconds if not any(a <= s.start() < b for a, b in quoted)]
    has_service = bool(service)
    for s in seconds:
        if has_service:
            cues.append(_cue(None, "second-person-service", s, f"addresses the reader about a public-interest matter: « {s.group()} »"))
        else:
            cues.append(_cue("second-person", "second-person", s, f"addresses the reader: « {s.group()} »"))
    if imperative is not None:
        cues.append(Cue("second-person", "imperative", imperative.start(), imperative.end(), imperative.group(),
                        f"orders the reader: « {imperative.group()} »"))
    if listicle is not None:
        cues.append(_cue("listicle", "listicle", listicle, f"list teaser: « {listicle.group()} »"))
    elif lead is not None:
        cues.append(_cue(None, "leading-number", lead, "starts with a number"))
    if quote_attr:
        cues.append(_cue(None, "quote-attributed", quote_attr, "attributed quotation"))
    for f in facts:
        cues.append(_cue(None, "fact-number", f, f"figure reported as a fact: « {f.group()} »"))

    for m in _MULTI_PUNCT.finditer(title):
        cues.append(_cue("punctuation-caps", "multi-punct", m, f"excessive punctuation: « {m.group()} »"))
    if not _MULTI_PUNCT.search(title):
        for m in _EXCLAIM.finditer(title):
            cues.append(_cue("punctuation-caps", "exclamation", m, "exclamation mark"))
    for m in _ELLIPSIS.finditer(title):
        cues.append(_cue("punctuation-caps", "ellipsis", m, f"suspension points: « {m.group()} »"))
    cues += caps_cues(title, caps_words, lang)
    if _QUESTION_END.search(title):
        m = _QUESTION_END.search(title)
        cues.append(_cue(None, "question", m, "question headline"))
    m = _TOPIC_COLON.match(title)
    if m:
        cues.append(_cue(None, "topic-colon", m, "« Topic : fact » structure"))
    if lang == "fr":
        for m in proper_nouns(title):
            cues.append(Cue(None, "proper-noun", m[0], m[1], title[m[0]:m[1]], f"names something specific: « {title[m[0]:m[1]]} »"))
        # the information gap: nothing concrete to hold on to (no name, no figure, no quotation, not an
        # explainer or service piece); it adds weight to the teasing cues, never flags on its own
        anchors = {"proper-noun", "fact-number", "quote-attributed", "explainer", "service", "second-person-service"}
        if not any(c.feature in anchors for c in cues) and not regex.match(r"^\s*\d", title):
            cues.append(Cue(None, "unanchored", 0, 0, "", "names nothing specific: no name, figure or quotation"))
    return cues


def caps_cues(title: str, labels: frozenset[str], lang: str) -> list[Cue]:
    """Shouted words: capitalised labels (EXCLU, BREAKING) and ordinary words in capitals."""
    out = []
    words = list(_CAPS_WORD.finditer(title))
    letters = sum(ch.isalpha() for ch in title)
    upper = sum(ch.isupper() for ch in title)
    if letters >= 12 and upper / letters > 0.8:
        return [Cue("punctuation-caps", "all-caps", 0, len(title), title, "headline written in capitals")]
    for m in words:
        w = m.group()
        if w in labels or w.upper() in labels:
            out.append(_cue("punctuation-caps", "caps", m, f"shouted label: « {w} »"))
        elif len(w) >= 3 and (regex.search(r"[ÀÂÄÉÈÊËÎÏÔÖÙÛÜŸÇ]", w) or w.lower() in _SHOUTED_WORDS):
            out.append(_cue("punctuation-caps", "caps", m, f"word in capitals: « {w} »"))
    return out


_SHOUTED_WORDS = frozenset(
    "que qui quoi plus pas jamais tout tous toute rien très vraiment enfin ça cela ceci voici voilà fou folle énorme "
    "this that what never ever every all not only must need you your the and will why how really".split()
)

_PROPER = regex.compile(r"(?<![\p{L}\p{N}'’])\p{Lu}[\p{L}\p{M}'’.-]*", regex.V1)


def proper_nouns(title: str) -> list[tuple[int, int]]:
    """Capitalised words of a French headline that are not its first word (French headlines are in
    sentence case, so these are names: places, people, organisations)."""
    out = []
    for m in _PROPER.finditer(title):
        if m.start() == 0:
            continue
        before = title[: m.start()].rstrip()
        if not before or before[-1] in ":.!?«\"“(—–-":
            continue
        w = m.group()
        if w.isupper() and len(w) > 1 and w in ("ALERTE", "EXCLU", "OFFICIEL", "INCROYABLE", "CHOC", "QUE", "PLUS", "TRÈS"):
            continue
        if out and regex.fullmatch(r"[\s-]+|\s+(?:de|du|des|la|le|d['’])\s+|\s+(?:de\s+la|de\s+l['’])\s*", title[out[-1][1]:m.start()]):
            out[-1] = (out[-1][0], m.end())  # one multiword name (« Silicon Valley », « Union des Comores »)
            continue
        out.append((m.start(), m.end()))
    return out
