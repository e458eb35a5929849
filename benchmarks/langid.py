"""Language-ID benchmark: Indonesian against Malay, Javanese and Sundanese, article by article.

    python benchmarks/langid.py [--set heldout]

Reads the articles written for the test (tests/data/langid/, 30 per language; no word list or
constant of the language identifier was chosen by looking at them; ``--set heldout``:
tests/data/langid-heldout/, written later by another hand, never looked at while tuning) and
labels each article two ways: cld2 alone (its first answer, with its code mapped to the profile's: "jw" is "jv") and
align's ``detect_language`` (cld2 plus the profiles' family and distinctive words). Prints and
writes outputs/benchmarks/langid.md and langid.json: accuracy per language and of "is it
Indonesian" over all articles (the held-out set: langid-heldout.md and .json).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import pycld2

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from align import languages  # noqa: E402
from align.atomic import atomic_open  # noqa: E402
from align.segment.langid import detect_language  # noqa: E402

SETS = {"test": REPO / "tests" / "data" / "langid", "heldout": REPO / "tests" / "data" / "langid-heldout"}
OUT = REPO / "outputs" / "benchmarks"
CODES = ("id", "ms", "jv", "su")


def cld2_alone(text: str) -> str:
    _, _, details = pycld2.detect(text, bestEffort=True)
    code = details[0][1]
    return next((p.code for p in languages.all_profiles() if code in p.langid.detector_codes), code)


def score(labeller, data: Path) -> dict:
    per_language, indonesian, total = {}, 0, 0
    for code in CODES:
        texts = [a.strip() for a in (data / f"{code}.txt").read_text(encoding="utf-8").split("\n\n") if a.strip()]
        labels = Counter(labeller(text) for text in texts)
        per_language[code] = {"accuracy": round(labels[code] / len(texts), 4), "labels": dict(labels)}
        indonesian += labels["id"] if code == "id" else len(texts) - labels["id"]
        total += len(texts)
    return {"per_language": per_language, "is_indonesian_accuracy": round(indonesian / total, 4), "articles": total}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=sorted(SETS), default="test",
                        help="test: tests/data/langid (default); heldout: tests/data/langid-heldout")
    args = parser.parse_args(argv)
    data = SETS[args.set]
    results = {"cld2 alone": score(cld2_alone, data), "align (cld2 + profiles)": score(detect_language, data)}
    lines = ["| method | " + " | ".join(CODES) + " | is-Indonesian accuracy |", "| --- |" + " --- |" * (len(CODES) + 1)]
    for name, r in results.items():
        cells = [f"{r['per_language'][c]['accuracy']:.4f}" for c in CODES]
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {r['is_indonesian_accuracy']:.4f} |")
    table = "\n".join(lines) + "\n"
    OUT.mkdir(parents=True, exist_ok=True)
    stem = "langid" if args.set == "test" else "langid-heldout"
    with atomic_open(OUT / f"{stem}.json") as handle:
        json.dump(results, handle, indent=1)
    with atomic_open(OUT / f"{stem}.md") as handle:
        handle.write(f"# Language ID: Indonesian and its neighbours ({args.set} set, untuned)\n\n" + table)
    print(table, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
