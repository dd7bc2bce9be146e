"""Content fingerprints of findings, shared by baselines, SARIF and GitLab Code Quality reports.

A fingerprint must survive edits elsewhere in the article (a paragraph added above moves every
line number, so lines and offsets are not used) and must tell apart two findings of the same rule
on the same words. It hashes:

* the rule id;
* the article's key (its source path, without any absolute prefix) — only where the consumer needs
  findings unique across files (GitLab); baselines key findings by article themselves;
* the finding's excerpt, normalised (case-folded, runs of white space collapsed);
* a little context: the normalised words just before and after the excerpt, on the same line
  (so editing another paragraph does not change it);
* the occurrence index among the findings of the article that share all of the above.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from .engine import ArticleReport
    from .model import Article, Finding

CONTEXT_CHARS = 24
_WS = re.compile(r"\s+")


def normalise(text: str) -> str:
    return _WS.sub(" ", text).strip().casefold()


def display_path(source: str) -> str:
    """A source as shown in reports: relative to the working folder when under it, '/' separated."""
    path = source
    suffix = ""
    m = re.match(r"^(.*?)(\[\d+\])$", source)  # "export.json[1]": the second article of a JSON list
    if m:
        path, suffix = m.group(1), m.group(2)
    if os.path.isabs(path):
        try:
            rel = os.path.relpath(path)
            if not rel.startswith(".."):
                path = rel
        except ValueError:
            pass
    return path.replace(os.sep, "/") + suffix


def file_path(source: str) -> str:
    """The file part of a source (``export.json[1]`` → ``export.json``), relative and '/' separated."""
    return re.sub(r"\[\d+\]$", "", display_path(source))


def _context(article: "Article", f: "Finding") -> tuple[str, str]:
    text = article.text(f.field)
    line_start = text.rfind("\n", 0, f.start) + 1
    line_end = text.find("\n", f.end)
    if line_end < 0:
        line_end = len(text)
    before = text[max(line_start, f.start - CONTEXT_CHARS) : f.start]
    after = text[f.end : min(line_end, f.end + CONTEXT_CHARS)]
    # Whole words only, so that a cut in the middle of a word does not make the hash fragile.
    before = before.split(" ", 1)[1] if f.start - CONTEXT_CHARS > line_start and " " in before else before
    after = after.rsplit(" ", 1)[0] if f.end + CONTEXT_CHARS < line_end and " " in after else after
    return normalise(before), normalise(after)


def fingerprints(report: "ArticleReport", with_path: bool = False) -> list[str]:
    """One fingerprint per finding of ``report``, in the order of ``report.findings``."""
    seen: Counter[str] = Counter()
    out = []
    prefix = display_path(report.article.source) + "\x1f" if with_path else ""
    for f in report.findings:
        before, after = _context(report.article, f)
        key = "\x1f".join((f.rule, f.field, normalise(f.excerpt), before, after))
        n = seen[key]
        seen[key] += 1
        out.append(hashlib.sha256(f"{prefix}{key}\x1f{n}".encode("utf-8")).hexdigest()[:32])
    return out


def run_fingerprints(reports: Iterable["ArticleReport"], with_path: bool = True) -> dict[int, list[str]]:
    return {id(r): fingerprints(r, with_path) for r in reports}
