"""Document pairing: source-language article <-> target-language article, one-to-one, unpaired allowed.

Candidates are each article's nearest neighbours over document vectors (centred means of the given
sentence vectors, searched block by block, never stored all-pairs); each candidate is scored from
several signals and pairs are linked greedily best-first above a threshold. Nothing is embedded here.

Evidence of a DocPair (what ``pairs.jsonl`` shows for an audit):

* ``doc_cos``, ``doc_margin``: cosine of the document vectors, and that cosine against both
  articles' nearest neighbours (CSLS: ``2 cos - hub_src - hub_tgt``; > 0 stands out from the crowd).
* ``sentences_matched``: share of sentences in a mutual-best cross-language match;
  ``sentence_strength``: those matches scored -1..+1 by how far their cosine stands above random
  source/target sentence pairs of this corpus, summed and divided by the longer article (the main signal).
* ``in_order``: share of the longer article's sentences in the longest in-order chain of strong
  mutual matches; below ``min_in_order_share`` a candidate is a related report, not a translation,
  and is never linked however high its other signals.
* ``numbers``, ``names``: Dice overlap of the numbers and of the capitalised words (None: neither
  article has any); ``title``: the titles' match strength (None: a title is not sentence 0).
* ``length_log_ratio``: log(target chars / source chars), scored against the length prior of the
  two language profiles; ``date_gap_days``: None when a date is unknown.
* ``raw``: the weighted sum (``score = sigmoid(raw)``); ``runner_up_gap``: raw minus the best
  competing candidate of either article (small: a near-duplicate was a close second).
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace

import numpy as np

from align import languages
from align.errors import AlignError
from align.languages import DEFAULT_SRC, DEFAULT_TGT
from align.pair import signals
from align.pair.assign import assign_one_to_one
from align.pair.config import PairConfig
from align.pair.dates import article_day, day_gap
from align.pair.parallel import in_order_share
from align.pair.retrieval import candidate_pairs, document_vectors
from align.records import Article, DocPair

__all__ = ["PairConfig", "pair_articles", "length_prior"]


def pair_articles(
    articles: Iterable[Article], vectors: Mapping[str, np.ndarray], config: PairConfig | None = None,
    src: str = DEFAULT_SRC, tgt: str = DEFAULT_TGT, pairable: Collection[str] | None = None,
) -> list[DocPair]:
    """Pair articles in language ``src`` with articles in ``tgt`` (articles in other languages are
    left out; ``articles`` is iterated twice and may read them from disk); ``vectors[a.id]`` is a's
    (n_sentences x d) unit matrix. Only articles whose ids are in
    ``pairable`` (None: all) may be linked; the others calibrate the corpus statistics only.

    Returns one DocPair per linked pair, in the order of the source articles; ``score`` in [0, 1]
    says how sure the link is and ``evidence`` holds every signal behind it.
    """
    config = config or PairConfig()
    if config.length_centre is None:
        config = replace(config, length_centre=length_prior(src, tgt))
    src_side = _Side((a for a in articles if a.lang == src), vectors, config, pairable)
    tgt_side = _Side((a for a in articles if a.lang == tgt), vectors, config, pairable)
    return _pair_sides(src_side, tgt_side, config)


def length_prior(src: str, tgt: str) -> float:
    """The expected log(target chars / source chars) of a translation, from the two profiles."""
    return math.log(languages.get(tgt).length / languages.get(src).length)


def _pair_sides(src: _Side, tgt: _Side, config: PairConfig) -> list[DocPair]:
    if not src.ids or not tgt.ids:
        return []
    if max(len(src.ids), len(tgt.ids)) < config.min_background_articles:
        return _tiny_corpus_pairs(src, tgt, config)
    search = (config.block_size, config.block_cells)
    candidates, s_hub, t_hub = candidate_pairs(src.docs, tgt.docs, config.neighbours, *search, hubs=config.csls_k)
    if not (src.pairable.all() and tgt.pairable.all()):  # candidates among the pairable articles alone
        ps, pt = np.flatnonzero(src.pairable), np.flatnonzero(tgt.pairable)
        found = candidate_pairs(src.docs[ps], tgt.docs[pt], config.neighbours, *search)[0] if len(ps) and len(pt) \
            else np.zeros((0, 2), dtype=np.int64)
        candidates = np.stack([ps[found[:, 0]], pt[found[:, 1]]], axis=1)
    background = signals.background(src.matrices, tgt.matrices, config.background_samples, config.seed)

    def evidence(s: int, t: int) -> dict:
        cos = float(src.docs[s] @ tgt.docs[t])
        margin = 2 * cos - float(s_hub[s]) - float(t_hub[t])
        return {"doc_cos": cos, "doc_margin": margin, **_evidence(src, tgt, s, t, background, config)}

    # only the scores of all candidates are kept; evidence is rebuilt for the linked pairs alone.
    # Candidates come sorted by source article, so each source matrix is read once.
    raw = {(s, t): _raw_score(ev, config) for s, t in candidates.tolist()
           if (ev := evidence(s, t))["in_order"] >= config.min_in_order_share}  # comparable is not parallel
    min_raw = math.log(config.threshold / (1 - config.threshold))
    pairs = []
    for s, t, runner_up in sorted(assign_one_to_one(raw, min_raw)):
        gap = raw[s, t] - runner_up if runner_up > -math.inf else None
        ev = dict(evidence(s, t), raw=raw[s, t], runner_up_gap=gap)
        pairs.append(DocPair(src.ids[s], tgt.ids[t], _sigmoid(raw[s, t]), _rounded(ev)))
    return pairs


def _tiny_corpus_pairs(src: _Side, tgt: _Side, config: PairConfig) -> list[DocPair]:
    """Pairs for a corpus of one or two articles a side, where random sentence pairs mostly come
    from the same story and cannot calibrate cosines: mutual-best documents whose sentence matches
    mostly keep document order. ``score`` is that share of matches in order."""
    cos = src.docs @ tgt.docs.T
    pairs = []
    for s in range(len(src.ids)):
        t = int(cos[s].argmax())
        if int(cos[:, t].argmax()) != s or not (src.pairable[s] and tgt.pairable[t]):
            continue
        n, m = len(src.matrices[s]), len(tgt.matrices[t])
        rows, cols, _ = signals.sentence_matches(src.matrices[s], tgt.matrices[t])
        share = signals.order_share(rows, cols, n, m, config.order_tolerance)
        ev = {"doc_cos": float(cos[s, t]), "order_share": share, "sentences_matched": 2 * len(rows) / (n + m),
              "tiny_corpus": True}
        if share >= config.min_order_share and ev["sentences_matched"] >= config.min_matched_share:
            pairs.append(DocPair(src.ids[s], tgt.ids[t], share, _rounded(ev)))
    return pairs


class _Side:
    """What the signals need of the articles of one language, computed once per article and kept
    compact (ids, lengths, dates, anchors as hashes; sentence matrices read when asked for), so a
    side of a big corpus holds no article text.

    ``matrices`` leave out sentences whose text recurs in ``config.boilerplate_articles`` or more
    articles of the language (leaked boilerplate would match across languages in every candidate),
    unless that would leave an article empty.
    """

    def __init__(self, articles: Iterable[Article], vectors: Mapping[str, np.ndarray], config: PairConfig,
                 pairable: Collection[str] | None = None) -> None:  # fmt: skip
        self.ids: list[str] = []
        self.titled: list[bool] = []  # sentence 0 is the title: its vector stands for the title
        self.anchors: list[tuple[np.ndarray, np.ndarray]] = []
        self.chars: list[int] = []
        self.dates = []
        hashes: list[np.ndarray] = []  # each article's sentence-text hashes, in order
        for article in articles:
            matrix = _checked_matrix(article, vectors)
            if matrix is None or not len(matrix):
                continue
            texts = [s.text for s in article.sentences]
            self.ids.append(article.id)
            self.titled.append(_starts_with_title(article))
            self.anchors.append(signals.anchor_hashes(texts))
            self.chars.append(sum(map(len, texts)))
            self.dates.append(article_day(article.date))
            hashes.append(signals.text_hashes(texts))
        self.matrices = _Matrices(vectors, self.ids)
        if hashes:  # in how many articles of the side each text occurs
            keys, counts = np.unique(np.concatenate([np.unique(h) for h in hashes]), return_counts=True)
            for k, article_hashes in enumerate(hashes):
                keep = counts[np.searchsorted(keys, article_hashes)] < config.boilerplate_articles
                if 0 < keep.sum() < len(keep):
                    self.matrices.masks[k] = keep
        self.docs = document_vectors(self.matrices, config.centre_prior)
        self.pairable = np.array([pairable is None or i in pairable for i in self.ids], dtype=bool)


class _Matrices(Sequence):
    """The sentence matrices of one side's articles, taken from ``vectors`` when asked for (they may
    be read from a file; the last one read is kept), less the rows ``masks[k]`` leaves out of article ``k``."""

    def __init__(self, vectors: Mapping[str, np.ndarray], ids: list[str]) -> None:
        self.vectors, self.ids = vectors, ids
        self.masks: dict[int, np.ndarray] = {}
        self._last: tuple[int, np.ndarray] | None = None

    def __len__(self) -> int:
        return len(self.ids)

    def whole(self, k: int) -> np.ndarray:
        """Article ``k``'s matrix with every row (float16 or float32, as stored)."""
        if self._last is None or self._last[0] != k:
            self._last = (k, np.asarray(self.vectors[self.ids[k]]))
        return self._last[1]

    def __getitem__(self, k: int) -> np.ndarray:
        matrix = self.whole(k)
        return matrix[self.masks[k]] if k in self.masks else matrix


