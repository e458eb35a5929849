"""Two-stage pairing: embed every article's lead, then whole articles only where a partner is possible.

On crawls most articles have no translation in the other language; embedding all their sentences
(the slow part of a run) buys nothing. The first stage embeds ``lead_sentences`` per article and
keeps the articles with a candidate that ``prefilter.lead_candidates`` cannot rule out; the second
embeds the rest of those articles into one matrix and pairs them with ``pair_articles``, where the
articles ruled out take part by their leads in the corpus statistics only (they are never linked).
Lead vectors are reused, so no text is sent to the model twice.
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from align.pair import length_prior, pair_articles
from align.languages import DEFAULT_SRC, DEFAULT_TGT
from align.pair.config import PairConfig
from align.pair.prefilter import Lead, lead_candidates
from align.records import Article, DocPair

Embed = Callable[..., dict[str, np.ndarray]]
"""``embed(articles, known=None)``: sentence vectors per article id (the pipeline's embedding step);
texts in ``known`` (text -> vector) are not sent to the model again."""


@dataclass(frozen=True)
class StagedPairing:
    """The pairs, the sentence vectors of the articles embedded whole, and how much each stage did."""

    pairs: list[DocPair]
    vectors: dict[str, np.ndarray]
    articles_looked_at: int  # articles whose lead the first stage embedded
    articles_embedded: int  # articles embedded whole
    lead_candidates: int  # candidate pairs the first stage kept


def pair_in_two_stages(articles: list[Article], embed: Embed, config: PairConfig,
                       langs: tuple[str, str] = (DEFAULT_SRC, DEFAULT_TGT)) -> StagedPairing:  # fmt: skip
    """Pair the ``langs[0]`` and ``langs[1]`` articles, embedding whole only those the lead look keeps.

    With ``config.two_stage`` off, or fewer than ``config.min_two_stage_articles`` articles on a side
    (cheap to embed, and too few to calibrate the first look), every article is embedded whole.
    """
    if config.length_centre is None:
        config = replace(config, length_centre=length_prior(*langs))
    sides = [[a for a in articles if a.lang == lang and a.sentences] for lang in langs]
    everyone = sides[0] + sides[1]
    if not config.two_stage or min(map(len, sides)) < config.min_two_stage_articles:
        vectors = embed(everyone)
        pairs = pair_articles(articles, vectors, config, *langs)
        return StagedPairing(pairs, vectors, 0, len(everyone), 0)
    n = config.lead_sentences
    lead_vectors = embed([replace(a, sentences=a.sentences[:n]) for a in everyone])
    leads = [_Leads(lead_vectors, side) for side in sides]
    kept = lead_candidates(leads[0], leads[1], config, langs)
    del leads
    whole = [sides[0][s] for s in sorted({s for s, _ in kept})] + [sides[1][t] for t in sorted({t for _, t in kept})]
    known = {s.text: row for a in whole for s, row in zip(a.sentences[:n], lead_vectors[a.id])}
    vectors = embed(whole, known)
    del known
    # the articles ruled out still calibrate pairing (random sentence pairs, neighbourhoods) by their leads
    embedded = {a.id for a in whole}
    looked_at = [a if a.id in embedded else replace(a, sentences=a.sentences[:n]) for a in everyone]
    calibration = ChainMap(vectors, {a.id: lead_vectors[a.id] for a in everyone if a.id not in embedded})
    pairs = pair_articles(looked_at, calibration, config, *langs, pairable=embedded) if whole else []
    return StagedPairing(pairs, vectors, len(everyone), len(whole), len(kept))


class _Leads(Sequence):
    """The Lead of each article of one side, its vectors taken from ``vectors`` (perhaps read from a
    file) when asked for, so the first look holds no more than one article's lead at a time."""

    def __init__(self, vectors: Mapping[str, np.ndarray], articles: list[Article]) -> None:
        self.vectors = vectors
        self.ids = [a.id for a in articles]
        self.chars = [sum(len(s.text) for s in a.sentences) for a in articles]

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, k: int) -> Lead:
        return Lead(self.vectors[self.ids[k]], self.chars[k])
