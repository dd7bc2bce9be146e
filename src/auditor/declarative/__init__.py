"""Declarative rules: one TOML file per rule, after Vale's extension points.

A rule file names its ``type`` (an extension point), its id, category, severity, languages, scope,
message, documentation and its own test cases::

    id = "house.banned-words"
    type = "existence"
    category = "style"
    severity = "warning"
    languages = ["fr", "en"]
    scope = ["body"]
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

Files are validated when they load; every problem is reported as ``file:line: message``.
"""

from .base import DeclarativeRule, RuleFileError, load_rule_file, load_rule_pack, register_type, rule_types

__all__ = ["DeclarativeRule", "RuleFileError", "load_rule_file", "load_rule_pack", "register_type", "rule_types"]
