"""Recall and precision of ``spelling.unknown-word`` on non-word misspellings injected (seeded)
into clean Wikinews articles.

    python benchmarks/spelling_injection.py [--split test|tune|all] [--rate 0.02 0.05] [--seed 13]
        [--lang fr|en|both] [--source wikinews|horne|both] [--show 20]

English: misspellings from the codespell dictionary (``misspellings-en/codespell_dictionary.tsv``,
CC BY-SA 3.0): a word of the article that is a codespell correction is replaced by one of its
misspellings. French: typo patterns generated here (a dropped accent, a wrong accent, a dropped,
doubled or swapped letter, a neighbouring AZERTY key). Only **non-words** are injected (the
misspelling must be unknown to the dictionaries the rule uses, otherwise it is a real-word error,
out of this rule's scope), into lowercase words of 4+ letters (capitalised words are names to
this rule, by design). ``--rate`` is the share of eligible words changed (default 2%, i.e. about
one error every 60 words: far denser than real copy, which makes precision harder, not easier).

Sources: French Wikinews; English GUM Wikinews and the ``real`` articles of Horne & Adali 2017
(``--source``; with ``both`` English prints each source and the combined numbers). Each source has
its own seeded generator (Wikinews keeps the seed string it always had), so every number is
reproducible on its own.

A finding overlapping an injected word is a true positive; any other finding is a false positive
(it includes the real typos of the source texts, see spelling_false_alarms.py); the second line
counts the hand-verified ones (``data/spelling/source-errors.tsv``) as correct. Precision and
recall are over findings and injected words. The rule runs with its default options.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from dataclasses import replace
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _spelling_data import DATA, corpus, only, source_errors, sources  # noqa: E402

from auditor.backends.hunspell import speller  # noqa: E402
from auditor.language_checks.spelling import SpellChecker  # noqa: E402

WORD = regex.compile(r"(?<![\p{L}\-'’])\p{Ll}{4,}(?![\p{L}\-'’])")
AZERTY = ["azertyuiop", "qsdfghjklm", "wxcvbn"]
DROP_ACCENT = {"é": "e", "è": "e", "ê": "e", "à": "a", "â": "a", "î": "i", "ô": "o", "û": "u", "ù": "u", "ç": "c", "ë": "e", "ï": "i"}
WRONG_ACCENT = {"é": "è", "è": "é", "ê": "é", "â": "à", "à": "â"}


def neighbours(c: str) -> str:
    for r, row in enumerate(AZERTY):
        i = row.find(c)
        if i >= 0:
            out = row[max(0, i - 1):i] + row[i + 1:i + 2]
            for rr in (r - 1, r + 1):
                if 0 <= rr < len(AZERTY):
                    out += AZERTY[rr][max(0, i - 1):i + 1]
            return out
    return ""


def french_typos(word: str, rng: random.Random) -> list[str]:
    cands = []
    for i, ch in enumerate(word):
        if ch in DROP_ACCENT:
            cands.append(word[:i] + DROP_ACCENT[ch] + word[i + 1:])
        if ch in WRONG_ACCENT:
            cands.append(word[:i] + WRONG_ACCENT[ch] + word[i + 1:])
    for i in range(1, len(word)):
        cands.append(word[:i] + word[i + 1:])                       # dropped letter
        cands.append(word[:i] + word[i] + word[i:])                 # doubled letter
    for i in range(1, len(word) - 1):
        cands.append(word[:i] + word[i + 1] + word[i] + word[i + 2:])  # swapped letters
    for i in range(1, len(word)):
        for n in neighbours(word[i]):
            cands.append(word[:i] + n + word[i + 1:])                 # neighbouring key
    rng.shuffle(cands)
    return cands


def load_codespell(data: Path) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    with (data / "misspellings-en" / "codespell_dictionary.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            miss, corr = row["misspelling"], row["correction"]
            if miss.isalpha() and corr.isalpha() and miss.islower() and corr.islower() and " " not in corr:
                table.setdefault(corr, []).append(miss)
    return table


def run(lang: str, data: Path, split: str, rate: float, seed: int, show: int, source: str = "wikinews") -> dict:
    rng = random.Random(f"{seed}-{lang}" if source == "wikinews" else f"{seed}-{lang}-{source}")
    auditor = only("spelling.unknown-word")
    rule = auditor.rules["spelling.unknown-word"]
    opts = rule.options
    checker = SpellChecker(speller(lang), lang, variants=[speller(v) for v in opts["variants"].get(lang, [])])
    codespell = load_codespell(data) if lang == "en" else {}
    verified = source_errors("spelling")
    injected_total = detected = tp_findings = fp_findings = words = source_hits = 0
    misses: list[str] = []
    fps: list[str] = []
    for article in corpus(lang, source, data, split):
        body = article.body
        spans = []
        pieces = []
        pos = 0
        for m in WORD.finditer(body):
            w = m.group()
            if rng.random() >= rate or not checker.known(w):
                continue
            if lang == "en":
                options = [x for x in codespell.get(w, []) if not checker.known(x)]
                typo = rng.choice(options) if options else None
            else:
                typo = next((c for c in french_typos(w, rng) if not checker.known(c)), None)
            if not typo:
                continue
            pieces.append(body[pos:m.start()])
            start = sum(len(p) for p in pieces)
            pieces.append(typo)
            spans.append((start, start + len(typo), w, typo))
            pos = m.end()
        pieces.append(body[pos:])
        new_body = "".join(pieces)
        report = auditor.audit(replace(article, body=new_body))
        words += report.words
        found = [f for f in report.findings if f.rule == "spelling.unknown-word" and f.field == "body"]
        injected_total += len(spans)
        for s, e, orig, typo in spans:
            if any(f.start < e and s < f.end for f in found):
                detected += 1
            elif len(misses) < show:
                misses.append(f"  missed {typo!r} (for {orig!r}) in {article.source}")
        for f in found:
            if any(f.start < e and s < f.end for s, e, _o, _t in spans):
                tp_findings += 1
            else:
                fp_findings += 1
                source_hits += (lang, article.source, f.excerpt) in verified
                if len(fps) < show:
                    fps.append(f"  other finding {f.excerpt!r} in {article.source}")
        fp_findings += sum(1 for f in report.findings if f.rule == "spelling.unknown-word" and f.field == "title")
    counts = {"words": words, "injected": injected_total, "detected": detected, "tp": tp_findings,
              "fp": fp_findings, "source": source_hits}
    report_line(f"{lang}/{source}", split, rate, counts)
    for line in misses + fps:
        print(line)
    return counts


def report_line(label: str, split: str, rate: float, c: dict) -> None:
    recall = c["detected"] / c["injected"] if c["injected"] else float("nan")
    n = c["tp"] + c["fp"]
    precision = c["tp"] / n if n else float("nan")
    p2 = (c["tp"] + c["source"]) / n if n else float("nan")
    print(f"[{label}] split={split} rate={rate:g} words={c['words']} injected={c['injected']} detected={c['detected']} "
          f"recall={recall:.3f} findings={n} precision={precision:.3f}")
    print(f"  counting the {c['source']} hand-verified misspellings of the source texts as correct: precision={p2:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--split", default="test", choices=["test", "tune", "all"])
    ap.add_argument("--lang", default="both", choices=["fr", "en", "both"])
    ap.add_argument("--rate", type=float, nargs="+", default=[0.02, 0.05])
    ap.add_argument("--source", default="both", choices=["wikinews", "horne", "both"])
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    for rate in args.rate:
        for lang in (["fr", "en"] if args.lang == "both" else [args.lang]):
            results = [run(lang, args.data, args.split, rate, args.seed, args.show, src) for src in sources(lang, args.source)]
            if len(results) > 1:
                report_line(f"{lang}/combined", args.split, rate, {k: sum(r[k] for r in results) for k in results[0]})


if __name__ == "__main__":
    main()
