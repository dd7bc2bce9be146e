"""The newsroom names dictionary: canonical spellings, their known wrong variants, and self-tests.

Dictionary files are TOML with the suffix ``.names`` (not ``.toml``: every ``*.toml`` under a rules
folder is a declarative rule file). The built-in one is ``rules/names/newsroom.names``; a newsroom
adds its own ``*.names`` files to any rules folder listed in ``[tool.auditor] rules``::

    [[name]]
    canonical = "Rekognition"
    variants = ["Recognition", "Rekognitoin"]      # whole words, case-sensitive unless ignorecase
    context = ["Amazon", "reconnaissance faciale"]  # optional: only when the article mentions one
    note = "Amazon's face-recognition service"
    specs = [                                      # self-tests, checked when the file loads
      { from = "Amazon vend Recognition.", to = "Amazon vend Rekognition." },
      { from = "For Inspiration and Recognition of Science", to = "For Inspiration and Recognition of Science" },
    ]

As in textlint's prh dictionaries, a spec says what the text becomes once every variant is replaced
by the canonical spelling; a spec that does not hold is a load error reported as ``file:line``, like
every other problem of the file.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

import regex

from ..resources import builtin_rules_dir
from ..rule import Context, Rule

if TYPE_CHECKING:
    from ..config import Config
    from ..model import Finding

SUFFIX = ".names"
_ENTRY_KEYS = {"canonical", "variants", "patterns", "context", "ignorecase", "note", "specs", "languages"}


@dataclass(frozen=True)
class DictionaryError:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class Entry:
    canonical: str
    pattern: "regex.Pattern[str]"
    variants: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    languages: frozenset[str] = frozenset()
    note: str = ""
    path: Path | None = None
    line: int = 0

    def applies(self, text: str, lang: str | None = None) -> bool:
        if self.languages and lang and lang not in self.languages:
            return False
        if not self.context:
            return True
        low = text.casefold()
        return any(c.casefold() in low for c in self.context)

    def matches(self, text: str) -> Iterator["regex.Match[str]"]:
        for m in self.pattern.finditer(text, timeout=0.5):
            if m.group() != self.canonical:
                yield m

    def apply(self, text: str) -> str:
        if not self.applies(text):
            return text
        return self.pattern.sub(lambda m: self.canonical if m.group() != self.canonical else m.group(), text)


@dataclass
class NamesDictionaryData:
    entries: list[Entry] = field(default_factory=list)
    errors: list[DictionaryError] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def _line_of(lines: list[str], needle: str, start: int = 0) -> int:
    for i in range(start, len(lines)):
        if needle in lines[i]:
            return i + 1
    return start + 1 if start < len(lines) else 1


def load_dictionary_file(path: Path) -> tuple[list[Entry], list[DictionaryError]]:
    """Parse, validate and self-test one ``.names`` file."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [DictionaryError(path, 1, f"cannot read: {exc}")]
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"at line (\d+)", str(exc))
        return [], [DictionaryError(path, int(m.group(1)) if m else 1, f"invalid TOML: {exc}")]
    lines = raw.splitlines()
    starts = [i for i, line in enumerate(lines) if line.strip() == "[[name]]"]
    errors: list[DictionaryError] = []
    entries: list[Entry] = []
    unknown_top = set(data) - {"name"}
    for key in sorted(unknown_top):
        errors.append(DictionaryError(path, _line_of(lines, key), f"unknown key '{key}' (entries are [[name]] tables)"))
    items = data.get("name", [])
    if not isinstance(items, list):
        return [], errors + [DictionaryError(path, _line_of(lines, "name"), "'name' must be [[name]] tables")]
    for n, item in enumerate(items):
        base = starts[n] if n < len(starts) else 0
        line = base + 1

        def err(key: str, message: str) -> None:
            errors.append(DictionaryError(path, _line_of(lines, key, base) if key else line, message))

        for key in sorted(set(item) - _ENTRY_KEYS):
            err(key, f"unknown key '{key}' in a [[name]] entry (known: {', '.join(sorted(_ENTRY_KEYS))})")
        canonical = item.get("canonical")
        if not isinstance(canonical, str) or not canonical.strip():
            err("", "a [[name]] entry needs a 'canonical' spelling")
            continue
        lists = {}
        for key in ("variants", "patterns", "context", "languages"):
            value = item.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                err(key, f"'{key}' must be a list of non-empty strings")
                value = []
            lists[key] = value
        if not lists["variants"] and not lists["patterns"]:
            err("", f"entry '{canonical}' lists no 'variants' or 'patterns'")
            continue
        if canonical in lists["variants"]:
            err("variants", f"'{canonical}' is listed as its own variant")
        flags = regex.V1 | (regex.IGNORECASE if item.get("ignorecase") else 0)
        alts = [regex.escape(v) for v in sorted(lists["variants"], key=len, reverse=True)]
        for p in lists["patterns"]:
            try:
                regex.compile(p, flags)
            except regex.error as exc:
                err("patterns", f"invalid pattern {p!r}: {exc}")
                continue
            alts.append(f"(?:{p})")
        if not alts:
            continue
        pattern = regex.compile(rf"(?<![\p{{L}}\p{{N}}_])(?:{'|'.join(alts)})(?![\p{{L}}\p{{N}}_])", flags)
        entry = Entry(canonical, pattern, tuple(lists["variants"]), tuple(lists["context"]),
                      frozenset(lists["languages"]), str(item.get("note", "")), path, line)
        specs = item.get("specs", [])
        if not isinstance(specs, list) or not all(isinstance(s, dict) for s in specs):
            err("specs", "'specs' must be a list of { from = \"...\", to = \"...\" }")
            specs = []
        if not specs:
            err("", f"entry '{canonical}' has no specs (self-tests): add at least one {{ from, to }}")
        for spec in specs:
            src, want = spec.get("from"), spec.get("to")
            if not isinstance(src, str) or not isinstance(want, str):
                err("specs", "a spec needs string 'from' and 'to'")
                continue
            got = entry.apply(src)
            if got != want:
                needle = src[:30]
                errors.append(DictionaryError(path, _line_of(lines, needle, base),
                                              f"spec failed for '{canonical}': {src!r} became {got!r}, expected {want!r}"))
        entries.append(entry)
    return entries, errors


