"""Spelling findings on held-out clean real news, and a judged sample of them.

    .venv/bin/python benchmarks/spelling_judged.py pool [--out /tmp/spelling-pool.jsonl]
    .venv/bin/python benchmarks/spelling_judged.py sample --pool P --n 40 --out S.jsonl
    .venv/bin/python benchmarks/spelling_judged.py score benchmarks/data/spelling-judged/sample.jsonl

The text is the reporting half (``--split test``) of the spelling benchmarks
(``_spelling_data.py``: French Wikinews, GUM, Horne 2017 ``real``; the spelling rule's thresholds
are tuned on the other half), minus the articles of ``benchmarks/data/realnews`` (they have their
own gold). ``pool`` runs the default rules that make or supersede spelling findings (Grammalecte
off; the same findings as a full audit) and writes every ``spelling`` finding
with its paragraph, and prints the findings per 1,000 words; ``sample`` draws a seeded sample;
judges who never saw the rules give each one a ``verdict`` (``true``: the word is misspelt or not a
word here; ``false``: a correct word, name or deliberate form; ``debatable``) and a ``reason``;
``score`` (shared with ``attribution_judged.py``) prints each verdict and the precision with the
debatable ones counted apart.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import realnews_build as rb  # noqa: E402
from _spelling_data import DATA, corpus  # noqa: E402
from attribution_judged import _context, score  # noqa: E402
from grammar_injection import injection_auditor  # noqa: E402

SEED = 20261203
SOURCES = (("fr", "wikinews"), ("en", "wikinews"), ("en", "horne"))


def pool(args: argparse.Namespace) -> int:
    taken = {json.loads(p.read_text(encoding="utf-8"))["source"]["id"] for half in ("tune", "test") for p in (rb.GOLD / half).glob("*.json")}
    auditor = injection_auditor(with_grammalecte=False)  # the rules that make or supersede spelling findings
    words: Counter = Counter()
    found: Counter = Counter()
    with open(args.out, "w", encoding="utf-8") as out:
        for lang, source in SOURCES:
            for art in corpus(lang, source, args.data, split="test"):
                if art.source in taken:
                    continue
                report = auditor.audit(art)
                words[lang] += report.words
                for f in report.findings:
                    if f.category != "spelling":
                        continue
                    found[(lang, f.severity)] += 1
                    text = art.text(f.field)
                    out.write(json.dumps({
                        "id": f"{art.source}@{f.field}:{f.start}", "article": art.source, "lang": lang, "source": source,
                        "rule": f.rule, "severity": f.severity, "confidence": f.confidence, "excerpt": f.excerpt,
                        "suggestions": list(f.suggestions)[:3], "message": f.message,
                        "context": _context(text, f.start, f.end) if f.field == "body" else text,
                    }, ensure_ascii=False) + "\n")
    for lang in ("fr", "en"):
        n = sum(v for (lg, _), v in found.items() if lg == lang)
        warn = sum(v for (lg, sev), v in found.items() if lg == lang and sev in ("warning", "error"))
        print(f"{lang}: {words[lang]:,} words, {n} spelling findings ({1000 * n / max(words[lang], 1):.2f} per 1,000 words), "
              f"{warn} at warning level ({1000 * warn / max(words[lang], 1):.2f})")
    return 0


def sample(args: argparse.Namespace) -> int:
    rows = [json.loads(line) for line in open(args.pool, encoding="utf-8") if line.strip()]
    picked = random.Random(SEED).sample(rows, min(args.n, len(rows)))
    with open(args.out, "w", encoding="utf-8") as out:
        for r in picked:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(picked)} of {len(rows)} findings -> {args.out}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("pool")
    p.add_argument("--data", type=Path, default=DATA)
    p.add_argument("--out", type=Path, default=Path("/tmp/spelling-pool.jsonl"))
    s = sub.add_parser("sample")
    s.add_argument("--pool", type=Path, default=Path("/tmp/spelling-pool.jsonl"))
    s.add_argument("--n", type=int, default=40)
    s.add_argument("--out", type=Path, required=True)
    c = sub.add_parser("score")
    c.add_argument("files", nargs="+", type=Path)
    args = ap.parse_args()
    return {"pool": pool, "sample": sample, "score": score}[args.cmd](args)


if __name__ == "__main__":
    raise SystemExit(main())
