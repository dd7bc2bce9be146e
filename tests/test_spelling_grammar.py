"""Spelling and grammar behaviour beyond the per-rule YAML cases: the seed article, the hand-off
with the names rules, the vocabulary, caches and lazy suggestions."""

from __future__ import annotations

import json

import pytest

from auditor.backends.hunspell import Speller, speller
from auditor.config import Config
from auditor.engine import Auditor
from auditor.language_checks.spelling import SpellChecker, Vocabulary, word_shape
from auditor.model import Article


def test_seed_article(auditor, seed_path):
    data = json.loads(seed_path.read_text(encoding="utf-8"))
    report = auditor.audit(Article(title=data["title"], body=data["body"], lang="fr", source=str(seed_path)))
    body = data["body"]
    lang_family = [f for f in report.findings if f.category in ("spelling", "grammar") and f.field == "body"]

    def flagged(quote: str, findings) -> list:
        start = body.find(quote)
        assert start >= 0, quote
        return [f for f in findings if f.start < start + len(quote) and start < f.end]

    for quote in ("réagit", "en terme de", "défenses", "de bases"):
        assert flagged(quote, lang_family), f"{quote} not reported"
    for quote in ("Rekognition", "Ozer", "quadragénaire"):
        assert not flagged(quote, [f for f in report.findings if f.category == "spelling"]), quote
    # « Recokgnition »: one finding, by the names rule or by spelling, not both.
    recok = flagged("Recokgnition", [f for f in report.findings if f.category in ("spelling", "names")])
    assert len(recok) == 1
    # « Etats-Unis »: only in typography among the language families (a sentence-level finding of
    # another family, e.g. attribution, may overlap it for an unrelated reason).
    etats = flagged("Etats-Unis", [f for f in report.findings if f.category in ("spelling", "grammar", "names", "typography")])
    assert etats and {f.category for f in etats} == {"typography"}


def test_spelling_defers_to_the_names_rule(auditor):
    body = "Le logiciel Zorbatrix est vendu aux polices. Plus tard, Zorbatrixx a été suspendu par Zorbatrix."
    report = auditor.audit(Article(title="", body=body, lang="fr"))
    on_word = [f for f in report.findings if f.excerpt == "Zorbatrixx"]
    assert len(on_word) == 1


def test_french_spacing_is_off_by_default():
    a = Auditor(Config(load_entry_points=False))
    assert "typography.french-spacing" in a.rules
    assert "typography.french-spacing" not in [r.id for r in a.enabled_rules("fr")]


def test_vocabulary_is_case_aware_and_whole_word():
    v = Vocabulary(["Rekognition", "fintech", "Nicole Ozer"])
    assert v.accepts("Rekognition") and v.accepts("REKOGNITION")
    assert not v.accepts("rekognition") and not v.accepts("Rekognitionn") and not v.accepts("Rekog")
    assert v.accepts("fintech") and v.accepts("Fintech")
    assert v.accepts("Ozer") and v.accepts("Nicole")


def test_word_shapes():
    assert word_shape("budget") == "lower"
    assert word_shape("Paris") == "cap"
    assert word_shape("Jean-Pierre") == "cap"
    assert word_shape("NASA") == "upper"
    assert word_shape("iPhone") == "mixed"
    assert word_shape("McCain") == "mixed"


def test_lookups_are_cached():
    sp = Speller("fr")
    assert sp.known("maison") and not sp.known("maisonn")
    calls = []
    real = sp._h

    class Spy:
        def spell(self, w):
            calls.append(w)
            return real.spell(w)

    sp._h = Spy()
    for _ in range(5):
        sp.known("maison")
        sp.known("maisonn")
    assert calls == []


def test_suggestions_are_lazy(monkeypatch):
    """With ``suggestions = "none"`` the slow suggester is never called."""
    sp = speller("fr")
    called = []
    monkeypatch.setattr(type(sp), "suggest", lambda self, *a, **k: called.append(a) or ())
    config = Config(load_entry_points=False)
    config.disable = {"names", "attribution", "clickbait"}
    config.rule_settings = {"spelling.unknown-word": {"suggestions": "none"}}
    report = Auditor(config).audit(Article(title="", body="Le budjet est voté.", lang="fr"))
    assert [f.excerpt for f in report.findings if f.rule == "spelling.unknown-word"] == ["budjet"]
    assert called == []


