"""Every rule's YAML test cases (tests/rule_cases/*.yml), one parametrized test per case."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.testing import check_case, load_case_folder

CASES = load_case_folder(Path(__file__).parent / "rule_cases")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule_case(case):
    check_case(case)
