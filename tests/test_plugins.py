"""The plugin host: a rule that raises, a plugin file that fails to import, a hook that raises and a
duplicate rule id are reported in the report's errors, and every other rule still reports."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from typer.testing import CliRunner

import auditor
from auditor import Article, Config, hookimpl
from auditor.cli import app
from auditor.engine import Auditor

runner = CliRunner()

GOOD_PLUGIN = '''
from auditor import Rule, hookimpl


class Shouting(Rule):
    """Words in capitals.

    What it does
    ------------
    Flags SHOUTING.

    Why it matters
    --------------
    Capitals shout.

    Example
    -------
    ``a LOUD word``

    Instead
    -------
    ``a loud word``
    """

    id = "house.shouting"
    category = "style"

    def check(self, ctx):
        import re
        for field in self.fields:
            for m in re.finditer(r"\\b[A-Z]{4,}\\b", ctx.text(field)):
                yield ctx.finding(field, m.start(), m.end(), "Shouting.")


@hookimpl
def auditor_rules(config):
    return [Shouting]
'''

RAISING_RULE_PLUGIN = GOOD_PLUGIN.replace("house.shouting", "house.broken").replace("class Shouting", "class Broken").replace(
    "return [Shouting]", "return [Broken]"
).replace("import re\n", "raise RuntimeError('boom in the rule')\n")

IMPORT_ERROR_PLUGIN = "import auditor_no_such_module_anywhere\n"

RAISING_HOOK_PLUGIN = '''
from auditor import hookimpl


@hookimpl
def auditor_rules(config):
    raise ValueError("boom in the hook")
'''


def make_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "good.py").write_text(GOOD_PLUGIN, encoding="utf-8")
    (folder / "raises.py").write_text(RAISING_RULE_PLUGIN, encoding="utf-8")
    (folder / "cannot_import.py").write_text(IMPORT_ERROR_PLUGIN, encoding="utf-8")
    (folder / "hook_raises.py").write_text(RAISING_HOOK_PLUGIN, encoding="utf-8")
    return folder


def test_broken_plugins_are_reported_and_the_others_still_report(tmp_path):
    folder = make_folder(tmp_path)
    article = tmp_path / "a.md"
    article.write_text("# A LOUD headline\n\nThe council  voted.\n", encoding="utf-8")
    res = runner.invoke(app, ["check", str(article), "--rules", str(folder), "--format", "json", "--lang", "en"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    run_errors = report["errors"]
    assert any(e["kind"] == "plugin" and e["plugin"] == "rules:cannot_import" and "failed to import" in e["message"]
               and "ModuleNotFoundError" in e["message"] for e in run_errors), run_errors
    assert any(e["plugin"] == "rules:hook_raises" and "boom in the hook" in e["message"] for e in run_errors), run_errors
    art = report["articles"][0]
    rule_errors = [e for e in art["errors"] if e.get("rule") == "house.broken"]
    assert len(rule_errors) == 1 and "RuntimeError: boom in the rule" in rule_errors[0]["message"]
    found = {(f["rule"], f["excerpt"]) for f in art["findings"]}
    assert ("house.shouting", "LOUD") in found
    assert ("typography.double-space", "  ") in found
    # the plugin errors are also announced on stderr for machine formats
    assert "cannot_import" in res.stderr


def test_duplicate_rule_id_is_an_error_and_the_first_wins(tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "a_first.py").write_text(GOOD_PLUGIN, encoding="utf-8")
    (folder / "b_second.py").write_text(GOOD_PLUGIN, encoding="utf-8")
    config = Config(load_entry_points=False, rule_dirs=[folder])
    engine = Auditor(config)
    assert engine.rules["house.shouting"].plugin == "rules:a_first"
    assert any("duplicate rule id house.shouting" in e.message for e in engine.errors)


def test_disable_plugin_by_name(tmp_path):
    folder = make_folder(tmp_path)
    config = Config(load_entry_points=False, rule_dirs=[folder], disabled_plugins={"rules:good"})
    engine = Auditor(config)
    assert "house.shouting" not in engine.rules


def test_plugin_object_registered_from_python():
    class Plugin:
        @hookimpl
        def auditor_rules(self, config):
            from auditor.rule import Rule

            class Inline(Rule):
                """Inline.

                What it does
                ------------
                Flags the word inline.

                Why it matters
                --------------
                A test.

                Example
                -------
                ``inline``

                Instead
                -------
                ``online``
                """

                id = "house.inline"

                def check(self, ctx):
                    i = ctx.text("body").find("inline")
                    if i >= 0:
                        yield ctx.finding("body", i, i + 6, "inline")

            return [Inline]

    engine = Auditor(Config(load_entry_points=False), extra_plugins=[(Plugin(), "inline-plugin")])
    report = engine.audit(Article(title="T", body="An inline test.", lang="en"))
    assert [(f.rule, f.excerpt) for f in report.findings if f.rule == "house.inline"] == [("house.inline", "inline")]


def test_public_api_is_versioned_and_typed():
    assert auditor.API_VERSION.count(".") == 1
    for name in ("Rule", "Context", "Finding", "Article", "Analysis", "hookimpl", "Auditor", "Config"):
        assert hasattr(auditor, name)
    from auditor import hookspec

    for hook in ("auditor_configure", "auditor_rules", "auditor_rule_packs", "auditor_loaders", "auditor_formats"):
        fn = getattr(hookspec, hook)
        assert fn.__doc__ and fn.__annotations__, hook
    assert (Path(auditor.__file__).parent / "py.typed").is_file()


def test_scaffold_module_docstring_mentions_entry_point():
    text = textwrap.dedent(auditor.hookspec.__doc__ or "")
    assert "[project.entry-points.auditor]" in text


def test_installed_plugin_that_fails_to_import_is_reported(monkeypatch, tmp_path):
    from importlib.metadata import EntryPoint

    broken = [EntryPoint(name="broken-pkg", value="auditor_no_such_package.plugin", group="auditor")]
    monkeypatch.setattr("auditor.plugins.importlib.metadata.entry_points",
                        lambda group=None: broken if group == "auditor" else [])
    article = tmp_path / "a.md"
    article.write_text("# Title\n\nThe council  voted.\n", encoding="utf-8")
    res = runner.invoke(app, ["check", str(article), "--format", "json", "--lang", "en"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    assert any(e["plugin"] == "broken-pkg" and "failed to import auditor_no_such_package.plugin" in e["message"]
               for e in report["errors"]), report["errors"]
    assert ("typography.double-space", "  ") in {(f["rule"], f["excerpt"]) for f in report["articles"][0]["findings"]}
