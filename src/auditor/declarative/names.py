"""``names``: canonical names with their known wrong variants (a names dictionary)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Iterator

import regex

from ..model import Finding
from ..rule import Context
from .base import WORD_AFTER, WORD_BEFORE, DeclarativeRule, literal_pattern, register_type

ENTRY_KEYS = {"canonical", "variants", "patterns", "ignorecase", "note"}


@register_type("names")
class Names(DeclarativeRule):
    """Flags known wrong spellings of names and suggests the canonical spelling.

    Keys: ``[[names]]`` tables, each with ``canonical`` (the right spelling), ``variants`` (known
    wrong spellings, matched as whole words, case-sensitive unless the entry or the rule sets
    ``ignorecase = true``), optional ``patterns`` (regular expressions for more variants) and
    ``note``; ``file`` (a text file beside the rule file with more entries, one a line:
    ``Canonical | variant | variant``, ``#`` comments); ``ignorecase``; and prh-style ``[[specs]]``
    self-tests — ``from`` must become ``to`` when every variant is replaced — checked when the file
    loads, so a dictionary edit that breaks a name fails at once.

    Findings carry the canonical name as their suggestion and in ``data.canonical``. The message
    may use ``{match}`` and ``{canonical}``.
    """

    type_keys = {"names", "file", "ignorecase", "specs"}
    default_message = "'{match}' is a misspelling of '{canonical}'."

    def configure(self) -> None:
        self.ignorecase = self.flag("ignorecase")
        self.entries: list[tuple[str, regex.Pattern[str]]] = []
        names = self.data.get("names", [])
        if not isinstance(names, list) or not all(isinstance(n, dict) for n in names):
            self.error("names", "names must be written as [[names]] tables with 'canonical' and 'variants'")
            names = []
        for i, entry in enumerate(names):
            self._add_entry(entry, i)
        if "file" in self.data:
            self._load_file(self.data["file"])
        if not self.entries and not self.errors:
            self.error("names", "a names rule needs at least one [[names]] entry (or a 'file')", line=1)

    def _add_entry(self, entry: dict[str, Any], i: int) -> None:
        def line(key: str) -> int:
            return self.where.key_in_table("names", i, key)

        for key in sorted(set(entry) - ENTRY_KEYS):
            self.error("names", f"names entry {i + 1}: unknown key '{key}' (known: {', '.join(sorted(ENTRY_KEYS))})", line=line(key))
        canonical = entry.get("canonical")
        if not isinstance(canonical, str) or not canonical.strip():
            self.error("names", f"names entry {i + 1}: 'canonical' (the right spelling) is missing", line=line("canonical"))
            return
        variants = self.str_list("variants", data=entry, line=line("variants"))
        patterns = self.str_list("patterns", data=entry, line=line("patterns"))
        if not variants and not patterns:
            self.error("names", f"names entry {i + 1} ({canonical}): list its wrong 'variants'", line=line("canonical"))
            return
        ignorecase = entry.get("ignorecase", self.ignorecase)
        if not isinstance(ignorecase, bool):
            self.error("names", f"names entry {i + 1}: ignorecase must be true or false", line=line("ignorecase"))
            return
        self._compile_entry(canonical, variants, patterns, ignorecase, line("variants"))

    def _compile_entry(self, canonical: str, variants: list[str], patterns: list[str], ignorecase: bool, line: int) -> None:
        alts = [literal_pattern(v) for v in sorted(set(variants), key=len, reverse=True)]
        alts += [f"(?:{p})" for p in patterns]
        source = rf"{WORD_BEFORE}(?:{'|'.join(alts)}){WORD_AFTER}"
        pattern = self.compile("names", source, regex.IGNORECASE if ignorecase else 0, line=line)
        if pattern is not None:
            self.entries.append((canonical.strip(), pattern))

    def _load_file(self, name: Any) -> None:
        if not isinstance(name, str):
            self.error("file", "file must be a path relative to the rule file")
            return
        path = (self.path.parent / name)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            self.error("file", f"cannot read names file {path}: {exc}")
            return
        for n, raw in enumerate(lines, 1):
            text = raw.split("#", 1)[0].strip()
            if not text:
                continue
            parts = [p.strip() for p in text.split("|")]
            if len(parts) < 2 or not all(parts):
                self.errors.append(_file_error(path, n, "expected 'Canonical | variant | variant ...'"))
                continue
            self._compile_entry(parts[0], parts[1:], [], self.ignorecase, self.where.line_of("file"))

    def matches(self, text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
        found = []
        for canonical, pattern in self.entries:
            for m in self.finditer(pattern, text, start, end):
                if m.end() > m.start() and m.group() != canonical:
                    found.append((m.start(), m.end(), canonical))
        last = -1
        for s, e, canonical in sorted(found, key=lambda t: (t[0], -t[1])):
            if s >= last:
                last = e
                yield s, e, canonical

    def run(self, ctx: Context) -> Iterable[Finding]:
        for field, start, end in self.regions(ctx):
            text = ctx.text(field)
            for s, e, canonical in self.matches(text, start, end):
                f = self.make_finding(ctx, field, s, e, [canonical], canonical=canonical)
                yield f.with_(data={"canonical": canonical, "variant": text[s:e]})

    def rewrite(self, text: str) -> str:
        out, pos = [], 0
        for s, e, canonical in self.matches(text, 0, len(text)):
            out.append(text[pos:s] + canonical)
            pos = e
        return "".join(out) + text[pos:]


def _file_error(path: Path, line: int, message: str):
    from .base import RuleFileError

    return RuleFileError(path, line, message)
