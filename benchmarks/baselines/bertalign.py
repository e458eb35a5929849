"""Bertalign (Liu & Zhu 2022) re-implemented as a baseline, with its published defaults.

The algorithm, as the paper and its reference implementation describe it:

1. Every window of 1 .. max_align-1 consecutive sentences is embedded with the model (the window
   texts joined by a space); these "overlap" vectors are the baseline's real cost: about
   ``max_align - 2`` extra model calls per sentence and side on top of the single sentences.
2. First pass: the top-k target neighbours (inner product) of each source sentence give 1-1
   scores; a DP over 1-1 / 1-0 / 0-1 beads inside a wide diagonal band (at least 250 sentences,
   or 6 % of the longer side) keeps the best path, and its 1-1 beads become anchors.
3. Second pass: an m-n DP (every x-y with x + y <= max_align, plus 1-0 / 0-1 at a fixed ``skip``
   score) inside a window of ``win`` sentences around the anchors. A bead scores the cosine of its
   two overlap vectors minus the mean similarity to the neighbouring sentences (margin), times
   ``log2(1 + shorter/longer)`` of the UTF-8 lengths, the target scaled by the document's
   source/target length ratio (length penalty).

This is the baseline, not our aligner: it keeps Bertalign's behaviour (float32 DP, ties broken by
bead-type order, anchors from the first pass only) rather than improving it. The one departure is
that the padding slots Bertalign embeds as the text ``PAD`` (windows that would start before the
first sentence, which the DP never reads) are left as zero vectors instead of being embedded.
"""

from __future__ import annotations

import time

import numba as nb
import numpy as np

from align.pair.retrieval import top_neighbours
from align.records import Bead

TOP_K = 3
WIN = 5
SKIP = -0.1
FIRST_MIN_WIN = 250
FIRST_WIN_SHARE = 0.06
MAX_TEXT_CHARS = 10000
_TOPK_BLOCK = 512


def alignment_types(max_align: int) -> np.ndarray:
    """0-1, 1-0, then every x-y (x, y >= 1, x + y <= max_align) in Bertalign's order."""
    kinds = [(0, 1), (1, 0)]
    kinds += [(x, y) for x in range(1, max_align) for y in range(1, max_align) if x + y <= max_align]
    return np.array(kinds, dtype=np.int64)


def window_text(texts: list[str], end: int, size: int) -> str:
    """The ``size`` sentences ending at index ``end``, stripped, blank ones named, joined by a space."""
    parts = [t.strip() or "BLANK_LINE" for t in texts[end - size + 1 : end + 1]]
    return " ".join(parts)[:MAX_TEXT_CHARS]


def overlap_layers(vecs: np.ndarray, texts: list[str], encoder, layers: int) -> tuple[np.ndarray, np.ndarray, int]:
    """Vectors and UTF-8 lengths of every window of 1..layers sentences, ending at each index.

    Returns (vectors ``layers x n x d``, lengths ``layers x n``, number of texts sent to the
    encoder). Layer 0 is ``vecs`` itself; the others are embedded with ``encoder`` in one call.
    """
    n, dim = vecs.shape
    out = np.zeros((layers, n, dim), dtype=np.float32)
    lens = np.zeros((layers, n), dtype=np.float32)
    out[0] = vecs
    lens[0] = [len(window_text(texts, i, 1).encode("utf-8")) for i in range(n)]
    slots = [(size, end) for size in range(2, layers + 1) for end in range(size - 1, n)]
    window_texts = [window_text(texts, end, size) for size, end in slots]
    if window_texts:
        embedded = np.asarray(encoder.encode(window_texts), dtype=np.float32)
        for (size, end), text, vec in zip(slots, window_texts, embedded):
            out[size - 1, end] = vec
            lens[size - 1, end] = len(text.encode("utf-8"))
    return out, lens, len(window_texts)


def first_search_path(n: int, m: int) -> tuple[int, np.ndarray]:
    """Half-width and per-row [start, end] target band around the straight diagonal."""
    half = max(FIRST_MIN_WIN, int(max(n, m) * FIRST_WIN_SHARE))
    centre = (np.arange(n + 1) * (m / n)).astype(np.int64)
    path = np.stack([np.maximum(0, centre - half), np.minimum(centre + half, m)], axis=1)
    return half, path


