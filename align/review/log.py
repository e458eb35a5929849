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
        self._good_bytes: int | None = None  # length up to the last complete line, once read

    def read(self) -> list[dict]:
        """Every complete decision in file order (none when the file does not exist)."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            self._good_bytes = 0
            return []
        except OSError as exc:
            raise InputError(f"{self.path}: cannot read ({exc.strerror or exc})") from exc
        records, good = [], 0
        lines = data.split(b"\n")
        for number, line in enumerate(lines[:-1], 1):  # the part after the last newline is incomplete
            good += len(line) + 1
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise InputError(f"{self.path}:{number}: not a JSON decision ({exc.__class__.__name__})") from exc
        self._good_bytes = good
        return records

    def append(self, record: dict) -> None:
        """Write one decision and force it to disk."""
        line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        with self._lock:
            if self._good_bytes is None:
                self.read()
            created = not self.path.exists()
            with open(self.path, "ab") as handle:
                if handle.tell() != self._good_bytes:
                    handle.truncate(self._good_bytes)  # a line cut by a kill, never confirmed
                handle.write(line)
                handle.flush()
                os.fsync(handle.fileno())
            if created:
                _fsync_folder(self.path.parent)
            self._good_bytes += len(line)


def _fsync_folder(folder: Path) -> None:
    """Make a newly created file's name durable too."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
