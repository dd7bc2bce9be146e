"""Declarative rule files: load-time validation with file:line errors, scopes, types, timeouts."""

from __future__ import annotations

import textwrap
import time
from pathlib import Path

import pytest

from auditor.declarative import load_rule_file, rule_types
from auditor.declarative.selftest import run_rule

DOCS = '''
what = "Flags a thing."
why = "Because."
example = "A thing."
instead = "Another."
'''


def write(tmp_path: Path, body: str, name: str = "rule.toml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(body).lstrip("\n"), encoding="utf-8")
    return path


def load(tmp_path: Path, body: str):
    return load_rule_file(write(tmp_path, body))


def errors_of(tmp_path: Path, body: str) -> list[str]:
    rule, errors = load(tmp_path, body)
    assert rule is None, "expected the file to be rejected"
    return [f"{e.line}: {e.message}" for e in errors]


def test_all_types_registered():
    assert set(rule_types()) >= {
        "existence", "substitution", "consistency", "occurrence", "capitalization", "conditional", "names",
    }


def test_valid_file_loads(tmp_path):
    rule, errors = load(tmp_path, '''
        id = "house.x"
        type = "existence"
        message = "No '{match}'."
        tokens = ["foo"]
    ''' + DOCS)
    assert errors == [] and rule is not None
    assert rule.id == "house.x" and rule.fields == ("title", "body")


def test_unknown_key_is_located(tmp_path):
    errs = errors_of(tmp_path, '''
        id = "house.x"
        type = "existence"
        message = "m"
        tokens = ["foo"]
        ignorcase = true
    ''' + DOCS)
    assert len(errs) == 1 and errs[0].startswith("5: unknown key 'ignorcase'"), errs


def test_bad_regex_is_located(tmp_path):
    errs = errors_of(tmp_path, '''
        id = "house.x"
        type = "existence"
        message = "m"

        patterns = ['(unclosed']
    ''' + DOCS)
    assert errs[0].startswith("5: invalid pattern '(unclosed'"), errs


def test_wrong_types_and_unknown_type(tmp_path):
    errs = errors_of(tmp_path, '''
        id = "House X"
        type = "existence"
        severity = "fatal"
        languages = "fr"
        scope = ["headline"]
        message = "m"
        tokens = "foo"
        ignorecase = "yes"
    ''' + DOCS)
    text = "\n".join(errs)
    assert "1: id 'House X' must look like <family>.<name>" in text
    assert "3: severity 'fatal'" in text
    assert "4: languages must be a list" in text
    assert "5: unknown scope 'headline'" in text
    assert "8: 'ignorecase' must be true or false" in text
    errs = errors_of(tmp_path, 'id = "house.x"\ntype = "existance"\n')
    assert errs[0].startswith("2: unknown or missing rule type 'existance' (known: capitalization, conditional")


def test_missing_docs_keys(tmp_path):
    errs = errors_of(tmp_path, '''
        id = "house.x"
        type = "existence"
        message = "m"
        tokens = ["foo"]
        what = "Flags."
        why = ""
    ''')
    text = "\n".join(errs)
    assert "6: documentation key 'why' is missing or empty" in text
    assert "1: documentation key 'example' is missing or empty" in text
    assert "1: documentation key 'instead' is missing or empty" in text


def test_keys_swallowed_by_a_table_get_a_hint(tmp_path):
    errs = errors_of(tmp_path, '''
        id = "house.x"
        type = "substitution"
        [swap]
        "foo" = "bar"
    ''' + DOCS)
    assert any("'what' ended up inside the [swap] table" in e for e in errs), errs


def test_invalid_toml_gives_its_line(tmp_path):
    errs = errors_of(tmp_path, 'id = "house.x"\ntype = "existence"\ntokens = ["a",\nmessage = \n')
    assert errs[0].split(":")[0] in ("4", "5") and "invalid TOML" in errs[0]


def test_bad_tests_are_located(tmp_path):
    errs = errors_of(tmp_path, '''
        id = "house.x"
        type = "existence"
        languages = ["fr"]
        message = "m"
        tokens = ["foo"]
    ''' + DOCS + '''
        [[tests]]
        text = "foo"
        expect = ["foo"]

        [[tests]]
        txt = "foo"
        expect = "foo"

        [[tests]]
        text = "foo"
        lang = "en"
    ''')
    text = "\n".join(errs)
    assert "17: test 2: unknown key 'txt'" in text
    assert "16: test 2: 'text' (the article text) is missing" in text
    assert "18: test 2: expect must be a list" in text
    assert "22: test 3: lang 'en' is not one of the rule's languages (fr)" in text
    assert "20: test 3: 'expect' is missing" in text


def test_failing_spec_rejects_the_file(tmp_path):
    errs = errors_of(tmp_path, '''
        id = "names.house"
        type = "names"
    ''' + DOCS + '''
        [[names]]
        canonical = "Anne Hidalgo"
        variants = ["Ann Hidalgo"]

        [[specs]]
        from = "Ann Hidalgo"
        to = "Anne Hidalgo"

        [[specs]]
        from = "Ann Hidalgo et Anne Hidalgot"
        to = "Anne Hidalgo et Anne Hidalgo"
    ''')
    assert errs == [
        "17: spec 2: 'Ann Hidalgo et Anne Hidalgot' becomes 'Anne Hidalgo et Anne Hidalgot', "
        "not 'Anne Hidalgo et Anne Hidalgo'"
    ]


def test_names_entry_errors_and_file_errors(tmp_path):
    (tmp_path / "extra.txt").write_text("# comment\nGood Name | Gud Name\nno pipe here\n", encoding="utf-8")
    errs = errors_of(tmp_path, '''
        id = "names.house"
        type = "names"
        file = "extra.txt"
    ''' + DOCS + '''
        [[names]]
        canonical = "A B"
        variant = ["A C"]
    ''')
    text = "\n".join(errs)
    assert "names entry 1: unknown key 'variant'" in text
    assert "extra.txt:3: expected 'Canonical | variant" in "\n".join(str(e) for e in load(tmp_path, (tmp_path / "rule.toml").read_text())[1])


@pytest.mark.parametrize("body, message", [
    ('type = "substitution"\n', "a substitution rule needs a [swap] table"),
    ('type = "consistency"\n', "a consistency rule needs an [either] table"),
    ('type = "occurrence"\ntokens = ["a"]\n', "an occurrence rule needs 'max' or 'min'"),
    ('type = "occurrence"\ntokens = ["a"]\nmax = 1\nper = "page"\n', "per must be one of"),
    ('type = "capitalization"\n', "'terms' must list at least one entry"),
    ('type = "conditional"\nfirst = "a"\n', "a conditional rule needs 'second'"),
    ('type = "names"\n', "a names rule needs at least one [[names]] entry"),
    ('type = "existence"\n', "an existence rule needs 'tokens' or 'patterns'"),
])
def test_each_type_validates_its_keys(tmp_path, body, message):
    errs = errors_of(tmp_path, 'id = "house.x"\nmessage = "m"\n' + body + DOCS)
    assert any(message in e for e in errs), errs


# -- behaviour -------------------------------------------------------------------------------------

def rule_from(tmp_path, body):
    rule, errors = load(tmp_path, body + DOCS)
    assert not errors, errors
    return rule


@pytest.mark.parametrize("scope, expected", [
    (["title"], [("title", "alpha")]),
    (["body"], [("body", "alpha"), ("body", "alpha"), ("body", "alpha")]),
    (["lede"], [("body", "alpha")]),
    (["quotes"], [("body", "alpha")]),
    (["outside-quotes"], [("body", "alpha"), ("body", "alpha")]),
    (["title", "quotes"], [("title", "alpha"), ("body", "alpha")]),
])
def test_scopes(tmp_path, scope, expected):
    rule = rule_from(tmp_path, f'id = "house.x"\ntype = "existence"\nmessage = "m"\ntokens = ["alpha"]\nscope = {scope!r}\n'.replace("'", '"'))
    body = "First alpha here.\n\nSecond « alpha » here, and alpha again."
    found = run_rule(rule, title="An alpha title", body=body, lang="en")
    assert [(f.field, f.excerpt) for f in found] == expected
    if scope == ["quotes"]:
        assert body[found[0].start - 2 : found[0].end + 2] == "« alpha »"


def test_language_filter(tmp_path):
    rule = rule_from(tmp_path, 'id = "house.x"\ntype = "existence"\nmessage = "m"\ntokens = ["a"]\nlanguages = ["fr"]\n')
    assert rule.supports("fr") and not rule.supports("en")


def test_substitution_regex_mode_with_groups(tmp_path):
    rule = rule_from(tmp_path, '''
id = "house.x"
type = "substitution"
regex = true
what = "w"
why = "w"
example = "e"
instead = "i"
[swap]
'(\\d+) ?kms\\b' = '\\1 km'
''')
    found = run_rule(rule, body="Il a couru 12 kms puis 3kms.", lang="fr")
    assert [(f.excerpt, f.suggestions) for f in found] == [("12 kms", ("12 km",)), ("3kms", ("3 km",))]


def test_pattern_timeout_is_an_error_not_a_hang(tmp_path):
    rule = rule_from(tmp_path, 'id = "house.slow"\ntype = "existence"\nmessage = "m"\ntimeout = 0.1\npatterns = ["(a|aa)+$"]\n')
    started = time.perf_counter()
    with pytest.raises(TimeoutError, match="ran over 0.1s"):
        run_rule(rule, body="a" * 60 + "b", lang="en")
    assert time.perf_counter() - started < 5


# -- robustness: every type, on any text, yields valid spans and never raises ---------------------

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from auditor.declarative.selftest import load_rules  # noqa: E402

_, FIXTURE_RULES, _ = load_rules([Path(__file__).parent / "rule_files"])
ALPHABET = "aAéÉ OMSCNIL!?.,'’«»\"\n-" + "".join("Youtube iphone email Kiev Kyiv very poll said Hidalgo Ann Vire")


@given(title=st.text(alphabet=ALPHABET, max_size=40), body=st.text(alphabet=ALPHABET, max_size=300))
def test_every_type_gives_valid_spans_on_any_text(title, body):
    for rule in FIXTURE_RULES:
        for lang in sorted(rule.languages) or ["fr"]:
            for f in run_rule(rule, title=title, body=body, lang=lang):  # run_rule checks every span
                assert f.rule == rule.id and f.message


def test_bad_pattern_in_a_multiline_array_points_at_its_own_line(tmp_path):
    errs = errors_of(tmp_path, """
id = "house.x"
type = "existence"
message = "m"
patterns = [
  'fine',
  '(?<=a+)b[',
]
""" + DOCS)
    assert len(errs) == 1 and errs[0].startswith("6: invalid pattern '(?<=a+)b['"), errs


def test_config_overrides_a_rule_files_keys():
    from auditor import Article, Config
    from auditor.engine import Auditor

    folder = Path(__file__).parent / "rule_files"
    body = "Le budget passe ! Les impôts baissent ! Enfin ! Vraiment !"

    def found(settings):
        engine = Auditor(Config(load_entry_points=False, rule_dirs=[folder], rule_settings=settings))
        report = engine.audit(Article(title="", body=body, lang="fr"))
        return [f.excerpt for f in report.findings if f.rule == "demo.exclamations"], [
            e.message for e in report.errors if e.rule == "demo.exclamations"]

    assert found({}) == (["!", "!", "!"], [])
    assert found({"demo.exclamations": {"max": 3}}) == (["!"], [])
    assert found({"demo.exclamations": {"max": 3, "severity": "error"}}) == (["!"], [])
    got, errors = found({"demo.exclamations": {"maximum": 3}})
    assert got == [] and "config sets maximum for demo.exclamations" in errors[0]
    got, errors = found({"demo.exclamations": {"max": "three"}})
    assert got == [] and "'max' must be a whole number" in errors[0]
