"""``--format gitlab``: GitLab Code Quality report (a JSON array of issues).

Each finding is an issue with ``description``, ``check_name`` (the rule id), a ``fingerprint``
(stable: the article's path, the rule, the normalised excerpt and its nearby words on the same line,
and an occurrence index — line numbers are not used, so an issue keeps its identity when other
paragraphs move; see :mod:`auditor.fingerprint`), ``severity`` (error → major, warning → minor,
info → info), ``categories`` and ``location`` with begin/end positions. GitLab shows the issues
that a merge request adds or fixes in its widget.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ._common import items, suggestion

if TYPE_CHECKING:
    from ..engine import RunReport
    from . import FormatOptions

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}
CATEGORY_NAMES = {
    "spelling": "Style",
    "grammar": "Style",
    "typography": "Style",
    "style": "Style",
    "names": "Bug Risk",
    "attribution": "Bug Risk",
    "clickbait": "Clarity",
    "boilerplate": "Clarity",
}


def build_gitlab(run: "RunReport") -> list[dict]:
    out = []
    for it in items(run, with_path=True):
        f = it.finding
        end_line, end_col = it.report.article.position(f.field, f.end) if f.end > f.start else (f.line, f.column)
        description = f.message
        if f.suggestions:
            description += " — suggestion: " + " | ".join(suggestion(x) for x in f.suggestions[:3])
        issue = {
            "type": "issue",
            "description": description,
            "check_name": f.rule,
            "fingerprint": it.fingerprint,
            "severity": SEVERITIES.get(f.severity, "minor"),
            "categories": [CATEGORY_NAMES.get(f.category, "Style")],
            "location": {
                "path": it.path,
                "positions": {
                    "begin": {"line": max(f.line, 1), "column": max(f.column, 1)},
                    "end": {"line": max(end_line, f.line, 1), "column": max(end_col, 1)},
                },
            },
        }
        out.append(issue)
    return out


def render_gitlab(run: "RunReport", options: "FormatOptions") -> str:
    return json.dumps(build_gitlab(run), ensure_ascii=False, indent=2) + "\n"
