"""The clickbait family: headline score and signal, legitimate forms, seed article, model, rule files."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from auditor.clickbait import assess_headline
from auditor.clickbait.model import DATA, load_model
from auditor.declarative import load_rule_file
from auditor.model import Article
from auditor.resources import builtin_rules_dir
from auditor.rule import validate_rule

CLICKBAIT_TOML = sorted((builtin_rules_dir() / "clickbait").glob("*.toml"))


@pytest.mark.parametrize("title", [
    "Une enseigne de bricolage prend une décision radicale",
    "Vous ne devinerez jamais ce que ce boulanger a mis dans sa galette",
    "Ce geste anodin que vous faites chaque soir ruine votre sommeil",
    "Voici la vraie raison du retard des trains dans le Sud-Ouest",
    "10 choses que les vendeurs ne vous diront jamais",
    "INCROYABLE !!! Un hérisson traverse l'autoroute",
    "Il ouvre la porte de son garage… et n'en revient pas",
])
def test_french_clickbait_is_flagged(title):
    v = assess_headline(title, "fr")
    assert v.flagged, (title, v.score, v.reasons)
    assert v.reasons


@pytest.mark.parametrize("title", [
    "Ce que l'on sait de la panne géante d'électricité en Espagne",
    "On vous explique le nouveau calcul des aides au logement",
    "Pourquoi le prix du beurre augmente depuis septembre",
    "La préfecture interdit la baignade dans trois lacs de l'Isère",
    "Le smic augmente de 1,2 % au 1er janvier",
    "Impôts : ce qui change pour votre déclaration cette année",
    "Faut-il interdire les jets privés ? Les députés divisés",
    "« Nous ne céderons pas » : la maire de Rennes face aux grévistes",
])
def test_french_legitimate_forms_pass(title):
    v = assess_headline(title, "fr")
    assert not v.flagged, (title, v.score, v.reasons)


@pytest.mark.parametrize("title,flagged", [
    ("You Won't Believe What This Dog Did At The Vet", True),
    ("21 Pictures That Will Make You Feel Old", True),
    ("Here's Why Everyone Is Obsessed With This Tiny Kitchen Gadget", True),
    ("What we know about the bridge collapse in Baltimore", False),
    ("Government bans sale of disposable vapes", False),
    ("Parliament votes to extend emergency powers by 90 days", False),
    ("Is inflation finally slowing? Economists weigh new data", False),
])
def test_english_headlines(title, flagged):
    v = assess_headline(title, "en")
    assert v.flagged == flagged, (title, v.score, v.reasons)


def test_score_is_a_probability_with_reasons():
    for title, lang in (("Ce que ce maire a fait va vous surprendre !!!", "fr"), ("Council approves budget", "en")):
        v = assess_headline(title, lang)
        assert 0.0 <= v.score <= 1.0
        sig = v.signal()
        assert set(sig) >= {"score", "reasons", "threshold", "flagged"}
        assert json.dumps(sig)


def test_signal_in_report(auditor):
    report = auditor.audit(Article(title="Cette ville a pris une décision radicale", body="", lang="fr"))
    sig = report.to_dict()["signals"]["clickbait"]
    assert sig["flagged"] and sig["score"] >= sig["threshold"]
    assert any("décision radicale" in r for r in sig["reasons"])
    calm = auditor.audit(Article(title="Le Sénat adopte le budget", body="", lang="fr"))
    assert calm.to_dict()["signals"]["clickbait"]["flagged"] is False
    assert not [f for f in calm.findings if f.category == "clickbait"]


def test_threshold_option(auditor):
    from auditor.testing import rule_findings

    title = "Le plus grand marché de Noël d'Alsace ouvre vendredi"
    assert assess_headline(title, "fr").score < 0.5
    low = rule_findings("clickbait.hyperbole", title=title, lang="fr",
                        config={"rule": {"clickbait.headline-score": {"threshold": 0.05}}})
    assert [f.excerpt for f in low] == ["Le plus grand"]
    assert rule_findings("clickbait.hyperbole", title=title, lang="fr") == []


def test_one_finding_per_span(auditor):
    report = auditor.audit(Article(title="Vous n'allez pas croire ce que ce maire a fait", body="", lang="fr"))
    spans = [(f.start, f.end) for f in report.findings if f.category == "clickbait"]
    for i, a in enumerate(spans):
        for b in spans[i + 1:]:
            assert not (a[0] < b[1] and b[0] < a[1]), spans


def test_seed_article(auditor, seed_path):
    gold = json.loads(seed_path.read_text(encoding="utf-8"))
    report = auditor.audit(Article(title=gold["title"], body=gold["body"], lang="fr"))
    title_hits = [f for f in report.findings if f.category == "clickbait" and f.field == "title"
                  and f.start <= gold["title"].index("décision radicale") and f.end >= gold["title"].index("décision radicale") + len("décision radicale")]
    assert title_hits, [f.to_dict() for f in report.findings if f.field == "title"]
    teasers = [f for f in report.findings if f.rule == "clickbait.teaser-link"]
    quotes = [e["quote"] for e in gold["expect"] if e["category"] == "clickbait" and e["field"] == "body"]
    for q in quotes:
        s = gold["body"].index(q)
        assert any(f.start < s + len(q) and s < f.end for f in teasers), q
    assert len(teasers) == len(quotes)


def test_rules_are_documented(auditor):
    ids = [r for r in auditor.rules if r.startswith("clickbait.")]
    assert len(ids) >= 10
    for rid in ids:
        assert validate_rule(auditor.rules[rid]) == []


@pytest.mark.parametrize("path", CLICKBAIT_TOML, ids=[p.name for p in CLICKBAIT_TOML])
def test_rule_file_self_tests(path):
    from auditor.testing import rule_findings

    rule, errors = load_rule_file(path)
    assert rule is not None, errors
    assert rule.tests
    for case in rule.tests:
        found = rule_findings(rule.id, title=case["text"], lang=case.get("lang"))
        assert [f.excerpt for f in found] == case["expect"], case


def test_model_ships_and_loads_fast():
    assert (DATA / "clickbait-en.json").exists()
    code = ("import time; from auditor.clickbait.model import load_model; t=time.perf_counter(); "
            "load_model('en'); load_model('fr'); print(time.perf_counter()-t)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert float(out.strip()) < 0.3
    m = load_model("en")
    assert m.meta.get("trained") and all(isinstance(k, str) for k in m.weights)
