"""Evidence for one candidate pair: sentence matches, shared numbers and names, length."""

from __future__ import annotations

import math
import re

import numpy as np

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CAPITALISED = re.compile(r"(?<!\w)[A-ZÀ-ÖØ-Þ][\w'’-]+")
_POSSESSIVE = re.compile(r"['’]s?$")


def sentence_matches(src: np.ndarray, tgt: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Mutual-best sentence matches between two (n x d) and (m x d) unit-vector matrices.

    Returns the matched source rows, their target rows and their cosines.
    """
    sims = src @ tgt.T
    best_tgt = sims.argmax(axis=1)
    rows = np.flatnonzero(sims.argmax(axis=0)[best_tgt] == np.arange(len(src)))
    return rows, best_tgt[rows], sims[rows, best_tgt[rows]]


def background(src: list[np.ndarray], tgt: list[np.ndarray], samples: int, seed: int) -> tuple[float, float]:
    """Median and robust spread of cosines between random source and target sentences (one random
    sentence of a random article per side, ``samples`` times)."""
    rng = np.random.default_rng(seed)
    a = [src[i][rng.integers(len(src[i]))] for i in rng.integers(len(src), size=samples)]
    b = [tgt[i][rng.integers(len(tgt[i]))] for i in rng.integers(len(tgt), size=samples)]
    cos = np.einsum("ij,ij->i", np.stack(a), np.stack(b))
    median = float(np.median(cos))
    spread = 1.4826 * float(np.median(np.abs(cos - median)))
    return median, max(spread, 1e-3)


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

    Numbers drop their separators, so EN "10,500.5" and ID "10.500,5" agree.
    """
    numbers, names = set(), set()
    for text in sentences:
        numbers.update(m.replace(",", "").replace(".", "") for m in _NUMBER.findall(text))
        first = len(text) - len(text.lstrip(" \"'“‘([-—"))
        names.update(_POSSESSIVE.sub("", m.group()).lower() for m in _CAPITALISED.finditer(text)
                     if m.start() > first)  # fmt: skip
    return frozenset(numbers), frozenset(names)


def overlap(a: frozenset[str], b: frozenset[str]) -> float | None:
    """Dice overlap of two sets, or None when both are empty (no evidence either way)."""
    if not a and not b:
        return None
    return 2 * len(a & b) / (len(a) + len(b))


def length_log_ratio(src_chars: int, tgt_chars: int) -> float:
    """log(target length / source length) in characters."""
    return math.log(max(tgt_chars, 1) / max(src_chars, 1))

