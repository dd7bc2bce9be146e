"""Loaders: every finding maps back to its exact place in the source file."""

from __future__ import annotations

import json

import pytest

from auditor.loaders import LoadError, expand_inputs, json_string_offsets, load_path
from auditor.loaders import BUILTIN_LOADERS

LOADERS = {s: l for l in BUILTIN_LOADERS for s in l.suffixes}


def write(tmp_path, name, text, mode="w"):
    p = tmp_path / name
    if mode == "wb":
        p.write_bytes(text)
    else:
        p.write_text(text, encoding="utf-8")
    return str(p)


def test_json_offsets_follow_escapes(tmp_path):
    body = 'Ligne "un"\nété 😀 fin\ttab \\ slash'
    raw = json.dumps({"title": "Un titre", "body": body}, ensure_ascii=True)
    path = write(tmp_path, "a.json", raw)
    (article,) = load_path(path, LOADERS)
    assert article.body == body
    # every character of the body maps to the raw character that encodes it
    for i, ch in enumerate(body):
        src = article.source_map.fields["body"].source_offset(i)
        encoded = json.dumps(ch, ensure_ascii=True)[1:-1]
        assert raw[src : src + len(encoded)] == encoded


def test_json_string_offsets_surrogate_pair():
    raw = '"a\\ud83d\\ude00b"'
    assert json_string_offsets(raw, 1) == [1, 2, 14]


def test_json_line_and_column(tmp_path):
    raw = '{\n  "title": "Titre",\n  "body": "Premier paragraphe.\\n\\nSecond  paragraphe."\n}\n'
    path = write(tmp_path, "a.json", raw)
    (article,) = load_path(path, LOADERS)
    offset = article.body.index("  ")
    line, col = article.position("body", offset)
    assert line == 3
    assert raw.splitlines()[2][col - 1 : col + 1] == "  "


def test_json_list_and_keys(tmp_path):
    raw = json.dumps([{"headline": "A", "text": "Corps un.", "lang": "fr", "author": ["X", "Y"]}, {"title": "B", "content": "Body two."}])
    arts = load_path(write(tmp_path, "l.json", raw), LOADERS)
    assert [a.title for a in arts] == ["A", "B"]
    assert arts[0].body == "Corps un." and arts[0].lang == "fr" and arts[0].author == "X, Y"
    assert arts[1].source.endswith("l.json[1]")


def test_title_only_article_is_valid(tmp_path):
    (a,) = load_path(write(tmp_path, "t.json", '{"title": "Headline alone"}'), LOADERS)
    assert a.title == "Headline alone" and a.body == ""


def test_markdown_front_matter_and_heading(tmp_path):
    md = "---\ntitle: Le titre\nlang: fr\nauthor: A. B.\n---\n\nPremier paragraphe.\n\nSecond.\n"
    (a,) = load_path(write(tmp_path, "a.md", md), LOADERS)
    assert (a.title, a.lang, a.author) == ("Le titre", "fr", "A. B.")
    assert a.body.startswith("Premier paragraphe.")
    assert a.position("body", a.body.index("Second")) == (9, 1)
    md2 = "\n# Heading title\n\nBody text here.\n"
    (b,) = load_path(write(tmp_path, "b.md", md2), LOADERS)
    assert b.title == "Heading title" and b.body == "Body text here.\n"
    assert b.position("title", 0) == (2, 3)
    assert b.position("body", 5) == (4, 6)


def test_text_first_line_is_headline(tmp_path):
    (a,) = load_path(write(tmp_path, "a.txt", "\n\nThe headline\n\nThe body.\nLine two.\n"), LOADERS)
    assert a.title == "The headline" and a.body.startswith("The body.")
    assert a.position("body", a.body.index("Line")) == (6, 1)
    assert a.position("title", 4) == (3, 5)


def test_html_extracts_headline_and_text(tmp_path):
    html = """<html><head><title>Site</title></head><body><nav>Menu Home About</nav>
    <article><h1>Council approves new tram line</h1><p class="byline">By Ana Ruiz</p>
    <p>The city council approved the new tram line on Tuesday after a long debate about costs and routes.</p>
    <p>Construction will start next spring, the mayor's office said in a statement released on Wednesday.</p></article>
    <footer>Copyright</footer></body></html>"""
    (a,) = load_path(write(tmp_path, "p.html", html), LOADERS)
    assert "tram" in a.title
    assert "Construction will start next spring" in a.body
    assert "Copyright" not in a.body
    line, _ = a.position("body", a.body.index("Construction"))
    assert line == 4


@pytest.mark.parametrize(
    "name,content,reason",
    [
        ("empty.txt", "   \n", "empty file"),
        ("bin.txt", b"\x00\x01\x02abc", "binary"),
        ("bad.txt", b"caf\xe9 au lait", "UTF-8"),
        ("bad.json", '{"title": "x", ', "malformed JSON"),
        ("nothing.html", "<html><body><nav>Menu</nav></body></html>", "no article text"),
        ("notitle.json", '{"author": "x"}', "no title"),
        ("unclosed.md", "---\ntitle: x\nbody", "never closed"),
    ],
)
def test_bad_inputs_raise_one_clear_reason(tmp_path, name, content, reason):
    path = write(tmp_path, name, content, "wb" if isinstance(content, bytes) else "w")
    with pytest.raises(LoadError) as err:
        load_path(path, LOADERS)
    assert reason in str(err.value)
    assert str(err.value).startswith(path)
    assert "\n" not in str(err.value)


def test_missing_and_unsupported(tmp_path):
    with pytest.raises(LoadError, match="no such file"):
        load_path(str(tmp_path / "nope.md"), LOADERS)
    with pytest.raises(LoadError, match="unsupported file type"):
        load_path(write(tmp_path, "x.docx", "hello"), LOADERS)


def test_expand_inputs_walks_folders_and_globs(tmp_path):
    (tmp_path / "sub").mkdir()
    for n in ("a.md", "b.txt", "sub/c.json", "README.md", ".hidden.md", "img.png"):
        (tmp_path / n).write_text("x", encoding="utf-8")
    got = [p.replace(str(tmp_path), "") for p in expand_inputs([str(tmp_path)])]
    assert got == ["/a.md", "/b.txt", "/sub/c.json"]
    got = list(expand_inputs([str(tmp_path / "*.md")]))
    assert [p.rsplit("/", 1)[1] for p in got] == ["README.md", "a.md"]
