"""Tunables of document pairing."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class PairConfig:
    """Settings of the pairing stage.

    A candidate's raw score is a weighted sum of signals, each centred on the value that separates
    translations from related but untranslated articles; ``score = sigmoid(raw)``, and pairs below
    ``threshold`` stay unpaired. Defaults are round numbers set on eval-dev (bundled e5 model) and on
    copies of it with the partners of many articles removed.
    """

    neighbours: int = 10  # candidates retrieved per article, in each direction
    csls_k: int = 4  # neighbourhood size for the doc-vector margin (CSLS)
    centre_prior: float = 20.0  # articles before the per-language mean is fully subtracted
    block_size: int = 1024  # query rows per tile of the nearest-neighbour search
    block_cells: int = 2_000_000  # cells per search tile (~8 MB of products at any corpus size)
    boilerplate_articles: int = 3  # a sentence text in this many articles of one language is ignored
    background_samples: int = 20000  # random source/target sentence pairs that calibrate sentence cosines
    seed: int = 0
    z_translation: float = 3.5  # z of a sentence match that is as likely translation as not
    z_width: float = 1.5
    w_doc: float = 2.0
    w_sentences: float = 8.0  # the decisive signal: related stories share few strong sentence matches
    sentences_offset: float = 0.45
    w_numbers: float = 1.5
    numbers_offset: float = 0.3
    w_names: float = 1.5
    names_offset: float = 0.2
    w_title: float = 0.25  # titles are short: related stories' titles often match strongly too
    w_length: float = 4.0
    length_centre: float | None = None  # expected log(tgt chars / src chars); None: from the profiles' lengths
    length_tolerance: float = 0.3
    w_date: float = 0.3  # bonus only: dates in real dumps are often the page's, not the story's
    date_window_days: int = 1
    threshold: float = 0.5
    min_background_articles: int = 3  # fewer articles on both sides: random pairs can't calibrate cosines
    min_order_share: float = 0.6  # tiny corpora: share of sentence matches in document order to pair
    min_matched_share: float = 0.5  # tiny corpora: share of both articles' sentences that must match
    order_tolerance: float = 0.2  # tiny corpora: how far (share of the article) a match may stray from the diagonal
    min_in_order_share: float = 0.4  # in-order strong matches over the longer article, below: not a translation
    two_stage: bool = True  # embed the lead sentences first; whole articles only with a candidate partner
    min_two_stage_articles: int = 50  # fewer articles a side: embed all (cheap, and too few to calibrate the first look)
    lead_sentences: int = 2  # sentences of each article (title and lead) that the first look embeds
    lead_z: float = 4.5  # z of the best lead-sentence match below which a candidate is ruled out
    lead_length_tolerance: float = 0.45  # |log length ratio - length_centre| above which it is ruled out

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold < 1.0:
            raise ValueError(f"pairing threshold must lie strictly between 0 and 1, not {self.threshold}")

    def to_json(self) -> dict:
        return asdict(self)
