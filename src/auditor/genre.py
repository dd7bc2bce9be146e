"""What kind of piece an article is: news, or opinion that presents itself as opinion.

A news story must not judge in its own voice; a signed column, an editorial or an open letter
does, and says so. The genre comes from what the article declares — a CMS or front-matter field
(``genre``, ``section``, ``type``, ``rubrique``), a label opening the title or the first line of
the body (« Tribune : », "Opinion |"), a byline holding a label ("Editorial Board", "Jane Roe,
columnist") — never from the style of the text: a news story written as opinion is exactly what
``attribution.opinion-as-fact`` is there to catch. The labels are in
``rules/lexicons/genre-opinion.txt``.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

import regex

from .model import Article
from .resources import lexicon

NEWS = "news"
OPINION = "opinion"
META_KEYS = ("genre", "section", "type", "rubrique")


class Genre(NamedTuple):
    genre: str
    why: str  # where it was read ("" for the default, news)


@functools.cache
def _labels() -> "regex.Pattern[str]":
    alternatives = "|".join(regex.escape(label) for label in sorted(lexicon("genre-opinion"), key=len, reverse=True))
    return regex.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", regex.IGNORECASE)


def _is_label(value: str) -> bool:
    """The whole value is a label (« Tribune », "Opinion")."""
    m = _labels().fullmatch(value.strip())
    return m is not None


def _opens_with_label(line: str) -> bool:
    """« Tribune : … », "Opinion | …", "OPINION — …": a label, then a separator."""
    m = _labels().match(line.strip())
    return m is not None and regex.match(r"\s*[:|–—-]", line.strip()[m.end():]) is not None


def genre_of(article: Article) -> Genre:
    """The genre the article declares, with where it was read; news by default."""
    for key in META_KEYS:
        value = article.meta.get(key)
        if isinstance(value, str) and _is_label(value):
            return Genre(OPINION, f"{key}: {value}")
    if _opens_with_label(article.title):
        return Genre(OPINION, f"title: {article.title.strip()[:40]}")
    first = next((line for line in article.body.splitlines() if line.strip()), "")
    if _is_label(first) or _opens_with_label(first):
        return Genre(OPINION, f"first line: {first.strip()[:40]}")
    if article.author and _labels().search(article.author):
        return Genre(OPINION, f"byline: {article.author.strip()[:40]}")
    return Genre(NEWS, "")
