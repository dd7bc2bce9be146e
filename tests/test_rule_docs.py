"""Every rule, Python or declarative, is documented in the fixed sections and well declared."""

from __future__ import annotations

import pytest

from auditor.config import Config
from auditor.engine import Auditor
from auditor.rule import DOC_SECTIONS, parse_doc_sections, validate_rule

AUDITOR = Auditor(Config(load_entry_points=False))


def test_no_plugin_or_rule_file_errors():
    assert AUDITOR.rule_file_errors == []
    assert [e for e in AUDITOR.errors if e.kind in ("plugin", "rule-file")] == []


@pytest.mark.parametrize("rule_id", sorted(AUDITOR.rules))
def test_rule_is_documented(rule_id):
    rule = AUDITOR.rules[rule_id]
    assert validate_rule(rule) == []
    sections = parse_doc_sections(rule.documentation())
    for name in DOC_SECTIONS:
        assert sections.get(name, "").strip(), f"{rule_id}: empty section {name!r}"
    assert rule.summary()
