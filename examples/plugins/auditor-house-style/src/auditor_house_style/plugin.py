"""The plugin module named by the ``auditor`` entry point: two hooks, nothing else."""

from __future__ import annotations

from pathlib import Path

from auditor import hookimpl

from .byline import Byline

RULES_DIR = Path(__file__).resolve().parent / "rules"


@hookimpl
def auditor_rules(config):
    """The Python rules."""
    return [Byline]


@hookimpl
def auditor_rule_packs(config):
    """The declarative rules: every ``*.toml`` file in ``rules/``."""
    return [RULES_DIR]
