"""``auditor new-rule``: scaffolds a TOML rule file with test cases, or a plugin package.

Both scaffolds are working rules (they flag placeholders such as ``TK`` or ``XXX`` left in copy)
whose own tests pass as generated, so an author starts from green and edits.
"""

from __future__ import annotations

import re
from pathlib import Path

from .rule import RULE_ID


class ScaffoldError(ValueError):
    pass


def _split(rule_id: str) -> tuple[str, str]:
    if not RULE_ID.match(rule_id):
        raise ScaffoldError(f"{rule_id!r} is not a rule id of the form <family>.<name> (lowercase, e.g. house.placeholders)")
    family, name = rule_id.split(".", 1)
    return family, name


def _class_name(name: str) -> str:
    return "".join(part.capitalize() for part in re.split(r"[^a-z0-9]+", name) if part) or "MyRule"


TOML_TEMPLATE = '''\
# {rule_id}: a declarative rule (see docs/writing-rules.md). Test it with:
#     auditor rules test {path}
id = "{rule_id}"
type = "existence"          # existence, substitution, consistency, occurrence, capitalization, conditional, names
category = "style"
severity = "warning"        # error, warning or info
languages = ["fr", "en"]
scope = ["title", "body"]   # title, lede, body, quotes, outside-quotes
message = "Placeholder '{{match}}' left in the copy."
tokens = ["TK", "XXX", "TODO"]

what = "Flags placeholders (TK, XXX, TODO) left in the copy."
why = "A placeholder that reaches print or the web tells the reader the story was not finished."
example = "Le conseil a voté un budget de TK millions d'euros."
instead = "Le conseil a voté un budget de 12 millions d'euros."

[[tests]]
text = "Le conseil a voté un budget de TK millions d'euros."
expect = ["TK"]

[[tests]]
field = "title"
text = "XXX: council votes budget"
expect = ["XXX"]

[[tests]]
text = "Le conseil a voté un budget de 12 millions d'euros."
expect = []
'''

PYPROJECT_TEMPLATE = '''\
[build-system]
requires = ["hatchling>=1.24"]
build-backend = "hatchling.build"

[project]
name = "{dist}"
version = "0.1.0"
description = "auditor rules: {family}"
requires-python = ">=3.11"
dependencies = ["auditor"]

[project.optional-dependencies]
test = ["pytest>=8"]

# This is how auditor finds the plugin once the package is installed.
[project.entry-points.auditor]
{family} = "{module}"

[tool.hatch.build.targets.wheel]
packages = ["{module}"]
'''

INIT_TEMPLATE = '''\
"""auditor plugin: the {family} rules. Registered through the ``auditor`` entry point (pyproject.toml)."""

from pathlib import Path

from auditor import hookimpl

from .{modname} import {cls}


@hookimpl
def auditor_rules(config):
    """The Python rules of this package."""
    return [{cls}]


@hookimpl
def auditor_rule_packs(config):
    """The declarative rules: every *.toml rule file in the rules/ folder."""
    return [Path(__file__).resolve().parent / "rules"]
'''

PACK_README = '''\
Put declarative rule files (`*.toml`, see docs/writing-rules.md) here: the package's
`auditor_rule_packs` hook ships this folder. Test them with `auditor rules test <this folder>`.
'''

RULE_TEMPLATE = '''\
"""The rule {rule_id}."""

from __future__ import annotations

from typing import Iterable

import regex

from auditor import Context, Finding, Rule


class {cls}(Rule):
    """Placeholders left in the copy.

    What it does
    ------------
    Flags the placeholders listed in the ``words`` option (``TK``, ``XXX``, ``TODO`` by default)
    in the headline and the body.

    Why it matters
    --------------
    A placeholder that reaches print or the web tells the reader the story was not finished.

    Example
    -------
    ``Le conseil a voté un budget de TK millions d'euros.``

    Instead
    -------
    ``Le conseil a voté un budget de 12 millions d'euros.``
    """

    id = "{rule_id}"
    category = "style"
    severity = "warning"
    languages = frozenset({{"fr", "en"}})
    options = {{"words": ["TK", "XXX", "TODO"]}}  # override in [tool.auditor.rule."{rule_id}"]

    def check(self, ctx: Context) -> Iterable[Finding]:
        words = ctx.options["words"]
        pattern = regex.compile(r"(?<!\\w)(?:" + "|".join(regex.escape(w) for w in words) + r")(?!\\w)")
        for field in self.fields:
            for m in pattern.finditer(ctx.text(field)):
                yield ctx.finding(field, m.start(), m.end(), f"Placeholder '{{m.group()}}' left in the copy.")
'''

