"""Train the attribution confidence model (``src/auditor/attribution/data/attribution-confidence.json``).

    .venv/bin/python benchmarks/attribution_confidence.py [--explore] [--dry-run]

Rows: every finding of the four sentence-verdict rules (unsourced-claim, vague-source,
opinion-as-fact, hedged-claim) on

* the ``tune/`` half of ``benchmarks/data/realnews`` (real published news; the judge), and
* the judged findings of the ``train`` half of all the clean real news of ``../shared/datasets``
  (``benchmarks/data/attribution-judged/train.jsonl``, written by ``attribution_judged.py``: a sample
  stratified by rule, each finding judged in context by an annotator who had not seen the rules;
  each row is weighted by the inverse of its rule's sampling rate, so that the precision computed
  on them is the precision on the real stream of findings; debatable ones are left out), and
* the written gold sets used for tuning (``attribution-dev/tune``, ``attribution-fresh*``),
  weighted ``WRITTEN_WEIGHT`` (they were written to contain defects, so they reward finding things).

A finding is true when it overlaps an ``expect`` item of the attribution family, false otherwise;
findings on ``ignore`` items are left out. ``realnews/test``, ``attribution-dev/test`` and the
``judge`` half of the clean real news are never read here.

The model is a logistic regression with L2 (:mod:`auditor.attribution.confidence` names the
features). The L2 strength is chosen by leave-one-article-out on the real-news rows; the threshold is
the lowest one whose out-of-article precision on the real-news tune findings reaches ``TARGET``
(the project's bar for a warning). ``--explore`` prints the true/false counts per feature first.
Deterministic: no sampling.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from attribution_judged import Capture  # noqa: E402
from auditor.attribution import confidence  # noqa: E402
from auditor.config import Config  # noqa: E402
from auditor.engine import Auditor  # noqa: E402
from auditor.evaluate import gold_paths, load_gold  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
REAL = [DATA / "realnews" / "tune"]
JUDGED = DATA / "attribution-judged" / "train.jsonl"
MIN_KEPT = 15  # a threshold must keep at least this many real-news findings (weighted) to be chosen
WRITTEN = [DATA / "attribution-dev" / "tune", *sorted(DATA.glob("attribution-fresh*"))]
WRITTEN_WEIGHT = 0.25
TARGET = 0.85
L2_GRID = (0.3, 1.0, 3.0)
WRITTEN_GRID = (0.1, 0.25, 0.5)
RULES = {f"attribution.{v}" for v in confidence.SCORED}


def rows_of(paths: list[Path], auditor: Auditor, kind: str) -> list[dict]:
    """One row per scored finding: its features, its label, its article (for leave-one-out)."""
    out = []
    capture = Capture()
    for path in gold_paths([str(p) for p in paths]):
        for article, items, meta in load_gold(path):
            capture.last.clear()
            report = auditor.audit(article)
            fa = capture.last.get("body")  # the analysis the rules read: no second parse
            if fa is None:
                continue
            starts = {i.start: n for n, i in enumerate(fa.sentences)}
            for f in report.findings:
                if f.rule not in RULES or f.field != "body" or f.start not in starts:
                    continue
                gold = [i for i in items if i.family == "attribution" and i.overlaps(f.field, f.start, f.end)]
                if not any(i.kind == "expect" for i in gold) and any(i.kind == "ignore" for i in gold):
                    continue
                n = starts[f.start]
                out.append({"kind": kind, "article": meta["source"], "rule": f.rule, "text": fa.sentences[n].text,
                            "features": confidence.features(fa, n), "label": int(any(i.kind == "expect" for i in gold)),
                            "weight": 1.0})
    return out


def judged_rows(path: Path = JUDGED) -> tuple[list[dict], dict[str, list[float]]]:
    """Judged real-news rows of the scored rules, and the weighted (true, judged) counts of the
    other rules (their precision on real news decides their severity)."""
    rows, others = [], {}
    if not path.is_file():
        return rows, others
    for line in path.open(encoding="utf-8"):
        r = json.loads(line)
        if r["verdict"] == "debatable":
            continue
        label = int(r["verdict"] == "true")
        if r.get("features"):
            rows.append({"kind": "real", "article": r["article"], "rule": r["rule"], "text": r["excerpt"],
                         "features": r["features"], "label": label, "weight": r["weight"]})
        else:
            c = others.setdefault(r["rule"].split(".", 1)[1], [0.0, 0.0])
            c[0] += label * r["weight"]
            c[1] += r["weight"]
    return rows, others


def explore(rows: list[dict]) -> None:
    stats: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for r in rows:
        for k, v in r["features"].items():
            if v:
                stats[k][r["label"]] += 1
    print(f"{'feature':40s} true false   P")
    for k, (f, t) in sorted(stats.items(), key=lambda kv: -(kv[1][0] + kv[1][1])):
        print(f"{k:40s} {t:4.0f} {f:5.0f} {t / (t + f):.2f}")


def fit(rows: list[dict], names: list[str], l2: float) -> tuple[float, dict[str, float]]:
    """Weighted L2 logistic regression by Newton's method (a few hundred rows: exact and fast)."""
    x = np.array([[1.0] + [r["features"].get(k, 0.0) for k in names] for r in rows])
    y = np.array([r["label"] for r in rows], dtype=float)
    w = np.array([r["weight"] * (1.0 if r["kind"] == "real" else WRITTEN_WEIGHT) for r in rows])
    beta = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], l2)
    reg[0] = 0.0  # the bias is not shrunk
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-x @ beta))
        grad = x.T @ (w * (p - y)) + reg * beta
        hess = (x.T * (w * p * (1 - p))) @ x + np.diag(reg) + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return float(beta[0]), {k: float(b) for k, b in zip(names, beta[1:])}


