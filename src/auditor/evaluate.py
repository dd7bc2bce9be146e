"""``auditor eval``: measure the rules against gold-annotated articles.

A gold file is an article (``title``, ``body``, ``lang``…) plus lists of items
``{category, field, quote, note}`` where ``quote`` is an exact substring of the field:

- ``expect`` (and ``other``, the seed's list of defects outside the main families): defects a good
  auditor reports;
- ``allow``: things that must not be reported in that category (traps);
- ``ignore``: borderline items; findings overlapping them count neither way.

A quote that occurs several times in its field stands for every occurrence (the seed's
« A lire aussi » is annotated once and left in the text twice).

A finding matches an item of the same category *family* (spelling and grammar form one family,
``language``) whose quote span overlaps the finding's span in the same field. Per family:

- recall = expected items matched by at least one finding / expected items;
- precision = findings matching an expected item / findings that do not overlap an ignored item.

A gold file is taken as exhaustive for every family unless it lists the families it annotates in
``"families": [...]``, or ``--family`` restricts the evaluation. When gold files carry
``"quality": "clean"|"flawed"``, the score separation is reported: mean scores and the AUC (the
probability that a clean article outscores a flawed one).

``--min-severity warning`` scores only warnings and errors (what an editor who hides info-level
findings sees). The JSON result also gives the words read and, per article, its score, its
provenance label (``source.label`` of the gold file, e.g. ``real``/``fake``) and its findings per
family, from which densities per 1,000 words are computed.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

from .model import SEVERITIES, Article

LANGUAGE_FAMILY = {"spelling": "language", "grammar": "language"}


def family(category: str) -> str:
    return LANGUAGE_FAMILY.get(category, category)


class GoldError(ValueError):
    pass


@dataclass
class GoldItem:
    kind: str  # expect, allow, ignore
    category: str
    field: str
    quote: str
    note: str
    start: int
    end: int
    others: tuple[tuple[int, int], ...] = ()  # later occurrences of the same quote
    subkind: str = ""  # the item's optional ``kind`` (e.g. ``vague-source``), for per-kind recall

    @property
    def family(self) -> str:
        return family(self.category)

    def overlaps(self, field: str, start: int, end: int) -> bool:
        """A quote that occurs several times in the field (« A lire aussi », twice) matches at each."""
        if field != self.field:
            return False
        return any(start < e and s < end for s, e in ((self.start, self.end), *self.others))


def load_gold(path: Path) -> list[tuple[Article, list[GoldItem], dict[str, Any]]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read: {exc}") from None
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}: malformed JSON at line {exc.lineno}: {exc.msg}") from None
    docs = data if isinstance(data, list) else [data]
    out = []
    for n, doc in enumerate(docs):
        where = f"{path}[{n}]" if isinstance(data, list) else str(path)
        if not isinstance(doc, dict):
            raise GoldError(f"{where}: a gold article must be a JSON object")
        title = doc.get("title") or doc.get("headline") or ""
        body = doc.get("body") or doc.get("text") or doc.get("content") or ""
        article = Article(
            title=title, body=body, lang=doc.get("lang"), author=doc.get("author"),
            published=doc.get("published"), source=where,
        )
        items = []
        for kind, key in (("expect", "expect"), ("expect", "other"), ("allow", "allow"), ("ignore", "ignore")):
            for item in doc.get(key, []) or []:
                fld = item.get("field", "body")
                quote = item.get("quote", "")
                text = article.text(fld) if fld in ("title", "body") else None
                if text is None:
                    raise GoldError(f"{where}: item {quote[:40]!r} has unknown field {fld!r}")
                start = text.find(quote) if quote else -1
                if start < 0:
                    raise GoldError(f"{where}: quote {quote[:60]!r} is not in the {fld}")
                others = []
                nxt = text.find(quote, start + len(quote))
                while nxt >= 0:
                    others.append((nxt, nxt + len(quote)))
                    nxt = text.find(quote, nxt + len(quote))
                items.append(GoldItem(kind, item.get("category", ""), fld, quote, item.get("note", ""), start, start + len(quote), tuple(others), item.get("kind", "")))
        provenance = doc.get("source") if isinstance(doc.get("source"), dict) else {}
        meta = {"quality": doc.get("quality"), "families": doc.get("families"), "source": where,
                "id": doc.get("id"), "label": provenance.get("label")}
        out.append((article, items, meta))
    return out


def gold_paths(paths: Iterable[str]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out.extend(sorted(path.rglob("*.json")))
        elif path.exists():
            out.append(path)
        else:
            raise GoldError(f"{p}: no such file or folder")
    if not out:
        raise GoldError("no gold files given")
    return out


def _prf(tp_findings: int, n_findings: int, hit_items: int, n_items: int) -> dict[str, Any]:
    p = tp_findings / n_findings if n_findings else None
    r = hit_items / n_items if n_items else None
    f1 = 2 * p * r / (p + r) if p is not None and r is not None and (p + r) else (0.0 if p is not None and r is not None else None)
    return {
        "precision": None if p is None else round(p, 4),
        "recall": None if r is None else round(r, 4),
        "f1": None if f1 is None else round(f1, 4),
        "findings": n_findings,
        "true_findings": tp_findings,
        "expected": n_items,
        "found": hit_items,
    }


def auc(clean: Sequence[float], flawed: Sequence[float]) -> float | None:
    if not clean or not flawed:
        return None
    wins = 0.0
    for c in clean:
        for f in flawed:
            wins += 1.0 if c > f else 0.5 if c == f else 0.0
    return wins / (len(clean) * len(flawed))


#: info < warning < error, from the one list of severities in :mod:`auditor.model`.
SEVERITY_RANK = {s: rank for rank, s in enumerate(reversed(SEVERITIES))}


class _Tally:
    """Counts of one evaluation run, filled article by article."""

    def __init__(self) -> None:
        self.families: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # tp_f, n_f, hit, n_items
        self.rules: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        self.traps: list[dict[str, Any]] = []
        self.misses: list[dict[str, Any]] = []
        self.false_alarms: list[dict[str, Any]] = []
        self.scores: dict[str, list[float]] = defaultdict(list)
        self.per_article: list[dict[str, Any]] = []

    def article(self, items: list[GoldItem], meta: dict[str, Any], findings: Sequence[Any], counted: Any) -> dict[str, int]:
        """Match one article's findings against its gold items; returns its findings per family."""
        expected = [i for i in items if i.kind == "expect" and counted(i.family)]
        allowed = [i for i in items if i.kind == "allow" and counted(i.family)]
        ignored = [i for i in items if i.kind == "ignore"]
        per_family: dict[str, int] = defaultdict(int)
        for f in findings:
            fam = family(f.category)
            if not counted(fam):
                continue
            hits = [i for i in expected if i.family == fam and i.overlaps(f.field, f.start, f.end)]
            if not hits and any(i.family == fam and i.overlaps(f.field, f.start, f.end) for i in ignored):
                continue
            per_family[fam] += 1
            self.families[fam][1] += 1
            self.rules[f.rule][1] += 1
            if hits:
                self.families[fam][0] += 1
                self.rules[f.rule][0] += 1
                continue
            trap = [i for i in allowed if i.family == fam and i.overlaps(f.field, f.start, f.end)]
            entry = {"source": meta["source"], "rule": f.rule, "severity": f.severity, "field": f.field, "excerpt": f.excerpt, "message": f.message}
            if trap:
                self.traps.append({**entry, "allow": trap[0].quote, "note": trap[0].note})
            self.false_alarms.append(entry)
        for item in expected:
            self.families[item.family][3] += 1
            hitters = {f.rule for f in findings if family(f.category) == item.family and item.overlaps(f.field, f.start, f.end)}
            if hitters:
                self.families[item.family][2] += 1
                for r in hitters:
                    self.rules[r][2] += 1
            else:
                self.misses.append({"source": meta["source"], "category": item.category, "kind": item.subkind, "field": item.field, "quote": item.quote, "note": item.note})
        return dict(per_family)


