"""Sentence alignment of one document pair: features, a coarse-to-fine band, the DP, confidences."""

from __future__ import annotations

import math

import numpy as np

from align import dp
from align.errors import AlignError
from align.scoring import ScoreParams, Sides, bead_gains
from align.types import Bead

FULL_CELLS = 250_000  # grids up to this many cells are searched whole; larger ones coarse-to-fine
BAND_MARGIN = 8  # sentences either side of the coarse path searched at the fine level
CONFIDENCE_CENTRE = 0.01  # per-sentence evidence (margin above chance) scored 0.5
CONFIDENCE_SCALE = 0.01


def align_sentences(src_vecs, tgt_vecs, src_texts, tgt_texts, *, max_align: int = 5, encoder=None,
                    params: ScoreParams | None = None, allow_null: bool = True) -> list[Bead]:
    """Align two sentence sequences given their L2-normalised embeddings.

    Returns monotonic beads covering every sentence exactly once; ``Bead.score`` is a confidence in
    [0, 1]. ``encoder`` is accepted for interface compatibility; only the given vectors are used.
    """
    params = params or ScoreParams()
    n, m = len(src_texts), len(tgt_texts)
    if len(src_vecs) != n or len(tgt_vecs) != m:
        raise AlignError(f"{len(src_vecs)}/{len(tgt_vecs)} vectors for {n}/{m} sentences")
    if n == 0 or m == 0:
        return [Bead((i,), (), 0.0) for i in range(n)] + [Bead((), (j,), 0.0) for j in range(m)]
    types = dp.bead_types(max_align, allow_null)
    sides = Sides.build(src_vecs, tgt_vecs, src_texts, tgt_texts)
    lo, hi = _band(sides, types, params)
    gains = bead_gains(sides, types, lo, hi, params)
    steps = dp.best_path(gains, types, lo, hi)
    return _beads_with_confidence(steps, gains, types, lo, hi, params)


def _confidence(evidence: np.ndarray) -> np.ndarray:
    """Map per-sentence evidence (margin above chance) to [0, 1]; calibrated on the dev sets."""
    return 1.0 / (1.0 + np.exp(-(evidence - CONFIDENCE_CENTRE) / CONFIDENCE_SCALE))


def _beads_with_confidence(steps, gains, types, lo, hi, params: ScoreParams) -> list[Bead]:
    """Beads of the path; a matched bead's score is the confidence that it is a translation, a
    1-0 / 0-1 bead's that its sentence has no counterpart (its best 1-1 evidence is weak)."""
    pairs = [tuple(t) for t in types.tolist()]
    one_one = pairs.index((1, 1)) if (1, 1) in pairs else None
    best_src = best_tgt = None
    if one_one is not None:
        table = gains[one_one]
        best_src = table.max(axis=1)
        cols = np.arange(table.shape[1])[None, :] + lo[:, None]
        best_tgt = np.full(int(hi[-1]), -1e30, dtype=np.float32)
        valid = cols < hi[:, None]
        np.maximum.at(best_tgt, cols[valid], table[valid])
    beads = []
    for i, j, k in steps.tolist():
        a, b = pairs[k]
        src, tgt = tuple(range(i - a, i)), tuple(range(j - b, j))
        if a and b:
            evidence = gains[k, i, j - lo[i]] / (a + b) + params.threshold
            score = _confidence(evidence)
        elif best_src is None:
            score = 0.5
        else:
            best = best_src[i] if a else best_tgt[j]
            score = 1.0 - _confidence(max(float(best), -1.0) / 2 + params.threshold)
        beads.append(Bead(src, tgt, round(float(score), 4)))
    return beads


def _band(sides: Sides, types: np.ndarray, params: ScoreParams) -> tuple[np.ndarray, np.ndarray]:
    """The whole grid for small documents, else a band around the path of a coarser alignment."""
    n, m = len(sides.src_vecs), len(sides.tgt_vecs)
    if (n + 1) * (m + 1) <= FULL_CELLS:
        return dp.full_band(n, m)
    factor = math.ceil(math.sqrt((n + 1) * (m + 1) / FULL_CELLS))
    coarse = Sides(
        _blocks(sides.src_vecs, factor), _blocks(sides.tgt_vecs, factor),
        _block_sums(sides.src_len, factor), _block_sums(sides.tgt_len, factor),
        np.zeros(math.ceil(n / factor), dtype=np.uint64), np.zeros(math.ceil(m / factor), dtype=np.uint64),
    )
    coarse_types = np.array([t for t in types.tolist() if sum(t) <= 3], dtype=np.int64)
    clo, chi = _band(coarse, coarse_types, params)
    steps = dp.best_path(bead_gains(coarse, coarse_types, clo, chi, params), coarse_types, clo, chi)
    rows = [0]
    cols = [0]
    for i, j, k in steps:
        a, b = coarse_types[k]
        # every fine cell of the coarse bead's rectangle lies on the coarse path
        r0, r1 = (i - a) * factor, min(i * factor, n)
        c0, c1 = (j - b) * factor, min(j * factor, m)
        rows += [r0, r1, r0, r1]
        cols += [c0, c1, c1, c0]
    rows.append(n)
    cols.append(m)
    return dp.band_around(np.array(rows), np.array(cols), n, m, max(BAND_MARGIN, factor // 2))


def _blocks(vecs: np.ndarray, factor: int) -> np.ndarray:
    """Normalised sums of consecutive blocks of ``factor`` vectors (the last block may be shorter)."""
    starts = np.arange(0, len(vecs), factor)
    sums = np.add.reduceat(vecs.astype(np.float64), starts, axis=0)
    return (sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)).astype(np.float32)


def _block_sums(values: np.ndarray, factor: int) -> np.ndarray:
    return np.add.reduceat(values, np.arange(0, len(values), factor))
