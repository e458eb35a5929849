"""Sentence vectors of a run kept in a file, an article's rows read when asked for.

A corpus of 50,000 articles per language holds 1.3 million sentence vectors (1 GB in float16);
kept in memory they grow with the corpus. In a file they sit in the operating system's page cache,
which the kernel gives back under pressure and which is no part of the process's memory: the
process holds only the rows of the articles it works on. Rows are written and read with
``pwrite``/``preadv`` (no memory map, whose touched pages would count as the process's own).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator, Mapping
from pathlib import Path

import numpy as np


class VectorFile(Mapping):
    """Article id -> its (sentences x dim) matrix, stored row after row in ``path`` (created anew).

    ``bounds`` gives each article's first row and the row after its last. A matrix read is a fresh
    array of ``dtype``; nothing is cached.
    """

    def __init__(self, path: str | os.PathLike, dim: int, dtype: str | np.dtype,
                 bounds: Mapping[str, tuple[int, int]]) -> None:  # fmt: skip
        self.path, self.dim, self.dtype = Path(path), dim, np.dtype(dtype)
        self.bounds = dict(bounds)
        self._row_bytes = dim * self.dtype.itemsize
        self._fd: int | None = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)

    def write(self, rows, vectors: np.ndarray) -> None:
        """Store ``vectors[k]`` as row ``rows[k]`` (converted to the file's dtype)."""
        vectors = np.ascontiguousarray(vectors, dtype=self.dtype)
        rows = np.asarray(rows, dtype=np.int64)
        cuts = np.flatnonzero(np.diff(rows) != 1) + 1  # one write per run of consecutive rows
        for first, last in zip(np.r_[0, cuts], np.r_[cuts, len(rows)]):
            data, at = memoryview(vectors[first:last]).cast("B"), int(rows[first]) * self._row_bytes
            while data:  # a full disk may take part of a write without an error
                written = os.pwrite(self._fd, data, at)
                if written == 0:
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self.path))
                data, at = data[written:], at + written

    def read(self, start: int, end: int) -> np.ndarray:
        """Rows ``start`` to ``end - 1`` as a fresh array."""
        matrix = np.empty((end - start, self.dim), dtype=self.dtype)
        if end > start:
            got = os.preadv(self._fd, [memoryview(matrix).cast("B")], start * self._row_bytes)
            if got != matrix.nbytes:
                raise OSError(errno.EIO, "vector file cut short", str(self.path))
        return matrix

    def __getitem__(self, article_id: str) -> np.ndarray:
        return self.read(*self.bounds[article_id])

    def __contains__(self, article_id: object) -> bool:
        return article_id in self.bounds  # without reading the rows

    def __iter__(self) -> Iterator[str]:
        return iter(self.bounds)

    def __len__(self) -> int:
        return len(self.bounds)

    def close(self) -> None:
        """Close and delete the file."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
            self.path.unlink(missing_ok=True)
