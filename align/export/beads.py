"""Bead files in Vecalign's format: one ``[src ids]:[tgt ids]`` line per bead, optional ``:score``.

Ids are 0-based; ``[]`` is the empty side of a 1-0 / 0-1 bead.
"""

from __future__ import annotations

import os
import re

from align.errors import InputError
from align.records import Bead

_LINE = re.compile(r"^\[([0-9,\s]*)\]:\[([0-9,\s]*)\](?::\s*([-+0-9.eE]+|nan|inf))?\s*$")


def _ids(field: str) -> tuple[int, ...]:
    return tuple(int(x) for x in field.split(",") if x.strip())


def parse_bead(line: str, where: str = "<string>") -> Bead:
    """Parse one ``[0,1]:[2]`` or ``[0]:[1]:0.93`` line (score defaults to 0.0)."""
    match = _LINE.match(line.strip())
    if not match:
        raise InputError(f"{where}: not a bead line: {line.strip()[:60]!r}")
    src, tgt, score = match.groups()
    return Bead(_ids(src), _ids(tgt), float(score) if score else 0.0)


def read_beads(path: str | os.PathLike) -> list[Bead]:
    """Read a bead file in Vecalign's format; blank lines are skipped."""
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read bead file ({exc.__class__.__name__})") from exc
    return [parse_bead(line, f"{path}:{n + 1}") for n, line in enumerate(lines) if line.strip()]


def format_bead(bead: Bead) -> str:
    """Render a bead as ``[i,j]:[k]:score`` (score with 4 decimals)."""
    src = ",".join(str(i) for i in bead.src)
    tgt = ",".join(str(i) for i in bead.tgt)
    return f"[{src}]:[{tgt}]:{float(bead.score):.4f}"
