"""Resumable runs: finished document alignments are appended to a work file in the output folder.

A killed run leaves ``.align-work/beads.jsonl``; the next run with the same settings and inputs
reuses every pair recorded there. The work folder is removed once all outputs are in place.
Embeddings need no checkpoint: the embedding cache commits each batch as it is computed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from align.types import Bead

WORK_DIR = ".align-work"


def pair_key(en_texts: list[str], id_texts: list[str]) -> str:
    """Identify a pair's alignment problem by its sentence texts."""
    digest = hashlib.blake2b(digest_size=16)
    for text in (*en_texts, "\x00", *id_texts):
        digest.update(text.encode("utf-8") + b"\x01")
    return digest.hexdigest()


class AlignmentCheckpoint:
    """Append-only record of finished pair alignments, valid for one run signature."""

    def __init__(self, outdir: Path, signature: str) -> None:
        self.folder = Path(outdir) / WORK_DIR
        self.path = self.folder / "beads.jsonl"
        self.signature = signature
        self.done: dict[str, list[Bead]] = {}
        self._handle = None
        self._load()

    def _load(self) -> None:
        stamp = self.folder / "signature.txt"
        if not self.path.exists() or not stamp.exists() or stamp.read_text(encoding="utf-8") != self.signature:
            return
        with open(self.path, encoding="utf-8") as handle:
            for line in handle:
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    break  # a line cut by the kill: everything before it is good
                self.done[record["key"]] = [Bead(tuple(s), tuple(t), float(c)) for s, t, c in record["beads"]]

    def get(self, key: str) -> list[Bead] | None:
        return self.done.get(key)

    def add(self, key: str, beads: list[Bead]) -> None:
        if self._handle is None:
            self._open()
        record = {"key": key, "beads": [[list(b.src), list(b.tgt), round(b.score, 6)] for b in beads]}
        self._handle.write(json.dumps(record) + "\n")
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self.done[key] = beads

    def _open(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = self.folder / "signature.txt"
        if not stamp.exists() or stamp.read_text(encoding="utf-8") != self.signature:
            self.path.unlink(missing_ok=True)
            stamp.write_text(self.signature, encoding="utf-8")
        self._handle = open(self.path, "a", encoding="utf-8")

    def finish(self) -> None:
        """All outputs are written: drop the work folder."""
        if self._handle is not None:
            self._handle.close()
        shutil.rmtree(self.folder, ignore_errors=True)
