"""Bead gains for the DP: how much better than chance a group of sentences matches another.

Scoring is free of the model's cosine scale. Each side's vectors are first centred on that side's
mean over the document (shrunk towards no centring for short documents), which removes the shared
direction some encoders (e5) put into every vector and a language's own offset. A bead's similarity
is then a *margin*: its cosine minus the mean cosine each side has with every window of the other
side's shape (computed exactly through mean vectors), divided by the document's *cosine scale*, a
robust spread of the cosines of its sentence pairs. Margins are therefore in units of the
document's own noise, and one set of constants serves every geometry. Window vectors are
normalised sums of sentence vectors, unless the caller embedded a window's real text (see
`align.align.evidence`). A Gale-Church length term and an overlap term on numbers and names add
evidence the embedding misses. Sentences with no content never join a bead, and a bead that starts
at a lowercase continuation of the sentence before pays a small cost.
"""

from __future__ import annotations

import re
from collections import namedtuple
from dataclasses import dataclass

import numba
import numpy as np

from align.numbers import number_keys


@dataclass(frozen=True)
class ScoreParams:
    """Constants of the gain function, set by benchmarks/tune.py (margins in cosine-scale units)."""

    threshold: float = -2.0  # per-sentence margin a bead must beat to be worth more than skipping
    merge_penalty: float = 1.5  # per sentence a bead holds beyond 1-1
    length_weight: float = 0.6  # weight of the squared Gale-Church length deviation
    anchor_weight: float = 0.6  # per shared (+) or unmatched (-0.5) number/name fingerprint bit
    length_variance: float = 6.8  # Gale & Church's s^2
    size_exponent: float = 0.8  # a bead's margin counts (sentences in it) ** this: < 1 discounts merges
    continuation_penalty: float = 1.5  # per side where a bead starts at a lowercase continuation
    null_cost: float = 0.5  # what a 1-0 / 0-1 bead costs (a sentence left without a counterpart)
    centre_prior: float = 4.0  # sentences of "no centring" mixed into each side's document mean
    scale_floor: float = 0.05  # least cosine scale, as a share of 1 - the median cosine


# The gain kernel's constants, passed to numba by name (a named tuple compiles to a struct).
Kernel = namedtuple("Kernel", "threshold merge_penalty length_weight anchor_weight length_variance "
                              "size_exponent scale ratio")

BLOCKED = 1e30  # the cost of a bead that may not exist
_CONTENT = re.compile(r"[^\W\d_]{2,}|\d")
_WORD = re.compile(r"(?<=\W)[^\W\d_]{2,}")


def anchor_tokens(text: str) -> set[str]:
    """Numbers (``align.numbers`` keys) and capitalised words after the first: tokens a translation keeps."""
    out = {"#" + key for key in number_keys(text)}
    out.update(word.lower() for word in _WORD.findall(text) if word[0].isupper())
    return out


def contentless(texts: list[str]) -> np.ndarray:
    """1.0 for texts with no word of two letters and no digit (OCR debris, rules, dots), else 0.0.

    Such a text has nothing to translate: it may only stand alone in a 1-0 / 0-1 bead.
    """
    return np.array([_CONTENT.search(text) is None for text in texts], dtype=np.float64)


def continuations(texts: list[str]) -> np.ndarray:
    """1.0 for texts that start with a lowercase letter: the rest of a sentence a splitter cut
    (at a colon, a semicolon, an abbreviation), which belongs in the bead of the text before it."""
    return np.array([text[:1].islower() for text in texts], dtype=np.float64)


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


def window_norms(vecs: np.ndarray, size: int) -> np.ndarray:
    """Row ``i`` (for ``i >= size``): the norm of ``vecs[i - size:i].sum(0)``, from neighbour cosines only.

    Rows before ``size`` are 1.
    """
    n = len(vecs)
    norms = np.ones(n + 1, dtype=np.float64)
    if 0 < size <= n:
        squared = np.full(n - size + 1, float(size))
        for shift in range(1, size):
            near = np.einsum("ij,ij->i", vecs[:-shift], vecs[shift:]).astype(np.float64)
            squared += 2 * window_sums(near, size - shift)[size - shift : n - shift + 1]
        norms[size:] = np.sqrt(np.maximum(squared, 1e-12))
    return norms


