"""The score formula's documented behaviour (docs/scoring.md)."""

from __future__ import annotations

import math

import pytest

from auditor.config import ConfigError, config_from_mapping
from auditor.model import Finding
from auditor.score import ScoreWeights, grade, score_article


def f(sev="warning", cat="spelling", conf=None):
    return Finding("x.y", cat, sev, "m", "body", 0, 1, confidence=conf)


def test_no_findings_is_100_and_grade_a():
    sc = score_article([], 500)
    assert sc.score == 100.0 and sc.grade == "A" and sc.deductions == []


def test_formula_matches_the_documentation():
    w = ScoreWeights()
    sc = score_article([f("error", "names")], 600, w)
    expected = 100 * math.exp(-(3.0 * 1.5) / (w.scale * 2.0))
    assert sc.score == pytest.approx(expected, abs=0.01)
    assert sc.deductions[0]["points"] == pytest.approx(100 - expected, abs=0.01)


def test_density_not_count_long_articles_not_punished_for_size():
    short = score_article([f()] * 2, 300).score
    long = score_article([f()] * 20, 3000).score
    assert short == pytest.approx(long, abs=0.01)


def test_severity_category_and_confidence_weigh():
    assert score_article([f("error")], 300).score < score_article([f("info")], 300).score
    assert score_article([f(cat="clickbait")], 300).score < score_article([f(cat="typography")], 300).score
    assert score_article([f(conf=0.2)], 300).score > score_article([f(conf=1.0)], 300).score


def test_grades():
    assert [grade(s) for s in (95, 85, 75, 65, 55, 10)] == list("ABCDEF")


def test_weights_from_config_are_declarative():
    cfg = config_from_mapping({"score": {"scale": 10, "severity": {"info": 0}, "category": {"typography": 2}}})
    assert cfg.score.scale == 10 and cfg.score.severity["info"] == 0 and cfg.score.category["typography"] == 2
    assert score_article([f("info")], 100, cfg.score).score == 100.0
    with pytest.raises(ConfigError):
        config_from_mapping({"score": {"scale": "1+1"}})
    with pytest.raises(ConfigError):
        config_from_mapping({"score": {"formula": "eval('x')"}})
