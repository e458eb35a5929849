"""Main text of a saved web page: trafilatura first, a plain lxml text dump when it finds none.

The text comes out one paragraph per line with a blank line between paragraphs, the page's date
(when the page states one) on the first line, so the segmenter reads it like any dump.
"""

from __future__ import annotations

from pathlib import Path

from align.errors import InputError

__all__ = ["page_text", "trafilatura_text", "lxml_text"]

_SKIPPED = ("script", "style", "noscript", "template", "svg", "head")
_INLINE = {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "label",
           "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr"}
"""Elements whose text runs on inside the block around them (every other element ends a block)."""


def page_text(data: bytes, path: Path | str) -> str:
    """The main text of the page in ``data``; InputError naming ``path`` when it holds none."""
    text = trafilatura_text(data) or lxml_text(data)
    if not text.strip():
        raise InputError(f"{path}: not an HTML page with text (nothing could be extracted)")
    return text


def trafilatura_text(data: bytes) -> str:
    """The page's main text by trafilatura (menus, sidebars and footers left out), or "".

    ``favor_precision`` keeps paragraphs apart on short pages (without it, trafilatura may return a
    small page's title, byline and lead as one paragraph) and leaves bylines out.
    """
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True)
    except (ValueError, TypeError):  # trafilatura raises these on bytes that are not a page
        return ""
    if doc is None or not (doc.text or "").strip():
        return ""
    paragraphs = [line.strip() for line in doc.text.split("\n") if line.strip()]
    paragraphs = _headline_first(data, paragraphs, doc.title or "")
    date = [doc.date] if getattr(doc, "date", None) else []
    return "\n\n".join(date + paragraphs) + "\n"


def _headline_first(data: bytes, paragraphs: list[str], title: str) -> list[str]:
    """The paragraphs with the page's headline first. Trafilatura may leave the headline out (it
    stood outside the container of the main text: then it is the last text block above the first
    paragraph on the page that is the page's title, trafilatura's ``title``, or most of its
    ``<title>``) or return blocks the page prints above it (a site name, a section label: dropped)
    or below it (the lead: kept after it) before it."""
    if not paragraphs or paragraphs[0] == title:
        return paragraphs
    import lxml.html

    blocks = [block for block in lxml_text(data).split("\n") if block]
    if title in paragraphs and title in blocks:
        at, cut = blocks.index(title), paragraphs.index(title)
        return [title] + [p for p in paragraphs[:cut] if p in blocks[at + 1:]] + paragraphs[cut + 1:]
    try:
        page_title = " ".join((lxml.html.document_fromstring(data).findtext(".//title") or "").split())
    except ValueError:
        page_title = ""
    if paragraphs[0] not in blocks:
        return paragraphs
    above = blocks[:blocks.index(paragraphs[0])]
    headline = next((block for block in reversed(above) if block == title or
                     2 * len(block) >= len(page_title) and f" {block} " in f" {page_title} "), None)
    return paragraphs if headline is None else [headline] + [p for p in paragraphs if p != headline]


def lxml_text(data: bytes) -> str:
    """Every text block of the page, one per line (the fallback: menus and footers stay in).

    Block elements (paragraphs, headings, list items, cells, divisions, sections, ...) and line
    breaks end a block; the text of inline elements and loose text between blocks (a division's
    own text beside its child blocks, text right in the body) join the block they stand in.
    """
    import lxml.etree
    import lxml.html

    if b"<" not in data:
        return ""  # no markup: not a page
    try:
        root = lxml.html.document_fromstring(data)
    except (lxml.etree.ParserError, ValueError):
        return ""
    for node in root.iter(*_SKIPPED):
        node.drop_tree()
    for node in list(root.iter(lxml.etree.Comment, lxml.etree.ProcessingInstruction)):
        node.drop_tree()  # its tail stays in the text
    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = " ".join(" ".join(current).split())
        if text:
            blocks.append(text)
        current.clear()

    body = root.find("body")
    for event, node in lxml.etree.iterwalk(body if body is not None else root, events=("start", "end")):
        tag = node.tag.lower() if isinstance(node.tag, str) else None
        if tag is not None and tag not in _INLINE:
            flush()
        if event == "start" and tag is not None and node.text:
            current.append(node.text)
        if event == "end" and node.tail:
            current.append(node.tail)
    flush()
    return "\n\n".join(blocks) + "\n" if blocks else ""