def mean_window(vecs: np.ndarray, norms: np.ndarray, size: int) -> np.ndarray:
    """The mean of every normalised window of ``size`` sentences, without building the windows."""
    n = len(vecs)
    inverse = np.zeros(n + 1)
    inverse[size:] = 1.0 / norms[size:]
    # sentence y lies in the windows ending at y + 1 .. y + size
    csum = np.concatenate([[0.0], np.cumsum(inverse)])
    weights = csum[np.minimum(np.arange(n) + size + 1, n + 1)] - csum[np.arange(n) + 1]
    return (weights @ vecs) / max(n - size + 1, 1)


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
    if 0 < size <= n:
        for offset in range(size):
            out[size:] |= masks[offset : n - size + 1 + offset]
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
def sentence_band(S, T, clo, chi, cstart):
    """Cosines ``C[cstart[x] + y - clo[x]] = S[x] . T[y]`` for ``clo[x] <= y < chi[x]`` (ragged rows)."""
    C = np.zeros(cstart[S.shape[0]], dtype=np.float32)
    for x in range(S.shape[0]):
        for y in range(clo[x], chi[x]):
            C[cstart[x] + y - clo[x]] = _dot(S[x], T[y])
    return C


@numba.njit(cache=True)
def banded_gains(out, k, C, clo, cstart, norm_u, norm_v, bases, len_s, len_t, mask_s, mask_t, cost_s, cost_t,
                 lo, hi, start, a, b, kernel):
    """Fill ``out[k, start[i] + j - lo[i]]`` with the gain of an a-b bead ending at ``(i, j)``.

    ``cost_s[i]`` / ``cost_t[j]``: what the bead's sides cost on their own (see `entry_costs`);
    ``BLOCKED`` rules the bead out.

    The cosine of two window vectors (normalised sums) is the block sum of sentence cosines ``C``
    divided by the two sums' norms, so no vector is touched here. ``bases[0, i]`` / ``bases[1, j]``:
    half the mean cosine of each window with every window of the other side's shape.
    """
    size = a + b
    weight = size**kernel.size_exponent
    for i in range(lo.shape[0]):
        for j in range(lo[i], hi[i]):
            cell = start[i] + j - lo[i]
            if i < a or j < b or cost_s[i] >= BLOCKED or cost_t[j] >= BLOCKED:
                out[k, cell] = -1e30  # no such bead; never on a path
                continue
            total = 0.0
            for x in range(i - a, i):
                for y in range(j - b, j):
                    total += C[cstart[x] + y - clo[x]]
            margin = (total / (norm_u[i] * norm_v[j]) - bases[0, i] - bases[1, j]) / kernel.scale
            out[k, cell] = bead_gain(margin, kernel, weight, a + b, len_s[i], len_t[j], mask_s[i], mask_t[j],
                                     cost_s[i] + cost_t[j])


@numba.njit(cache=True)
def bead_gain(margin, kernel, weight, size, len_s, len_t, mask_s, mask_t, entry_cost):
    """The gain of a bead of ``size`` sentences (``weight``: size ** size_exponent) with this scaled
    margin, side lengths, anchor masks and entry costs."""
    mean = (len_s * kernel.ratio + len_t) / 2.0
    delta = (len_t - len_s * kernel.ratio) / np.sqrt(kernel.length_variance * max(mean, 1.0))
    shared = _popcount(mask_s & mask_t)
    unmatched = _popcount(mask_s ^ mask_t)
    gain = weight * (margin - kernel.threshold) - kernel.merge_penalty * (size - 2)
    gain -= kernel.length_weight * delta * delta + entry_cost
    gain += kernel.anchor_weight * (shared - 0.5 * unmatched)
    return gain


def centring_shift(vecs: np.ndarray, prior: float) -> np.ndarray:
    """What `centre` subtracts: the vectors' mean shrunk by ``n / (n + prior)``."""
    vecs = np.asarray(vecs, dtype=np.float64)
    return vecs.mean(axis=0) * (len(vecs) / (len(vecs) + prior))


def centre(vecs: np.ndarray, shift: np.ndarray) -> np.ndarray:
    """Vectors minus ``shift``, re-normalised (float32); a vector the shift empties stays as it was."""
    vecs = np.asarray(vecs, dtype=np.float64)
    out = vecs - shift
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    out = np.where(norms > 1e-9, out / np.maximum(norms, 1e-12), vecs)
    return np.ascontiguousarray(out, dtype=np.float32)


