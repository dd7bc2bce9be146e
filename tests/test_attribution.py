"""The attribution family: shared quote speakers, lexicons, the seed article (issue 7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.analysis import Analysis
from auditor.attribution.lexicons import compile_phrase, phrases, words
from auditor.evaluate import evaluate_files
from auditor.model import Article
from auditor.resources import builtin_rules_dir

RULES = ["attribution.unsourced-claim", "attribution.vague-source", "attribution.quote-without-speaker",
         "attribution.incomplete-source", "attribution.opinion-as-fact"]


def _quotes(body: str, lang: str):
    return Analysis(Article(title="", body=body, lang=lang), lang).quotes("body")


def test_rules_registered_and_documented(auditor):
    from auditor.rule import validate_rule

    for rid in RULES:
        assert rid in auditor.rules
        assert validate_rule(auditor.rules[rid]) == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_lexicons_are_readable_files(lang):
    folder = builtin_rules_dir() / "lexicons"
    for name in ("vague-sources", "vague-phrases", "claim-cues", "evaluative", "roles", "organisations",
                 "documents", "hedges", "trend-words"):
        assert (folder / f"attribution-{name}.{lang}.txt").is_file()
    assert "expert" in words("attribution-vague-sources", lang)
    assert all(p.kind for p in phrases("attribution-claim-cues", lang, kinds=True))


def test_every_attribution_lexicon_says_what_it_is_for():
    """Each word list opens with a ``#`` header that says what it is for, and holds entries only
    in lines the loader reads (``#`` starts a comment anywhere on a line)."""
    files = sorted((builtin_rules_dir() / "lexicons").glob("attribution-*.txt"))
    assert len(files) > 60
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines and lines[0].startswith("# "), path.name
        assert all(ln == ln.rstrip() for ln in lines), path.name


def test_phrase_matching_is_on_word_boundaries():
    pat = compile_phrase("d'après")
    assert pat.search("D’après le rapport")
    assert not compile_phrase("on dit").search("Leon dit")
    assert compile_phrase("responsab*").search("les responsables")


def test_inverted_french_attribution_names_the_speaker():
    (q,) = _quotes("« Nous ne céderons pas », a réagi Léa Fontaine, présidente de l’association Rives.", "fr")
    assert q.speaker is not None and "Léa Fontaine" in q.speaker.text
    assert q.verb is not None and q.verb.text == "réagi"
    assert q.inner_start > q.start and q.inner_end < q.end


def test_pronoun_speaker_is_resolved_to_the_last_person():
    body = "Léa Fontaine préside l’association Rives depuis 2019. « Nous ne céderons pas », a-t-elle prévenu."
    (q,) = _quotes(body, "fr")
    assert q.speaker is not None and q.speaker.text == "Léa Fontaine"


def test_speaker_in_next_sentence_same_paragraph_only():
    same = _quotes("“We will rebuild.” Mayor Tom Avery said so on Friday, standing by the river.", "en")
    assert same[0].speaker is not None
    other = _quotes("Tom Avery said the town would recover.\n\n“We will rebuild.” Work starts soon.", "en")
    assert other[0].speaker is None


def test_continued_quote_keeps_its_speaker():
    body = "“We were not told,” said Rita Haines, who chairs the tenants’ union. “Nobody asked us.”"
    qs = _quotes(body, "en")
    assert [q.speaker.text if q.speaker else None for q in qs] == ["Rita Haines", "Rita Haines"]


def test_one_finding_per_sentence(auditor):
    body = "Des experts jugent cette réforme scandaleuse et estiment qu’elle coûtera 3 millions d’euros."
    report = auditor.audit(Article(title="", body=body, lang="fr"))
    att = [f for f in report.findings if f.category == "attribution"]
    assert [f.rule for f in att] == ["attribution.vague-source"]
    assert "which experts?" in att[0].message


def test_headlines_and_teasers_are_not_claims(auditor):
    body = "La mairie a voté le budget.\n\nÀ lire aussi : un scandale incroyable secoue la ville (vidéo)\n\nLe vote a eu lieu lundi."
    report = auditor.audit(Article(title="Un budget scandaleux", body=body, lang="fr"))
    assert not [f for f in report.findings if f.category == "attribution"]


def test_seed_article(auditor, seed_path: Path):
    result = evaluate_files(auditor, [str(seed_path)], ["attribution"])
    fam = result["families"]["attribution"]
    assert fam["found"] >= 8, result["missed"]
    assert result["allow_flagged"] == []
