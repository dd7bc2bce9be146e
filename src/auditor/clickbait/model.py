"""The headline score: a logistic regression over readable features, stored as JSON weights.

``data/clickbait-<lang>.json`` holds ``bias``, ``weights`` (feature name → weight), ``threshold``
and how it was trained (``benchmarks/clickbait_train.py`` writes it). Loading is a JSON read, well
under 0.3 s, and needs no machine-learning library. Without a model file, :data:`HAND_WEIGHTS` (set by
hand from the literature, not trained) are used: that is the rules-only score the trained model
must beat.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

DATA = Path(__file__).resolve().parent / "data"

#: Rules-only weights, chosen by hand: a strong cue alone crosses 0.5, a weak one does not.
HAND_WEIGHTS: dict[str, float] = {
    "sensational": 1.6,
    "hyperbole": 1.3,
    "superlative": 0.6,
    "forward-reference": 1.8,
    "demonstrative": 1.4,
    "pronoun-start": 1.0,
    "second-person": 1.8,
    "imperative": 1.2,
    "quiz": 1.5,
    "second-person-service": -0.5,
    "service": -0.5,
    "listicle": 2.5,
    "leading-number": 0.4,
    "exclamation": 1.0,
    "multi-punct": 2.5,
    "ellipsis": 1.2,
    "caps": 1.6,
    "all-caps": 2.5,
    "question": 0.3,
    "vague-evaluative": 2.5,
    "stock-phrase": 3.0,
    "explainer": -1.5,
    "quote-attributed": -1.0,
    "fact-number": -0.6,
    "topic-colon": -0.2,
    "proper-noun": -0.3,
    "length": 0.0,
}
HAND_BIAS = -1.0
#: French adjustments to the hand weights (the French score is rules-only): the French-only cues, and a
#: name counts less against a teaser (a single strong cue in a headline about someone still teases).
HAND_WEIGHTS_FR: dict[str, float] = {
    **HAND_WEIGHTS,
    "teaser-label": 2.0,
    "withheld-subject": 2.0,
    "cliffhanger": 2.0,
    "unanchored": 0.5,
    "superlative": 0.45,
}


@dataclass
class Model:
    lang: str
    bias: float
    weights: Mapping[str, float]
    threshold: float = 0.5
    meta: dict[str, Any] = field(default_factory=dict)
    name: str = "hand"

    def logit(self, feats: Mapping[str, float]) -> float:
        return self.bias + sum(self.weights.get(k, 0.0) * v for k, v in feats.items())

    def score(self, feats: Mapping[str, float]) -> float:
        z = self.logit(feats)
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))

    def contributions(self, feats: Mapping[str, float]) -> list[tuple[str, float]]:
        """Feature → weight × value, largest effect first (what the score is made of)."""
        parts = [(k, self.weights.get(k, 0.0) * v) for k, v in feats.items() if self.weights.get(k, 0.0) * v]
        parts.sort(key=lambda kv: -abs(kv[1]))
        return parts


def hand_model(lang: str) -> Model:
    return Model(lang, HAND_BIAS, HAND_WEIGHTS_FR if lang == "fr" else HAND_WEIGHTS, 0.5, {"trained": False}, "hand")


@functools.cache
def load_model(lang: str) -> Model:
    """The trained model for ``lang`` shipped in the package, or the hand weights."""
    path = DATA / f"clickbait-{lang}.json"
    if not path.exists():
        return hand_model(lang)
    data = json.loads(path.read_text(encoding="utf-8"))
    return Model(lang, float(data["bias"]), dict(data["weights"]), float(data.get("threshold", 0.5)),
                 dict(data.get("meta", {})), str(data.get("name", path.name)))
