"""The confusion-set model behind grammar.en-confusion / grammar.fr-confusion: occurrences, features,
the shipped model files, and the verdicts on sentences of our own."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.analysis import Analysis
from auditor.language_checks import confusion as cf
from auditor.model import Article
from auditor.resources import lexicon


def _toks(text: str, lang: str):
    doc = Analysis(Article(title="", body=text, lang=lang), lang).doc("body")
    return [t for t in doc if not t.is_space]


def test_members_split_like_spacy_tokens():
    assert cf.split_member("it's") == ("it", "'s")
    assert cf.split_member("they're") == ("they", "'re")
    assert cf.split_member("its") == ("its",)
    assert cf.split_member("c'") == ("c'",)


def test_occurrences_match_multi_token_members_and_curly_apostrophes():
    sets = cf.parse_sets(["its | it's"])
    toks = _toks("It’s clear that the board changed its mind, and it's late.", "en")
    found = [(o.member, toks[o.i].idx) for o in cf.occurrences(toks, sets)]
    assert [m for m, _ in found] == ["it's", "its", "it's"]


def test_features_do_not_read_the_written_letters():
    toks = _toks("The board changed its mind.", "en")
    occ = next(cf.occurrences(toks, cf.parse_sets(["its | it's"])))
    feats = cf.features(toks, occ.i, occ.j, "en")
    assert not any("its" in f.split("=", 1)[1].split("|") for f in feats if "=" in f)
    assert "w-1=changed" in feats and "w+1=mind" in feats


def test_sentence_boundaries_are_a_context_of_their_own():
    toks = _toks("Officials met. Its budget was cut.", "en")
    occ = next(cf.occurrences(toks, cf.parse_sets(["its | it's"])))
    feats = cf.features(toks, occ.i, occ.j, "en")
    assert "w-1=<s>" in feats and "w-2=<s>" in feats


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_shipped_models_cover_sets_of_the_lexicon(lang):
    listed = {s.name for s in cf.parse_sets(lexicon(f"grammar-confusion-sets.{lang}"))}
    models = cf.load_models(lang)
    assert models, "the model file ships with the package"
    for m in models:
        assert m.set.name in listed
        assert 0.0 < m.threshold <= 0.5 and 0.0 <= m.warning_threshold <= m.threshold
        assert all(len(w) == len(m.set.members) for w in m.weights.values())


def test_probabilities_sum_to_one():
    model = cf.load_models("en")[0]
    probs = model.probabilities(["bias", "w-1=of", "w+1=mind"])
    assert sum(probs.values()) == pytest.approx(1.0)


@pytest.mark.parametrize("lang,text,written,fix", [
    ("en", "The museum closed it's doors in March.", "it's", "its"),
    ("en", "If your going to vote, bring identification.", "your", "you're"),
    ("en", "Turnout was higher then in any previous election.", "then", "than"),
    ("en", "Residents say their is no bus service after eight.", "their", "there"),
    ("fr", "Le maire a annoncé qu'il se rendra a la préfecture demain.", "a", "à"),
    ("fr", "Les habitants ce sont mobilisés contre la fermeture de l'école.", "ce", "se"),
    ("fr", "Il faut ce préparer à la crise.", "ce", "se"),
    ("fr", "La ville ou il est né a voté pour le projet.", "ou", "où"),
    ("fr", "Le ministre à annoncé sa démission.", "à", "a"),
])
def test_swapped_words_of_our_own_sentences_are_caught(lang, text, written, fix):
    toks = _toks(text, lang)
    verdicts = list(cf.suspicious(toks, cf.load_models(lang), lang))
    assert [(v.occurrence.member, v.suggestion) for v in verdicts] == [(written, fix)]


@pytest.mark.parametrize("lang,text", [
    ("fr", "C'est prévu pour lundi, et le maire affirme que c'est réglé."),
    ("en", "THEIR OFFICE IS CLOSED. ITS DOORS OPEN AT NINE."),
    ("en", "It's clear that the company will keep its promise, and their lawyers agree there is more to do than expected."),
    ("en", "They're going to vote, too, and then they will wait for the result."),
    ("fr", "Il a décidé de partir à Lyon, où il a retrouvé ce qu'il cherchait ou presque."),
    ("fr", "Les élus se sont réunis ; c'est ce que le maire a confirmé, et il s'est félicité du vote."),
])
def test_correct_sentences_of_our_own_pass(lang, text):
    assert list(cf.suspicious(_toks(text, lang), cf.load_models(lang), lang)) == []


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["its", "it's", "their", "there", "then", "than", "to", "too", "the", "board", "said",
                                 "more", "was", "cut", "mind", "."]), min_size=1, max_size=14))
def test_a_suggestion_is_always_another_member(words):
    toks = _toks(" ".join(words), "en")
    for v in cf.suspicious(toks, cf.load_models("en"), "en"):
        assert v.suggestion != v.occurrence.member and v.suggestion in v.occurrence.set.members
        assert 0.0 <= v.probabilities[v.occurrence.member] < 0.5
