"""French grammar checks that use the Hunspell dictionary's lemmas rather than word lists.

:func:`participle_errors` finds a conjugated form written where the past participle belongs after
the auxiliary *avoir* (« il a réagit » → « réagi », « elle a finit » → « fini », « il a prit » →
« pris »), allowing adverbs and the inverted subject between them (« n'a pas réagit »,
« a-t-il réagit »).

:func:`passive_agreement_errors` finds a singular participle after a plural *être* of the passive
or of a compound tense (« ils ont été invité » → « invités », « elles sont parti » → « parties »).
A plural form of the auxiliary (« ont été », « avaient été », « sont », « étaient »…) is itself the
mark of a plural subject, so the subject need not be found first; the reflexive « se sont » (whose
participle may stay invariable: « ils se sont dit ») is left alone.
"""

from __future__ import annotations

from typing import Callable, Iterator, NamedTuple

import regex

from ..backends.hunspell import Speller
from ..resources import lexicon

_AVOIR = (
    "a|ai|as|avons|avez|ont|avait|avais|avions|aviez|avaient|aura|auras|aurons|aurez|auront|"
    "aurait|aurais|aurions|auriez|auraient|eut|eurent|ait|aie|aies|ayons|ayez|aient|eût|ayant|avoir"
)
_ETRE = (
    "suis|es|est|sommes|êtes|sont|étais|était|étions|étiez|étaient|serai|seras|sera|serons|serez|"
    "seront|serais|serait|serions|seriez|seraient|fus|fut|furent|fût|été|être|étant"
)
# Auxiliary forms that are also nouns: they count only after a subject pronoun.
_AMBIGUOUS_AUX = {"avions", "as", "aie", "aies", "été", "est", "être", "avoir", "aura", "fut"}
# Lemmas whose forms are auxiliaries themselves, never a participle to correct.
_AUX_LEMMAS = {"être", "avoir"}
_PRONOUN_BEFORE = regex.compile(
    r"(?i)(?:^|[^\p{L}])(?:je|j['’]|tu|il|elle|on|nous|vous|ils|elles|qui|[nlmts]['’]|en|y|se|me|te|lui|leur|leurs|ne|pas|à|de|d['’]|après|pour|sans|avoir|a|ont|ai|avait|avaient|aura|auront|aurait|auraient|ayant|peut|peuvent|pourrait|pourraient|pourra|pourront|doit|doivent|devrait|devraient|devra|devront|semble|semblent|veut|veulent|va|vont|paraît|pense|pensent|risque|risquent|voudrait|faut|faudrait|censée?s?|susceptibles?|[\p{L}]+-(?:il|elle|on|ils|elles|je|tu|nous|vous))[\s\u00a0]*$"
)
_ADVERBS = (
    "pas|plus|point|jamais|rien|bien|mal|déjà|toujours|aussi|encore|beaucoup|trop|vite|souvent|"
    "peu|tout|enfin|finalement|également|ensuite|même|longtemps|presque|vraiment|certes|donc|"
    "alors|pourtant|cependant|probablement|sans doute|peut-être|notamment|clairement|rapidement|"
    "immédiatement|récemment|seulement|simplement|entièrement|totalement|largement|fortement"
)
_WORD = r"[\p{L}][\p{L}\-]*"
# « a », « n'a », « l'a », « m'ont », « a-t-il », « ont-ils », then adverbs, then the verb.
_AFTER_AVOIR = regex.compile(
    rf"""(?xi)
    (?<![\p{{L}}\-'’])(?:[nlmtsj]['’]|qu['’])?
    (?P<aux>{_AVOIR}|{_ETRE})
    (?:-t)?(?:-(?:il|elle|on|ils|elles|je|tu|nous|vous))?
    (?P<adv>(?:[\s\u00a0]+(?:{_ADVERBS}|[\p{{L}}]{{3,}}ment))*)
    [\s\u00a0]+(?P<verb>{_WORD})(?![\p{{L}}'’\-])
    """
)
# Between a plural auxiliary and its participle (« ont été parfois oubliés », « sont tous partis »).
_MORE_ADVERBS = r"parfois|désormais|aussitôt|ainsi|tous|toutes|très|si|d['’]abord|de[\s\u00a0]+nouveau|à[\s\u00a0]+nouveau|tôt|tard|vite"
# A plural auxiliary of the passive or of a compound tense with « être », with no subject needed:
# « ont été », « sont », « étaient »… are third person plural forms only. Not after a reflexive
# pronoun (« ils se sont dit que… », « elles s'en sont donné les moyens »: the participle may be
# invariable) nor after « ce » (« ce sont »).
_PLURAL_AUX = regex.compile(
    rf"""(?xi)
    (?<![\p{{L}}\-'’])(?P<aux>(?:ont|avaient|auront|auraient|eurent|aient)[\s\u00a0]+été|
        sont|étaient|seront|seraient|furent|soient)
    (?![\p{{L}}'’\-])
    (?P<adv>(?:[\s\u00a0]+(?:{_ADVERBS}|{_MORE_ADVERBS}|[\p{{L}}]{{3,}}ment))*)
    [\s\u00a0]+(?P<verb>{_WORD})(?![\p{{L}}'’\-])
    """
)
_REFLEXIVE_BEFORE = regex.compile(
    r"(?i)(?:^|[^\p{L}])(?:se|s['’]|me|m['’]|te|t['’]|nous|vous|ce|c['’])[\s\u00a0]*"
    r"(?:(?:en|y|le|la|les|l['’]|leur|lui)(?:[\s\u00a0]+|(?<=['’])))*(?:ne[\s\u00a0]+|n['’][\s\u00a0]*)?$"
)
# Past participles of the families whose present and participle differ by -t / -s.
_IS_FAMILIES = (("prendre", "pris"), ("mettre", "mis"), ("quérir", "quis"), ("asseoir", "assis"))


