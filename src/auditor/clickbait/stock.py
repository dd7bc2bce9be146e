"""Stock clickbait phrases, read from the declarative rule ``rules/clickbait/stock-phrases.toml``.

That file is both a rule of its own (``clickbait.stock-phrase``, which flags every match) and a cue
source for the headline score, so the phrases are written once.
"""

from __future__ import annotations

import functools

from ..declarative import load_rule_file
from ..resources import builtin_rules_dir


@functools.cache
def _stock_rule():  # type: ignore[no-untyped-def]
    rule, _errors = load_rule_file(builtin_rules_dir() / "clickbait" / "stock-phrases.toml")
    return rule


def stock_matches(title: str, lang: str) -> list[tuple[int, int]]:
    rule = _stock_rule()
    if rule is None:
        return []
    out = []
    for pattern in rule.patterns:
        for m in pattern.finditer(title):
            if m.end() > m.start():
                out.append((m.start(), m.end()))
    return out
