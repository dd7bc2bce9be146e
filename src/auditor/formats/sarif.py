"""``--format sarif``: SARIF 2.1.0 (OASIS), as read by GitHub code scanning and other viewers.

Built with the ``sarif-pydantic`` object model. Each finding is a result with the rule's id and
index, a level (``info`` → ``note``), a physical location (the source file relative to the working
folder, start and end line/column counted in Unicode code points, the excerpt as snippet) and a
partial fingerprint (``auditorContent/v1``) that survives edits elsewhere in the draft, so code
scanning keeps tracking an alert when lines move. Each rule used gets a descriptor with its summary,
its documentation as help text (plain and Markdown), its default level and its category as a tag.
Articles' scores are under ``runs[0].properties.articles``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from sarif_pydantic import (
    ArtifactLocation,
    Invocation,
    Location,
    Message,
    PhysicalLocation,
    Region,
    ReportingConfiguration,
    ReportingDescriptor,
    Result,
    Run,
    Sarif,
    Tool,
    ToolDriver,
)
from sarif_pydantic.sarif import ArtifactContent, LogicalLocation

from .. import __version__
from ._common import Item, items, rule_help, rule_summary, rules_used, suggestion

if TYPE_CHECKING:
    from ..engine import RunReport
    from . import FormatOptions

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "auditorContent/v1"


def _descriptor(run: "RunReport", rule_id: str) -> ReportingDescriptor:
    rule = run.rules.get(rule_id)
    text, markdown = rule_help(rule)
    summary = rule_summary(rule, rule_id)
    severity = getattr(rule, "severity", "warning")
    category = getattr(rule, "category", rule_id.split(".")[0])
    name = "".join(part.capitalize() for part in rule_id.replace(".", "-").split("-") if part)
    return ReportingDescriptor(
        id=rule_id,
        name=name,
        short_description=Message(text=summary),
        full_description=Message(text=summary),
        help=Message(text=text or summary, markdown=markdown or summary),
        default_configuration=ReportingConfiguration(level=LEVELS.get(severity, "warning")),
        properties={"category": category, "tags": sorted({category, "auditor"}), "plugin": getattr(rule, "plugin", "")},
    )


def _result(item: Item, rule_index: dict[str, int]) -> Result:
    f, article = item.finding, item.report.article
    end_line, end_col = article.position(f.field, f.end) if f.end > f.start else (f.line, f.column)
    message = f.message
    if f.suggestions:
        message += " Suggestion: " + " | ".join(suggestion(x) for x in f.suggestions[:3])
    region = Region(
        start_line=max(f.line, 1),
        start_column=max(f.column, 1),
        end_line=max(end_line, f.line, 1),
        end_column=max(end_col, 1) if end_line > f.line else max(end_col, f.column, 1),
        snippet=ArtifactContent(text=f.excerpt) if f.excerpt else None,
    )
    props: dict = {"category": f.category, "field": f.field, "article": item.source}
    if f.confidence is not None:
        props["confidence"] = round(f.confidence, 4)
    if f.suggestions:
        props["suggestions"] = list(f.suggestions)
    return Result(
        rule_id=f.rule,
        rule_index=rule_index[f.rule],
        level=LEVELS.get(f.severity, "warning"),
        message=Message(text=message),
        locations=[
            Location(
                physical_location=PhysicalLocation(
                    artifact_location=ArtifactLocation(uri=item.path, uri_base_id="%SRCROOT%"),
                    region=region,
                ),
                logical_locations=[LogicalLocation(name=f.field, fully_qualified_name=f"{item.source}#{f.field}", kind="member")],
            )
        ],
        partial_fingerprints={FINGERPRINT_KEY: item.fingerprint},
        properties=props,
    )


def build_sarif(run: "RunReport") -> dict:
    used = rules_used(run)
    rule_index = {rid: n for n, rid in enumerate(used)}
    results = [_result(it, rule_index) for it in items(run)]
    notifications = [
        {"level": "error" if e.kind == "input" else "warning", "message": {"text": e.line()}, "descriptor": {"id": e.kind}}
        for e in [*run.errors, *(e for rep in run.articles for e in rep.errors)]
    ]
    artifacts = sorted({it.path for it in items(run)} | {_path(rep.article.source) for rep in run.articles})
    sarif = Sarif(
        **{"$schema": SCHEMA_URI},
        version="2.1.0",
        runs=[
            Run(
                tool=Tool(
                    driver=ToolDriver(
                        name="auditor",
                        full_name="auditor — news article and draft auditor",
                        version=__version__,
                        semantic_version=__version__,
                        rules=[_descriptor(run, rid) for rid in used],
                    )
                ),
                invocations=[
                    Invocation(
                        execution_successful=not any(e.kind == "input" for e in run.errors),
                        toolExecutionNotifications=notifications,
                    )
                ],
                artifacts=[{"location": {"uri": p, "uriBaseId": "%SRCROOT%"}} for p in artifacts],
                results=results,
                columnKind="unicodeCodePoints",
                properties={
                    "articles": [
                        {
                            "source": _display(rep.article.source),
                            "title": rep.article.title,
                            "lang": rep.lang,
                            "score": rep.score,
                            "grade": rep.grade,
                            "findings": len(rep.findings),
                        }
                        for rep in run.articles
                    ]
                },
            )
        ],
    )
    return sarif.model_dump(by_alias=True, exclude_none=True, mode="json")


def _path(source: str) -> str:
    from ..fingerprint import file_path

    return file_path(source)


def _display(source: str) -> str:
    from ..fingerprint import display_path

    return display_path(source)


def render_sarif(run: "RunReport", options: "FormatOptions") -> str:
    return json.dumps(build_sarif(run), ensure_ascii=False, indent=2) + "\n"
