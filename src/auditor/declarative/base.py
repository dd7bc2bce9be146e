"""Loading and validating rule files; the base class every extension point derives from."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, ClassVar, Iterable, Iterator, Mapping

import regex

from ..model import FIELDS
from ..rule import Context, Rule

#: Seconds one pattern may run on one field before it is stopped (catastrophic backtracking).
PATTERN_TIMEOUT = 0.5

SCOPES = ("title", "lede", "body", "quotes", "outside-quotes")
COMMON_KEYS = {
    "id", "type", "category", "severity", "languages", "scope", "message", "level",
    "what", "why", "example", "instead", "tests", "enabled", "link", "description",
}


@dataclass(frozen=True)
class RuleFileError:
    """A problem in a rule file, located at ``path:line``."""

    path: Path
    line: int
    message: str

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class RuleFileInvalid(Exception):
    def __init__(self, errors: list[RuleFileError]) -> None:
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors


_TYPES: dict[str, type["DeclarativeRule"]] = {}


def register_type(name: str) -> Callable[[type["DeclarativeRule"]], type["DeclarativeRule"]]:
    def deco(cls: type["DeclarativeRule"]) -> type["DeclarativeRule"]:
        cls.type_name = name
        _TYPES[name] = cls
        return cls

    return deco


def rule_types() -> dict[str, type["DeclarativeRule"]]:
    from . import types  # noqa: F401  (registers the built-in extension points)

    return dict(_TYPES)


class KeyLocator:
    """Finds the line of a key in the raw TOML text, for located errors."""

    def __init__(self, raw: str) -> None:
        self.lines = raw.splitlines()

    def line_of(self, key: str, default: int = 1) -> int:
        pat = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=")
        for i, line in enumerate(self.lines, 1):
            if pat.match(line):
                return i
        return default

    def table_line(self, name: str, index: int = 0) -> int:
        seen = -1
        for i, line in enumerate(self.lines, 1):
            if line.strip() == f"[[{name}]]":
                seen += 1
                if seen == index:
                    return i
        return 1


class DeclarativeRule(Rule):
    """A rule defined by a TOML file. Subclasses implement :meth:`configure` and :meth:`matches`."""

    type_name: ClassVar[str] = ""
    #: keys this type accepts on top of the common ones
    type_keys: ClassVar[set[str]] = set()

    def __init__(self, data: Mapping[str, Any], path: Path, where: KeyLocator) -> None:
        self.data = dict(data)
        self.path = path
        self.where = where
        self.errors: list[RuleFileError] = []
        self.id = str(data.get("id") or "")  # type: ignore[misc]
        self.category = str(data.get("category") or "style")  # type: ignore[misc]
        self.severity = data.get("severity") or data.get("level") or "warning"  # type: ignore[misc]
        self.languages = frozenset(data.get("languages") or ())  # type: ignore[misc]
        self.enabled_by_default = bool(data.get("enabled", True))  # type: ignore[misc]
        scope = data.get("scope") or ["title", "body"]
        self.scope = [scope] if isinstance(scope, str) else list(scope)
        self.fields = tuple(f for f in FIELDS if f in self.scope or (f == "body" and ({"lede", "quotes", "outside-quotes"} & set(self.scope))))  # type: ignore[misc]
        self.message = str(data.get("message") or "")
        self.tests = list(data.get("tests") or [])
        self._validate_common()
        self.configure()

    # -- validation helpers ---------------------------------------------------------------------
    def error(self, key: str, message: str, line: int | None = None) -> None:
        self.errors.append(RuleFileError(self.path, line or self.where.line_of(key), message))

    def _validate_common(self) -> None:
        from ..rule import RULE_ID

        unknown = set(self.data) - COMMON_KEYS - self.type_keys
        for key in sorted(unknown):
            self.error(key, f"unknown key '{key}' for a rule of type '{self.type_name}'")
        if not RULE_ID.match(self.id):
            self.error("id", f"id {self.id!r} must look like <family>.<name> (lowercase, e.g. house.banned-words)")
        if self.severity not in ("error", "warning", "info"):
            self.error("severity", f"severity {self.severity!r} must be error, warning or info")
        for s in self.scope:
            if s not in SCOPES:
                self.error("scope", f"unknown scope {s!r} (known: {', '.join(SCOPES)})")
        langs = self.data.get("languages", [])
        if not isinstance(langs, list) or not all(isinstance(x, str) for x in langs):
            self.error("languages", "languages must be a list such as [\"fr\", \"en\"]")
        if not self.message:
            self.error("message", "a rule needs a message", line=1)
        for key in ("what", "why", "example", "instead"):
            if not isinstance(self.data.get(key), str) or not self.data[key].strip():
                self.error(key, f"documentation key '{key}' is missing or empty", line=1)
        if not isinstance(self.tests, list) or not all(isinstance(t, dict) for t in self.tests):
            self.error("tests", "tests must be written as [[tests]] tables")

    def compile(self, key: str, pattern: str, flags: int = 0) -> "regex.Pattern[str] | None":
        try:
            return regex.compile(pattern, flags | regex.V1)
        except regex.error as exc:
            self.error(key, f"invalid pattern {pattern!r}: {exc}")
            return None

    def str_list(self, key: str, required: bool = False) -> list[str]:
        value = self.data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.error(key, f"'{key}' must be a list of strings")
            return []
        if required and not value:
            self.error(key, f"'{key}' must list at least one entry", line=1)
        return value

    # -- documentation ----------------------------------------------------------------------------
    def documentation(self) -> str:
        parts = []
        for title, key in (("What it does", "what"), ("Why it matters", "why"), ("Example", "example"), ("Instead", "instead")):
            body = str(self.data.get(key, "")).strip()
            parts.append(f"{title}\n{'-' * len(title)}\n{body}\n")
        parts.append(f"Rule file\n---------\n``{self.path.name}`` (type ``{self.type_name}``)\n")
        return "\n".join(parts)

    # -- running ---------------------------------------------------------------------------------
    def configure(self) -> None:  # pragma: no cover - interface
        """Read and validate the type's own keys (call :meth:`error` for problems)."""

    def regions(self, ctx: Context) -> Iterator[tuple[str, int, int]]:
        """The (field, start, end) regions the rule's scope covers."""
        for field in self.fields:
            if field not in ctx.article.__dict__ and field not in FIELDS:
                continue
            text = ctx.text(field)
            if field == "title":
                if "title" in self.scope:
                    yield field, 0, len(text)
                continue
            if "body" in self.scope:
                yield field, 0, len(text)
            elif "lede" in self.scope:
                para_end = text.find("\n\n")
                yield field, 0, len(text) if para_end < 0 else para_end
            elif "quotes" in self.scope:
                for q in ctx.analysis.raw_quotes(field):
                    yield field, q.start, q.end
            elif "outside-quotes" in self.scope:
                pos = 0
                for q in ctx.analysis.raw_quotes(field):
                    yield field, pos, q.start
                    pos = q.end
                yield field, pos, len(text)

    def finditer(self, pattern: "regex.Pattern[str]", text: str, start: int, end: int) -> Iterator["regex.Match[str]"]:
        """Matches of ``pattern`` in ``text[start:end]``, stopped after :data:`PATTERN_TIMEOUT` seconds."""
        try:
            yield from pattern.finditer(text, start, end, timeout=PATTERN_TIMEOUT)
        except TimeoutError:
            raise TimeoutError(
                f"pattern {pattern.pattern[:60]!r} ran over {PATTERN_TIMEOUT}s (catastrophic backtracking?) and was stopped"
            ) from None

    def format_message(self, **values: Any) -> str:
        try:
            return self.message.format(**values)
        except (KeyError, IndexError, ValueError):
            return self.message


