"""Moses-style plain-text corpus: ``corpus.<src>`` and ``corpus.<tgt>`` (``corpus.en``, ``corpus.id``),
line n of one translating line n of the other."""

from __future__ import annotations

import os
from typing import Iterable

from align.atomic import atomic_open
from align.export.text import clean_segment
from align.records import AlignedPair


def write_moses(src_path: str | os.PathLike, tgt_path: str | os.PathLike, pairs: Iterable[AlignedPair]) -> int:
    """Write the source and target sides line by line; return the (equal) line count.

    Pairs with an empty side (1-0/0-1 beads) are skipped: an empty line is no training example.
    """
    count = 0
    with atomic_open(src_path) as src_handle, atomic_open(tgt_path) as tgt_handle:
        for pair in pairs:
            src, tgt = clean_segment(pair.src), clean_segment(pair.tgt)
            if src and tgt:
                src_handle.write(src + "\n")
                tgt_handle.write(tgt + "\n")
                count += 1
    return count