CASES_TEMPLATE = '''\
rule: {rule_id}
cases:
  - name: placeholder_in_body
    lang: fr
    body: "Le conseil a voté un budget de TK millions d'euros."
    expect: ["TK"]
  - name: placeholder_in_headline
    lang: en
    title: "XXX: council votes budget"
    expect: [{{excerpt: "XXX", field: title}}]
  - name: finished_copy_passes
    lang: fr
    body: "Le conseil a voté un budget de 12 millions d'euros."
    expect: []
'''

TEST_TEMPLATE = '''\
"""This package's rules, tested with auditor's public helpers (auditor.testing)."""

from pathlib import Path

import pytest

import {module}
from auditor.testing import check_case, load_case_folder, rule_file_cases

# Python rules: the cases in rule_cases/*.yml
CASES = load_case_folder(Path(__file__).parent / "rule_cases")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule_case(case):
    # plugins=[...] registers the package directly, so the tests pass before it is installed too
    check_case(case, plugins=[{module}])


# TOML rule files in {module}/rules/: the [[tests]] cases each file carries
FILE_CASES = rule_file_cases(Path({module}.__file__).parent / "rules")


@pytest.mark.parametrize("result", FILE_CASES, ids=[r.id for r in FILE_CASES])
def test_rule_file_case(result):
    assert result.ok, result.diff()
'''

CONFTEST_TEMPLATE = '''\
"""Make the package importable from its folder when it is not installed."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
'''

README_TEMPLATE = '''\
# {dist}

auditor rules for {family}. Install, then check that auditor sees them:

    pip install -e .
    auditor rules | grep {family}
    python -m pytest tests
'''


def scaffold_toml(rule_id: str, directory: Path) -> Path:
    """Write ``<directory>/<family>/<name>.toml``; returns its path."""
    family, name = _split(rule_id)
    path = Path(directory) / family / f"{name}.toml"
    if path.exists():
        raise ScaffoldError(f"{path} already exists")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TOML_TEMPLATE.format(rule_id=rule_id, path=path), encoding="utf-8")
    return path


def scaffold_package(rule_id: str, directory: Path) -> list[Path]:
    """Write a plugin package ``<directory>/auditor-<family>/``; returns the files created."""
    family, name = _split(rule_id)
    dist = f"auditor-{family}"
    module = "auditor_" + re.sub(r"[^a-z0-9]+", "_", family)
    root = Path(directory) / dist
    if root.exists():
        raise ScaffoldError(f"{root} already exists")
    modname = re.sub(r"[^a-z0-9]+", "_", name).strip("_") or "rule"
    if modname == "rules":
        modname = "rules_"
    values = {"rule_id": rule_id, "family": family, "dist": dist, "module": module, "cls": _class_name(name),
              "modname": modname}
    files = {
        root / "pyproject.toml": PYPROJECT_TEMPLATE,
        root / "README.md": README_TEMPLATE,
        root / module / "__init__.py": INIT_TEMPLATE,
        root / module / f"{modname}.py": RULE_TEMPLATE,
        root / module / "rules" / "README.md": PACK_README,
        root / "tests" / "rule_cases" / f"{rule_id}.yml": CASES_TEMPLATE,
        root / "tests" / "test_rules.py": TEST_TEMPLATE,
        root / "tests" / "conftest.py": CONFTEST_TEMPLATE,
    }
    created = []
    for path, template in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(template.format(**values), encoding="utf-8")
        created.append(path)
    return created
