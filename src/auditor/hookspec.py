"""Hook specifications: the whole contract between auditor and its plugins.

Every feature of auditor is a plugin that implements some of these hooks, the built-in rules,
loaders and report formats included; they go through exactly the path a third-party plugin does.
A plugin is any module or object with functions named after these hooks and decorated with
:data:`auditor.hookimpl`::

    from auditor import hookimpl, Rule

    class BannedWord(Rule):
        ...

    @hookimpl
    def auditor_rules(config):
        return [BannedWord]

Plugins are found three ways: the built-in list, the ``auditor`` entry-point group of installed
packages (``[project.entry-points.auditor] myplugin = "my_package.plugin"``), and ``.py`` files in
rule folders (``--rules DIR`` or ``rules = [...]`` in the config). A plugin that fails to import or
raises is reported in the report's ``errors`` and the run goes on. Any plugin can be disabled by
name (``--disable plugin:NAME`` or ``disable-plugins = [...]``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Sequence

import pluggy

if TYPE_CHECKING:
    from .config import Config
    from .formats import Format
    from .loaders import Loader
    from .rule import Rule

PROJECT = "auditor"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


# -------------------------------------------------------------------------------------------------
# Initialisation
# -------------------------------------------------------------------------------------------------


@hookspec(historic=True)
def auditor_configure(config: "Config") -> None:
    """Called once after the configuration is read and every plugin is registered.

    :param config: the run's configuration. A plugin may read its own settings from
        ``config.plugin_settings("<name>")`` and keep them for later hooks.

    The hook is historic: a plugin registered later (a rule-folder plugin) is called too.
    """


# -------------------------------------------------------------------------------------------------
# Rules
# -------------------------------------------------------------------------------------------------


@hookspec
def auditor_rules(config: "Config") -> "Sequence[type[Rule] | Rule]":
    """Return the rules this plugin provides.

    :param config: the run's configuration, for plugins whose rules depend on settings.
    :return: rule classes (instantiated by the engine with no argument) or ready rule instances.

    Rule ids must be unique across plugins; a duplicate id is reported as a plugin error and the
    first registration wins.
    """


@hookspec
def auditor_rule_packs(config: "Config") -> "Sequence[Path]":
    """Return folders of declarative rule files (``*.toml``) that this plugin ships.

    :return: paths of folders; every ``*.toml`` file in them (recursively) is loaded as a rule
        file, exactly as a newsroom's own rules folder is.
    """


# -------------------------------------------------------------------------------------------------
# Input and output
# -------------------------------------------------------------------------------------------------


@hookspec
def auditor_loaders() -> "Sequence[Loader]":
    """Return article loaders (each handles some file suffixes, see :class:`auditor.loaders.Loader`).

    When two loaders claim the same suffix, the one registered last (a third-party plugin) wins.
    """


@hookspec
def auditor_formats() -> "Sequence[Format]":
    """Return report formats (each has a unique ``name`` used by ``--format``)."""
