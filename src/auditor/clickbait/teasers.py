"""Teaser headlines left in the body: the text after « À lire aussi : », "Related:"… or a line that
ends with a media tag such as « (Vidéo) ».

The label itself is page furniture (``boilerplate.page-furniture`` flags it); this module finds the
headline of the other article that follows it, so ``clickbait.teaser-link`` can flag that text and
score it like a headline.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_LABELS = (
    r"[ÀA]\s+lire\s+(?:aussi|également|ensuite)|Lire\s+(?:aussi|également|la\s+suite)|[ÀA]\s+voir\s+(?:aussi|également)|"
    r"Voir\s+aussi|Sur\s+le\s+même\s+sujet|[ÀA]\s+découvrir(?:\s+(?:aussi|également))?|Découvrez\s+aussi|"
    r"Nos\s+articles\s+sur\s+le\s+même\s+sujet|Vous\s+aimerez\s+aussi|"
    r"Related(?:\s+(?:articles?|stories|coverage|reading))?|Read\s+(?:more|also|next)|Also\s+read|See\s+also|"
    r"More\s+on\s+this\s+story|Recommended(?:\s+for\s+you)?|You\s+may\s+also\s+like|Don['’]t\s+miss"
)
_LABELLED = regex.compile(
    rf"^[ \t>*#_-]*(?:{_LABELS})\s*(?:[:：>»|–—-]+\s*|\s+(?=[«\"“\p{{Lu}}\d]))(?P<teaser>\S[^\n]*?)\s*$",
    regex.IGNORECASE | regex.MULTILINE | regex.V1,
)
_MEDIA_TAG = regex.compile(
    r"^[ \t>*#_-]*(?P<teaser>\p{Lu}[^\n]{10,200}?[^.\n]\s*[(\[](?:vidéos?|videos?|photos?|diaporama|en images|live|direct|audio|podcast)[)\]])\s*$",
    regex.IGNORECASE | regex.MULTILINE | regex.V1,
)


@dataclass(frozen=True)
class Teaser:
    start: int
    end: int
    text: str
    labelled: bool


def find_teasers(body: str) -> list[Teaser]:
    out: list[Teaser] = []
    for m in _LABELLED.finditer(body):
        s, e = m.span("teaser")
        if e - s >= 8:
            out.append(Teaser(s, e, body[s:e], True))
    for m in _MEDIA_TAG.finditer(body):
        s, e = m.span("teaser")
        if not any(t.start <= s < t.end or s <= t.start < e for t in out):
            out.append(Teaser(s, e, body[s:e], False))
    out.sort(key=lambda t: t.start)
    return out
