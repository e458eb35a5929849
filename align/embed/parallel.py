"""The bundled model in several worker processes: each call is cut into one slice per worker."""

from __future__ import annotations

import numpy as np

_WORKER_ENCODER = None  # the bundled model of this worker process, loaded on first use


def _worker_encoder():
    global _WORKER_ENCODER
    if _WORKER_ENCODER is None:
        from align.embed.bundled import BundledEncoder

        _WORKER_ENCODER = BundledEncoder()
    return _WORKER_ENCODER


def describe(_: object = None) -> tuple[str, int, str]:
    """(name, dim, version) of the worker's model."""
    encoder = _worker_encoder()
    return encoder.name, encoder.dim, encoder.version


def encode_slice(texts: list[str]) -> np.ndarray:
    return _worker_encoder().encode(texts)


def slices(texts: list[str], parts: int) -> list[list[str]]:
    """``texts`` cut into at most ``parts`` contiguous, near-equal, non-empty slices."""
    size = -(-len(texts) // max(1, parts))
    return [texts[i : i + size] for i in range(0, len(texts), size)] if texts else []


class ParallelEncoder:
    """Encoder over a ``multiprocessing`` pool whose processes each run the bundled model.

    The model gives the same vector for a text whatever its batch or thread count, so the result
    equals ``BundledEncoder().encode(texts)`` exactly.
    """

    def __init__(self, pool, workers: int) -> None:
        self._pool = pool
        self.workers = workers
        self.name, self.dim, self.version = pool.apply(describe)

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.concatenate(self._pool.map(encode_slice, slices(list(texts), self.workers)), axis=0)
