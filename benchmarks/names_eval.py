"""Benchmark of ``names.inconsistent-spelling`` on entity-annotated news (seeded, reproducible).

Data (not copied into the repository; read from ``../shared/datasets`` or ``--data``):

- ``news-fr-wikinews/articles.jsonl``: French Wikinews with Person/Organization/Location spans;
- ``news-en-wikinews/gum_news_entities.jsonl``: English Wikinews (GUM) with coreferent mentions.

Articles are split in two halves by a hash of their id: ``tune`` (used while writing the rule) and
``test`` (reported). For each article of a half:

1. false alarms: the untouched article is checked; every finding counts as a false alarm
   (target: at most 1 per 20 articles);
2. injected typos: for each typo kind (swap, drop, double, accent, keyboard, homophone), one word
   of a name that the article writes at least twice is changed in one of its mentions. A finding
   is right when it sits on the changed word (suggesting the original spelling) or on another
   mention of that name suggesting the changed spelling (the rule took the changed one for the
   canonical, e.g. when the typo hit the first full mention); any other finding is a false alarm.
   Recall counts trials with at least one right finding; "strict" counts only a finding on the
   changed word with the original spelling as its suggestion.

Usage::

    .venv/bin/python benchmarks/names_eval.py [--split test|tune|all] [--data DIR] [--limit N]
    .venv/bin/python benchmarks/names_eval.py --timing-only   # time a 20,000-word article
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "datasets"
SEED = 20261129
KINDS = ("swap", "drop", "double", "accent", "keyboard", "homophone")
NAME_WORD = regex.compile(r"(?<![\p{L}\p{M}-])\p{Lu}[\p{Ll}\p{M}]+(?![\p{L}\p{M}-])")

AZERTY = ["azertyuiop", "qsdfghjklm", "wxcvbn"]
QWERTY = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
HOMOPHONES = [
    ("ph", "f"), ("f", "ph"), ("c", "k"), ("k", "c"), ("qu", "k"), ("y", "i"), ("i", "y"), ("s", "z"), ("z", "s"),
    ("ai", "ei"), ("ei", "ai"), ("au", "o"), ("eau", "o"), ("ll", "l"), ("l", "ll"), ("nn", "n"), ("n", "nn"),
    ("tt", "t"), ("t", "tt"), ("ss", "s"), ("ck", "k"), ("th", "t"), ("ou", "u"), ("ie", "y"), ("mm", "m"),
    ("rr", "r"), ("ch", "sh"), ("sh", "ch"), ("w", "v"), ("v", "w"), ("x", "ks"), ("ks", "x"),
]
ACCENTS = {"e": "éèê", "é": "eè", "è": "eé", "ê": "e", "a": "à", "à": "a", "i": "î", "î": "i", "o": "ô", "ô": "o",
           "u": "ü", "ü": "u", "ë": "e", "ï": "i", "ç": "c", "c": "ç", "n": "ñ", "ñ": "n", "ö": "o", "ä": "a"}


#: Inconsistencies that are really in the source articles, checked by hand against the article text
#: (the quoted evidence is in the text itself). They are not false alarms: they are reported apart
#: ("genuine") and ignored when scoring the injected trials. Keys: (article id, flagged spelling).
GENUINE = {
    # tune half
    ("2016_03_05-002", "Simpson"): "« Jodie Simpson » once, « Jodie Stimpson » (the British triathlete) later",
    ("2016_04_09-001", "Gorgensen"): "« Gwen Jorgensen » twice, « Gwen Gorgensen » once",
    ("2016_04_18-002", "Benoit"): "« Benoît Nicolas » and « Benoit Nicolas », same triathlete",
    ("2016_08_31-003", "Daech"): "« Daesch » then « Daech » for the same organisation",
    ("2016_09_03-005", "Sebastien"): "« Sebastian Kienle » twice, « Sebastien Kienle » once",
    ("2016_09_18-001", "Johnathan"): "« Jonathan Brownlee » twice, « Johnathan Brownlee » once",
    ("2016_10_24-004", "Mendez"): "headline « Mendez », body « Mauricio Méndez »",
    ("2016_10_24-004", "Ruben"): "« Ruben Ruzafa » once, « Rubén Ruzafa » twice",
    ("2016_10_24-004", "Rubén"): "« Ruben Ruzafa » once, « Rubén Ruzafa » twice",
    ("2017_02_09-002", "Sharley"): "« Attracteur Shapley » twice, « Attracteur de Sharley » once",
    ("2017_04_19-007", "Erdogan"): "« Recep Tayyip Erdoğan » then « Erdogan »",
    ("2017_10_25-001", "Erdogan"): "« Recep Tayyip Erdoğan » then « Erdogan »",
    ("2018_12_01-001", "Hausmann"): "« boulevard Haussmann » then « boulevard Hausmann »",
    ("2016_04_18-002", "Martin"): "« Emilio Martín » then « Emilio Martin »",
    ("2017_05_15-001", "Britnannique"): "« le Britannique » twice, « la Britnannique » once (a typo)",
    # test half (labelled after the held-out run, from the article text; the rule was not changed for them)
    ("2016_04_03-003", "Jorgeson"): "« Gwen Jorgenson » then « Gwen Jorgeson »",
    ("2016_04_19-001", "Roussef"): "« Dilma Rousseff » then « Roussef »",
    ("2016_06_07-003", "Bilham"): "« Emma Bihlam » then « Emma Bilham »",
    ("2016_06_07-003", "Frédérik"): "« Frédéric Van Lierde » then « Frédérik Van Lierde »",
    ("2016_06_07-004", "Benoit"): "« Benoît Nicolas » then « Benoit Nicolas »",
    ("2016_06_13-002", "Dellow"): "« David Dellown » then « David Dellow »",
    ("2016_07_16-001", "Rachal"): "« Rachel Klamer » then « Rachal Klamer »",
    ("2016_08_23-002", "Gringer"): "the artist « Ginger », then « Gringer »",
    ("2016_08_06-005", "Maracanã"): "« Maracana » and « Maracanã », same stadium",
    ("2016_09_04-001", "Pécresse"): "« Pecresse » and « Pécresse », same politician",
    ("2016_10_10-001", "Miranda"): "« Mirinda Carfrae » then « Miranda Carfrae » four times",
    ("2017_01_21-007", "Avenue"): "« Pennsylvania Aavenue » (typo) then « Pennsylvania Avenue » twice",
    ("2017_03_05-002", "Simpson"): "« Jodie Simpson » and « Jodie Stimpson »",
    ("2017_04_08-003", "Dhabi"): "« Abou Dabi » then « Abou Dhabi »",
    ("2017_06_12-001", "Browmlee"): "« Brownlee » twice, « Browmlee » once",
    ("2018_03_17-006", "Wikimédia"): "« Wikimedia » and « Wikimédia », same foundation",
    ("2018_10_06-001", "Ljubljana"): "« JGP Ljubjana » (typo) then « Ljubljana »",
    ("2018_12_08-001", "Bichât"): "« Bichat » and « Bichât »",
    ("2018_12_24-001", "Cauchy"): "« Benjamin Cauchi » then « Benjamin Cauchy »",
    ("2016_04_03-003", "Jorgensen"): "« Jorgensen » (headline), « Gwen Jorgenson », « Gwen Jorgeson »",
    ("2016_07_25-002", "Meyers"): "« Fort Myers » then « Fort Meyers »",
    ("2016_08_20-003", "Stanford"): "« Non Standford » then « Non Stanford »",
    ("GUM_news_iodine", "Bauchtman"): "« Lydia Buchtmann » then « Ms Bauchtman »",
    ("GUM_news_warhol", "Mauer"): "« K.C. Maurer » then « said Mauer »",
}


def split_of(article_id: str) -> str:
    return "tune" if int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % 2 == 0 else "test"


# -- data ----------------------------------------------------------------------------------------
def load_fr(data: Path) -> list[dict]:
    out = []
    with (data / "news-fr-wikinews" / "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            spans = [(e["start"], e["end"], e["type"]) for e in d["entities"] if e["type"] in ("Person", "Organization", "Location")]
            out.append({"id": d["id"], "lang": "fr", "text": d["text"], "names": spans})
    return out


def load_en(data: Path) -> list[dict]:
    out = []
    with (data / "news-en-wikinews" / "gum_news_entities.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            spans = [(m["start"], m["end"], m["etype"]) for m in d["mentions"]
                     if m["etype"] in ("person", "organization", "place") and m["text"][:1].isupper()]
            out.append({"id": d["id"], "lang": "en", "text": d["text"], "names": spans})
    return out


def to_article(text: str, lang: str):
    from auditor.model import Article

    title, _, body = text.partition("\n")
    return Article(title=title, body=body, lang=lang, source="<bench>")


# -- typos -----------------------------------------------------------------------------------------
def typo(word: str, kind: str, lang: str, rng: random.Random) -> str | None:
    """A realistic misspelling of ``word`` (first letter kept), or None when the kind does not apply."""
    head, rest = word[0], word[1:]
    letters = [i for i, ch in enumerate(rest) if ch.isalpha()]
    if len(letters) < 3:
        return None
    if kind == "swap":
        cands = [i for i in range(len(rest) - 1) if rest[i].isalpha() and rest[i + 1].isalpha() and rest[i] != rest[i + 1]]
        if not cands:
            return None
        i = rng.choice(cands)
        new = rest[:i] + rest[i + 1] + rest[i] + rest[i + 2:]
    elif kind == "drop":
        i = rng.choice(letters)
        new = rest[:i] + rest[i + 1:]
    elif kind == "double":
        i = rng.choice(letters)
        new = rest[:i + 1] + rest[i] + rest[i + 1:]
    elif kind == "accent":
        cands = [i for i in letters if rest[i] in ACCENTS]
        if not cands:
            return None
        i = rng.choice(cands)
        new = rest[:i] + rng.choice(ACCENTS[rest[i]]) + rest[i + 1:]
    elif kind == "keyboard":
        rows = AZERTY if lang == "fr" else QWERTY
        cands = [i for i in letters if any(rest[i].lower() in r for r in rows)]
        if not cands:
            return None
        i = rng.choice(cands)
        ch = rest[i].lower()
        for r, row in enumerate(rows):
            if ch in row:
                c = row.index(ch)
                neigh = [row[c + d] for d in (-1, 1) if 0 <= c + d < len(row)]
                neigh += [rows[r2][c] for r2 in (r - 1, r + 1) if 0 <= r2 < len(rows) and c < len(rows[r2])]
                break
        new = rest[:i] + rng.choice(neigh) + rest[i + 1:]
    elif kind == "homophone":
        low = rest
        options = [(m.start(), a, b) for a, b in HOMOPHONES for m in regex.finditer(regex.escape(a), low)]
        if not options:
            return None
        pos, a, b = rng.choice(options)
        new = rest[:pos] + b + rest[pos + len(a):]
    else:
        raise ValueError(kind)
    out = head + new
    return out if out != word else None


def name_words(doc: dict) -> dict[str, list[tuple[int, int]]]:
    """Name words inside annotated names -> their positions.

    A name word is capitalised, has 4+ letters, is not an acronym and is not an ordinary dictionary
    word: « Kienle », « Jorgensen », « Libye », but not « Professor », « National » or « They » (a
    typo in those is the spell checker's to find, not a name variant).
    """
    from auditor.names.fold import is_common_word

    text = doc["text"]
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    seen = set()
    for s, e, _t in doc["names"]:
        for m in NAME_WORD.finditer(text, s, e):
            if len(m.group()) >= 4 and (m.start(), m.end()) not in seen and not is_common_word(m.group()):
                seen.add((m.start(), m.end()))
                out[m.group()].append((m.start(), m.end()))
    return out


# -- running the rule ------------------------------------------------------------------------------
class Runner:
    def __init__(self) -> None:
        from auditor.builtin.names import InconsistentSpelling
        from auditor.config import Config

        self.rule = InconsistentSpelling()
        self.config = Config(load_entry_points=False)

    def findings(self, text: str, lang: str) -> list[tuple[int, int, str, str]]:
        """(start, end, excerpt, suggestion) in ``text`` coordinates."""
        from auditor.analysis import Analysis
        from auditor.rule import Context

        article = to_article(text, lang)
        ctx = Context(article=article, analysis=Analysis(article, lang), config=self.config, rule=self.rule,
                      options=dict(self.rule.options))
        base = len(article.title) + 1
        out = []
        for f in self.rule.check(ctx):
            off = 0 if f.field == "title" else base
            out.append((f.start + off, f.end + off, f.excerpt, f.suggestions[0] if f.suggestions else ""))
        return out


def score_trial(runner, doc_id: str, text: str, lang: str, word: str, bad: str, s: int, e: int,
                positions: list[tuple[int, int]], t, misses: list, wrong: list, label: str, is_genuine) -> tuple:
    """Replace ``text[s:e]`` (a mention of ``word``) by ``bad``, run the rule, and add the outcome to ``t``.

    ``is_genuine(excerpt)`` marks findings on real inconsistencies of the source article: those not on
    the changed word are ignored (neither right nor wrong). Returns the rule's findings and ``others``.
    """
    new_text = text[:s] + bad + text[e:]
    shift = len(bad) - (e - s)
    others = [(a if a < s else a + shift, b if a < s else b + shift) for a, b in positions if (a, b) != (s, e)]
    found = runner.findings(new_text, lang)
    score_findings(found, doc_id, word, bad, s, others, t, misses, wrong, label, is_genuine)
    return found, others


def score_findings(found: list, doc_id: str, word: str, bad: str, s: int, others: list[tuple[int, int]], t,
                   misses: list, wrong: list, label: str, is_genuine) -> None:
    """Score the findings of one injected trial (typo ``word`` -> ``bad`` at ``s``; ``others``: the other mentions)."""
    t["trials"] += 1
    good = strict = 0
    for fs, fe, ex, sug in found:
        if is_genuine(ex) and not (fs < s + len(bad) and s < fe):
            continue  # a real inconsistency of the source, not about this trial
        on_typo = fs < s + len(bad) and s < fe
        on_other = any(fs < b and a < fe for a, b in others)
        if on_typo and sug == word:
            good += 1
            strict += 1
        elif (on_other or ex == word) and bad in sug:
            good += 1
        elif on_typo:
            good += 1  # right place, suggestion differs in case or form
        else:
            t["fp"] += 1
            wrong.append(f"{label} {doc_id}: {ex!r} -> {sug!r} (typo {word}->{bad})")
    t["tp"] += good
    t["detected"] += 1 if good else 0
    t["strict"] += 1 if strict else 0
    if not good:
        misses.append(f"{label} {doc_id}: {word} -> {bad}")


def run(args) -> dict:
    rng = random.Random(SEED)
    docs = []
    if args.lang in ("fr", "all"):
        docs += load_fr(args.data)
    if args.lang in ("en", "all"):
        docs += load_en(args.data)
    docs = [d for d in docs if args.split == "all" or split_of(d["id"]) == args.split]
    if args.limit:
        docs = docs[: args.limit]
    runner = Runner()
    stats = {lang: {"articles": 0, "false_alarms": 0, "genuine": 0, "fa_examples": []} for lang in ("fr", "en")}
    trials: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    misses: list[str] = []
    wrong: list[str] = []
    started = time.perf_counter()
    for doc in docs:
        lang, text = doc["lang"], doc["text"]
        st = stats[lang]
        st["articles"] += 1
        base_findings = runner.findings(text, lang)
        for s, e, ex, sug in base_findings:
            if (doc["id"], ex) in GENUINE:
                st["genuine"] += 1
            else:
                st["false_alarms"] += 1
                st["fa_examples"].append(f"{doc['id']}: {ex!r} -> {sug!r}")
        words = {w: pos for w, pos in name_words(doc).items() if len(pos) >= 2}
        if not words:
            continue
        per_kind = args.trials_en if lang == "en" else 1
        for kind in KINDS:
            for _ in range(per_kind):
                choices = sorted(words)
                rng.shuffle(choices)
                for word in choices:
                    bad = typo(word, kind, lang, rng)
                    if bad is None:
                        continue
                    s, e = rng.choice(words[word])
                    break
                else:
                    continue
                score_trial(runner, doc["id"], text, lang, word, bad, s, e, words[word], trials[lang, kind],
                            misses, wrong, f"{lang}/{kind}", lambda ex: (doc["id"], ex) in GENUINE)
    return {"stats": stats, "trials": trials, "misses": misses, "wrong": wrong, "seconds": time.perf_counter() - started}


def report(res: dict, args) -> None:
    print(f"names.inconsistent-spelling benchmark — split={args.split}, seed={SEED}, {res['seconds']:.0f}s")
    print("\nUntouched articles (every finding is a false alarm; target <= 0.05 per article):")
    for lang, st in res["stats"].items():
        if st["articles"]:
            rate = st["false_alarms"] / st["articles"]
            raw = (st["false_alarms"] + st["genuine"]) / st["articles"]
            print(f"  {lang}: {st['articles']} articles, {st['false_alarms']} false alarms = {rate:.3f} per article "
                  f"({rate * 20:.2f} per 20); plus {st['genuine']} findings on real inconsistencies of the source "
                  f"(all findings: {raw * 20:.2f} per 20)")
    print("\nInjected typos (target: recall >= 0.90 at precision >= 0.95):")
    print(f"  {'lang':4} {'kind':10} {'trials':>6} {'recall':>7} {'strict':>7} {'precision':>9}")
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for (lang, kind), t in sorted(res["trials"].items()):
        for k, v in t.items():
            totals[lang][k] += v
            totals["all"][k] += v
        _row(lang, kind, t)
    for lang, t in totals.items():
        _row(lang, "ALL", t)
    if args.verbose:
        for title, key in (("missed", "misses"), ("wrong findings", "wrong")):
            print(f"\n{title}:")
            for line in res[key][: args.verbose]:
                print("  ", line)
        print("\nfalse alarms on untouched articles:")
        for lang, st in res["stats"].items():
            for line in st["fa_examples"][: args.verbose]:
                print("  ", line)


def _row(lang: str, kind: str, t) -> None:
    n = t["trials"]
    found = t["tp"] + t["fp"]
    p = t["tp"] / found if found else float("nan")
    print(f"  {lang:4} {kind:10} {n:6d} {t['detected'] / n if n else float('nan'):7.3f} "
          f"{t['strict'] / n if n else float('nan'):7.3f} {p:9.3f}")


def timing(data: Path = DEFAULT_DATA) -> None:
    """Time the rule on a 20,000-word article: French Wikinews articles glued into one body.

    Hundreds of distinct names (and, since the articles are unrelated, some near-identical names of
    different people): the case the index exists for. The spaCy parse is timed apart, since every
    rule that reads entities shares it.
    """
    from auditor.analysis import Analysis
    from auditor.builtin.names import InconsistentSpelling
    from auditor.config import Config
    from auditor.model import Article
    from auditor.names.grouping import build_forms, candidate_pairs
    from auditor.names.mentions import mentions
    from auditor.rule import Context

    parts, words = [], 0
    for doc in load_fr(data):
        parts.append(doc["text"])
        words += len(doc["text"].split())
        if words >= 20000:
            break
    body = "\n\n".join(parts)
    article = Article(title="Vingt mille mots", body=body, lang="fr")
    rule = InconsistentSpelling()
    for use_entities in (False, True):
        analysis = Analysis(article, "fr")
        t0 = time.perf_counter()
        if use_entities:
            analysis.doc("body")
        t1 = time.perf_counter()
        ctx = Context(article=article, analysis=analysis, config=Config(load_entry_points=False), rule=rule,
                      options={**rule.options, "use_entities": use_entities})
        n = len(list(rule.check(ctx)))
        t2 = time.perf_counter()
        forms = build_forms(mentions(analysis, "body", use_entities))
        pairs = len(candidate_pairs(forms.values()))
        label = "with spaCy entities" if use_entities else "capitalised runs only"
        extra = f" + {t1 - t0:.1f}s spaCy parse (shared with other rules)" if use_entities else ""
        print(f"20,000-word article ({len(body.split())} words, {len(forms)} distinct name words, "
              f"{pairs} candidate pairs instead of {len(forms) * (len(forms) - 1) // 2} all-pairs), {label}: "
              f"rule {t2 - t1:.2f}s{extra}; {n} findings")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--split", choices=("tune", "test", "all"), default="test")
    ap.add_argument("--lang", choices=("fr", "en", "all"), default="all")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--trials-en", type=int, default=5, help="trials per typo kind per English article (few articles)")
    ap.add_argument("--verbose", type=int, default=0, help="print that many misses and false alarms")
    ap.add_argument("--timing", action="store_true", help="also time a 20,000-word article")
    ap.add_argument("--timing-only", action="store_true", help="only time a 20,000-word article")
    args = ap.parse_args(argv)
    if args.timing_only:
        timing(args.data)
        return 0
    if not (args.data / "news-fr-wikinews").is_dir():
        print(f"no datasets under {args.data} (use --data)", file=sys.stderr)
        return 2
    res = run(args)
    report(res, args)
    if args.timing:
        print()
        timing(args.data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
