"""Document vectors from sentence vectors, and nearest-neighbour candidates without all-pairs storage."""

from __future__ import annotations

import numpy as np


def document_vectors(matrices: list[np.ndarray], centre_prior: float) -> np.ndarray:
    """Unit mean of each article's sentence vectors, minus a shrunk mean of the language, re-normalised.

    Subtracting the language mean undoes the compression of e5 cosines (everything ~0.8); it is
    shrunk by n / (n + centre_prior) so a corpus of a few articles is barely centred.
    """
    if not matrices:
        return np.zeros((0, 0), dtype=np.float32)
    docs = _unit(np.stack([m.mean(axis=0, dtype=np.float32) for m in matrices]))  # float16 rows sum in float32
    shrink = len(docs) / (len(docs) + centre_prior)
    return _unit(docs - shrink * docs.mean(axis=0, keepdims=True))


def top_neighbours(queries: np.ndarray, keys: np.ndarray, k: int, block: int) -> tuple[np.ndarray, np.ndarray]:
    """Indices and cosines of each query's ``k`` nearest keys (best first), computed block by block."""
    k = min(k, len(keys))
    index = np.empty((len(queries), k), dtype=np.int64)
    sims = np.empty((len(queries), k), dtype=np.float32)
    for start in range(0, len(queries), block):
        chunk = queries[start : start + block] @ keys.T
        part = np.argpartition(-chunk, k - 1, axis=1)[:, :k]
        part_sims = np.take_along_axis(chunk, part, axis=1)
        order = np.argsort(-part_sims, axis=1)
        index[start : start + block] = np.take_along_axis(part, order, axis=1)
        sims[start : start + block] = np.take_along_axis(part_sims, order, axis=1)
    return index, sims


def _unit(x: np.ndarray) -> np.ndarray:
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
