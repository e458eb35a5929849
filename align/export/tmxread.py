"""TMX reader for align's own files and any well-formed TMX 1.1-1.4: units as plain text per language.

Language codes are reduced to their primary subtag and ``in`` (the withdrawn ISO code Java still
writes) becomes ``id``, so ``en-US``/``EN`` read as ``en`` and ``in``/``id-ID`` as ``id``. Inline
markup is read as plain text: the content of ``<hi>`` is kept, native codes (``<bpt>``, ``<ept>``,
``<ph>``, ``<it>``, ``<ut>``) are dropped.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib import resources
from typing import Iterator

from lxml import etree

from align import languages
from align.errors import InputError

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_KEPT_INLINE = {"hi"}


@dataclass(frozen=True)
class TmxUnit:
    """One ``<tu>``: its id, the segment text per language, and its ``<prop>`` values by type."""

    tuid: str | None
    segments: dict[str, str]
    props: dict[str, str] = field(default_factory=dict)


def normalise_lang(code: str) -> str:
    """``en-US`` -> ``en``, ``ID``/``id-ID`` -> ``id``, and a profile's old ``aliases`` to its code
    (``in`` -> ``id``)."""
    primary = code.replace("_", "-").split("-")[0].strip().lower()
    return languages.code_for(primary)


def segment_text(seg: etree._Element) -> str:
    """The plain text of a ``<seg>``: its own text, ``<hi>`` contents and every tail, codes left out."""
    parts = [seg.text or ""]
    for child in seg:
        if etree.QName(child).localname in _KEPT_INLINE:
            parts.append(segment_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _unit(tu: etree._Element) -> TmxUnit:
    segments: dict[str, str] = {}
    props: dict[str, str] = {}
    for child in tu:
        name = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if name == "prop":
            props[child.get("type", "")] = child.text or ""
        elif name == "tuv":
            lang = child.get(XML_LANG) or child.get("lang") or ""
            seg = next((el for el in child if isinstance(el.tag, str) and etree.QName(el).localname == "seg"), None)
            if seg is not None:
                segments[normalise_lang(lang)] = segment_text(seg)
    return TmxUnit(tuid=tu.get("tuid"), segments=segments, props=props)


def iter_tmx(path: str | os.PathLike) -> Iterator[TmxUnit]:
    """Stream the units of a TMX file, freeing each ``<tu>`` once read.

    Raises InputError (one line naming the file) when it is missing, not well-formed XML or not TMX.
    """
    try:
        context = etree.iterparse(
            os.fspath(path), events=("start", "end"), resolve_entities=False, no_network=True, huge_tree=True
        )
        root_checked = False
        for event, element in context:
            if not root_checked:
                if etree.QName(element).localname != "tmx":
                    raise InputError(f"{path}: not a TMX file (root element <{etree.QName(element).localname}>)")
                root_checked = True
            if event == "end" and etree.QName(element).localname == "tu":
                yield _unit(element)
                element.clear()
                while element.getprevious() is not None:
                    del element.getparent()[0]
    except OSError as exc:
        raise InputError(f"{path}: cannot read TMX file ({exc.strerror or exc})") from exc
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{path}: not well-formed XML ({exc.msg})") from exc


def read_tmx(path: str | os.PathLike) -> list[TmxUnit]:
    """Every unit of a TMX file, in file order."""
    return list(iter_tmx(path))


def read_header(path: str | os.PathLike) -> dict[str, str]:
    """The attributes of the TMX ``<header>`` element (srclang, creationtool, ...)."""
    try:
        for _, element in etree.iterparse(os.fspath(path), events=("start",), resolve_entities=False, no_network=True):
            if etree.QName(element).localname == "header":
                return dict(element.attrib)
    except OSError as exc:
        raise InputError(f"{path}: cannot read TMX file ({exc.strerror or exc})") from exc
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{path}: not well-formed XML ({exc.msg})") from exc
    raise InputError(f"{path}: no <header> element, not a TMX file")


def validate_tmx(path: str | os.PathLike) -> list[str]:
    """Errors found validating ``path`` against the TMX 1.4b DTD shipped in ``align/data``; [] when valid."""
    dtd_file = resources.files("align").joinpath("data", "tmx14b.dtd")
    with resources.as_file(dtd_file) as dtd_path:
        dtd = etree.DTD(os.fspath(dtd_path))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        document = etree.parse(os.fspath(path), parser)
    except (OSError, etree.XMLSyntaxError) as exc:
        return [f"{path}: {exc}"]
    if dtd.validate(document):
        return []
    return [f"line {error.line}: {error.message}" for error in dtd.error_log]
