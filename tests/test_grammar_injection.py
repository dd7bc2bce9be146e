"""The injectors of benchmarks/grammar_injection.py, on our own short sentences (no dataset text)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import grammar_injection as gi  # noqa: E402


def _inject(text: str, lang: str, kind: str, seed: str = "t"):
    doc = gi.parse(text, lang)
    return gi.inject(text, doc, kind, gi.KINDS[lang][kind], random.Random(seed))


def _check(inj, text: str, before: str, after: str) -> None:
    assert inj is not None
    assert inj.before == before and inj.after == after
    assert inj.text[inj.start:inj.end] == after
    assert inj.text == text[:inj.start] + after + text[inj.start + len(before):]


def test_its_to_its_finds_the_possessive():
    text = "The company raised its prices."
    inj = _inject(text, "en", "its→it's")
    _check(inj, text, "its", "it's")
    assert inj.text == "The company raised it's prices."
    assert (inj.start, inj.end) == (19, 23)


def test_no_site_no_injection():
    assert _inject("The mayor spoke on Monday.", "en", "its→it's") is None
    assert _inject("The mayor spoke on Monday.", "en", "than→then") is None
    assert _inject("Le maire a parlé lundi.", "fr", "où→ou") is None


def test_english_kinds():
    text = "Prices were higher than expected."
    _check(_inject(text, "en", "than→then"), text, "than", "then")
    text = "They had gone home before noon."
    _check(_inject(text, "en", "had gone→had went"), text, "gone", "went")
    text = "She could have won the race."
    _check(_inject(text, "en", "could have→could of"), text, "have", "of")
    text = "There were many people in the hall."
    _check(_inject(text, "en", "there→their"), text, "There", "Their")


def test_doubled_word_span_covers_both_words():
    text = "He went to school."
    inj = _inject(text, "en", "doubled word")
    assert inj is not None
    assert inj.text[inj.start:inj.end] in ("to to",)
    assert inj.text == "He went to to school."


def test_french_a_accent_and_tous_les():
    text = "Il est allé à la gare avec tous les enfants."
    _check(_inject(text, "fr", "à→a"), text, "à", "a")
    _check(_inject(text, "fr", "tous les→tout les"), text, "tous", "tout")


def test_french_quel_que_soit_and_se_sont():
    text = "Quel que soit le résultat, nous partirons."
    _check(_inject(text, "fr", "quel que soit→quelque soit"), text, "Quel que", "Quelque")
    assert _inject("Le résultat est connu.", "fr", "quel que soit→quelque soit") is None


def test_injection_is_seeded():
    text = "The firm raised its prices and cut its costs while its rivals waited."
    a = _inject(text, "en", "its→it's", seed="s1")
    b = _inject(text, "en", "its→it's", seed="s1")
    assert a == b


def test_split_is_deterministic_and_disjoint():
    ids = [f"fr-wn-{i}" for i in range(500)] + [f"en-gum-{i}" for i in range(100)]
    arts = [{"id": i, "lang": i[:2]} for i in ids]
    tune = {a["id"] for lang in ("en", "fr") for a in gi.select(arts, "tune", lang, None)}
    test = {a["id"] for lang in ("en", "fr") for a in gi.select(arts, "test", lang, None)}
    assert tune and test and not tune & test and tune | test == set(ids)
    assert [gi.half_of(i) for i in ids] == [gi.half_of(i) for i in ids]
    assert gi.select(arts, "tune", "fr", 20) == gi.select(arts, "tune", "fr", 20)
    assert gi.select(arts, "tune", "fr", 20) == gi.select(arts, "tune", "fr", None)[:20]


@pytest.mark.skipif(not gi.rb.DEFAULT_DATA.is_dir(), reason="needs ../shared/datasets")
def test_clean_articles_exclude_the_gold_set():
    import json

    taken = {json.loads(p.read_text(encoding="utf-8"))["source"]["id"]
             for half in ("tune", "test") for p in (gi.rb.GOLD / half).glob("*.json")}
    pool = gi.clean_articles(gi.rb.DEFAULT_DATA)
    assert pool and not {a["source"]["id"] for a in pool} & taken
