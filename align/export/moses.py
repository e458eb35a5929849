"""Moses-style plain-text corpus: ``corpus.en`` and ``corpus.id``, line n of one translating line n
of the other."""

from __future__ import annotations

import os
from typing import Iterable

from align.atomic import atomic_open
from align.export.text import clean_segment
from align.records import AlignedPair


def write_moses(en_path: str | os.PathLike, id_path: str | os.PathLike, pairs: Iterable[AlignedPair]) -> int:
    """Write the English and Indonesian sides line by line; return the (equal) line count.

    Pairs with an empty side (1-0/0-1 beads) are skipped: an empty line is no training example.
    """
    count = 0
    with atomic_open(en_path) as en_handle, atomic_open(id_path) as id_handle:
        for pair in pairs:
            en, id_ = clean_segment(pair.en), clean_segment(pair.id)
            if en and id_:
                en_handle.write(en + "\n")
                id_handle.write(id_ + "\n")
                count += 1
    return count
