"""Evidence about each bead of a path, for the calibrated confidence (see `align.export.calibration`).

Everything here is read from what the core already computed (the gains of every bead type in the
band, the sides' lengths, anchors and continuation flags); no model is called. Per matched bead:

- ``evidence``: its per-sentence evidence (the gain per ``size ** size_exponent`` plus the threshold:
  the scaled margin over chance with the length, anchor and continuation terms), what the raw score maps;
- ``rival``: ``evidence`` minus the per-sentence evidence of the best 1-1 bead pairing one of its
  sentences with a sentence outside it (how clearly this bead beats its best competitor);
- ``split``: its gain minus the best way of covering the same sentences with two beads (null beads
  included), per ``size ** size_exponent`` (how clearly the DP chose this grouping);
- ``weakest``: the least of ``evidence``, ``rival`` and ``split`` (a bead is as sure as its weakest margin);
- ``length``: the absolute Gale-Church deviation of its two sides' lengths;
- ``shared`` / ``unmatched``: number/name fingerprint bits both sides have / only one side has;
- ``continuation``: sides whose first sentence is a lowercase continuation (0-2);
- ``size``: sentences in the bead;
- ``null_near``: null beads next to it on the path (0-2);
- ``null_share``: the share of the document's sentences in null beads.
"""

from __future__ import annotations

import functools
import math
import operator

import numba
import numpy as np

from align.align.band import BandGains
from align.align.scoring import Sides

FEATURES = ("evidence", "rival", "split", "weakest", "length", "shared", "unmatched", "continuation", "size",
            "null_near", "null_share")
MARGIN_CLIP = 10.0  # rival and split margins are clipped to +-this (beyond it a bead is plainly chosen);
# a bead that nothing competes with gets the clip


def bead_features(steps, band: BandGains, types, sides: Sides, params, ratio: float) -> list[dict | None]:
    """One feature record per step of the path (None for a 1-0 / 0-1 bead); see the module docstring."""
    pairs = [tuple(t) for t in types.tolist()]
    rivals = _one_one_rivals(band, len(sides.tgt_len))
    spans = [(i - pairs[k][0], i, j - pairs[k][1], j) for i, j, k in steps.tolist()]
    nulls = sum((i1 - i0) + (j1 - j0) for i0, i1, j0, j1 in spans if i0 == i1 or j0 == j1)
    null_share = nulls / max(len(sides.src_len) + len(sides.tgt_len), 1)
    src_chars = [0.0, *np.cumsum(sides.src_len).tolist()]
    tgt_chars = [0.0, *np.cumsum(sides.tgt_len).tolist()]
    src_masks, tgt_masks = [int(x) for x in sides.src_masks], [int(x) for x in sides.tgt_masks]
    out: list[dict | None] = []
    for step, (i0, i1, j0, j1) in enumerate(spans):
        a, b = i1 - i0, j1 - j0
        if not a or not b:
            out.append(None)
            continue
        weight = (a + b) ** params.size_exponent
        own = band.gain(a, b, i1, j1) or 0.0
        evidence = own / weight + params.threshold
        rival = _best_rival(rivals, range(i0, i1), range(j0, j1))
        rival_evidence = rival / 2**params.size_exponent + params.threshold if rival is not None else None
        best_split = band.best_split(i0, i1, j0, j1)
        src_len, tgt_len = src_chars[i1] - src_chars[i0], tgt_chars[j1] - tgt_chars[j0]
        mean = (src_len * ratio + tgt_len) / 2
        length = abs(tgt_len - src_len * ratio) / math.sqrt(params.length_variance * max(mean, 1.0))
        src_mask = functools.reduce(operator.or_, src_masks[i0:i1])
        tgt_mask = functools.reduce(operator.or_, tgt_masks[j0:j1])
        near = [spans[s] for s in (step - 1, step + 1) if 0 <= s < len(spans)]
        margins = (MARGIN_CLIP if rival_evidence is None else evidence - rival_evidence,
                   MARGIN_CLIP if best_split is None else (own - best_split) / weight)
        rival_margin, split_margin = (min(max(x, -MARGIN_CLIP), MARGIN_CLIP) for x in margins)
        out.append({
            "evidence": evidence,
            "rival": rival_margin,
            "split": split_margin,
            "weakest": min(evidence, rival_margin, split_margin),
            "length": float(length),
            "shared": bin(src_mask & tgt_mask).count("1"),
            "unmatched": bin(src_mask ^ tgt_mask).count("1"),
            "continuation": int(sides.src_cont[i0]) + int(sides.tgt_cont[j0]),
            "size": a + b,
            "null_near": sum(1 for p0, p1, q0, q1 in near if p0 == p1 or q0 == q1),
            "null_share": null_share,
        })
    return [None if f is None else {k: round(float(v), 3) for k, v in f.items()} for f in out]


def _one_one_rivals(band: BandGains, m: int) -> dict:
    """The two best 1-1 gains (value, partner) of every source and every target sentence in the band
    (row ``x + 1`` holds sentence ``x``)."""
    one_one = band.index.get((1, 1))
    if one_one is None:
        empty = np.zeros(0, dtype=np.float32)
        return dict(zip(("src", "tgt"), _top_two(empty, band.lo[:1], band.lo[:1], band.start[:2], m)))
    flat = np.ascontiguousarray(band.gains[one_one], dtype=np.float32)
    return dict(zip(("src", "tgt"), _top_two(flat, band.lo, band.hi, band.start, m)))


@numba.njit(cache=True)
def _top_two(flat, lo, hi, start, m):
    n1 = lo.shape[0]
    row_best = np.full((n1, 2), -np.inf)
    row_who = np.full((n1, 2), -1, dtype=np.int64)
    col_best = np.full((m + 1, 2), -np.inf)
    col_who = np.full((m + 1, 2), -1, dtype=np.int64)
    for i in range(1, n1):
        for j in range(max(lo[i], 1), hi[i]):
            value = flat[start[i] + j - lo[i]]
            if value <= -1e29:
                continue
            _insert(row_best, row_who, i, value, j - 1)
            _insert(col_best, col_who, j, value, i - 1)
    return (row_best, row_who), (col_best, col_who)


@numba.njit(cache=True)
def _insert(best, who, row, value, partner):
    if value > best[row, 0]:
        best[row, 1], who[row, 1] = best[row, 0], who[row, 0]
        best[row, 0], who[row, 0] = value, partner
    elif value > best[row, 1]:
        best[row, 1], who[row, 1] = value, partner


def _best_rival(rivals: dict, src: range, tgt: range) -> float | None:
    """The best 1-1 gain pairing a sentence of the bead with a sentence outside it (None if none)."""
    found = -np.inf
    for side, own, other in (("src", src, tgt), ("tgt", tgt, src)):
        best, who = rivals[side]
        for x in own:
            row = x + 1
            for rank in range(2):
                if who[row, rank] >= 0 and who[row, rank] not in other:
                    found = max(found, best[row, rank])
                    break
    return None if found == -np.inf else float(found)
