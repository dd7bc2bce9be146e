"""The attribution confidence model: findings carry a confidence, warnings need the threshold."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from auditor.attribution import confidence
from auditor.model import Article
from auditor.testing import get_auditor

ROOT = Path(__file__).resolve().parents[1]
JUDGED = ROOT / "benchmarks" / "data" / "attribution-judged"
DATASETS = ROOT.parent / "shared" / "datasets"
sys.path.insert(0, str(ROOT / "benchmarks"))

BODY = ("Des économistes jugent le plan de relance irréaliste.\n\n"
        "Le quartier a perdu près de 300 commerces en quinze ans.\n\n"
        "« On ne nous a jamais consultés. »\n\nLe chantier doit durer deux ans.")
SCORED_RULES = {f"attribution.{v}" for v in confidence.SCORED} | {"attribution.quote-without-speaker"}


def _findings(config=None):
    report = get_auditor(config=config).audit(Article(title="Le plan", body=BODY, lang="fr"))
    return [f for f in report.findings if f.rule in SCORED_RULES]


def test_every_finding_carries_a_confidence_in_0_1():
    found = _findings()
    assert {f.rule for f in found} >= {"attribution.vague-source", "attribution.unsourced-claim", "attribution.quote-without-speaker"}
    assert all(f.confidence is not None and 0.0 <= f.confidence <= 1.0 for f in found)


def test_severity_follows_the_threshold():
    m = confidence.model()
    assert m is not None, "the weights file ships with the package"
    for f in _findings():
        assert (f.severity == "warning") == (f.confidence >= m.threshold and f.rule != "attribution.hedged-claim")


def test_the_option_sets_the_threshold():
    every = {rid: {"warning-confidence": 0.0} for rid in SCORED_RULES}
    assert all(f.severity == "warning" for f in _findings({"rule": every}) if f.rule != "attribution.hedged-claim")
    none = {rid: {"warning-confidence": 1.01} for rid in SCORED_RULES}
    assert all(f.severity == "info" for f in _findings({"rule": none}))


def test_weights_name_only_features_the_stages_produce():
    m = confidence.model()
    prefixes = ("rule=", "cue=")
    plain = {"article-sourcing", "paragraph-named", "previous-named", "lead", "digits", "quotes", "named-actor", "cues", "long"}
    assert all(k.startswith(prefixes) or k in plain for k in m.weights)
    assert all(k.split("=", 1)[1].split("/")[0] in confidence.SCORED for k in m.weights if k.startswith(prefixes))


def test_threshold_picking():
    import attribution_confidence as ac

    # 20 findings: 15 true on top, then false ones; 15/17 = 0.88 still passes, 15/18 = 0.83 does not.
    scored = [(1 - n / 100, int(n < 15), 1.0) for n in range(15)] + [(0.84, 0, 1.0)] + [(0.5 - n / 100, 0, 1.0) for n in range(4)]
    t, p, tp, n = ac.pick_threshold(scored)
    assert (t, tp, n) == (0.5, 15, 17) and p == pytest.approx(15 / 17)
    # Out of reach: 1.0, no warning.
    assert ac.pick_threshold([(0.9, 1, 1.0), (0.8, 0, 1.0)] * 10)[0] == 1.0
    assert ac.auc([(0.9, 1, 1.0), (0.1, 0, 1.0)]) == 1.0


@pytest.mark.parametrize("half, count", [("train", 240), ("judge", 40)])
def test_judged_rows_are_complete_and_in_their_half(half, count):
    import attribution_judged as aj

    rows = [json.loads(line) for line in (JUDGED / f"{half}.jsonl").open(encoding="utf-8")]
    assert len(rows) == count and len({r["id"] for r in rows}) == count
    for r in rows:
        assert r["verdict"] in ("true", "false", "debatable") and r["reason"].strip()
        assert r["half"] == half == aj.half_of(r["article"])
        assert r["weight"] > 0 and r["licence"]


def test_the_model_never_read_the_judge_half():
    trained_on = {json.loads(line)["article"] for line in (JUDGED / "train.jsonl").open(encoding="utf-8")}
    held_out = {json.loads(line)["article"] for line in (JUDGED / "judge.jsonl").open(encoding="utf-8")}
    assert not trained_on & held_out


@pytest.mark.skipif(not DATASETS.is_dir(), reason="needs ../shared/datasets")
def test_judged_excerpts_are_verbatim():
    import attribution_judged as aj

    bodies = {a["id"]: a["title"] + "\n" + a["body"] for a in aj.clean_articles(DATASETS)}
    for half in ("train", "judge"):
        for line in (JUDGED / f"{half}.jsonl").open(encoding="utf-8"):
            r = json.loads(line)
            assert r["excerpt"] in bodies[r["article"]], r["id"]
