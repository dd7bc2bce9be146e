"""Recall of the grammar checks on errors injected into clean real news, and their false alarms
on the untouched text.

    .venv/bin/python benchmarks/grammar_injection.py [--half tune|test] [--lang en|fr|both]
        [--limit N] [--with-grammalecte] [--show] [--json FILE] [--data DIR] [--seed 20261203]

The clean real news is every French Wikinews article, every GUM (English Wikinews) article and
every Horne 2017 ``real`` article of ``../shared/datasets``, minus the articles of
``benchmarks/data/realnews`` (both halves: that set has its own gold). Each article falls in one
half by ``zlib.crc32(id) % 2`` (0 = ``tune``, 1 = ``test``); ``test`` is held out: measure it once.

Each error kind is a small function that finds its valid sites in the clean body (spaCy tokens
of auditor's own analysis) and rewrites ONE of them, chosen with a seeded ``random.Random``
(one generator per article and kind, so a run does not depend on ``--limit`` or on the other
kinds), giving a new body and the character span of the injected words. An injected error is
FOUND when a finding of category ``grammar`` or ``spelling`` in the body overlaps that span.
Articles without a site for a kind are skipped for it (``n`` is printed per kind).

False alarms: the untouched articles are audited once and their ``grammar`` findings counted per
1,000 words (``spelling`` findings are printed for information). The audits use every default
rule with Grammalecte disabled; ``--with-grammalecte`` adds a second pass with the default set.
The injected copies are audited with only the rules that make or supersede
grammar and spelling findings (the same counted findings, faster). The speed line times the spelling and grammar rules only, on analyses whose spaCy parse is
already cached.

The texts are never copied into the repository; ``--json`` writes counts, spans and excerpts
to a file of your choice.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import zlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import realnews_build as rb  # noqa: E402
from auditor.analysis import Analysis  # noqa: E402
from auditor.config import Config  # noqa: E402
from auditor.engine import Auditor  # noqa: E402
from auditor.model import Article  # noqa: E402

SEED = 20261203
DEFAULT_LIMIT = {"en": 150, "fr": 200}
CATEGORIES = ("grammar", "spelling")


# -- data ------------------------------------------------------------------------------------------

def half_of(article_id: str) -> str:
    return "tune" if zlib.crc32(article_id.encode()) % 2 == 0 else "test"


def clean_articles(data: Path) -> list[dict]:
    """Every clean real-news article of the datasets that is not in the real-news gold set."""
    taken = {json.loads(p.read_text(encoding="utf-8"))["source"]["id"]
             for half in ("tune", "test") for p in (rb.GOLD / half).glob("*.json")}
    out = [rb.wikinews_fr(r) for r in rb.read_jsonl(data / "news-fr-wikinews/articles.jsonl")]
    out += [rb.gum_en(r) for r in rb.read_jsonl(data / "news-en-wikinews/gum_news_entities.jsonl")]
    out += [rb.horne(r) for r in rb.read_jsonl(data / "fakenews-en/horne2017_articles.jsonl") if r["label"] == "real"]
    return [a for a in out if a["source"]["id"] not in taken and a["body"].strip()]


def select(articles: list[dict], half: str, lang: str, limit: int | None) -> list[dict]:
    """The articles of one half and language, in a seeded order, the first ``limit`` of them."""
    chosen = sorted((a for a in articles if a["lang"] == lang and half_of(a["id"]) == half), key=lambda a: a["id"])
    random.Random(f"{SEED}-{half}-{lang}").shuffle(chosen)
    return chosen[:limit] if limit else chosen


# -- injection -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Site:
    start: int  # span of the clean text to replace
    end: int
    replacement: str


@dataclass(frozen=True)
class Injection:
    kind: str
    text: str  # the new body
    start: int  # span of the injected words in the new body
    end: int
    before: str
    after: str


def _case(word: str, model: str) -> str:
    """``word`` with the capitalisation of ``model`` (first letter only)."""
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def _nxt(doc, t, k: int = 1):
    j = t.i + k
    return doc[j] if 0 <= j < len(doc) else None


def _is_apos_s(t, suffix: str) -> bool:
    return t is not None and t.lower_.replace("’", "'") == suffix


def _span(doc, first, last, replacement: str) -> Site:
    return Site(first.idx, last.idx + len(last.text), replacement)


# English ----------------------------------------------------------------------------------------

def en_its_to_its(doc) -> Iterator[Site]:
    for t in doc:
        n = _nxt(doc, t)
        if t.lower_ == "its" and t.tag_ == "PRP$" and n is not None and n.pos_ in ("NOUN", "ADJ"):
            yield _span(doc, t, t, _case("it's", t.text))


def en_it_is_to_its(doc) -> Iterator[Site]:
    for t in doc:
        s, n = _nxt(doc, t), _nxt(doc, t, 2)
        if (t.lower_ == "it" and _is_apos_s(s, "'s") and s.idx == t.idx + len(t.text) and n is not None
                and (n.lower_ in ("a", "the", "not", "been") or n.pos_ == "ADJ")):
            yield _span(doc, t, s, _case("its", t.text))


def _before_noun(word: str, replacement: str, tags: tuple[str, ...] = ("NOUN",)) -> Callable:
    def find(doc) -> Iterator[Site]:
        for t in doc:
            n = _nxt(doc, t)
            if t.lower_ == word and n is not None and n.pos_ in tags:
                yield _span(doc, t, t, _case(replacement, t.text))
    return find


def _contraction(word: str, suffix: str, replacement: str) -> Callable:
    def find(doc) -> Iterator[Site]:
        for t in doc:
            s = _nxt(doc, t)
            if t.lower_ == word and _is_apos_s(s, suffix) and s.idx == t.idx + len(t.text):
                yield _span(doc, t, s, _case(replacement, t.text))
    return find


def en_there_to_their(doc) -> Iterator[Site]:
    for t in doc:
        n = _nxt(doc, t)
        if t.lower_ == "there" and n is not None and n.lower_ in ("is", "are", "was", "were"):
            yield _span(doc, t, t, _case("their", t.text))


COMPARATIVE_WORDS = {"more", "less", "fewer", "rather", "other", "better", "worse"}


def en_than_to_then(doc) -> Iterator[Site]:
    for t in doc:
        if t.lower_ != "than":
            continue
        before = doc[max(0, t.i - 4):t.i]
        if any(b.tag_ in ("JJR", "RBR") or b.lower_ in COMPARATIVE_WORDS for b in before):
            yield _span(doc, t, t, _case("then", t.text))


def _verb_forms(forms: dict[str, str], lemma: str, pos: tuple[str, ...] = ("VERB",)) -> Callable:
    def find(doc) -> Iterator[Site]:
        for t in doc:
            if t.lower_ in forms and t.lemma_.lower() == lemma and t.pos_ in pos:
                yield _span(doc, t, t, _case(forms[t.lower_], t.text))
    return find


en_lose_to_loose = _verb_forms({"lose": "loose", "loses": "looses", "losing": "loosing"}, "lose")
en_affect_to_effect = _verb_forms({"affect": "effect", "affects": "effects", "affected": "effected",
                                   "affecting": "effecting"}, "affect")


def en_effect_to_affect(doc) -> Iterator[Site]:
    for t in doc:
        p = _nxt(doc, t, -1)
        if (t.lower_ in ("effect", "effects") and t.pos_ == "NOUN" and p is not None
                and (p.lower_ in ("the", "an", "no", "any") or p.pos_ == "ADJ")):
            yield _span(doc, t, t, _case("affect" + t.lower_[6:], t.text))


#: Irregular past participles whose simple past differs and is never a participle itself.
PARTICIPLE_TO_PAST = {
    "gone": "went", "run": "ran", "begun": "began", "written": "wrote", "taken": "took", "seen": "saw",
    "done": "did", "come": "came", "eaten": "ate", "given": "gave", "spoken": "spoke", "broken": "broke",
    "chosen": "chose", "driven": "drove", "fallen": "fell", "known": "knew", "grown": "grew",
    "thrown": "threw", "flown": "flew", "drawn": "drew", "risen": "rose", "sung": "sang", "swum": "swam",
    "drunk": "drank", "ridden": "rode", "stolen": "stole", "forgotten": "forgot", "frozen": "froze",
    "shaken": "shook", "worn": "wore", "torn": "tore", "sworn": "swore", "hidden": "hid", "bitten": "bit",
}
AUX_HAVE = {"had", "has", "have", "'ve", "’ve"}


def en_perfect_participle(doc) -> Iterator[Site]:
    for t in doc:
        if t.lower_ not in PARTICIPLE_TO_PAST or t.tag_ != "VBN":
            continue
        p = _nxt(doc, t, -1)
        if p is not None and p.pos_ == "ADV" and p.lower_ != "been":
            p = _nxt(doc, t, -2)
        if p is not None and p.lower_ in AUX_HAVE:
            yield _span(doc, t, t, _case(PARTICIPLE_TO_PAST[t.lower_], t.text))


def en_could_of(doc) -> Iterator[Site]:
    for t in doc:
        p, n = _nxt(doc, t, -1), _nxt(doc, t)
        if (t.lower_ == "have" and p is not None and p.lower_ in ("could", "should", "would")
                and n is not None and (n.tag_ == "VBN" or n.lower_ == "been")):
            yield _span(doc, t, t, "of")


DOUBLED = {"the", "to", "of", "a", "in", "and"}


def en_doubled_word(doc) -> Iterator[Site]:
    for t in doc:
        n = _nxt(doc, t)
        if t.lower_ in DOUBLED and n is not None and n.is_alpha and n.lower_ != t.lower_:
            yield _span(doc, t, t, f"{t.text} {t.lower_}")


SVA_PLURAL = {"have": "has", "are": "is", "were": "was", "do": "does"}
SVA_SINGULAR = {v: k for k, v in SVA_PLURAL.items()}


def _third_person(verb: str) -> str:
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ies"
    if re.search(r"(s|sh|ch|x|z|o)$", verb):
        return verb + "es"
    return verb + "s"


def _finite(head):
    """The finite verb of a clause head: the head itself or its finite auxiliary."""
    if head.tag_ in ("VBZ", "VBP") or head.lower_ in ("was", "were"):
        return head
    for c in head.children:
        if c.dep_ in ("aux", "auxpass") and c.i < head.i and (c.tag_ in ("VBZ", "VBP") or c.lower_ in ("was", "were")):
            return c
    return None


def en_agreement(doc) -> Iterator[Site]:
    """A subject (plural NNS or singular NN) separated from its finite verb by a relative clause or
    a prepositional phrase; the verb's number is flipped."""
    for subj in doc:
        if subj.dep_ != "nsubj" or subj.tag_ not in ("NNS", "NN"):
            continue
        if any(c.dep_ in ("conj", "cc", "appos") for c in subj.children):
            continue
        verb = _finite(subj.head)
        if verb is None or verb.i <= subj.i:
            continue
        if not any(c.dep_ in ("relcl", "prep", "acl") and subj.i < c.i < verb.i for c in subj.children):
            continue
        if any(tok.text in ",;:()\"“”—–" for tok in doc[subj.i:verb.i]):
            continue
        w = verb.lower_
        if subj.tag_ == "NNS" and (verb.tag_ == "VBP" or w == "were"):
            if w in SVA_PLURAL:
                new = SVA_PLURAL[w]
            elif verb.tag_ == "VBP" and w.isalpha() and w == verb.lemma_.lower():
                new = _third_person(w)
            else:
                continue
        elif subj.tag_ == "NN" and (verb.tag_ == "VBZ" or w == "was"):
            if w in SVA_SINGULAR:
                new = SVA_SINGULAR[w]
            elif verb.tag_ == "VBZ" and w.isalpha() and _third_person(verb.lemma_.lower()) == w:
                new = verb.lemma_.lower()
            else:
                continue
        else:
            continue
        yield _span(doc, verb, verb, _case(new, verb.text))