SCALE_SAMPLE = 20_000  # sentence pairs sampled to measure a long document's cosine scale


def cosine_scale(src: np.ndarray, tgt: np.ndarray, floor_share: float) -> float:
    """The spread of a document's sentence-pair cosines: 1.4826 x their median absolute deviation
    (robust to the few pairs that are translations), at least ``floor_share`` x (1 - median)."""
    n, m = len(src), len(tgt)
    if n * m <= SCALE_SAMPLE:
        cos = (src @ tgt.T).ravel()
    else:
        rng = np.random.default_rng(n * 1_000_003 + m)
        x, y = rng.integers(0, n, SCALE_SAMPLE), rng.integers(0, m, SCALE_SAMPLE)
        cos = np.einsum("ij,ij->i", src[x], tgt[y])
    cos = cos.astype(np.float64)
    median = float(np.median(cos))
    mad = 1.4826 * float(np.median(np.abs(cos - median)))
    return max(mad, floor_share * max(1.0 - median, 1e-3))


@dataclass
class Sides:
    """Per-document features of both sides, shared by every bead type."""

    src_vecs: np.ndarray  # centred and re-normalised (see `centre`)
    tgt_vecs: np.ndarray
    src_len: np.ndarray
    tgt_len: np.ndarray
    src_masks: np.ndarray
    tgt_masks: np.ndarray
    src_void: np.ndarray  # 1.0 where a sentence has no content (see `contentless`)
    tgt_void: np.ndarray
    src_cont: np.ndarray  # 1.0 where a sentence continues the one before (see `continuations`)
    tgt_cont: np.ndarray
    scale: float  # the document's cosine scale (see `cosine_scale`)
    src_shift: np.ndarray  # what centring subtracted from each side's vectors (see `centring_shift`)
    tgt_shift: np.ndarray
    src_raw: np.ndarray | None = None  # the vectors as given (before centring)
    tgt_raw: np.ndarray | None = None

    @classmethod
    def build(cls, src_vecs, tgt_vecs, src_texts, tgt_texts, params: ScoreParams) -> Sides:
        src_shift = centring_shift(src_vecs, params.centre_prior)
        tgt_shift = centring_shift(tgt_vecs, params.centre_prior)
        src, tgt = centre(src_vecs, src_shift), centre(tgt_vecs, tgt_shift)
        return cls(
            src, tgt,
            np.array([len(t) for t in src_texts], dtype=np.float64),
            np.array([len(t) for t in tgt_texts], dtype=np.float64),
            anchor_masks(src_texts),
            anchor_masks(tgt_texts),
            contentless(src_texts),
            contentless(tgt_texts),
            continuations(src_texts),
            continuations(tgt_texts),
            cosine_scale(src, tgt, params.scale_floor),
            src_shift, tgt_shift, np.asarray(src_vecs), np.asarray(tgt_vecs),
        )

    def length_ratio(self) -> float:
        """Target characters per source character over the whole document."""
        return max(self.tgt_len.sum(), 1.0) / max(self.src_len.sum(), 1.0)

    def kernel(self, params: ScoreParams, ratio: float | None = None) -> Kernel:
        """The gain kernel's constants for this document (``ratio``: the length ratio to expect)."""
        ratio = ratio or self.length_ratio()
        return Kernel(params.threshold, params.merge_penalty, params.length_weight, params.anchor_weight,
                      params.length_variance, params.size_exponent, self.scale, ratio)


