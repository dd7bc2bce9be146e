"""Speed of the whole default rule set: cold start, warm words/second, and with ``-j 2``.

    python benchmarks/speed.py [--copies 12] [--json results.json]

The corpus is generated from the example articles in ``examples/`` (each copied ``--copies`` times
into a temporary folder, one file per copy), so it runs anywhere without external data.
Measured numbers go in the closing notes of the issues, not in tests (timing tests are flaky).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXE = Path(sys.executable).parent / "auditor"


def make_corpus(folder: Path, copies: int) -> None:
    for src in sorted((ROOT / "examples").iterdir()):
        if src.suffix in (".md", ".txt", ".json", ".html") and src.stem.upper() != "README":
            for i in range(copies):
                shutil.copy(src, folder / f"{src.stem}-{i:03d}{src.suffix}")


def cli(args: list[str]) -> tuple[float, dict]:
    t = time.perf_counter()
    res = subprocess.run([str(EXE), "check", *args, "--format", "json"], capture_output=True, text=True)
    elapsed = time.perf_counter() - t
    if res.returncode not in (0, 1):
        raise SystemExit(f"auditor failed ({res.returncode}): {res.stderr[-500:]}")
    return elapsed, json.loads(res.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=12)
    ap.add_argument("--json", type=Path, help="also write the numbers to this file")
    args = ap.parse_args()
    out: dict[str, float] = {}

    # Cold start: a new process auditing one French and one English article (models load).
    for name in ("fr-budget-draft.md", "en-hospital-draft.txt"):
        elapsed, rep = cli([str(ROOT / "examples" / name)])
        out[f"cold_start_seconds[{name}]"] = round(elapsed, 2)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_corpus(folder, args.copies)
        files = sorted(str(p) for p in folder.iterdir())

        # Warm, in one process: load everything once, then time the corpus.
        sys.path.insert(0, str(ROOT / "src"))
        from auditor.config import Config
        from auditor.engine import Auditor, audit_paths

        auditor = Auditor(Config(load_entry_points=True))
        audit_paths(auditor, files[:: max(1, args.copies)])  # warm-up: models, caches
        t = time.perf_counter()
        run = audit_paths(auditor, files)
        elapsed = time.perf_counter() - t
        words = sum(a.words for a in run.articles)
        out["corpus_articles"] = len(run.articles)
        out["corpus_words"] = words
        out["warm_words_per_second_1_process"] = round(words / elapsed, 1)

        # Whole CLI runs, start-up included.
        for jobs in (1, 2):
            elapsed, rep = cli([str(folder), "-j", str(jobs)])
            out[f"cli_words_per_second_j{jobs}"] = round(sum(a["words"] for a in rep["articles"]) / elapsed, 1)
            out[f"cli_seconds_j{jobs}"] = round(elapsed, 2)

    width = max(len(k) for k in out)
    for k, v in out.items():
        print(f"{k:{width}s}  {v}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