# French -----------------------------------------------------------------------------------------

def fr_tous_les(doc) -> Iterator[Site]:
    for t in doc:
        n = _nxt(doc, t)
        if t.lower_ == "tous" and n is not None and n.lower_ == "les":
            yield _span(doc, t, t, _case("tout", t.text))


def fr_pronoun_number(doc) -> Iterator[Site]:
    for t in doc:
        n = _nxt(doc, t)
        if t.lower_ in ("ils", "elles") and n is not None and n.lower_ in ("sont", "ont"):
            yield _span(doc, t, t, _case(t.text[:-1], t.text))


def _is_participle(t) -> bool:
    return t is not None and "Part" in t.morph.get("VerbForm")


def fr_passive_participle(doc) -> Iterator[Site]:
    for t in doc:
        p, pp = _nxt(doc, t, -1), _nxt(doc, t, -2)
        if not (p is not None and p.lower_ == "été" and pp is not None
                and pp.lower_ in ("ont", "avaient", "auront", "auraient", "eurent")):
            continue
        w = t.lower_
        if _is_participle(t) and t.is_alpha and (w.endswith("és") or w.endswith("es")):
            yield _span(doc, t, t, t.text[:-1])


QUEL_QUE = re.compile(r"\b([Qq]uel(?:le)?s?) que (soi(?:en)?t)\b")


