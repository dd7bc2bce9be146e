"""An optional French grammar backend: Grammalecte, run out of process.

Grammalecte is GPL-3.0, so auditor never imports it: it runs the ``grammalecte-cli`` program
(Debian/Ubuntu: ``apt-get install grammalecte-cli``, which brings ``python3-grammalecte``) on a
temporary file and reads its JSON. Its typography options (apostrophes, spaces, no-break spaces,
typographic signs, units, number formatting) are turned off: the ``typography`` rules own those;
``[tool.auditor.grammalecte] typography = true`` turns them back on. Its spelling errors are
ignored (the embedded spelling rule, which knows about names, does that job) unless
``spelling = true``.

Settings (``[tool.auditor.grammalecte]``): ``command`` (default: ``grammalecte-cli`` on the
PATH), ``enabled`` (default true when the program is found), ``options_off`` / ``options_on``
(Grammalecte option names, see ``grammalecte-cli -lo``), ``rules_off`` (rule ids),
``timeout`` (seconds, default 60).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Sequence

from .languagetool import BackendUnavailable

INSTALL_HINT = "install it with `apt-get install grammalecte-cli` (Debian 12+/Ubuntu), or set [tool.auditor.grammalecte] command"
TYPOGRAPHY_OPTIONS = ("apos", "esp", "nbsp", "typo", "unit", "num", "tab", "virg")


@dataclass(frozen=True)
class GCError:
    field: str
    start: int
    end: int
    rule_id: str
    kind: str  # Grammalecte's option group: ppas, conj, gn, loc, conf…
    message: str
    suggestions: tuple[str, ...]
    url: str = ""
    spelling: bool = False


def find_command(table: Mapping[str, Any] | None = None) -> str | None:
    table = table or {}
    cmd = table.get("command")
    if cmd:
        return cmd if Path(cmd).is_file() or shutil.which(cmd) else None
    return shutil.which("grammalecte-cli")


def status(table: Mapping[str, Any] | None = None) -> tuple[bool, str]:
    """(available, one-line description) for ``auditor rules``."""
    cmd = find_command(table)
    if cmd is None:
        return False, f"Grammalecte not found: {INSTALL_HINT}"
    return True, f"Grammalecte found at {cmd}"


def check_fields(fields: Mapping[str, str], table: Mapping[str, Any] | None = None) -> list[GCError]:
    """Run Grammalecte once on all ``fields`` (title, body) and map its errors back to them."""
    table = dict(table or {})
    cmd = find_command(table)
    if cmd is None:
        raise BackendUnavailable(f"Grammalecte is configured but not found: {INSTALL_HINT}")
    # One line of the file = one Grammalecte paragraph. Remember where each line comes from.
    lines: list[tuple[str, int]] = []  # (field, offset of the line in the field)
    chunks: list[str] = []
    for name, text in fields.items():
        pos = 0
        for line in text.split("\n"):
            lines.append((name, pos))
            chunks.append(line.replace("\r", " "))
            pos += len(line) + 1
    off: list[str] = [] if table.get("typography") else list(typography_off())
    off += [o for o in _strs(table.get("options_off")) if o not in off]
    on = _strs(table.get("options_on"))
    with tempfile.TemporaryDirectory(prefix="auditor-gc-") as tmp:
        path = Path(tmp) / "article.txt"
        path.write_text("\n".join(chunks), encoding="utf-8")
        args = [cmd, "-f", str(path), "--json", "-owe"]
        if off:
            args += ["-off", *off]
        if on:
            args += ["-on", *on]
        rules_off = _strs(table.get("rules_off"))
        if rules_off:
            args += ["-roff", *rules_off]
        try:
            proc = subprocess.run(args, capture_output=True, text=True, encoding="utf-8",
                                  timeout=float(table.get("timeout", 60)))
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise BackendUnavailable(f"Grammalecte ({cmd}) failed to run: {exc}") from None
    out = proc.stdout
    start = out.find("{")
    if proc.returncode != 0 or start < 0:
        tail = (proc.stderr or out).strip().splitlines()[-1:] or ["no output"]
        raise BackendUnavailable(f"Grammalecte ({cmd}) failed (exit {proc.returncode}): {tail[0][:200]}")
    try:
        data = json.loads(out[start:])
    except json.JSONDecodeError as exc:
        raise BackendUnavailable(f"Grammalecte ({cmd}) gave unreadable JSON: {exc}") from None
    errors: list[GCError] = []
    want_spelling = bool(table.get("spelling"))
    for para in data.get("data", []):
        idx = int(para.get("iParagraph", 0)) - 1
        if not 0 <= idx < len(lines):
            continue
        field, base = lines[idx]
        for e in para.get("lGrammarErrors", []):
            errors.append(GCError(
                field, base + int(e["nStart"]), base + int(e["nEnd"]), str(e.get("sRuleId", "")),
                str(e.get("sType", "")), str(e.get("sMessage", "")), tuple(e.get("aSuggestions") or ()),
                str(e.get("URL") or ""),
            ))
        if want_spelling:
            for e in para.get("lSpellingErrors", []):
                errors.append(GCError(field, base + int(e["nStart"]), base + int(e["nEnd"]), "spelling",
                                      "spelling", f"Unknown word « {e.get('sValue', '')} »", (), "", True))
    return errors


def typography_off() -> Sequence[str]:  # noqa: N802 - kept as a function so tests can patch it
    return TYPOGRAPHY_OPTIONS


def _strs(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [str(v) for v in (value or ())]
