"""The ``auditor`` command line (typer).

Exit codes of ``auditor check``: 0 — every article at or above the threshold; 1 — some article
below it; 2 — a usage error, a bad config or rule file, or an unreadable input (one line per bad
file on stderr; the other files are still audited and reported).
"""

from __future__ import annotations

import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, List, Optional

import typer

from . import __version__
from .config import Config, ConfigError, load_config
from .formats import FormatOptions
from .model import RunError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Audit news articles and drafts (French, English) for quality and misinformation signals.",
    pretty_exceptions_enable=False,
)


def fail(message: str, code: int = 2) -> "typer.Exit":
    typer.echo(f"auditor: error: {message}", err=True)
    return typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"auditor {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """auditor: spelling and grammar, name consistency, attribution and clickbait checks with a score."""


def build_config(
    config_path: Optional[Path],
    rules_dirs: List[Path],
    enable: List[str],
    disable: List[str],
    fail_under: Optional[float] = None,
    lang: Optional[str] = None,
) -> Config:
    try:
        config = load_config(config_path)
    except ConfigError as exc:
        raise fail(str(exc))
    for d in rules_dirs:
        if not d.is_dir():
            raise fail(f"{d}: rules folder not found")
        config.rule_dirs.append(d)
    for item in enable:
        for rid in item.split(","):
            config.enable.add(rid.strip())
            config.disable.discard(rid.strip())
    for item in disable:
        for rid in item.split(","):
            rid = rid.strip()
            if rid.startswith("plugin:"):
                config.disabled_plugins.add(rid[len("plugin:") :])
            else:
                config.disable.add(rid)
                config.enable.discard(rid)
    if fail_under is not None:
        config.fail_under = fail_under
    if lang:
        config.lang = lang
    return config


def make_auditor(config: Config):
    from .engine import Auditor

    return Auditor(config)


# -- parallel workers --------------------------------------------------------------------------
_worker: Any = None


def _init_worker(config: Config) -> None:
    global _worker
    _worker = make_auditor(config)


def _audit_one(path: str, lang: Optional[str]) -> tuple[list, list]:
    from .engine import audit_paths

    run = audit_paths(_worker, [path], lang)
    return run.articles, [e for e in run.errors if e.kind == "input"]


def run_check(auditor, paths: List[str], lang: Optional[str], jobs: int, progress: bool):
    from .engine import RunReport, audit_paths
    from .loaders import expand_inputs

    if jobs <= 1:
        return audit_paths(auditor, paths, lang)
    files = list(expand_inputs(paths, tuple(auditor.loaders)))
    run = RunReport(rules=auditor.rules)
    run.errors.extend(auditor.errors)
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(auditor.config,)) as pool:
        futures = [pool.submit(_audit_one, f, lang) for f in files]
        if progress:
            from rich.progress import Progress

            with Progress(transient=True, console=None) as bar:
                task = bar.add_task("auditing", total=len(futures))
                for fut in futures:
                    fut.add_done_callback(lambda _f: bar.advance(task))
                results = [f.result() for f in futures]
        else:
            results = [f.result() for f in futures]
    for articles, errors in results:
        run.articles.extend(articles)
        run.errors.extend(errors)
    return run


@app.command()
def check(
    paths: List[str] = typer.Argument(..., help="Files, folders or globs; '-' reads an article from stdin."),
    format: str = typer.Option("terminal", "--format", "-f", help="Report format (see 'auditor formats')."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report to this file."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Force the language (fr, en)."),
    config_path: Optional[Path] = typer.Option(None, "--config", help="Config file (default: auditor.toml or pyproject.toml found upwards)."),
    rules: List[Path] = typer.Option([], "--rules", help="Extra rules folder (*.toml rule files, *.py plugins)."),
    enable: List[str] = typer.Option([], "--enable", help="Enable a rule (id, family or prefix.*); repeatable."),
    disable: List[str] = typer.Option([], "--disable", help="Disable a rule, family, or plugin:NAME; repeatable."),
    fail_under: Optional[float] = typer.Option(None, "--fail-under", help="Exit 1 when an article scores below this."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Processes for many files."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Terminal: scores only, no findings."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Report only findings not in this baseline file."),
    write_baseline: Optional[Path] = typer.Option(None, "--write-baseline", help="Record the current findings as a baseline file."),
) -> None:
    """Audit articles and print a report."""
    from .language import UnsupportedLanguage, normalise_language

    if lang:
        try:
            lang = normalise_language(lang)
        except UnsupportedLanguage as exc:
            raise fail(str(exc))
    config = build_config(config_path, rules, enable, disable, fail_under, lang)
    auditor = make_auditor(config)
    if auditor.rule_file_errors:
        for e in auditor.rule_file_errors:
            typer.echo(f"auditor: error: {e}", err=True)
        raise typer.Exit(2)
    if format not in auditor.formats:
        raise fail(f"unknown format {format!r} (known: {', '.join(sorted(auditor.formats))})")
    progress = jobs > 1 and sys.stderr.isatty() and not quiet
    known = None
    if baseline is not None:
        from .baseline import BaselineError, load as load_baseline

        try:
            known = load_baseline(baseline)
        except BaselineError as exc:
            raise fail(str(exc))
    run = run_check(auditor, paths, lang, jobs, progress)
    if write_baseline is not None:
        from .baseline import write as write_baseline_file

        try:
            count = write_baseline_file(run, write_baseline)
        except OSError as exc:
            raise fail(f"{write_baseline}: cannot write: {exc.strerror or exc}")
        typer.echo(f"auditor: baseline of {count} finding(s) written to {write_baseline}", err=True)
    if known is not None:
        from .baseline import apply as apply_baseline

        apply_baseline(run, known, config)
    input_errors = [e for e in run.errors if e.kind == "input"]
    for err in input_errors:
        typer.echo(f"auditor: error: {err.line()}", err=True)
    for err in run.errors:
        if err.kind == "plugin" and format != "terminal":
            typer.echo(f"auditor: warning: plugin {err.line()}", err=True)
    color = output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    width = 100
    try:
        width = os.get_terminal_size().columns if color else 100
    except OSError:
        pass
    options = FormatOptions(color=color, width=width, quiet=quiet, fail_under=config.fail_under)
    text = auditor.formats[format].render(run, options)
    if output is not None:
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise fail(f"{output}: cannot write: {exc.strerror or exc}")
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    if input_errors:
        raise typer.Exit(2)
    if config.fail_under is not None and any(
        a.score is not None and a.score < config.fail_under for a in run.articles
    ):
        raise typer.Exit(1)


from .cli_rules import new_rule, rules_app  # noqa: E402  (auditor rules [test], auditor new-rule)

app.add_typer(rules_app, name="rules")
app.command("new-rule")(new_rule)


@app.command()
def explain(
    rule_id: Optional[str] = typer.Argument(None, help="A rule id, e.g. boilerplate.page-furniture"),
    rules: List[Path] = typer.Option([], "--rules", help="Extra rules folder (for its rules' documentation)."),
    trace: Optional[str] = typer.Option(
        None, "--trace", metavar="FILE[:LINE]",
        help="Instead of a rule's documentation: why each sentence of FILE (or of its line LINE) was or was not "
        "flagged by the attribution family — claims, sources, the decision-table row that decided."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Force the language (fr, en) of the traced file."),
) -> None:
    """Print a rule's documentation (Python and TOML rules alike), or an attribution trace of a file."""
    if trace is not None:
        _trace(trace, lang)
        return
    if rule_id is None:
        raise fail("explain needs a rule id, or --trace FILE[:LINE]")
    auditor = make_auditor(build_config(None, rules, [], []))
    rule = auditor.rules.get(rule_id)
    if rule is None:
        close = [r for r in auditor.rules if rule_id.split(".")[-1] in r]
        hint = f" (did you mean {', '.join(close[:3])}?)" if close else ""
        raise fail(f"no rule {rule_id!r}{hint}")
    typer.echo(f"{rule.id}  [{rule.category}, {rule.severity}, {','.join(sorted(rule.languages)) or 'all languages'}, plugin {rule.plugin}]\n")
    typer.echo(rule.documentation())