def fr_quel_que_soit(doc) -> Iterator[Site]:
    for m in QUEL_QUE.finditer(doc.text):
        plural = m.group(2) == "soient"
        yield Site(m.start(), m.end(1) + 4, _case("quelques" if plural else "quelque", m.group(1)))


def fr_se_sont(doc) -> Iterator[Site]:
    for t in doc:
        n = _nxt(doc, t)
        if not (t.lower_ == "se" and n is not None and n.lower_ == "sont"):
            continue
        after = [a for a in doc[t.i + 2:t.i + 4]]
        if after and (_is_participle(after[0]) or (len(after) > 1 and after[0].pos_ == "ADV" and _is_participle(after[1]))):
            yield _span(doc, t, t, _case("ce", t.text))


def fr_a_accent(doc) -> Iterator[Site]:
    for t in doc:
        n = _nxt(doc, t)
        if (t.lower_ == "à" and t.pos_ == "ADP" and n is not None
                and (n.pos_ in ("DET", "NOUN", "PROPN", "NUM") or (n.pos_ == "VERB" and "Inf" in n.morph.get("VerbForm")))):
            yield _span(doc, t, t, _case("a", t.text))


def fr_ou_accent(doc) -> Iterator[Site]:
    for t in doc:
        if t.lower_ == "où":
            yield _span(doc, t, t, _case("ou", t.text))