def evaluate_files(
    auditor: Any, paths: Sequence[str], families: Sequence[str] | None = None, min_severity: str | None = None,
) -> dict[str, Any]:
    """Precision and recall of ``auditor`` on gold files.

    ``min_severity`` (``"warning"``, ``"error"``) scores only the findings at that level or above, as
    an editor who reads only warnings sees them: recall then counts an item as found only by such a
    finding.
    """
    wanted = {family(f) for f in families} if families else None
    floor = SEVERITY_RANK[min_severity] if min_severity else 0
    tally = _Tally()
    articles = 0
    words = 0
    for path in gold_paths(paths):
        for article, items, meta in load_gold(path):
            articles += 1
            report = auditor.audit(article)
            annotated = {family(a) for a in meta["families"]} if meta.get("families") else None

            def counted(fam: str) -> bool:
                return (wanted is None or fam in wanted) and (annotated is None or fam in annotated)

            findings = [f for f in report.findings if SEVERITY_RANK.get(f.severity, 0) >= floor]
            per_family = tally.article(items, meta, findings, counted)
            n_words = len(article.title.split()) + len(article.body.split())
            words += n_words
            if meta.get("quality") in ("clean", "flawed") and report.score is not None:
                tally.scores[meta["quality"]].append(report.score)
            tally.per_article.append({
                "source": meta["source"], "id": meta.get("id"), "label": meta.get("label"), "quality": meta.get("quality"),
                "words": n_words, "score": report.score, "findings": per_family,
            })
    return _result(tally, articles, words, min_severity)


