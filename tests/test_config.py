"""Config discovery and settings."""

from __future__ import annotations

import pytest

from auditor.config import ConfigError, find_config, load_config


def test_found_upwards_in_pyproject(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.auditor]\nfail-under = 70\nvocabulary = ["Rekognition"]\ndisable = ["typography", "plugin:foo"]\n'
        '[tool.auditor.rule."names.inconsistent-spelling"]\nseverity = "error"\nmax-distance = 2\n',
        encoding="utf-8",
    )
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    assert find_config() == tmp_path / "pyproject.toml"
    cfg = load_config()
    assert cfg.fail_under == 70 and cfg.vocabulary == ["Rekognition"]
    assert not cfg.is_enabled("typography.double-space") and cfg.is_enabled("names.x")
    assert cfg.disabled_plugins == {"foo"}
    assert cfg.severity_for("names.inconsistent-spelling", "warning") == "error"
    assert cfg.rule_options("names.inconsistent-spelling", {"max-distance": 1, "k": 3}) == {"max-distance": 2, "k": 3}


def test_auditor_toml_wins_and_pyproject_without_table_is_skipped(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("[project]\nname='x'\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert find_config(tmp_path) is None or find_config(tmp_path) != tmp_path / "pyproject.toml"
    (tmp_path / "auditor.toml").write_text("enable = ['typography.french-spacing']\n", encoding="utf-8")
    assert find_config(tmp_path) == tmp_path / "auditor.toml"
    assert load_config().is_enabled("typography.french-spacing", default=False)


@pytest.mark.parametrize(
    "text,needle",
    [("bogus = 1", "unknown key"), ("rules = 3", "'rules'"), ('[rule."a.b"]\nseverity = "fatal"', "severity"), ("x = [", "invalid TOML")],
)
def test_invalid_config_names_file_and_key(tmp_path, text, needle):
    p = tmp_path / "auditor.toml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(p)
    assert str(p) in str(err.value) and needle in str(err.value)
