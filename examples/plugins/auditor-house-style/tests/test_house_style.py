"""The house-style rules, tested with auditor's public helpers (auditor.testing)."""

from pathlib import Path

import pytest

from auditor.testing import assert_rule_fires, check_case, load_case_folder, rule_file_cases
from auditor_house_style import plugin

# The Python rule: YAML cases (tests/rule_cases/*.yml), run with the plugin registered directly.
CASES = load_case_folder(Path(__file__).parent / "rule_cases")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_python_rule_case(case):
    check_case(case, plugins=[plugin])


# The TOML rules: every [[tests]] case the rule files carry.
FILE_CASES = rule_file_cases(plugin.RULES_DIR)


@pytest.mark.parametrize("result", FILE_CASES, ids=[r.id for r in FILE_CASES])
def test_rule_file_case(result):
    assert result.ok, result.diff()


def test_rule_pack_rules_run_through_the_engine():
    # the rule-pack hook ships the TOML files: they run inside a full audit like built-in rules
    found = assert_rule_fires(
        "house.local-names", "Rendez-vous à St Aubin du Val.", ["St Aubin du Val"], lang="fr", plugins=[plugin]
    )
    assert found[0].suggestions == ("Saint-Aubin-du-Val",)
