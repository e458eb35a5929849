"""Evidence for one candidate pair: sentence matches, shared numbers and names, length."""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Sequence

import numpy as np

from align.numbers import number_keys

_CAPITALISED = re.compile(r"(?<!\w)[A-ZÀ-ÖØ-Þ][\w'’-]+")
_POSSESSIVE = re.compile(r"['’]s?$")


def sentence_matches(src: np.ndarray, tgt: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Mutual-best sentence matches between two (n x d) and (m x d) unit-vector matrices.

    Returns the matched source rows, their target rows and their cosines.
    """
    sims = np.asarray(src, dtype=np.float32) @ np.asarray(tgt, dtype=np.float32).T  # rows may be stored as float16
    best_tgt = sims.argmax(axis=1)
    rows = np.flatnonzero(sims.argmax(axis=0)[best_tgt] == np.arange(len(src)))
    return rows, best_tgt[rows], sims[rows, best_tgt[rows]]


def background(src: list[np.ndarray], tgt: list[np.ndarray], samples: int, seed: int) -> tuple[float, float]:
    """Median and robust spread of cosines between random source and target sentences (one random
    sentence of a random article per side, ``samples`` times)."""
    rng = np.random.default_rng(seed)
    cos = np.einsum("ij,ij->i", _random_rows(src, rng, samples), _random_rows(tgt, rng, samples))
    median = float(np.median(cos))
    spread = 1.4826 * float(np.median(np.abs(cos - median)))
    return median, max(spread, 1e-3)


def _random_rows(matrices: Sequence[np.ndarray], rng: np.random.Generator, samples: int) -> np.ndarray:
    """A random row of a random matrix, ``samples`` times (float32 copies): a matrix drawn many times
    is read twice (its length, then its rows; they may come from disk), not once per draw."""
    picks = rng.integers(len(matrices), size=samples)
    drawn = np.unique(picks)
    lengths = np.zeros(len(matrices), dtype=np.int64)
    lengths[drawn] = [len(matrices[k]) for k in drawn.tolist()]
    rows = rng.integers(lengths[picks])
    out: np.ndarray | None = None
    order = np.argsort(picks, kind="stable")
    starts = np.flatnonzero(np.r_[True, picks[order][1:] != picks[order][:-1]])
    for first, end in zip(starts, np.r_[starts[1:], samples]):
        places = order[first:end]
        matrix = np.asarray(matrices[int(picks[places[0]])])
        if out is None:
            out = np.empty((samples, matrix.shape[1]), dtype=np.float32)
        out[places] = matrix[rows[places]]
    return out


def order_share(rows: np.ndarray, cols: np.ndarray, n: int, m: int, tolerance: float = 0.2) -> float:
    """Share of sentence matches (rows[k], cols[k]) of an n x m pair near the diagonal:
    |i/n - j/m| <= tolerance.

    Translations keep their sentence order, so their matches line up; unrelated articles' matches
    scatter. Needs no corpus statistics, so it decides where the corpus is too small to calibrate.
    """
    if len(rows) == 0:
        return 0.0
    offsets = np.abs(rows / max(n - 1, 1) - cols / max(m - 1, 1))
    return float(np.mean(offsets <= tolerance))


def match_strength(cosines: np.ndarray, background: tuple[float, float], z_translation: float,
                   z_width: float) -> np.ndarray:  # fmt: skip
    """Per match, +1 (clearly a translation) .. -1 (no better than related text), from its z-score
    against random cross-language sentence pairs."""
    mean, std = background
    z = (cosines - mean) / std
    return np.minimum(np.maximum((z - z_translation) / z_width, -1.0), 1.0)


def anchors(sentences: list[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Numbers and capitalised words (not sentence-initial) of an article: they survive translation.

    Numbers are read as :func:`align.numbers.number_keys` (digits only, no leading zeros), so EN
    "10,500.5" and ID "10.500,5" agree, and so do "08" and "8".
    """
    numbers, names = set(), set()
    for text in sentences:
        numbers.update(number_keys(text))
        first = len(text) - len(text.lstrip(" \"'“‘([-—"))
        names.update(_POSSESSIVE.sub("", m.group()).lower() for m in _CAPITALISED.finditer(text)
                     if m.start() > first)  # fmt: skip
    return frozenset(numbers), frozenset(names)


def anchor_hashes(sentences: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """:func:`anchors` as sorted arrays of 64-bit hashes: the same overlaps in a fraction of the memory."""
    return tuple(np.unique(text_hashes(sorted(found))) for found in anchors(sentences))


def text_hashes(texts: list[str]) -> np.ndarray:
    """A 64-bit hash of each text, in order (equal texts, equal hashes)."""
    return np.array([int.from_bytes(hashlib.blake2b(t.encode("utf-8"), digest_size=8).digest(), "little")
                     for t in texts], dtype=np.uint64)


def overlap(a: np.ndarray, b: np.ndarray) -> float | None:
    """Dice overlap of two sorted arrays of distinct hashes (as :func:`anchor_hashes` gives), or None
    when both are empty (no evidence either way)."""
    if not len(a) and not len(b):
        return None
    return 2 * len(np.intersect1d(a, b, assume_unique=True)) / (len(a) + len(b))


def length_log_ratio(src_chars: int, tgt_chars: int) -> float:
    """log(target length / source length) in characters."""
    return math.log(max(tgt_chars, 1) / max(src_chars, 1))

