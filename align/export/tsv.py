"""Tab-separated export in Bitextor's column order: url1, url2, source text, target text, score.

The url columns name where each side came from, ``<source file>#<article id>`` (several origins of
a de-duplicated pair joined by ``;``). Text is cleaned by :func:`align.export.text.clean_segment`,
so no field holds a tab or a newline and nothing is quoted.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator

from align.atomic import atomic_open
from align.export.provenance import source_urls
from align.export.text import clean_segment
from align.records import AlignedPair


def tsv_row(pair: AlignedPair) -> str | None:
    """One TSV line (without newline) for ``pair``, or None when both sides are empty."""
    src, tgt = clean_segment(pair.src), clean_segment(pair.tgt)
    if not src and not tgt:
        return None
    url1, url2 = (clean_segment(url) for url in source_urls(pair))
    return "\t".join((url1, url2, src, tgt, f"{pair.score:.4f}"))


def write_tsv(path: str | os.PathLike, pairs: Iterable[AlignedPair]) -> int:
    """Write one line per pair (pairs with no text on either side skipped); return the line count."""
    with tsv_writer(path) as write:
        return sum(write(pair) for pair in pairs)


@contextmanager
def tsv_writer(path: str | os.PathLike) -> Iterator[Callable[[AlignedPair], bool]]:
    """A TSV file written one pair at a time: gives a function that writes a pair's line (none for a
    pair with no text on either side) and says whether it wrote one. The file replaces ``path`` when
    the block ends without error."""
    with atomic_open(path) as handle:
        def write(pair: AlignedPair) -> bool:
            row = tsv_row(pair)
            if row is not None:
                handle.write(row + "\n")
            return row is not None

        yield write
