"""False alarms of ``spelling.unknown-word`` per 1,000 words on clean Wikinews news (fr and en).

    python benchmarks/spelling_false_alarms.py [--split test|tune|all] [--lang fr|en|both]
        [--source wikinews|horne|both] [--show 30] [--list] [--grammar]

Sources: French Wikinews (WiNER-fr); English GUM Wikinews and the ``real`` articles of Horne &
Adali 2017 (see ``_spelling_data.py``); with ``--source both`` English prints each source and the
combined rate. ``--list`` prints every finding with its context (to classify them on the tuning half).

Every finding on these clean, edited texts counts as a false alarm in the first line. The texts do
contain real misspellings; those found on the reporting half were checked by hand and are listed
in ``data/spelling/source-errors.tsv`` (grammar: ``source-grammar-errors.tsv``); the second line
gives the rate without them. Words are counted by the
engine's word layer (title + body). Target: <= 2 per 1,000 words in each language.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _spelling_data import DATA, corpus, only, source_errors, sources  # noqa: E402


GRAMMAR = (
    "grammar.fr-past-participle", "grammar.fr-participle-agreement", "grammar.fr-en-termes-de",
    "grammar.fr-malgre-que", "grammar.fr-quoi-que", "grammar.fr-fixed-number", "grammar.fr-infinitive-chain",
    "grammar.fr-tout-les", "grammar.fr-pronoun-verb-number", "grammar.fr-possessive-number",
    "grammar.fr-quel-que-soit", "grammar.fr-se-sont", "grammar.fr-clure-present", "grammar.fr-si-conditional",
    "grammar.en-could-of",
    "grammar.en-its-its", "grammar.en-then-than", "grammar.en-your-youre", "grammar.en-loose-lose", "grammar.en-alot",
)


def run(lang: str, data: Path, split: str, show: int, rules: tuple[str, ...] = ("spelling.unknown-word",),
        source: str = "wikinews", listing: bool = False) -> dict:
    auditor = only(*rules)
    verified = source_errors("grammar" if rules[0].startswith("grammar.") else "spelling")
    words = findings = articles = real = 0
    seen: Counter[str] = Counter()
    for article in corpus(lang, source, data, split):
        report = auditor.audit(article)
        articles += 1
        words += report.words
        hits = [f for f in report.findings if f.rule in rules]
        findings += len(hits)
        for f in hits:
            real += (lang, article.source, f.excerpt) in verified
            seen[f.excerpt if len(rules) == 1 else f"{f.rule}:{f.excerpt}"] += 1
            if listing:
                text = article.title if f.field == "title" else article.body
                ctx = text[max(0, f.start - 50):f.end + 50].replace("\n", " ")
                print(f"  {article.source}\t{f.excerpt}\t{ctx}")
    rate = 1000 * findings / max(words, 1)
    print(f"[{lang}/{source}] {'+'.join(sorted({r.split('.')[0] for r in rules}))} split={split} articles={articles} words={words} false_alarms={findings} "
          f"per_1000_words={rate:.2f}")
    rest = findings - real
    print(f"  of which hand-verified real errors of the source: {real}; "
          f"remaining false alarms={rest} per_1000_words={1000 * rest / max(words, 1):.2f}")
    if show:
        print("  most frequent flagged words:", ", ".join(f"{w}×{c}" for w, c in seen.most_common(show)))
    return {"lang": lang, "articles": articles, "words": words, "false_alarms": findings, "per_1000": rate, "rest": rest}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--split", default="test", choices=["test", "tune", "all"])
    ap.add_argument("--lang", default="both", choices=["fr", "en", "both"])
    ap.add_argument("--source", default="both", choices=["wikinews", "horne", "both"])
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--list", action="store_true", help="print every finding with its context")
    ap.add_argument("--grammar", action="store_true", help="measure the embedded grammar rules instead")
    args = ap.parse_args()
    rules = GRAMMAR if args.grammar else ("spelling.unknown-word",)
    for lang in (["fr", "en"] if args.lang == "both" else [args.lang]):
        results = [run(lang, args.data, args.split, args.show, rules, src, args.list) for src in sources(lang, args.source)]
        if len(results) > 1:
            words = sum(r["words"] for r in results)
            fa = sum(r["false_alarms"] for r in results)
            rest = sum(r["rest"] for r in results)
            line = (f"[{lang}/combined] split={args.split} articles={sum(r['articles'] for r in results)} words={words} "
                    f"false_alarms={fa} per_1000_words={1000 * fa / max(words, 1):.2f}")
            line += f"; without verified source errors: {rest} per_1000_words={1000 * rest / max(words, 1):.2f}"
            print(line)


if __name__ == "__main__":
    main()
