"""Loading and validating rule files; the base class every extension point derives from.

A rule file is validated completely when it loads: unknown keys, values of the wrong type, patterns
that do not compile, missing documentation, malformed ``[[tests]]`` cases and failing ``[[specs]]``
self-tests are all reported as :class:`RuleFileError` ``path:line: message``, and a file with any
error is not loaded (``auditor check`` then exits with code 2).
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, ClassVar, Iterable, Iterator, Mapping

import regex

from ..language import SUPPORTED_LANGUAGES
from ..model import FIELDS
from ..rule import Context, Rule

#: Seconds one pattern may run on one region before it is stopped (catastrophic backtracking).
#: A rule file may set its own with ``timeout = 0.2``.
PATTERN_TIMEOUT = 0.5

SCOPES = ("title", "lede", "body", "quotes", "outside-quotes")
DOC_KEYS = ("what", "why", "example", "instead")
COMMON_KEYS = {
    "id", "type", "category", "severity", "languages", "scope", "message", "level",
    "what", "why", "example", "instead", "tests", "enabled", "link", "description",
    "supersedes", "timeout", "confidence",
}
TEST_KEYS = {"text", "field", "title", "lang", "expect", "name", "note"}
EXPECT_KEYS = {"excerpt", "suggestions", "field"}


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


class PatternTimeout(TimeoutError):
    """A rule's pattern ran longer than its timeout and was stopped."""


_TYPES: dict[str, type["DeclarativeRule"]] = {}