def _trace(target: str, lang: Optional[str]) -> None:
    """``explain --trace FILE[:LINE]``: the attribution stages' view of every sentence."""
    from .analysis import Analysis
    from .attribution.trace import format_trace
    from .language import UnsupportedLanguage
    from .loaders import LoadError

    path, _, tail = target.rpartition(":")
    line = int(tail) if path and tail.isdigit() else None
    path = path if line is not None else target
    auditor = make_auditor(build_config(None, [], [], []))
    try:
        articles = auditor.load(path)
    except LoadError as exc:
        raise fail(str(exc))
    for article in articles:
        try:
            resolved = auditor.resolve_language(article, lang)
        except UnsupportedLanguage as exc:
            raise fail(f"{article.source}: {exc}")
        typer.echo(format_trace(Analysis(article, resolved), "body", line))


@app.command()
def formats() -> None:
    """List the report formats."""
    auditor = make_auditor(build_config(None, [], [], []))
    for name, fmt in sorted(auditor.formats.items()):
        typer.echo(f"{name:10s} {fmt.description}")


@app.command("eval")
def evaluate(
    gold: List[str] = typer.Argument(..., help="Gold files or folders (article + expect/allow/ignore)."),
    format: str = typer.Option("text", "--format", "-f", help="text or json"),
    family: List[str] = typer.Option([], "--family", help="Only score these category families."),
    min_severity: str = typer.Option("info", "--min-severity", help="Score only findings at this level or above: info, warning or error."),
    config_path: Optional[Path] = typer.Option(None, "--config"),
    rules: List[Path] = typer.Option([], "--rules"),
    enable: List[str] = typer.Option([], "--enable"),
    disable: List[str] = typer.Option([], "--disable"),
) -> None:
    """Measure the rules against gold-annotated articles: precision, recall, F1, score separation."""
    import json

    from .evaluate import GoldError, evaluate_files, format_text

    if min_severity not in ("info", "warning", "error"):
        raise fail(f"--min-severity: {min_severity!r} is not one of info, warning, error")
    config = build_config(config_path, rules, enable, disable)
    auditor = make_auditor(config)
    try:
        result = evaluate_files(auditor, gold, families=family or None, min_severity=min_severity)
    except GoldError as exc:
        raise fail(str(exc))
    if format == "json":
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        typer.echo(format_text(result))


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("auditor: interrupted\n")
        sys.exit(130)


if __name__ == "__main__":
    main()
