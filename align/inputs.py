"""Finding and decoding the dump files a user names on the command line."""

from __future__ import annotations

import codecs
from pathlib import Path

from align.errors import InputError

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}


def collect_files(paths: list[str | Path]) -> list[Path]:
    """Expand files and folders (recursively, text files only) into a sorted, de-duplicated list."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
                            and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not inside:
                raise InputError(f"{path}: folder holds no text files (*.txt)")
            found.extend(inside)
        else:
            found.append(path)
    return sorted(dict.fromkeys(p.resolve() for p in found))


def read_dump(path: Path) -> str:
    """Decode a dump: UTF-8 (BOM allowed), UTF-16 with BOM, else cp1252/latin-1; newlines become \\n.

    Raises InputError for unreadable, empty or binary files.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise InputError(f"{path}: file is empty")
    text = _decode(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return text


def _decode(data: bytes, path: Path) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    if _looks_binary(data):
        raise InputError(f"{path}: binary data, not a text dump")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return b"\x00" in sample[:1024] and controls > len(sample) * 0.05 or controls > len(sample) * 0.1
