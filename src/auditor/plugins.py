"""The plugin host: registers built-in plugins, entry points and rule-folder plugins with pluggy.

Modelled on sqlfluff's ``core/plugin/host.py``: each plugin is loaded on its own, and one that
fails to import or whose hook raises is recorded as a :class:`~auditor.model.RunError` (shown in
every report's ``errors``) instead of stopping the run.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Iterable

import pluggy

from . import hookspec
from .config import Config
from .model import RunError

ENTRY_POINT_GROUP = "auditor"

def builtin_plugins() -> list[str]:
    """Built-in plugins: every module of :mod:`auditor.builtin`, registered as third-party ones are."""
    import pkgutil

    from . import builtin

    return sorted(f"auditor.builtin.{m.name}" for m in pkgutil.iter_modules(builtin.__path__) if not m.name.startswith("_"))


@dataclass
class PluginHost:
    """A pluggy manager plus the errors met while loading plugins."""

    config: Config
    pm: pluggy.PluginManager = field(init=False)
    errors: list[RunError] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.pm = pluggy.PluginManager(hookspec.PROJECT)
        self.pm.add_hookspecs(hookspec)

    # -- registration -----------------------------------------------------------------------
    def register(self, plugin: Any, name: str) -> None:
        if name in self.config.disabled_plugins or self.pm.is_blocked(name):
            return
        if self.pm.has_plugin(name):
            return
        try:
            self.pm.register(plugin, name=name)
        except Exception as exc:  # pluggy validates hook signatures here
            self.errors.append(RunError("plugin", f"cannot register: {exc}", plugin=name))

    def load_builtins(self) -> None:
        for modname in builtin_plugins():
            self._import_and_register(modname, modname)

    def _import_and_register(self, modname: str, name: str) -> None:
        if name in self.config.disabled_plugins:
            return
        try:
            module = importlib.import_module(modname)
        except Exception as exc:
            self.errors.append(RunError("plugin", f"failed to import: {_short(exc)}", plugin=name))
            return
        self.register(module, name)

    def load_entry_points(self) -> None:
        """Installed packages that declare ``[project.entry-points.auditor]``."""
        for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
            if ep.name in self.config.disabled_plugins:
                continue
            try:
                plugin = ep.load()
            except Exception as exc:
                self.errors.append(RunError("plugin", f"failed to import {ep.value}: {_short(exc)}", plugin=ep.name))
                continue
            self.register(plugin, ep.name)

    def load_rule_folder(self, folder: Path) -> None:
        """``.py`` plugin files in a rules folder (``*.toml`` rule files are read by the rule-pack plugin)."""
        for path in sorted(folder.rglob("*.py")):
            if path.name.startswith(("_", "test_")) or "tests" in path.relative_to(folder).parts:
                continue
            name = f"rules:{path.relative_to(folder).with_suffix('').as_posix()}"
            if name in self.config.disabled_plugins or path.stem in self.config.disabled_plugins:
                continue
            module = self._import_file(path, name)
            if module is not None:
                self.register(module, name)

    def _import_file(self, path: Path, name: str) -> ModuleType | None:
        modname = "auditor_rules_" + "".join(c if c.isalnum() else "_" for c in str(path.resolve()))
        try:
            spec = importlib.util.spec_from_file_location(modname, path)
            assert spec and spec.loader
            module = importlib.util.module_from_spec(spec)
            sys.modules[modname] = module
            spec.loader.exec_module(module)
            return module
        except Exception as exc:
            sys.modules.pop(modname, None)
            self.errors.append(RunError("plugin", f"failed to import {path}: {_short(exc)}", plugin=name))
            return None

    # -- calling hooks ----------------------------------------------------------------------
    def call_each(self, hook_name: str, **kwargs: Any) -> list[tuple[str, Any]]:
        """Call a hook plugin by plugin, so one that raises does not hide the others' results."""
        hook = getattr(self.pm.hook, hook_name)
        results = []
        for impl in hook.get_hookimpls():
            name = self.pm.get_name(impl.plugin) or repr(impl.plugin)
            try:
                args = {k: v for k, v in kwargs.items() if k in impl.argnames}
                res = impl.function(**args)
            except Exception as exc:
                self.errors.append(RunError("plugin", f"{hook_name} raised {_short(exc)}", plugin=name))
                continue
            if res is not None:
                results.append((name, res))
        return results

    def configure(self) -> None:
        for name, _ in self.call_each("auditor_configure", config=self.config):
            pass

    def plugin_names(self) -> list[str]:
        return [n for n, _ in self.pm.list_name_plugin()]


def _short(exc: BaseException) -> str:
    """One line naming the exception and where it was raised."""
    tb = traceback.extract_tb(exc.__traceback__)
    where = f" ({Path(tb[-1].filename).name}:{tb[-1].lineno})" if tb else ""
    msg = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {msg}{where}" if msg else f"{type(exc).__name__}{where}"


def build_host(config: Config, extra_plugins: Iterable[tuple[Any, str]] = ()) -> PluginHost:
    host = PluginHost(config)
    host.load_builtins()
    if config.load_entry_points:
        host.load_entry_points()
    for folder in config.rule_dirs:
        if folder.is_dir():
            host.load_rule_folder(folder)
        else:
            host.errors.append(RunError("plugin", f"rules folder {folder} does not exist", plugin=str(folder)))
    for plugin, name in extra_plugins:
        host.register(plugin, name)
    host.configure()
    return host


short_error: Callable[[BaseException], str] = _short
