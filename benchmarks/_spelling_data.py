"""Shared helpers of the spelling and grammar benchmarks: dataset paths, splits, an engine that
runs only the rules under test.

The datasets are read in place from ``../shared/datasets`` (never copied into the repository);
``--data`` points elsewhere. Splits: even-indexed articles are the tuning half, odd-indexed the
reporting half (``--split tune|test|all``).

English sources (``--source``): ``wikinews`` (GUM news, 24 articles), ``horne`` (the 128
``real``-labelled articles of Horne & Adali 2017, ``fakenews-en/horne2017_articles.jsonl``: WSJ,
Economist, BBC, NPR, Guardian, Washington Post… political news; the split is by position among
the real articles) or ``both``. French has only Wikinews.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from auditor.config import Config
from auditor.engine import Auditor
from auditor.model import Article

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "datasets"


def split_ok(index: int, split: str) -> bool:
    return split == "all" or (split == "tune") == (index % 2 == 0)


def wikinews(lang: str, data: Path = DATA, split: str = "test") -> Iterator[Article]:
    """Clean Wikinews articles. French: WiNER-fr (1,191 articles); English: GUM news (24)."""
    if lang == "fr":
        path = data / "news-fr-wikinews" / "articles.jsonl"
    else:
        path = data / "news-en-wikinews" / "gum_news_entities.jsonl"
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if not split_ok(i, split):
                continue
            d = json.loads(line)
            text = d["text"]
            title, _, body = text.partition("\n")
            yield Article(title=title.strip(), body=body.strip("\n"), lang=lang, source=d.get("id", str(i)))


def horne(data: Path = DATA, split: str = "test") -> Iterator[Article]:
    """The ``real`` articles of Horne & Adali 2017 (BSD-style notice, ``NOTICE.horne2017``).

    Index = position among the real articles of the file (0-based), so both halves hold 64.
    Windows line ends are normalised to ``\n``.
    """
    path = data / "fakenews-en" / "horne2017_articles.jsonl"
    with path.open(encoding="utf-8") as fh:
        rows = [d for d in map(json.loads, fh) if d.get("label") == "real"]
    for i, d in enumerate(rows):
        if not split_ok(i, split):
            continue
        body = d["text"].replace("\r\n", "\n").replace("\r", "\n").strip()
        yield Article(title=d["title"].strip(), body=body, lang="en", source=d["id"])


SOURCES = {"fr": ("wikinews",), "en": ("wikinews", "horne")}


def corpus(lang: str, source: str, data: Path = DATA, split: str = "test") -> Iterator[Article]:
    """Clean news of ``lang`` from ``source`` (``wikinews`` or ``horne``)."""
    if source == "horne":
        if lang != "en":
            raise ValueError("the Horne 2017 articles are English")
        return horne(data, split)
    return wikinews(lang, data, split)


def sources(lang: str, choice: str) -> tuple[str, ...]:
    """The sources to measure for ``--source`` (``both`` = every source of that language)."""
    avail = SOURCES[lang]
    return avail if choice == "both" else tuple(s for s in avail if s == choice)


def only(*rule_ids: str, **settings) -> Auditor:
    """An engine with only ``rule_ids`` enabled."""
    config = Config(load_entry_points=False)
    config.disable = {"all"}
    config.enable = set(rule_ids)
    for key, value in settings.items():
        setattr(config, key, value)
    return Auditor(config)


def source_errors(kind: str = "spelling") -> set[tuple[str, str, str]]:
    """Hand-verified real errors of the clean texts (reporting half): (lang, article id, word).

    ``kind`` is ``spelling`` (``data/spelling/source-errors.tsv``) or ``grammar``
    (``data/spelling/source-grammar-errors.tsv``).
    """
    name = "source-errors.tsv" if kind == "spelling" else "source-grammar-errors.tsv"
    out = set()
    with (Path(__file__).resolve().parent / "data" / "spelling" / name).open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("lang\t") or not line.strip():
                continue
            lang, article, word = line.rstrip("\n").split("\t")[:3]
            out.add((lang, article, word))
    return out
