"""`auditor rules`, `auditor rules test`, `auditor new-rule`, `auditor explain` on TOML rules, and
what `auditor check` does with a malformed rule file and with a pattern that backtracks forever."""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

from typer.testing import CliRunner

from auditor.cli import app
from auditor.resources import builtin_rules_dir

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


DOCS = '''
what = "Flags a thing."
why = "Because."
example = "A thing."
instead = "Another."
'''


def test_rules_lists_and_rules_test_passes_on_builtin_folder():
    res = run("rules")
    assert res.exit_code == 0, res.output
    assert "boilerplate.page-furniture" in res.stdout
    res = run("rules", "test")
    assert res.exit_code == 0, res.output
    assert " 0 failed" in res.stdout
    res = run("rules", "test", builtin_rules_dir(), ROOT / "tests" / "rule_files")
    assert res.exit_code == 0, res.output


def test_breaking_a_case_fails_with_a_readable_diff(tmp_path):
    src = builtin_rules_dir() / "boilerplate" / "page-furniture.toml"
    broken = tmp_path / "page-furniture.toml"
    text = src.read_text(encoding="utf-8")
    assert 'expect = ["Related", "Click here"]' in text
    broken.write_text(text.replace('expect = ["Related", "Click here"]', 'expect = ["Related", "Read more"]'), encoding="utf-8")
    res = run("rules", "test", broken)
    assert res.exit_code == 1, res.output
    out = res.stdout
    line = text[: text.index('expect = ["Related", "Click here"]')].count("\n") - 1  # its [[tests]] header
    assert f"{broken}:{line}: boilerplate.page-furniture::test3 failed" in out
    assert "- 'Read more'   expected, not found" in out
    assert "+ 'Click here'   found, not expected" in out
    assert "1 failed" in out


def test_rules_test_exit_2_on_malformed_file(tmp_path):
    (tmp_path / "bad.toml").write_text('id = "house.x"\ntype = "existence"\nmessage = "m"\npatterns = ["(oops"]\n' + DOCS)
    res = run("rules", "test", tmp_path)
    assert res.exit_code == 2
    assert f"{tmp_path / 'bad.toml'}:4: invalid pattern '(oops'" in res.stderr


def test_check_exits_2_with_file_and_line_of_a_malformed_rule_file(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bad.toml").write_text(textwrap.dedent('''\
        id = "house.bad"
        type = "existence"
        message = "m"
        tokens = ["x"]
        severty = "error"
    ''') + DOCS, encoding="utf-8")
    article = tmp_path / "a.md"
    article.write_text("# Title\n\nSome text.\n", encoding="utf-8")
    res = run("check", article, "--rules", rules, "--format", "json")
    assert res.exit_code == 2
    assert f"{rules / 'bad.toml'}:5: unknown key 'severty'" in res.stderr


def test_catastrophic_pattern_is_stopped_and_reported_while_other_rules_report(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "slow.toml").write_text(textwrap.dedent('''\
        id = "house.slow"
        type = "existence"
        message = "m"
        timeout = 0.2
        patterns = ['(a|aa)+$']
    ''') + DOCS, encoding="utf-8")
    (rules / "fast.toml").write_text(textwrap.dedent('''\
        id = "house.fast"
        type = "existence"
        message = "Avoid '{match}'."
        tokens = ["wonderful"]
    ''') + DOCS, encoding="utf-8")
    article = tmp_path / "a.md"
    article.write_text("# A wonderful day\n\nThe council  met. " + "a" * 80 + "b\n", encoding="utf-8")
    res = run("check", article, "--rules", rules, "--format", "json", "--lang", "en")
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    art = report["articles"][0]
    errors = [e for e in art["errors"] if e.get("rule") == "house.slow"]
    assert len(errors) == 1 and "ran over 0.2s" in errors[0]["message"] and errors[0]["kind"] == "rule"
    found = {(f["rule"], f["excerpt"]) for f in art["findings"]}
    assert ("house.fast", "wonderful") in found  # another rule file still reports
    assert ("typography.double-space", "  ") in found  # and so do the built-in rules
    assert not any(f["rule"] == "house.slow" for f in art["findings"])


def test_explain_works_for_toml_rules(tmp_path):
    res = run("explain", "boilerplate.page-furniture")
    assert res.exit_code == 0, res.output
    for section in ("What it does", "Why it matters", "Example", "Instead"):
        assert section in res.stdout
    assert "page-furniture.toml" in res.stdout
    res = run("explain", "demo.names", "--rules", ROOT / "tests" / "rule_files")
    assert res.exit_code == 0 and "canonical spelling" in res.stdout
    assert run("explain", "no.such-rule").exit_code == 2


def test_new_rule_toml_scaffold_passes_its_own_tests(tmp_path):
    res = run("new-rule", "house.placeholders", "--dir", tmp_path / "rules")
    assert res.exit_code == 0, res.output
    path = tmp_path / "rules" / "house" / "placeholders.toml"
    assert path.is_file()
    res = run("rules", "test", tmp_path / "rules")
    assert res.exit_code == 0, res.output
    assert "3 passed, 0 failed" in res.stdout
    assert run("new-rule", "house.placeholders", "--dir", tmp_path / "rules").exit_code == 2  # no overwrite
    assert run("new-rule", "Not An Id", "--dir", tmp_path).exit_code == 2


def test_new_rule_python_scaffold_is_a_working_plugin_package(tmp_path, monkeypatch):
    import importlib
    import sys
    import tomllib

    res = run("new-rule", "newsroom.placeholders", "--python", "--dir", tmp_path)
    assert res.exit_code == 0, res.output
    root = tmp_path / "auditor-newsroom"
    pyproject = tomllib.loads((root / "pyproject.toml").read_text())
    assert pyproject["project"]["entry-points"]["auditor"] == {"newsroom": "auditor_newsroom"}
    assert (root / "tests" / "rule_cases" / "newsroom.placeholders.yml").is_file()
    test_file = (root / "tests" / "test_rules.py").read_text()
    assert "from auditor.testing import check_case, load_case_folder" in test_file
    # the scaffolded test module runs green: import the package and run its cases in-process
    monkeypatch.syspath_prepend(str(root))
    module = importlib.import_module("auditor_newsroom")
    try:
        from auditor.testing import check_case, load_case_folder

        cases = load_case_folder(root / "tests" / "rule_cases")
        assert len(cases) == 3
        for case in cases:
            check_case(case, plugins=[module])
    finally:
        for name in [m for m in sys.modules if m.startswith("auditor_newsroom")]:
            del sys.modules[name]
    shutil.rmtree(root)
