"""Every rule file's own [[tests]] cases, one pytest case each: the built-in rules/ folder, the
fixture files exercising every declarative type, and the example plugin's rule pack."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.declarative.base import rule_files
from auditor.declarative.selftest import load_rules, run_case
from auditor.resources import builtin_rules_dir

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = [
    builtin_rules_dir(),
    ROOT / "tests" / "rule_files",
    ROOT / "examples" / "plugins" / "auditor-house-style" / "src" / "auditor_house_style" / "rules",
]
FILES, RULES, ERRORS = load_rules([f for f in FOLDERS if f.is_dir()])
CASES = [(rule, i) for rule in RULES for i in range(len(rule.tests))]


def _case_id(item) -> str:
    rule, i = item
    return f"{rule.id}::{rule.tests[i].get('name') or f'test{i + 1}'}"


def test_rule_files_are_valid():
    assert ERRORS == [], "\n".join(str(e) for e in ERRORS)


def test_every_builtin_rule_file_loads_and_is_tested():
    builtin = rule_files(builtin_rules_dir())
    assert builtin, "no built-in rule file found"
    by_path = {rule.path: rule for rule in RULES}
    for path in builtin:
        rule = by_path.get(path)
        assert rule is not None, f"{path} did not load"
        expects = [case.get("expect") for case in rule.tests]
        assert any(expects), f"{path}: add a [[tests]] case the rule must flag (expect = [...])"
        assert any(e == [] for e in expects), f"{path}: add a [[tests]] case the rule must pass (expect = [])"


@pytest.mark.parametrize("item", CASES, ids=[_case_id(c) for c in CASES])
def test_rule_file_case(item):
    rule, index = item
    result = run_case(rule, index)
    assert result.ok, result.diff()