def test_one_edit_suggestions_rank_accents_first():
    sp = speller("fr")
    assert sp.suggest("ecole", deep=False)[0] == "école"
    assert sp.suggest("gouvernment", deep=False)[0] == "gouvernement"


def test_checker_without_the_engine():
    checker = SpellChecker(speller("en"), "en", Vocabulary(["Zorblatt"]), variants=[speller("en_GB")])
    found = checker.check_fields({"body": "Zorblatt said the colour of the goverment's plan was fine."})
    assert [m.word for m in found["body"]] == ["goverment"]


@pytest.mark.parametrize("lang,text", [
    ("fr", "Le maire a dit que tout allait bien, et le conseil a voté le budget à l'unanimité."),
    ("en", "The mayor said everything was fine, and the council passed the budget unanimously."),
])
def test_clean_sentences_have_no_language_findings(lang, text):
    config = Config(load_entry_points=False)
    config.disable = {"names", "attribution", "clickbait"}
    report = Auditor(config).audit(Article(title="", body=text, lang=lang))
    assert not [f for f in report.findings if f.category in ("spelling", "grammar")]


def _unknown_words(body: str, lang: str = "en", **options) -> list:
    config = Config(load_entry_points=False)
    config.disable = {"all"}
    config.enable = {"spelling.unknown-word"}
    config.rule_settings = {"spelling.unknown-word": {"suggestions": "none", **options}}
    return [f for f in Auditor(config).audit(Article(title="", body=body, lang=lang)).findings
            if f.rule == "spelling.unknown-word"]


def test_frequent_words_threshold_option():
    body = "Aides called the bill a spinoff and saw an uptick in calls."
    assert [f.excerpt for f in _unknown_words(body)] == []                                # default: Zipf >= 2.0
    assert [f.excerpt for f in _unknown_words(body, frequent_words=0)] == ["spinoff", "uptick"]  # off
    # spinoff is Zipf 3.16, uptick 2.79: a threshold between them keeps only the rarer one flagged
    assert [f.excerpt for f in _unknown_words(body, frequent_words=3.0)] == ["uptick"]
    # the margin: « recieve » (2.75) is « receive » (4.9) mistyped unless the margin is very wide
    assert [f.excerpt for f in _unknown_words("We recieve mail.")] == ["recieve"]
    assert [f.excerpt for f in _unknown_words("We recieve mail.", frequency_margin=9)] == []


def test_frequency_acceptance_guards():
    from auditor.language_checks.frequency import accepted

    en, fr = speller("en"), speller("fr")
    assert accepted("birther", en, [speller("en_GB")])
    assert not accepted("didnt", en)       # the apostrophe form is more frequent
    assert not accepted("publically", en)  # -ally for -ly, a classic slip
    assert not accepted("tres", fr)        # « très » without its accent
    assert not accepted("turquie", fr)     # a name in lowercase
    assert accepted("véto", fr)            # the 1990 reform spelling of « veto »
    assert not accepted("véto", fr, threshold=0)


def test_quoted_misspelling_is_info_as_in_the_grammar_rules():
    found = _unknown_words('"The goverment lied," he said. The goverment denied it.')
    assert [(f.excerpt, f.severity, f.data.get("quoted")) for f in found] == [
        ("goverment", "info", True), ("goverment", "warning", False)]


def test_sentence_initial_check_can_be_turned_off():
    body = "The ferry was late. Unfortunatly, nobody was told."
    assert [f.excerpt for f in _unknown_words(body)] == ["Unfortunatly"]
    assert _unknown_words(body, sentence_starts=False) == []


def test_common_words_of_another_language_are_foreign_words_not_typos():
    from auditor.backends.hunspell import speller
    from auditor.language_checks import frequency

    fr, en = speller("fr"), speller("en")
    assert frequency.foreign("dottore", fr) and frequency.foreign("famoso", en)
    # typos stay typos: « ving » is Dutch but « vingt » mistyped; "recieve" is nobody's word
    assert not frequency.foreign("ving", fr) and not frequency.foreign("recieve", en)
    assert not frequency.foreign("dottore", fr, threshold=0)
