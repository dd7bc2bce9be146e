"""Confusable words (its/it's, à/a, où/ou…) decided by a small model of their context.

A confusion set is a group of words that sound alike and are swapped in fast writing. Which one
belongs at a place depends on the words around it far more than on the word itself, so the model
reads the neighbouring words and their tags (two each side, from the shared spaCy parse) and how
the parser read the written word (its tags and dependency labels, which a misplaced word disturbs),
never the written word's letters, and gives a probability to each member of the set. When the
written member gets a very low probability, the rule reports it and suggests the likeliest other.

The sets of a language are listed in ``rules/lexicons/grammar-confusion-sets.<lang>.txt``; the
model (one multinomial logistic regression per set, with its decision threshold) is trained by
``benchmarks/confusion_train.py`` on clean real news of the tune halves and shipped as
``data/confusions.<lang>.json``: a dictionary of feature weights, loaded in milliseconds and
scored with a few dictionary lookups per occurrence.

Multi-token members ("it's" is ``it`` + ``'s`` in spaCy) are matched as one unit. The model is
trained on each clean sentence and on the same sentence re-parsed with each other member written
in its place, so it learns what the parser does with the error, which is what it sees at check time.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Iterator, Sequence

if TYPE_CHECKING:
    from spacy.tokens import Token

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})
BOUNDARY = "<s>"


def normalise(word: str) -> str:
    """Lower case with one apostrophe: "It’s" and "it's" are the same member."""
    return word.lower().translate(_APOSTROPHES)


@dataclass(frozen=True)
class ConfusionSet:
    """Words swapped for one another; each member is one or more spaCy tokens ("it's" = it + 's)."""

    name: str
    members: tuple[str, ...]

    @functools.cached_property
    def token_forms(self) -> dict[tuple[str, ...], str]:
        return {split_member(m): m for m in self.members}


def split_member(member: str) -> tuple[str, ...]:
    """The spaCy tokens of a member: English clitics are separate tokens ("they're" → they, 're)."""
    for clitic in ("'s", "'re", "'ve", "'ll", "'d", "n't"):
        if member.endswith(clitic) and len(member) > len(clitic):
            return (member[: -len(clitic)], clitic)
    return (member,)


def parse_sets(lines: Sequence[str]) -> list[ConfusionSet]:
    """Sets from lexicon lines ``its | it's``; the set is named after its members."""
    out = []
    for line in lines:
        members = tuple(normalise(m.strip()) for m in line.split("|") if m.strip())
        if len(members) >= 2:
            out.append(ConfusionSet("/".join(members), members))
    return out


@dataclass(frozen=True)
class Occurrence:
    """One written member: token indexes ``[i, j)`` in the token list, and which member it is."""

    set: ConfusionSet
    member: str
    i: int
    j: int


def occurrences(toks: Sequence["Token"], sets: Sequence[ConfusionSet]) -> Iterator[Occurrence]:
    """Every written member of ``sets`` in ``toks`` (whitespace tokens already removed)."""
    index: dict[str, list[tuple[ConfusionSet, tuple[str, ...], str]]] = {}
    for s in sets:
        for forms, member in s.token_forms.items():
            index.setdefault(forms[0], []).append((s, forms, member))
    for i, t in enumerate(toks):
        low = t.lower_
        if "’" in low or "ʼ" in low:
            low = low.translate(_APOSTROPHES)
        entries = index.get(low)
        if not entries or (len(t.text) > 1 and t.text.isupper()):
            continue  # « CE », "THEIR": an acronym or a shouted headline, not prose to decide on
        for s, forms, member in entries:
            j = i + len(forms)
            if j <= len(toks) and all(
                normalise(toks[i + k].text) == forms[k] and (k == 0 or toks[i + k].idx == toks[i + k - 1].idx + len(toks[i + k - 1]))
                for k in range(1, len(forms))
            ):
                yield Occurrence(s, member, i, j)
                break


def _tag(t: "Token", lang: str) -> str:
    """The tag a feature reads: the fine English tag; French coarse POS with its verb form."""
    if lang == "en":
        return t.tag_ or t.pos_
    form = t.morph.get("VerbForm")
    return f"{t.pos_}:{form[0]}" if form else t.pos_


def features(toks: Sequence["Token"], i: int, j: int, lang: str) -> list[str]:
    """The context of the unit ``toks[i:j]``: two words and tags each side and their pairs.

    Sentence boundaries count as a word (``<s>``): "Its" at the start of a sentence and "its"
    after "of" are different contexts. The unit itself is never read.
    """
    def word(k: int) -> tuple[str, str]:
        if k < 0 or k >= len(toks):
            return BOUNDARY, BOUNDARY
        t = toks[k]
        return normalise(t.text), _tag(t, lang)

    start = toks[i].is_sent_start
    after_end = j < len(toks) and toks[j].is_sent_start
    w1, t1 = (BOUNDARY, BOUNDARY) if start else word(i - 1)
    w2, t2 = (BOUNDARY, BOUNDARY) if start or (i - 1 >= 0 and toks[i - 1].is_sent_start) else word(i - 2)
    n1, u1 = (BOUNDARY, BOUNDARY) if after_end else word(j)
    n2, u2 = (BOUNDARY, BOUNDARY) if after_end or (j + 1 < len(toks) and toks[j + 1].is_sent_start) else word(j + 1)
    return [
        "bias", f"w-1={w1}", f"w-2={w2}", f"w+1={n1}", f"w+2={n2}",
        f"t-1={t1}", f"t-2={t2}", f"t+1={u1}", f"t+2={u2}",
        f"w-1,w+1={w1}|{n1}", f"t-1,t+1={t1}|{u1}", f"w+1,w+2={n1}|{n2}", f"t+1,t+2={u1}|{u2}",
        f"w-2,w-1={w2}|{w1}", f"t-2,t-1={t2}|{t1}", f"w-1,t+1={w1}|{u1}", f"t-1,w+1={t1}|{n1}",
        f"w+1,t+2={n1}|{u2}", f"suf+1={n1[-3:]}",
    ] + _parse_features(toks, i, j, lang)


def _parse_features(toks: Sequence["Token"], i: int, j: int, lang: str) -> list[str]:
    """How the parser read the unit as written: its tags and dependency labels, and the next
    word's. These are what a wrong member disturbs ("there" read as a determiner before a noun),
    so they tell a misplaced member from a correct one in the same context."""
    unit = toks[i:j]
    tags = "+".join(_tag(t, lang) for t in unit)
    deps = "+".join(t.dep_ for t in unit)
    nxt = toks[j] if j < len(toks) else None
    nd = nxt.dep_ if nxt is not None else BOUNDARY
    attached = "in" if nxt is not None and nxt.head in unit else "out"
    return [f"t0={tags}", f"d0={deps}", f"d+1={nd}", f"t0,d0={tags}|{deps}", f"d0,d+1={deps}|{nd}",
            f"h+1={attached}", f"d0,t+1={deps}|{_tag(nxt, lang) if nxt is not None else BOUNDARY}"]


@dataclass(frozen=True)
class SetModel:
    """One set's weights: feature → one weight per member, and the flagging threshold."""

    set: ConfusionSet
    weights: dict[str, list[float]]
    threshold: float  # flag when the written member's probability is below this
    warning_threshold: float = 0.0  # below this the finding is a warning, above it info

    def probabilities(self, feats: Sequence[str]) -> dict[str, float]:
        z = [0.0] * len(self.set.members)
        for f in feats:
            w = self.weights.get(f)
            if w is not None:
                for k, v in enumerate(w):
                    z[k] += v
        top = max(z)
        exp = [math.exp(v - top) for v in z]
        total = sum(exp)
        return {m: e / total for m, e in zip(self.set.members, exp)}


@dataclass(frozen=True)
class Verdict:
    occurrence: Occurrence
    probabilities: dict[str, float]
    suggestion: str
    sure: bool  # below the set's warning threshold: a warning rather than info


def model_path(lang: str):
    return resources.files("auditor.language_checks") / "data" / f"confusions.{lang}.json"


@functools.cache
def load_models(lang: str) -> tuple[SetModel, ...]:
    """The shipped models of a language; none when the language has no model file."""
    path = model_path(lang)
    if not path.is_file():
        return ()
    raw = json.loads(path.read_text(encoding="utf-8"))
    return tuple(models_from_json(raw))


def models_from_json(raw: dict) -> Iterator[SetModel]:
    for entry in raw["sets"]:
        s = ConfusionSet(entry["name"], tuple(entry["members"]))
        yield SetModel(s, {k: list(v) for k, v in entry["weights"].items()}, float(entry["threshold"]),
                       float(entry.get("warning_threshold", 0.0)))


def suspicious(toks: Sequence["Token"], models: Sequence[SetModel], lang: str,
               scale: float = 1.0) -> Iterator[Verdict]:
    """Written members whose probability is below the set's threshold (times ``scale``)."""
    by_set = {m.set.name: m for m in models}
    for occ in occurrences(toks, [m.set for m in models]):
        model = by_set[occ.set.name]
        probs = model.probabilities(features(toks, occ.i, occ.j, lang))
        p = probs[occ.member]
        if p < model.threshold * scale:
            best = max((m for m in occ.set.members if m != occ.member), key=probs.__getitem__)
            yield Verdict(occ, probs, best, p < model.warning_threshold * scale)
