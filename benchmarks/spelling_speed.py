"""Words per second of ``spelling.unknown-word``, warm (dictionaries loaded, caches filled by a
first pass), on clean Wikinews articles.

    python benchmarks/spelling_speed.py [--lang fr|en] [--source wikinews|horne] [--articles 300] [--repeat 2]
        [--split all|tune|test]

Runs the engine with only the spelling rule enabled (so no spaCy model is loaded: the rule does
not need one). Reports the cold pass (first dictionary load + empty caches) and the best warm pass,
with the default suggestions (``full``) and with ``suggestions = "none"``.
"""

from __future__ import annotations

import argparse
import sys
import time
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _spelling_data import DATA, corpus, only  # noqa: E402


def timed(auditor, articles) -> tuple[float, int]:
    start = time.perf_counter()
    words = 0
    for a in articles:
        words += auditor.audit(a).words
    return time.perf_counter() - start, words


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--lang", default="fr", choices=["fr", "en"])
    ap.add_argument("--source", default="wikinews", choices=["wikinews", "horne"],
                    help="horne: the real articles of Horne & Adali 2017 (English only)")
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--split", default="all", choices=["all", "tune", "test"],
                    help="which half the articles come from (tune: keep the reporting half unseen)")
    args = ap.parse_args()
    articles = list(islice(corpus(args.lang, args.source, args.data, args.split), args.articles))
    for mode in ("full", "none"):
        auditor = only("spelling.unknown-word")
        auditor.config.rule_settings = {"spelling.unknown-word": {"suggestions": mode}}
        cold, words = timed(auditor, articles)
        warm = min(timed(auditor, articles)[0] for _ in range(args.repeat))
        print(f"[{args.lang}/{args.source}] suggestions={mode} articles={len(articles)} words={words} "
              f"cold={cold:.2f}s ({words / cold:,.0f} words/s) warm={warm:.2f}s ({words / warm:,.0f} words/s)")


if __name__ == "__main__":
    main()
