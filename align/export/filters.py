"""Corpus hygiene before export: each filter drops pairs and counts what it dropped.

Filters run in a fixed order and a pair is counted once, by the first filter that drops it:
``empty`` (no text left on either side after cleaning), ``unmatched`` (1-0/0-1 beads, or a side
left empty by cleaning; kept with ``keep_unmatched``),
``min_score``, ``no_letters`` (a side of only digits/punctuation/symbols), ``identical`` (both sides
the same text), ``length_ratio`` and finally ``duplicate`` (exact repeats across the corpus; the
copy kept has the best score and the provenance of every copy). A bead a reviewer kept
(``AlignedPair.review`` set by `align review`) passes ``min_score`` and ``length_ratio`` whatever it scores.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Iterable

from align.export.provenance import merge
from align.export.text import clean_segment, has_letter
from align.records import AlignedPair


@dataclass(frozen=True)
class FilterOptions:
    """Which pairs to keep. ``max_length_ratio=None`` disables the length filter."""

    min_score: float = 0.0
    keep_unmatched: bool = False
    dedupe: bool = True
    drop_trivial: bool = True
    max_length_ratio: float | None = 3.0


def _drop_reason(pair: AlignedPair, options: FilterOptions) -> str | None:
    if not pair.src and not pair.tgt:
        return "empty"
    unmatched = not pair.src or not pair.tgt or "0" in pair.kind.split("-")
    if unmatched and not options.keep_unmatched:
        return "unmatched"
    if pair.score < options.min_score and not pair.review:  # a reviewer's bead is kept whatever its score
        return "min_score"
    if unmatched:
        return None
    if options.drop_trivial:
        if not has_letter(pair.src) or not has_letter(pair.tgt):
            return "no_letters"
        if pair.src.casefold() == pair.tgt.casefold():
            return "identical"
    if options.max_length_ratio is not None and not pair.review:
        short, long_ = sorted((len(pair.src), len(pair.tgt)))
        if long_ > options.max_length_ratio * short:
            return "length_ratio"
    return None


def filter_pairs(pairs: Iterable[AlignedPair], options: FilterOptions) -> tuple[list[AlignedPair], Counter]:
    """Clean every segment, drop the pairs the options reject, and count drops per filter.

    Returns the kept pairs (corpus order, texts cleaned) and a Counter holding every enabled
    filter's name, zero included, so a report can list them all.
    """
    counts: Counter = Counter({name: 0 for name in _enabled(options)})
    kept: dict[object, AlignedPair] = {}
    for index, raw in enumerate(pairs):
        pair = replace(raw, src=clean_segment(raw.src), tgt=clean_segment(raw.tgt))
        reason = _drop_reason(pair, options)
        if reason:
            counts[reason] += 1
            continue
        key = (pair.src, pair.tgt) if options.dedupe else index
        if key in kept:
            counts["duplicate"] += 1
            kept[key] = merge(kept[key], pair)
        else:
            kept[key] = pair
    return list(kept.values()), counts


def _enabled(options: FilterOptions) -> list[str]:
    names = ["empty"] + ([] if options.keep_unmatched else ["unmatched"]) + ["min_score"]
    if options.drop_trivial:
        names += ["no_letters", "identical"]
    if options.max_length_ratio is not None:
        names.append("length_ratio")
    if options.dedupe:
        names.append("duplicate")
    return names
