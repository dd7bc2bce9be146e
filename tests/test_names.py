"""names family: mentions, grouping guards, canonical choice, the dictionary, and properties."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from auditor.analysis import Analysis
from auditor.model import Article
from auditor.names.dictionary import dictionary_canonicals
from auditor.names.fold import fold, name_key, skeleton
from auditor.names.grouping import build_forms, candidate_pairs, compare, group_forms
from auditor.names.mentions import MEMO_KEY, mentions
from auditor.testing import rule_findings

RULE = "names.inconsistent-spelling"


# -- folding ---------------------------------------------------------------------------------------
def test_fold_and_key():
    assert fold("États-Unis") == fold("Etats-Unis") == "etats-unis"
    assert name_key("États-Unis") == name_key("Etats-Unis")  # accent on a capital: typography
    assert name_key("MÉLENCHON") == name_key("Melenchon")  # all capitals drop accents
    assert name_key("Mélenchon") != name_key("Melenchon")  # a lowercase accent is part of the name
    assert skeleton(fold("Philippe")) == skeleton(fold("Filipe"))


# -- mentions --------------------------------------------------------------------------------------
def _mentions(body: str, lang: str = "fr", title: str = ""):
    analysis = Analysis(Article(title=title, body=body, lang=lang), lang)
    return analysis, mentions(analysis, "body")


def test_mentions_titles_elisions_possessives_and_memo():
    analysis, ms = _mentions("Hier, M. Le Goff a vu Mme Nadia Ozer et les avocats d'Orvalis. Orvalis's lawyers agreed.")
    texts = [m.text for m in ms]
    assert "Le Goff" in texts and "Nadia Ozer" in texts
    assert texts.count("Orvalis") == 2
    goff = ms[texts.index("Le Goff")]
    assert goff.title == "M." and goff.full
    ozer = ms[texts.index("Nadia Ozer")]
    assert [t.role for t in ozer.tokens] == ["first", "last"]
    assert all(analysis.article.body[m.start:m.end] == m.text for m in ms)
    # shared with other families under a documented key
    assert analysis.memo((*MEMO_KEY, "body"), lambda: None) is ms


def test_sentence_initial_common_word_is_not_a_mention():
    _, ms = _mentions("Pour le club, rien ne change. Hier encore, la mairie de Vierzon a voté.")
    assert [m.text for m in ms] == ["Vierzon"]


# -- guards ----------------------------------------------------------------------------------------
def _forms(body: str, lang: str = "fr"):
    _, ms = _mentions(body, lang)
    return build_forms(ms)


@pytest.mark.parametrize("a,b,body", [
    ("paula", "paul", "Paul et Paula sont venus. Paula repart."),
    ("lyons", "lyon", "Lyon et Lyons sont deux villes."),
    ("jeanne", "jean", "Jean Martin et Jeanne Martin arrivent."),
])
def test_guards_keep_different_names_apart(a, b, body):
    forms = _forms(body)
    verdict = compare(forms[a], forms[b])
    assert not verdict.same, verdict


def test_candidate_pairs_use_an_index_not_all_pairs():
    rng = random.Random(7)
    letters = "bcdfghjklmnprstvz"
    vowels = "aeiou"
    names = set()
    while len(names) < 3000:
        names.add("".join(rng.choice(letters) + rng.choice(vowels) for _ in range(4)).capitalize())
    body = " et ".join(f"{n} Dupont" for n in sorted(names)) + "."
    forms = _forms(body)
    t0 = time.perf_counter()
    pairs = candidate_pairs(forms.values())
    elapsed = time.perf_counter() - t0
    # 3000 forms would make 4.5 million pairs; the index yields only near neighbours.
    assert len(pairs) < 20 * len(forms)
    assert elapsed < 10


# -- canonical choice and the seed -----------------------------------------------------------------
def test_seed_article(auditor, seed_path):
    report = auditor.audit(auditor.load(str(seed_path))[0])
    found = [(f.excerpt, f.suggestions[0]) for f in report.findings if f.rule.startswith("names.")]
    assert found == [("Recognition", "Rekognition"), ("Recokgnition", "Rekognition")]
    gold = json.loads(Path(seed_path).read_text(encoding="utf-8"))
    # every names finding is one of the gold's expected names items
    expected = {i["quote"] for i in gold["expect"] if i["category"] == "names"}
    assert {e for e, _ in found} == expected


def test_seed_like_text_without_dictionary(tmp_path):
    # Our own text with the same pattern: a product, then two variants (one a dictionary word).
    body = ("Le groupe Veltra vend son service Kalibrium aux mairies. La police utilise Calibrium depuis mars. "
            "Les élus critiquent Kalibrum, selon un rapport.")
    found = rule_findings(RULE, body=body, lang="fr")
    assert [(f.excerpt, f.suggestions[0]) for f in found] == [("Calibrium", "Kalibrium"), ("Kalibrum", "Kalibrium")]
    assert "Kalibrium ×1" in found[0].message and "Kalibrum ×1" in found[0].message


def test_supersedes_spelling_findings():
    from auditor.builtin.names import InconsistentSpelling

    assert "spelling." in InconsistentSpelling.supersedes


# -- names dictionary ------------------------------------------------------------------------------
def test_builtin_dictionary_loads_and_self_tests():
    from auditor.declarative import load_rule_file
    from auditor.resources import builtin_rules_dir

    rule, errors = load_rule_file(builtin_rules_dir() / "names" / "dictionary.toml")
    assert not errors, errors
    assert rule.id == "names.dictionary"
    assert "Rekognition" in dictionary_canonicals(None)


DICT = """id = "house.names"
type = "names"
category = "names"
message = "« {match} » : écrire « {canonical} »."
what = "w"
why = "w"
example = "e"
instead = "i"

