"""``auditor rules`` (list), ``auditor rules test`` (run rule files' cases) and ``auditor new-rule``.

Kept apart from :mod:`auditor.cli`, which mounts them.
"""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

rules_app = typer.Typer(
    add_completion=False,
    help="List the rules (with no subcommand), or test rule files.",
    pretty_exceptions_enable=False,
)


@rules_app.callback(invoke_without_command=True)
def list_rules(
    ctx: typer.Context,
    config_path: Optional[Path] = typer.Option(None, "--config"),
    rules: List[Path] = typer.Option([], "--rules", help="Extra rules folder."),
    all_rules: bool = typer.Option(False, "--all", help="Also list rules that are disabled."),
) -> None:
    """List the rules: id, category, severity, languages, plugin. 'auditor rules test' runs rule files' cases."""
    if ctx.invoked_subcommand is not None:
        return
    from rich.console import Console
    from rich.table import Table

    from .cli import build_config, make_auditor

    config = build_config(config_path, rules, [], [])
    auditor = make_auditor(config)
    table = Table(show_lines=False, box=None)
    for col in ("rule", "category", "severity", "languages", "plugin", "on"):
        table.add_column(col)
    for rule in sorted(auditor.rules.values(), key=lambda r: r.id):
        on = config.is_enabled(rule.id, rule.enabled_by_default)
        if not on and not all_rules:
            continue
        table.add_row(
            rule.id,
            rule.category,
            config.severity_for(rule.id, rule.severity),
            ",".join(sorted(rule.languages)) or "all",
            rule.plugin,
            "yes" if on else "no",
        )
    Console(width=160).print(table)
    for rule in sorted(auditor.rules.values(), key=lambda r: r.id):
        availability = getattr(rule, "availability", None)  # rules backed by an optional program
        if callable(availability) and (all_rules or config.is_enabled(rule.id, rule.enabled_by_default)):
            typer.echo(f"{rule.id}: backend {availability(config)}")
    for err in auditor.errors:
        typer.echo(f"! {err.kind}: {err.line()}", err=True)
    if auditor.rule_file_errors:
        raise typer.Exit(2)


@rules_app.command("test")
def test_rules(
    paths: List[Path] = typer.Argument(None, help="Rule files or folders (default: the built-in rules/ folder)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Also list the cases that pass."),
) -> None:
    """Run the test cases that rule files carry. Exit 0: all pass; 1: a case fails; 2: a file is malformed."""
    from .declarative.selftest import run_paths
    from .resources import builtin_rules_dir

    targets = list(paths or []) or [builtin_rules_dir()]
    try:
        suite = run_paths(targets)
    except FileNotFoundError as exc:
        typer.echo(f"auditor: error: {exc}", err=True)
        raise typer.Exit(2)
    for err in suite.file_errors:
        typer.echo(f"{err}", err=True)
    for result in suite.results:
        if result.ok:
            if verbose:
                typer.echo(f"ok    {result.id}  ({result.location})")
        else:
            typer.echo(result.diff())
    for rule in suite.untested:
        typer.echo(f"warning: {rule.path}: {rule.id} has no [[tests]] cases", err=True)
    failed = len(suite.failures)
    bad_files = len({e.path for e in suite.file_errors})
    summary = f"{len(suite.results) - failed} passed, {failed} failed, in {len(suite.files)} rule file(s)"
    if bad_files:
        summary += f"; {bad_files} malformed file(s)"
    typer.echo(summary)
    if bad_files:
        raise typer.Exit(2)
    if failed:
        raise typer.Exit(1)


def new_rule(
    name: str = typer.Argument(..., help="Rule id <family>.<name>, e.g. house.banned-words"),
    python: bool = typer.Option(False, "--python", help="Scaffold a plugin package (Python rule, cases, test)."),
    toml: bool = typer.Option(False, "--toml", help="Scaffold a TOML rule file with test cases (the default)."),
    directory: Path = typer.Option(Path("."), "--dir", help="Rules folder (TOML) or parent folder of the package (--python)."),
) -> None:
    """Scaffold a new rule: a TOML rule file with cases, or (--python) a plugin package."""
    from .scaffold import ScaffoldError, scaffold_package, scaffold_toml

    if python and toml:
        typer.echo("auditor: error: choose --python or --toml, not both", err=True)
        raise typer.Exit(2)
    try:
        created = scaffold_package(name, directory) if python else [scaffold_toml(name, directory)]
    except ScaffoldError as exc:
        typer.echo(f"auditor: error: {exc}", err=True)
        raise typer.Exit(2)
    for path in created:
        typer.echo(f"created {path}")
    if python:
        pkg = created[0].parent
        typer.echo(f"\nnext: pip install -e {pkg}  then  python -m pytest {pkg / 'tests'}")
    else:
        typer.echo(f"\nnext: edit it, then  auditor rules test {created[0]}")
