"""Sentence alignment of one document pair: features, a coarse-to-fine band, the DP, confidences."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING
from dataclasses import replace

import numpy as np

from align.align import dp
from align.errors import AlignError
from align.align.scoring import ScoreParams, Sides, bead_gains
from align.records import Bead

if TYPE_CHECKING:
    from align.align.config import AlignConfig

FULL_CELLS = 1_000_000  # grids up to this many cells are searched whole; larger ones coarse-to-fine
BAND_MARGIN = 8  # sentences either side of the coarse path searched at the fine level
COARSE_FACTOR = 8  # sentences per block one level up (levels recurse until the grid is small)
SKIP_SQUARE = 3  # coarse blocks per side a run of skips may span and still be searched whole
CONFIDENCE_CENTRE = 0.01  # per-sentence evidence (margin above chance) scored 0.5
CONFIDENCE_SCALE = 0.01


def align_sentences(src_vecs, tgt_vecs, src_texts, tgt_texts, *, max_align: int = 5,
                    params: ScoreParams | None = None, allow_null: bool = True,
                    config: AlignConfig | None = None) -> list[Bead]:
    """Align two sentence sequences given their L2-normalised embeddings (no model is called).

    ``config`` (the align section of a run's settings), when given, sets ``max_align`` and ``params``.
    Returns monotonic beads covering every sentence exactly once; ``Bead.score`` is a confidence in
    [0, 1].
    """
    if config is not None:
        max_align, params = config.max_align, config.scoring
    params = params or ScoreParams()
    n, m = len(src_texts), len(tgt_texts)
    if len(src_vecs) != n or len(tgt_vecs) != m:
        raise AlignError(f"{len(src_vecs)}/{len(tgt_vecs)} vectors for {n}/{m} sentences")
    if n == 0 or m == 0:
        return [Bead((i,), (), 1.0) for i in range(n)] + [Bead((), (j,), 1.0) for j in range(m)]
    types = dp.bead_types(max_align, allow_null)
    sides = Sides.build(src_vecs, tgt_vecs, src_texts, tgt_texts)
    lo, hi = _band(sides, params)
    gains = bead_gains(sides, types, lo, hi, params)
    steps = dp.best_path(gains, types, lo, hi)
    return _beads_with_confidence(steps, gains, types, lo, hi, params)


def _confidence(evidence: np.ndarray) -> np.ndarray:
    """Map per-sentence evidence (margin above chance) to [0, 1]; calibrated on the dev sets."""
    return 1.0 / (1.0 + np.exp(-(evidence - CONFIDENCE_CENTRE) / CONFIDENCE_SCALE))


def _beads_with_confidence(steps, gains, types, lo, hi, params: ScoreParams) -> list[Bead]:
    """Beads of the path with confidences: for a matched bead, that it is a translation; for a
    1-0 / 0-1 bead, that its sentence has no counterpart (it matches neither neighbouring sentence
    of the other side, where the path would have to pair it)."""
    pairs = [tuple(t) for t in types.tolist()]
    one_one = pairs.index((1, 1)) if (1, 1) in pairs else None
    n = len(lo) - 1

    def one_one_gain(i: int, j: int) -> float:
        if one_one is None or not (0 < i <= n and lo[i] <= j < hi[i] and j > 0):
            return -1e30
        return float(gains[one_one, i, j - lo[i]])

    beads = []
    for i, j, k in steps.tolist():
        a, b = pairs[k]
        src, tgt = tuple(range(i - a, i)), tuple(range(j - b, j))
        if a and b:
            score = _confidence(gains[k, i, j - lo[i]] / (a + b) ** params.size_exponent + params.threshold)
        else:
            near = [one_one_gain(i, j), one_one_gain(i, j + 1) if a else one_one_gain(i + 1, j)]
            best = max(max(near), -1.0) / 2**params.size_exponent + params.threshold
            score = 1.0 - _confidence(best)
        beads.append(Bead(src, tgt, round(float(score), 4)))
    return beads


def _band(sides: Sides, params: ScoreParams) -> tuple[np.ndarray, np.ndarray]:
    """The whole grid for small documents, else a band around the path of a coarser alignment."""
    n, m = len(sides.src_vecs), len(sides.tgt_vecs)
    if (n + 1) * (m + 1) <= FULL_CELLS:
        return dp.full_band(n, m)
    factor = COARSE_FACTOR
    coarse = Sides(
        _blocks(sides.src_vecs, factor), _blocks(sides.tgt_vecs, factor),
        _block_sums(sides.src_len, factor), _block_sums(sides.tgt_len, factor),
        np.zeros(math.ceil(n / factor), dtype=np.uint64), np.zeros(math.ceil(m / factor), dtype=np.uint64),
        np.zeros(math.ceil(n / factor)), np.zeros(math.ceil(m / factor)),
        np.zeros(math.ceil(n / factor)), np.zeros(math.ceil(m / factor)),
    )
    coarse_types = dp.bead_types(3)  # blocks need only a rough path; skips keep one always possible
    # block boundaries cut translations anywhere, so block lengths need not match: no length term
    params = replace(params, length_weight=0.0)
    clo, chi = _band(coarse, params)
    steps = dp.best_path(bead_gains(coarse, coarse_types, clo, chi, params), coarse_types, clo, chi)
    rows = [0]
    cols = [0]
    corner = (0, 0)  # end of the last coarse bead that matched blocks on both sides
    for i, j, k in steps.tolist():
        a, b = coarse_types[k]
        if i - corner[0] > SKIP_SQUARE or j - corner[1] > SKIP_SQUARE:
            corner = (i - a, j - b)  # a long skipped stretch: its edges only, to bound the band
        # every fine cell from that corner to this bead's end may lie on the path: a short run of
        # skipped blocks (1-0 then 0-1) spans the whole square, not just its two edges
        r0, r1 = min(corner[0] * factor, n), min(i * factor, n)
        c0, c1 = min(corner[1] * factor, m), min(j * factor, m)
        rows += [r0, r1, r0, r1]
        cols += [c0, c1, c1, c0]
        if a and b:
            corner = (i, j)
    rows.append(n)
    cols.append(m)
    return dp.band_around(np.array(rows), np.array(cols), n, m, BAND_MARGIN)


def _blocks(vecs: np.ndarray, factor: int) -> np.ndarray:
    """Normalised sums of consecutive blocks of ``factor`` vectors (the last block may be shorter)."""
    starts = np.arange(0, len(vecs), factor)
    sums = np.add.reduceat(vecs.astype(np.float64), starts, axis=0)
    return (sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)).astype(np.float32)


def _block_sums(values: np.ndarray, factor: int) -> np.ndarray:
    return np.add.reduceat(values, np.arange(0, len(values), factor))
