"""``--format junit``: JUnit XML, read by GitLab, Jenkins, Azure Pipelines and most CI test views.

One ``<testsuite>`` per article. Each finding is a failed ``<testcase>`` named after its rule and
position (the failure's ``type`` is the severity, its text the excerpt, message and suggestions).
Each article also has a ``score`` test case, failed when ``--fail-under`` is given and the article
scores below it, and an article with no findings has a passing ``findings`` case, so every suite
has at least one case. Articles that could not be audited and unreadable inputs are ``<error>``s.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from ..fingerprint import display_path
from ._common import below, fmt_score, items, one_line, suggestion

if TYPE_CHECKING:
    from ..engine import RunReport
    from . import FormatOptions


_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(root: ET.Element) -> None:
    """Drop characters XML 1.0 cannot carry (control characters pasted into a draft)."""
    for el in root.iter():
        if el.text:
            el.text = _NOT_XML.sub("\ufffd", el.text)
        for key, value in el.attrib.items():
            el.set(key, _NOT_XML.sub("\ufffd", value))


def render_junit(run: "RunReport", options: "FormatOptions") -> str:
    root = ET.Element("testsuites", name="auditor")
    by_article: dict[int, list] = {}
    for it in items(run):
        by_article.setdefault(it.index, []).append(it)
    total = failures = errors = 0
    for n, rep in enumerate(run.articles):
        source = display_path(rep.article.source)
        suite = ET.SubElement(root, "testsuite", name=source)
        cases = fails = errs = 0
        props = ET.SubElement(suite, "properties")
        for key, value in (("score", fmt_score(rep.score)), ("grade", rep.grade or ""), ("lang", rep.lang or ""), ("words", str(rep.words))):
            ET.SubElement(props, "property", name=key, value=value)
        score_case = ET.SubElement(suite, "testcase", classname=source, name="score")
        cases += 1
        if rep.score is None:
            ET.SubElement(score_case, "error", type="not-audited", message="; ".join(e.line() for e in rep.errors) or "not audited")
            errs += 1
        elif below(rep, options.fail_under):
            ET.SubElement(
                score_case, "failure", type="score", message=f"score {rep.score:.1f} is below {options.fail_under:g}"
            )
            fails += 1
        found = by_article.get(n, [])
        if not found and rep.score is not None:
            ET.SubElement(suite, "testcase", classname=source, name="findings")
            cases += 1
        for it in found:
            f = it.finding
            case = ET.SubElement(suite, "testcase", classname=f"{source}.{f.category}", name=f"{f.rule} at {f.line}:{f.column}")
            cases += 1
            fails += 1
            failure = ET.SubElement(case, "failure", type=f.severity, message=one_line(f.message))
            text = [f"{source}:{f.line}:{f.column}: {f.severity}: {f.message} [{f.rule}]", f"excerpt: {f.excerpt!r}"]
            if f.suggestions:
                text.append("suggestions: " + " | ".join(suggestion(x) for x in f.suggestions))
            failure.text = "\n".join(text)
        suite.set("tests", str(cases))
        suite.set("failures", str(fails))
        suite.set("errors", str(errs))
        suite.set("skipped", "0")
        total, failures, errors = total + cases, failures + fails, errors + errs
    input_errors = [e for e in run.errors if e.kind == "input"]
    if input_errors:
        suite = ET.SubElement(root, "testsuite", name="inputs", tests=str(len(input_errors)), failures="0", errors=str(len(input_errors)), skipped="0")
        for e in input_errors:
            case = ET.SubElement(suite, "testcase", classname="inputs", name=display_path(e.source or "input"))
            ET.SubElement(case, "error", type="input", message=e.message)
        total += len(input_errors)
        errors += len(input_errors)
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    _clean(root)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