PLURAL_DETERMINERS = {"leurs": "leur", "nos": "notre", "vos": "votre"}


def fr_determiner_number(doc) -> Iterator[Site]:
    for t in doc:
        n = _nxt(doc, t)
        if (t.lower_ in PLURAL_DETERMINERS and n is not None and n.pos_ == "NOUN"
                and "Plur" in n.morph.get("Number") and n.lower_.endswith(("s", "x"))):
            yield _span(doc, t, t, _case(PLURAL_DETERMINERS[t.lower_], t.text))


def fr_exclut(doc) -> Iterator[Site]:
    for t in doc:
        if t.lower_ in ("exclut", "conclut", "inclut") and t.pos_ in ("VERB", "AUX"):
            yield _span(doc, t, t, t.text[:-1])


def fr_conditional_future(doc) -> Iterator[Site]:
    for t in doc:
        m = t.morph
        if t.lower_.endswith("rions") and "Cnd" in m.get("Mood") and "1" in m.get("Person"):
            yield _span(doc, t, t, t.text[:-5] + "rons")


KINDS: dict[str, dict[str, Callable]] = {
    "en": {
        "its→it's": en_its_to_its,
        "it's→its": en_it_is_to_its,
        "their→there": _before_noun("their", "there"),
        "there→their": en_there_to_their,
        "they're→their": _contraction("they", "'re", "their"),
        "your→you're": _before_noun("your", "you're", ("NOUN", "ADJ")),
        "you're→your": _contraction("you", "'re", "your"),
        "whose→who's": _before_noun("whose", "who's"),
        "who's→whose": _contraction("who", "'s", "whose"),
        "than→then": en_than_to_then,
        "lose→loose": en_lose_to_loose,
        "affect→effect": en_affect_to_effect,
        "effect→affect": en_effect_to_affect,
        "had gone→had went": en_perfect_participle,
        "could have→could of": en_could_of,
        "doubled word": en_doubled_word,
        "subject-verb agreement": en_agreement,
    },
    "fr": {
        "tous les→tout les": fr_tous_les,
        "ils sont→il sont": fr_pronoun_number,
        "ont été invités→invité": fr_passive_participle,
        "quel que soit→quelque soit": fr_quel_que_soit,
        "se sont→ce sont": fr_se_sont,
        "à→a": fr_a_accent,
        "où→ou": fr_ou_accent,
        "leurs listes→leur listes": fr_determiner_number,
        "exclut→exclu": fr_exclut,
        "débuterions→débuterons": fr_conditional_future,
    },
}


