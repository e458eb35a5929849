"""The facts a run report shows, computed once from a RunResult for both the Markdown and HTML views."""

from __future__ import annotations

import heapq
import platform
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from align import __version__
from align.export.calibration import bead_confidence
from align.config import flatten
from align.embed.base import model_version
from align.languages import DEFAULT_SRC, DEFAULT_TGT
from align.result import RunResult
from align.records import Article
from align.spill import by_id

LISTED_UNPAIRED = 50  # unpaired articles listed per language (all are counted)
LISTED_UNMATCHED = 50  # unmatched sentences listed (all are counted)
NULL_SCORE_MEANING = (
    "A 1-0 or 0-1 bead holds a sentence the aligner found no counterpart for. Its score is the "
    "confidence that the sentence really has none: high when it resembles neither neighbouring "
    "sentence of the other side, low when it might belong to one of them (then the other side may "
    "hold a translation the aligner grouped elsewhere)."
)


@dataclass(frozen=True)
class ReviewItem:
    """One pair or bead shown side by side for review: the source and target text with a score."""

    score: float
    kind: str
    src_text: str
    tgt_text: str
    src_ref: str
    tgt_ref: str


@dataclass
class Summary:
    """Tables of one run report; each table is a list of rows of plain values."""

    title: str
    counts: list[tuple[str, str, int]]
    bead_kinds: list[tuple[str, int, float]]
    boilerplate: list[tuple[str, int, str]]  # rule, lines dropped, a few of them
    filtered: list[tuple[str, int]]
    skipped: list[tuple[str, str]]
    timings: list[tuple[str, float]]
    signature: list[tuple[str, str]]
    inputs: list[tuple[str, str]]
    lowest_pairs: list[ReviewItem]
    lowest_beads: list[ReviewItem]
    pair_scores: list[float] = field(default_factory=list)
    bead_scores: dict[str, list[float]] = field(default_factory=dict)
    outputs: list[str] = field(default_factory=list)
    src: str = DEFAULT_SRC  # language code of the source side
    tgt: str = DEFAULT_TGT
    run_id: str = ""
    threshold: list[str] = field(default_factory=list)  # sentences on the export threshold applied
    warnings: list[str] = field(default_factory=list)
    unpaired: list[tuple[str, str, str, str]] = field(default_factory=list)  # lang, article id, title, file
    unpaired_more: int = 0  # unpaired articles counted but not listed
    unmatched: list[tuple[float, str, str, str]] = field(default_factory=list)  # score, lang, where, sentence
    unmatched_more: int = 0
    null_meaning: str = NULL_SCORE_MEANING


def summarize(result: RunResult) -> Summary:
    """Collect counts per stage, score distributions, the weakest pairs and beads, and the signature."""
    articles = by_id(result.articles)  # a run's ArticleStore reads each one when asked for
    kinds = Counter(b.kind for item in result.alignments for b in item.beads)
    total_beads = sum(kinds.values())
    return Summary(
        title=f"align run report: {Path(result.outdir).name or result.outdir}",
        counts=_stage_counts(result, kinds),
        bead_kinds=[(k, n, n / total_beads) for k, n in sorted(kinds.items(), key=_kind_order)],
        boilerplate=[(rule, n, " · ".join(_clip(line) for line in result.removed_examples.get(rule, [])))
                     for rule, n in sorted(result.removed_lines.items(), key=lambda kv: (-kv[1], kv[0]))],
        filtered=sorted(result.filter_drops.items(), key=lambda kv: (-kv[1], kv[0])),
        skipped=sorted(result.skipped_files.items()),
        timings=_timings(result.timings),
        signature=_signature(result),
        inputs=sorted(result.inputs.items()),
        lowest_pairs=_lowest_pairs(result, articles),
        lowest_beads=_lowest_beads(result, articles),
        pair_scores=[p.score for p in result.pairs],
        bead_scores=_bead_scores(result),
        outputs=list(result.outputs),
        src=result.config.src,
        tgt=result.config.tgt,
        run_id=result.run_id,
        threshold=_threshold(result),
        warnings=list(result.warnings),
        **_unpaired(result, articles),
        **_unmatched(result, articles),
    )


