"""Finding and decoding the dump files a user names on the command line."""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
from pathlib import Path

from align.errors import InputError

TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm"}
"""Saved web pages: their main text is extracted (see :mod:`align.html`) and segmented like a dump."""


def collect_files(paths: list[str | Path]) -> list[Path]:
    """Expand files and folders (recursively, text files only) into a sorted, de-duplicated list."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*") if p.is_file()
                            and p.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES
                            and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not inside:
                raise InputError(f"{path}: folder holds no text files (*.txt) or saved pages (*.html)")
            found.extend(inside)
        else:
            found.append(path)
    return sorted(dict.fromkeys(p.resolve() for p in found))


MAX_LINE_CHARS = 1_000_000
"""Longest line accepted: dumps hold one paragraph per line; a longer line is not a text dump."""

_CONTROL = re.compile(r"[\x01-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_INNER_FORM_FEED = re.compile(r"(?<=[^\s\f])[ \t\f]*\f[ \t\f]*(?=[^\s\f])")  # not at a line's edge


def read_dump(path: Path) -> str:
    """Decode a dump: UTF-8 (BOM allowed), UTF-16 (with or without BOM), else cp1252/latin-1.

    Newlines become \\n, NUL bytes are dropped and other control characters become spaces, so line
    numbers match ``text.split("\\n")``; a form feed at a line's start or end stays (a page break of
    a PDF's text: the segmenter finds each page's letterhead and footer by it). Raises InputError
    for unreadable, empty or binary files and for a line over ``MAX_LINE_CHARS`` characters (a file
    without line breaks).
    """
    return load_dump(path)[0]


def jsonl_records(text: str, path: Path) -> list[dict]:
    """The JSON object on every non-blank line of ``text`` (read from ``path``); InputError naming
    the file and line for one that is not valid JSON or not an object."""
    records = []
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip():
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
            if not isinstance(record, dict):
                raise InputError(f"{path}:{number}: not a JSON object")
            records.append(record)
    return records


def load_dump(path: Path) -> tuple[str, str]:
    """``read_dump``'s text and the SHA-256 of the file's bytes, from one read of the file.

    A saved web page (``HTML_SUFFIXES``) gives its extracted main text instead; line numbers and
    sentence spans then refer to that text.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise InputError(f"{path}: file is empty")
    if Path(path).suffix.lower() in HTML_SUFFIXES:
        from align.html import page_text  # the extractor loads only when pages are given

        text = page_text(data, path)
    else:
        text = _decode(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").lstrip("\ufeff")
    text = _CONTROL.sub(" ", text)
    if "\f" in text:
        text = _INNER_FORM_FEED.sub(lambda inner: inner.group().replace("\f", " "), text)
    if not text.strip():
        raise InputError(f"{path}: file holds no text")
    longest = max(map(len, text.split("\n")))
    if longest > MAX_LINE_CHARS:
        raise InputError(f"{path}: a line of {longest:,} characters (no line breaks?); "
                         f"put one paragraph per line, at most {MAX_LINE_CHARS:,} characters")
    return text, hashlib.sha256(data).hexdigest()


def _decode(data: bytes, path: Path) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_utf16(data, "utf-16", path)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    bom_less = _utf16_without_bom(data)
    if bom_less:
        return _decode_utf16(data, bom_less, path)
    if _looks_binary(data):
        raise InputError(f"{path}: binary data, not a text dump")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")


def _decode_utf16(data: bytes, encoding: str, path: Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: looks like UTF-16 but does not decode ({exc.reason})") from exc


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when most characters of the start are ASCII with a zero byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return b"\x00" in sample[:1024] and controls > len(sample) * 0.05 or controls > len(sample) * 0.1


PATH_STYLES = ("relative", "absolute", "name")
"""How outputs name their source files: relative to the input root, absolute, or the bare file name."""


def source_names(files: list[Path], paths: list[str | Path], style: str = "relative") -> dict[Path, str]:
    """The name each input file gets in outputs (TSV, TMX, articles.jsonl, report, manifest).

    ``relative`` (default): relative to the input root, the deepest folder holding every path given
    (a folder given counts as itself, a file as its parent), so no local folder names leak.
    """
    if style not in PATH_STYLES:
        raise InputError(f"--paths: expected one of {', '.join(PATH_STYLES)}, got '{style}'")
    if style == "absolute":
        return {f: str(f) for f in files}
    if style == "name":
        return {f: f.name for f in files}
    roots = [Path(p).resolve() if Path(p).is_dir() else Path(p).resolve().parent for p in paths]
    root = Path(os.path.commonpath([str(r) for r in roots])) if roots else Path.cwd()
    return {f: f.relative_to(root).as_posix() if f.is_relative_to(root) else f.name for f in files}