class Hit(NamedTuple):
    start: int
    end: int
    word: str
    suggestion: str
    message: str


def participle_of(lemma: str, speller: Speller) -> str | None:
    """The masculine singular past participle of ``lemma`` when it is regular enough to derive."""
    if lemma.endswith("er") and len(lemma) > 3:
        p = lemma[:-2] + "é"
    elif lemma.endswith("ir") and len(lemma) > 3:
        p = lemma[:-1]
    else:
        for inf, part in _IS_FAMILIES:
            if lemma.endswith(inf):
                p = lemma[: -len(inf)] + part
                break
        else:
            return None
    if speller.known(p) and lemma in speller.stems(p):
        return p
    return None


def _wrong_form(word: str, speller: Speller, allow_infinitive: bool, after_etre: bool = False) -> str | None:
    """The participle to write instead of ``word`` after *avoir* or *être*, or None when ``word`` is fine."""
    low = word.lower()
    if not speller.known(low):
        return None
    if low.endswith("ment") or low in ("été", "eu"):
        return None
    if after_etre and speller.nominal(low):
        return None  # « il était officier », « il en était fier », « il faisait nuit »
    for lemma in speller.stems(low):
        p = participle_of(lemma, speller)
        if p is None:
            continue
        if low in (p, p + "s", p + "e", p + "es"):
            return None  # the participle itself: fine
    for lemma in speller.stems(low):
        p = participle_of(lemma, speller)
        if p is None:
            continue
        # -ir verbs: « réagit » for « réagi »; -prendre/-mettre: « prit », « mit » for « pris », « mis ».
        if lemma.endswith("ir") and low == p + "t":
            return p
        if p.endswith("is") and low == p[:-1] + "t":
            return p
    # Any verb: a form in -t whose stem without the t is a form of the same verb is the
    # participle plus a t (« reconnut » → « reconnu », « rit » → « ri », « valut » → « valu »).
    if low.endswith("t") and len(low) > 3 and speller.known(low[:-1]) and not low.endswith("ait"):
        # (not « serait » / « brillait »: « serai », « brillai » are tenses, not participles)
        shared = (set(speller.stems(low)) & set(speller.stems(low[:-1]))) - _AUX_LEMMAS
        if any(lemma[-2:] in ("er", "ir", "re") or lemma.endswith("oir") for lemma in shared):
            return low[:-1]
    for lemma in speller.stems(low):
        p = participle_of(lemma, speller)
        if p is None:
            continue
        # -er verbs: the infinitive (« ils ont mangé » written « ont manger ») or « -ez ».
        if lemma.endswith("er") and allow_infinitive and low == lemma:
            return p
    return None


