"""``--format json``: the stable ``auditor.report/1`` schema (keys may be added, never renamed)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..engine import RunReport
    from . import FormatOptions


def render_json(run: "RunReport", options: "FormatOptions") -> str:
    return json.dumps(run.to_dict(), ensure_ascii=False, indent=2) + "\n"
