"""Choosing the canonical spelling of a group of variants.

In order: the newsroom's list (``canonical-names`` in the config, and the names dictionary), else
the spelling of the first *full* mention (the name as the article introduces it, « Nicole Ozer »
rather than a later « Ozzer »), else the most frequent spelling (ties: the first one written).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from .fold import name_key
from .grouping import Form, Group


@dataclass(frozen=True)
class Canonical:
    form: Form
    spelling: str
    why: str  # "newsroom list", "first full mention", "most frequent", "first mention"


def canonical_words(names: Iterable[str]) -> dict[str, str]:
    """Folded word -> spelling, for every word of the newsroom's canonical names."""
    out: dict[str, str] = {}
    for name in names:
        for word in name.replace("’", "'").split():
            if len(word) >= 3:
                out.setdefault(name_key(word), word)
    return out


def choose(group: Group, listed: Mapping[str, str]) -> Canonical:
    for form in group.forms:
        if form.fold in listed:
            return Canonical(form, listed[form.fold], "newsroom list")
    full = [f for f in group.forms if f.first_full is not None]
    if full:
        form = min(full, key=lambda f: f.first_full)
        return Canonical(form, form.spelling, "first full mention")
    present = [f for f in group.forms if f.occurrences]
    best = max(f.count for f in present)
    top = [f for f in present if f.count == best]
    form = min(top, key=lambda f: f.first)
    return Canonical(form, form.spelling, "most frequent" if len(top) == 1 and best > 1 else "first mention")
