"""The first, cheap look of two-stage pairing: which articles could have a partner at all.

Every article is looked at through its lead (its first ``lead_sentences`` sentence vectors: the
title and the opening, which a translation renders too) and what costs no model call (its length in
characters). A candidate pair is each article's nearest neighbours by lead vector, in both
directions; it is ruled out when its best lead-sentence match is no stronger than related, untranslated
text (z-score against random cross-language lead sentences below ``lead_z``), or when the lengths
cannot be a translation's. Articles left with a candidate are embedded whole; the others stay unpaired.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from align.languages import DEFAULT_SRC, DEFAULT_TGT
from align.pair import length_prior, signals
from align.pair.config import PairConfig
from align.pair.retrieval import candidate_pairs, document_vectors


@dataclass(frozen=True)
class Lead:
    """What the first look knows of one article: its lead sentence vectors and its length."""

    vectors: np.ndarray  # (lead sentences x d), unit rows
    chars: int  # characters of the whole article


def lead_candidates(src: Sequence[Lead], tgt: Sequence[Lead], config: PairConfig,
                    langs: tuple[str, str] = (DEFAULT_SRC, DEFAULT_TGT)) -> set[tuple[int, int]]:  # fmt: skip
    """Candidate pairs (index into ``src``, index into ``tgt``) that the first look cannot rule out;
    ``langs`` name the two sides' languages (their profiles give the expected length ratio). ``src``
    and ``tgt`` may build each Lead when it is asked for (vectors read from a file)."""
    if not len(src) or not len(tgt):
        return set()
    centre = config.length_centre if config.length_centre is not None else length_prior(*langs)
    s_vectors, t_vectors = _LeadVectors(src), _LeadVectors(tgt)
    search = (config.block_size, config.block_cells)
    nearest = candidate_pairs(document_vectors(s_vectors, config.centre_prior),
                              document_vectors(t_vectors, config.centre_prior), config.neighbours, *search)[0]
    median, spread = signals.background(s_vectors, t_vectors, config.background_samples, config.seed)
    kept = set()
    lead = None
    for s, t in nearest.tolist():  # sorted by s: each source lead is built once
        if lead is None or lead[0] != s:
            lead = (s, src[s])
        other = tgt[t]
        cosines = np.asarray(lead[1].vectors, dtype=np.float32) @ np.asarray(other.vectors, dtype=np.float32).T
        z = (float(cosines.max()) - median) / spread
        ratio = signals.length_log_ratio(lead[1].chars, other.chars)
        if z >= config.lead_z and abs(ratio - centre) <= config.lead_length_tolerance:
            kept.add((s, t))
    return kept


class _LeadVectors(Sequence):
    """The lead matrices of a sequence of Leads, built when asked for."""

    def __init__(self, leads: Sequence[Lead]) -> None:
        self.leads = leads

    def __len__(self) -> int:
        return len(self.leads)

    def __getitem__(self, k: int) -> np.ndarray:
        return self.leads[k].vectors
