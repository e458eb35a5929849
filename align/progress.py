"""Status messages and progress bars.

Messages go to the ``logging`` logger named ``align`` (status lines at INFO, warnings at WARNING), so
a library user routes them like any other log; the command line installs :func:`configure_logging`.
Progress bars are drawn on stderr only when it is a terminal and the run is not quiet.
"""

from __future__ import annotations

import logging
import sys
from typing import Iterable, TypeVar

from tqdm import tqdm

T = TypeVar("T")

logger = logging.getLogger("align")


def progress(items: Iterable[T], desc: str, quiet: bool, total: int | None = None, unit: str = "it") -> Iterable[T]:
    """Wrap ``items`` in a tqdm bar unless ``quiet`` or stderr is not a terminal (a log file, a pipe)."""
    if quiet or not _terminal():
        return items
    return tqdm(items, desc=desc, total=total, unit=unit, leave=False, dynamic_ncols=True, mininterval=0.5)


def log(message: str, quiet: bool = False) -> None:
    """One status line (INFO on the ``align`` logger) unless ``quiet``."""
    if not quiet:
        logger.info(message)


def warn(message: str) -> None:
    """A warning (shown even with --quiet)."""
    logger.warning(message)


class _TqdmHandler(logging.Handler):
    """Writes records on stderr without breaking a progress bar being drawn."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            tqdm.write(self.format(record), file=sys.stderr)
        except Exception:  # logging must never end a run
            self.handleError(record)


class _Format(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        return message if record.levelno < logging.WARNING else f"{record.levelname.lower()}: {message}"


def configure_logging(quiet: bool = False, debug: bool = False) -> None:
    """The command line's handler on the ``align`` logger: status lines unless ``quiet``, warnings
    always, DEBUG records with ``debug``."""
    for handler in [h for h in logger.handlers if isinstance(h, _TqdmHandler)]:
        logger.removeHandler(handler)
    handler = _TqdmHandler()
    handler.setFormatter(_Format())
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if debug else logging.WARNING if quiet else logging.INFO)
    logger.propagate = False


def _terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False
