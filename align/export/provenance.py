"""Where a segment pair came from, and how duplicates pool their origins.

A pair found in several document pairs keeps all of them: the four provenance fields of
:class:`AlignedPair` then hold parallel lists joined by ``SEP`` (``src_doc="a:0;b:3"``,
``src_file="a.txt;b.txt"``...), one entry per occurrence.
"""

from __future__ import annotations

from dataclasses import replace

from align.records import AlignedPair

SEP = ";"

Occurrence = tuple[str, str, str, str]  # src_file, src_doc, tgt_file, tgt_doc


def occurrences(pair: AlignedPair) -> list[Occurrence]:
    """The (src_file, src_doc, tgt_file, tgt_doc) origins of ``pair``, in corpus order."""
    fields = [pair.src_file.split(SEP), pair.src_doc.split(SEP), pair.tgt_file.split(SEP), pair.tgt_doc.split(SEP)]
    width = max(len(f) for f in fields)
    padded = [f if len(f) == width else f + [f[-1]] * (width - len(f)) for f in fields]
    return list(zip(*padded))


def merge(first: AlignedPair, later: AlignedPair) -> AlignedPair:
    """One pair standing for two identical ones: the better score and bead type, every origin once."""
    origins = list(dict.fromkeys(occurrences(first) + occurrences(later)))
    best = later if later.score > first.score else first
    src_file, src_doc, tgt_file, tgt_doc = (SEP.join(column) for column in zip(*origins))
    return replace(best, src_file=src_file, src_doc=src_doc, tgt_file=tgt_file, tgt_doc=tgt_doc)


def source_urls(pair: AlignedPair) -> tuple[str, str]:
    """Bitextor-style url columns: ``<source file>#<source article id>`` and the same for the target."""
    origins = occurrences(pair)
    src = SEP.join(dict.fromkeys(_url(f, d) for f, d, _, _ in origins))
    tgt = SEP.join(dict.fromkeys(_url(f, d) for _, _, f, d in origins))
    return src, tgt


def _url(file: str, doc: str) -> str:
    return f"{file}#{doc}" if file or doc else ""