def _clip(line: str, limit: int = 100) -> str:
    """A removed line as the report shows it: cut at ``limit`` characters."""
    return line if len(line) <= limit else line[:limit].rstrip() + "…"


def _timings(timings: dict[str, float]) -> list[tuple[str, float]]:
    """Seconds per stage and the run's total (the one the command line prints)."""
    if not timings:
        return []
    stages = [(k, v) for k, v in timings.items() if k != "total"]
    return [*stages, ("total", timings.get("total", round(sum(v for _, v in stages), 3)))]


def _threshold(result: RunResult) -> list[str]:
    """What the min_score filter applied and dropped, in words."""
    calibration = result.calibration
    if calibration is None:
        lines = [f"Scores are the aligner's raw bead scores; export threshold {result.min_score:.2f}."]
    else:
        lines = [f"Scores of beads with text on both sides are calibrated confidences (probability that "
                 f"the pair is a correct translation), fit for {calibration.model} on development data."]
        if result.config.export.min_score is None:
            figures = calibration.fit.get("figures", {}).get("pooled (out of fold)", {})
            lines.append(f"Default export threshold {result.min_score:.2f}: on the development data the pairs "
                         f"it keeps are {figures.get('precision', 0):.1%} correct and it drops "
                         f"{figures.get('correct_lost', 0):.1%} of the correct ones. `--min-score 0` keeps every pair.")
        else:
            lines.append(f"Export threshold {result.min_score:.2f} (set with --min-score).")
    lines.append(f"Segment pairs the threshold dropped: {result.filter_drops.get('min_score', 0)} (row min_score above).")
    return lines


def _unpaired(result: RunResult, articles: Mapping[str, Article]) -> dict:
    """Unpaired articles per language in file order; only the listed ones' titles are looked up."""
    paired = {p.src for p in result.pairs} | {p.tgt for p in result.pairs}
    lonely = [(a.lang, a.file, a.line_start, a.id) for a in result.articles
              if a.lang in (result.config.src, result.config.tgt) and a.id not in paired]
    lonely.sort(key=lambda row: row[:3])
    listed, per_lang = [], Counter()
    for lang, file, _line, article_id in lonely:
        per_lang[lang] += 1
        if per_lang[lang] <= LISTED_UNPAIRED:
            listed.append((lang, article_id, _article_text(articles[article_id]), file))
    return {"unpaired": listed, "unpaired_more": len(lonely) - len(listed)}


def _unmatched(result: RunResult, articles: Mapping[str, Article]) -> dict:
    """Sentences left in 1-0 / 0-1 beads, weakest first (only the listed ones are kept while counting)."""
    count = 0

    def rows() -> Iterator[tuple[float, str, str, str]]:
        nonlocal count
        for item in result.alignments:
            nulls = [b for b in item.beads if not (b.src and b.tgt)]
            src, tgt = (articles.get(item.pair.src), articles.get(item.pair.tgt)) if nulls else (None, None)
            for bead in nulls:
                if src is None or tgt is None:
                    continue
                article, index = (src, bead.src[0]) if bead.src else (tgt, bead.tgt[0])
                text = article.sentences[index].text if index < len(article.sentences) else ""
                count += 1
                yield bead.score, article.lang, f"{article.id} #{index}", text

    found = heapq.nsmallest(LISTED_UNMATCHED, rows(), key=lambda row: (row[0], row[2]))
    return {"unmatched": found, "unmatched_more": max(0, count - LISTED_UNMATCHED)}


def _kind_order(item: tuple[str, int]) -> tuple[int, int, str]:
    src, tgt = (int(x) for x in item[0].split("-"))
    return (src == 0 or tgt == 0, src + tgt, item[0])