@nb.njit(cache=True, fastmath=True)
def _first_pass(n, half, path, kinds, top_scores, top_index):
    cost = np.zeros((n + 1, 2 * half + 1), dtype=np.float32)
    back = np.zeros((n + 1, 2 * half + 1), dtype=np.uint8)
    k = top_index.shape[1]
    for i in range(n + 1):
        for j in range(path[i, 0], path[i, 1] + 1):
            if i + j == 0:
                continue
            best = -np.inf
            best_kind = -1
            for a in range(kinds.shape[0]):
                pi = i - kinds[a, 0]
                pj = j - kinds[a, 1]
                if pi < 0 or pj < 0 or pj < path[pi, 0] or pj > path[pi, 1]:
                    continue
                score = cost[pi, pj - path[pi, 0]]
                if kinds[a, 0] > 0 and kinds[a, 1] > 0:
                    for t in range(k):
                        if top_index[i - 1, t] == j - 1:
                            score += top_scores[i - 1, t]
                if score > best:
                    best = score
                    best_kind = a
            cost[i, j - path[i, 0]] = best
            back[i, j - path[i, 0]] = best_kind
    return back


def first_pass_anchors(src: np.ndarray, tgt: np.ndarray, top_k: int) -> list[tuple[int, int]]:
    """The 1-1 beads of the first-pass path, as DP cell coordinates (1-based ends)."""
    n, m = src.shape[0], tgt.shape[0]
    top_index, top_scores = top_neighbours(src, tgt, top_k, _TOPK_BLOCK)  # exact, like a flat index
    kinds = alignment_types(2)
    half, path = first_search_path(n, m)
    back = _first_pass(n, half, path, kinds, top_scores, top_index)
    anchors = []
    i, j = n, m
    while i > 0 or j > 0:
        a = back[i, j - path[i, 0]]
        if kinds[a, 0] == 1 and kinds[a, 1] == 1:
            anchors.append((i, j))
        i, j = i - kinds[a, 0], j - kinds[a, 1]
    return anchors[::-1]


def second_search_path(anchors: list[tuple[int, int]], win: int, n: int, m: int) -> tuple[int, np.ndarray]:
    """Per-row target band spanning from ``win`` before one anchor to ``win`` after the next.

    As in Bertalign, the last anchor is moved (or added) to the corner (n, m) first.
    """
    anchors = list(anchors) or [(n, m)]
    last_src, last_tgt = anchors[-1]
    if last_src != n:
        if last_tgt == m:
            anchors.pop()
        anchors.append((n, m))
    elif last_tgt != m:
        anchors.pop()
        anchors.append((n, m))
    rows = []
    prev_src = prev_tgt = 0
    width = 0
    for src, tgt in anchors:
        low, high = max(0, prev_tgt - win), min(m, tgt + win)
        rows.extend([(low, high)] * (src - prev_src))
        prev_src, prev_tgt = src, tgt
        width = max(width, high - low)
    path = np.array([rows[0]] + rows, dtype=np.int64)
    return width + 1, path


@nb.njit(cache=True, fastmath=True)
def _neighbour_similarity(vec, size, idx, count, layers):
    """Mean similarity of ``vec`` to the sentences just before and just after a window."""
    left = idx - size
    right = idx + 1
    right_sim = np.dot(vec, layers[0, right - 1]) if right <= count else 0.0
    left_sim = np.dot(vec, layers[0, left - 1]) if left > 0 else 0.0
    total = left_sim + right_sim
    if right_sim != 0.0 and left_sim != 0.0:
        total /= 2
    return total


@nb.njit(cache=True, fastmath=True)
def _bead_score(src, tgt, src_lens, tgt_lens, i, j, a1, a2, ratio, margin, len_penalty):
    n = src.shape[1]
    m = tgt.shape[1]
    sv = src[a1 - 1, i - 1]
    tv = tgt[a2 - 1, j - 1]
    score = np.dot(sv, tv)
    if margin:
        around = _neighbour_similarity(sv, a2, j, m, tgt) + _neighbour_similarity(tv, a1, i, n, src)
        score -= around / 2
    if len_penalty:
        ls = src_lens[a1 - 1, i - 1]
        lt = tgt_lens[a2 - 1, j - 1] * ratio
        score *= np.log2(1 + min(ls, lt) / max(ls, lt))
    return score