def apply(text: str, site: Site, kind: str = "") -> Injection:
    new = text[:site.start] + site.replacement + text[site.end:]
    return Injection(kind, new, site.start, site.start + len(site.replacement), text[site.start:site.end], site.replacement)


def inject(text: str, doc, kind: str, finder: Callable, rng: random.Random) -> Injection | None:
    """One error of ``kind`` at a site of ``text`` drawn with ``rng``; None without a valid site."""
    sites = list(finder(doc))
    if not sites:
        return None
    return apply(text, rng.choice(sites), kind)


def parse(text: str, lang: str):
    return Analysis(Article(title="", body=text, lang=lang), lang).doc("body")


# -- measuring -------------------------------------------------------------------------------------

def make_auditor(with_grammalecte: bool) -> Auditor:
    a = Auditor(Config(load_entry_points=False))
    if not with_grammalecte:
        a.config.disable = {"grammar.grammalecte"}
    return a


def injection_auditor(with_grammalecte: bool) -> Auditor:
    """The same rules restricted to those that make or supersede grammar and spelling findings (the
    names and French typography rules supersede ``spelling.``): the counted findings are those of
    the full audit, without the cost of the other families on every injected copy."""
    a = make_auditor(with_grammalecte)
    keep = {rid for rid, r in a.rules.items()
            if rid.startswith(("grammar.", "spelling."))
            or any(s.startswith(("grammar", "spelling")) for s in r.supersedes)}
    a.config.disable = set(a.config.disable) | (set(a.rules) - keep)
    return a


def found(findings, inj: Injection) -> bool:
    return any(f.category in CATEGORIES and f.field == "body" and f.start < inj.end and inj.start < f.end
               for f in findings)


def run_lang(a: Auditor, arts: list[dict], lang: str, show: bool, ai: Auditor | None = None) -> dict:
    """``a`` audits the untouched articles, ``ai`` (default ``a``) the injected copies."""
    ai = ai or a
    kinds = KINDS[lang]
    per_kind: dict[str, dict] = {k: {"injected": 0, "found": 0, "cases": []} for k in kinds}
    words = grammar = spelling = 0
    alarms: list[dict] = []
    articles: list[Article] = []
    t0 = time.perf_counter()
    for d in arts:
        article = Article(title=d["title"], body=d["body"], lang=lang, source=d["id"])
        articles.append(article)
        report = a.audit(article)
        words += report.words
        for f in report.findings:
            if f.category == "grammar":
                grammar += 1
                alarms.append({"article": d["id"], "rule": f.rule, "field": f.field, "excerpt": f.excerpt,
                               "context": article.text(f.field)[max(0, f.start - 60):f.end + 60], "message": f.message})
            elif f.category == "spelling":
                spelling += 1
        doc = parse(d["body"], lang)
        for kind, finder in kinds.items():
            rng = random.Random(f"{SEED}-{d['id']}-{kind}")
            inj = inject(d["body"], doc, kind, finder, rng)
            if inj is None:
                continue
            rep = ai.audit(Article(title=d["title"], body=inj.text, lang=lang, source=d["id"]))
            ok = found(rep.findings, inj)
            k = per_kind[kind]
            k["injected"] += 1
            k["found"] += ok
            k["cases"].append({"article": d["id"], "before": inj.before, "after": inj.after, "found": ok,
                               "start": inj.start, "end": inj.end,
                               "context": inj.text[max(0, inj.start - 50):inj.end + 50]})
    elapsed = time.perf_counter() - t0
    return {"articles": len(arts), "words": words, "grammar_findings": grammar, "spelling_findings": spelling,
            "grammar_per_1000": 1000 * grammar / words if words else 0.0,
            "spelling_per_1000": 1000 * spelling / words if words else 0.0,
            "kinds": per_kind, "alarms": alarms, "seconds": elapsed,
            "speed": family_speed(a, articles, lang)}


