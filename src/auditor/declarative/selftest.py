"""Running the ``[[tests]]`` cases that every rule file carries (``auditor rules test``).

Each case is a small article (``text``, the body unless ``field = "title"``; an optional
``title``; an optional ``lang``) and the excerpts the rule must flag in it, in text order
(``expect = []`` when it must flag nothing). The rule runs alone, with its default options, so a
case tests that rule and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

from ..analysis import Analysis
from ..config import Config
from ..language import detect_language
from ..model import Article, Finding
from ..rule import Context, Rule
from .base import DeclarativeRule, RuleFileError, load_rule_file, rule_files


@dataclass
class CaseResult:
    """The outcome of one ``[[tests]]`` case."""

    rule: DeclarativeRule
    index: int
    case: dict[str, Any]
    expected: list[dict[str, Any]]
    got: list[Finding] = field(default_factory=list)
    error: str | None = None

    @property
    def line(self) -> int:
        return self.rule.where.table_line("tests", self.index)

    @property
    def id(self) -> str:
        name = self.case.get("name")
        return f"{self.rule.id}::{name or f'test{self.index + 1}'}"

    @property
    def location(self) -> str:
        return f"{self.rule.path}:{self.line}"

    @property
    def ok(self) -> bool:
        if self.error is not None or len(self.got) != len(self.expected):
            return False
        for f, want in zip(self.got, self.expected):
            if f.excerpt != want["excerpt"]:
                return False
            if "field" in want and f.field != want["field"]:
                return False
            if "suggestions" in want and list(f.suggestions[: len(want["suggestions"])]) != list(want["suggestions"]):
                return False
        return True

    def diff(self) -> str:
        """A readable account of a failure: the text, then expected (-) and found (+) excerpts."""
        lines = [f"{self.location}: {self.id} failed"]
        text = self.case.get("text", "")
        shown = text if len(text) <= 300 else text[:297] + "..."
        lines.append(f"    text:     {shown!r}" + (" (the title)" if case_field(self.rule, self.case) == "title" else ""))
        if self.error:
            lines.append(f"    error:    {self.error}")
            return "\n".join(lines)
        lines.append(f"    expected: {[_show(w) for w in self.expected]}")
        lines.append(f"    got:      {[_show_finding(f) for f in self.got]}")
        want_left = list(self.expected)
        got_left = list(self.got)
        for f in list(got_left):
            for w in want_left:
                if w["excerpt"] == f.excerpt and ("field" not in w or w["field"] == f.field) and (
                    "suggestions" not in w or list(f.suggestions[: len(w["suggestions"])]) == list(w["suggestions"])
                ):
                    want_left.remove(w)
                    got_left.remove(f)
                    break
        for w in want_left:
            lines.append(f"    - {_show(w)}   expected, not found")
        for f in got_left:
            lines.append(f"    + {_show_finding(f)}   found, not expected — {f.message}")
        if not want_left and not got_left:
            lines.append("    (same excerpts, different order: list them in text order, title first)")
        return "\n".join(lines)


def _show(want: dict[str, Any]) -> str:
    extra = ""
    if "suggestions" in want:
        extra += f" → {want['suggestions']}"
    if want.get("field") == "title":
        extra += " (title)"
    return repr(want["excerpt"]) + extra


def _show_finding(f: Finding) -> str:
    extra = f" → {list(f.suggestions)}" if f.suggestions else ""
    if f.field == "title":
        extra += " (title)"
    return repr(f.excerpt) + extra


def _expectations(expect: Iterable[Any]) -> list[dict[str, Any]]:
    return [{"excerpt": e} if isinstance(e, str) else dict(e) for e in expect]


def run_rule(rule: Rule, title: str = "", body: str = "", lang: str | None = None,
             config: Config | None = None) -> list[Finding]:
    """Run one rule alone on a small article; findings in text order (title first), spans checked."""
    if lang is None:
        lang = sorted(rule.languages)[0] if len(rule.languages) == 1 else detect_language(f"{title}\n{body}")
    article = Article(title=title, body=body, lang=lang, source="<rule test>")
    config = config or Config(load_entry_points=False)
    ctx = Context(article=article, analysis=Analysis(article, lang), config=config, rule=rule,
                  options=config.rule_options(rule.id, rule.options), signals={})
    found = []
    for f in rule.check(ctx) or ():
        text = article.text(f.field)
        if not (0 <= f.start <= f.end <= len(text)) or text[f.start:f.end] != f.excerpt:
            raise ValueError(f"{rule.id} produced a bad span {f.field}[{f.start}:{f.end}] for {f.excerpt!r}")
        found.append(f)
    order = {"title": 0, "body": 1}
    return sorted(found, key=lambda f: (order.get(f.field, 2), f.start, f.end))


def case_field(rule: DeclarativeRule, case: dict[str, Any]) -> str:
    """The field a case's ``text`` goes in: ``field``, else the title for a title-only rule, else the body."""
    return case.get("field") or ("title" if tuple(rule.fields) == ("title",) else "body")


def run_case(rule: DeclarativeRule, index: int) -> CaseResult:
    case = rule.tests[index]
    result = CaseResult(rule, index, case, _expectations(case.get("expect", [])))
    text = case.get("text", "")
    if case_field(rule, case) == "title":
        title, body = text, ""
    else:
        title, body = case.get("title", ""), text
    try:
        result.got = run_rule(rule, title, body, case.get("lang"))
    except Exception as exc:  # a timeout, a bug in a type: the case fails with the reason
        result.error = f"{type(exc).__name__}: {exc}"
    return result


def run_rule_tests(rule: DeclarativeRule) -> list[CaseResult]:
    return [run_case(rule, i) for i in range(len(rule.tests))]


@dataclass
class SuiteResult:
    """The outcome of ``auditor rules test``: rule files' errors and every case's result."""

    files: list[Path] = field(default_factory=list)
    file_errors: list[RuleFileError] = field(default_factory=list)
    results: list[CaseResult] = field(default_factory=list)
    untested: list[DeclarativeRule] = field(default_factory=list)

    @property
    def failures(self) -> list[CaseResult]:
        return [r for r in self.results if not r.ok]


def load_rules(paths: Sequence[Path]) -> tuple[list[Path], list[DeclarativeRule], list[RuleFileError]]:
    files: list[Path] = []
    for p in paths:
        p = Path(p)
        if not p.exists():
            raise FileNotFoundError(f"{p}: no such rule file or folder")
        files.extend(rule_files(p))
    rules, errors = [], []
    for path in files:
        rule, errs = load_rule_file(path)
        errors.extend(errs)
        if rule is not None:
            rules.append(rule)
    return files, rules, errors


def run_paths(paths: Sequence[Path]) -> SuiteResult:
    files, rules, errors = load_rules(paths)
    suite = SuiteResult(files=files, file_errors=errors)
    for rule in rules:
        if not rule.tests:
            suite.untested.append(rule)
        suite.results.extend(run_rule_tests(rule))
    return suite
