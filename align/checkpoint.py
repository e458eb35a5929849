"""Resumable runs: a manifest of finished stages, and finished document alignments kept on disk.

``manifest.json`` in the output folder names the run (an id, its signature, when it started and
finished) and records the settings, the inputs with their hashes, the stages finished and every
output with its hash. A killed run leaves ``.OUT.align-work/beads.jsonl`` beside the output folder
``OUT``; the next run with the same settings reuses every pair recorded there. The work folder is
removed once all outputs are in place. Embeddings need no checkpoint: the
embedding cache commits each batch as it is computed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

from align import __version__
from align.atomic import atomic_open
from align.config import Config
from align.errors import AlignError
from align.records import Bead

MANIFEST = "manifest.json"


def work_folder(outdir: Path) -> Path:
    """Where a run into ``outdir`` keeps its resume checkpoint: beside it, outside the output set."""
    outdir = Path(outdir)
    return outdir.parent / f".{outdir.name}.align-work"


def pair_key(en_texts: list[str], id_texts: list[str]) -> str:
    """Identify a pair's alignment problem by its sentence texts."""
    digest = hashlib.blake2b(digest_size=16)
    for text in (*en_texts, "\x00", *id_texts):
        digest.update(text.encode("utf-8") + b"\x01")
    return digest.hexdigest()


class AlignmentCheckpoint:
    """Append-only record of finished pair alignments, valid for one run signature.

    Each record is flushed as it is added (a killed process loses nothing) and synced to the disk at
    most every ``sync_seconds`` (a machine crash loses at most that much work): a sync per pair cost
    more than aligning it. Finished pairs are not kept in memory; ``done`` holds those an earlier,
    killed run left, until they are taken.
    """

    sync_seconds = 1.0

    def __init__(self, outdir: Path, signature: str) -> None:
        self.folder = work_folder(outdir)
        self.path = self.folder / "beads.jsonl"
        self.signature = signature
        self.done: dict[str, list[Bead]] = {}
        self.reused = 0  # pairs taken from an earlier, killed run
        self._good_bytes = 0  # length of the work file up to its last complete record
        self._handle = None
        self._synced = 0.0  # perf_counter of the last sync
        self._load()

    def _load(self) -> None:
        stamp = self.folder / "signature.txt"
        if not self.path.exists() or not stamp.exists() or stamp.read_text(encoding="utf-8") != self.signature:
            return
        with open(self.path, "rb") as handle:
            for line in handle:
                try:
                    record = json.loads(line)
                    beads = [Bead(tuple(s), tuple(t), float(c), *f) for s, t, c, *f in record["beads"]]
                except (ValueError, KeyError, TypeError):
                    break  # a line cut by the kill: everything before it is good
                if not line.endswith(b"\n"):
                    break
                self.done[record["key"]] = beads
                self._good_bytes += len(line)

    def get(self, key: str) -> list[Bead] | None:
        beads = self.done.pop(key, None)
        if beads is not None:
            self.reused += 1
        return beads

    def add(self, key: str, beads: list[Bead]) -> None:
        record = {"key": key, "beads": [[list(b.src), list(b.tgt), b.score, b.features] for b in beads]}
        try:
            if self._handle is None:
                self._open()
            self._handle.write(json.dumps(record) + "\n")
            self._handle.flush()
            if time.perf_counter() - self._synced >= self.sync_seconds:
                os.fsync(self._handle.fileno())
                self._synced = time.perf_counter()
        except OSError as exc:
            raise AlignError(f"{self.path}: cannot record finished alignments ({exc.strerror or exc})") from exc

    def _open(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = self.folder / "signature.txt"
        if not stamp.exists() or stamp.read_text(encoding="utf-8") != self.signature:
            self.path.unlink(missing_ok=True)
            with atomic_open(stamp) as handle:
                handle.write(self.signature)
        elif self.path.exists():
            os.truncate(self.path, self._good_bytes)  # drop a record cut by a kill before appending
        self._handle = open(self.path, "a", encoding="utf-8")

    def finish(self) -> None:
        """All outputs are written: drop the work folder."""
        if self._handle is not None:
            self._handle.close()
        shutil.rmtree(self.folder, ignore_errors=True)


class RunManifest:
    """``manifest.json``: which run this is, what it was asked to do and what it finished, rewritten
    atomically in the run's staging folder ``folder``."""

    def __init__(self, folder: Path, config: Config, inputs: dict[str, str], skipped: dict[str, str]) -> None:
        self.path = Path(folder) / MANIFEST
        self.run_id = uuid.uuid4().hex
        self.data = {
            "align": __version__,
            "run": {"id": self.run_id, "started": _now(), "finished": None},
            "signature": config.signature(),
            "model": config.model,
            "config": config.to_json(),  # every setting, so `align export` can re-apply the run's filters
            "created": config.export.created,
            "inputs": [{"path": path, "sha256": digest} for path, digest in sorted(inputs.items())],
            "skipped": [{"path": path, "reason": reason} for path, reason in sorted(skipped.items())],
            "stages": {},
            "finished": False,
            "outputs": [],
        }

    def stage(self, name: str, **facts) -> None:
        """Record that stage ``name`` finished, with a few counts."""
        self.data["stages"][name] = facts
        self._write()

    def finish(self, outputs: list[str]) -> None:
        """Every output is in place: record them with their hashes."""
        folder = self.path.parent
        self.data["outputs"] = [{"name": name, "sha256": _sha256(folder / name)} for name in outputs]
        self.data["finished"] = True
        self.data["run"]["finished"] = _now()
        self._write()

    def _write(self) -> None:
        try:
            with atomic_open(self.path) as handle:
                handle.write(json.dumps(self.data, indent=2, ensure_ascii=False) + "\n")
        except OSError as exc:
            raise AlignError(f"{self.path}: cannot write the run manifest ({exc.strerror or exc})") from exc


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
