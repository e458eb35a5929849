"""Any sentence-transformers model, by hub id or local path (e.g. sentence-transformers/LaBSE)."""

from __future__ import annotations

import logging
import os

import numpy as np

from align.embed.base import normalise
from align.errors import ModelError


class SentenceTransformerEncoder:
    """Wraps ``SentenceTransformer``; loading failures become one-line ModelErrors.

    ``device``: ``cpu``, ``cuda`` or ``auto`` (a GPU when torch sees one). On CUDA the model runs in
    fp16 when it can; its vectors then differ slightly from fp32 ones, so its name (the cache key)
    says so.
    """

    def __init__(self, model: str, batch_size: int = 64, device: str | None = "auto") -> None:
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        logging.getLogger("sentence_transformers").setLevel(logging.ERROR)
        device = resolve_device(device or "auto")
        try:
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(model, device=device)
        except Exception as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ModelError(f"model '{model}': cannot load it as a sentence-transformers model ({reason})") from exc
        self.device = device
        self.name = f"st:{model}" + (":fp16" if device == "cuda" and self._try_half() else "")
        dim = self._model.get_embedding_dimension()
        self.dim = int(dim) if dim else int(self._model.encode(["x"]).shape[1])
        self.batch_size = batch_size

    def _try_half(self) -> bool:
        """Switch the model to fp16; keep fp32 when the model cannot encode in half precision."""
        try:
            self._model.half()
            self._model.encode(["fp16 check"], show_progress_bar=False)
            return True
        except Exception:
            self._model.float()
            return False

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode(
            list(texts), batch_size=self.batch_size, show_progress_bar=False, convert_to_numpy=True
        )
        return normalise(vectors)


def resolve_device(device: str) -> str:
    """``auto`` becomes ``cuda`` when torch sees a GPU, else ``cpu``; ``cuda`` without one is refused."""
    import torch

    has_gpu = torch.cuda.is_available()
    if device == "auto":
        return "cuda" if has_gpu else "cpu"
    if device == "cuda" and not has_gpu:
        raise ModelError("--device cuda: no CUDA GPU visible to torch (use --device cpu or auto)")
    return device