def register_type(name: str) -> Callable[[type["DeclarativeRule"]], type["DeclarativeRule"]]:
    """Class decorator registering an extension point under ``type = "<name>"``."""

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

    def line_of(self, key: str, default: int = 1, after: int = 0) -> int:
        """Line of ``key = ...`` (or of the table ``[key]``), searching from line ``after + 1``."""
        pat = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
        table = re.compile(rf"^\s*\[\s*{re.escape(key)}\s*\]\s*(#.*)?$")
        for i, line in enumerate(self.lines, 1):
            if i <= after:
                continue
            if pat.match(line) or table.match(line):
                return i
        return default

    def text_line(self, text: str) -> int | None:
        """Line where ``text`` appears verbatim (a pattern in a multi-line array), if it does."""
        first = text.splitlines()[0] if text else ""
        if len(first) < 2:
            return None
        for i, line in enumerate(self.lines, 1):
            if first in line:
                return i
        return None

    def table_line(self, name: str, index: int = 0) -> int:
        """Line of the ``index``-th ``[[name]]`` array-of-tables header."""
        seen = -1
        pat = re.compile(rf"^\s*\[\[\s*{re.escape(name)}\s*\]\]\s*(#.*)?$")
        for i, line in enumerate(self.lines, 1):
            if pat.match(line):
                seen += 1
                if seen == index:
                    return i
        return 1

    def key_in_table(self, name: str, index: int, key: str) -> int:
        """Line of ``key`` inside the ``index``-th ``[[name]]`` table (its header line if absent)."""
        start = self.table_line(name, index)
        for i in range(start, len(self.lines)):
            line = self.lines[i]
            if re.match(r"^\s*\[", line):
                break
            if re.match(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=", line):
                return i + 1
        return start


# -- pattern helpers ------------------------------------------------------------------------------

WORD_BEFORE = r"(?<![\p{L}\p{N}_])"
WORD_AFTER = r"(?![\p{L}\p{N}_])"


def literal_pattern(phrase: str) -> str:
    """A literal phrase as a pattern: any run of spaces matches a space, ``'`` matches ``’`` too."""
    out = []
    for i, part in enumerate(phrase.split()):
        if i:
            out.append(r"[\s\u00a0\u202f]+")
        out.append("".join("['’]" if ch in "'’" else regex.escape(ch) for ch in part))
    return "".join(out)


def literal_alternation(tokens: Iterable[str], nonword: bool = False) -> str:
    """Literal phrases as one word-bounded alternation, longest first."""
    alts = [literal_pattern(tok) for tok in sorted(set(tokens), key=lambda t: (-len(t), t)) if tok.strip()]
    body = "|".join(alts)
    if nonword:
        return f"(?:{body})"
    return rf"{WORD_BEFORE}(?:{body}){WORD_AFTER}"


def normalise_phrase(text: str) -> str:
    """Key under which a matched phrase is looked up: spaces collapsed, ``’`` as ``'``."""
    return " ".join(text.replace("’", "'").split())


def match_case(found: str, suggestion: str) -> str:
    """Give ``suggestion`` the case pattern of ``found`` (ALL CAPS, or a capital first letter)
    and its apostrophe style."""
    if "’" in found and "'" in suggestion:
        suggestion = suggestion.replace("'", "’")
    letters = [c for c in found if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters) and not any(c.isupper() for c in suggestion[1:]):
        return suggestion.upper()
    if found[:1].isupper() and suggestion[:1].islower():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


class DeclarativeRule(Rule):
    """A rule defined by a TOML file. Subclasses implement :meth:`configure` and :meth:`check`.

    Subclasses may set ``default_message`` (then ``message`` is optional in the file) and implement
    :meth:`rewrite` to support prh-style ``[[specs]]`` self-tests (``from`` → ``to``).
    """

    type_name: ClassVar[str] = ""
    #: keys this type accepts on top of the common ones
    type_keys: ClassVar[set[str]] = set()
    #: message used when the file gives none ("" = the file must give one)
    default_message: ClassVar[str] = ""

    def __init__(self, data: Mapping[str, Any], path: Path, where: KeyLocator, *, variant: bool = False) -> None:
        self.data = dict(data)
        self._variants: dict[str, DeclarativeRule] = {}
        self.path = path
        self.where = where
        self.errors: list[RuleFileError] = []
        self.id = str(data.get("id") or "")  # type: ignore[misc]
        self.category = str(data.get("category") or "style")  # type: ignore[misc]
        self.severity = data.get("severity") or data.get("level") or "warning"  # type: ignore[misc]
        langs = data.get("languages") or []
        self.languages = frozenset(x for x in (langs if isinstance(langs, list) else [langs]) if isinstance(x, str))  # type: ignore[misc]
        self.enabled_by_default = bool(data.get("enabled", True))  # type: ignore[misc]
        scope = data.get("scope") or ["title", "body"]
        self.scope = [scope] if isinstance(scope, str) else list(scope) if isinstance(scope, list) else []
        self.fields = tuple(  # type: ignore[misc]
            f for f in FIELDS if f in self.scope or (f == "body" and ({"lede", "quotes", "outside-quotes"} & set(self.scope)))
        )
        self.message = str(data.get("message") or self.default_message)
        self.timeout = PATTERN_TIMEOUT
        self.confidence: float | None = None
        sup = data.get("supersedes", [])
        self.supersedes = tuple(sup) if isinstance(sup, list) else (sup,) if isinstance(sup, str) else ()  # type: ignore[misc]
        self.tests = list(data.get("tests") or []) if isinstance(data.get("tests", []), list) else []
        self._validate_common()
        self.configure()
        if not self.errors and not variant:
            self._validate_tests()
        if not self.errors and not variant and "specs" in self.type_keys:
            self._run_specs()

    # -- validation helpers ---------------------------------------------------------------------
    def error(self, key: str, message: str, line: int | None = None) -> None:
        self.errors.append(RuleFileError(self.path, line or self.where.line_of(key), message))

    def _validate_common(self) -> None:
        from ..rule import RULE_ID

        unknown = set(self.data) - COMMON_KEYS - self.type_keys
        for key in sorted(unknown):
            known = ", ".join(sorted((COMMON_KEYS | self.type_keys) - {"level", "description"}))
            self.error(key, f"unknown key '{key}' for a rule of type '{self.type_name}' (known: {known})")
        if not isinstance(self.data.get("id"), str) or not RULE_ID.match(self.id):
            self.error("id", f"id {self.data.get('id')!r} must look like <family>.<name> (lowercase, e.g. house.banned-words)")
        if self.severity not in ("error", "warning", "info"):
            self.error("severity" if "severity" in self.data else "level", f"severity {self.severity!r} must be error, warning or info")
        if not isinstance(self.data.get("category", "style"), str) or not self.category.strip():
            self.error("category", "category must be a non-empty string such as \"style\"")
        scope = self.data.get("scope", ["title", "body"])
        if isinstance(scope, str):
            scope = [scope]
        if not isinstance(scope, list) or not scope or not all(isinstance(s, str) for s in scope):
            self.error("scope", f"scope must be a list of: {', '.join(SCOPES)}")
        else:
            for s in scope:
                if s not in SCOPES:
                    self.error("scope", f"unknown scope {s!r} (known: {', '.join(SCOPES)})")
        langs = self.data.get("languages", [])
        if not isinstance(langs, list) or not all(isinstance(x, str) for x in langs):
            self.error("languages", "languages must be a list such as [\"fr\", \"en\"]")
        else:
            for lang in langs:
                if lang not in SUPPORTED_LANGUAGES:
                    self.error("languages", f"unsupported language {lang!r} (supported: {', '.join(SUPPORTED_LANGUAGES)})")
        if not isinstance(self.data.get("message", ""), str):
            self.error("message", "message must be a string")
        elif not self.message:
            self.error("message", "a rule needs a message (it may use {match})", line=1)
        for key in DOC_KEYS:
            value = self.data.get(key)
            table = next((t for t, v in self.data.items() if isinstance(v, dict) and key in v), None)
            if value is None and table is not None:
                self.error(key, f"'{key}' ended up inside the [{table}] table: in TOML every key after a [table] "
                                f"header belongs to that table; move the top-level keys above [{table}]")
            elif not isinstance(value, str) or not value.strip():
                self.error(key, f"documentation key '{key}' is missing or empty (every rule file needs what, why, example, instead)", line=1 if key not in self.data else None)
        if "enabled" in self.data and not isinstance(self.data["enabled"], bool):
            self.error("enabled", "enabled must be true or false")
        if "supersedes" in self.data and not (
            isinstance(self.data["supersedes"], list) and all(isinstance(s, str) for s in self.data["supersedes"])
        ):
            self.error("supersedes", "supersedes must be a list of rule id prefixes, e.g. [\"spelling.\"]")
        if "timeout" in self.data:
            t = self.data["timeout"]
            if isinstance(t, bool) or not isinstance(t, (int, float)) or not 0 < t <= 10:
                self.error("timeout", "timeout must be a number of seconds between 0 and 10")
            else:
                self.timeout = float(t)
        if "confidence" in self.data:
            c = self.data["confidence"]
            if isinstance(c, bool) or not isinstance(c, (int, float)) or not 0 <= c <= 1:
                self.error("confidence", "confidence must be a number between 0 and 1")
            else:
                self.confidence = float(c)
        if "tests" in self.data and (not isinstance(self.data["tests"], list) or not all(isinstance(t, dict) for t in self.data["tests"])):
            self.error("tests", "tests must be written as [[tests]] tables")

    def _validate_tests(self) -> None:
        for i, case in enumerate(self.tests):
            line = self.where.table_line("tests", i)
            for key in sorted(set(case) - TEST_KEYS):
                self.error("tests", f"test {i + 1}: unknown key '{key}' (known: {', '.join(sorted(TEST_KEYS))})",
                           line=self.where.key_in_table("tests", i, key))
            if not isinstance(case.get("text"), str):
                self.error("tests", f"test {i + 1}: 'text' (the article text) is missing or not a string", line=line)
            if case.get("field", "body") not in FIELDS:
                self.error("tests", f"test {i + 1}: field must be \"title\" or \"body\"", line=self.where.key_in_table("tests", i, "field"))
            if "title" in case and (not isinstance(case["title"], str) or case.get("field") == "title"):
                self.error("tests", f"test {i + 1}: 'title' must be a string, for a case whose text is the body",
                           line=self.where.key_in_table("tests", i, "title"))
            lang = case.get("lang")
            if lang is not None and (lang not in SUPPORTED_LANGUAGES or (self.languages and lang not in self.languages)):
                allowed = sorted(self.languages) or list(SUPPORTED_LANGUAGES)
                self.error("tests", f"test {i + 1}: lang {lang!r} is not one of the rule's languages ({', '.join(allowed)})",
                           line=self.where.key_in_table("tests", i, "lang"))
            if "expect" not in case:
                self.error("tests", f"test {i + 1}: 'expect' is missing (a list of expected excerpts, or [] for none)", line=line)
                continue
            expect = case["expect"]
            ok = isinstance(expect, list) and all(
                isinstance(e, str)
                or (isinstance(e, dict) and isinstance(e.get("excerpt"), str) and not set(e) - EXPECT_KEYS)
                for e in expect
            )
            if not ok:
                self.error("tests", f"test {i + 1}: expect must be a list of excerpts (strings or {{excerpt = ..., suggestions = [...]}})",
                           line=self.where.key_in_table("tests", i, "expect"))

    def _run_specs(self) -> None:
        specs = self.data.get("specs", [])
        if not isinstance(specs, list) or not all(isinstance(s, dict) for s in specs):
            self.error("specs", "specs must be written as [[specs]] tables with 'from' and 'to'")
            return
        for i, spec in enumerate(specs):
            line = self.where.table_line("specs", i)
            if set(spec) != {"from", "to"} or not all(isinstance(v, str) for v in spec.values()):
                self.error("specs", f"spec {i + 1}: a spec has exactly two strings, 'from' and 'to'", line=line)
                continue
            try:
                got = self.rewrite(spec["from"])
            except TimeoutError as exc:
                self.error("specs", f"spec {i + 1}: {exc}", line=line)
                continue
            if got != spec["to"]:
                self.error("specs", f"spec {i + 1}: {spec['from']!r} becomes {got!r}, not {spec['to']!r}", line=line)

    def compile(self, key: str, pattern: str, flags: int = 0, line: int | None = None) -> "regex.Pattern[str] | None":
        try:
            return regex.compile(pattern, flags | regex.V1)
        except regex.error as exc:
            self.error(key, f"invalid pattern {pattern!r}: {exc}", line=line or self.where.text_line(pattern))
            return None

    def compile_tokens_and_patterns(self, nonword: bool = False) -> list["regex.Pattern[str]"]:
        """The ``tokens`` (whole-word literal phrases) and ``patterns`` (regexes) of a matching rule."""
        tokens = self.str_list("tokens")
        patterns = self.str_list("patterns")
        if not tokens and not patterns and not self.errors:
            self.error("tokens", f"an {self.type_name} rule needs 'tokens' or 'patterns'", line=1)
        flags = regex.IGNORECASE if self.flag("ignorecase") else 0
        compiled = []
        if tokens:
            compiled.append(self.compile("tokens", literal_alternation(tokens, nonword), flags))
        compiled.extend(self.compile("patterns", pat, flags | regex.MULTILINE) for pat in patterns)
        return [p for p in compiled if p is not None]

    def str_list(self, key: str, required: bool = False, data: Mapping[str, Any] | None = None, line: int | None = None) -> list[str]:
        value = (self.data if data is None else data).get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.error(key, f"'{key}' must be a list of strings", line=line)
            return []
        if required and not value:
            self.error(key, f"'{key}' must list at least one entry", line=line or (None if key in self.data else 1))
        return value

    def flag(self, key: str, default: bool = False) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            self.error(key, f"'{key}' must be true or false")
            return default
        return value

    def number(self, key: str, *, minimum: float = 0, integer: bool = False) -> float | None:
        if key not in self.data:
            return None
        value = self.data[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (integer and not isinstance(value, int)) or value < minimum:
            kind = "a whole number" if integer else "a number"
            self.error(key, f"'{key}' must be {kind} >= {minimum:g}")
            return None
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

    def run(self, ctx: Context) -> Iterable[Any]:  # pragma: no cover - interface
        """Yield the findings of this rule file on one article."""
        raise NotImplementedError

    def check(self, ctx: Context) -> Iterable[Any]:
        """Run the rule, with the keys a config overrides (``[tool.auditor.rule."<id>"] max = 3``)."""
        return self.with_options(ctx.options).run(ctx)

    def with_options(self, options: Mapping[str, Any]) -> "DeclarativeRule":
        """This rule with some of its type's keys (and ``message``) replaced, validated like the file."""
        overrides = {k: v for k, v in options.items() if self.data.get(k) != v}
        if not overrides:
            return self
        unknown = sorted(set(overrides) - (self.type_keys - {"specs"}) - {"message"})
        if unknown:
            raise ValueError(
                f"config sets {', '.join(unknown)} for {self.id}, which a {self.type_name} rule does not take "
                f"(it takes: {', '.join(sorted((self.type_keys - {'specs'}) | {'message'}))})"
            )
        key = repr(sorted(overrides.items()))
        variant = self._variants.get(key)
        if variant is None:
            variant = type(self)({**self.data, **overrides}, self.path, self.where, variant=True)
            if variant.errors:
                raise ValueError(f"config options for {self.id}: " + "; ".join(e.message for e in variant.errors))
            variant.plugin = self.plugin
            self._variants[key] = variant
        return variant

    def rewrite(self, text: str) -> str:
        """``text`` with every finding replaced by its first suggestion (for ``[[specs]]``)."""
        raise NotImplementedError

    def regions(self, ctx: Context) -> Iterator[tuple[str, int, int]]:
        """The (field, start, end) regions the rule's scope covers, in text order, not overlapping."""
        for field in self.fields:
            text = ctx.text(field)
            if field == "title":
                if "title" in self.scope:
                    yield field, 0, len(text)
                continue
            if "body" in self.scope:
                yield field, 0, len(text)
                continue
            spans: list[tuple[int, int]] = []
            if "lede" in self.scope:
                spans.append(lede_span(text))
            quotes = ctx.analysis.raw_quotes(field) if {"quotes", "outside-quotes"} & set(self.scope) else []
            if "quotes" in self.scope:
                spans.extend((q.start, q.end) for q in quotes)
            if "outside-quotes" in self.scope:
                pos = 0
                for q in quotes:
                    spans.append((pos, q.start))
                    pos = q.end
                spans.append((pos, len(text)))
            for start, end in merge_spans(spans):
                yield field, start, end

    def finditer(self, pattern: "regex.Pattern[str]", text: str, start: int = 0, end: int | None = None) -> Iterator["regex.Match[str]"]:
        """Matches of ``pattern`` in ``text[start:end]``, stopped after the rule's timeout."""
        end = len(text) if end is None else end
        try:
            yield from pattern.finditer(text, start, end, timeout=self.timeout)
        except TimeoutError:
            raise PatternTimeout(
                f"pattern {pattern.pattern[:60]!r} of {self.path.name} ran over {self.timeout:g}s "
                f"(catastrophic backtracking?) and was stopped"
            ) from None

    def format_message(self, **values: Any) -> str:
        try:
            return self.message.format(**values)
        except (KeyError, IndexError, ValueError, AttributeError):
            return self.message

    def make_finding(self, ctx: Context, field: str, start: int, end: int, suggestions: Iterable[str] = (), **values: Any):
        text = ctx.text(field)
        values.setdefault("match", text[start:end])
        return ctx.finding(
            field, start, end, self.format_message(**values),
            suggestions=list(suggestions), confidence=self.confidence,
        )


def lede_span(text: str) -> tuple[int, int]:
    """The first paragraph of a body (leading blank lines skipped)."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n\n", start)
    return start, len(text) if end < 0 else end


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(sp for sp in spans if sp[1] > sp[0]):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def words_in(ctx: Context, regions: Iterable[tuple[str, int, int]]) -> int:
    """Number of words (``ctx.analysis.words``) inside the regions."""
    total = 0
    for field, start, end in regions:
        total += sum(1 for w in ctx.analysis.words(field) if start <= w.start and w.end <= end)
    return total


def per_words(limit: float, words: int) -> int:
    """A per-1,000-words limit scaled to an article of ``words`` words, rounded up."""
    return math.ceil(limit * words / 1000)


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
        return None, sorted(set(rule.errors), key=lambda e: (e.line, e.message))
    return rule, []


def rule_files(folder: Path) -> list[Path]:
    """The ``*.toml`` rule files under ``folder`` (hidden folders skipped)."""
    folder = Path(folder)
    if folder.is_file():
        return [folder]
    return [
        p for p in sorted(folder.rglob("*.toml"))
        if not any(part.startswith(".") for part in p.relative_to(folder).parts)
    ]


def load_rule_pack(folder: Path) -> tuple[list[DeclarativeRule], list[RuleFileError]]:
    """Every ``*.toml`` rule file under ``folder`` (lexicon and data files are not ``.toml``)."""
    rules: list[DeclarativeRule] = []
    errors: list[RuleFileError] = []
    for path in rule_files(folder):
        rule, errs = load_rule_file(path)
        errors.extend(errs)
        if rule is not None:
            rules.append(rule)
    return rules, errors


def iter_test_cases(rule: DeclarativeRule) -> Iterable[Mapping[str, Any]]:
    return rule.tests
