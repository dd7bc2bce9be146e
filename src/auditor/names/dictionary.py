"""The newsroom names dictionary, as ``names.inconsistent-spelling`` reads it.

The dictionary itself is a declarative rule file of type ``names`` (``rules/names/dictionary.toml``,
rule ``names.dictionary``, see :mod:`auditor.declarative.names`): canonical spellings, their known
wrong variants, prh-style ``[[specs]]`` self-tests checked when the file loads, and test cases. A
newsroom adds its own ``names`` rule files to any rules folder of its config.

This module only collects the canonical spellings of every ``names`` rule file the config sees, so
that the inconsistency rule takes them as the right spelling of a group of variants.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from ..resources import builtin_rules_dir

if TYPE_CHECKING:
    from ..config import Config


def names_rule_files(config: "Config | None") -> list[Path]:
    folders = [builtin_rules_dir()]
    if config is not None:
        folders.extend(p for p in config.rule_dirs if p.is_dir())
    out = []
    for folder in folders:
        for path in sorted(folder.rglob("*.toml")):
            try:
                head = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            if 'type = "names"' in head or "type = 'names'" in head:
                out.append(path)
    return out


def dictionary_canonicals(config: "Config | None") -> tuple[str, ...]:
    """Canonical spellings listed by every ``names`` rule file (built-in and the config's folders)."""
    paths = tuple(names_rule_files(config))
    return _canonicals(paths, tuple(_mtime(p) for p in paths))


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


@functools.lru_cache(maxsize=16)
def _canonicals(paths: tuple[Path, ...], _mtimes: tuple[float, ...]) -> tuple[str, ...]:
    from ..declarative import load_rule_file

    out: list[str] = []
    for path in paths:
        rule, _errors = load_rule_file(path)  # a broken file is reported by the engine's rule loading
        for canonical, _pattern in getattr(rule, "entries", ()) or ():
            if canonical not in out:
                out.append(canonical)
    return tuple(out)
