"""Declared genre: opinion pieces are not checked for opinion stated as fact (issue 13)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.genre import NEWS, OPINION, genre_of
from auditor.model import Article
from auditor.testing import get_auditor

JUDGING = "Le conseil a pris une décision scandaleuse en fermant la crèche du quartier."


@pytest.mark.parametrize("article, why", [
    (Article(title="Fermer la crèche", body=JUDGING, meta={"genre": "Tribune"}), "genre: Tribune"),
    (Article(title="Fermer la crèche", body=JUDGING, meta={"section": "opinion"}), "section: opinion"),
    (Article(title="Tribune : fermer la crèche est une faute", body=JUDGING), "title"),
    (Article(title="Opinion | The council got it wrong", body="The decision is a disgrace."), "title"),
    (Article(title="Fermer la crèche", body="Éditorial\n\n" + JUDGING), "first line"),
    (Article(title="The council got it wrong", body="A disgrace.", author="The Editorial Board"), "byline"),
    (Article(title="The council got it wrong", body="A disgrace.", author="Jane Roe, columnist"), "byline"),
])
def test_declared_opinion(article, why):
    g = genre_of(article)
    assert g.genre == OPINION and g.why.startswith(why)


@pytest.mark.parametrize("article", [
    Article(title="Le conseil ferme la crèche", body=JUDGING),
    Article(title="Column collapses at the old mill", body="A stone column fell on Tuesday."),  # a word, not a label
    Article(title="Le conseil ferme la crèche", body=JUDGING, meta={"genre": "news", "section": "Politique"}),
    Article(title="The council votes", body="It voted.", author="Jane Roe, city hall reporter"),
])
def test_news_by_default(article):
    assert genre_of(article).genre == NEWS


def _opinion_findings(article: Article, config: dict | None = None) -> tuple[list, dict]:
    report = get_auditor(config=config).audit(article)
    return [f for f in report.findings if f.rule == "attribution.opinion-as-fact"], report.extras.get("signals", {})


def test_opinion_piece_is_not_checked_for_opinion_as_fact_and_says_why():
    findings, signals = _opinion_findings(Article(title="Fermer la crèche", body=JUDGING, lang="fr", meta={"genre": "tribune"}))
    assert findings == []
    assert signals["genre"] == {"genre": "opinion", "from": "genre: tribune", "skipped": ["attribution.opinion-as-fact"]}


def test_the_same_text_as_news_is_flagged():
    findings, signals = _opinion_findings(Article(title="Fermer la crèche", body=JUDGING, lang="fr"))
    assert [f.excerpt for f in findings] == [JUDGING]
    assert "genre" not in signals


def test_option_checks_opinion_pieces_too():
    config = {"rule": {"attribution.opinion-as-fact": {"check-opinion-pieces": True}}}
    findings, _ = _opinion_findings(Article(title="Fermer la crèche", body=JUDGING, lang="fr", meta={"genre": "tribune"}), config)
    assert len(findings) == 1


def test_front_matter_genre_through_the_cli(tmp_path):
    path = tmp_path / "tribune.md"
    path.write_text(f"---\ntitle: Fermer la crèche\ngenre: Tribune\nlang: fr\n---\n\n{JUDGING}\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["check", str(path), "--format", "json"])
    report = json.loads(res.stdout)
    art = report["articles"][0]
    assert not [f for f in art["findings"] if f["rule"] == "attribution.opinion-as-fact"]
    assert art["signals"]["genre"]["genre"] == "opinion"