def participle_errors(text: str, speller: Speller) -> Iterator[Hit]:
    for m in _AFTER_AVOIR.finditer(text, overlapped=True):
        aux = m.group("aux").lower()
        verb = m.group("verb")
        if verb[:1].isupper():
            continue
        before = text[max(0, m.start() - 30):m.start()]
        glued = m.group(0)[: m.start("aux") - m.start()]  # « n' », « l' » before the auxiliary
        if aux in _AMBIGUOUS_AUX and not glued and "-" not in m.group(0)[m.end("aux") - m.start():m.start("verb") - m.start()]:
            if not _PRONOUN_BEFORE.search(before):
                continue  # « des avions voler », « l'est », « un as »
        if regex.search(r"(?i)(?:^|[^\p{L}])(?:c['’]|ce|cela|ça)[\s\u00a0]*$", before + glued):
            continue  # « c'est manger », « ce sont tromper » are rare; « Partir, c'est mourir » is fine
        # After a bare « a » an infinitive is more likely « à » without its accent; leave it.
        allow_inf = aux not in ("a", "as", "ayant", "est", "été", "être", "étant", "es")
        after_etre = regex.fullmatch(_ETRE, aux) is not None
        p = _wrong_form(verb, speller, allow_inf, after_etre)
        if p is None:
            continue
        yield Hit(
            m.start("verb"), m.end("verb"), verb, p,
            f"After the auxiliary « {m.group('aux')} », write the past participle « {p} », not « {verb} »",
        )


def _singular_participle(low: str, speller: Speller) -> bool:
    """Is ``low`` the masculine or feminine singular participle of a verb the dictionary derives?"""
    for lemma in speller.stems(low):
        p = participle_of(lemma, speller)
        if p is not None and low in (p, p + "e") and not p.endswith("s"):
            return True
    return False


def passive_agreement_errors(text: str, speller: Speller,
                             participle: Callable[[int, str], bool] | None = None) -> Iterator[Hit]:
    """Singular participles after a plural auxiliary (« ont été invité », « sont arrivée »).

    ``participle(start, word)`` may say that a word the dictionary cannot derive is a singular
    participle (the parse's reading: « construite », « venu »); without it only the forms of
    regular -er/-ir verbs and of the -prendre/-mettre families count.
    """
    for m in _PLURAL_AUX.finditer(text, overlapped=True):
        aux = m.group("aux")
        if "été" not in aux.lower() and _REFLEXIVE_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue  # « ils se sont dit », « ce sont »
        verb = m.group("verb")
        low = verb.lower()
        if verb[:1].isupper() or not speller.known(low) or low.endswith(("s", "x")) or low in ("été", "eu", "dû"):
            continue
        after = " ".join(text[m.start("verb"):m.start("verb") + 40].lower().split())
        if any(after.startswith(phrase) for phrase in lexicon("grammar-invariable-attributes.fr")):
            continue  # « ils sont partie prenante »
        if not (_singular_participle(low, speller) or participle is not None and participle(m.start("verb"), verb)):
            continue
        plural = low + "s"
        if not speller.known(plural):
            continue
        yield Hit(
            m.start("verb"), m.end("verb"), verb, plural,
            f"After the plural « {' '.join(aux.split())} » the participle agrees with its plural subject: « {plural} »",
        )
