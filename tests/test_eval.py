"""``auditor eval`` against a small gold file whose numbers were counted by hand."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from auditor.cli import app

FLAWED = {
    "id": "hand-count-flawed",
    "quality": "flawed",
    "lang": "fr",
    "title": "Le conseil vote son budget",
    "body": "Le conseil  municipal a voté mardi.\n\nÀ lire aussi : un autre sujet\n\nLa vidéo du jour\n\n"
    "Le maire a  parlé longtemps.\n\nLe budget  augmente.",
    "expect": [
        {"category": "boilerplate", "field": "body", "quote": "À lire aussi", "note": "furniture"},
        {"category": "boilerplate", "field": "body", "quote": "Le maire", "note": "deliberately unfindable"},
        {"category": "typography", "field": "body", "quote": "conseil  municipal", "note": "double space"},
    ],
    "other": [{"category": "typography", "field": "body", "quote": "budget  augmente", "note": "double space"}],
    "allow": [{"category": "boilerplate", "field": "body", "quote": "La vidéo du jour", "note": "a trap for the count"}],
    "ignore": [{"category": "typography", "field": "body", "quote": "maire a  parlé", "note": "counts neither way"}],
}
CLEAN = {"id": "hand-count-clean", "quality": "clean", "lang": "fr", "title": "Le conseil vote", "body": "Le conseil a voté mardi.", "expect": []}

# Counted by hand:
#   boilerplate: findings «À lire aussi» (true), «La vidéo du jour» (false, an allow trap);
#                expected «À lire aussi» (found), «Le maire» (missed)  -> P 1/2, R 1/2
#   typography:  double spaces in «conseil  municipal» (true), «a  parlé» (ignored), «budget  augmente» (true);
#                both expected found                                   -> P 2/2, R 2/2
#   overall:     P 3/4, R 3/4; one allow item flagged; clean 100 > flawed -> AUC 1.0
ARGS = ["--family", "boilerplate", "--family", "typography", "--disable", "typography", "--enable", "typography.double-space"]


@pytest.fixture()
def gold(tmp_path):
    p = tmp_path / "gold.json"
    p.write_text(json.dumps([FLAWED, CLEAN], ensure_ascii=False), encoding="utf-8")
    return p


def test_eval_matches_hand_count(gold):
    res = CliRunner().invoke(app, ["eval", str(gold), "--format", "json", *ARGS])
    assert res.exit_code == 0, res.output
    r = json.loads(res.stdout)
    b, t, o = r["families"]["boilerplate"], r["families"]["typography"], r["overall"]
    assert (b["findings"], b["true_findings"], b["expected"], b["found"]) == (2, 1, 2, 1)
    assert (b["precision"], b["recall"], b["f1"]) == (0.5, 0.5, 0.5)
    assert (t["findings"], t["true_findings"], t["expected"], t["found"]) == (2, 2, 2, 2)
    assert (t["precision"], t["recall"]) == (1.0, 1.0)
    assert (o["precision"], o["recall"]) == (0.75, 0.75)
    assert [a["allow"] for a in r["allow_flagged"]] == ["La vidéo du jour"]
    assert [m["quote"] for m in r["missed"]] == ["Le maire"]
    assert r["scores"]["auc"] == 1.0 and r["scores"]["clean_mean"] == 100.0


def test_eval_text_output(gold):
    res = CliRunner().invoke(app, ["eval", str(gold), *ARGS])
    assert res.exit_code == 0
    assert "boilerplate" in res.stdout and "0.500" in res.stdout and "AUC 1.0" in res.stdout


def test_eval_bad_gold_is_exit_2(tmp_path):
    p = tmp_path / "g.json"
    p.write_text(json.dumps({"title": "t", "body": "b", "expect": [{"category": "x", "field": "body", "quote": "zz"}]}), encoding="utf-8")
    res = CliRunner().invoke(app, ["eval", str(p)])
    assert res.exit_code == 2 and "not in the body" in res.stderr


def test_eval_seed_runs(seed_path):
    res = CliRunner().invoke(app, ["eval", str(seed_path), "--format", "json"])
    assert res.exit_code == 0
    r = json.loads(res.stdout)
    assert r["families"]["boilerplate"]["found"] == 2  # «A lire aussi» and «La vidéo du jour» from `other`


def test_a_repeated_quote_matches_every_occurrence(tmp_path):
    gold = {
        "title": "Le conseil vote", "lang": "fr", "families": ["boilerplate"],
        "body": "Le conseil a voté.\n\nÀ lire aussi : un sujet\n\nLe budget passe.\n\nÀ lire aussi : un autre",
        "expect": [{"category": "boilerplate", "field": "body", "quote": "À lire aussi", "note": "twice in the text"}],
    }
    p = tmp_path / "g.json"
    p.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    r = json.loads(CliRunner().invoke(app, ["eval", str(p), "--format", "json"]).stdout)
    b = r["families"]["boilerplate"]
    assert (b["findings"], b["true_findings"], b["expected"], b["found"]) == (2, 2, 1, 1)


def test_min_severity_scores_only_findings_at_that_level(gold):
    """Double spaces are info-level: at --min-severity warning they are neither found nor false."""
    res = CliRunner().invoke(app, ["eval", str(gold), "--format", "json", "--min-severity", "warning", *ARGS])
    assert res.exit_code == 0, res.output
    r = json.loads(res.stdout)
    assert r["min_severity"] == "warning"
    t = r["families"]["typography"]
    assert (t["findings"], t["found"], t["expected"]) == (0, 0, 2)
    b = r["families"]["boilerplate"]
    assert (b["findings"], b["true_findings"], b["found"]) == (2, 1, 1)  # warnings: unchanged
    assert r["words"] == sum(a["words"] for a in r["per_article"]) > 0
    assert {a["quality"] for a in r["per_article"]} == {"clean", "flawed"}


def test_min_severity_rejects_an_unknown_level(gold):
    res = CliRunner().invoke(app, ["eval", str(gold), "--min-severity", "loud"])
    assert res.exit_code == 2
    assert "--min-severity" in res.output
