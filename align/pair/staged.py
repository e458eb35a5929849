"""Two-stage pairing: embed every article's lead, then whole articles only where a partner is possible.

On crawls most articles have no translation in the other language; embedding all their sentences
(the slow part of a run) buys nothing. The first stage embeds ``lead_sentences`` per article and
keeps the articles with a candidate that ``prefilter.lead_candidates`` cannot rule out; the second
embeds the rest of those articles into one matrix and pairs them with ``pair_articles``, where the
articles ruled out take part by their leads in the corpus statistics only (they are never linked).
Lead vectors are reused, so no text is sent to the model twice.
"""

from __future__ import annotations

import hashlib
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


def pair_in_two_stages(articles: Sequence[Article], embed: Embed, config: PairConfig,
                       langs: tuple[str, str] = (DEFAULT_SRC, DEFAULT_TGT)) -> StagedPairing:  # fmt: skip
    """Pair the ``langs[0]`` and ``langs[1]`` articles, embedding whole only those the lead look keeps.

    With ``config.two_stage`` off, or fewer than ``config.min_two_stage_articles`` articles on a side
    (cheap to embed, and too few to calibrate the first look), every article is embedded whole.
    ``articles`` may read each article when asked for (the pipeline's ``ArticleStore``): only
    indices, ids and lengths are kept here, and ``embed`` gets sequences that read them again.
    """
    if config.length_centre is None:
        config = replace(config, length_centre=length_prior(*langs))
    sides: tuple[list[int], list[int]] = ([], [])  # indices into ``articles``
    ids, chars = {}, {}
    for k, article in enumerate(articles):
        if article.sentences and article.lang in langs:
            sides[langs.index(article.lang)].append(k)
            ids[k], chars[k] = article.id, sum(len(s.text) for s in article.sentences)
    everyone = sides[0] + sides[1]
    if not config.two_stage or min(map(len, sides)) < config.min_two_stage_articles:
        vectors = embed(_Selected(articles, everyone))
        pairs = pair_articles(articles, vectors, config, *langs)
        return StagedPairing(pairs, vectors, 0, len(everyone), 0)
    n = config.lead_sentences

    def lead(article: Article) -> Article:
        return replace(article, sentences=article.sentences[:n], paragraphs=[])  # what the first look sees

    lead_vectors = embed(_Selected(articles, everyone, lead))
    leads = [_Leads(lead_vectors, [ids[k] for k in side], [chars[k] for k in side]) for side in sides]
    kept = lead_candidates(leads[0], leads[1], config, langs)
    del leads
    whole = [sides[0][s] for s in sorted({s for s, _ in kept})] + [sides[1][t] for t in sorted({t for _, t in kept})]
    vectors = embed(_Selected(articles, whole), _LeadTexts(lead_vectors, _Selected(articles, whole, lead)))
    # the articles ruled out still calibrate pairing (random sentence pairs, neighbourhoods) by their leads
    embedded = {ids[k] for k in whole}
    looked_at = _Selected(articles, everyone, lambda a: a if a.id in embedded else lead(a))
    calibration = ChainMap(vectors, _Without(lead_vectors, embedded))
    pairs = pair_articles(looked_at, calibration, config, *langs, pairable=embedded) if whole else []
    return StagedPairing(pairs, vectors, len(everyone), len(whole), len(kept))


class _Selected(Sequence):
    """``articles[k]`` for each k of ``indices`` (through ``change`` if given), read when asked for."""

    def __init__(self, articles: Sequence[Article], indices: list[int],
                 change: Callable[[Article], Article] | None = None) -> None:  # fmt: skip
        self.articles, self.indices, self.change = articles, indices, change or (lambda a: a)

    def __len__(self) -> int:
        return len(self.indices)

    def __getitem__(self, k: int) -> Article:
        return self.change(self.articles[self.indices[k]])


class _Leads(Sequence):
    """The Lead of each article of one side, its vectors taken from ``vectors`` (perhaps read from a
    file) when asked for, so the first look holds no more than one article's lead at a time."""

    def __init__(self, vectors: Mapping[str, np.ndarray], ids: list[str], chars: list[int]) -> None:
        self.vectors, self.ids, self.chars = vectors, ids, chars

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, k: int) -> Lead:
        return Lead(self.vectors[self.ids[k]], self.chars[k])


class _LeadTexts(Mapping):
    """Text -> vector of the lead sentences of ``leads`` (vectors read from ``vectors`` when asked
    for); memory holds a 16-byte digest and a place per text, not the text or its vector."""

    def __init__(self, vectors: Mapping[str, np.ndarray], leads: Sequence[Article]) -> None:
        self.vectors = vectors
        self.ids: list[str] = []
        places: dict[bytes, tuple[int, int]] = {}
        for article in leads:
            for row, sentence in enumerate(article.sentences):
                places.setdefault(text_digest(sentence.text), (len(self.ids), row))
            self.ids.append(article.id)
        self.places = places

    def __getitem__(self, text: str) -> np.ndarray:
        k, row = self.places[text_digest(text)]
        return np.asarray(self.vectors[self.ids[k]])[row]

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and text_digest(text) in self.places

    def __iter__(self):
        raise TypeError("lead texts are looked up, not listed")

    def __len__(self) -> int:
        return len(self.places)


class _Without(Mapping):
    """``vectors`` less the ids in ``left_out``."""

    def __init__(self, vectors: Mapping[str, np.ndarray], left_out: set[str]) -> None:
        self.vectors, self.left_out = vectors, left_out

    def __getitem__(self, article_id: str) -> np.ndarray:
        if article_id in self.left_out:
            raise KeyError(article_id)
        return self.vectors[article_id]

    def __contains__(self, article_id: object) -> bool:
        return article_id not in self.left_out and article_id in self.vectors

    def __iter__(self):
        return (i for i in self.vectors if i not in self.left_out)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def text_digest(text: str) -> bytes:
    """A 16-byte digest of a sentence text (equal texts, equal digests), kept instead of the text."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
