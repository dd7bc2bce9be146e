"""An optional LanguageTool backend, through ``language-tool-python`` 3.4.x.

Used **only when configured**, never downloaded:

* a server: ``[tool.auditor.languagetool] url = "http://host:8081"``;
* or a LanguageTool distribution placed by hand under ``$LTP_PATH/LanguageTool-<version>/``
  (``[tool.auditor.languagetool] local = true``, or ``version = "6.6"`` to pick one); the client
  then starts it with the local Java. If no such folder exists the backend is unavailable: the
  client is never constructed, so its automatic download cannot start.

Other keys: ``disabled_rules`` / ``enabled_rules`` / ``disabled_categories`` (LanguageTool ids),
``spelling = false`` (default: LanguageTool's spell-checking rules are dropped, the embedded
Hunspell rule and its name handling do that job), ``picky = false``.

LanguageTool reports offsets in UTF-16 code units. :func:`utf16_to_index` turns them into Python
string indices (``language-tool-python`` corrects the start of a match for characters outside the
Basic Multilingual Plane but not its length, so the end is recomputed here from the UTF-16 start).

Errors: the client fails with ``LanguageToolError``, but also with ``requests`` exceptions,
``FileNotFoundError``, ``ValueError``, ``ModuleNotFoundError`` (no Java) or ``SystemError`` (wrong
Java). Every one of them becomes a :class:`BackendUnavailable` with one clear line.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping


class BackendUnavailable(RuntimeError):
    """A configured backend cannot be used; the engine reports it as a ``backend`` error."""

    error_kind = "backend"


@dataclass(frozen=True)
class LTMatch:
    """One LanguageTool match, with Python offsets into the checked text."""

    start: int
    end: int
    rule_id: str
    category: str
    issue_type: str
    message: str
    replacements: tuple[str, ...]


@dataclass(frozen=True)
class LTSettings:
    url: str | None = None
    local_dir: str | None = None  # $LTP_PATH/LanguageTool-<version>
    disabled_rules: tuple[str, ...] = ()
    enabled_rules: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    spelling: bool = False
    picky: bool = False

    @property
    def version(self) -> str | None:
        if not self.local_dir:
            return None
        m = re.search(r"LanguageTool-(.+)$", Path(self.local_dir).name)
        return m.group(1) if m else None

    def describe(self) -> str:
        return self.url or self.local_dir or "(not configured)"


def _strs(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in (value or ()))


def local_distributions(ltp_path: str | None = None) -> list[Path]:
    """``LanguageTool-<version>`` folders under ``$LTP_PATH``, newest name last."""
    base = ltp_path or os.environ.get("LTP_PATH")
    if not base or not Path(base).is_dir():
        return []
    return sorted(p for p in Path(base).glob("LanguageTool-*") if p.is_dir())


def settings_from_config(table: Mapping[str, Any]) -> LTSettings | None:
    """The backend's settings from ``[tool.auditor.languagetool]``; None when not configured."""
    if not table:
        return None
    url = table.get("url") or table.get("remote_server")
    local_dir = None
    if not url and (table.get("local") or table.get("version")):
        dists = local_distributions(table.get("ltp_path"))
        wanted = table.get("version")
        if wanted:
            dists = [d for d in dists if d.name == f"LanguageTool-{wanted}"]
        local_dir = str(dists[-1]) if dists else f"{table.get('ltp_path') or os.environ.get('LTP_PATH') or '$LTP_PATH'}/LanguageTool-{wanted or '<version>'}"
    if not url and not local_dir:
        return None
    return LTSettings(
        url=str(url) if url else None,
        local_dir=local_dir,
        disabled_rules=_strs(table.get("disabled_rules")),
        enabled_rules=_strs(table.get("enabled_rules")),
        disabled_categories=_strs(table.get("disabled_categories")),
        spelling=bool(table.get("spelling", False)),
        picky=bool(table.get("picky", False)),
    )


