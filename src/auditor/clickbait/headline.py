"""One verdict per headline: its cues, its clickbait score in [0, 1] and the reasons for it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .cues import Cue, find_cues
from .features import featurize
from .model import Model, load_model

#: A stock clickbait formula alone makes a headline clickbait, whatever the model says.
STOCK_FLOOR = 0.9
#: An explainer or service headline (« Ce que l'on sait de… », "What we know about…", « vos droits »)
#: with none of these cues is legitimate, whatever its words: its score is capped at LEGIT_CAP.
LEGIT_FEATURES = {"explainer", "service", "second-person-service"}
SPOILERS = {"sensational", "hyperbole", "vague-evaluative", "stock-phrase", "multi-punct", "all-caps", "caps", "listicle",
            "demonstrative", "teaser-label", "withheld-subject", "cliffhanger"}
LEGIT_CAP = 0.3

_FEATURE_LABELS = {
    "sensational": "sensational vocabulary",
    "hyperbole": "hyperbole or superlative",
    "forward-reference": "forward reference (withholds what it announces)",
    "demonstrative": "subject hidden behind a demonstrative",
    "pronoun-start": "unnamed subject",
    "second-person": "addresses the reader",
    "imperative": "orders the reader",
    "quiz": "quiz addressed to the reader",
    "listicle": "list teaser",
    "leading-number": "starts with a number",
    "exclamation": "exclamation mark",
    "multi-punct": "excessive punctuation",
    "ellipsis": "suspension points",
    "caps": "words in capitals",
    "all-caps": "headline in capitals",
    "question": "question headline",
    "vague-evaluative": "vague noun with an evaluative word",
    "stock-phrase": "stock clickbait phrase",
    "length": "headline length",
    "teaser-label": "sensational label opening the headline",
    "withheld-subject": "subject made famous instead of named",
    "cliffhanger": "the story stops before its point",
    "unanchored": "names nothing specific",
}


@dataclass
class HeadlineVerdict:
    title: str
    lang: str
    score: float
    threshold: float
    cues: list[Cue] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    contributions: list[tuple[str, float]] = field(default_factory=list)
    model: str = ""

    @property
    def flagged(self) -> bool:
        return self.score >= self.threshold

    def signal(self) -> dict[str, Any]:
        return {
            "score": round(self.score, 3),
            "threshold": self.threshold,
            "flagged": self.flagged,
            "reasons": self.reasons,
            "model": self.model,
        }


def assess_headline(title: str, lang: str, threshold: float | None = None, model: Model | None = None) -> HeadlineVerdict:
    """Score a headline: cues → features → model; the reasons are the cues and words that raised it."""
    lang = "en" if lang == "en" else "fr"
    model = model or load_model(lang)
    cues = find_cues(title, lang)
    feats = featurize(title, lang, cues)
    score = model.score(feats)
    legit = [c for c in cues if c.feature in LEGIT_FEATURES]
    if legit and not any(c.feature in SPOILERS for c in cues):
        score = min(score, LEGIT_CAP)
    if any(c.feature == "stock-phrase" for c in cues):
        score = max(score, STOCK_FLOOR)
    parts = model.contributions(feats)
    reasons = []
    if legit and score <= LEGIT_CAP:
        reasons.append(f"legitimate form, capped at {LEGIT_CAP}: {legit[0].reason}")
    seen: set[str] = set()
    for name, value in parts:
        if value <= 0.25 or len(reasons) >= 6:
            continue
        if name.startswith("word:"):
            reasons.append(f"word '{name[5:]}' (+{value:.2f})")
            continue
        for c in cues:
            if c.feature == name and c.reason not in seen:
                seen.add(c.reason)
                reasons.append(f"{c.reason} (+{value:.2f})")
                break
        else:
            reasons.append(f"{_FEATURE_LABELS.get(name, name)} (+{value:.2f})")
    return HeadlineVerdict(
        title=title, lang=lang, score=score,
        threshold=model.threshold if threshold is None else threshold,
        cues=cues, reasons=reasons, contributions=parts, model=model.name,
    )
