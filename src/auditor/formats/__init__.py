"""Report formats. A format is a named object that renders a :class:`~auditor.engine.RunReport`.

Plugins add formats through the ``auditor_formats`` hook; ``--format NAME`` picks one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from ..engine import RunReport


@dataclass(frozen=True)
class Format:
    """``render(run, options)`` returns the report as text; ``color`` says it may use ANSI colour."""

    name: str
    description: str
    render: Callable[["RunReport", "FormatOptions"], str]
    suffix: str = ".txt"


@dataclass(frozen=True)
class FormatOptions:
    color: bool = False
    width: int = 100
    quiet: bool = False
    fail_under: float | None = None


def builtin_formats() -> list[Format]:
    from .json_format import render_json
    from .terminal import render_terminal

    return [
        Format("terminal", "Human-readable report grouped by article and category (default).", render_terminal),
        Format("json", "Stable machine-readable report, schema auditor.report/1.", render_json, ".json"),
    ]
