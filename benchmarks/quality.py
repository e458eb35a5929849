"""Sentence-alignment quality: `align` against Bertalign and Gale-Church on the development sets.

Runs every method on the same sentence embeddings (the bundled model, cached in outputs/devsets/)
and scores it with Vecalign's strict/lax precision/recall/F1 (pooled over documents), plus the
precision/recall of 1-0 / 0-1 beads and the merges (beads of 3+ sentences) not in the gold.
``texts embedded`` counts the distinct texts each method asks the model for (sentences plus any
windows): what a cold run costs. Methods: ``align`` (re-embedding doubtful windows), ``align-sums``
(sums of sentence vectors only, as with --src-emb), Bertalign and Gale-Church; then ``align-sums``
again on the centred and whitened vectors (benchmarks/devsets.py), as `align sentences --src-emb
--tgt-emb` would get them. Every set here is development data: the tuning sets the constants were
tuned on (benchmarks/tune.py; its held-out folds are in tune.json) and the check set ``enid-11``
(all 1-1 sentence-level units, derived from the tuning documents but never tuned on). Writes outputs/benchmarks/quality.md and
quality.json and prints the table.

    python benchmarks/quality.py [--sets enid-clean,enid-hard,textberg,enid-mn,enid-11] [--max-align 5]
                                 [--bertalign-sets textberg,enid-mn]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from align.atomic import atomic_open  # noqa: E402
from align.embed import load_encoder  # noqa: E402
from align.evaluate import score_alignments  # noqa: E402
from align.export.beads import format_bead  # noqa: E402
from align.config import Config, override  # noqa: E402
from benchmarks.baselines import BASELINES, ours, ours_sums  # noqa: E402
from benchmarks.devsets import CHECKS, GEOMETRIES, SETS, SHARED, embeddings, gold_location, load_set, reshape  # noqa: E402

OUT = REPO / "outputs" / "benchmarks"


class CountingEncoder:
    """Passes texts to an encoder and remembers which distinct texts were asked for."""

    def __init__(self, encoder) -> None:
        self.inner = encoder
        self.name, self.dim = encoder.name, encoder.dim
        self.asked: set[str] = set()

    def encode(self, texts: list[str]):
        self.asked.update(texts)
        return self.inner.encode(texts)


def save_predictions(docs, pred, folder: Path) -> None:
    """One Vecalign-format bead file per document, so `align eval` can re-score the run by itself."""
    for (stem, *_), beads in zip(docs, pred):
        with atomic_open(folder / f"{stem}.align") as handle:
            handle.writelines(format_bead(b) + "\n" for b in beads)


def run_method(fn, docs, vectors, encoder, max_align: int, save_to: Path) -> dict:
    counting = CountingEncoder(encoder)
    gold, pred = [], []
    align_s = 0.0
    for (_, src, tgt, beads), (src_vecs, tgt_vecs) in zip(docs, vectors):
        if not fn.__module__.endswith("galechurch"):  # length-only: needs no model at all
            counting.asked.update(src + tgt)
        started = time.perf_counter()
        pred.append(fn(src_vecs, tgt_vecs, src, tgt, encoder=counting, max_align=max_align))
        align_s += time.perf_counter() - started
        gold.append(beads)
    result = score_alignments(gold, pred)
    save_predictions(docs, pred, save_to)
    result["predictions"] = str(save_to if len(docs) > 1 else save_to / f"{docs[0][0]}.align")
    result["texts_embedded"] = len(counting.asked)
    result["false_merges"] = sum(1 for g, p in zip(gold, pred) for b in set((x.src, x.tgt) for x in p)
                                 - set((x.src, x.tgt) for x in g) if b[0] and b[1] and len(b[0]) + len(b[1]) >= 3)
    result["sentences"] = sum(len(s) + len(t) for _, s, t, _ in docs)
    result["seconds"] = round(align_s, 2)
    return result


def table(results: dict) -> str:
    head = ("| set | method | P strict | R strict | F1 strict | P lax | R lax | F1 lax "
            "| 1-0/0-1 P | 1-0/0-1 R | false merges | texts embedded | per sentence | seconds |")
    rows = [head, "|" + " --- |" * 14]
    for set_name, by_method in results.items():
        for method, r in by_method.items():
            rows.append(
                f"| {set_name} | {method} | {r['precision_strict']:.3f} | {r['recall_strict']:.3f} "
                f"| **{r['f1_strict']:.3f}** | {r['precision_lax']:.3f} | {r['recall_lax']:.3f} "
                f"| {r['f1_lax']:.3f} | {r['null_precision']:.3f} | {r['null_recall']:.3f} | {r['false_merges']} "
                f"| {r['texts_embedded']} | {r['texts_embedded'] / max(r['sentences'], 1):.2f} | {r['seconds']} |"
            )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(SETS + CHECKS))
    parser.add_argument("--max-align", type=int, default=5)
    parser.add_argument("--model", default="bundled")
    parser.add_argument("--cache-dir", default=None)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--bertalign-sets", default=None,
                        help="sets Bertalign runs on (default: every set; it embeds ~4 window texts per "
                             "sentence on a cold cache)")
    args = parser.parse_args(argv)
    encoder = load_encoder(args.model, cache_dir=args.cache_dir)
    signature = override(Config(), {"model": args.model, "align.max_align": args.max_align}).signature()
    bertalign_sets = set((args.sets if args.bertalign_sets is None else args.bertalign_sets).split(","))
    results: dict = {}
    for set_name in args.sets.split(","):
        docs = load_set(set_name, args.shared / "data")
        raw = embeddings(set_name, docs, encoder)
        results[set_name] = {}
        aligners = {"align": ours, "align-sums": ours_sums,
                    **{name: fn for name, fn in BASELINES.items() if name != "bertalign" or set_name in bertalign_sets}}
        runs = [(method, fn, "raw") for method, fn in aligners.items()]
        runs += [(f"align-sums {geometry}", ours_sums, geometry) for geometry in GEOMETRIES if geometry != "raw"]
        for method, fn, geometry in runs:
            results[set_name][method] = run_method(fn, docs, reshape(raw, geometry), encoder, args.max_align,
                                                   OUT / "quality" / set_name / method.replace(" ", "-"))
            results[set_name][method]["gold"] = str(gold_location(set_name, args.shared / "data"))
            r = results[set_name][method]
            print(f"{set_name:10s} {method:10s} strict F1 {r['f1_strict']:.4f}  lax F1 {r['f1_lax']:.4f}  "
                  f"null P/R {r['null_precision']:.3f}/{r['null_recall']:.3f}  texts {r['texts_embedded']}",
                  file=sys.stderr, flush=True)
    markdown = "\n".join([
        "# Sentence alignment quality",
        "",
        f"Signature: `{signature}`",
        "",
        "Vecalign's metric: strict = exact bead, lax = overlapping bead; precision counts 1-0/0-1 beads, "
        "recall ignores them. `1-0/0-1 P/R`: deletions and insertions alone. `texts embedded`: distinct "
        "texts sent to the model (a cold run's cost); `seconds`: alignment alone, embeddings cached.",
        "",
        table(results),
        "",
    ])
    with atomic_open(OUT / "quality.md") as handle:
        handle.write(markdown)
    with atomic_open(OUT / "quality.json") as handle:
        json.dump({"signature": signature, "results": results}, handle, indent=1)
    print(markdown)
    return results


if __name__ == "__main__":
    main()