def dictionary_files(config: "Config | None") -> list[Path]:
    folders = [builtin_rules_dir() / "names"]
    if config is not None:
        folders.extend(p for p in config.rule_dirs if p.is_dir())
    out: list[Path] = []
    for folder in folders:
        if folder.is_dir():
            out.extend(sorted(p for p in folder.rglob(f"*{SUFFIX}") if p.is_file()))
    return out


def load_dictionaries(paths: Iterable[Path]) -> NamesDictionaryData:
    return _load(tuple(sorted(set(paths))), tuple(_mtime(p) for p in sorted(set(paths))))


def _mtime(p: Path) -> float:
    try:
        return p.stat().st_mtime
    except OSError:
        return 0.0


@functools.lru_cache(maxsize=16)
def _load(paths: tuple[Path, ...], _mtimes: tuple[float, ...]) -> NamesDictionaryData:
    data = NamesDictionaryData(files=list(paths))
    for path in paths:
        entries, errors = load_dictionary_file(path)
        data.entries.extend(entries)
        data.errors.extend(errors)
    return data


def builtin_dictionary(config: "Config | None") -> NamesDictionaryData:
    """Every dictionary the config sees: the built-in ones and those in its rules folders."""
    return load_dictionaries(dictionary_files(config))


class NamesDictionary(Rule):
    """A name written in a spelling the newsroom's names dictionary lists as wrong.

    What it does
    ------------
    Reads the newsroom's names dictionaries (``rules/names/*.names`` and ``*.names`` files in the
    configured rules folders): each entry gives a canonical spelling, its known wrong variants
    (words or patterns), an optional context (words one of which must appear in the article, for
    variants that are also ordinary words) and self-tests (``specs``) checked when the file loads.
    Every variant found is reported with the canonical spelling as the suggestion.

    Why it matters
    --------------
    Some misspellings come back again and again (a product name that looks like an English word, a
    minister whose name is often mistyped). A dictionary catches them even when the article spells
    the name only once, the wrong way.

    Example
    -------
    ``Amazon suspend l'accès de la police à Recognition.``

    Instead
    -------
    ``Amazon suspend l'accès de la police à Rekognition.``
    """

    id = "names.dictionary"
    category = "names"
    severity = "warning"
    languages = frozenset({"fr", "en"})
    supersedes = ("spelling.",)

    def check(self, ctx: Context) -> Iterable["Finding"]:
        data = builtin_dictionary(ctx.config)
        if data.errors:
            raise ValueError("names dictionary errors: " + "; ".join(str(e) for e in data.errors[:5]))
        whole = f"{ctx.text('title')}\n{ctx.text('body')}"
        for entry in data.entries:
            if not entry.applies(whole, ctx.lang):
                continue
            for field_name in self.fields:
                for m in entry.matches(ctx.text(field_name)):
                    note = f" ({entry.note})" if entry.note else ""
                    yield ctx.finding(
                        field_name, m.start(), m.end(),
                        f"« {m.group()} » is a known misspelling of « {entry.canonical} »{note}.",
                        suggestions=[entry.canonical], confidence=0.95, canonical=entry.canonical,
                    )