def _stage_counts(result: RunResult, kinds: Counter) -> list[tuple[str, str, int]]:
    langs = result.articles_by_lang()
    pair_langs = (result.config.src, result.config.tgt)
    paired = {p.src for p in result.pairs} | {p.tgt for p in result.pairs}
    unpaired = Counter(a.lang for a in result.articles if a.lang in pair_langs and a.id not in paired)
    sentences = Counter()
    for article in result.articles:
        sentences[article.lang] += len(article.sentences)
    null_beads = sum(n for k, n in kinds.items() if k.startswith("0-") or k.endswith("-0"))
    rows = [
        ("input", "files read", len(result.inputs)),
        ("input", "files skipped", len(result.skipped_files)),
        ("segment", "boilerplate lines dropped", sum(result.removed_lines.values())),
        ("segment", "articles", len(result.articles)),
    ]
    rows += [("segment", f"articles in '{lang}'", n) for lang, n in sorted(langs.items(), key=lambda kv: -kv[1])]
    rows += [("split", f"sentences in '{lang}'", sentences[lang]) for lang in pair_langs]
    rows += [
        ("embed", "sentences embedded (cache misses)", result.sentences_embedded),
        ("pair", "document pairs", len(result.pairs)),
        *(("pair", f"unpaired '{lang}' articles", unpaired[lang]) for lang in pair_langs),
        ("pair", "articles in other languages (not aligned)", sum(n for k, n in langs.items() if k not in pair_langs)),
        ("align", "beads", sum(kinds.values())),
        ("align", "beads with both sides (segment pairs)", sum(kinds.values()) - null_beads),
        ("align", "unmatched sentences (1-0 / 0-1 beads)", null_beads),
        ("export", "segment pairs dropped by filters", sum(result.filter_drops.values())),
        ("export", "segment pairs written", result.segments_written),
    ]
    return rows


def _signature(result: RunResult) -> list[tuple[str, str]]:
    config = result.config
    rows = [("signature", config.signature()), ("align version", __version__), ("model", config.model),
            ("model version", model_version(config.model) or "unknown")]
    rows += [(f"setting: {k}", str(v)) for k, v in flatten(config).items() if k != "model"]
    rows += [("python", platform.python_version()), ("platform", platform.platform(terse=True))]
    return rows


def _article_text(article: Article | None) -> str:
    if article is None:
        return ""
    return article.title or (article.sentences[0].text if article.sentences else "")


def _lowest_pairs(result: RunResult, articles: dict[str, Article]) -> list[ReviewItem]:
    weakest = sorted(result.pairs, key=lambda p: (p.score, p.src, p.tgt))[:result.config.export.report_pairs]
    return [ReviewItem(p.score, "pair", _article_text(articles.get(p.src)), _article_text(articles.get(p.tgt)),
                       p.src, p.tgt) for p in weakest]


def _lowest_beads(result: RunResult, articles: Mapping[str, Article]) -> list[ReviewItem]:
    """The weakest beads with text on both sides (1-0 / 0-1 beads are counted, not reviewed); only
    the listed ones are kept while looking, and only their articles are read."""
    def candidates() -> Iterator[tuple]:
        for item in result.alignments:
            if item.pair.src not in articles or item.pair.tgt not in articles:
                continue
            for bead in item.beads:
                if bead.src and bead.tgt:
                    yield bead_confidence(bead, result.calibration), item.pair.src, bead.src, item.pair.tgt, bead

    weakest = heapq.nsmallest(result.config.export.report_beads, candidates(), key=lambda c: (c[0], c[1], c[2]))
    items = []
    for score, src_id, _, tgt_id, bead in weakest:
        src, tgt = articles[src_id], articles[tgt_id]
        items.append(ReviewItem(
            score, bead.kind,
            " ".join(src.sentences[i].text for i in bead.src if i < len(src.sentences)),
            " ".join(tgt.sentences[j].text for j in bead.tgt if j < len(tgt.sentences)),
            f"{src.id} #{','.join(map(str, bead.src))}", f"{tgt.id} #{','.join(map(str, bead.tgt))}",
        ))
    return items


def _bead_scores(result: RunResult) -> dict[str, list[float]]:
    """Scores of beads with both sides, grouped as '1-1' and 'other n-m'."""
    groups: dict[str, list[float]] = {"1-1": [], "other n-m": []}
    for item in result.alignments:
        for bead in item.beads:
            if bead.src and bead.tgt:
                groups["1-1" if bead.kind == "1-1" else "other n-m"].append(bead_confidence(bead, result.calibration))
    return {k: v for k, v in groups.items() if v}
