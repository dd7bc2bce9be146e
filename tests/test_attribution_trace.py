"""The attribution verdict stage and its trace: the decision table, ``explain --trace``, pinned traces.

``tests/fixtures/attribution_traces.json`` pins, for every attribution rule case, the decision-table
row that decided each sentence. A change of a stage that moves a sentence to another row fails here
and names the case; when the move is intended, regenerate the file with
``AUDITOR_REGEN_TRACES=1 .venv/bin/python -m pytest tests/test_attribution_trace.py`` and review
the diff like code.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from typer.testing import CliRunner

from auditor.analysis import Analysis
from auditor.attribution.trace import trace
from auditor.attribution.verdict import ROWS
from auditor.cli import app
from auditor.model import Article
from auditor.testing import get_auditor, load_case_folder

ROOT = Path(__file__).resolve().parents[1]
PINNED = Path(__file__).parent / "fixtures" / "attribution_traces.json"
CASES = [c for c in load_case_folder(Path(__file__).parent / "rule_cases") if c.rule.startswith("attribution.")]


def _rows(body: str, lang: str | None) -> list[list[str]]:
    auditor = get_auditor()
    article = Article(title="", body=body, lang=lang)
    analysis = Analysis(article, auditor.resolve_language(article))
    return [[e.text[:50], e.row] for e in trace(analysis)]


def test_rule_case_traces_are_pinned():
    current = {c.id: _rows(c.body, c.lang) for c in CASES}
    if os.environ.get("AUDITOR_REGEN_TRACES"):
        PINNED.write_text(json.dumps(current, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    pinned = json.loads(PINNED.read_text(encoding="utf-8"))
    changed = [k for k in current if current[k] != pinned.get(k)]
    assert not changed, f"traces changed for {changed[:5]} (regenerate: see this module's docstring)"
    assert set(pinned) == set(current)


def test_a_flagged_sentence_is_decided_by_the_row_of_its_rule():
    rows = {r.name: r.verdict for r in ROWS}
    for case in CASES:
        if not case.expect or case.rule in ("attribution.quote-without-speaker", "attribution.incomplete-source",
                                            "attribution.headline-claim"):  # decided apart from the body table
            continue
        decided = {row for _text, row in _rows(case.body, case.lang)}
        assert case.rule.split(".", 1)[1] in {rows[r] for r in decided}, case.id


def test_every_row_is_documented_in_order():
    doc = (ROOT / "docs" / "attribution.md").read_text(encoding="utf-8")
    documented = re.findall(r"^\| \d+ \| `([a-z-]+)` \|", doc, flags=re.M)
    assert documented == [r.name for r in ROWS]
    assert ROWS[-1].when is not None and ROWS[-1].verdict == ""  # the last row catches everything


BODY = (
    "Le marché couvert rouvrira au printemps.\n\n"
    "Le quartier a perdu près de 300 commerces en quinze ans. Selon l’Insee, le chômage a atteint 9 % en mars. "
    "Un an plus tôt, ce taux était de 7 %.\n\n"
    "Des experts estiment que le projet coûtera trop cher.\n"
)


def test_explain_trace_prints_every_sentence_with_its_row(tmp_path):
    path = tmp_path / "draft.md"
    path.write_text("# Le marché rouvre\n\n" + BODY, encoding="utf-8")
    res = CliRunner().invoke(app, ["explain", "--trace", str(path)])
    assert res.exit_code == 0, res.output
    out = res.stdout
    for row in ("nothing-to-source", "unsourced-claim", "named-source", "carried", "vague-source"):
        assert f"row:     {row} →" in out
    assert "line 5: Le quartier a perdu" in out and "named/cue «l’Insee»" in out


def test_explain_trace_of_one_line(tmp_path):
    path = tmp_path / "draft.md"
    path.write_text("# Le marché rouvre\n\n" + BODY, encoding="utf-8")
    out = CliRunner().invoke(app, ["explain", "--trace", f"{path}:7"]).stdout
    assert "line 7: Des experts estiment" in out and "line 5" not in out


def test_explain_trace_bad_input_is_one_line_and_exit_2(tmp_path):
    res = CliRunner().invoke(app, ["explain", "--trace", str(tmp_path / "missing.md")])
    assert res.exit_code == 2 and "no such file" in res.output and "Traceback" not in res.output
    res = CliRunner().invoke(app, ["explain"])
    assert res.exit_code == 2 and "--trace" in res.output
