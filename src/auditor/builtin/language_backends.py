"""Rules backed by external checkers: LanguageTool (when configured) and Grammalecte (when
installed). Both are optional; the embedded spelling and grammar rules run without them."""

from __future__ import annotations

from typing import Any, Iterable

from auditor.backends import grammalecte
from auditor.backends.languagetool import BackendUnavailable, backend_for, settings_from_config
from auditor.hookspec import hookimpl
from auditor.model import Finding
from auditor.rule import Context, Rule

_LT_CATEGORIES = {
    "TYPOS": "spelling",
    "TYPOGRAPHY": "typography",
    "PUNCTUATION": "typography",
    "STYLE": "style",
    "REDUNDANCY": "style",
    "REPETITIONS": "style",
    "REPETITIONS_STYLE": "style",
    "PLAIN_ENGLISH": "style",
    "WIKIPEDIA": "style",
    "CASING": "typography",
}
_GC_CATEGORIES = {
    "typo": "typography", "apos": "typography", "esp": "typography", "nbsp": "typography",
    "unit": "typography", "num": "typography", "tab": "typography", "maj": "typography",
    "spelling": "spelling", "bs": "style", "pleo": "style", "redon1": "style", "redon2": "style",
}


class LanguageToolRule(Rule):
    """Matches of a LanguageTool server or local distribution, when one is configured.

    What it does
    ------------
    Sends the title and the body to LanguageTool and turns its matches into findings that keep
    LanguageTool's rule id (``data.lt_rule``), category and replacements, with exact spans
    (LanguageTool counts UTF-16 code units; they are converted). Nothing happens unless
    ``[tool.auditor.languagetool] url = "http://host:8081"`` (or ``local = true`` with a
    distribution under ``$LTP_PATH/LanguageTool-<version>/``) is set: auditor never downloads
    LanguageTool and never sends text to the public API. A configured backend that cannot be
    reached gives one ``backend`` warning in the report; the embedded rules still run.
    LanguageTool's spell-checking matches are dropped by default (``spelling = true`` keeps them):
    the embedded spelling rule knows about names. Where an embedded grammar rule flags the same
    words, its finding is kept and LanguageTool's dropped.

    Why it matters
    --------------
    LanguageTool has thousands of grammar and style rules in French and English; newsrooms that
    run a server get them in the same report, score and CI gate as the rest.

    Example
    -------
    ``[tool.auditor.languagetool]``
    ``url = "http://languagetool.internal:8081"``

    Instead
    -------
    Fix the text as LanguageTool's replacement suggests, or disable its rule with
    ``disabled_rules = ["RULE_ID"]`` in the same table.
    """

    id = "grammar.languagetool"
    category = "grammar"
    severity = "warning"
    languages = frozenset({"fr", "en"})

    def check(self, ctx: Context) -> Iterable[Finding]:
        settings = settings_from_config(ctx.config.plugin_settings("languagetool"))
        if settings is None:
            return
        backend = backend_for(settings)
        lang = {"fr": "fr", "en": "en-US"}.get(ctx.lang, ctx.lang)
        for field in self.fields:
            text = ctx.text(field)
            if not text.strip():
                continue
            for m in backend.check(text, lang):
                quoted = ctx.analysis.in_quote(field, m.start, m.end)
                yield ctx.finding(
                    field, m.start, m.end, f"{m.message} [LanguageTool {m.rule_id}]",
                    suggestions=m.replacements[:5], category=_LT_CATEGORIES.get(m.category, "grammar"),
                    severity="info" if quoted else None, confidence=0.8,
                    lt_rule=m.rule_id, lt_category=m.category, lt_issue_type=m.issue_type, quoted=quoted,
                )


_GC_FAILED: dict[str, bool] = {}


class GrammalecteRule(Rule):
    """Errors found by Grammalecte, the French grammar checker, when it is installed.

    What it does
    ------------
    Runs ``grammalecte-cli`` (out of process: Grammalecte is GPL-3.0) on the title and body of
    French articles and reports its grammar errors (agreement, conjugation, participles, set
    phrases, confusions…) with its rule id (``data.gc_rule``) and suggestions. Its typography
    options are off (the ``typography`` rules own those) unless ``[tool.auditor.grammalecte]
    typography = true``; its spelling errors are left to the embedded spelling rule. When an
    embedded grammar rule flags the same words, its finding is kept. Without Grammalecte the rule
    does nothing and ``auditor rules`` says how to install it (``apt-get install
    grammalecte-cli``).

    Why it matters
    --------------
    Grammalecte is the most thorough free French grammar checker; agreement errors across a
    sentence are beyond the embedded rules.

    Example
    -------
    ``Les électeurs ont choisis leur candidat.``

    Instead
    -------
    ``Les électeurs ont choisi leur candidat.``
    """

    id = "grammar.grammalecte"
    category = "grammar"
    severity = "warning"
    languages = frozenset({"fr"})

    def availability(self, config: Any) -> str:
        ok, detail = grammalecte.status(config.plugin_settings("grammalecte"))
        return ("available: " if ok else "unavailable: ") + detail

    def check(self, ctx: Context) -> Iterable[Finding]:
        table = ctx.config.plugin_settings("grammalecte")
        if table.get("enabled") is False:
            return
        configured = bool(table)
        if grammalecte.find_command(table) is None and not configured:
            return  # not installed, not asked for: nothing to say per article
        key = str(table.get("command") or "grammalecte-cli")
        if _GC_FAILED.get(key):
            return
        fields = {f: ctx.text(f) for f in self.fields if ctx.text(f).strip()}
        try:
            errors = grammalecte.check_fields(fields, table)
        except BackendUnavailable:
            _GC_FAILED[key] = True
            raise
        for e in errors:
            quoted = ctx.analysis.in_quote(e.field, e.start, e.end)
            yield ctx.finding(
                e.field, e.start, e.end, f"{e.message} [Grammalecte {e.kind}]",
                suggestions=e.suggestions[:5], category=_GC_CATEGORIES.get(e.kind, "grammar"),
                severity="info" if quoted else None, confidence=0.85,
                gc_rule=e.rule_id, gc_type=e.kind, quoted=quoted,
            )


@hookimpl
def auditor_rules(config):
    return [LanguageToolRule, GrammalecteRule]
