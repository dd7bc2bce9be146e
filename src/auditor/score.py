"""The article score: 0–100 from the findings, explained deduction by deduction.

See ``docs/scoring.md`` for the formula and its rationale. In short, each finding weighs
``w = severity_weight × category_weight × confidence``; the weights add up to ``P``; the article's
length gives ``L = max(1, words / per_words)``; and

    score = 100 × exp(−P / (scale × L))

The exponential keeps the score in (0, 100], makes it strictly fall as findings are added
(monotone), and makes the first findings cost more than the hundredth (a draft with 40 typos is not
"−400"). Dividing by ``L`` turns counts into a density, so a long article is not punished for its
size. Each finding's deduction is its share ``w / P`` of the total ``100 − score``, so the listed
deductions add up exactly to what was lost.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from .model import Finding

DEFAULT_SEVERITY_WEIGHTS = {"error": 3.0, "warning": 1.5, "info": 0.5}
DEFAULT_CATEGORY_WEIGHTS = {
    "spelling": 1.0,
    "grammar": 1.0,
    "names": 1.5,
    "attribution": 1.2,
    "clickbait": 1.5,
    "boilerplate": 1.0,
    "typography": 0.3,
    "style": 0.5,
}
GRADES = ((90.0, "A"), (80.0, "B"), (70.0, "C"), (60.0, "D"), (50.0, "E"))


@dataclass(frozen=True)
class ScoreWeights:
    """Declarative weights (no formulas are evaluated from the config)."""

    scale: float = 40.0
    per_words: float = 300.0
    severity: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_SEVERITY_WEIGHTS))
    category: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_CATEGORY_WEIGHTS))
    default_category_weight: float = 1.0

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> "ScoreWeights":
        unknown = set(data) - {"scale", "per-words", "severity", "category"}
        if unknown:
            raise ValueError(f"unknown key(s) {', '.join(sorted(unknown))}")
        sev = dict(DEFAULT_SEVERITY_WEIGHTS)
        sev.update(_weights(data.get("severity", {}), "severity"))
        cat = dict(DEFAULT_CATEGORY_WEIGHTS)
        cat.update(_weights(data.get("category", {}), "category"))
        scale = _positive(data.get("scale", cls.scale), "scale")
        per_words = _positive(data.get("per-words", cls.per_words), "per-words")
        return cls(scale=scale, per_words=per_words, severity=sev, category=cat)

    def weight(self, finding: Finding) -> float:
        conf = 1.0 if finding.confidence is None else min(max(finding.confidence, 0.0), 1.0)
        return (
            self.severity.get(finding.severity, 1.0)
            * self.category.get(finding.category, self.default_category_weight)
            * conf
        )


def _weights(value: Any, name: str) -> dict[str, float]:
    if not isinstance(value, Mapping):
        raise ValueError(f"'{name}' must be a table of numbers")
    out = {}
    for key, weight in value.items():
        if not isinstance(weight, (int, float)) or weight < 0:
            raise ValueError(f"'{name}.{key}' must be a number >= 0")
        out[str(key)] = float(weight)
    return out


def _positive(value: Any, name: str) -> float:
    if not isinstance(value, (int, float)) or value <= 0:
        raise ValueError(f"'{name}' must be a number > 0")
    return float(value)


@dataclass
class Score:
    score: float
    grade: str
    deductions: list[dict[str, Any]]
    categories: dict[str, dict[str, float]]


def grade(score: float) -> str:
    for threshold, letter in GRADES:
        if score >= threshold:
            return letter
    return "F"


def score_article(findings: Iterable[Finding], words: int, weights: ScoreWeights | None = None) -> Score:
    weights = weights or ScoreWeights()
    findings = list(findings)
    length = max(1.0, words / weights.per_words)
    per = [weights.weight(f) for f in findings]
    total = sum(per)
    value = 100.0 * math.exp(-total / (weights.scale * length))
    lost = 100.0 - value
    deductions = []
    categories: dict[str, dict[str, float]] = {}
    for i, (f, w) in enumerate(zip(findings, per)):
        points = lost * w / total if total else 0.0
        deductions.append(
            {
                "finding": i,
                "rule": f.rule,
                "category": f.category,
                "severity": f.severity,
                "weight": round(w, 4),
                "points": round(points, 3),
                "reason": f"{f.severity} {f.rule}: {f.message}",
            }
        )
        cat = categories.setdefault(f.category, {"score": 0.0, "findings": 0, "weight": 0.0, "deducted": 0.0})
        cat["weight"] += w
        cat["deducted"] += points
        cat["findings"] += 1
    for cat in categories.values():
        # A category's own score: what the article would score with only that category's findings.
        cat["score"] = round(100.0 * math.exp(-cat.pop("weight") / (weights.scale * length)), 2)
        cat["deducted"] = round(cat["deducted"], 3)
    return Score(score=round(value, 2), grade=grade(value), deductions=deductions, categories=categories)