def family_speed(a: Auditor, articles: list[Article], lang: str) -> dict:
    """Words per second of the spelling and grammar rules alone, on analyses already parsed."""
    from auditor.engine import Context

    rules = [r for r in a.enabled_rules(lang) if r.id.startswith(("grammar.", "spelling."))]
    analyses = []
    for art in articles:
        an = Analysis(art, lang)
        an.doc("title"), an.doc("body")
        analyses.append(an)
    t0 = time.perf_counter()
    for art, an in zip(articles, analyses):
        signals: dict = {}
        for rule in rules:
            ctx = Context(article=art, analysis=an, config=a.config, rule=rule,
                          options=a.config.rule_options(rule.id, rule.options), signals=signals)
            list(rule.check(ctx) or ())
    secs = time.perf_counter() - t0
    words = sum(an.word_count for an in analyses)
    return {"rules": [r.id for r in rules], "seconds": secs, "words_per_second": words / secs if secs else 0.0}


def print_lang(lang: str, res: dict, show: bool, tag: str) -> None:
    print(f"\n== {lang} {tag}: {res['articles']} articles, {res['words']:,} words ({res['seconds']:.0f} s) ==")
    print(f"{'kind':32} {'injected':>8} {'found':>6} {'recall':>7}")
    tot_i = tot_f = 0
    for kind, k in res["kinds"].items():
        n, f = k["injected"], k["found"]
        tot_i, tot_f = tot_i + n, tot_f + f
        print(f"{kind:32} {n:8d} {f:6d} {(f / n if n else float('nan')):7.2f}" + ("  (no site)" if not n else ""))
    print(f"{'all kinds':32} {tot_i:8d} {tot_f:6d} {(tot_f / tot_i if tot_i else float('nan')):7.2f}")
    print(f"grammar false alarms on the untouched text: {res['grammar_findings']} = "
          f"{res['grammar_per_1000']:.2f} per 1,000 words (target ≤ 0.3)")
    print(f"spelling findings on the untouched text (information): {res['spelling_findings']} = "
          f"{res['spelling_per_1000']:.2f} per 1,000 words")
    sp = res["speed"]
    print(f"speed of the spelling + grammar rules (parse cached): {sp['words_per_second']:,.0f} words/s "
          f"({sp['seconds']:.1f} s)")
    if show:
        for al in res["alarms"][:20]:
            print(f"  ALARM {al['rule']} [{al['excerpt']}] …{al['context'].replace(chr(10), ' ')}…")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--half", choices=("tune", "test"), default="tune")
    ap.add_argument("--lang", choices=("en", "fr", "both"), default="both")
    ap.add_argument("--limit", type=int, default=None, help="articles per language (default 150 en, 200 fr)")
    ap.add_argument("--data", type=Path, default=rb.DEFAULT_DATA)
    ap.add_argument("--with-grammalecte", action="store_true")
    ap.add_argument("--show", action="store_true", help="list the first 20 false alarms per language")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"no datasets at {args.data}", file=sys.stderr)
        return 2
    pool = clean_articles(args.data)
    langs = ("en", "fr") if args.lang == "both" else (args.lang,)
    passes = [("grammalecte off", False)] + ([("default rules", True)] if args.with_grammalecte else [])
    out: dict = {"half": args.half, "seed": SEED, "passes": {}}
    for tag, gl in passes:
        a, ai = make_auditor(gl), injection_auditor(gl)
        out["passes"][tag] = {}
        for lang in langs:
            arts = select(pool, args.half, lang, args.limit or DEFAULT_LIMIT[lang])
            res = run_lang(a, arts, lang, args.show, ai)
            out["passes"][tag][lang] = res
            print_lang(lang, res, args.show, f"{args.half}, {tag}")
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
