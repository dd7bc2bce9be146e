"""The check behind ``names.inconsistent-spelling``: mentions → forms → groups → findings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Mapping

from .canonical import Canonical, canonical_words, choose
from .grouping import Form, Group, Verdict, build_forms, group_forms
from .mentions import NameToken, mentions


@dataclass(frozen=True)
class Variant:
    """One written variant of a name, to report: the token, its canonical form, and why."""

    token: NameToken
    canonical: Canonical
    verdict: Verdict
    group: Group


def find_variants(analysis, *, config_names: Mapping[str, str] = {}, listed: Mapping[str, str] = {},
                  use_entities: bool = True, min_length: int = 4, max_both_frequent: int = 2) -> list[Variant]:
    """Every name token spelled differently from its group's canonical spelling.

    ``config_names`` (folded word -> spelling) are the newsroom's canonical names: they count even
    when the article never writes them. ``listed`` (same shape) only decides the canonical spelling
    among spellings the article uses.
    """
    ms = [*mentions(analysis, "title", use_entities), *mentions(analysis, "body", use_entities)]
    forms = build_forms(ms)
    for folded, spelling in config_names.items():
        if folded not in forms:
            forms[folded] = Form(folded, external=spelling)
    choice = {**listed, **config_names}
    groups = group_forms(forms, protected=set(choice), min_length=min_length, max_both_frequent=max_both_frequent)
    out: list[Variant] = []
    for group in groups:
        canonical = choose(group, choice)
        for form in group.forms:
            if form is canonical.form or not form.occurrences or form.fold in choice:
                continue
            verdict = group.linked(form.fold, canonical.form.fold)
            if verdict is None:
                continue  # linked only through another variant: too far from the canonical to say
            for _, tok in form.occurrences:
                out.append(Variant(tok, canonical, verdict, group))
    out.sort(key=lambda v: (v.token.field != "title", v.token.start))
    return out


def describe(variant: Variant) -> tuple[str, dict]:
    group, canonical = variant.group, variant.canonical
    seen = []
    for form in group.forms:
        if form.occurrences:
            seen.append(f"{form.spelling} ×{form.count}")
    where = {
        "newsroom list": "the newsroom's spelling",
        "first full mention": "the spelling of the first full mention",
        "most frequent": "the most frequent spelling",
        "first mention": "the spelling of the first mention",
    }[canonical.why]
    message = (
        f"Name spelled two ways: « {variant.token.text} » here, « {canonical.spelling} » elsewhere "
        f"({where}). Spellings seen: {', '.join(seen)}."
    )
    data = {
        "canonical": canonical.spelling,
        "canonical_reason": canonical.why,
        "spellings": {f.spelling: f.count for f in group.forms if f.occurrences},
        "distance": variant.verdict.distance,
    }
    return message, data


__all__ = ["Variant", "find_variants", "describe", "canonical_words"]
