"""Invariants that hold for any input (hypothesis)."""

from __future__ import annotations

from hypothesis import given, strategies as st

from auditor.model import Article, Finding
from auditor.score import ScoreWeights, score_article

text = st.text(alphabet=st.characters(codec=None, exclude_categories=("Cs",)), max_size=400)
words = st.lists(st.sampled_from(["Le", "conseil", "a", "voté", "«", "»", "Amazon", "A lire aussi", "  ", "\u00a0", "\n\n", "said", "😀", "l’entreprise", "!!!", "Etats-Unis", "Related:", "'"]), max_size=60).map(" ".join)


@given(title=st.one_of(text, words), body=st.one_of(text, words), lang=st.sampled_from(["fr", "en"]))
def test_spans_inside_fields_and_score_bounded(auditor, title, body, lang):
    report = auditor.audit(Article(title=title, body=body, lang=lang))
    assert not [e for e in report.errors if e.kind == "rule"], report.errors
    for f in report.findings:
        field = title if f.field == "title" else body
        assert 0 <= f.start <= f.end <= len(field)
        assert f.excerpt == field[f.start : f.end]
        assert f.line >= 1 and f.column >= 1
    assert 0.0 <= report.score <= 100.0


finding = st.builds(
    Finding,
    rule=st.sampled_from(["a.b", "c.d"]),
    category=st.sampled_from(["spelling", "names", "clickbait", "typography", "custom"]),
    severity=st.sampled_from(["error", "warning", "info"]),
    message=st.just("m"),
    field=st.just("body"),
    start=st.just(0),
    end=st.just(1),
    confidence=st.one_of(st.none(), st.floats(0, 1)),
)


@given(st.lists(finding, max_size=50), finding, st.integers(0, 50_000))
def test_adding_a_finding_never_raises_the_score(findings, extra, n_words):
    before = score_article(findings, n_words).score
    after = score_article(findings + [extra], n_words).score
    assert 0.0 <= after <= before <= 100.0


@given(st.lists(finding, min_size=1, max_size=50), st.integers(0, 50_000))
def test_deductions_add_up_to_what_was_lost(findings, n_words):
    sc = score_article(findings, n_words)
    assert abs(sum(d["points"] for d in sc.deductions) - (100 - sc.score)) < 0.01 + 0.001 * len(findings)
    assert sum(c["findings"] for c in sc.categories.values()) == len(findings)
