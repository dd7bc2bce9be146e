"""Configuration: ``[tool.auditor]`` in pyproject.toml or an ``auditor.toml``, found upwards.

Example (``auditor.toml`` uses the same keys at its top level)::

    [tool.auditor]
    rules = ["newsroom-rules"]          # rule folders: *.toml rule files and *.py plugins
    disable = ["typography.double-space", "plugin:auditor.builtin.typography"]
    enable = ["style.sentence-length"]  # rules that are off by default
    fail-under = 60
    vocabulary = ["Rekognition", "Ozer"]      # accepted words (case-aware, whole words)
    canonical-names = ["Rekognition", "Nicole Ozer"]

    [tool.auditor.rule."attribution.vague-source"]
    severity = "error"                  # any rule option goes here too

    [tool.auditor.score]
    scale = 60
    severity = { error = 3.0, warning = 1.5, info = 0.5 }
    category = { clickbait = 1.5 }

The config is a plain, picklable value so that worker processes (``-j``) rebuild the same engine.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from .score import ScoreWeights


class ConfigError(ValueError):
    """The configuration file is invalid; the message names the file and key."""


_KNOWN_KEYS = {
    "rules",
    "enable",
    "disable",
    "disable-plugins",
    "fail-under",
    "lang",
    "vocabulary",
    "canonical-names",
    "rule",
    "score",
    "languagetool",
    "grammalecte",
    "plugins",
}


@dataclass
class Config:
    """The resolved settings of one run."""

    path: Path | None = None
    rule_dirs: list[Path] = field(default_factory=list)
    enable: set[str] = field(default_factory=set)
    disable: set[str] = field(default_factory=set)
    disabled_plugins: set[str] = field(default_factory=set)
    fail_under: float | None = None
    lang: str | None = None
    vocabulary: list[str] = field(default_factory=list)
    canonical_names: list[str] = field(default_factory=list)
    rule_settings: dict[str, dict[str, Any]] = field(default_factory=dict)
    score: ScoreWeights = field(default_factory=ScoreWeights)
    plugins: dict[str, dict[str, Any]] = field(default_factory=dict)
    load_entry_points: bool = True

    def rule_options(self, rule_id: str, defaults: Mapping[str, Any]) -> dict[str, Any]:
        opts = dict(defaults)
        for key, value in self.rule_settings.get(rule_id, {}).items():
            if key not in ("severity", "enabled"):
                opts[key] = value
        return opts

    def severity_for(self, rule_id: str, default: str) -> str:
        return self.rule_settings.get(rule_id, {}).get("severity", default)

    def is_enabled(self, rule_id: str, default: bool = True) -> bool:
        """A rule is on unless disabled by id, by family (``names``) or by prefix (``names.*``)."""
        setting = self.rule_settings.get(rule_id, {}).get("enabled")
        if _matches(rule_id, self.disable):
            return rule_id in self.enable
        if _matches(rule_id, self.enable):
            return True
        if setting is not None:
            return bool(setting)
        return default

    def plugin_settings(self, name: str) -> dict[str, Any]:
        return self.plugins.get(name, {})


def _matches(rule_id: str, patterns: set[str]) -> bool:
    for pat in patterns:
        if pat in ("all", "*") or pat == rule_id:
            return True
        if pat.endswith(".*") and rule_id.startswith(pat[:-1]):
            return True
        if "." not in pat and rule_id.split(".")[0] == pat:
            return True
    return False


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``auditor.toml``, or ``pyproject.toml`` with a ``[tool.auditor]`` table."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "auditor.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                data = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
                continue
            if "auditor" in data.get("tool", {}):
                return candidate
    return None


def load_config(path: Path | None = None, *, discover: bool = True) -> Config:
    """Read a config file (or find one); an absent file gives the defaults."""
    if path is None and discover:
        path = find_config()
    if path is None:
        return Config()
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such config file") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    table = data.get("tool", {}).get("auditor", {}) if Path(path).name == "pyproject.toml" else data
    return config_from_mapping(table, Path(path))


def config_from_mapping(table: Mapping[str, Any], path: Path | None = None) -> Config:
    where = str(path) if path else "config"
    unknown = set(table) - _KNOWN_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    base = path.parent if path else Path.cwd()

    def str_list(key: str) -> list[str]:
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: '{key}' must be a list of strings")
        return value

    fail_under = table.get("fail-under")
    if fail_under is not None and not isinstance(fail_under, (int, float)):
        raise ConfigError(f"{where}: 'fail-under' must be a number")
    rule_settings = table.get("rule", {})
    if not isinstance(rule_settings, dict) or not all(isinstance(v, dict) for v in rule_settings.values()):
        raise ConfigError(f"{where}: 'rule' must be a table of tables, e.g. [tool.auditor.rule.\"names.dictionary\"]")
    for rid, settings in rule_settings.items():
        sev = settings.get("severity")
        if sev is not None and sev not in ("error", "warning", "info"):
            raise ConfigError(f"{where}: rule {rid}: severity must be error, warning or info, not {sev!r}")
    try:
        score = ScoreWeights.from_mapping(table.get("score", {}))
    except ValueError as exc:
        raise ConfigError(f"{where}: score: {exc}") from None
    plugins = {k: table[k] for k in ("languagetool", "grammalecte") if isinstance(table.get(k), dict)}
    plugins.update(table.get("plugins", {}) or {})
    return Config(
        path=path,
        rule_dirs=[(base / p) for p in str_list("rules")],
        enable=set(str_list("enable")),
        disable={d for d in str_list("disable") if not d.startswith("plugin:")},
        disabled_plugins={d[len("plugin:"):] for d in str_list("disable") if d.startswith("plugin:")}
        | set(str_list("disable-plugins")),
        fail_under=float(fail_under) if fail_under is not None else None,
        lang=table.get("lang"),
        vocabulary=str_list("vocabulary"),
        canonical_names=str_list("canonical-names"),
        rule_settings={k: dict(v) for k, v in rule_settings.items()},
        score=score,
        plugins=plugins,
    )
