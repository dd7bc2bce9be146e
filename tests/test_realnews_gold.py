"""The real-news gold set (``benchmarks/data/realnews``): verbatim, provenance, split, annotation.

Every accuracy number on real news rests on this set, so its promises are checked here: each title
and body is found in its public source file exactly; each file says where it comes from and under
which licence; the halves follow the recorded manifest; each article has an ``allow`` item; every
quote is in its field (``auditor.evaluate.load_gold`` raises otherwise); the agreement sample is
double-annotated.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from auditor.evaluate import load_gold

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "data" / "realnews"
DATASETS = ROOT.parent / "shared" / "datasets"
FILES = sorted((GOLD / "tune").glob("*.json")) + sorted((GOLD / "test").glob("*.json"))
DOCS = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in FILES}


def manifest() -> list[dict]:
    with (GOLD / "manifest.tsv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def test_size_and_strata_meet_the_issue():
    strata = Counter(row["stratum"] for row in manifest())
    assert len(FILES) >= 80
    assert strata["fr-wikinews"] >= 30 and strata["en-gum"] >= 20 and strata["en-horne-real"] >= 15
    assert strata["en-horne-fake"] + strata["en-horne-satire"] >= 15


def test_files_follow_the_manifest_split():
    rows = manifest()
    assert {r["id"] for r in rows} == set(DOCS)
    for r in rows:
        assert (GOLD / r["split"] / f"{r['id']}.json").exists(), r["id"]
    for stratum in {r["stratum"] for r in rows}:
        halves = Counter(r["split"] for r in rows if r["stratum"] == stratum)
        assert abs(halves["tune"] - halves["test"]) <= 1, (stratum, halves)


def test_each_file_records_provenance_and_has_an_allow_item():
    for name, doc in DOCS.items():
        src = doc["source"]
        assert src["dataset"] and src["id"] and src["licence"] and src["label"] in ("real", "fake", "satire"), name
        assert doc["quality"] == ("clean" if src["label"] == "real" else "flawed"), name
        assert doc["allow"], f"{name}: no allow item"
        assert doc["lang"] in ("fr", "en")


def test_every_quote_is_in_its_field():
    for path in FILES:
        load_gold(path)  # raises GoldError on a quote that is not a substring of its field


def _source_rows(dataset: str) -> dict[str, dict]:
    with (DATASETS / dataset).open(encoding="utf-8") as fh:
        return {row["id"]: row for row in map(json.loads, fh)}


@pytest.mark.skipif(not DATASETS.exists(), reason="../shared/datasets is not beside the checkout")
def test_title_and_body_are_verbatim_from_the_source_file():
    cache: dict[str, dict[str, dict]] = {}
    for name, doc in DOCS.items():
        src = doc["source"]
        rows = cache.setdefault(src["dataset"], _source_rows(src["dataset"]))
        row = rows[src["id"]]
        text = row["text"]
        if src["dataset"] == "fakenews-en/horne2017_articles.jsonl":
            assert doc["title"] == row["title"].strip(), name
        else:  # Wikinews (WiNER, GUM): the text's first line is the title, the body follows it
            assert text.split("\n", 1)[0].strip() == doc["title"], name
        assert doc["body"] and doc["body"] in text, f"{name}: body not found verbatim in {src['dataset']}"
        assert row.get("label", "real") == src["label"], name


def test_agreement_sample_is_double_annotated():
    first = {p.stem for p in (GOLD / "agreement" / "first").glob("*.json")}
    second = {p.stem for p in (GOLD / "agreement" / "second").glob("*.json")}
    assert len(first) >= 16 and first == second
    assert first <= set(DOCS)
    doubles = {r["id"] for r in manifest() if r["double"] == "1"}
    assert first == doubles
    for art in first:
        a = json.loads((GOLD / "agreement" / "first" / f"{art}.json").read_text(encoding="utf-8"))
        b = json.loads((GOLD / "agreement" / "second" / f"{art}.json").read_text(encoding="utf-8"))
        assert a["annotator"] != b["annotator"], art


def test_agreement_script_reproduces_the_recorded_figures():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import realnews_agreement
    finally:
        sys.path.pop(0)
    recorded = json.loads((GOLD / "agreement" / "agreement.json").read_text(encoding="utf-8"))
    assert realnews_agreement.agreement(GOLD) == recorded
