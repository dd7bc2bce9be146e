"""Build the real-news gold set ``benchmarks/data/realnews`` (seeded, reproducible).

The set is made of real published articles taken verbatim from ``../shared/datasets`` (read by
path; ``--data`` to point elsewhere), annotated by people who never saw the rules (see
``benchmarks/data/realnews/GUIDE.md`` and its README). This script does the two mechanical steps
around the annotation, so that nobody picks articles or places them in a half by hand:

``select``
    draws the articles (``random.Random(SEED)``, per stratum, within a word-count window that keeps
    an exhaustive annotation affordable), assigns each to ``tune`` or ``test`` (alternating inside
    each stratum, and inside each Horne subset, after the seeded shuffle, so both halves have the same mix of language and source),
    picks the double-annotated agreement sample, and writes one skeleton JSON per article (title,
    body, provenance, no annotation) to ``--out``, with ``manifest.tsv``.

``assemble``
    reads the annotators' files (``--annotations DIR``: ``<article id>.json`` holding ``expect``,
    ``allow``, ``ignore``), checks every quote is a substring of its field, and writes the final gold
    files to ``benchmarks/data/realnews/{tune,test}/``, keeping the skeleton's title, body and
    provenance untouched (the annotators' copies of the text are never used).

Title and body are exactly the strings of the source file: French Wikinews ``text`` is the title
line, then the body; GUM ``text`` is the title line, the date (kept as ``published``; in one article
it runs on into the lead, which stays in the body), then the body; Horne 2017 has ``title`` and
``text`` (the body, ``\r\n`` kept as it is).

Usage::

    python benchmarks/realnews_build.py select --out /tmp/realnews-skeleton
    python benchmarks/realnews_build.py assemble --skeleton /tmp/realnews-skeleton --annotations DIR
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from pathlib import Path

SEED = 20261203
HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "datasets"
GOLD = HERE / "data" / "realnews"

WIKINEWS_LICENCE = "text CC BY 2.5 (Wikinews contributors); entity annotations CC BY 4.0 (not used here)"
HORNE_LICENCE = "BSD-style notice of Horne & Adali 2017, kept verbatim in NOTICE.horne2017"

#: (stratum, dataset file, how many, min words, max words). The windows keep exhaustive
#: annotation affordable; they are recorded in the README with the counts they leave.
STRATA = (
    ("fr-wikinews", "news-fr-wikinews/articles.jsonl", 36, 120, 450),
    ("en-gum", "news-en-wikinews/gum_news_entities.jsonl", 20, 100, 950),
    ("en-horne-real", "fakenews-en/horne2017_articles.jsonl", 16, 200, 800),
    ("en-horne-fake", "fakenews-en/horne2017_articles.jsonl", 10, 150, 700),
    ("en-horne-satire", "fakenews-en/horne2017_articles.jsonl", 5, 120, 600),
)
#: Articles per stratum annotated by two annotators (the agreement sample).
DOUBLE = {"fr-wikinews": 6, "en-gum": 4, "en-horne-real": 3, "en-horne-fake": 2, "en-horne-satire": 1}


def words(text: str) -> int:
    return len(text.split())


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def wikinews_fr(doc: dict) -> dict:
    title = doc["title"]
    text = doc["text"]
    assert text.startswith(title), doc["id"]
    body = text[len(title):].strip()
    return {
        "id": f"fr-wn-{doc['id']}", "lang": "fr", "title": title, "body": body, "published": None,
        "source": {"dataset": "news-fr-wikinews/articles.jsonl", "id": doc["id"], "url": doc["url"],
                   "label": "real", "licence": WIKINEWS_LICENCE},
    }


#: GUM's second line: the Wikinews date, sometimes run together with the lead sentence.
GUM_DATE = re.compile(r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), [A-Z][a-z]+ \d{1,2}, \d{4}")


def gum_en(doc: dict) -> dict:
    text = doc["text"]
    title, _, rest = text.partition("\n")
    published = None
    date = GUM_DATE.match(rest)
    if date:
        published, rest = date.group(0), rest[date.end():]
    short = doc["id"].removeprefix("GUM_news_")
    return {
        "id": f"en-gum-{short}", "lang": "en", "title": title.strip(), "body": rest.strip(),
        "published": published,
        "source": {"dataset": "news-en-wikinews/gum_news_entities.jsonl", "id": doc["id"],
                   "url": doc.get("url"), "label": "real", "licence": WIKINEWS_LICENCE},
    }


def horne(doc: dict) -> dict:
    slug = doc["id"].replace("/", "-").replace("_", "-").lower()
    return {
        "id": f"en-horne-{slug}", "lang": "en", "title": doc["title"].strip(), "body": doc["text"].strip(),
        "published": None,
        "source": {"dataset": "fakenews-en/horne2017_articles.jsonl", "id": doc["id"],
                   "subset": doc["subset"], "label": doc["label"], "licence": HORNE_LICENCE},
    }


def candidates(stratum: str, rows: list[dict], lo: int, hi: int) -> list[dict]:
    if stratum == "fr-wikinews":
        docs = [wikinews_fr(r) for r in rows]
    elif stratum == "en-gum":
        docs = [gum_en(r) for r in rows]
    else:
        label = stratum.rsplit("-", 1)[1]
        docs = [horne(r) for r in rows if r["label"] == label]
    return sorted((d for d in docs if lo <= words(d["body"]) <= hi and d["title"]), key=lambda d: d["id"])


def select(data: Path, out: Path) -> None:
    rng = random.Random(SEED)
    out.mkdir(parents=True, exist_ok=True)
    manifest = []
    for stratum, rel, n, lo, hi in STRATA:
        pool = candidates(stratum, read_jsonl(data / rel), lo, hi)
        if stratum.startswith("en-horne"):  # both Horne subsets (random_political, buzzfeed_political)
            pool = _interleave_subsets(pool, rng)
        else:
            rng.shuffle(pool)
        chosen = pool[:n]
        # Alternate halves inside each Horne subset too; the second subset starts on the other
        # half, so that odd-sized subsets still leave the stratum balanced.
        subsets = sorted({d["source"].get("subset", "") for d in chosen})
        seen = {sub: subsets.index(sub) for sub in subsets}
        for k, doc in enumerate(chosen):
            sub = doc["source"].get("subset", "")
            doc["split"] = "tune" if seen[sub] % 2 == 0 else "test"
            seen[sub] += 1
            doc["double_annotated"] = k < DOUBLE[stratum]
            doc["stratum"] = stratum
            (out / f"{doc['id']}.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            manifest.append((doc["id"], stratum, doc["split"], int(doc["double_annotated"]), words(doc["body"]), len(pool)))
    with (out / "manifest.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t")
        w.writerow(("id", "stratum", "split", "double", "words", "pool"))
        w.writerows(manifest)
    print(f"{len(manifest)} articles, {sum(m[4] for m in manifest)} words, {sum(m[3] for m in manifest)} double-annotated -> {out}")


def _interleave_subsets(pool: list[dict], rng: random.Random) -> list[dict]:
    by_subset: dict[str, list[dict]] = {}
    for d in pool:
        by_subset.setdefault(d["source"]["subset"], []).append(d)
    for docs in by_subset.values():
        rng.shuffle(docs)
    out = []
    lists = [by_subset[k] for k in sorted(by_subset)]
    while any(lists):
        for lst in lists:
            if lst:
                out.append(lst.pop(0))
    return out


ITEM_KEYS = ("category", "field", "quote", "note", "kind")

#: Spacing left by each corpus's tokenisation when it was converted (see the datasets' README
#: caveats and GUIDE §2): not defects of the published article. ``assemble`` adds one ``ignore``
#: item per pattern present (a quote stands for all its occurrences), for the families a spacing
#: checker belongs to, so that neither side is scored on them.
ARTIFACTS = {
    "news-fr-wikinews/articles.jsonl": (" .", " ,", " )", "( ", " - "),
    "news-en-wikinews/gum_news_entities.jsonl": (" 's", " ’s", " 've", " 'll", " 'm", " 're", " ’re", " 'd", " n't", " n`t", " - ", " .", " ,"),
}
ARTIFACT_FAMILIES = ("typography", "grammar")


def artifact_items(doc: dict) -> list[dict]:
    out = []
    for pattern in ARTIFACTS.get(doc["source"]["dataset"], ()):
        for fld in ("title", "body"):
            if pattern in doc[fld]:
                out += [{"category": cat, "field": fld, "quote": pattern, "note": "corpus tokenisation artifact (GUIDE §2), not a defect of the article"}
                        for cat in ARTIFACT_FAMILIES]
    return out
CATEGORIES = ("spelling", "grammar", "names", "attribution", "clickbait", "boilerplate", "typography")


def check_items(doc: dict, ann: dict, where: str) -> list[str]:
    """Every problem of one annotation file, as ``where: reason`` lines."""
    problems = []
    for kind in ("expect", "allow", "ignore"):
        for item in ann.get(kind, []) or []:
            fld = item.get("field", "body")
            quote = item.get("quote", "")
            if item.get("category") not in CATEGORIES:
                problems.append(f"{where}: {kind} item {quote[:40]!r}: unknown category {item.get('category')!r}")
            if fld not in ("title", "body"):
                problems.append(f"{where}: {kind} item {quote[:40]!r}: unknown field {fld!r}")
            elif not quote or quote not in doc[fld]:
                problems.append(f"{where}: {kind} item {quote[:60]!r} is not in the {fld}")
    return problems


def check(skeleton: Path, annotations: Path) -> int:
    """Validate every ``<id>.json`` of ``annotations`` whose article is in ``skeleton``."""
    problems: list[str] = []
    files = sorted(annotations.glob("*.json"))
    for ann_path in files:
        art = skeleton / ann_path.name
        if not art.exists():
            problems.append(f"{ann_path}: no article with this id")
            continue
        try:
            ann = json.loads(ann_path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            problems.append(f"{ann_path}: malformed JSON at line {exc.lineno}: {exc.msg}")
            continue
        doc = json.loads(art.read_text(encoding="utf-8"))
        problems += check_items(doc, ann, str(ann_path))
        if not ann.get("allow"):
            problems.append(f"{ann_path}: no allow item (every article needs at least one)")
        for item in ann.get("expect", []) or []:
            if item.get("category") in ("attribution", "clickbait") and not item.get("kind"):
                problems.append(f"{ann_path}: expect item {item.get('quote', '')[:40]!r}: {item['category']} needs a kind")
    for p in problems:
        print(p)
    print(f"{len(files)} file(s) checked, {len(problems)} problem(s)")
    return 1 if problems else 0


def assemble(skeleton: Path, annotations: Path, gold: Path) -> int:
    problems: list[str] = []
    written = 0
    for path in sorted(skeleton.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        ann_path = annotations / path.name
        if not ann_path.exists():
            problems.append(f"{ann_path}: missing")
            continue
        ann = json.loads(ann_path.read_text(encoding="utf-8"))
        problems += check_items(doc, ann, str(ann_path))
        out = {k: doc[k] for k in ("id", "lang", "title", "body", "published") if doc.get(k) is not None}
        out["quality"] = "clean" if doc["source"]["label"] == "real" else "flawed"
        out["source"] = doc["source"]
        out["annotation"] = ann.get("annotation", {})
        for kind in ("expect", "allow", "ignore"):
            out[kind] = [{k: item[k] for k in ITEM_KEYS if k in item} for item in ann.get(kind, []) or []]
        out["ignore"] += artifact_items(doc)
        dest = gold / doc["split"] / path.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written += 1
    for p in problems:
        print(p, file=sys.stderr)
    print(f"{written} gold files written to {gold}")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("select")
    s.add_argument("--data", type=Path, default=DEFAULT_DATA)
    s.add_argument("--out", type=Path, required=True)
    c = sub.add_parser("check", help="validate annotation files against their articles (writes nothing)")
    c.add_argument("--skeleton", type=Path, required=True)
    c.add_argument("--annotations", type=Path, required=True)
    a = sub.add_parser("assemble")
    a.add_argument("--skeleton", type=Path, required=True)
    a.add_argument("--annotations", type=Path, required=True)
    a.add_argument("--gold", type=Path, default=GOLD)
    args = ap.parse_args(argv)
    if args.cmd == "select":
        select(args.data, args.out)
        return 0
    if args.cmd == "check":
        return check(args.skeleton, args.annotations)
    return assemble(args.skeleton, args.annotations, args.gold)


if __name__ == "__main__":
    sys.exit(main())
