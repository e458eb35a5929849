"""Bead gains for the DP: how much better than chance a group of sentences matches another.

Window vectors are normalised sums of sentence vectors (no extra model calls). A bead's similarity
is measured as a *margin*: its cosine minus the mean cosine each side has with every window of the
other side's shape (computed exactly through mean vectors), so compressed cosine scales (e5) and
multi-sentence windows are compared fairly. A Gale-Church length term and an overlap term on
numbers and names add evidence the embedding misses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numba
import numpy as np


@dataclass(frozen=True)
class ScoreParams:
    """Constants of the gain function, tuned on the development sets (see benchmarks/quality.py)."""

    threshold: float = -0.01  # per-sentence margin a bead must beat to be worth more than skipping
    merge_penalty: float = 0.001  # per sentence a bead holds beyond 1-1 (breaks ties towards 1-1)
    length_weight: float = 0.01  # weight of the squared Gale-Church length deviation
    anchor_weight: float = 0.01  # per shared (+) or unmatched (-0.5) number/name fingerprint bit
    length_variance: float = 6.8  # Gale & Church's s^2


_TOKEN = re.compile(r"\w+", re.UNICODE)


def anchor_tokens(text: str) -> set[str]:
    """Numbers (digits only) and mid-sentence capitalised words: tokens a translation keeps."""
    tokens = _TOKEN.findall(text)
    out = set()
    for pos, tok in enumerate(tokens):
        if any(c.isdigit() for c in tok):
            digits = "".join(c for c in tok if c.isdigit())
            if digits:
                out.add("#" + digits.lstrip("0") or "0")
        elif pos > 0 and tok[0].isupper() and len(tok) > 1:
            out.add(tok.lower())
    return out


def anchor_masks(texts: list[str]) -> np.ndarray:
    """A 64-bit fingerprint of each text's anchor tokens (one bit per token hash)."""
    masks = np.zeros(len(texts), dtype=np.uint64)
    for k, text in enumerate(texts):
        bits = 0
        for tok in anchor_tokens(text):
            bits |= 1 << (_stable_hash(tok) % 64)
        masks[k] = np.uint64(bits)
    return masks


def _stable_hash(token: str) -> int:
    h = 2166136261
    for byte in token.encode("utf-8"):
        h = ((h ^ byte) * 16777619) & 0xFFFFFFFF
    return h


def window_vectors(vecs: np.ndarray, size: int) -> np.ndarray:
    """Row ``i`` (for ``i >= size``): the normalised sum of ``vecs[i - size:i]``; earlier rows are 0."""
    n, dim = vecs.shape
    out = np.zeros((n + 1, dim), dtype=np.float32)
    if size == 0 or size > n:
        return out
    sums = out[size:]
    for offset in range(size):
        sums += vecs[offset : n - size + 1 + offset]
    sums /= np.maximum(np.sqrt(np.einsum("ij,ij->i", sums, sums)), 1e-12)[:, None]
    return out


def window_sums(values: np.ndarray, size: int) -> np.ndarray:
    """Row ``i``: sum of ``values[i - size:i]`` (0 where the window does not fit)."""
    n = len(values)
    out = np.zeros(n + 1, dtype=np.float64)
    if 0 < size <= n:
        csum = np.concatenate([[0.0], np.cumsum(values, dtype=np.float64)])
        out[size:] = csum[size:] - csum[:-size]
    return out


def window_masks(masks: np.ndarray, size: int) -> np.ndarray:
    """Row ``i``: OR of ``masks[i - size:i]``."""
    n = len(masks)
    out = np.zeros(n + 1, dtype=np.uint64)
    for start in range(0, n - size + 1 if size else 0):
        acc = np.uint64(0)
        for k in range(start, start + size):
            acc |= masks[k]
        out[start + size] = acc
    return out


@numba.njit(cache=True)
def _popcount(x):
    count = 0
    while x:
        x &= x - np.uint64(1)
        count += 1
    return count


