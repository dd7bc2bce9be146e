"""Replays docs/writing-rules.md in a clean folder: the files are extracted from the page's code
blocks (``lang file=PATH``), the commands are the page's, and the findings must be the ones the page
shows (``json findings`` blocks). If the tutorial drifts from the code, this test fails."""

from __future__ import annotations

import importlib
import json
import re
import shlex
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "writing-rules.md"
BLOCK = re.compile(r"^```(\w*)[ \t]*([^\n]*)\n(.*?)^```[ \t]*$", re.M | re.S)


def blocks() -> list[tuple[str, str, str, int]]:
    """(language, info, body, offset) of every fenced block of the tutorial."""
    text = DOC.read_text(encoding="utf-8")
    return [(m.group(1), m.group(2).strip(), m.group(3), m.start()) for m in BLOCK.finditer(text)]


def section(offset: int) -> int:
    """The number of the ``## N.`` section an offset falls in (0 before the first)."""
    text = DOC.read_text(encoding="utf-8")[:offset]
    numbers = re.findall(r"^## (\d+)\.", text, re.M)
    return int(numbers[-1]) if numbers else 0


def files_of(n: int) -> dict[str, str]:
    return {info.split("=", 1)[1]: body for lang, info, body, off in blocks() if info.startswith("file=") and section(off) == n}


def findings_of(n: int) -> list[dict]:
    out = []
    for lang, info, body, off in blocks():
        if lang == "json" and info == "findings" and section(off) == n:
            out.extend(json.loads(body))
    return out


def commands_of(n: int) -> list[str]:
    return [line.strip() for lang, info, body, off in blocks() if lang == "sh" and section(off) == n
            for line in body.splitlines() if line.strip()]


def write(files: dict[str, str], where: Path) -> None:
    for rel, body in files.items():
        path = where / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")


def auditor(*args: str):
    return CliRunner().invoke(app, list(args))


def assert_reported(expected: list[dict], report: dict) -> None:
    found = report["articles"][0]["findings"]
    for want in expected:
        hits = [f for f in found if all(f[k] == v for k, v in want.items())]
        assert hits, f"the tutorial shows {want} but auditor check reports:\n" + "\n".join(
            json.dumps({k: f[k] for k in want}, ensure_ascii=False) for f in found if f["rule"] == want["rule"]
        )


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    yield tmp_path
    for name in [m for m in sys.modules if m.startswith("auditor_maison")]:
        del sys.modules[name]


def test_tutorial_blocks_are_found():
    assert set(files_of(1)) == {"draft.md", "rules/maison/jargon.toml"}
    assert set(files_of(2)) == {"rules/phrases_longues.py", "test_maison.py"}
    assert set(files_of(3)) == {"auditor-maison/tests/rule_cases/maison.long-sentence.yml"}
    assert set(files_of(4)) == {"gold/pont.json"}
    assert findings_of(1) and findings_of(2)


def test_tutorial_replays(workdir):
    # -- 1. a rule file ---------------------------------------------------------------------------
    write(files_of(1), workdir)
    cmds = commands_of(1)
    assert "auditor rules test rules" in cmds
    res = auditor("rules", "test", "rules")
    assert res.exit_code == 0, res.output
    shown = [body.strip() for lang, info, body, off in blocks() if lang == "text" and section(off) == 1]
    assert res.stdout.strip().splitlines()[-1] in shown  # the summary line the page shows

    check = "auditor check draft.md --rules rules --format json"
    assert check in cmds
    res = auditor(*shlex.split(check)[1:])
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    assert_reported(findings_of(1), report)
    ours = [f for f in report["articles"][0]["findings"] if f["rule"].startswith("maison.")]
    assert len(ours) == len(findings_of(1)), ours  # exactly what the page shows, nothing more

    # -- 2. a Python rule in the same folder ------------------------------------------------------
    files = files_of(2)
    write({"rules/phrases_longues.py": files["rules/phrases_longues.py"]}, workdir)
    assert check in commands_of(2)
    res = auditor(*shlex.split(check)[1:])
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    ours = [e for e in report["errors"] + report["articles"][0]["errors"]
            if str(e.get("plugin", "")).startswith("rules:") or str(e.get("rule", "")).startswith("maison.")]
    assert not ours, ours  # the tutorial's files load and run cleanly
    assert_reported(findings_of(1) + findings_of(2), report)
    res = auditor("explain", "maison.long-sentence", "--rules", "rules")
    assert res.exit_code == 0 and "Why it matters" in res.stdout

    # the page's pytest file, run in-process
    write({"test_maison.py": files["test_maison.py"]}, workdir)
    namespace: dict = {}
    exec(compile(files["test_maison.py"], str(workdir / "test_maison.py"), "exec"), namespace)
    namespace["test_long_sentence"]()

    # -- 3. a package -----------------------------------------------------------------------------
    cmds = commands_of(3)
    scaffold = "auditor new-rule maison.long-sentence --python --dir ."
    assert scaffold in cmds
    res = auditor(*shlex.split(scaffold)[1:])
    assert res.exit_code == 0, res.output
    for cmd in cmds:
        if cmd.startswith("cp "):
            _, src, dst = shlex.split(cmd)
            assert Path(src).exists(), f"the tutorial copies {src}, which does not exist at that point"
            shutil.copy(src, dst)
    write(files_of(3), workdir)
    package = workdir / "auditor-maison"
    pyproject = (package / "pyproject.toml").read_text()
    assert '[project.entry-points.auditor]\nmaison = "auditor_maison"' in pyproject
    sys.path.insert(0, str(package))
    try:
        module = importlib.import_module("auditor_maison")
        from auditor.testing import check_case, load_case_folder, rule_file_cases

        cases = load_case_folder(package / "tests" / "rule_cases")
        assert [c.rule for c in cases] == ["maison.long-sentence"] * 2
        for case in cases:
            check_case(case, plugins=[module])
        file_cases = rule_file_cases(package / "auditor_maison" / "rules")
        assert len(file_cases) == 2 and all(r.ok for r in file_cases), [r.diff() for r in file_cases if not r.ok]
    finally:
        sys.path.remove(str(package))

    # -- 4. measure it ----------------------------------------------------------------------------
    write(files_of(4), workdir)
    command = "auditor eval gold --rules rules --family style"
    assert command in commands_of(4)
    res = auditor(*shlex.split(command)[1:])
    assert res.exit_code == 0, res.output
    shown = [body.strip() for lang, info, body, off in blocks() if lang == "text" and section(off) == 4]
    assert shown and shown[0] in res.stdout.splitlines(), res.stdout
    res = auditor(*shlex.split(command)[1:], "--format", "json")
    result = json.loads(res.stdout)
    assert result["rules"]["maison.jargon"] == {"findings": 3, "true_findings": 3, "precision": 1.0, "expected_found": 3}
    assert result["allow_flagged"] == []