@dataclass
class BandCosines:
    """What every gain pass over one band shares, whatever its constants: sentence cosines ``C`` on
    the band widened for the largest bead, window norms by size, and each bead shape's bases."""

    clo: np.ndarray
    cstart: np.ndarray
    C: np.ndarray
    src_norms: dict
    tgt_norms: dict
    bases: dict  # (a, b) -> `window_bases`

    @classmethod
    def build(cls, sides: Sides, types: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> BandCosines:
        from align.align.dp import row_starts

        n, m = len(sides.src_vecs), len(sides.tgt_vecs)
        max_a, max_b = int(types[:, 0].max()), int(types[:, 1].max())
        rows = np.arange(n)
        clo = np.maximum(0, lo[rows + 1] - max_b)
        chi = np.maximum(clo, np.minimum(m, hi[np.minimum(n, rows + max_a)]))
        cstart = row_starts(clo, chi)
        C = sentence_band(sides.src_vecs, sides.tgt_vecs, clo, chi, cstart)
        matched = [(a, b) for a, b in types.tolist() if a and b and a <= n and b <= m]
        src_norms = {a: window_norms(sides.src_vecs, a) for a in {a for a, _ in matched}}
        tgt_norms = {b: window_norms(sides.tgt_vecs, b) for b in {b for _, b in matched}}
        # cosine of every sentence with the mean window of each size on the other side
        src64, tgt64 = sides.src_vecs.astype(np.float64), sides.tgt_vecs.astype(np.float64)
        src_to_tgt = {b: src64 @ mean_window(tgt64, tgt_norms[b], b) for b in tgt_norms}
        tgt_to_src = {a: tgt64 @ mean_window(src64, src_norms[a], a) for a in src_norms}
        bases = {(a, b): window_bases(src_to_tgt[b], tgt_to_src[a], src_norms[a], tgt_norms[b], a, b)
                 for a, b in matched}
        return cls(clo, cstart, C, src_norms, tgt_norms, bases)


def bead_gains(sides: Sides, types: np.ndarray, lo: np.ndarray, hi: np.ndarray, params: ScoreParams,
               ratio: float | None = None, cosines: BandCosines | None = None) -> np.ndarray:
    """Gains ``(len(types), cells)`` of every bead type at every ragged band cell (``dp.row_starts``
    gives each row's offset); null beads gain 0. ``ratio``: target characters expected per source
    character (default: the whole document's). ``cosines``: `BandCosines` of this band, to share
    between passes (built here when omitted)."""
    from align.align.dp import row_starts

    n, m = len(sides.src_vecs), len(sides.tgt_vecs)
    start = row_starts(lo, hi)
    gains = np.empty((len(types), int(start[-1])), dtype=np.float32)
    kernel = sides.kernel(params, ratio)
    can_skip = bool((types == 0).any())  # else a contentless sentence must join a bead after all
    cosines = cosines or BandCosines.build(sides, types, lo, hi)
    for k, (a, b) in enumerate(types.tolist()):
        if a == 0 or b == 0:
            gains[k] = -params.null_cost
            continue
        if a > n or b > m:
            gains[k] = -1e30
            continue
        norm_u, norm_v = cosines.src_norms[a], cosines.tgt_norms[b]
        banded_gains(gains, k, cosines.C, cosines.clo, cosines.cstart, norm_u, norm_v, cosines.bases[(a, b)],
                     window_sums(sides.src_len, a), window_sums(sides.tgt_len, b),
                     window_masks(sides.src_masks, a), window_masks(sides.tgt_masks, b),
                     entry_costs(sides.src_void, sides.src_cont, a, can_skip, params.continuation_penalty),
                     entry_costs(sides.tgt_void, sides.tgt_cont, b, can_skip, params.continuation_penalty),
                     lo, hi, start, a, b, kernel)
    return gains


def window_bases(src_to_tgt, tgt_to_src, norm_u, norm_v, a: int, b: int) -> np.ndarray:
    """Half the mean cosine of each a-window with every b-window of the other side (row 0: source
    windows by end, row 1: target windows by end)."""
    n, m = len(norm_u) - 1, len(norm_v) - 1
    bases = np.zeros((2, max(n, m) + 1), dtype=np.float64)
    bases[0, : n + 1] = window_sums(src_to_tgt, a) / norm_u / 2
    bases[1, : m + 1] = window_sums(tgt_to_src, b) / norm_v / 2
    return bases


def entry_costs(void: np.ndarray, cont: np.ndarray, size: int, can_skip: bool, penalty: float) -> np.ndarray:
    """Row ``i``: the cost of one side of a bead over sentences ``i - size .. i - 1``.

    ``BLOCKED`` when the window holds a contentless sentence (unless beads must take it anyway),
    else ``penalty`` when its first sentence continues the sentence before it.
    """
    costs = np.zeros(len(void) + 1)
    costs[size:] = penalty * cont[: len(cont) - size + 1]
    if can_skip:
        costs[window_sums(void, size) > 0] = BLOCKED
    return costs