@nb.njit(cache=True, fastmath=True)
def _second_pass(src, tgt, src_lens, tgt_lens, width, path, kinds, ratio, skip, margin, len_penalty):
    n = src.shape[1]
    cost = np.zeros((n + 1, width), dtype=np.float32)
    back = np.zeros((n + 1, width), dtype=np.uint8)
    for i in range(n + 1):
        for j in range(path[i, 0], path[i, 1] + 1):
            if i + j == 0:
                continue
            best = -np.inf
            best_kind = -1
            for a in range(kinds.shape[0]):
                a1 = kinds[a, 0]
                a2 = kinds[a, 1]
                pi = i - a1
                pj = j - a2
                if pi < 0 or pj < 0 or pj < path[pi, 0] or pj > path[pi, 1]:
                    continue
                score = cost[pi, pj - path[pi, 0]]
                if a1 == 0 or a2 == 0:
                    score += skip
                else:
                    score += _bead_score(src, tgt, src_lens, tgt_lens, i, j, a1, a2, ratio, margin, len_penalty)
                if score > best:
                    best = score
                    best_kind = a
            cost[i, j - path[i, 0]] = best
            back[i, j - path[i, 0]] = best_kind
    return cost, back


def second_pass_beads(src, tgt, src_lens, tgt_lens, anchors, *, max_align, win, skip, margin, len_penalty) -> list[Bead]:
    """The m-n DP around the anchors; each bead carries its own DP score increment."""
    n, m = src.shape[1], tgt.shape[1]
    kinds = alignment_types(max_align)
    width, path = second_search_path(anchors, win, n, m)
    ratio = float(src_lens[0].sum() / tgt_lens[0].sum())
    cost, back = _second_pass(src, tgt, src_lens, tgt_lens, width, path, kinds, ratio, skip, margin, len_penalty)
    beads = []
    i, j = n, m
    while i > 0 or j > 0:
        a = back[i, j - path[i, 0]]
        pi, pj = i - kinds[a, 0], j - kinds[a, 1]
        score = float(cost[i, j - path[i, 0]] - cost[pi, pj - path[pi, 0]])
        beads.append(Bead(tuple(range(pi, i)), tuple(range(pj, j)), score))
        i, j = pi, pj
    return beads[::-1]


def align(
    src_vecs: np.ndarray,
    tgt_vecs: np.ndarray,
    src_texts: list[str],
    tgt_texts: list[str],
    *,
    encoder,
    max_align: int = 5,
    top_k: int = TOP_K,
    win: int = WIN,
    skip: float = SKIP,
    margin: bool = True,
    len_penalty: bool = True,
    stats: dict | None = None,
) -> list[Bead]:
    """Align two documents the Bertalign way; ``src_vecs``/``tgt_vecs`` are the sentence vectors.

    Windows of 2 .. max_align-1 sentences are embedded with ``encoder``. When ``stats`` is given it
    receives ``window_texts`` (texts sent to the encoder), ``embed_s`` and ``align_s``.
    """
    n, m = len(src_texts), len(tgt_texts)
    if n == 0 or m == 0:
        return [Bead((i,), (), 0.0) for i in range(n)] + [Bead((), (j,), 0.0) for j in range(m)]
    layers = max(1, max_align - 1)
    started = time.perf_counter()
    src, src_lens, n_src = overlap_layers(np.asarray(src_vecs, dtype=np.float32), src_texts, encoder, layers)
    tgt, tgt_lens, n_tgt = overlap_layers(np.asarray(tgt_vecs, dtype=np.float32), tgt_texts, encoder, layers)
    embedded = time.perf_counter()
    anchors = first_pass_anchors(src[0], tgt[0], top_k)
    beads = second_pass_beads(src, tgt, src_lens, tgt_lens, anchors, max_align=max_align, win=win,
                              skip=skip, margin=margin, len_penalty=len_penalty)
    if stats is not None:
        stats["window_texts"] = stats.get("window_texts", 0) + n_src + n_tgt
        stats["embed_s"] = stats.get("embed_s", 0.0) + embedded - started
        stats["align_s"] = stats.get("align_s", 0.0) + time.perf_counter() - embedded
    return beads