[[names]]
canonical = "Vasseur"
variants = ["Vasseurr"]

[[specs]]
from = "Mme Vasseurr"
to = "%s"
"""


def test_dictionary_spec_failure_is_located(tmp_path):
    from auditor.declarative import load_rule_file

    path = tmp_path / "house.toml"
    path.write_text(DICT % "Mme Vasseurr", encoding="utf-8")
    rule, errors = load_rule_file(path)
    assert rule is None and errors
    assert any(str(e.path) == str(path) and e.line == 14 and "spec" in e.message for e in errors), errors


def test_newsroom_dictionary_decides_the_canonical_spelling(tmp_path):
    body = "Karine Vaseur ouvre une boutique. Mme Vasseur explique son projet."
    found = rule_findings(RULE, body=body, lang="fr")
    assert [(f.excerpt, f.suggestions[0]) for f in found] == [("Vasseur", "Vaseur")]  # first full mention
    (tmp_path / "house.toml").write_text(DICT % "Mme Vasseur", encoding="utf-8")
    found = rule_findings(RULE, body=body, lang="fr", rule_dirs=[tmp_path])
    assert [(f.excerpt, f.suggestions[0]) for f in found] == [("Vaseur", "Vasseur")]
    found = rule_findings("house.names", body="Mme Vasseurr a parlé.", lang="fr", rule_dirs=[tmp_path])
    assert [(f.excerpt, f.suggestions[0]) for f in found] == [("Vasseurr", "Vasseur")]


# -- properties ------------------------------------------------------------------------------------
TEMPLATES = [
    ("fr", "{F} {L} dirige l'atelier de Vierzon depuis 2019. Selon Mme {L}, la commande de la SNCF est arrivée. "
           "« Nous recrutons », a dit {L} jeudi, tandis que {F} {L} visitait l'usine avec Hugo Tessandier."),
    ("en", "{F} {L} runs the Riverside clinic. {L}'s team opened a second site in Leeds. "
           "Dr {L} said the waiting list had halved, and Anna Whitcombe agreed with {F} {L}."),
]
OTHER_NAMES = ("vierzon", "sncf", "hugo", "tessandier", "riverside", "leeds", "anna", "whitcombe", "nous")
name_part = st.text(alphabet="abcdefghijklmnoprstuvyzéèï", min_size=4, max_size=11).map(str.capitalize)


def _far_from_others(name: str) -> bool:
    from rapidfuzz.distance import DamerauLevenshtein

    key = fold(name)
    return all(DamerauLevenshtein.distance(key, o) > 3 and not key.startswith(o[:4]) for o in OTHER_NAMES)


@settings(max_examples=25, deadline=None)
@given(template=st.sampled_from(TEMPLATES), first=name_part, last=name_part)
def test_consistent_renaming_never_creates_a_finding(template, first, last):
    assume(_far_from_others(first) and _far_from_others(last))
    from rapidfuzz.distance import DamerauLevenshtein

    assume(DamerauLevenshtein.distance(fold(first), fold(last)) > 3)
    lang, text = template
    body = text.format(F=first, L=last)
    assert rule_findings(RULE, body=body, lang=lang) == []


def _misspell(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["swap", "drop", "double", "sub"])
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "double":
        return word[:i + 1] + word[i] + word[i + 1:]
    return word[:i] + rng.choice("aeioumnrst") + word[i + 1:]


@settings(max_examples=25, deadline=None)
@given(template=st.sampled_from(TEMPLATES), first=name_part, last=name_part, seed=st.integers(0, 10_000))
def test_suggestions_are_spellings_of_the_article_or_dictionary(template, first, last, seed):
    rng = random.Random(seed)
    lang, text = template
    parts = text.split("{L}")
    # Every mention of the surname gets its own random spelling, some misspelt.
    body = parts[0]
    for part in parts[1:]:
        body += (last if rng.random() < 0.5 else _misspell(last, rng)) + part
    body = body.format(F=first)
    listed = set(dictionary_canonicals(None))
    for f in rule_findings(RULE, body=body, lang=lang):
        for s in f.suggestions:
            assert s in body or s in listed, (s, body)
            assert s != f.excerpt
