"""One fixed train/test split of Horne & Adali 2017 (``fakenews-en/horne2017_articles.jsonl``).

Every benchmark that fits or measures something on Horne 2017 (the clickbait model's in-domain
titles, the score weights, the credibility profile) uses this split, so that ``test`` is held out
for all of them at once:

- an article that is in ``benchmarks/data/realnews`` keeps that set's half (``tune`` → ``train``,
  ``test`` → ``test``), so the real-news gold set and this split never disagree;
- every other article goes by the parity of the first byte of the SHA-256 of its id: a fixed,
  reproducible split that does not depend on file order.

Read ``test`` only to measure, once per change, and log it (``benchmarks/data/realnews/README.md``).
The licence notice is ``benchmarks/data/realnews/NOTICE.horne2017``.
"""

from __future__ import annotations

import csv
import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "datasets"
MANIFEST = ROOT / "benchmarks" / "data" / "realnews" / "manifest.tsv"
HALVES = {"tune": "train", "test": "test"}


def realnews_slug(doc_id: str) -> str:
    """The id ``realnews_build.py`` gives a Horne article (``buzzfeed/1_Fake`` → ``en-horne-buzzfeed-1-fake``)."""
    return "en-horne-" + doc_id.replace("/", "-").replace("_", "-").lower()


@lru_cache(maxsize=1)
def _realnews_halves() -> dict[str, str]:
    with MANIFEST.open(encoding="utf-8", newline="") as fh:
        return {r["id"]: r["split"] for r in csv.DictReader(fh, delimiter="\t") if r["id"].startswith("en-horne-")}


def split_of(doc_id: str) -> str:
    """``train`` or ``test`` for the Horne 2017 article ``doc_id`` (its ``id`` field)."""
    half = _realnews_halves().get(realnews_slug(doc_id))
    if half is not None:
        return HALVES[half]
    return "train" if hashlib.sha256(doc_id.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def articles(data: Path = DEFAULT_DATA, split: str = "train") -> Iterator[dict]:
    """The rows (``id``, ``subset``, ``label``, ``title``, ``text``) of one half, or of ``all``."""
    with (data / "fakenews-en" / "horne2017_articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                if split == "all" or split_of(row["id"]) == split:
                    row["text"] = row["text"].replace("\r\n", "\n").replace("\r", "\n")
                    yield row
