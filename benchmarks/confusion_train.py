"""Train the confusion-set models of ``grammar.en-confusion`` / ``grammar.fr-confusion``.

    .venv/bin/python benchmarks/confusion_train.py [--lang en|fr|both] [--data DIR] [--dry-run]
        [--budget 0.02] [--json FILE]

Training text: clean real news of ``../shared/datasets`` that no held-out measurement uses —
the ``tune`` half (``grammar_injection.half_of``) of French Wikinews, GUM and Horne 2017 ``real``,
plus the Horne ``fake``/``satire`` articles (edited English prose that the injection benchmark never
measures), minus every article of ``benchmarks/data/realnews`` (it has its own gold).

Half the articles (by a hash of the id) are read with typographic apostrophes (’), since outlets
use both forms and the parser reads them differently.

Rows: every written member of a set gives a *clean* row (its context, labelled with the member
written) and, for every other member, a *corrupted* row: the sentence re-parsed with the other
member written in its place, labelled with the original member. The corrupted rows teach the
model the tags the parser gives to a sentence that carries the error, which is what the rule reads.

Threshold: for each set, five-fold cross-validation by article gives every row a probability from
a model that never saw its article. A clean row whose written member falls below the threshold is
a false alarm; a corrupted row below it is a caught error. The threshold is the highest one that
keeps the out-of-fold false alarms within ``--budget`` per 1,000 words of training text
(a set that cannot catch a third of its errors there is dropped). The model shipped is then fitted
on every row. The numbers are printed and written into the model file's ``meta``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import zlib
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import numpy as np  # noqa: E402

import realnews_build as rb  # noqa: E402
from grammar_injection import half_of  # noqa: E402
from auditor.language_checks import confusion as cf  # noqa: E402
from auditor.resources import lexicon  # noqa: E402

OUT = HERE.parent / "src" / "auditor" / "language_checks" / "data"
JUDGED = HERE / "data" / "confusion-judged"
CANDIDATE_BELOW = 0.3  # clean rows below this out-of-fold probability are sent to the judges
SEED = 20261203
MAX_ROWS_PER_MEMBER = 8000  # "to" and "à" are everywhere: a sample is enough
MIN_RECALL = 0.33
WARNING_BUDGET = 0.0  # warnings: thresholds under which no out-of-fold false alarm was seen
C = 0.5  # inverse L2 strength, the same for every set


def training_articles(data: Path, lang: str) -> list[dict]:
    taken = {json.loads(p.read_text(encoding="utf-8"))["source"]["id"]
             for half in ("tune", "test") for p in (rb.GOLD / half).glob("*.json")}
    if lang == "fr":
        arts = [(rb.wikinews_fr(r), True) for r in rb.read_jsonl(data / "news-fr-wikinews/articles.jsonl")]
    else:
        arts = [(rb.gum_en(r), True) for r in rb.read_jsonl(data / "news-en-wikinews/gum_news_entities.jsonl")]
        arts += [(rb.horne(r), r["label"] == "real") for r in rb.read_jsonl(data / "fakenews-en/horne2017_articles.jsonl")]
    return [a for a, measured in arts
            if a["source"]["id"] not in taken and a["body"].strip() and (not measured or half_of(a["id"]) == "tune")]


def headlines(data: Path) -> list[dict]:
    """The Chakraborty 2016 headlines (MIT), as one-line articles: more English examples of the
    sets, used for fitting only (the thresholds are measured on articles)."""
    path = data / "clickbait-en/headlines.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    return [{"id": f"chakraborty-{k // 200}", "title": "", "body": line.split("\t")[0], "headline": True}
            for k, line in enumerate(lines)]


def _typographic(art: dict) -> str:
    """The article's text, with typographic apostrophes (’) in half the articles (by a hash of the
    id): outlets write « c’est » and "it’s" as often as the straight form, and the parser reads the
    two differently, so the model must see both."""
    text = (art["title"] + "\n\n" + art["body"]).strip()
    if zlib.crc32(("apostrophe-" + art["id"]).encode()) % 2:
        text = text.replace("'", "’")
    return text


def _recase(word: str, model: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def _tokens(doc) -> list:
    return [t for t in doc if not t.is_space]


def collect_rows(arts: list[dict], lang: str, sets: list[cf.ConfusionSet]) -> tuple[list[dict], int]:
    """Clean rows from each article's parse and corrupted rows from re-parsed sentences."""
    from auditor.nlp import load_pipeline

    nlp, _ = load_pipeline(lang)
    rng = random.Random(SEED)
    rows: list[dict] = []
    pending: list[tuple[str, int, dict]] = []  # (sentence text, offset of the unit, row stub)
    words = 0
    texts = [_typographic(a) for a in arts]
    for art, doc in zip(arts, nlp.pipe(texts, batch_size=16)):
        toks = _tokens(doc)
        words += 0 if art.get("headline") else sum(1 for t in toks if t.is_alpha)
        for occ in cf.occurrences(toks, sets):
            first, last = toks[occ.i], toks[occ.j - 1]
            sent = first.sent
            start, end = first.idx - sent.start_char, last.idx + len(last.text) - sent.start_char
            row = {"set": occ.set.name, "label": occ.member, "written": occ.member, "article": art["id"],
                   "occurrence": f"{art['id']}:{first.idx}", "sentence": sent.text, "span": [start, end],
                   "headline": art.get("headline", False), "features": cf.features(toks, occ.i, occ.j, lang)}
            rows.append(row)
            for other in occ.set.members:
                if other != occ.member:
                    written = _recase(other, first.text)
                    if "’" in sent.text[start:end] or ("'" not in sent.text and "’" in sent.text):
                        written = written.replace("'", "’")
                    text = sent.text[:start] + written + sent.text[end:]
                    pending.append((text, start, {**row, "written": other, "features": None}))
    rows, pending = _cap(rows, rng, lambda r: (r["set"], r["label"])), _cap(pending, rng, lambda p: (p[2]["set"], p[2]["label"], p[2]["written"]))
    by_name = {s.name: s for s in sets}
    for (text, start, stub), doc in zip(pending, nlp.pipe([p[0] for p in pending], batch_size=64)):
        toks = _tokens(doc)
        for occ in cf.occurrences(toks, [by_name[stub["set"]]]):
            if toks[occ.i].idx == start and occ.member == stub["written"]:
                rows.append({**stub, "features": cf.features(toks, occ.i, occ.j, lang)})
                break
    return rows, words


