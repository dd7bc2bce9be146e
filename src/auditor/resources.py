"""Where the built-in rule packs and lexicons live, installed or in a source checkout."""

from __future__ import annotations

import functools
from pathlib import Path


@functools.cache
def builtin_rules_dir() -> Path:
    """The built-in ``rules/`` folder: inside the wheel (``auditor/_rules``) or at the repository root."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_rules", here.parent.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("auditor's built-in rules folder is missing from this installation")


@functools.cache
def lexicon(name: str, missing_ok: bool = False) -> tuple[str, ...]:
    """A word list from ``rules/lexicons/<name>.txt``: one entry a line, ``#`` starts a comment.

    With ``missing_ok``, a lexicon that does not exist (a language a family has no list for) is empty.
    """
    path = builtin_rules_dir() / "lexicons" / f"{name}.txt"
    if missing_ok and not path.is_file():
        return ()
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            entries.append(line)
    return tuple(entries)