def utf16_to_index(text: str) -> list[int]:
    """``table[u]`` is the Python index of UTF-16 offset ``u`` (one entry per code unit, plus the end)."""
    table: list[int] = []
    for i, ch in enumerate(text):
        table.append(i)
        if ord(ch) > 0xFFFF:
            table.append(i)  # the low surrogate maps to the same character
    table.append(len(text))
    return table


def index_to_utf16(text: str, index: int) -> int:
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


_SPELL_RULE = re.compile(r"MORFOLOGIK|HUNSPELL|SPELLER|SPELLING_RULE|SPELLCHECK", re.I)


class LanguageToolBackend:
    """One client per language, created lazily.

    A failure is raised once as :class:`BackendUnavailable` (one warning line in the report) and
    remembered: later checks in the same process return nothing instead of retrying a dead server.
    """

    def __init__(self, settings: LTSettings) -> None:
        self.settings = settings
        self._tools: dict[str, Any] = {}
        self._failed: str | None = None
        self._lock = threading.Lock()

    @property
    def failed(self) -> str | None:
        return self._failed

    def _tool(self, lang: str) -> Any:
        if self._failed:
            return None  # already reported once in this process
        tool = self._tools.get(lang)
        if tool is not None:
            return tool
        s = self.settings
        try:
            import language_tool_python as ltp

            if s.url:
                tool = ltp.LanguageTool(lang, remote_server=s.url)
            else:
                if not s.local_dir or not Path(s.local_dir).is_dir() or not s.version:
                    raise FileNotFoundError("no unpacked distribution there; auditor never downloads LanguageTool")
                os.environ["LTP_PATH"] = str(Path(s.local_dir).parent)
                tool = ltp.LanguageTool(lang, language_tool_download_version=s.version)
            if s.disabled_rules:
                tool.disabled_rules = set(s.disabled_rules)
            if s.enabled_rules:
                tool.enabled_rules = set(s.enabled_rules)
            if s.disabled_categories:
                tool.disabled_categories = set(s.disabled_categories)
            if s.picky:
                tool.picky = True
        except Exception as exc:  # LanguageToolError, requests errors, FileNotFoundError, ValueError…
            self._failed = f"LanguageTool at {s.describe()} is unavailable ({_short(exc)}); embedded checks still ran"
            raise BackendUnavailable(self._failed) from None
        self._tools[lang] = tool
        return tool

    def check(self, text: str, lang: str) -> list[LTMatch]:
        with self._lock:
            tool = self._tool(lang)
            if tool is None:
                return []
            try:
                matches = tool.check(text)
            except Exception as exc:
                self._failed = f"LanguageTool at {self.settings.describe()} failed ({_short(exc)}); embedded checks still ran"
                raise BackendUnavailable(self._failed) from None
        table = utf16_to_index(text)
        out = []
        for m in matches:
            if not self.settings.spelling and (_SPELL_RULE.search(m.rule_id or "") or m.rule_issue_type == "misspelling"):
                continue
            start = int(m.offset)  # already a Python index (the client fixes the start)
            u_end = index_to_utf16(text, start) + int(m.error_length)
            end = table[min(u_end, len(table) - 1)]
            out.append(LTMatch(start, max(start, end), m.rule_id, m.category, m.rule_issue_type or "",
                               m.message, tuple(m.replacements or ())))
        return out

    def close(self) -> None:
        for tool in self._tools.values():
            try:
                tool.close()
            except Exception:
                pass
        self._tools.clear()


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    text = text[:240]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


_BACKENDS: dict[LTSettings, LanguageToolBackend] = {}
_BACKENDS_LOCK = threading.Lock()


def backend_for(settings: LTSettings) -> LanguageToolBackend:
    """One backend per settings per process (so a dead server is tried once, not per article)."""
    with _BACKENDS_LOCK:
        b = _BACKENDS.get(settings)
        if b is None:
            b = _BACKENDS[settings] = LanguageToolBackend(settings)
        return b


def reset() -> None:
    """Forget cached backends (tests)."""
    with _BACKENDS_LOCK:
        for b in _BACKENDS.values():
            b.close()
        _BACKENDS.clear()
