"""Helpers shared by the CI report formats (SARIF, JUnit, GitHub, GitLab, Markdown, HTML).

Every format's output is deterministic: no timestamps, no absolute paths, stable ordering.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from ..fingerprint import display_path, file_path, fingerprints
from ..rule import parse_doc_sections

if TYPE_CHECKING:
    from ..engine import ArticleReport, RunReport
    from ..model import Finding
    from ..rule import Rule

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Item:
    """One finding with the article it belongs to and its fingerprint."""

    report: "ArticleReport"
    finding: "Finding"
    fingerprint: str
    index: int  # position of the article in the run

    @property
    def path(self) -> str:
        return file_path(self.report.article.source)

    @property
    def source(self) -> str:
        return display_path(self.report.article.source)


def items(run: "RunReport", with_path: bool = True) -> Iterator[Item]:
    """Every finding of the run in input order (article by article, then by position)."""
    for n, rep in enumerate(run.articles):
        for f, fp in zip(rep.findings, fingerprints(rep, with_path)):
            yield Item(rep, f, fp, n)


def by_severity(its: list[Item]) -> list[Item]:
    """Most severe first; stable within a severity (input order)."""
    return sorted(its, key=lambda it: SEVERITY_RANK.get(it.finding.severity, 3))


def rule_summary(rule: "Rule | None", rule_id: str) -> str:
    if rule is None:
        return rule_id
    try:
        return rule.summary() or rule_id
    except Exception:
        return rule_id


def rule_help(rule: "Rule | None") -> tuple[str, str]:
    """The rule's documentation as (plain text, Markdown)."""
    if rule is None:
        return "", ""
    try:
        doc = rule.documentation()
    except Exception:
        return "", ""
    sections = parse_doc_sections(doc)
    md_parts = []
    intro = sections.get("_intro", "").strip()
    if intro:
        md_parts.append(intro)
    for name, text in sections.items():
        if name == "_intro" or not text.strip():
            continue
        md_parts.append(f"**{name}**\n\n{text.strip()}")
    return doc.strip(), "\n\n".join(md_parts)


def rules_used(run: "RunReport") -> list[str]:
    """Ids of the rules that produced findings, sorted."""
    return sorted({f.rule for rep in run.articles for f in rep.findings})


def rule_counts(run: "RunReport") -> list[tuple[str, int]]:
    counts = Counter(f.rule for rep in run.articles for f in rep.findings)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def visible(text: str) -> str:
    """White space alone would vanish when shown: show it as ␣ (and ∅ for nothing)."""
    if not text:
        return "∅"
    return "␣" * len(text) if not text.strip() else text


def suggestion(text: str) -> str:
    """A suggestion as shown to people: an empty one means "remove the excerpt"."""
    return "(remove)" if not text else visible(text)


def one_line(text: str) -> str:
    return " ".join(text.split())


def short(text: str, limit: int = 80) -> str:
    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def fmt_score(score: float | None) -> str:
    return "—" if score is None else f"{score:.1f}"


def below(rep: "ArticleReport", fail_under: float | None) -> bool:
    return fail_under is not None and rep.score is not None and rep.score < fail_under
