"""Inter-annotator agreement on the double-annotated sample of ``benchmarks/data/realnews``.

Two annotators annotated the same articles independently (``agreement/first/<id>.json`` and
``agreement/second/<id>.json``: their raw ``expect`` items, before adjudication). Per category
family (spelling and grammar together, as ``auditor eval`` scores them):

- **positive agreement** (Dice, the F1 of one annotator against the other): items are paired when
  their family agrees and their spans overlap, as ``auditor eval`` pairs a finding with an item;
  ``2·paired / (items of A + items of B)``;
- each annotator against the adjudicated gold file (the same measure, both annotators pooled): how
  far a single annotation is from the settled one;
- for ``attribution``, also **Cohen's kappa over sentences** (a sentence is positive for an
  annotator when one of their attribution items overlaps it; sentences split by punctuation and
  line breaks, independently of auditor's own splitter) and the share of paired items whose
  ``kind`` agrees.

Usage::

    .venv/bin/python benchmarks/realnews_agreement.py [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import regex

from auditor.evaluate import family

HERE = Path(__file__).resolve().parent
GOLD = HERE / "data" / "realnews"
SENTENCE_END = regex.compile(r"(?<=[.!?…»\"”])\s+(?=[\p{Lu}«\"“0-9])|\n+")
def spans(doc: dict, items: list[dict]) -> list[tuple[str, str, int, int, str]]:
    """(family, field, start, end, kind) of every item, placed at the first occurrence of its quote."""
    out = []
    for it in items:
        fld = it.get("field", "body")
        start = doc[fld].find(it["quote"])
        if start >= 0:
            out.append((family(it["category"]), fld, start, start + len(it["quote"]), it.get("kind", "")))
    return out


def pair(a: list[tuple], b: list[tuple]) -> list[tuple[tuple, tuple]]:
    """Greedy one-to-one pairing of overlapping items of the same family and field."""
    used: set[int] = set()
    pairs = []
    for x in a:
        for j, y in enumerate(b):
            if j not in used and x[0] == y[0] and x[1] == y[1] and x[2] < y[3] and y[2] < x[3]:
                used.add(j)
                pairs.append((x, y))
                break
    return pairs


def sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in SENTENCE_END.finditer(text):
        if text[start:m.start()].strip():
            out.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text)))
    return out


def kappa(x: list[int], y: list[int]) -> float | None:
    n = len(x)
    if not n:
        return None
    po = sum(1 for a, b in zip(x, y) if a == b) / n
    pa, pb = sum(x) / n, sum(y) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    return None if pe == 1 else (po - pe) / (1 - pe)


def _dice(a: list[tuple], b: list[tuple], counts: dict[str, list[int]]) -> list[tuple[tuple, tuple]]:
    """Adds, per family, the items of ``a``, of ``b`` and the pairs; returns all pairs."""
    out = []
    for fam in {s[0] for s in a + b}:
        fa, fb = [s for s in a if s[0] == fam], [s for s in b if s[0] == fam]
        pairs = pair(fa, fb)
        counts[fam][0] += len(fa)
        counts[fam][1] += len(fb)
        counts[fam][2] += len(pairs)
        out += pairs
    return out


def _table(counts: dict[str, list[int]]) -> dict:
    return {fam: {"first": c[0], "second": c[1], "paired": c[2], "positive_agreement": round(2 * c[2] / (c[0] + c[1]), 3) if c[0] + c[1] else None}
            for fam, c in sorted(counts.items())}


def agreement(gold: Path = GOLD) -> dict:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # items A, items B, paired
    vs_gold: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # annotator items, gold items, paired
    kinds = [0, 0]  # paired attribution items, of which same kind
    sa: list[int] = []
    sb: list[int] = []
    ids = sorted(p.stem for p in (gold / "agreement" / "first").glob("*.json"))
    for art_id in ids:
        doc = _article(gold, art_id)
        a = spans(doc, json.loads((gold / "agreement" / "first" / f"{art_id}.json").read_text(encoding="utf-8"))["expect"])
        b = spans(doc, json.loads((gold / "agreement" / "second" / f"{art_id}.json").read_text(encoding="utf-8"))["expect"])
        pairs = _dice(a, b, counts)
        kinds[0] += sum(1 for x, _ in pairs if x[0] == "attribution")
        kinds[1] += sum(1 for x, y in pairs if x[0] == "attribution" and x[4] == y[4])
        for raw in (a, b):  # each annotator against the adjudicated gold
            _dice(raw, spans(doc, doc["expect"]), vs_gold)
        for s, e in sentences(doc["body"]):
            sa.append(int(any(x[0] == "attribution" and x[1] == "body" and x[2] < e and s < x[3] for x in a)))
            sb.append(int(any(y[0] == "attribution" and y[1] == "body" and y[2] < e and s < y[3] for y in b)))
    k = kappa(sa, sb)
    return {
        "articles": len(ids),
        "families": _table(counts),
        "annotators_vs_adjudicated": _table(vs_gold),
        "attribution_sentences": {"sentences": len(sa), "first": sum(sa), "second": sum(sb), "both": sum(1 for x, y in zip(sa, sb) if x and y),
                                  "kappa": None if k is None else round(k, 3)},
        "attribution_kind_agreement": round(kinds[1] / kinds[0], 3) if kinds[0] else None,
    }


def _article(gold: Path, art_id: str) -> dict:
    for half in ("tune", "test"):
        p = gold / half / f"{art_id}.json"
        if p.exists():
            return json.loads(p.read_text(encoding="utf-8"))
    raise FileNotFoundError(f"{art_id}: not in tune/ or test/")


def format_text(r: dict) -> str:
    lines = [f"{r['articles']} double-annotated articles", "", f"{'family':13s} {'first':>6s} {'second':>6s} {'paired':>6s} {'agreement':>9s}"]
    for fam, m in r["families"].items():
        ag = "—" if m["positive_agreement"] is None else f"{m['positive_agreement']:.3f}"
        lines.append(f"{fam:13s} {m['first']:>6d} {m['second']:>6d} {m['paired']:>6d} {ag:>9s}")
    lines += ["", "each annotator against the adjudicated gold (items of both annotators pooled)", f"{'family':13s} {'raw':>6s} {'gold×2':>6s} {'paired':>6s} {'agreement':>9s}"]
    for fam, m in r["annotators_vs_adjudicated"].items():
        ag = "—" if m["positive_agreement"] is None else f"{m['positive_agreement']:.3f}"
        lines.append(f"{fam:13s} {m['first']:>6d} {m['second']:>6d} {m['paired']:>6d} {ag:>9s}")
    s = r["attribution_sentences"]
    lines += ["", f"attribution, sentence level: {s['sentences']} sentences, first {s['first']}, second {s['second']}, both {s['both']}, Cohen's kappa {s['kappa']}",
              f"attribution kind agreement on paired items: {r['attribution_kind_agreement']}"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    r = agreement()
    print(json.dumps(r, indent=1) if args.json else format_text(r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
