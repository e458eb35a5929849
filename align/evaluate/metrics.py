"""Sentence-alignment metrics (Vecalign's strict/lax precision, recall and F1).

Beads are (source ids, target ids); metrics are pooled over documents:

* precision counts every predicted bead (1-0 / 0-1 included); recall counts only gold beads with
  both sides non-empty, matched against predicted beads with both sides non-empty;
* strict: the bead is found exactly; lax: some source id of the bead is aligned (in the other
  alignment) to some of its target ids.

Besides the six headline figures, ``score_alignments`` reports per-bead-type counts, exact matches,
recall and precision, and the precision/recall of the null beads (1-0 deletions, 0-1 insertions)
on their own.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable, Sequence

Pair = tuple[tuple[int, ...], tuple[int, ...]]


def _pairs(beads: Iterable) -> set[Pair]:
    """Distinct (src, tgt) tuples of beads or (src, tgt) pairs, dropping beads empty on both sides."""
    out = set()
    for bead in beads:
        src, tgt = (bead.src, bead.tgt) if hasattr(bead, "src") else bead
        if src or tgt:
            out.add((tuple(src), tuple(tgt)))
    return out


def _match_counts(reference: set[Pair], found: set[Pair]) -> tuple[int, int, int, int]:
    """(strict hits, strict misses, lax hits, lax misses) of ``found`` judged against ``reference``."""
    linked: dict[int, set[int]] = defaultdict(set)
    for src, tgt in reference:
        for s in src:
            linked[s].update(tgt)
    strict_hit = strict_miss = lax_hit = lax_miss = 0
    for src, tgt in found:
        if (src, tgt) in reference:
            strict_hit += 1
            lax_hit += 1
            continue
        strict_miss += 1
        partners = set().union(*(linked.get(s, set()) for s in src)) if src else set()
        if partners.intersection(tgt):
            lax_hit += 1
        else:
            lax_miss += 1
    return strict_hit, strict_miss, lax_hit, lax_miss


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_alignments(gold_docs: Sequence[Iterable], pred_docs: Sequence[Iterable]) -> dict:
    """Vecalign's pooled strict/lax P/R/F1 plus bead-type counts and null-bead P/R.

    ``gold_docs[k]`` and ``pred_docs[k]`` are the beads (or (src, tgt) pairs) of document k.
    """
    if len(gold_docs) != len(pred_docs):
        raise ValueError(f"{len(gold_docs)} gold documents but {len(pred_docs)} predicted")
    prec = [0, 0, 0, 0]
    rec = [0, 0, 0, 0]
    gold_kinds: Counter = Counter()
    pred_kinds: Counter = Counter()
    exact_kinds: Counter = Counter()
    null = {"1-0": [0, 0, 0], "0-1": [0, 0, 0]}  # hits, predicted, gold
    for gold_beads, pred_beads in zip(gold_docs, pred_docs):
        gold, pred = _pairs(gold_beads), _pairs(pred_beads)
        prec = [a + b for a, b in zip(prec, _match_counts(gold, pred))]
        gold_full = {(s, t) for s, t in gold if s and t}
        pred_full = {(s, t) for s, t in pred if s and t}
        rec = [a + b for a, b in zip(rec, _match_counts(pred_full, gold_full))]
        gold_kinds.update(f"{len(s)}-{len(t)}" for s, t in gold)
        pred_kinds.update(f"{len(s)}-{len(t)}" for s, t in pred)
        exact_kinds.update(f"{len(s)}-{len(t)}" for s, t in gold & pred)
        for kind, is_kind in (("1-0", lambda b: not b[1]), ("0-1", lambda b: not b[0])):
            g = {b for b in gold if is_kind(b)}
            p = {b for b in pred if is_kind(b)}
            null[kind][0] += len(g & p)
            null[kind][1] += len(p)
            null[kind][2] += len(g)
    p_strict, p_lax = _ratio(prec[0], prec[0] + prec[1]), _ratio(prec[2], prec[2] + prec[3])
    r_strict, r_lax = _ratio(rec[0], rec[0] + rec[1]), _ratio(rec[2], rec[2] + rec[3])
    result = {
        "precision_strict": p_strict,
        "recall_strict": r_strict,
        "f1_strict": _f1(p_strict, r_strict),
        "precision_lax": p_lax,
        "recall_lax": r_lax,
        "f1_lax": _f1(p_lax, r_lax),
        "gold_kinds": dict(sorted(gold_kinds.items())),
        "pred_kinds": dict(sorted(pred_kinds.items())),
        "per_kind": {
            kind: {"gold": gold_kinds[kind], "predicted": pred_kinds[kind], "exact": exact_kinds[kind],
                   "recall": _ratio(exact_kinds[kind], gold_kinds[kind]),
                   "precision": _ratio(exact_kinds[kind], pred_kinds[kind])}
            for kind in sorted(gold_kinds | pred_kinds, key=lambda k: (k.startswith("0-") or k.endswith("-0"), k))
        },
    }
    hits = sum(v[0] for v in null.values())
    n_pred = sum(v[1] for v in null.values())
    n_gold = sum(v[2] for v in null.values())
    result["null_precision"] = _ratio(hits, n_pred)
    result["null_recall"] = _ratio(hits, n_gold)
    result["null_f1"] = _f1(result["null_precision"], result["null_recall"])
    for kind, (h, n_p, n_g) in null.items():
        result[f"null_{kind}"] = {"hits": h, "predicted": n_p, "gold": n_g,
                                 "precision": _ratio(h, n_p), "recall": _ratio(h, n_g)}
    return result
