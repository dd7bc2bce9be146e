"""The :class:`Rule` base class that every rule, built-in or third-party, derives from.

A rule is a class with a stable id ``<family>.<name>``, a category, a default severity, the
languages it supports, and a docstring in fixed sections (checked by the test suite and shown by
``auditor explain RULE``)::

    What it does
    ------------
    ...
    Why it matters
    --------------
    ...
    Example
    -------
    ...
    Instead
    -------
    ...

Its :meth:`Rule.check` receives a :class:`Context` (the article, its shared analysis, the rule's
options) and yields findings made with :meth:`Context.finding` or :meth:`Rule.finding`.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Iterable, Iterator, Mapping, Sequence

from .model import CATEGORIES, FIELDS, Article, Finding, Severity

if TYPE_CHECKING:
    from .analysis import Analysis
    from .config import Config

DOC_SECTIONS: tuple[str, ...] = ("What it does", "Why it matters", "Example", "Instead")
RULE_ID = re.compile(r"^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9.-]*$")


class RuleDefinitionError(ValueError):
    """A rule is badly declared (id, category, severity, docs)."""


@dataclass
class Context:
    """Everything a rule sees while checking one article."""

    article: Article
    analysis: "Analysis"
    config: "Config"
    rule: "Rule"
    options: Mapping[str, Any] = field(default_factory=dict)
    signals: dict[str, Any] = field(default_factory=dict)

    def signal(self, name: str, value: Any) -> None:
        """Attach an article-level signal to the report (e.g. ``clickbait`` → score and reasons).

        Signals appear under ``signals`` in the JSON report and in the other formats; they do not
        change the score, findings do.
        """
        self.signals[name] = value

    @property
    def lang(self) -> str:
        return self.analysis.lang

    def text(self, field_name: str) -> str:
        return self.article.text(field_name)

    def finding(
        self,
        field_name: str,
        start: int,
        end: int,
        message: str,
        *,
        suggestions: Sequence[str] = (),
        severity: Severity | None = None,
        confidence: float | None = None,
        category: str | None = None,
        rule: str | None = None,
        **data: Any,
    ) -> Finding:
        """Build a finding of this rule on ``field_name[start:end]`` (line/column are filled later)."""
        return self.rule.finding(
            self.article,
            field_name,
            start,
            end,
            message,
            suggestions=suggestions,
            severity=severity,
            confidence=confidence,
            category=category,
            rule=rule,
            **data,
        )


class Rule:
    """Base class of every rule.

    Class attributes a rule sets:

    ``id``
        stable id ``<family>.<name>`` such as ``names.inconsistent-spelling``.
    ``category``
        one of :data:`auditor.model.CATEGORIES` (or a plugin's own).
    ``severity``
        default severity, ``error``, ``warning`` or ``info``; overridable in the config.
    ``languages``
        languages the rule supports (``frozenset()`` for every language).
    ``fields``
        the fields it checks, ``("title", "body")`` by default.
    ``options``
        default options; the config's ``[tool.auditor.rule."<id>"]`` table overrides them.
    ``supersedes``
        rule id prefixes whose findings this rule's findings replace when they overlap (so that one
        defect yields one finding: a misspelt name is the names rule's, not the spell checker's).
    ``plugin``
        name of the plugin that registered it (set by the host).
    """

    id: ClassVar[str] = ""
    category: ClassVar[str] = "style"
    severity: ClassVar[Severity] = "warning"
    languages: ClassVar[frozenset[str]] = frozenset()
    fields: ClassVar[tuple[str, ...]] = FIELDS
    options: ClassVar[Mapping[str, Any]] = {}
    supersedes: ClassVar[tuple[str, ...]] = ()
    enabled_by_default: ClassVar[bool] = True
    plugin: str = ""

    # Instance-level documentation, so that declarative rules (one instance per file) can carry
    # their own; Python rules use their class docstring.
    def documentation(self) -> str:
        return inspect.cleandoc(type(self).__doc__ or "")

    def summary(self) -> str:
        sections = parse_doc_sections(self.documentation())
        text = sections.get("What it does", "").strip()
        return text.split("\n\n")[0].replace("\n", " ") if text else ""

    def supports(self, lang: str) -> bool:
        return not self.languages or lang in self.languages

    def check(self, ctx: Context) -> Iterable[Finding]:  # pragma: no cover - interface
        raise NotImplementedError

    def finding(
        self,
        article: Article,
        field_name: str,
        start: int,
        end: int,
        message: str,
        *,
        suggestions: Sequence[str] = (),
        severity: Severity | None = None,
        confidence: float | None = None,
        category: str | None = None,
        rule: str | None = None,
        **data: Any,
    ) -> Finding:
        text = article.text(field_name)
        return Finding(
            rule=rule or self.id,
            category=category or self.category,
            severity=severity or self.severity,
            message=message,
            field=field_name,
            start=start,
            end=end,
            excerpt=text[start:end],
            suggestions=tuple(suggestions),
            confidence=confidence,
            data=data,
        )

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id}>"


def parse_doc_sections(doc: str) -> dict[str, str]:
    """Split a docstring into ``{section title: text}`` on underlined headings (``---``)."""
    lines = doc.splitlines()
    sections: dict[str, str] = {}
    current = "_intro"
    buf: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if line.strip() and re.fullmatch(r"\s*[-=]{3,}\s*", nxt) and len(nxt.strip()) >= len(line.strip()) - 2:
            sections[current] = "\n".join(buf).strip()
            current, buf = line.strip(), []
            i += 2
            continue
        buf.append(line)
        i += 1
    sections[current] = "\n".join(buf).strip()
    return sections


def validate_rule(rule: Rule) -> list[str]:
    """Problems with a rule's declaration; an empty list means it is well formed."""
    problems = []
    if not RULE_ID.match(rule.id or ""):
        problems.append(f"rule id {rule.id!r} is not of the form <family>.<name>")
    if rule.severity not in ("error", "warning", "info"):
        problems.append(f"{rule.id}: severity {rule.severity!r} is not error, warning or info")
    if not rule.category:
        problems.append(f"{rule.id}: no category")
    sections = parse_doc_sections(rule.documentation())
    for name in DOC_SECTIONS:
        if not sections.get(name):
            problems.append(f"{rule.id}: documentation lacks the section {name!r}")
    return problems


def known_category(category: str) -> bool:
    return category in CATEGORIES


def iter_rules(objs: Iterable[Any]) -> Iterator[Rule]:
    """Instantiate rule classes, pass instances through (what ``auditor_rules`` may return)."""
    for obj in objs or ():
        if isinstance(obj, type) and issubclass(obj, Rule):
            yield obj()
        elif isinstance(obj, Rule):
            yield obj
        else:
            raise RuleDefinitionError(f"{obj!r} is not a Rule subclass or instance")
