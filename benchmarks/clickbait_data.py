"""Data access for the clickbait benchmarks (shared by ``clickbait_train.py`` and ``clickbait_eval.py``).

The datasets are read in place from ``../shared/datasets`` (never copied into the repository);
``--data`` overrides the folder. The English held-out split is seeded and fixed: rows are shuffled
with ``random.Random(SEED)`` and the last ``TEST_FRACTION`` are the test split, which is only ever
read by the evaluation script, never while choosing rules, weights or thresholds.
"""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "datasets"
FR_SET = ROOT / "benchmarks" / "data" / "clickbait-fr" / "headlines.tsv"
#: an independent French set written by another engineer without seeing the rules (columns text,
#: label, kind), read only by the evaluation, after the rules were frozen
FR_HELDOUT = ROOT / "benchmarks" / "data" / "clickbait-fr-heldout" / "headlines.tsv"
SEED = 20261129
TEST_FRACTION = 0.25


def read_tsv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def english_split(data: Path = DEFAULT_DATA) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """(train, test) lists of (headline, label) from clickbait-en, seeded 75/25 split."""
    rows = [(r["text"], int(r["label"])) for r in read_tsv(data / "clickbait-en" / "headlines.tsv")]
    random.Random(SEED).shuffle(rows)
    cut = int(len(rows) * (1 - TEST_FRACTION))
    return rows[:cut], rows[cut:]


def french_split(path: Path = FR_SET) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """(tune, test) rows of our clickbait-fr set (columns text, label, kind, split)."""
    rows = read_tsv(path)
    return [r for r in rows if r["split"] == "tune"], [r for r in rows if r["split"] == "test"]


def wikinews_titles(data: Path, lang: str) -> list[str]:
    if lang == "fr":
        path = data / "news-fr-wikinews" / "articles.jsonl"
    else:
        path = data / "news-en-wikinews" / "gum_news_entities.jsonl"
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                out.append(json.loads(line)["title"].strip())
    return out


def fakenews_en(data: Path) -> list[tuple[str, str, str]]:
    """(title, label, subset) of the Horne 2017 articles."""
    out = []
    with open(data / "fakenews-en" / "horne2017_articles.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                out.append((d["title"].strip(), d["label"], d["subset"]))
    return out


def obsinfox_titles(data: Path) -> list[dict[str, str]]:
    return read_tsv(data / "fakenews-fr" / "obsinfox_articles.tsv")
