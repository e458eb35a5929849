"""Progress bars on stderr that a run can silence with --quiet."""

from __future__ import annotations

import sys
from typing import Iterable, TypeVar

from tqdm import tqdm

T = TypeVar("T")


def progress(items: Iterable[T], desc: str, quiet: bool, total: int | None = None, unit: str = "it") -> Iterable[T]:
    """Wrap ``items`` in a tqdm bar unless ``quiet``; bars vanish for stages that finish at once."""
    if quiet:
        return items
    return tqdm(items, desc=desc, total=total, unit=unit, leave=False, dynamic_ncols=True, mininterval=0.5)


def log(message: str, quiet: bool) -> None:
    """One status line on stderr unless quiet."""
    if not quiet:
        tqdm.write(message, file=sys.stderr)
