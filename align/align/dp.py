"""The alignment core: a monotonic dynamic programme over precomputed bead gains, inside a band.

No I/O, no model: arrays in, path out. A *bead type* is ``(a, b)``: ``a`` source and ``b`` target
sentences (``(1, 0)`` and ``(0, 1)`` are deletions/insertions). A *band* restricts the programme to
cells ``(i, j)`` with ``lo[i] <= j < hi[i]`` (``i`` source sentences and ``j`` target sentences
consumed). The band is stored raggedly: row ``i`` holds its own ``hi[i] - lo[i]`` cells from flat
offset ``start[i]`` (see `row_starts`), so time and memory grow with the cells searched, not with
rows times the widest row; a long one-sided insertion widens only the rows it crosses.

``gains[k, start[i] + j - lo[i]]`` is the gain of a bead of type ``types[k]`` *ending* at cell
``(i, j)``; the programme finds the path from ``(0, 0)`` to ``(n, m)`` with the largest total gain.
"""

from __future__ import annotations

import numba
import numpy as np

from align.errors import AlignError

NEG = np.float32(-1e30)


def bead_types(max_align: int = 5, allow_null: bool = True) -> np.ndarray:
    """Every ``(a, b)`` with ``a, b >= 1`` and ``a + b <= max_align``, plus 1-0 and 0-1 if allowed."""
    if max_align < 2:
        raise AlignError(f"max_align must be at least 2 (got {max_align})")
    types = [(a, b) for total in range(2, max_align + 1) for a in range(1, total) for b in [total - a]]
    if allow_null:
        types += [(1, 0), (0, 1)]
    return np.array(types, dtype=np.int64)


def full_band(n: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    """The band covering every cell of an ``(n + 1) x (m + 1)`` grid."""
    return np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m + 1, dtype=np.int64)


def band_around(rows: np.ndarray, cols: np.ndarray, n: int, m: int, margin: int) -> tuple[np.ndarray, np.ndarray]:
    """A monotone band holding every cell ``(rows[k], cols[k])`` of a path, widened by ``margin``.

    ``rows``/``cols`` are the path's cells (non-decreasing, from (0, 0) to (n, m)).
    """
    lo = np.full(n + 1, m + 1, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    np.minimum.at(lo, rows, cols)
    np.maximum.at(hi, rows, cols + 1)
    # rows the path skips over (several source sentences in one step) take their neighbours' range
    lo = np.minimum.accumulate(lo[::-1])[::-1]
    hi = np.maximum.accumulate(hi)
    # widen: row i may use the columns of rows i - margin .. i + margin, plus margin either side
    idx = np.arange(n + 1)
    lo = np.maximum(0, lo[np.maximum(0, idx - margin)] - margin)
    hi = np.minimum(m + 1, hi[np.minimum(n, idx + margin)] + margin)
    lo[0], hi[-1] = 0, m + 1
    hi = np.maximum(hi, np.minimum(lo + 1, m + 1))
    return lo.astype(np.int64), hi.astype(np.int64)


def row_starts(lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Flat offset of each band row's first cell; the last entry is the number of cells."""
    return np.concatenate([[0], np.cumsum(np.maximum(hi - lo, 0))]).astype(np.int64)


@numba.njit(cache=True)
def _forward(gains, types, lo, hi, start):
    n1 = lo.shape[0]
    score = np.full(start[n1], NEG, dtype=np.float32)
    back = np.full(start[n1], -1, dtype=np.int8)
    score[0] = 0.0
    for i in range(n1):
        for j in range(lo[i], hi[i]):
            if i == 0 and j == 0:
                continue
            cell = start[i] + j - lo[i]
            best = NEG
            arg = -1
            for k in range(types.shape[0]):
                a = types[k, 0]
                b = types[k, 1]
                pi = i - a
                pj = j - b
                if pi < 0 or pj < lo[pi] or pj >= hi[pi]:
                    continue
                prev = score[start[pi] + pj - lo[pi]]
                if prev <= NEG:
                    continue
                value = prev + gains[k, cell]
                if value > best:
                    best = value
                    arg = k
            score[cell] = best
            back[cell] = arg
    return score, back


@numba.njit(cache=True)
def _backtrack(back, types, lo, start, n, m):
    steps = np.empty((n + m + 1, 3), dtype=np.int64)
    count = 0
    i = n
    j = m
    while i > 0 or j > 0:
        k = back[start[i] + j - lo[i]]
        if k < 0:
            return steps[:0]
        steps[count, 0] = i
        steps[count, 1] = j
        steps[count, 2] = k
        count += 1
        i -= types[k, 0]
        j -= types[k, 1]
    return steps[:count][::-1]


def best_path(gains: np.ndarray, types: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """The highest-gain monotonic path through the band.

    Returns an array of steps ``(i, j, k)``: a bead of type ``types[k]`` ending at cell ``(i, j)``,
    in document order. Raises AlignError when no path fits the band and the allowed types.
    """
    n = lo.shape[0] - 1
    m = int(hi[-1]) - 1
    start = row_starts(lo, hi)
    if gains.shape != (types.shape[0], start[-1]):
        raise ValueError(f"gains shape {gains.shape} does not match {len(types)} types and {start[-1]} band cells")
    if n == 0 and m == 0:
        return np.zeros((0, 3), dtype=np.int64)
    _, back = _forward(np.ascontiguousarray(gains, dtype=np.float32), types, lo, hi, start)
    steps = _backtrack(back, types, lo, start, n, m)
    if len(steps) == 0:
        raise AlignError(f"no monotonic alignment of {n} x {m} sentences fits the allowed bead types")
    return steps
