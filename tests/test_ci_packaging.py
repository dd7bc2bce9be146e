"""CI packaging: the pre-commit hook's command and the GitHub Action's script steps, run for real."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ENV = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "NO_COLOR": "1"}

CLEAN = "Council approves the library budget\n\nThe city council approved the library budget on Tuesday, the mayor said in a statement.\n"
FLAWED = "Teh concil aproves teh budjet\n\nTeh concil aproved teh budjet on Tuesday, teh mayr said.\n"


def test_pre_commit_hook_runs_its_entry_on_matching_files(tmp_path: Path):
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "auditor")
    assert hook["language"] == "python" and hook["pass_filenames"] is True
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])
    candidates = ["drafts/a.md", "drafts/b.txt", "page.html", "README.md", "pyproject.toml", "data.json"]
    selected = [c for c in candidates if files.search(c) and not exclude.search(c)]
    assert selected == ["drafts/a.md", "drafts/b.txt", "page.html"]

    clean, flawed = tmp_path / "clean.txt", tmp_path / "flawed.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    flawed.write_text(FLAWED, encoding="utf-8")
    command = shlex.split(hook["entry"]) + [str(a) for a in hook["args"]]
    threshold = float(hook["args"][hook["args"].index("--fail-under") + 1])
    done = subprocess.run(command + ["--format", "json", str(clean), str(flawed)], capture_output=True, text=True, env=ENV, cwd=tmp_path)
    scores = [a["score"] for a in json.loads(done.stdout)["articles"]]
    assert len(scores) == 2 and scores[1] < scores[0]
    assert done.returncode == (1 if min(scores) < threshold else 0), done.stderr
    # An unreadable draft fails the hook with exit 2, whatever the scores.
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    done = subprocess.run(command + [str(clean), str(empty)], capture_output=True, text=True, env=ENV, cwd=tmp_path)
    assert done.returncode == 2 and "empty file" in done.stderr


def _step(action: dict, step_id: str | None = None, name: str | None = None) -> dict:
    return next(s for s in action["runs"]["steps"] if (step_id and s.get("id") == step_id) or (name and s.get("name") == name))


def test_action_inputs_and_check_step(tmp_path: Path):
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    assert {"paths", "fail-under", "format", "upload-sarif"} <= set(action["inputs"])
    upload = _step(action, name="Upload SARIF to code scanning")
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    check = _step(action, step_id="check")
    assert check["shell"] == "bash"

    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (drafts / "flawed.txt").write_text(FLAWED, encoding="utf-8")
    out_file, summary = tmp_path / "github_output", tmp_path / "summary.md"
    env = {
        **ENV,
        "INPUT_PATHS": "drafts/clean.txt drafts/flawed.txt",
        "INPUT_FAIL_UNDER": "100.5",  # above any score: the step must record exit code 1
        "INPUT_FORMAT": "github",
        "INPUT_UPLOAD_SARIF": "true",
        "INPUT_SARIF_FILE": "out/auditor.sarif",
        "INPUT_BASELINE": "",
        "INPUT_SUMMARY": "true",
        "GITHUB_OUTPUT": str(out_file),
        "GITHUB_STEP_SUMMARY": str(summary),
    }
    done = subprocess.run(["bash", "-c", check["run"]], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert re.search(r"^::warning file=drafts/flawed.txt,line=\d+", done.stdout, re.M), done.stdout
    assert "::notice title=auditor summary::" in done.stdout
    sarif = json.loads((tmp_path / "out" / "auditor.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]
    assert summary.read_text(encoding="utf-8").startswith("## auditor report")
    assert out_file.read_text(encoding="utf-8").strip() == "exit-code=1"

    # The last step turns the recorded exit code into the action's result.
    result = _step(action, name="Result")
    for code in ("0", "1", "2"):
        done = subprocess.run(["bash", "-c", result["run"]], capture_output=True, text=True, env={**ENV, "EXIT_CODE": code})
        assert done.returncode == int(code)

    # No threshold and no SARIF: the step records 0 and writes no SARIF file.
    env.update(INPUT_FAIL_UNDER="", INPUT_UPLOAD_SARIF="false", INPUT_SARIF_FILE="none.sarif", INPUT_SUMMARY="false", INPUT_PATHS="drafts")
    out_file.write_text("", encoding="utf-8")
    done = subprocess.run(["bash", "-c", check["run"]], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 0 and out_file.read_text(encoding="utf-8").strip() == "exit-code=0"
    assert not (tmp_path / "none.sarif").exists()
