"""docs/rules.md is generated from the rules (python -m auditor.docs): it must be current and
document every built-in rule, Python and TOML, in the four sections."""

from __future__ import annotations

import re

import pytest

from auditor import docs
from auditor.rule import DOC_SECTIONS, Rule

FIX = f"run `{docs.REGENERATE}` (or `.venv/bin/python -m auditor.docs`) and commit docs/rules.md"
RULES = docs.builtin_rules()
GENERATED = docs.generate(RULES)
CURRENT = docs.default_output().read_text(encoding="utf-8") if docs.default_output().exists() else ""


def sections_of(text: str) -> dict[str, str]:
    parts = re.split(r"^### `([^`]+)`\n", text, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2]))


def test_reference_is_current():
    if CURRENT == GENERATED:
        return
    current, generated = sections_of(CURRENT), sections_of(GENERATED)
    missing = sorted(set(generated) - set(current))
    gone = sorted(set(current) - set(generated))
    changed = sorted(r for r in set(current) & set(generated) if current[r] != generated[r])
    pytest.fail(
        f"docs/rules.md is stale: {FIX}.\n"
        f"  rules missing from it: {missing or 'none'}\n"
        f"  rules it lists that no longer exist: {gone or 'none'}\n"
        f"  rules whose documentation changed: {changed or 'none'}"
    )


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_every_rule_has_a_complete_section(rule_id):
    section = sections_of(GENERATED).get(rule_id)
    assert section is not None, f"{rule_id} is missing from the generated reference"
    for name in DOC_SECTIONS:
        m = re.search(rf"^\*\*{re.escape(name)}\*\*\n\n(.+?)(?=^\*\*|\Z)", section, re.M | re.S)
        assert m and m.group(1).strip(), f"{rule_id}: empty or missing section {name!r} in its docstring or rule file"


def test_both_kinds_of_rules_are_covered():
    kinds = {"file" if getattr(r, "path", None) else "python" for r in RULES.values()}
    assert kinds == {"file", "python"}


def test_a_rule_without_a_section_cannot_be_documented():
    class Undocumented(Rule):
        """Does things.

        What it does
        ------------
        Something.
        """

        id = "demo.undocumented"

    with pytest.raises(ValueError, match="lacks the section 'Why it matters'"):
        docs.generate({"demo.undocumented": Undocumented()})


def test_check_mode_reports_staleness_with_the_fix(tmp_path, capsys):
    out = tmp_path / "rules.md"
    out.write_text("old\n", encoding="utf-8")
    assert docs.main(["--check", "--output", str(out)]) == 1
    assert docs.REGENERATE in capsys.readouterr().err
    assert docs.main(["--output", str(out)]) == 0
    assert docs.main(["--check", "--output", str(out)]) == 0
