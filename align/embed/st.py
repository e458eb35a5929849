"""Any sentence-transformers model, by hub id or local path (e.g. sentence-transformers/LaBSE)."""

from __future__ import annotations

import logging
import os

import numpy as np

from align.embed.base import normalise
from align.errors import ModelError


class SentenceTransformerEncoder:
    """Wraps ``SentenceTransformer``; loading failures become one-line ModelErrors."""

    def __init__(self, model: str, batch_size: int = 64, device: str | None = None) -> None:
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        logging.getLogger("sentence_transformers").setLevel(logging.ERROR)
        try:
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(model, device=device or "cpu")
        except Exception as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ModelError(f"model '{model}': cannot load it as a sentence-transformers model ({reason})") from exc
        self.name = f"st:{model}"
        dim = self._model.get_embedding_dimension()
        self.dim = int(dim) if dim else int(self._model.encode(["x"]).shape[1])
        self.batch_size = batch_size

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode(
            list(texts), batch_size=self.batch_size, show_progress_bar=False, convert_to_numpy=True
        )
        return normalise(vectors)