def out_of_article(rows: list[dict], names: list[str], l2: float) -> list[tuple[float, int, float]]:
    """(confidence, label, weight) of every real-news row, each scored by a model that never saw its article."""
    scored = []
    for art in sorted({r["article"] for r in rows if r["kind"] == "real"}):
        train = [r for r in rows if r["article"] != art]
        bias, weights = fit(train, names, l2)
        m = confidence.Model(bias, weights, 0.5)
        scored += [(m.confidence(r["features"]), r["label"], r["weight"]) for r in rows if r["article"] == art]
    return scored


def auc(scored: list[tuple[float, int, float]]) -> float:
    """Weighted AUC: the chance that a true finding outranks a false one."""
    pos = [(c, w) for c, y, w in scored if y]
    neg = [(c, w) for c, y, w in scored if not y]
    wins = sum(wp * wn * (1.0 if p > n else 0.5 if p == n else 0.0) for p, wp in pos for n, wn in neg)
    total = sum(w for _, w in pos) * sum(w for _, w in neg)
    return wins / total if total else float("nan")


def pick_threshold(scored: list[tuple[float, int, float]]) -> tuple[float, float, float, float]:
    """The lowest threshold whose (weighted) findings at or above it are ``TARGET`` precise and at
    least ``MIN_KEPT``; 1.0 (no warning) if none is. Returns (threshold, precision, true, kept)."""
    best = (1.0, float("nan"), 0.0, 0.0)
    for t in sorted({c for c, _, _ in scored}, reverse=True):
        kept = [(y, w) for c, y, w in scored if c >= t]
        n = sum(w for _, w in kept)
        tp = sum(w for y, w in kept if y)
        if tp / n >= TARGET and n >= MIN_KEPT:
            best = (t, tp / n, tp, n)
    return best


def best_precision(scored: list[tuple[float, int, float]]) -> tuple[float, float, float]:
    """The highest precision any threshold keeping ``MIN_KEPT`` or more (weighted) findings reaches:
    (precision, threshold, kept) — what the features can do at best, when the target is out of reach."""
    best = (float("nan"), 1.0, 0.0)
    for t in sorted({c for c, _, _ in scored}, reverse=True):
        kept = [(y, w) for c, y, w in scored if c >= t]
        n = sum(w for _, w in kept)
        p = sum(w for y, w in kept if y) / n
        if n >= MIN_KEPT and not p <= best[0]:
            best = (p, t, n)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--explore", action="store_true")
    ap.add_argument("--dry-run", action="store_true", help="print, do not write the weights file")
    args = ap.parse_args()
    auditor = Auditor(Config(load_entry_points=False))
    auditor.config.disable = {r for r in auditor.rules if not r.startswith("attribution.")}
    judged, others = judged_rows()
    rows = rows_of(REAL, auditor, "real") + judged + rows_of(WRITTEN, auditor, "written")
    real = [r for r in rows if r["kind"] == "real"]
    print(f"rows: real news {len(real)} ({sum(r['label'] for r in real)} true; {len(judged)} judged), written {len(rows) - len(real)} "
          f"({sum(r['label'] for r in rows if r['kind'] == 'written')} true)")
    if args.explore:
        print("\nreal news (tune):")
        explore(real)
        print("\nwritten sets:")
        explore([r for r in rows if r["kind"] == "written"])
    names = sorted({k for r in rows for k in r["features"]})
    results = {}
    global WRITTEN_WEIGHT
    for ww in WRITTEN_GRID:
        WRITTEN_WEIGHT = ww
        for l2 in L2_GRID:
            scored = out_of_article(rows, names, l2)
            results[(ww, l2)] = (auc(scored), pick_threshold(scored), best_precision(scored))
            t, p, tp, n = results[(ww, l2)][1]
            print(f"written weight {ww:4.2f}, L2 {l2:4.1f}: out-of-article AUC {results[(ww, l2)][0]:.3f}; threshold {t:.3f} "
                  f"keeps {n:.1f} (weighted) real-news findings, {tp:.1f} true (precision {p:.3f}); best precision "
                  f"{results[(ww, l2)][2][0]:.3f} at {results[(ww, l2)][2][1]:.3f} ({results[(ww, l2)][2][2]:.1f} findings)")
    ww, l2 = max(results, key=lambda k: (results[k][0], -k[1]))
    WRITTEN_WEIGHT = ww
    bias, weights = fit(rows, names, l2)
    t, p, tp, n = results[(ww, l2)][1]
    payload = {
        "bias": round(bias, 4),
        "weights": {k: round(v, 4) for k, v in sorted(weights.items())},
        "threshold": round(t, 4),
        "priors": {rule: round(c[0] / c[1], 4) for rule, c in sorted(others.items()) if c[1]},
        "trained": {
            "by": "benchmarks/attribution_confidence.py",
            "rows": {"realnews/tune": len(real) - len(judged), "judged clean real news (train half)": len(judged),
                     "written": len(rows) - len(real), "written_weight": ww},
            "l2": l2,
            "out_of_article": {"auc": round(results[(ww, l2)][0], 4), "target_precision": TARGET, "min_kept": MIN_KEPT,
                               "kept": round(n, 1), "true": round(tp, 1), "precision": None if math.isnan(p) else round(p, 4),
                               "best_precision": {"precision": round(results[(ww, l2)][2][0], 4),
                                                  "threshold": round(results[(ww, l2)][2][1], 4),
                                                  "kept": round(results[(ww, l2)][2][2], 1)}},
        },
    }
    print(json.dumps(payload, indent=1, ensure_ascii=False))
    if not args.dry_run:
        confidence.DATA.parent.mkdir(parents=True, exist_ok=True)
        confidence.DATA.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {confidence.DATA.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
