"""Declarative rules: one TOML file per rule, after Vale's extension points.

A rule file names its ``type`` (an extension point: ``existence``, ``substitution``,
``consistency``, ``occurrence``, ``capitalization``, ``conditional``, ``names`` — see
:mod:`auditor.declarative.types`), its id, category, severity, languages, scope, message,
documentation and its own test cases::

    id = "house.banned-words"
    type = "existence"
    category = "style"
    severity = "warning"
    languages = ["fr", "en"]
    scope = ["body"]                  # title, lede, body, quotes, outside-quotes
    message = "Avoid '{match}'."
    tokens = ["click here", "cliquez ici"]
    ignorecase = true

    what = "Flags phrases the house style bans."
    why = "..."
    example = "..."
    instead = "..."

    [[tests]]
    text = "Pour en savoir plus, cliquez ici."
    expect = ["cliquez ici"]

Common optional keys: ``enabled`` (false = off until a config enables it), ``supersedes``,
``timeout`` (seconds a pattern may run, default :data:`~auditor.declarative.base.PATTERN_TIMEOUT`),
``confidence``, ``link``.

A config overrides a file's type keys (and ``message``) like a Python rule's options::

    [tool.auditor.rule."house.exclamations"]
    max = 3

Files are validated when they load; every problem is reported as ``file:line: message``. Patterns
use the ``regex`` module and run with a timeout: a pattern that backtracks catastrophically is
stopped and reported in the report's ``errors`` while the other rules still run.
"""

from .base import (
    PATTERN_TIMEOUT,
    SCOPES,
    DeclarativeRule,
    PatternTimeout,
    RuleFileError,
    load_rule_file,
    load_rule_pack,
    register_type,
    rule_types,
)

__all__ = [
    "PATTERN_TIMEOUT",
    "SCOPES",
    "DeclarativeRule",
    "PatternTimeout",
    "RuleFileError",
    "load_rule_file",
    "load_rule_pack",
    "register_type",
    "rule_types",
]