def _checked_matrix(article: Article, vectors: Mapping[str, np.ndarray]) -> np.ndarray | None:
    """The article's sentence matrix (float16 or float32, as stored; never copied), or None for an
    article without sentences."""
    matrix = vectors.get(article.id)
    if matrix is None:
        if article.sentences:
            raise AlignError(f"{article.file}: article {article.id} has no sentence vectors for pairing")
        return None
    matrix = np.asarray(matrix)
    if matrix.dtype not in (np.float16, np.float32):
        matrix = matrix.astype(np.float32)
    if matrix.ndim != 2 or (article.sentences and len(matrix) != len(article.sentences)):
        raise AlignError(
            f"{article.file}: article {article.id} has {len(article.sentences)} sentences "
            f"but a vector matrix of shape {matrix.shape}"
        )
    return matrix


def _starts_with_title(article: Article) -> bool:
    """Whether sentence 0 is (part of) the title, so its vector stands for the title."""
    return bool(article.sentences and article.title and article.sentences[0].text.strip() in article.title)


def _evidence(src: _Side, tgt: _Side, s: int, t: int, background, config: PairConfig) -> dict:
    a, b = src.matrices[s], tgt.matrices[t]
    rows, cols, cosines = signals.sentence_matches(a, b)
    strength = signals.match_strength(cosines, background, config.z_translation, config.z_width)
    ev = {
        "sentences_matched": 2 * len(rows) / (len(a) + len(b)),
        "in_order": in_order_share(rows, cols, strength, len(a), len(b)),
        "sentence_strength": float(strength.sum()) / max(len(a), len(b)),
        "numbers": signals.overlap(src.anchors[s][0], tgt.anchors[t][0]),
        "names": signals.overlap(src.anchors[s][1], tgt.anchors[t][1]),
        "length_log_ratio": signals.length_log_ratio(src.chars[s], tgt.chars[t]),
        "date_gap_days": day_gap(src.dates[s], tgt.dates[t]),
        "title": None,
    }
    if src.titled[s] and tgt.titled[t]:  # sentence 0 of each article, masked or not
        titles = src.matrices.whole(s)[0].astype(np.float32), tgt.matrices.whole(t)[0].astype(np.float32)
        cos = np.array([titles[0] @ titles[1]])
        ev["title"] = float(signals.match_strength(cos, background, config.z_translation, config.z_width)[0])
    return ev


def _raw_score(ev: dict, c: PairConfig) -> float:
    """Weighted sum of the signals; unknown signals (None) count as neutral."""
    raw = c.w_doc * ev["doc_margin"] + c.w_sentences * (ev["sentence_strength"] - c.sentences_offset)
    if ev["numbers"] is not None:
        raw += c.w_numbers * (ev["numbers"] - c.numbers_offset)
    if ev["names"] is not None:
        raw += c.w_names * (ev["names"] - c.names_offset)
    if ev["title"] is not None:
        raw += c.w_title * ev["title"]
    raw -= c.w_length * max(0.0, abs(ev["length_log_ratio"] - c.length_centre) - c.length_tolerance)
    if ev["date_gap_days"] is not None and ev["date_gap_days"] <= c.date_window_days:
        raw += c.w_date
    return raw


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(x, 50.0), -50.0)))


def _rounded(ev: dict) -> dict:
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in ev.items()}
