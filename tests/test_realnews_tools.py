"""The real-news benchmark tools: annotation checks, corpus-artifact items, densities and AUCs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import realnews_build  # noqa: E402
import realnews_eval  # noqa: E402

sys.path.pop(0)

DOC = {
    "title": "Le pont rouvre",
    "body": "Le pont a rouvert mardi , selon la mairie . Les travaux ont coûté 3 millions d'euros .",
    "source": {"dataset": "news-fr-wikinews/articles.jsonl"},
}


def test_check_items_reports_a_quote_that_is_not_in_its_field():
    ann = {"expect": [{"category": "attribution", "kind": "unsourced-claim", "field": "body", "quote": "Les travaux ont coûté 4 millions"}],
           "allow": [{"category": "attribution", "field": "body", "quote": "selon la mairie"}]}
    problems = realnews_build.check_items(DOC, ann, "x.json")
    assert len(problems) == 1 and "is not in the body" in problems[0]


def test_check_items_reports_an_unknown_category_or_field():
    ann = {"ignore": [{"category": "style", "field": "lede", "quote": "pont"}]}
    problems = realnews_build.check_items(DOC, ann, "x.json")
    assert any("unknown category" in p for p in problems) and any("unknown field" in p for p in problems)


def test_artifact_items_cover_each_tokenisation_pattern_present_once_per_family():
    items = realnews_build.artifact_items(DOC)
    quotes = {(i["quote"], i["category"], i["field"]) for i in items}
    assert quotes == {(" .", "typography", "body"), (" .", "grammar", "body"), (" ,", "typography", "body"), (" ,", "grammar", "body")}
    assert realnews_build.artifact_items({**DOC, "source": {"dataset": "fakenews-en/horne2017_articles.jsonl"}}) == []


def test_gum_date_line_is_split_from_a_lead_run_into_it():
    doc = {"id": "GUM_news_x", "text": "Title here\nThursday, May 7, 2015 On Tuesday, the council voted.\nMore text."}
    out = realnews_build.gum_en(doc)
    assert out["published"] == "Thursday, May 7, 2015"
    assert out["body"] == "On Tuesday, the council voted.\nMore text." and out["body"] in doc["text"]


ARTICLES = [
    {"id": "en-horne-a", "label": "real", "words": 500, "score": 90.0, "findings": {"attribution": 2}},
    {"id": "en-horne-b", "label": "real", "words": 500, "score": 80.0, "findings": {"language": 1}},
    {"id": "en-horne-c", "label": "fake", "words": 250, "score": 85.0, "findings": {"attribution": 5}},
    {"id": "fr-wn-d", "label": "real", "words": 1000, "score": 99.0, "findings": {}},
    {"id": "en-horne-e", "label": "satire", "words": 100, "score": 70.0, "findings": {}},
]


def test_density_counts_findings_per_thousand_words_of_the_chosen_labels():
    words, per_k = realnews_eval.density(ARTICLES, {"real"})
    assert words == 2000
    assert per_k["attribution"] == 1.0 and per_k["language"] == 0.5 and per_k["ALL"] == 1.5


def test_score_auc_compares_real_with_fake_within_horne_and_overall():
    s = realnews_eval.score_auc(ARTICLES)
    assert s["horne_real_vs_fake"] == pytest.approx(0.5)  # 90 > 85, 80 < 85
    assert (s["n_real"], s["n_fake"]) == (2, 1)
    # all real (90, 80, 99) vs fake or satire (85, 70): 5 wins of 6
    assert s["real_vs_fake_or_satire"] == round(5 / 6, 4)  # rounded to 4 places, as printed
