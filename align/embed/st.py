"""Any sentence-transformers model, by hub id or local path (e.g. sentence-transformers/LaBSE)."""

from __future__ import annotations

import logging
import os
import socket
from urllib.parse import urlparse

import numpy as np

from align.embed.base import model_version, normalise
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
        self._model = _load(model, device)
        self.device = device
        self.name = f"st:{model}" + (":fp16" if device == "cuda" and self._try_half() else "")
        self.version = model_version(model)
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


def _load(model: str, device: str):
    """Load from a local folder or the Hugging Face cache first; go online only when the hub answers.

    An unreachable hub would otherwise cost a minute of retries and a screen of warnings.
    """
    from sentence_transformers import SentenceTransformer

    try:
        return SentenceTransformer(model, device=device, local_files_only=True)
    except Exception as exc:
        local_error = exc
    if os.path.exists(model) or os.environ.get("HF_HUB_OFFLINE", "0") not in ("0", "", "false"):
        raise _load_error(model, local_error)
    if not _hub_reachable():
        raise ModelError(f"model '{model}': not a local folder, not in the Hugging Face cache, "
                         f"and the hub ({_hub_host()}) cannot be reached to download it")
    try:
        return SentenceTransformer(model, device=device)
    except Exception as exc:
        raise _load_error(model, exc) from exc


def _load_error(model: str, exc: Exception) -> ModelError:
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return ModelError(f"model '{model}': cannot load it as a sentence-transformers model ({reason})")


def _hub_endpoint():
    return urlparse(os.environ.get("HF_ENDPOINT", "https://huggingface.co"))


def _hub_host() -> str:
    return _hub_endpoint().hostname or "huggingface.co"


def _hub_reachable(timeout: float = 3.0) -> bool:
    endpoint = _hub_endpoint()
    port = endpoint.port or (80 if endpoint.scheme == "http" else 443)
    try:
        socket.create_connection((_hub_host(), port), timeout=timeout).close()
        return True
    except OSError:
        return False


def resolve_device(device: str) -> str:
    """``auto`` becomes ``cuda`` when torch sees a GPU, else ``cpu``; ``cuda`` without one is refused."""
    import torch

    has_gpu = torch.cuda.is_available()
    if device == "auto":
        return "cuda" if has_gpu else "cpu"
    if device == "cuda" and not has_gpu:
        raise ModelError("--device cuda: no CUDA GPU visible to torch (use --device cpu or auto)")
    return device
