"""Tunables of the embed stage."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EmbedConfig:
    """Settings of the embed stage (only `device` can change a vector: fp16 on CUDA)."""

    batch_size: int = 64  # sentences per model batch (sentence-transformers models)
    device: str = "auto"  # auto | cpu | cuda
    chunk: int = 64  # sentences per encoder call; the cache commits each call
    memory_vectors: int = 20_000  # vectors kept in memory between calls
    cache_dir: str | None = None

    def __post_init__(self) -> None:
        for name in ("batch_size", "chunk", "memory_vectors"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be 1 or more, not {getattr(self, name)}")