def load_rule_file(path: Path) -> tuple[DeclarativeRule | None, list[RuleFileError]]:
    """Parse and validate one rule file."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [RuleFileError(path, 1, f"cannot read: {exc}")]
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"at line (\d+)", str(exc))
        return None, [RuleFileError(path, int(m.group(1)) if m else 1, f"invalid TOML: {exc}")]
    where = KeyLocator(raw)
    kind = data.get("type")
    types = rule_types()
    if kind not in types:
        known = ", ".join(sorted(types))
        return None, [RuleFileError(path, where.line_of("type"), f"unknown or missing rule type {kind!r} (known: {known})")]
    rule = types[kind](data, path, where)
    if rule.errors:
        return None, sorted(rule.errors, key=lambda e: e.line)
    return rule, []


def load_rule_pack(folder: Path) -> tuple[list[DeclarativeRule], list[RuleFileError]]:
    """Every ``*.toml`` rule file under ``folder`` (lexicon and data files are not ``.toml``)."""
    rules: list[DeclarativeRule] = []
    errors: list[RuleFileError] = []
    for path in sorted(Path(folder).rglob("*.toml")):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        rule, errs = load_rule_file(path)
        errors.extend(errs)
        if rule is not None:
            rules.append(rule)
    return rules, errors


def iter_test_cases(rule: DeclarativeRule) -> Iterable[Mapping[str, Any]]:
    return rule.tests