@numba.njit(cache=True, fastmath=True)
def _dot(x, y):
    total = 0.0
    for c in range(x.shape[0]):
        total += x[c] * y[c]
    return total


@numba.njit(cache=True)
def banded_gains(out, k, U, V, bases, len_s, len_t, mask_s, mask_t, lo, hi, a, b, ratio, params):
    """Fill ``out[k, i, j - lo[i]]`` with the gain of an a-b bead ending at ``(i, j)``.

    ``bases[0, i]`` / ``bases[1, j]``: half the mean cosine of window ``U[i]`` / ``V[j]`` with every
    window of the other side's shape.
    """
    threshold, merge_penalty, length_weight, anchor_weight, length_variance = params
    size = a + b
    for i in range(a, U.shape[0]):
        for j in range(max(lo[i], b), hi[i]):
            margin = _dot(U[i], V[j]) - bases[0, i] - bases[1, j]
            ls = len_s[i]
            lt = len_t[j]
            mean = (ls * ratio + lt) / 2.0
            delta = (lt - ls * ratio) / np.sqrt(length_variance * max(mean, 1.0))
            shared = _popcount(mask_s[i] & mask_t[j])
            unmatched = _popcount(mask_s[i] ^ mask_t[j])
            gain = size * (margin - threshold) - merge_penalty * (size - 2)
            gain -= length_weight * delta * delta
            gain += anchor_weight * (shared - 0.5 * unmatched)
            out[k, i, j - lo[i]] = gain


@dataclass
class Sides:
    """Per-document features of both sides, shared by every bead type."""

    src_vecs: np.ndarray
    tgt_vecs: np.ndarray
    src_len: np.ndarray
    tgt_len: np.ndarray
    src_masks: np.ndarray
    tgt_masks: np.ndarray

    @classmethod
    def build(cls, src_vecs, tgt_vecs, src_texts, tgt_texts) -> Sides:
        return cls(
            np.ascontiguousarray(src_vecs, dtype=np.float32),
            np.ascontiguousarray(tgt_vecs, dtype=np.float32),
            np.array([len(t) for t in src_texts], dtype=np.float64),
            np.array([len(t) for t in tgt_texts], dtype=np.float64),
            anchor_masks(src_texts),
            anchor_masks(tgt_texts),
        )


def bead_gains(sides: Sides, types: np.ndarray, lo: np.ndarray, hi: np.ndarray, params: ScoreParams) -> np.ndarray:
    """Gains ``(len(types), n + 1, width)`` of every bead type at every band cell; null beads gain 0."""
    n, m = len(sides.src_vecs), len(sides.tgt_vecs)
    width = int((hi - lo).max())
    gains = np.full((len(types), n + 1, width), -1e30, dtype=np.float32)
    ratio = max(sides.tgt_len.sum(), 1.0) / max(sides.src_len.sum(), 1.0)
    kernel_params = np.array([params.threshold, params.merge_penalty, params.length_weight,
                              params.anchor_weight, params.length_variance])
    src_win = {a: window_vectors(sides.src_vecs, a) for a in {int(t[0]) for t in types if t[0] and t[1]}}
    tgt_win = {b: window_vectors(sides.tgt_vecs, b) for b in {int(t[1]) for t in types if t[0] and t[1]}}
    for k, (a, b) in enumerate(types.tolist()):
        if a == 0 or b == 0:
            gains[k] = 0.0
            continue
        if a > n or b > m:
            continue
        U, V = src_win[a], tgt_win[b]
        bases = np.zeros((2, max(n, m) + 1), dtype=np.float64)
        bases[0, : n + 1] = U @ V[b:].mean(axis=0) / 2
        bases[1, : m + 1] = V @ U[a:].mean(axis=0) / 2
        banded_gains(gains, k, U, V, bases, window_sums(sides.src_len, a), window_sums(sides.tgt_len, b),
                     window_masks(sides.src_masks, a), window_masks(sides.tgt_masks, b), lo, hi, a, b,
                     ratio, kernel_params)
    return gains
