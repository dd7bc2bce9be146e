"""reports/ holds the report of every example in every format; it must match what the code prints."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("regen_reports", ROOT / "scripts" / "regen_reports.py")
regen = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(regen)


import pytest


@pytest.fixture(scope="module")
def rendered(auditor) -> dict[str, str]:
    return regen.render_all(auditor)


def test_reports_cover_every_example_and_format(auditor, rendered):
    stems = {Path(f).stem for f in regen.example_files()} | {"all"}
    assert {rel.split("/")[0] for rel in rendered} == stems
    for stem in stems:
        assert {rel.split("/")[1].split(".")[0] for rel in rendered if rel.startswith(stem + "/")} == set(auditor.formats)


def test_reports_are_up_to_date(rendered):
    problems = regen.stale(rendered)
    assert not problems, (
        "reports/ is out of date (rules or formats changed). Regenerate it with\n\n"
        f"    {regen.COMMAND}\n\nand commit reports/. Differences:\n  " + "\n  ".join(problems[:20])
    )


def test_report_output_is_relative(rendered):
    # Determinism across processes is what test_reports_are_up_to_date checks (reports/ was
    # written by another process).
    for rel, text in rendered.items():
        assert str(ROOT) not in text, f"{rel} contains an absolute path"
