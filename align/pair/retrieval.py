"""Document vectors from sentence vectors, and nearest-neighbour candidates without all-pairs storage."""

from __future__ import annotations

import numpy as np

from align.pair.config import PairConfig


def document_vectors(matrices, centre_prior: float) -> np.ndarray:
    """Unit mean of each article's sentence vectors, minus a shrunk mean of the language, re-normalised.

    Subtracting the language mean undoes the compression of e5 cosines (everything ~0.8); it is
    shrunk by n / (n + centre_prior) so a corpus of a few articles is barely centred.
    """
    if not len(matrices):
        return np.zeros((0, 0), dtype=np.float32)
    docs = None  # filled row by row: no list of a corpus's worth of small arrays
    for k, matrix in enumerate(matrices):
        mean = matrix.mean(axis=0, dtype=np.float32)  # float16 rows sum in float32
        if docs is None:
            docs = np.empty((len(matrices), len(mean)), dtype=np.float32)
        docs[k] = mean
    docs = _unit(docs)
    shrink = len(docs) / (len(docs) + centre_prior)
    docs -= shrink * docs.mean(axis=0, keepdims=True)
    return _unit(docs)


def top_neighbours(queries: np.ndarray, keys: np.ndarray, k: int, block: int,
                   cells: int = PairConfig.block_cells) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Indices and cosines of each query's ``k`` nearest keys (best first; equal cosines: lower index first).

    The product is computed tile by tile (``block`` query rows times ``cells // block`` key rows), so
    memory and cache use do not grow with the corpus; each query row keeps its best ``k`` so far, and
    a tile costs little more than its product once few keys beat them.
    """
    return _search(queries, keys, k, block, cells, both_ways=False)[:2]


def two_way_neighbours(a: np.ndarray, b: np.ndarray, k: int, block: int,
                       cells: int = PairConfig.block_cells) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:  # fmt: skip
    """:func:`top_neighbours` of ``a`` among ``b`` and of ``b`` among ``a``, from one product per tile."""
    return _search(a, b, k, block, cells, both_ways=True)


def _search(a: np.ndarray, b: np.ndarray, k: int, block: int, cells: int, both_ways: bool) -> tuple:
    ka, kb = min(k, len(b)), min(k, len(a)) if both_ways else 0
    a_index, a_sims = np.zeros((len(a), ka), dtype=np.int64), np.full((len(a), ka), -np.inf, dtype=np.float32)
    b_index, b_sims = np.zeros((len(b), kb), dtype=np.int64), np.full((len(b), kb), -np.inf, dtype=np.float32)
    if not ka:
        return a_index, a_sims, b_index, b_sims
    width = max(ka, kb, cells // max(block, 1))
    for start in range(0, len(a), block):
        rows = a[start : start + block]
        for first in range(0, len(b), width):
            tile = rows @ b[first : first + width].T
            _take(tile, a_index[start : start + block], a_sims[start : start + block], first, ka, first == 0)
            if kb:
                _take(tile.T, b_index[first : first + width], b_sims[first : first + width], start, kb, start == 0)
    return a_index, a_sims, b_index, b_sims


def _take(tile: np.ndarray, best: np.ndarray, best_sims: np.ndarray, offset: int, k: int, fresh: bool) -> None:
    """Fold a tile of cosines (rows: the rows of ``best``; columns: keys from ``offset`` on) into each
    row's best ``k``. On a row's first tile its best ``k`` (and keys tied with the k-th) set the bar."""
    if fresh and tile.shape[1] > k:
        bar = np.partition(tile, tile.shape[1] - k, axis=1)[:, tile.shape[1] - k]
        hit_rows, hit_cols = np.nonzero(tile >= bar[:, None])
    else:
        hit_rows, hit_cols = np.nonzero(tile > best_sims[:, -1][:, None])  # beats the k-th best so far
    if len(hit_rows):
        _merge(best, best_sims, hit_rows, hit_cols + offset, tile[hit_rows, hit_cols], k)


def _merge(best: np.ndarray, best_sims: np.ndarray, rows: np.ndarray, cols: np.ndarray, values: np.ndarray,
           k: int) -> None:  # fmt: skip
    """Merge new (row, key, cosine) hits into each row's best ``k`` (kept sorted: cosine down, key up)."""
    touched = np.unique(rows)
    old_rows = np.repeat(touched, k)
    all_rows = np.concatenate([old_rows, rows])
    all_cols = np.concatenate([best[touched].ravel(), cols])
    all_vals = np.concatenate([best_sims[touched].ravel(), values])
    order = np.lexsort((all_cols, -all_vals, all_rows))
    all_rows, all_cols, all_vals = all_rows[order], all_cols[order], all_vals[order]
    starts = np.searchsorted(all_rows, touched)
    rank = np.arange(len(all_rows)) - np.repeat(starts, np.diff(np.r_[starts, len(all_rows)]))
    keep = rank < k
    best[all_rows[keep], rank[keep]] = all_cols[keep]
    best_sims[all_rows[keep], rank[keep]] = all_vals[keep]


def candidate_pairs(a: np.ndarray, b: np.ndarray, k: int, block: int, cells: int,
                    hubs: int = 0) -> tuple[np.ndarray, np.ndarray | None, np.ndarray | None]:  # fmt: skip
    """Two-way nearest-neighbour candidates between document vectors ``a`` and ``b``.

    Returns the distinct pairs (i, j), sorted, where ``b[j]`` is among the ``k`` nearest of ``a[i]``
    or ``a[i]`` among those of ``b[j]``; with ``hubs`` > 0 also each row's mean cosine to its ``hubs``
    nearest on the other side (CSLS hubness), else None.
    """
    a_index, a_sims, b_index, b_sims = two_way_neighbours(a, b, max(k, hubs), block, cells)
    k_a, k_b = min(k, a_index.shape[1]), min(k, b_index.shape[1])
    left = np.stack([np.repeat(np.arange(len(a)), k_a), a_index[:, :k_a].ravel()], axis=1)
    right = np.stack([b_index[:, :k_b].ravel(), np.repeat(np.arange(len(b)), k_b)], axis=1)
    pairs = np.unique(np.concatenate([left, right]).astype(np.int64), axis=0)
    if not hubs:
        return pairs, None, None
    return pairs, a_sims[:, :hubs].mean(axis=1), b_sims[:, :hubs].mean(axis=1)


def _unit(x: np.ndarray) -> np.ndarray:
    """``x`` with unit rows, scaled in place."""
    x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
    return x
