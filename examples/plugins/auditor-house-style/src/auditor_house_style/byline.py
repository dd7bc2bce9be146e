"""``house.byline``: the Courrier signs its articles."""

from __future__ import annotations

from typing import Iterable

from auditor import Context, Finding, Rule


class Byline(Rule):
    """An article with no byline, or signed by a desk instead of a person.

    What it does
    ------------
    Flags an article whose ``author`` (front matter, CMS field) is empty, or is only a desk or an
    agency name listed in the ``anonymous`` option (« La rédaction », "Staff"). Briefs shorter
    than ``exempt-under-words`` words are left alone. The finding sits on the headline.

    Why it matters
    --------------
    Le Courrier du Val's charter says that a reporter answers for every article by name: readers
    can write to them, and the desk knows whom to ask when a fact is challenged.

    Example
    -------
    An article of 400 words with ``author: La rédaction``.

    Instead
    -------
    ``author: Maëlle Tanguy`` (or the agency *and* the reporter who edited the dispatch).
    """

    id = "house.byline"
    category = "attribution"
    severity = "warning"
    languages = frozenset({"fr", "en"})
    enabled_by_default = False  # the newsroom turns house.* on in its config
    options = {
        "exempt-under-words": 80,
        "anonymous": ["la rédaction", "rédaction", "le courrier du val", "staff", "newsroom"],
    }

    def check(self, ctx: Context) -> Iterable[Finding]:
        if ctx.analysis.word_count < int(ctx.options["exempt-under-words"]):
            return
        author = (ctx.article.author or "").strip()
        anonymous = {a.casefold() for a in ctx.options["anonymous"]}
        if author and author.casefold() not in anonymous:
            return
        title = ctx.text("title")
        field, end = ("title", len(title)) if title else ("body", 0)
        if author:
            message = f"'{author}' is a desk, not a byline: sign the article with a reporter's name."
        else:
            message = "No byline: every article of more than a brief is signed (author)."
        yield ctx.finding(field, 0, end, message, author=author or None)
