"""Named features of a headline for the scoring model: cue counts plus, in English, its words.

Every feature has a name a person can read (``vague-evaluative``, ``second-person``,
``word:you``); the model's weights are stored under those names.
"""

from __future__ import annotations

import regex

from .cues import Cue

#: cue features, with the cap on how many occurrences count
CUE_FEATURES: dict[str, int] = {
    "sensational": 2,
    "hyperbole": 2,
    "superlative": 1,
    "forward-reference": 2,
    "demonstrative": 2,
    "pronoun-start": 1,
    "second-person": 2,
    "imperative": 1,
    "quiz": 1,
    "second-person-service": 1,
    "service": 1,
    "listicle": 1,
    "leading-number": 1,
    "exclamation": 1,
    "multi-punct": 1,
    "ellipsis": 1,
    "caps": 2,
    "all-caps": 1,
    "question": 1,
    "vague-evaluative": 1,
    "stock-phrase": 1,
    "explainer": 1,
    "quote-attributed": 1,
    "fact-number": 2,
    "topic-colon": 1,
    "proper-noun": 3,
    "teaser-label": 1,
    "withheld-subject": 1,
    "cliffhanger": 1,
    "unanchored": 1,
}

_TOKEN = regex.compile(r"\p{L}[\p{L}\p{M}'’]*|\d+", regex.V1)


def tokens(title: str) -> list[str]:
    out = []
    for m in _TOKEN.finditer(title):
        t = m.group().lower().replace("’", "'")
        out.append("<num>" if t.isdigit() else t)
    return out


def featurize(title: str, lang: str, cues: list[Cue], words: bool = True) -> dict[str, float]:
    """The feature values of a headline: capped cue counts, length, and (English) its words."""
    counts: dict[str, float] = {}
    for c in cues:
        counts[c.feature] = counts.get(c.feature, 0) + 1
    feats = {k: float(min(v, CUE_FEATURES.get(k, 1))) for k, v in counts.items() if k in CUE_FEATURES}
    toks = tokens(title)
    feats["length"] = min(len(toks), 30) / 10.0
    if words and lang == "en":
        for t in set(toks):
            feats[f"word:{t}"] = 1.0
    return feats