def _cap(items: list, rng: random.Random, key) -> list:
    """At most MAX_ROWS_PER_MEMBER items per group (set, member…), sampled with the seed."""
    groups: dict[tuple, list] = defaultdict(list)
    for it in items:
        groups[key(it)].append(it)
    out = []
    for k in sorted(groups):
        g = groups[k]
        out += g if len(g) <= MAX_ROWS_PER_MEMBER else rng.sample(g, MAX_ROWS_PER_MEMBER)
    return out


# -- fitting -------------------------------------------------------------------------------------

def fit(rows: list[dict], members: tuple[str, ...]):
    """A multinomial L2 logistic regression (scikit-learn) over the rows' feature strings."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1.0 for f in r["features"]} for r in rows])
    y = np.array([members.index(r["label"]) for r in rows])
    clf = LogisticRegression(C=C, fit_intercept=False, max_iter=2000)
    clf.fit(x, y)
    return vec, clf


def weights_of(vec, clf, members: tuple[str, ...]) -> dict[str, list[float]]:
    """Feature → one weight per member (a binary model is split ±w/2 so a softmax reads it)."""
    coef = clf.coef_
    if coef.shape[0] == 1:  # binary: P(class 1) = sigmoid(w·x)
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
    full = np.zeros((len(members), coef.shape[1]))
    full[clf.classes_] = coef  # rows in the order of the classes seen, indexes into ``members``
    out = {}
    for k, name in enumerate(vec.get_feature_names_out()):
        w = full[:, k]
        if np.abs(w).max() >= 0.01:
            out[str(name)] = [round(float(v), 4) for v in w]
    return out


def out_of_fold(rows: list[dict], members: tuple[str, ...], folds: int = 5) -> list[float]:
    """P(written member) for each row from a model that never saw the row's article."""
    from auditor.language_checks.confusion import ConfusionSet, SetModel

    arts = sorted({r["article"] for r in rows})
    fold_of = {a: k % folds for k, a in enumerate(random.Random(SEED).sample(arts, len(arts)))}
    probs = [0.0] * len(rows)
    for k in range(folds):
        train = [r for r in rows if fold_of[r["article"]] != k]
        if len({r["label"] for r in train}) < len(members):
            continue
        vec, clf = fit(train, members)
        model = SetModel(ConfusionSet("/".join(members), members), weights_of(vec, clf, members), 0.0)
        for n, r in enumerate(rows):
            if fold_of[r["article"]] == k and not r["headline"]:
                probs[n] = model.probabilities(r["features"])[r["written"]]
    return probs


def choose_threshold(rows: list[dict], probs: list[float], words: int, budget: float) -> dict:
    """The highest threshold whose out-of-fold false alarms stay within ``budget`` per 1,000 words."""
    clean = sorted(p for r, p in zip(rows, probs) if r["written"] == r["label"] and not r["headline"])
    bad = [p for r, p in zip(rows, probs) if r["written"] != r["label"] and not r["headline"]]
    allowed = int(budget * words / 1000)
    # below the (allowed+1)-th lowest clean probability, at most `allowed` clean rows are flagged
    threshold = clean[allowed] if allowed < len(clean) else 1.0
    threshold = min(threshold, 0.5)
    fa = sum(p < threshold for p in clean)
    caught = sum(p < threshold for p in bad)
    return {"threshold": threshold, "false_alarms": fa, "clean_rows": len(clean), "errors": len(bad),
            "caught": caught, "recall": caught / len(bad) if bad else 0.0,
            "false_alarms_per_1000_words": 1000 * fa / words if words else 0.0}


