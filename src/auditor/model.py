"""The data every part of auditor exchanges: articles, findings, source positions.

These types are part of the public API (re-exported from :mod:`auditor`). They are plain
dataclasses so that rules, loaders and report formats written by third parties can build and read
them without touching the engine.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from typing import Any, Literal, Mapping, Sequence

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
FIELDS: tuple[str, ...] = ("title", "body")

#: Categories used across the project. Plugins may add their own.
CATEGORIES: tuple[str, ...] = (
    "spelling",
    "grammar",
    "names",
    "attribution",
    "clickbait",
    "boilerplate",
    "typography",
    "style",
)


class LineIndex:
    """Turns character offsets of a text into 1-based (line, column) pairs."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        for i, ch in enumerate(text):
            if ch == "\n":
                self._starts.append(i + 1)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1


@dataclass
class FieldLocation:
    """Where one field of an article sits in its source file.

    ``offsets`` is either a single base offset (the field is a verbatim slice of the source starting
    there) or a list giving, for every character of the field, its offset in the source (JSON strings
    with escapes, for example). ``None`` means the field has no exact place in the source (text
    extracted from HTML); positions are then searched for and may be approximate.
    """

    base: int | None = None
    offsets: Sequence[int] | None = None

    def source_offset(self, offset: int) -> int | None:
        if self.offsets is not None:
            if not self.offsets:
                return None
            return self.offsets[min(max(offset, 0), len(self.offsets) - 1)] if offset < len(
                self.offsets
            ) else self.offsets[-1] + 1
        if self.base is not None:
            return self.base + offset
        return None


@dataclass
class SourceMap:
    """Maps a (field, offset) of an article back to a line and column of its source file."""

    raw: str = ""
    fields: dict[str, FieldLocation] = field(default_factory=dict)
    _index: LineIndex | None = field(default=None, repr=False)

    def locate(self, field_name: str, offset: int, field_text: str) -> tuple[int, int]:
        if self._index is None:
            self._index = LineIndex(self.raw)
        loc = self.fields.get(field_name)
        src = loc.source_offset(offset) if loc else None
        if src is None and self.raw:
            src = _search_offset(self.raw, field_text, offset)
        if src is None:
            return LineIndex(field_text).position(offset)
        return self._index.position(src)


def _search_offset(raw: str, text: str, offset: int) -> int | None:
    """Best effort for extracted text (HTML): find the words at ``offset`` in the raw source."""
    for width in (40, 20, 10, 5):
        needle = text[offset : offset + width].split("\n")[0].rstrip()
        if len(needle) >= 4:
            pos = raw.find(needle)
            if pos >= 0:
                return pos
    # The span may start on a character that markup rewrote (an entity): look just before it.
    before = text[max(0, offset - 30) : offset].split("\n")[-1]
    if len(before) >= 6:
        pos = raw.find(before)
        if pos >= 0:
            return pos + len(before)
    return None


@dataclass
class Article:
    """One article or draft: a headline, a body, a language and optional metadata.

    A title-only article (empty body) is valid: that is how a headline alone is checked.
    """

    title: str
    body: str = ""
    lang: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    source: str = "<memory>"
    meta: dict[str, Any] = field(default_factory=dict)
    source_map: SourceMap | None = None

    def text(self, field_name: str) -> str:
        if field_name == "title":
            return self.title
        if field_name == "body":
            return self.body
        raise KeyError(field_name)

    def position(self, field_name: str, offset: int) -> tuple[int, int]:
        """Line and column (1-based) in the source file of ``offset`` in ``field_name``."""
        text = self.text(field_name)
        if self.source_map is None:
            if field_name == "title":
                return LineIndex(text).position(offset)
            # Without a source file the body is counted as following the title and a blank line.
            line, col = LineIndex(text).position(offset)
            return line + self.title.count("\n") + 2, col
        return self.source_map.locate(field_name, offset, text)


@dataclass(frozen=True)
class Finding:
    """One problem found by one rule, anchored to an exact span of a field.

    ``excerpt`` is always ``article.text(field)[start:end]``; the engine checks it.
    """

    rule: str
    category: str
    severity: Severity
    message: str
    field: str
    start: int
    end: int
    excerpt: str = ""
    line: int = 0
    column: int = 0
    suggestions: tuple[str, ...] = ()
    confidence: float | None = None
    data: Mapping[str, Any] = field(default_factory=dict)

    def with_(self, **changes: Any) -> "Finding":
        return replace(self, **changes)

    def overlaps(self, other_field: str, start: int, end: int) -> bool:
        if other_field != self.field:
            return False
        if self.start == self.end or start == end:  # empty spans touch at a point
            return start <= self.start <= end or self.start <= start <= self.end
        return self.start < end and start < self.end

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "field": self.field,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "excerpt": self.excerpt,
            "suggestions": list(self.suggestions),
        }
        if self.confidence is not None:
            out["confidence"] = round(self.confidence, 4)
        if self.data:
            out["data"] = dict(self.data)
        return out


@dataclass
class RunError:
    """Something that went wrong without stopping the run: a plugin, a rule, a backend, an input."""

    kind: str  # "input", "plugin", "rule", "backend", "language"
    message: str
    source: str | None = None
    rule: str | None = None
    plugin: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}

    def line(self) -> str:
        where = self.source or self.rule or self.plugin or ""
        return f"{where}: {self.message}" if where else self.message
