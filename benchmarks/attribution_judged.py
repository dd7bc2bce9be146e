"""Attribution findings on all the clean real news of ``../shared/datasets``, and judged samples of them.

    .venv/bin/python benchmarks/attribution_judged.py pool [--out /tmp/attribution-pool.jsonl]
    .venv/bin/python benchmarks/attribution_judged.py sample --pool P --half judge --level warning --n 40 --out S.jsonl
    .venv/bin/python benchmarks/attribution_judged.py collect V1.jsonl V2.jsonl --out benchmarks/data/attribution-judged/train.jsonl
    .venv/bin/python benchmarks/attribution_judged.py score benchmarks/data/attribution-judged/judge.jsonl

The clean real news is every French Wikinews article, every GUM (English Wikinews) article and
every Horne 2017 ``real`` article, minus the articles of ``benchmarks/data/realnews`` (both halves:
that set has its own gold). Each article falls in one of two halves by a hash of its id:
``train`` (findings an annotator judges to train the confidence model,
``benchmarks/attribution_confidence.py``) and ``judge`` (the held-out sample of the issue's
target: judged once, never trained on).

``pool`` runs the attribution family (default rules and settings, Grammalecte irrelevant) and
prints the findings per 1,000 words, per rule, at info level and above and at warning level, for
all the clean real news and for each half; it writes one JSON line per finding with the sentence,
its context and the confidence features. ``sample`` draws a seeded sample. ``score`` reads judged
files (``verdict``: ``true``, ``false`` or ``debatable``, and ``reason``), prints every judged
finding with its verdict and reason, and the precision with the debatable ones counted apart.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import zlib
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import realnews_build as rb  # noqa: E402
from auditor.attribution import confidence  # noqa: E402
from auditor.config import Config  # noqa: E402
from auditor.engine import Auditor  # noqa: E402
from auditor.model import Article  # noqa: E402

SEED = 20261203
RULES = ("unsourced-claim", "vague-source", "opinion-as-fact", "hedged-claim", "quote-without-speaker",
         "incomplete-source", "headline-claim")


def half_of(article_id: str) -> str:
    return "train" if zlib.crc32(article_id.encode()) % 2 == 0 else "judge"


def clean_articles(data: Path) -> list[dict]:
    """Every clean real-news article of the datasets that is not in the real-news gold set."""
    taken = {json.loads(p.read_text(encoding="utf-8"))["source"]["id"] for half in ("tune", "test") for p in (rb.GOLD / half).glob("*.json")}
    out = [rb.wikinews_fr(r) for r in rb.read_jsonl(data / "news-fr-wikinews/articles.jsonl")]
    out += [rb.gum_en(r) for r in rb.read_jsonl(data / "news-en-wikinews/gum_news_entities.jsonl")]
    out += [rb.horne(r) for r in rb.read_jsonl(data / "fakenews-en/horne2017_articles.jsonl") if r["label"] == "real"]
    return [a for a in out if a["source"]["id"] not in taken and a["body"].strip()]


class Capture:
    """Keeps the attribution analysis of the article being audited (for the confidence features)."""

    def __init__(self) -> None:
        import auditor.builtin.attribution as builtin

        self.last: dict[str, object] = {}
        original = builtin.analyse

        def analyse(analysis, field_name):
            fa = original(analysis, field_name)
            self.last[field_name] = fa
            return fa

        builtin.analyse = analyse


def _context(body: str, start: int, end: int) -> str:
    """The paragraph of the finding, with the paragraphs before and after it."""
    paras = [(m, m + len(p)) for m, p in _paragraphs(body)]
    at = next((n for n, (a, b) in enumerate(paras) if a <= start < b + 1), 0)
    lo, hi = max(0, at - 3), min(len(paras), at + 2)
    return "\n".join(body[a:b] for a, b in paras[lo:hi])


def _paragraphs(body: str):
    pos = 0
    for line in body.split("\n"):
        if line.strip():
            yield pos, line
        pos += len(line) + 1


def pool(args: argparse.Namespace) -> int:
    auditor = Auditor(Config(load_entry_points=False))
    auditor.config.disable = {r for r in auditor.rules if not r.startswith("attribution.")}
    capture = Capture()
    words: Counter = Counter()
    counts: dict[tuple[str, str, str], int] = defaultdict(int)  # (half, level, rule)
    with open(args.out, "w", encoding="utf-8") as out:
        for doc in clean_articles(args.data):
            capture.last.clear()
            report = auditor.audit(Article(title=doc["title"], body=doc["body"], lang=doc["lang"], source=doc["id"]))
            half = half_of(doc["id"])
            n_words = len(doc["title"].split()) + len(doc["body"].split())
            words[half] += n_words
            fa = capture.last.get("body")
            starts = {i.start: n for n, i in enumerate(fa.sentences)} if fa is not None else {}
            for f in report.findings:
                rule = f.rule.split(".", 1)[1]
                counts[(half, "info", rule)] += 1
                if f.severity in ("warning", "error"):
                    counts[(half, "warning", rule)] += 1
                n = starts.get(f.start) if f.field == "body" else None
                text = doc["body"] if f.field == "body" else doc["title"]
                out.write(json.dumps({
                    "id": f"{doc['id']}@{f.field}:{f.start}", "article": doc["id"], "half": half, "dataset": doc["source"]["dataset"],
                    "licence": doc["source"]["licence"], "rule": f.rule, "severity": f.severity,
                    "confidence": None if f.confidence is None else round(f.confidence, 4),
                    "title": doc["title"], "excerpt": f.excerpt, "message": f.message,
                    "context": _context(text, f.start, f.end) if f.field == "body" else "",
                    "features": confidence.features(fa, n) if n is not None and fa.sentences[n].verdict in confidence.SCORED else None,
                }, ensure_ascii=False) + "\n")
    _print_density(words, counts)
    return 0


def _print_density(words: Counter, counts: dict[tuple[str, str, str], int]) -> None:
    total = sum(words.values())
    print(f"clean real news (French Wikinews, GUM, Horne real; minus the gold set): {total:,} words "
          f"(train half {words['train']:,}, judge half {words['judge']:,})")
    for level in ("info", "warning"):
        for scope, halves in (("all", ("train", "judge")), ("train", ("train",)), ("judge", ("judge",))):
            w = sum(words[h] for h in halves)
            per_rule = {r: sum(counts[(h, level, r)] for h in halves) for r in RULES}
            n = sum(per_rule.values())
            detail = "  ".join(f"{r} {c / w * 1000:.2f}" for r, c in per_rule.items() if c)
            print(f"  {level:7s} and above, {scope:5s}: {n} findings, {n / w * 1000:.2f} per 1,000 words  ({detail})")


def sample(args: argparse.Namespace) -> int:
    rows = [json.loads(line) for line in open(args.pool, encoding="utf-8")]
    rows = [r for r in rows if r["half"] == args.half and (args.level == "info" or r["severity"] in ("warning", "error"))]
    if args.rules:
        rows = [r for r in rows if r["rule"].split(".", 1)[1] in args.rules.split(",")]
    rng = random.Random(SEED)
    picked = rng.sample(rows, min(args.n, len(rows)))
    with open(args.out, "w", encoding="utf-8") as out:
        for r in picked:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(picked)} of {len(rows)} findings ({args.half} half, {args.level} level and above) -> {args.out}")
    return 0


def score(args: argparse.Namespace) -> int:
    rows = [json.loads(line) for path in args.files for line in open(path, encoding="utf-8") if line.strip()]
    tally: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        v = r.get("verdict", "")
        if v not in ("true", "false", "debatable"):
            print(f"{r['id']}: no verdict", file=sys.stderr)
            return 2
        tally[r["rule"]][v] += 1
        tally["ALL"][v] += 1
        print(f"[{v:9s}] {r['rule']} ({r['severity']}, confidence {r.get('confidence')}) {r['id']}\n"
              f"            {' '.join(r['excerpt'].split())[:200]}\n            reason: {r.get('reason', '')}")
    print()
    for rule, c in sorted(tally.items(), key=lambda kv: kv[0] == "ALL"):
        judged = c["true"] + c["false"]
        p = f"{c['true'] / judged:.3f}" if judged else "—"
        p_all = f"{c['true'] / sum(c.values()):.3f}" if c else "—"
        print(f"{rule:38s} true {c['true']:3d}  false {c['false']:3d}  debatable {c['debatable']:3d}  "
              f"precision {p} (debatable counted false: {p_all})")
    return 0


def collect(args: argparse.Namespace) -> int:
    """Join judged verdicts to their pool rows; weight each row by its rule's sampling rate."""
    pool_rows = {json.loads(line)["id"]: json.loads(line) for line in open(args.pool, encoding="utf-8")}
    verdicts = [json.loads(line) for path in args.verdicts for line in open(path, encoding="utf-8") if line.strip()]
    rows = []
    for v in verdicts:
        r = dict(pool_rows[v["id"]])
        r.pop("context", None)  # re-derivable from the dataset by id; the sentence is kept
        r.update(verdict=v["verdict"], reason=v["reason"], judge=v.get("judge", args.judge))
        rows.append(r)
    halves = {r["half"] for r in rows}
    population = Counter(r["rule"] for r in pool_rows.values() if r["half"] in halves)
    sampled = Counter(r["rule"] for r in rows)
    rate = {rule: population[rule] / n for rule, n in sampled.items()}
    mean = sum(rate[r["rule"]] for r in rows) / len(rows)
    with open(args.out, "w", encoding="utf-8") as out:
        for r in sorted(rows, key=lambda r: r["id"]):
            r["weight"] = round(rate[r["rule"]] / mean, 4)
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} judged rows -> {args.out}; sampled/population per rule: "
          + ", ".join(f"{k} {sampled[k]}/{population[k]}" for k in sorted(sampled)))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("pool")
    p.add_argument("--data", type=Path, default=rb.DEFAULT_DATA)
    p.add_argument("--out", default="/tmp/attribution-pool.jsonl")
    s = sub.add_parser("sample")
    s.add_argument("--pool", default="/tmp/attribution-pool.jsonl")
    s.add_argument("--half", choices=["train", "judge"], required=True)
    s.add_argument("--level", choices=["info", "warning"], default="warning")
    s.add_argument("--rules", default="", help="comma-separated rule names (default: all)")
    s.add_argument("--n", type=int, default=40)
    s.add_argument("--out", required=True)
    c = sub.add_parser("score")
    c.add_argument("files", nargs="+")
    j = sub.add_parser("collect")
    j.add_argument("verdicts", nargs="+")
    j.add_argument("--pool", default="/tmp/attribution-pool.jsonl")
    j.add_argument("--judge", default="", help="who judged (recorded on every row)")
    j.add_argument("--out", required=True)
    args = ap.parse_args()
    return {"pool": pool, "sample": sample, "score": score, "collect": collect}[args.cmd](args)


if __name__ == "__main__":
    raise SystemExit(main())
