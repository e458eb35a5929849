"""Embedding cache: in memory for the run, on disk across runs, keyed by (model name, model version, text)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections import OrderedDict
from pathlib import Path

import numpy as np

from align.embed.config import EmbedConfig


def default_cache_dir() -> Path:
    """``$ALIGN_CACHE_DIR``, else ``$XDG_CACHE_HOME/align``, else ``~/.cache/align``."""
    if os.environ.get("ALIGN_CACHE_DIR"):
        return Path(os.environ["ALIGN_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "align"


def text_key(model: str, version: str, text: str) -> bytes:
    """The cache key of a text's vector: only what changes the vector (model name and version, text)."""
    return hashlib.blake2b(f"{model}\x00{version}\x00{text}".encode("utf-8"), digest_size=16).digest()


class CachedEncoder:
    """Wraps an Encoder so no text is embedded twice in a run, nor again in a later run.

    Vectors live in one SQLite file per cache folder (safe against partial writes); pass
    ``cache_dir="off"`` to keep the cache in memory only (the last ``memory_vectors`` texts). ``misses``
    counts texts actually embedded.
    """

    def __init__(self, encoder, cache_dir: str | os.PathLike | None = None, memory_vectors: int | None = None) -> None:
        self.inner = encoder
        self.name = encoder.name
        self.dim = encoder.dim
        self.version = getattr(encoder, "version", "")
        self.memory_vectors = EmbedConfig.memory_vectors if memory_vectors is None else memory_vectors
        self.misses = 0
        self._memory: OrderedDict[bytes, np.ndarray] = OrderedDict()
        self._db = None
        if str(cache_dir or os.environ.get("ALIGN_CACHE_DIR")) != "off":  # ALIGN_CACHE_DIR=off also disables it
            folder = Path(cache_dir) if cache_dir else default_cache_dir()
            try:
                folder.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(str(folder / "embeddings.sqlite"), timeout=60)
                self._db.execute("CREATE TABLE IF NOT EXISTS vec (key BLOB PRIMARY KEY, dim INT, data BLOB)")
            except (OSError, sqlite3.Error):
                self._db = None  # an unusable cache folder only costs speed

    def encode(self, texts: list[str]) -> np.ndarray:
        keys = [text_key(self.name, self.version, t) for t in texts]
        distinct = dict.fromkeys(keys)
        found = {k: self._memory[k] for k in distinct if k in self._memory}
        missing = [k for k in distinct if k not in found]
        if missing and self._db is not None:
            found.update(self._load(missing))
        todo = {k: t for k, t in zip(keys, texts) if k not in found}
        if todo:
            vectors = self.inner.encode(list(todo.values()))
            self.misses += len(todo)
            found.update(zip(todo, vectors))
            self._store(list(todo), vectors)
        self._remember(found)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([found[k] for k in keys]).astype(np.float32, copy=False)

    def _remember(self, found: dict[bytes, np.ndarray]) -> None:
        """Keep the most recently used vectors in memory, at most ``memory_vectors`` of them."""
        for key, vec in found.items():
            self._memory[key] = vec
            self._memory.move_to_end(key)
        while len(self._memory) > self.memory_vectors:
            self._memory.popitem(last=False)

    def _load(self, keys: list[bytes]) -> dict[bytes, np.ndarray]:
        loaded = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            query = f"SELECT key, data FROM vec WHERE dim = ? AND key IN ({','.join('?' * len(chunk))})"
            for key, data in self._db.execute(query, [self.dim, *chunk]):
                loaded[bytes(key)] = np.frombuffer(data, dtype=np.float32)
        return loaded

    def _store(self, keys: list[bytes], vectors: np.ndarray) -> None:
        if self._db is None:
            return
        rows = [(k, self.dim, np.asarray(v, dtype=np.float32).tobytes()) for k, v in zip(keys, vectors)]
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO vec VALUES (?, ?, ?)", rows)
        except sqlite3.Error:
            self._db = None
