"""TMX 1.4b writer: streamed with lxml's incremental serialiser, one ``<tu>`` in memory at a time.

Each unit carries ``<prop>``s (bead score, bead type, document pair, source files) before its two
``<tuv>``s; segments are plain text cleaned by :func:`align.export.text.clean_segment`. The output
validates against ``align/data/tmx14b.dtd``.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Callable, Iterable, Iterator

from lxml import etree

from align import __version__
from align.atomic import atomic_open
from align.errors import InputError
from align.export.text import clean_segment
from align.languages import DEFAULT_SRC, DEFAULT_TGT
from align.records import AlignedPair

DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def tmx_date(moment: datetime | None = None) -> str:
    """A TMX date (``YYYYMMDDThhmmssZ``, UTC); naive datetimes are taken as UTC."""
    moment = moment or datetime.now(timezone.utc)
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc)
    return moment.strftime("%Y%m%dT%H%M%SZ")


def header_attributes(srclang: str, created: datetime | None = None) -> dict[str, str]:
    """The seven attributes TMX 1.4b requires on ``<header>``, plus the creation date."""
    return {
        "creationtool": "align",
        "creationtoolversion": __version__,
        "segtype": "sentence",
        "o-tmf": "align",
        "adminlang": "en",
        "srclang": srclang,
        "datatype": "plaintext",
        "creationdate": tmx_date(created),
    }


def unit_props(pair: AlignedPair, src: str = DEFAULT_SRC, tgt: str = DEFAULT_TGT) -> list[tuple[str, str]]:
    """The ``(type, value)`` of each ``<prop>`` recorded for a unit (empty values are left out);
    provenance props name the side by its language code ("x-en-doc", "x-de-file")."""
    return [
        ("x-score", f"{pair.score:.4f}"),
        ("x-bead", pair.kind),
        (f"x-{src}-doc", pair.src_doc),
        (f"x-{tgt}-doc", pair.tgt_doc),
        (f"x-{src}-file", pair.src_file),
        (f"x-{tgt}-file", pair.tgt_file),
        ("x-review", pair.review),
    ]


def build_unit(tuid: str, pair: AlignedPair, src: str, tgt: str) -> etree._Element | None:
    """The ``<tu>`` element for one pair (source language ``src`` first), or None when both sides
    are empty."""
    texts = ((src, clean_segment(pair.src)), (tgt, clean_segment(pair.tgt)))
    if not any(text for _, text in texts):
        return None
    tu = etree.Element("tu", tuid=tuid)
    for kind, value in unit_props(pair, src, tgt):
        if value := clean_segment(value):
            etree.SubElement(tu, "prop", type=kind).text = value
    for lang, text in texts:
        if text:
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
            etree.SubElement(tuv, "seg").text = text
    return tu


def write_tmx(
    path: str | os.PathLike,
    pairs: Iterable[AlignedPair],
    *,
    src: str = DEFAULT_SRC,
    tgt: str = DEFAULT_TGT,
    created: datetime | None = None,
) -> int:
    """Write ``pairs`` as a TMX 1.4b file (UTF-8, no BOM) and return the number of units (see
    :func:`tmx_writer`)."""
    with tmx_writer(path, src=src, tgt=tgt, created=created) as write:
        return sum(write(pair) for pair in pairs)


@contextmanager
def tmx_writer(path: str | os.PathLike, *, src: str = DEFAULT_SRC, tgt: str = DEFAULT_TGT,
               created: datetime | None = None) -> Iterator[Callable[[AlignedPair], bool]]:
    """A TMX 1.4b file (UTF-8, no BOM) written one pair at a time: gives a function that writes a
    pair's unit and says whether it wrote one. The file replaces ``path`` when the block ends
    without error.

    ``src`` and ``tgt`` are the language codes of the two sides; ``src`` is the header's
    ``srclang`` and its ``<tuv>`` comes first in every unit. Units are numbered 1, 2, ... in ``tuid``; pairs with no text on
    either side are skipped; a pair with one side empty gets a single ``<tuv>``.
    """
    if not src or not tgt or src == tgt:
        raise InputError(f"TMX languages {src!r} and {tgt!r}: need two different language codes")
    count = 0

    def write(pair: AlignedPair) -> bool:
        nonlocal count
        unit = build_unit(str(count + 1), pair, src, tgt)
        if unit is not None:
            xf.write(unit, pretty_print=True)
            count += 1
        return unit is not None

    with atomic_open(path, "wb") as handle:
        with etree.xmlfile(handle, encoding="UTF-8") as xf:
            xf.write_declaration()
            xf.write_doctype(DOCTYPE)
            with xf.element("tmx", version="1.4"):
                xf.write("\n")
                xf.write(etree.Element("header", header_attributes(src, created)), pretty_print=True)
                with xf.element("body"):
                    xf.write("\n")
                    yield write
                xf.write("\n")
        handle.write(b"\n")
