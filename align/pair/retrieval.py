"""Document vectors from sentence vectors, and nearest-neighbour candidates without all-pairs storage."""

from __future__ import annotations

import numpy as np


def document_vectors(matrices, centre_prior: float) -> np.ndarray:
    """Unit mean of each article's sentence vectors, minus a shrunk mean of the language, re-normalised.

    Subtracting the language mean undoes the compression of e5 cosines (everything ~0.8); it is
    shrunk by n / (n + centre_prior) so a corpus of a few articles is barely centred.
    """
    if not len(matrices):
        return np.zeros((0, 0), dtype=np.float32)
    docs = _unit(np.stack([m.mean(axis=0, dtype=np.float32) for m in matrices]))  # float16 rows sum in float32
    shrink = len(docs) / (len(docs) + centre_prior)
    return _unit(docs - shrink * docs.mean(axis=0, keepdims=True))


def top_neighbours(queries: np.ndarray, keys: np.ndarray, k: int, block: int,
                   cells: int = 2_000_000) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Indices and cosines of each query's ``k`` nearest keys (best first; equal cosines: lower index first).

    The product is computed tile by tile (``block`` query rows times ``cells // block`` key rows), so
    memory and cache use do not grow with the corpus; each query row keeps its best ``k`` so far, and
    a tile costs little more than its product once few keys beat them.
    """
    k = min(k, len(keys))
    index = np.zeros((len(queries), k), dtype=np.int64)
    sims = np.full((len(queries), k), -np.inf, dtype=np.float32)
    if not k:
        return index, sims
    width = max(k, cells // max(block, 1))
    for start in range(0, len(queries), block):
        rows = queries[start : start + block]
        best, best_sims = index[start : start + block], sims[start : start + block]
        for first in range(0, len(keys), width):
            tile = rows @ keys[first : first + width].T
            if first == 0:  # the first tile's best k (and keys tied with the k-th) set the bar
                bar = np.partition(tile, tile.shape[1] - k, axis=1)[:, tile.shape[1] - k]
                hit_rows, hit_cols = np.nonzero(tile >= bar[:, None])
            else:
                hit_rows, hit_cols = np.nonzero(tile > best_sims[:, -1][:, None])  # beats the k-th best so far
            if len(hit_rows):
                _merge(best, best_sims, hit_rows, hit_cols + first, tile[hit_rows, hit_cols], k)
    return index, sims


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
    depth = max(k, hubs)
    a_index, a_sims = top_neighbours(a, b, depth, block, cells)
    b_index, b_sims = top_neighbours(b, a, depth, block, cells)
    k_a, k_b = min(k, a_index.shape[1]), min(k, b_index.shape[1])
    left = np.stack([np.repeat(np.arange(len(a)), k_a), a_index[:, :k_a].ravel()], axis=1)
    right = np.stack([b_index[:, :k_b].ravel(), np.repeat(np.arange(len(b)), k_b)], axis=1)
    pairs = np.unique(np.concatenate([left, right]).astype(np.int64), axis=0)
    if not hubs:
        return pairs, None, None
    return pairs, a_sims[:, :hubs].mean(axis=1), b_sims[:, :hubs].mean(axis=1)


def _unit(x: np.ndarray) -> np.ndarray:
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
