"""Public helpers to test rules, for auditor's own suite and for plugin authors.

Rule test cases are YAML data files (after sqlfluff's ``test/fixtures/rules/std_rule_cases``), one
file per rule::

    rule: house.banned-words
    cases:
      - name: flags_click_here
        lang: en
        body: "Read the report. Click here for more."
        expect: ["Click here"]              # excerpts of the rule's findings, in text order
      - name: headline_only
        title: "Click here to win"
        expect:
          - {excerpt: "Click here", field: title, suggestions: ["Read more"]}
      - name: passes_clean_text
        body: "Nothing to see."
        author: "Jane Doe"                  # optional article metadata
        expect: []

One parametrized test runs every case (see ``tests/test_rule_cases.py``); a plugin package does the
same with :func:`load_cases` and :func:`check_case`. Quick checks from Python::

    from auditor.testing import assert_rule_fires, assert_rule_passes
    assert_rule_fires("house.banned-words", "Click here now.", ["Click here"], lang="en")

A package under test need not be installed: pass its plugin module, ``check_case(case,
plugins=[my_plugin])``. Declarative rule files carry their own ``[[tests]]``; run them with
:func:`rule_file_cases` / :func:`assert_rule_files_pass` (or ``auditor rules test PATH``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

import yaml

from .config import Config
from .model import Article, Finding


@dataclass
class RuleCase:
    """One test case of one rule."""

    rule: str
    name: str
    title: str = ""
    body: str = ""
    lang: str | None = None
    author: str | None = None
    expect: list[dict[str, Any]] = field(default_factory=list)
    config: dict[str, Any] = field(default_factory=dict)
    source: str = ""

    @property
    def id(self) -> str:
        return f"{self.rule}::{self.name}"


def _expectation(item: Any) -> dict[str, Any]:
    if isinstance(item, str):
        return {"excerpt": item}
    if isinstance(item, dict) and "excerpt" in item:
        return dict(item)
    raise ValueError(f"an expectation must be an excerpt or a mapping with 'excerpt', not {item!r}")


def load_cases(path: str | Path) -> list[RuleCase]:
    """Read a YAML case file (``rule:`` + ``cases:``)."""
    path = Path(path)
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    rule = data.get("rule")
    if not rule:
        raise ValueError(f"{path}: a case file starts with 'rule: <id>'")
    cases = []
    for i, raw in enumerate(data.get("cases") or []):
        cases.append(
            RuleCase(
                rule=raw.get("rule", rule),
                name=str(raw.get("name") or f"case{i}"),
                title=raw.get("title", "") or "",
                body=raw.get("body", "") or "",
                lang=raw.get("lang", data.get("lang")),
                author=raw.get("author"),
                expect=[_expectation(e) for e in (raw.get("expect") or [])],
                config={**(data.get("config") or {}), **(raw.get("config") or {})},
                source=str(path),
            )
        )
    return cases


def load_case_folder(folder: str | Path) -> list[RuleCase]:
    out: list[RuleCase] = []
    for path in sorted(Path(folder).glob("*.y*ml")):
        out.extend(load_cases(path))
    return out


_PLUGINS: dict[str, Any] = {}


@functools.lru_cache(maxsize=8)
def _auditor(rule_dirs: tuple[str, ...] = (), config_items: tuple = (), plugin_names: tuple[str, ...] = ()):
    from .config import config_from_mapping
    from .engine import Auditor

    config = config_from_mapping(_thaw(dict(config_items))) if config_items else Config()
    config.rule_dirs.extend(Path(d) for d in rule_dirs)
    if plugin_names:
        # the plugins under test are registered directly; an installed copy must not shadow them
        config.load_entry_points = False
    return Auditor(config, extra_plugins=[(_PLUGINS[n], n) for n in plugin_names])


def get_auditor(rule_dirs: Sequence[str | Path] = (), config: dict[str, Any] | None = None,
                plugins: Sequence[Any] = ()):
    """A cached :class:`~auditor.engine.Auditor` (building one is cheap, but models load once).

    :param rule_dirs: extra rules folders (``*.toml`` rule files and ``*.py`` plugin files).
    :param config: settings as in ``[tool.auditor]`` (e.g. ``{"vocabulary": ["Rekognition"]}``).
    :param plugins: plugin modules or objects to register directly (a package under test need not
        be installed); installed entry-point plugins are then not loaded.
    """
    items = tuple(sorted((k, _freeze(v)) for k, v in (config or {}).items()))
    names = []
    for plugin in plugins:
        name = getattr(plugin, "__name__", None) or f"{type(plugin).__module__}.{type(plugin).__qualname__}"
        _PLUGINS[name] = plugin
        names.append(name)
    return _auditor(tuple(str(d) for d in rule_dirs), items, tuple(names))


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return _FrozenDict((k, _freeze(v)) for k, v in sorted(value.items()))
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


class _FrozenDict(dict):
    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(self.items()))


def _thaw(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


def rule_findings(rule_id: str, title: str = "", body: str = "", lang: str | None = None,
                  rule_dirs: Sequence[str | Path] = (), config: dict[str, Any] | None = None,
                  plugins: Sequence[Any] = (), author: str | None = None) -> list[Finding]:
    """The findings of one rule on a small article (every other rule's findings are dropped).

    A rule that is off by default (``enabled_by_default = False``, ``enabled = false``) is switched
    on for the call, so that it can be tested.
    """
    if config:
        config = _thaw(_freeze(config))
    auditor = get_auditor(rule_dirs, config, plugins)
    if rule_id not in auditor.rules:
        raise KeyError(f"no rule {rule_id!r} (known: {', '.join(sorted(auditor.rules))})")
    enable = not auditor.config.is_enabled(rule_id, auditor.rules[rule_id].enabled_by_default)
    if enable:
        auditor.config.enable.add(rule_id)
    try:
        report = auditor.audit(Article(title=title, body=body, lang=lang, author=author, source="<test>"))
    finally:
        if enable:
            auditor.config.enable.discard(rule_id)
    errors = [e for e in report.errors if e.rule == rule_id]
    if errors:
        raise AssertionError(f"{rule_id} failed: {errors[0].message}")
    return [f for f in report.findings if f.rule == rule_id]


def check_case(case: RuleCase, rule_dirs: Sequence[str | Path] = (), plugins: Sequence[Any] = ()) -> None:
    """Assert that a case's rule produces exactly the expected findings, with a readable diff.

    :param plugins: plugin modules to register directly (see :func:`get_auditor`).
    """
    found = rule_findings(case.rule, case.title, case.body, case.lang, rule_dirs, case.config or None, plugins,
                          author=case.author)
    problems = []
    for f in found:
        text = case.title if f.field == "title" else case.body
        if text[f.start : f.end] != f.excerpt:
            problems.append(f"span {f.start}:{f.end} does not match excerpt {f.excerpt!r}")
    got = [{"excerpt": f.excerpt, "field": f.field, "suggestions": list(f.suggestions)} for f in found]
    want = case.expect
    mismatch = len(got) != len(want) or any(
        g["excerpt"] != w["excerpt"]
        or ("field" in w and g["field"] != w["field"])
        or ("suggestions" in w and list(w["suggestions"]) != g["suggestions"][: len(w["suggestions"])])
        for g, w in zip(got, want)
    )
    if mismatch or problems:
        lines = [f"{case.id} ({case.source})"]
        lines += [f"  expected: {w}" for w in want] or ["  expected: no finding"]
        lines += [f"  got:      {g}  — {f.message}" for g, f in zip(got, found)] or ["  got:      no finding"]
        lines += [f"  problem:  {p}" for p in problems]
        raise AssertionError("\n".join(lines))


def assert_rule_fires(rule_id: str, body: str, excerpts: Iterable[str], *, title: str = "",
                      lang: str | None = None, rule_dirs: Sequence[str | Path] = (),
                      plugins: Sequence[Any] = ()) -> list[Finding]:
    """Assert that the rule flags exactly ``excerpts`` (in text order) and return its findings."""
    found = rule_findings(rule_id, title, body, lang, rule_dirs, plugins=plugins)
    got = [f.excerpt for f in found]
    assert got == list(excerpts), f"{rule_id}: expected {list(excerpts)}, got {got}"
    return found


def assert_rule_passes(rule_id: str, body: str, *, title: str = "", lang: str | None = None,
                       rule_dirs: Sequence[str | Path] = (), plugins: Sequence[Any] = ()) -> None:
    """Assert that the rule flags nothing."""
    found = rule_findings(rule_id, title, body, lang, rule_dirs, plugins=plugins)
    assert not found, f"{rule_id}: expected no finding, got {[(f.excerpt, f.message) for f in found]}"


# -- declarative rule files ------------------------------------------------------------------------


def rule_file_cases(*paths: str | Path) -> list[Any]:
    """Every ``[[tests]]`` case of the rule files under ``paths``, run (for ``pytest.mark.parametrize``).

    Each item is a :class:`auditor.declarative.selftest.CaseResult` with ``.ok``, ``.id`` and
    ``.diff()``. A malformed rule file raises :class:`ValueError` naming its ``file:line``::

        CASES = rule_file_cases("my_package/rules")

        @pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
        def test_rule_file_case(case):
            assert case.ok, case.diff()
    """
    from .declarative.selftest import run_paths

    suite = run_paths([Path(p) for p in paths])
    if suite.file_errors:
        raise ValueError("malformed rule file(s):\n" + "\n".join(str(e) for e in suite.file_errors))
    return suite.results


def assert_rule_files_pass(*paths: str | Path) -> None:
    """Assert that every ``[[tests]]`` case of the rule files under ``paths`` passes."""
    failures = [r.diff() for r in rule_file_cases(*paths) if not r.ok]
    assert not failures, "\n\n".join(failures)