def judged(lang: str) -> dict[str, dict]:
    """Verdicts of people who never saw the model on the training text's suspicious occurrences:
    ``error`` (the source itself is wrong: « elle à concédé »), ``correct`` or ``debatable``."""
    path = JUDGED / f"{lang}.jsonl"
    if not path.is_file():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            j = json.loads(line)
            out[j["occurrence"]] = j
    return out


def candidates(rows: list[dict], probs: list[float], verdicts: dict[str, dict]) -> list[dict]:
    """Clean rows the model doubts, not judged yet: what the judges read next."""
    out = []
    for r, p in zip(rows, probs):
        if r["written"] == r["label"] and not r["headline"] and p < CANDIDATE_BELOW and r["occurrence"] not in verdicts:
            a, b = r["span"]
            out.append({"occurrence": r["occurrence"], "set": r["set"], "written": r["written"],
                        "sentence": r["sentence"], "marked": r["sentence"][:a] + "[[" + r["sentence"][a:b] + "]]" + r["sentence"][b:]})
    return out


def train_lang(data: Path, lang: str, budget: float, use_headlines: bool = True, reuse: bool = False,
               candidates_file: Path | None = None) -> dict:
    sets = cf.parse_sets(lexicon(f"grammar-confusion-sets.{lang}"))
    arts = training_articles(data, lang) + (headlines(data) if lang == "en" and use_headlines else [])
    t0 = time.perf_counter()
    cache = Path(f"/tmp/confusion-rows-{lang}-{int(use_headlines)}.json")
    if reuse and cache.is_file():
        rows, words = json.loads(cache.read_text())
    else:
        rows, words = collect_rows(arts, lang, sets)
        cache.write_text(json.dumps([rows, words]))
    print(f"\n== {lang}: {len(arts)} articles, {words:,} words, {len(rows):,} rows ({time.perf_counter() - t0:.0f} s) ==")
    out = {"lang": lang, "meta": {"articles": len(arts), "words": words, "budget_per_1000_words": budget,
                                  "C": C, "sets": {}}, "sets": []}
    verdicts = judged(lang)
    dropped = {o for o, v in verdicts.items() if v["verdict"] != "correct"}
    out["meta"]["judged"] = dict(Counter(v["verdict"] for v in verdicts.values()))
    todo: list[dict] = []
    for s in sets:
        srows = [r for r in rows if r["set"] == s.name and r["occurrence"] not in dropped]
        counts = Counter(r["label"] for r in srows if r["written"] == r["label"] and not r["headline"])
        if len(counts) < len(s.members) or min(counts.values()) < 5:
            print(f"{s.name:24} too few examples {dict(counts)}: dropped")
            continue
        probs = out_of_fold(srows, s.members)
        todo += candidates(srows, probs, verdicts)
        stats = choose_threshold(srows, probs, words, budget)
        sure = choose_threshold(srows, probs, words, WARNING_BUDGET)
        stats["warning"] = sure
        stats["members"] = dict(counts)
        out["meta"]["sets"][s.name] = stats
        kept = stats["recall"] >= MIN_RECALL
        print(f"{s.name:24} {dict(counts)}  threshold {stats['threshold']:.4f}  out-of-fold recall "
              f"{stats['caught']}/{stats['errors']} = {stats['recall']:.2f}  false alarms {stats['false_alarms']} "
              f"({stats['false_alarms_per_1000_words']:.3f}/1,000 words)" + ("" if kept else "  dropped"))
        if kept:
            vec, clf = fit(srows, s.members)
            out["sets"].append({"name": s.name, "members": list(s.members), "threshold": round(stats["threshold"], 6),
                                "warning_threshold": round(sure["threshold"], 6),
                                "weights": weights_of(vec, clf, s.members)})
    if candidates_file:
        with open(candidates_file, "a", encoding="utf-8") as fh:
            for c in todo:
                fh.write(json.dumps(c, ensure_ascii=False) + "\n")
        print(f"{len(todo)} occurrences to judge appended to {candidates_file}")
    return out


def main(argv: list[str] | None = None) -> int:
    global C
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lang", choices=("en", "fr", "both"), default="both")
    ap.add_argument("--data", type=Path, default=rb.DEFAULT_DATA)
    ap.add_argument("--budget", type=float, default=0.02, help="false alarms per 1,000 words allowed per set")
    ap.add_argument("--headlines", action="store_true", help="English: also fit on the Chakraborty headlines")
    ap.add_argument("--reuse-rows", action="store_true", help="reuse the rows of the last run (/tmp), to try options")
    ap.add_argument("--c", type=float, default=C, help="inverse L2 strength")
    ap.add_argument("--candidates", type=Path, default=None, help="append the doubtful clean occurrences to judge to FILE")
    ap.add_argument("--dry-run", action="store_true", help="print the numbers, do not write the model files")
    args = ap.parse_args(argv)
    C = args.c
    if not args.data.is_dir():
        print(f"no datasets at {args.data}", file=sys.stderr)
        return 2
    for lang in (("en", "fr") if args.lang == "both" else (args.lang,)):
        model = train_lang(args.data, lang, args.budget, args.headlines, args.reuse_rows, args.candidates)
        if not args.dry_run:
            path = OUT / f"confusions.{lang}.json"
            path.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
            print(f"wrote {path} ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