def _result(tally: _Tally, articles: int, words: int, min_severity: str | None) -> dict[str, Any]:
    result: dict[str, Any] = {
        "articles": articles,
        "words": words,
        "min_severity": min_severity or "info",
        "families": {fam: _prf(*c) for fam, c in sorted(tally.families.items())},
        "rules": {r: {"findings": c[1], "true_findings": c[0], "precision": round(c[0] / c[1], 4) if c[1] else None, "expected_found": c[2]} for r, c in sorted(tally.rules.items())},
        "allow_flagged": tally.traps,
        "missed": tally.misses,
        "false_alarms": tally.false_alarms,
        "per_article": tally.per_article,
    }
    total = [sum(c[i] for c in tally.families.values()) for i in range(4)]
    result["overall"] = _prf(*total)
    scores = tally.scores
    if scores:
        result["scores"] = {
            "clean_mean": round(sum(scores["clean"]) / len(scores["clean"]), 2) if scores["clean"] else None,
            "flawed_mean": round(sum(scores["flawed"]) / len(scores["flawed"]), 2) if scores["flawed"] else None,
            "clean": len(scores["clean"]),
            "flawed": len(scores["flawed"]),
            "auc": None if (a := auc(scores["clean"], scores["flawed"])) is None else round(a, 4),
        }
    return result


def _fmt(x: Any) -> str:
    return "  —  " if x is None else f"{x:.3f}"


def format_text(result: dict[str, Any]) -> str:
    level = result.get("min_severity", "info")
    head = f"{result['articles']} gold article(s), {result.get('words', 0)} words" + ("" if level == "info" else f", findings at {level} level and above")
    lines = [head, "", f"{'family':14s} {'precision':>9s} {'recall':>7s} {'F1':>7s} {'findings':>9s} {'expected':>9s} {'found':>6s}"]
    for fam, m in list(result["families"].items()) + [("ALL", result["overall"])]:
        lines.append(f"{fam:14s} {_fmt(m['precision']):>9s} {_fmt(m['recall']):>7s} {_fmt(m['f1']):>7s} {m['findings']:>9d} {m['expected']:>9d} {m['found']:>6d}")
    lines += ["", f"{'rule':40s} {'findings':>9s} {'true':>6s} {'precision':>9s} {'expected found':>15s}"]
    for rule, m in result["rules"].items():
        lines.append(f"{rule:40s} {m['findings']:>9d} {m['true_findings']:>6d} {_fmt(m['precision']):>9s} {m['expected_found']:>15d}")
    lines += ["", f"allow items flagged (traps): {len(result['allow_flagged'])}"]
    for t in result["allow_flagged"]:
        lines.append(f"  {t['rule']}: {t['allow'][:70]!r} ({t['note']})")
    if result["missed"]:
        lines += ["", f"missed expected items: {len(result['missed'])}"]
        for m in result["missed"]:
            lines.append(f"  {m['category']:12s} {m['quote'][:70]!r}")
    if "scores" in result:
        s = result["scores"]
        lines += ["", f"score separation: clean mean {s['clean_mean']} (n={s['clean']}), flawed mean {s['flawed_mean']} (n={s['flawed']}), AUC {s['auc']}"]
    return "\n".join(lines)
