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
from typing import Callable, Iterable, Iterator, Protocol

import numpy as np

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
    kept, counts = filter_stream(pairs, options)
    return list(kept()), counts


class Pairs(Protocol):
    """Where :func:`filter_stream` keeps the pairs that pass (a list, or a store on disk)."""

    def append(self, pair: AlignedPair) -> None: ...

    def __iter__(self) -> Iterator[AlignedPair]: ...


def filter_stream(pairs: Iterable[AlignedPair], options: FilterOptions, into: Pairs | None = None,
                  ) -> tuple[Callable[[], Iterator[AlignedPair]], Counter]:
    """``filter_pairs`` for a corpus too big to hold: ``pairs`` (e.g. rendered from the beads) is read
    once, and the cleaned pairs that pass every filter but ``duplicate`` go to ``into`` (a list by
    default; a store on disk for a big corpus).

    Returns a function giving the kept pairs (the same, in the same order, as ``filter_pairs``: a
    duplicated pair once, at its first place, with the provenance of every copy) each time it is
    called, reading ``into`` once per call, and the drop counts. Memory holds one 16-byte hash per
    pair that passed, and the later copies of duplicated pairs (``into`` is read once more to find them).
    """
    counts: Counter = Counter({name: 0 for name in _enabled(options)})
    out = [] if into is None else into
    keys, passed = bytearray(), 0  # each passing pair's _key, in order (when deduplicating)
    for pair in _cleaned(pairs):
        reason = _drop_reason(pair, options)
        if reason:
            counts[reason] += 1
            continue
        out.append(pair)
        passed += 1
        if options.dedupe:
            keys += _key(pair)
    later = np.zeros(passed, dtype=bool)  # a later copy of an earlier pair
    copies: dict[int, list[AlignedPair]] = {}  # the first copy's place -> its later copies, in order
    if keys:
        _, first_rows, inverse = np.unique(np.frombuffer(keys, dtype="V16"), return_index=True, return_inverse=True)
        first = first_rows[inverse.ravel()]  # each pair's first copy
        later = first != np.arange(len(first))
        counts["duplicate"] = int(later.sum())
        if counts["duplicate"]:
            for row, pair in enumerate(out):
                if later[row]:
                    copies.setdefault(int(first[row]), []).append(pair)
    del keys

    def kept() -> Iterator[AlignedPair]:
        for row, pair in enumerate(out):
            if not later[row]:
                for copy in copies.get(row, ()):
                    pair = merge(pair, copy)
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
