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

import hashlib
from collections import Counter
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Iterator

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
    pairs = list(_cleaned(pairs))  # cleaned once; the stream's second look takes clean text's fast path
    kept, counts = filter_stream(lambda: pairs, options)
    return list(kept()), counts


def filter_stream(pairs: Callable[[], Iterable[AlignedPair]], options: FilterOptions,
                  ) -> tuple[Callable[[], Iterator[AlignedPair]], Counter]:
    """``filter_pairs`` for a corpus too big to hold: ``pairs()`` gives the segment pairs afresh each
    time it is called (e.g. rendered from the beads), and is read once here.

    Returns a function giving the kept pairs (the same, in the same order, as ``filter_pairs``) each
    time it is called, reading ``pairs()`` once per call, and the drop counts. Memory holds one
    16-byte hash per distinct kept pair, plus the later copies of duplicated pairs.
    """
    counts: Counter = Counter({name: 0 for name in _enabled(options)})
    seen: set[bytes] = set()
    copies: dict[bytes, list[AlignedPair]] = {}  # key of a duplicated pair -> its later copies, in order
    for pair in _cleaned(pairs()):
        reason = _drop_reason(pair, options)
        if reason:
            counts[reason] += 1
        elif options.dedupe:
            key = _key(pair)
            if key in seen:
                counts["duplicate"] += 1
                copies.setdefault(key, []).append(pair)
            seen.add(key)
    del seen

    def kept() -> Iterator[AlignedPair]:
        written: set[bytes] = set()  # duplicated pairs already given (their first copy, merged)
        for pair in _cleaned(pairs()):
            if _drop_reason(pair, options):
                continue
            key = _key(pair) if copies else b""
            if key in copies:
                if key in written:
                    continue
                written.add(key)
                for later in copies[key]:
                    pair = merge(pair, later)
            yield pair

    return kept, counts


def _cleaned(pairs: Iterable[AlignedPair]) -> Iterator[AlignedPair]:
    for raw in pairs:
        yield replace(raw, src=clean_segment(raw.src), tgt=clean_segment(raw.tgt))


def _key(pair: AlignedPair) -> bytes:
    """A 16-byte hash of the pair's two texts (what makes two pairs duplicates)."""
    return hashlib.blake2b(f"{pair.src}\0{pair.tgt}".encode(), digest_size=16).digest()


def _enabled(options: FilterOptions) -> list[str]:
    names = ["empty"] + ([] if options.keep_unmatched else ["unmatched"]) + ["min_score"]
    if options.drop_trivial:
        names += ["no_letters", "identical"]
    if options.max_length_ratio is not None:
        names.append("length_ratio")
    if options.dedupe:
        names.append("duplicate")
    return names
