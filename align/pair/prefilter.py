"""The first, cheap look of two-stage pairing: which articles could have a partner at all.

Every article is looked at through its lead (its first ``lead_sentences`` sentence vectors: the
title and the opening, which a translation renders too) and what costs no model call (its length in
characters). A candidate pair is each article's nearest neighbours by lead vector, in both
directions; it is ruled out when its best lead-sentence match is no stronger than related, untranslated
text (z-score against random cross-language lead sentences below ``lead_z``), or when the lengths
cannot be a translation's. Articles left with a candidate are embedded whole; the others stay unpaired.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from align.languages import DEFAULT_SRC, DEFAULT_TGT
from align.pair import length_prior, signals
from align.pair.config import PairConfig
from align.pair.retrieval import document_vectors, top_neighbours


@dataclass(frozen=True)
class Lead:
    """What the first look knows of one article: its lead sentence vectors and its length."""

    vectors: np.ndarray  # (lead sentences x d), unit rows
    chars: int  # characters of the whole article


def lead_candidates(src: list[Lead], tgt: list[Lead], config: PairConfig,
                    langs: tuple[str, str] = (DEFAULT_SRC, DEFAULT_TGT)) -> set[tuple[int, int]]:  # fmt: skip
    """Candidate pairs (index into ``src``, index into ``tgt``) that the first look cannot rule out;
    ``langs`` name the two sides' languages (their profiles give the expected length ratio)."""
    if not src or not tgt:
        return set()
    centre = config.length_centre if config.length_centre is not None else length_prior(*langs)
    s_docs = document_vectors([lead.vectors for lead in src], config.centre_prior)
    t_docs = document_vectors([lead.vectors for lead in tgt], config.centre_prior)
    s_index, _ = top_neighbours(s_docs, t_docs, config.neighbours, config.block_size)
    t_index, _ = top_neighbours(t_docs, s_docs, config.neighbours, config.block_size)
    nearest = {(s, int(t)) for s, row in enumerate(s_index) for t in row}
    nearest |= {(int(s), t) for t, row in enumerate(t_index) for s in row}
    median, spread = signals.background([lead.vectors for lead in src], [lead.vectors for lead in tgt],
                                        config.background_samples, config.seed)  # fmt: skip
    kept = set()
    for s, t in nearest:
        z = (float((src[s].vectors @ tgt[t].vectors.T).max()) - median) / spread
        ratio = signals.length_log_ratio(src[s].chars, tgt[t].chars)
        if z >= config.lead_z and abs(ratio - centre) <= config.lead_length_tolerance:
            kept.add((s, t))
    return kept
