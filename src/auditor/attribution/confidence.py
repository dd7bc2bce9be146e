"""How likely an attribution finding is to be right: a small logistic model over the stage features.

The earlier stages already say *why* a sentence is flagged (the claim kind, how the vague source
was found, the deciding row). They do not say how often that reason is right on real copy: a
vague « selon des sources » almost always is, a figure in a sentence of an election story almost
never. This module turns a flagged sentence into readable features (:func:`features`) and scores
them with weights trained by ``benchmarks/attribution_confidence.py`` on the ``tune/`` half of
``benchmarks/data/realnews`` and the written gold sets, stored in
``data/attribution-confidence.json`` (feature name → weight, the threshold, how it was trained).

A finding is a warning only when its confidence reaches the model's threshold (chosen for
precision on real news; the rule option ``warning-confidence`` overrides it); below it, info.
Without the model file every finding keeps its rule's prior confidence and severity.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping

if TYPE_CHECKING:
    from .article import FieldAttribution, SentenceInfo

DATA = Path(__file__).resolve().parent / "data" / "attribution-confidence.json"

#: The sentence-verdict rules the model scores (the verdict names of :mod:`.verdict`).
SCORED = ("unsourced-claim", "vague-source", "opinion-as-fact", "hedged-claim")


def _cue(info: "SentenceInfo", verdict: str) -> str:
    """What the finding rests on: the claim kind, the vague source's construction or the hedge kind."""
    if verdict == "unsourced-claim" and info.claims:
        return info.claims[0].kind
    if verdict == "vague-source" and info.vague:
        return info.vague[0].how
    if verdict == "hedged-claim" and info.hedges:
        return info.hedges[0].kind
    return ""


def _sourcing(fa: "FieldAttribution") -> float:
    """Share of the article's statements credited to a named source or carried by the ledger: a
    reported story names its sources throughout; a text that never does is the writer's own voice."""
    body = [i for i in fa.sentences if not i.heading and not i.quote_only]
    if not body:
        return 0.0
    return sum(1 for i in body if i.named or i.carried or i.introduced) / len(body)


def features(fa: "FieldAttribution", index: int) -> dict[str, float]:
    """Readable features of the flagged sentence ``fa.sentences[index]`` (names are stable: they
    are the keys of the weights file)."""
    info = fa.sentences[index]
    verdict = info.verdict
    out: dict[str, float] = {f"rule={verdict}": 1.0}
    cue = _cue(info, verdict)
    if cue:
        out[f"cue={verdict}/{cue}"] = 1.0
    prev = fa.sentences[index - 1] if index else None
    same_par = [i for i in fa.sentences if i.paragraph == info.paragraph and i is not info]
    out["article-sourcing"] = _sourcing(fa)
    out["paragraph-named"] = float(any(i.named for i in same_par))
    out["previous-named"] = float(prev is not None and prev.named)
    out["lead"] = float(index < 2)
    out["digits"] = float(any(ch.isdigit() for ch in info.text))
    out["quotes"] = float(bool(info.quotes))
    out["named-actor"] = float(info.actor or info.subject_named or info.person_subject)
    out["cues"] = float(min(len(info.claims) + len(info.evaluative) + len(info.hedges), 4)) / 4
    out["long"] = float(len(info.text.split()) > 30)
    return out


@dataclass(frozen=True)
class Model:
    bias: float
    weights: Mapping[str, float]
    threshold: float
    #: Judged real-news precision of the rules the model does not score (quote-without-speaker, …).
    priors: Mapping[str, float] = field(default_factory=dict)
    trained: Mapping[str, Any] = field(default_factory=dict)

    def confidence(self, feats: Mapping[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-z))


@functools.cache
def model(path: Path = DATA) -> Model | None:
    """The trained model, or None when the weights file is absent (rules then keep their priors)."""
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Model(float(data["bias"]), dict(data["weights"]), float(data["threshold"]), dict(data.get("priors", {})),
                 data.get("trained", {}))


def score(fa: "FieldAttribution", index: int, prior: float) -> tuple[float, bool]:
    """(confidence, above the model's own threshold) of a flagged sentence; ``prior`` without a model."""
    m = model()
    if m is None:
        return prior, True
    c = m.confidence(features(fa, index))
    return c, c >= m.threshold


def score_rule(rule: str, prior: float) -> tuple[float, bool]:
    """(confidence, above the threshold) of a finding of a rule the model does not score: its
    judged precision on real news, when the model file has one; ``prior`` otherwise."""
    m = model()
    if m is None or rule not in m.priors:
        return prior, True
    c = m.priors[rule]
    return c, c >= m.threshold
