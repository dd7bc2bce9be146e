"""Baselines: adopt auditor on an archive without drowning in its old findings.

``auditor check --write-baseline FILE PATHS`` records every current finding by article (its source
path as given, relative), rule and content fingerprint (see :mod:`auditor.fingerprint`: the rule, the
normalised excerpt, a few nearby words on the same line and an occurrence index — no line numbers,
so an edit elsewhere in the text does not change it). ``auditor check --baseline FILE PATHS`` then
reports only findings that are not in the baseline; each article's score is recomputed from those
new findings alone, so ``--fail-under`` judges what changed. The number of findings the baseline
hid is kept in the JSON report under ``baseline``.

The file is JSON (``auditor.baseline/1``), sorted, without timestamps, so it diffs well in review.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .fingerprint import display_path, fingerprints

if TYPE_CHECKING:
    from .config import Config
    from .engine import RunReport

SCHEMA = "auditor.baseline/1"


class BaselineError(ValueError):
    pass


def build(run: "RunReport") -> dict[str, Any]:
    articles: dict[str, list[dict[str, Any]]] = {}
    for rep in run.articles:
        entries = articles.setdefault(display_path(rep.article.source), [])
        for f, fp in zip(rep.findings, fingerprints(rep)):
            entries.append({"rule": f.rule, "fingerprint": fp, "excerpt": f.excerpt, "line": f.line})
    for entries in articles.values():
        entries.sort(key=lambda e: (e["line"], e["rule"], e["fingerprint"]))
    return {"schema": SCHEMA, "articles": dict(sorted(articles.items()))}


def write(run: "RunReport", path: Path) -> int:
    data = build(run)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return sum(len(v) for v in data["articles"].values())


def load(path: Path) -> dict[str, Counter]:
    """``{article: Counter((rule, fingerprint))}`` from a baseline file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}: malformed baseline at line {exc.lineno}: {exc.msg}") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("articles"), dict):
        raise BaselineError(f"{path}: not an auditor baseline (expected schema {SCHEMA})")
    out: dict[str, Counter] = {}
    for article, entries in data["articles"].items():
        if not isinstance(entries, list):
            raise BaselineError(f"{path}: entries of {article!r} must be a list")
        out[article] = Counter((str(e.get("rule")), str(e.get("fingerprint"))) for e in entries if isinstance(e, dict))
    return out


def apply(run: "RunReport", baseline: dict[str, Counter], config: "Config") -> int:
    """Keep only findings not in ``baseline`` (rescoring each article); returns how many were hidden."""
    from .score import score_article

    hidden_total = 0
    for rep in run.articles:
        known = Counter(baseline.get(display_path(rep.article.source), Counter()))
        kept = []
        for f, fp in zip(rep.findings, fingerprints(rep)):
            key = (f.rule, fp)
            if known[key] > 0:
                known[key] -= 1
            else:
                kept.append(f)
        hidden = len(rep.findings) - len(kept)
        hidden_total += hidden
        if hidden:
            rep.findings = kept
            if rep.score is not None:
                sc = score_article(kept, rep.words, config.score)
                rep.score, rep.grade = sc.score, sc.grade
                rep.categories, rep.deductions = sc.categories, sc.deductions
        rep.extras["baseline"] = {"known": hidden}
    return hidden_total
