"""Precision and recall of the embedded French grammar rules (``grammar.fr-*``) on Grammalecte's
test sentences (``spelling-grammar-fr/grammalecte_tests.jsonl``, GPL-3.0, read in place).

    python benchmarks/spelling_grammar_fr.py [--split test|tune|all] [--show 20] [--rules grammar.fr-*]

Each row is one sentence: label 1 rows mark the error(s) one Grammalecte rule must find, label 0
rows must produce no error. A finding is a true positive when it overlaps a marked span; any
other finding (on a clean sentence, or elsewhere in an error sentence) is a false positive.
Recall is over all marked errors (a set written for a full grammar checker: most of its error
types are outside the embedded rules' scope), and also over the option groups the rules target
(``ppas`` past participles, ``loc`` set phrases, ``gn`` agreement, ``conf`` confusions).
Rows are split by index: even rows are the tuning half, odd rows the reporting half.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _spelling_data import DATA, only, split_ok  # noqa: E402

from auditor.model import Article  # noqa: E402

FR_RULES = (
    "grammar.fr-past-participle", "grammar.fr-participle-agreement", "grammar.fr-en-termes-de",
    "grammar.fr-malgre-que", "grammar.fr-quoi-que", "grammar.fr-fixed-number", "grammar.fr-infinitive-chain",
    "grammar.fr-tout-les", "grammar.fr-pronoun-verb-number", "grammar.fr-possessive-number",
    "grammar.fr-quel-que-soit", "grammar.fr-se-sont", "grammar.fr-clure-present", "grammar.fr-si-conditional",
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--split", default="test", choices=["test", "tune", "all"])
    ap.add_argument("--show", type=int, default=0, help="print this many false positives and misses")
    ap.add_argument("--rules", nargs="*", default=list(FR_RULES))
    args = ap.parse_args()

    auditor = only(*args.rules)
    path = args.data / "spelling-grammar-fr" / "grammalecte_tests.jsonl"
    tp = fp = gold = hit_gold = sentences = 0
    per_rule_tp: Counter[str] = Counter()
    per_rule_fp: Counter[str] = Counter()
    gold_by_opt: Counter[str] = Counter()
    hit_by_opt: Counter[str] = Counter()
    fps: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if not split_ok(i, args.split):
                continue
            row = json.loads(line)
            sentences += 1
            text = row["text"]
            report = auditor.audit(Article(title="", body=text, lang="fr"))
            findings = [f for f in report.findings if f.rule in args.rules]
            spans = [(e["start"], e["end"]) for e in row.get("errors", [])] if row["label"] == 1 else []
            for f in findings:
                if any(f.start < e and s < f.end for s, e in spans):
                    tp += 1
                    per_rule_tp[f.rule] += 1
                else:
                    fp += 1
                    per_rule_fp[f.rule] += 1
                    if len(fps) < args.show:
                        fps.append(f"  FP {f.rule}: {f.excerpt!r} in {text[:140]!r} (label {row['label']}, {row['option']})")
            opt = row.get("option") or "?"
            for s, e in spans:
                gold += 1
                gold_by_opt[opt] += 1
                if any(f.start < e and s < f.end for f in findings):
                    hit_gold += 1
                    hit_by_opt[opt] += 1
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = hit_gold / gold if gold else float("nan")
    print(f"split={args.split} sentences={sentences} gold_errors={gold} findings={tp + fp} "
          f"true_positives={tp} false_positives={fp}")
    print(f"precision={precision:.3f} recall_all={recall:.3f}")
    targeted = ("ppas", "loc", "gn", "conf")
    g = sum(gold_by_opt[o] for o in targeted)
    h = sum(hit_by_opt[o] for o in targeted)
    print(f"recall on option groups {'/'.join(targeted)}: {h}/{g} = {h / g if g else float('nan'):.3f}")
    for o in targeted:
        print(f"  {o}: {hit_by_opt[o]}/{gold_by_opt[o]}")
    for rule in args.rules:
        print(f"  {rule}: tp={per_rule_tp[rule]} fp={per_rule_fp[rule]}")
    for line in fps:
        print(line)


if __name__ == "__main__":
    main()
