"""Accuracy of auditor on real published news: the ``benchmarks/data/realnews`` gold set.

The set (see its README and GUIDE) is 87 real articles taken verbatim from ``../shared/datasets``
(French Wikinews, English GUM/Wikinews, Horne 2017 real, fake and satire), annotated exhaustively
by annotators who never saw the rules. This script runs ``auditor eval`` (``auditor.evaluate``) on
each half and prints, per half:

- precision, recall and F1 per family and per rule, for **all** findings and for the findings at
  **warning level and above** (what an editor who hides info-level notes sees);
- recall per annotated kind (``attribution`` kinds, ``clickbait`` kinds);
- findings per 1,000 words, per family, at warning level, on the real-news articles only (clean
  published news: Wikinews, GUM, Horne real) and on the fake/satire ones;
- the score AUC between real and fake articles (Horne 2017 real vs fake; every real article vs
  fake and satire): the probability that a real article outscores a fake one.

The ``test/`` half is measured, never tuned on: ``--log`` appends the run (date, commit, key
numbers) to the measurement log of ``benchmarks/data/realnews/README.md``.

Usage::

    .venv/bin/python benchmarks/realnews_eval.py [--half tune|test|both] [--save FILE] [--log]
    .venv/bin/python benchmarks/realnews_eval.py --rescore FILE      # re-print a saved run
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "data" / "realnews"
LEVELS = ("info", "warning")
FAMILIES = ("attribution", "boilerplate", "clickbait", "language", "names", "typography")


class AuditOnce:
    """Audits each article once; both severity levels are scored from the same report."""

    def __init__(self, auditor) -> None:
        self.auditor = auditor
        self.reports: dict[tuple[str, str], object] = {}

    def audit(self, article):
        key = (article.title, article.body)
        if key not in self.reports:
            self.reports[key] = self.auditor.audit(article)
        return self.reports[key]


def run_half(auditor, half: str) -> dict:
    from auditor.evaluate import evaluate_files, family

    folder = GOLD / half
    out = {"half": half}
    auditor = AuditOnce(auditor)
    for level in LEVELS:
        t0 = time.perf_counter()
        out[level] = evaluate_files(auditor, [str(folder)], min_severity=level)
        out[level + "_seconds"] = round(time.perf_counter() - t0, 1)
    kinds: Counter = Counter()
    for path in sorted(folder.glob("*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")).get("expect", []):
            kinds[(family(item["category"]), item.get("kind") or "-")] += 1
    out["kinds"] = {f"{f}/{k}": n for (f, k), n in sorted(kinds.items())}
    return out


def kind_recall(half: dict, level: str) -> dict[str, tuple[int, int]]:
    from auditor.evaluate import family

    missed: Counter = Counter((family(m["category"]), m.get("kind") or "-") for m in half[level]["missed"])
    out = {}
    for key, n in half["kinds"].items():
        fam, kind = key.split("/", 1)
        out[key] = (n - missed[(fam, kind)], n)
    return out


def density(per_article: list[dict], labels: set[str]) -> tuple[int, dict[str, float]]:
    arts = [a for a in per_article if a.get("label") in labels]
    words = sum(a["words"] for a in arts)
    counts: Counter = Counter()
    for a in arts:
        counts.update(a["findings"])
    per_k = {fam: round(1000 * counts[fam] / words, 2) if words else 0.0 for fam in FAMILIES}
    per_k["ALL"] = round(1000 * sum(counts.values()) / words, 2) if words else 0.0
    return words, per_k


def score_auc(per_article: list[dict]) -> dict[str, float | None]:
    from auditor.evaluate import auc

    def scores(pred) -> list[float]:
        return [a["score"] for a in per_article if a["score"] is not None and pred(a)]

    horne = lambda a: (a.get("id") or "").startswith("en-horne")  # noqa: E731
    real_h = scores(lambda a: horne(a) and a["label"] == "real")
    fake_h = scores(lambda a: horne(a) and a["label"] == "fake")
    real_all = scores(lambda a: a["label"] == "real")
    bad_all = scores(lambda a: a["label"] in ("fake", "satire"))
    med = lambda xs: sorted(xs)[len(xs) // 2] if xs else None  # noqa: E731
    return {
        "horne_real_vs_fake": _round(auc(real_h, fake_h)), "n_real": len(real_h), "n_fake": len(fake_h),
        "real_vs_fake_or_satire": _round(auc(real_all, bad_all)), "n_real_all": len(real_all), "n_fake_or_satire": len(bad_all),
        "median_real": med(real_all), "median_fake_or_satire": med(bad_all),
    }


def _round(x):
    return None if x is None else round(x, 4)


def _f(x) -> str:
    return "  —  " if x is None else f"{x:.3f}"


def settings(auditor, disabled: list[str]) -> dict:
    """What ran: optional backends change the language numbers, so every run records them."""
    import shutil

    active = {r.id for r in auditor.enabled_rules()}
    gc = bool(shutil.which("grammalecte-cli")) and "grammar.grammalecte" in active
    return {"disable": disabled, "grammalecte": gc}


def format_half(half: dict) -> str:
    s = half.get("settings", {})
    lines = [f"=== {half['half']}/ : {half['info']['articles']} articles, {half['info']['words']} words"
             + (f"; Grammalecte {'on' if s.get('grammalecte') else 'off'}" if s else "")
             + (f"; disabled {', '.join(s['disable'])}" if s.get("disable") else "")]
    lines.append(f"{'family':13s} {'P all':>6s} {'R all':>6s} {'F1 all':>6s} {'n':>4s} | {'P warn':>6s} {'R warn':>6s} {'F1 warn':>7s} {'n':>4s} | {'expected':>8s}")
    fams = sorted(set(half["info"]["families"]) | set(half["warning"]["families"]))
    for fam in fams + ["ALL"]:
        a = half["info"]["overall"] if fam == "ALL" else half["info"]["families"].get(fam, {})
        w = half["warning"]["overall"] if fam == "ALL" else half["warning"]["families"].get(fam, {})
        lines.append(
            f"{fam:13s} {_f(a.get('precision')):>6s} {_f(a.get('recall')):>6s} {_f(a.get('f1')):>6s} {a.get('findings', 0):>4d} | "
            f"{_f(w.get('precision')):>6s} {_f(w.get('recall')):>6s} {_f(w.get('f1')):>7s} {w.get('findings', 0):>4d} | {a.get('expected', 0):>8d}"
        )
    lines += ["", f"{'rule':40s} {'all: n':>7s} {'true':>5s} {'P':>6s} | {'warn: n':>7s} {'true':>5s} {'P':>6s}"]
    for rule in sorted(set(half["info"]["rules"]) | set(half["warning"]["rules"])):
        a = half["info"]["rules"].get(rule, {"findings": 0, "true_findings": 0, "precision": None})
        w = half["warning"]["rules"].get(rule, {"findings": 0, "true_findings": 0, "precision": None})
        lines.append(f"{rule:40s} {a['findings']:>7d} {a['true_findings']:>5d} {_f(a['precision']):>6s} | {w['findings']:>7d} {w['true_findings']:>5d} {_f(w['precision']):>6s}")
    lines += ["", "recall per annotated kind (found/expected: all findings | warning level)"]
    ka, kw = kind_recall(half, "info"), kind_recall(half, "warning")
    for key in sorted(ka):
        lines.append(f"  {key:36s} {ka[key][0]:>3d}/{ka[key][1]:<3d} | {kw[key][0]:>3d}/{kw[key][1]:<3d}")
    for labels, name in (({"real"}, "real news (Wikinews, GUM, Horne real)"), ({"fake", "satire"}, "fake and satire")):
        for level in LEVELS:
            words, per_k = density(half[level]["per_article"], labels)
            row = "  ".join(f"{k} {v:.2f}" for k, v in per_k.items())
            lines.append(f"findings per 1,000 words, {level:7s} level and above, {name} ({words} words): {row}")
    s = score_auc(half["info"]["per_article"])  # the score does not depend on the level scored
    lines.append(
        f"score AUC: Horne real vs fake {s['horne_real_vs_fake']} (n={s['n_real']}/{s['n_fake']}), "
        f"all real vs fake+satire {s['real_vs_fake_or_satire']} (n={s['n_real_all']}/{s['n_fake_or_satire']}); "
        f"median score real {s['median_real']}, fake+satire {s['median_fake_or_satire']}"
    )
    return "\n".join(lines)


def markdown(halves: list[dict]) -> str:
    """Per-family rows for ``docs/accuracy.md``: P / R (findings) of each half, all and warning level."""
    names = [h["half"] for h in halves]
    head = "| family | " + " | ".join(f"{n} all: P / R (n) | {n} warning: P / R (n) | {n} warnings / 1,000 words real news" for n in names) + " |"
    lines = [head, "|---" * (1 + 3 * len(halves)) + "|"]
    for fam in FAMILIES + ("ALL",):
        cells = []
        for h in halves:
            for level in LEVELS:
                m = h[level]["overall"] if fam == "ALL" else h[level]["families"].get(fam)
                cells.append("—" if not m else f"{_f(m['precision'])} / {_f(m['recall'])} ({m['findings']}; {m['expected']} exp.)")
            cells.append(f"{density(h['warning']['per_article'], {'real'})[1][fam]:.2f}")
        lines.append(f"| {fam} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def commit() -> str:
    try:
        sha = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=HERE, capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "src", "rules"], cwd=HERE, capture_output=True, text=True).stdout.strip()
        return sha + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def log_line(half: dict) -> str:
    w = half["warning"]
    fam = w["families"]
    _, real_k = density(w["per_article"], {"real"})
    s = score_auc(w["per_article"])

    def pr(name: str) -> str:
        m = fam.get(name)
        return f"{_f(m['precision']).strip()}/{_f(m['recall'])}" if m else "—"

    gc = half.get("settings", {}).get("grammalecte")
    where = f"{half['half']} (Grammalecte {'on' if gc else 'off'})"
    return (
        f"| {dt.date.today().isoformat()} | {commit()} | {where} | {pr('attribution')} | {pr('language')} | {pr('clickbait')} | {pr('names')} | "
        f"{_f(w['overall']['precision'])}/{_f(w['overall']['recall'])} | {real_k['ALL']:.2f} | {s['horne_real_vs_fake']} |"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--half", choices=("tune", "test", "both"), default="both")
    ap.add_argument("--save", type=Path, help="write the full results (JSON) here")
    ap.add_argument("--rescore", type=Path, help="re-print a run saved with --save")
    ap.add_argument("--log", action="store_true", help="append the test/ run to the README measurement log")
    ap.add_argument("--disable", action="append", default=[], help="rule ids or families to disable (as auditor check --disable), e.g. grammar.grammalecte for the default pip install")
    ap.add_argument("--config", type=Path, help="an auditor.toml to use")
    ap.add_argument("--markdown", action="store_true", help="also print the per-family table of docs/accuracy.md")
    args = ap.parse_args(argv)
    if args.rescore:
        halves = json.loads(args.rescore.read_text(encoding="utf-8"))
    else:
        from auditor.cli import build_config, make_auditor

        auditor = make_auditor(build_config(args.config, [], [], args.disable))
        names = ("tune", "test") if args.half == "both" else (args.half,)
        halves = [run_half(auditor, h) for h in names]
        setting = settings(auditor, args.disable)
        for h in halves:
            h["settings"] = setting
    for half in halves:
        print(format_half(half), end="\n\n")
    if args.markdown:
        print(markdown(halves), end="\n\n")
    if args.save:
        args.save.write_text(json.dumps(halves, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.log:
        readme = GOLD / "README.md"
        rows = [log_line(h) for h in halves if h["half"] == "test"]
        if rows:
            with readme.open("a", encoding="utf-8") as fh:
                fh.write("\n".join(rows) + "\n")
            print(f"logged to {readme}:\n" + "\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
