"""Article loaders: JSON (CMS exports), Markdown, plain text and saved HTML pages.

Loaders are plugins (hook ``auditor_loaders``): a newsroom can add one for its CMS format. Each one
turns a file's text into :class:`~auditor.model.Article` objects and records where every field sits
in the file, so findings carry exact lines and columns.

Input problems raise :class:`LoadError`, which the CLI turns into one clear line and exit code 2.
"""

from __future__ import annotations

import glob
import json
import json.decoder
import json.scanner
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

import yaml

from .model import Article, FieldLocation, SourceMap


class LoadError(Exception):
    """An input that cannot be audited; ``str()`` is the one line shown to the user."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


@dataclass(frozen=True)
class Loader:
    """Turns the text of a file with one of ``suffixes`` into articles."""

    name: str
    suffixes: tuple[str, ...]
    load: Callable[[str, str], list[Article]]  # (text, source) -> articles


# --------------------------------------------------------------------------------------------
# Reading files
# --------------------------------------------------------------------------------------------

SUPPORTED_SUFFIXES = (".json", ".md", ".markdown", ".txt", ".html", ".htm")
NOT_ARTICLES = {"README", "LICENSE", "LICENCE", "CHANGELOG", "CONTRIBUTING", "NOTICE", "COPYING"}


def read_text(path: str) -> str:
    """Read a file as UTF-8 text, refusing what cannot be an article."""
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        p = Path(path)
        if not p.exists():
            raise LoadError(path, "no such file or folder")
        if p.is_dir():
            raise LoadError(path, "is a folder")
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise LoadError(path, f"cannot read: {exc.strerror or exc}") from None
    if not data.strip():
        raise LoadError(path, "empty file")
    if b"\x00" in data[:8192]:
        raise LoadError(path, "binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(path, f"not valid UTF-8 (byte {exc.start})") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def expand_inputs(paths: Sequence[str], suffixes: Sequence[str] = SUPPORTED_SUFFIXES) -> Iterator[str]:
    """Files named, files under folders (sorted, hidden ones skipped) and glob matches; ``-`` is stdin."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        if any(ch in raw for ch in "*?[") and not os.path.exists(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                raise_or_yield = raw  # reported by the loader as "no such file"
                yield raise_or_yield
            for m in matches:
                if os.path.isdir(m):
                    yield from _walk(m, suffixes)
                else:
                    yield m
            continue
        if os.path.isdir(raw):
            yield from _walk(raw, suffixes)
        else:
            yield raw


def _walk(folder: str, suffixes: Sequence[str]) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or Path(name).stem.upper() in NOT_ARTICLES:
                continue  # a folder's README or licence is not a draft (name it explicitly to audit it)
            if Path(name).suffix.lower() in suffixes:
                yield os.path.join(root, name)


def load_path(path: str, loaders: dict[str, Loader], default_suffix: str = ".txt") -> list[Article]:
    """Load the articles of one file with the loader its suffix selects."""
    suffix = ".txt" if path == "-" else Path(path).suffix.lower()
    loader = loaders.get(suffix)
    if loader is None:
        if path != "-" and not Path(path).exists():
            raise LoadError(path, "no such file or folder")
        known = ", ".join(sorted(loaders))
        raise LoadError(path, f"unsupported file type {suffix or '(none)'} (known: {known})")
    text = read_text(path)
    source = "<stdin>" if path == "-" else path
    articles = loader.load(text, source)
    if not articles:
        raise LoadError(source, "no article found")
    return articles


# --------------------------------------------------------------------------------------------
# JSON
# --------------------------------------------------------------------------------------------


class _PosStr(str):
    """A decoded JSON string that remembers where its literal starts in the file."""

    raw_start: int


def _decoder_with_positions() -> json.JSONDecoder:
    decoder = json.JSONDecoder()
    plain = json.decoder.scanstring

    def parse_string(s: str, end: int, strict: bool = True) -> tuple[str, int]:
        value, new_end = plain(s, end, strict)
        out = _PosStr(value)
        out.raw_start = end  # index just after the opening quote
        return out, new_end

    decoder.parse_string = parse_string  # type: ignore[attr-defined]
    decoder.scan_once = json.scanner.py_make_scanner(decoder)
    return decoder


def json_string_offsets(raw: str, start: int) -> list[int]:
    """For the JSON string literal whose content starts at ``raw[start]``, the raw offset of each
    decoded character (escapes such as ``\\n`` or ``\\u00e9`` map to their first raw character)."""
    offsets: list[int] = []
    i = start
    while i < len(raw):
        ch = raw[i]
        if ch == '"':
            break
        if ch == "\\":
            esc = raw[i + 1] if i + 1 < len(raw) else ""
            if esc == "u":
                code = int(raw[i + 2 : i + 6], 16)
                if 0xD800 <= code < 0xDC00 and raw[i + 6 : i + 8] == "\\u":
                    offsets.append(i)  # a surrogate pair decodes to one character
                    i += 12
                else:
                    offsets.append(i)
                    i += 6
            else:
                offsets.append(i)
                i += 2
            continue
        offsets.append(i)
        i += 1
    return offsets


TITLE_KEYS = ("title", "headline")
BODY_KEYS = ("body", "text", "content")


def load_json(text: str, source: str) -> list[Article]:
    try:
        data = _decoder_with_positions().decode(text)
    except json.JSONDecodeError as exc:
        raise LoadError(source, f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    items = data if isinstance(data, list) else [data]
    articles = []
    for n, item in enumerate(items):
        where = f"{source}[{n}]" if isinstance(data, list) else source
        if not isinstance(item, dict):
            raise LoadError(where, "a JSON article must be an object with a title or headline")
        articles.append(_article_from_mapping(item, text, source, where))
    return articles


def _pick(item: dict[str, Any], keys: Sequence[str]) -> tuple[str | None, str | None]:
    for key in keys:
        if key in item and item[key] is not None:
            return key, item[key]
    return None, None


def _article_from_mapping(item: dict[str, Any], raw: str, source: str, where: str) -> Article:
    title_key, title = _pick(item, TITLE_KEYS)
    body_key, body = _pick(item, BODY_KEYS)
    if title is None and body is None:
        raise LoadError(where, "no title/headline and no body/text/content")
    for key, value in ((title_key, title), (body_key, body)):
        if value is not None and not isinstance(value, str):
            raise LoadError(where, f"'{key}' must be a string")
    title = title or ""
    body = body or ""
    if not title.strip() and not body.strip():
        raise LoadError(where, "empty article")
    fields = {}
    for name, value in (("title", title), ("body", body)):
        if isinstance(value, _PosStr):
            fields[name] = FieldLocation(offsets=json_string_offsets(raw, value.raw_start))
    meta = {k: v for k, v in item.items() if k not in (title_key, body_key)}
    lang = item.get("lang") or item.get("language")
    return Article(
        title=str(title),
        body=str(body),
        lang=str(lang) if isinstance(lang, str) and lang else None,
        author=_as_text(item.get("author")),
        published=_as_text(item.get("published") or item.get("date")),
        url=_as_text(item.get("url")),
        source=where,
        meta=meta,
        source_map=SourceMap(raw=raw, fields=fields),
    )


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


# --------------------------------------------------------------------------------------------
# Markdown and plain text
# --------------------------------------------------------------------------------------------


def load_markdown(text: str, source: str) -> list[Article]:
    meta: dict[str, Any] = {}
    offset = 0
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end < 0:
            raise LoadError(source, "front matter opened with '---' is never closed")
        try:
            meta = yaml.safe_load(text[4:end]) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f" at line {mark.line + 2}" if mark else ""
            raise LoadError(source, f"invalid YAML front matter{line}") from None
        if not isinstance(meta, dict):
            raise LoadError(source, "front matter must be a mapping of keys")
        nl = text.find("\n", end + 4)
        offset = len(text) if nl < 0 else nl + 1
    rest = text[offset:]
    title = meta.get("title") or meta.get("headline")
    title_loc: FieldLocation | None = None
    body_start = offset
    if not title:
        # The first "# " heading is the headline; the body is what follows it.
        pos = 0
        for line in rest.splitlines(keepends=True):
            stripped = line.strip()
            if stripped.startswith("# "):
                title = stripped[2:].strip()
                title_loc = FieldLocation(base=offset + pos + line.index("#") + 2)
                body_start = offset + pos + len(line)
                break
            if stripped:
                break
            pos += len(line)
    else:
        title = str(title)
    body = text[body_start:]
    lead = len(body) - len(body.lstrip("\n"))
    body = body[lead:]
    if not (title or "").strip() and not body.strip():
        raise LoadError(source, "no article text")
    fields = {"body": FieldLocation(base=body_start + lead)}
    if title_loc is not None:
        fields["title"] = title_loc
    lang = meta.get("lang") or meta.get("language")
    return [
        Article(
            title=title or "",
            body=body,
            lang=str(lang) if lang else None,
            author=_as_text(meta.get("author")),
            published=_as_text(meta.get("published") or meta.get("date")),
            url=_as_text(meta.get("url")),
            source=source,
            meta={k: v for k, v in meta.items() if k not in ("title", "headline")},
            source_map=SourceMap(raw=text, fields=fields),
        )
    ]


def load_text(text: str, source: str) -> list[Article]:
    lines = text.splitlines(keepends=True)
    pos = 0
    for line in lines:
        if line.strip():
            break
        pos += len(line)
    first = lines[[i for i, line in enumerate(lines) if line.strip()][0]] if text.strip() else ""
    title = first.rstrip("\n")
    title_start = pos
    body_start = pos + len(first)
    body = text[body_start:]
    lead = len(body) - len(body.lstrip("\n"))
    return [
        Article(
            title=title,
            body=body[lead:],
            source=source,
            source_map=SourceMap(
                raw=text,
                fields={"title": FieldLocation(base=title_start), "body": FieldLocation(base=body_start + lead)},
            ),
        )
    ]


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------


def load_html(text: str, source: str) -> list[Article]:
    """A saved page: trafilatura finds the headline, byline, date and main text."""
    try:
        import trafilatura
    except ImportError as exc:  # a broken install must not become a traceback
        raise LoadError(source, f"HTML support is unavailable in this installation ({exc.msg.splitlines()[0]})") from None
    try:
        doc = trafilatura.bare_extraction(
            text,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
            favor_precision=True,
        )
    except Exception as exc:  # trafilatura raises many things on broken markup
        raise LoadError(source, f"cannot parse HTML: {exc}") from None
    if doc is None:
        raise LoadError(source, "no article text found in the HTML page")
    get = doc.get if isinstance(doc, dict) else (lambda k, d=None: getattr(doc, k, d))
    body = (get("text") or "").strip()
    title = (get("title") or "").strip()
    if not body or len(body.split()) < 5:
        raise LoadError(source, "no article text found in the HTML page")
    # trafilatura keeps the headline as the first line when it sits in the main block.
    first, _, rest = body.partition("\n")
    if title and first.strip() == title:
        body = rest.lstrip("\n")
    lang = get("language")
    return [
        Article(
            title=title,
            body=body,
            lang=lang if lang in ("fr", "en") else None,
            author=get("author"),
            published=get("date"),
            url=get("url"),
            source=source,
            meta={"sitename": get("sitename")} if get("sitename") else {},
            source_map=SourceMap(raw=text, fields={}),
        )
    ]


BUILTIN_LOADERS: tuple[Loader, ...] = (
    Loader("json", (".json",), load_json),
    Loader("markdown", (".md", ".markdown"), load_markdown),
    Loader("text", (".txt",), load_text),
    Loader("html", (".html", ".htm"), load_html),
)
