"""``review.jsonl``: the reviewer's decisions, one JSON object a line, each on disk before it is confirmed."""

from __future__ import annotations

import json
import os
import threading
from datetime import datetime, timezone
from pathlib import Path

from align.errors import InputError

REVIEW_FILE = "review.jsonl"


def now() -> str:
    """The time stamp of a decision: UTC, ISO 8601, to the millisecond."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class ReviewLog:
    """Append-only decision file. ``append`` returns only once the line is flushed and fsynced, so a
    decision the page shows as saved survives a killed server; a line cut by a kill is dropped."""

    def __init__(self, folder: str | Path) -> None:
        self.path = Path(folder) / REVIEW_FILE
        self._lock = threading.Lock()

    def read(self) -> list[dict]:
        """Every complete decision in file order (none when the file does not exist)."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise InputError(f"{self.path}: cannot read ({exc.strerror or exc})") from exc
        records = []
        for number, line in enumerate(data.split(b"\n")[:-1], 1):  # after the last newline: a cut line
            if line.strip():
                try:
                    records.append(json.loads(line))
                except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                    raise InputError(f"{self.path}:{number}: not a JSON decision ({exc.__class__.__name__})") from exc
        return records

    def append(self, record: dict) -> None:
        """Write one decision and force it to disk."""
        line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        with self._lock:
            created = not self.path.exists()
            with open(self.path, "a+b") as handle:
                _drop_cut_line(handle)
                handle.write(line)
                handle.flush()
                os.fsync(handle.fileno())
            if created:
                _fsync_folder(self.path.parent)


def _drop_cut_line(handle) -> None:
    """Truncate a last line that a kill cut short (it was never confirmed as saved)."""
    size = handle.seek(0, os.SEEK_END)
    if size == 0:
        return
    handle.seek(size - 1)
    if handle.read(1) == b"\n":
        return
    handle.seek(0)
    handle.truncate(handle.read().rfind(b"\n") + 1)


def _fsync_folder(folder: Path) -> None:
    """Make a newly created file's name durable too."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
