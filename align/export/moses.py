"""Moses-style plain-text corpus: ``corpus.<src>`` and ``corpus.<tgt>`` (``corpus.en``, ``corpus.id``),
line n of one translating line n of the other."""

from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator

from align.atomic import atomic_open
from align.export.text import clean_segment
from align.records import AlignedPair


def write_moses(src_path: str | os.PathLike, tgt_path: str | os.PathLike, pairs: Iterable[AlignedPair]) -> int:
    """Write the source and target sides line by line; return the (equal) line count (see
    :func:`moses_writer`)."""
    with moses_writer(src_path, tgt_path) as write:
        return sum(write(pair) for pair in pairs)


@contextmanager
def moses_writer(src_path: str | os.PathLike, tgt_path: str | os.PathLike) -> Iterator[Callable[[AlignedPair], bool]]:
    """The two sides' files written one pair at a time: gives a function that writes a pair's lines
    and says whether it wrote them. Pairs with an empty side (1-0/0-1 beads) are skipped: an empty
    line is no training example. The files replace the paths when the block ends without error."""
    with atomic_open(src_path) as src_handle, atomic_open(tgt_path) as tgt_handle:
        def write(pair: AlignedPair) -> bool:
            src, tgt = clean_segment(pair.src), clean_segment(pair.tgt)
            if src and tgt:
                src_handle.write(src + "\n")
                tgt_handle.write(tgt + "\n")
            return bool(src and tgt)

        yield write
