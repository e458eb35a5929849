"""Crash safety: a run killed with SIGKILL in any stage resumes without redoing finished work and
ends with the same bytes as an uninterrupted run; outputs are never left half-written.

The corpus is the sample corpus four times over, with numbers and place names changed per copy, so
that it holds ~300 distinct sentences (a few seconds of embedding). Kills in the embedding stage are
timed from outside (polling the embedding cache); kills in alignment and export come from inside the
process at a chosen call (a small wrapper script), so they land exactly where the test wants them.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from align.atomic import atomic_open
from align.checkpoint import MANIFEST, work_folder
from conftest import CREATED, REPO, SAMPLE, run_cli
OUTPUTS = ("corpus.tmx", "corpus.tsv", "corpus.en", "corpus.id", "articles.jsonl", "pairs.jsonl", "alignments.jsonl")
PLACES = [("Bekasi", "Depok"), ("Bandung", "Cirebon"), ("Jakarta", "Surabaya"), ("Bogor", "Malang")]

KILLER = r'''
"""Run the align CLI, but SIGKILL this process at the Nth call of a pipeline function
(or of AlignmentCheckpoint.add: a finished pair being recorded)."""
import os, signal, sys
import align.pipeline as pipeline
from align.atomic import atomic_open
from align.checkpoint import AlignmentCheckpoint

calls = 0

def killing(original, target, nth):
    def wrapped(*args, **kwargs):
        global calls
        calls += 1
        if calls == nth:
            if target == "tsv_writer":  # die with the temporary file half written
                with atomic_open(args[0]) as handle:
                    handle.write("half a line")
                    handle.flush()
                    os.kill(os.getpid(), signal.SIGKILL)
            os.kill(os.getpid(), signal.SIGKILL)
        return original(*args, **kwargs)
    return wrapped

if __name__ == "__main__":  # worker processes (spawn) import this file too
    target, nth = sys.argv[1], int(sys.argv[2])
    owner = AlignmentCheckpoint if target == "add" else pipeline
    setattr(owner, target, killing(getattr(owner, target), target, nth))
    from align.cli import app
    sys.argv = ["align", *sys.argv[3:]]
    app()
'''


def _variant(text: str, copy: int) -> str:
    """Shift the numbers and swap place names of content lines (date lines stay valid)."""
    lines = []
    for line in text.split("\n"):
        if len(line) > 30:
            line = re.sub(r"\b\d+\b", lambda m: str(int(m.group()) + 11 * copy), line)
            if copy % 2:
                for old, new in PLACES:
                    line = line.replace(old, new)
        lines.append(line)
    return "\n".join(lines)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("resume-corpus")
    for copy in range(4):
        for path in sorted(SAMPLE.glob("*.txt")):
            (folder / f"{path.stem}_{copy}.txt").write_text(_variant(path.read_text(encoding="utf-8"), copy),
                                                             encoding="utf-8")
    return folder


def command(corpus: Path, out: Path) -> list[str]:
    """The copies share their number-free sentences, which the segmenter drops as furniture when they
    recur in 3 articles; this test is about resuming, so that rule is relaxed to keep ~300 sentences."""
    settings = corpus.parent / f"{corpus.name}.toml"
    settings.write_text("[segment]\nmin_repeat_articles = 100\n", encoding="utf-8")
    return ["run", str(corpus), "-o", str(out), "--created", CREATED, "-q", "--config", str(settings)]


def align_cli(args: list[str], cache: Path, killer: Path | None = None) -> subprocess.CompletedProcess:
    return run_cli(args, cache, program=killer)


def embedded(proc: subprocess.CompletedProcess) -> int:
    """Sentences the finished run sent to the model (its manifest says; -q prints nothing)."""
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "", proc.stdout
    out = Path(proc.args[proc.args.index("-o") + 1])
    return json.loads((out / MANIFEST).read_text(encoding="utf-8"))["stages"]["embed"]["new"]


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    """An uninterrupted run with a fresh cache: its outputs, and how many sentences it embedded."""
    root = tmp_path_factory.mktemp("resume-reference")
    proc = align_cli(command(corpus, root / "out"), root / "cache")
    total = embedded(proc)
    assert total > 200 and json.loads((root / "out" / MANIFEST).read_text(encoding="utf-8"))["stages"]["pair"]["pairs"]
    return {"out": root / "out", "total": total, "cache": root / "cache"}


@pytest.fixture()
def killer(tmp_path) -> Path:
    script = tmp_path / "killer.py"
    script.write_text(KILLER, encoding="utf-8")
    return script


def assert_same_outputs(out: Path, expected: Path) -> None:
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (expected / name).read_bytes(), name
    assert not list(out.glob(".*.tmp")), "temporary files left behind"
    assert not work_folder(out).exists()
    assert sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.")) == []


def cached_rows(db: Path) -> int:
    try:
        with sqlite3.connect(str(db), timeout=10) as connection:
            return connection.execute("SELECT COUNT(*) FROM vec").fetchone()[0]
    except sqlite3.Error:
        return 0  # not created yet


def test_kill_during_embedding_resumes_with_the_remainder(corpus, reference, tmp_path):
    cache, out = tmp_path / "cache", tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "align.cli", *command(corpus, out)], cwd=REPO,
                            env=dict(os.environ, ALIGN_CACHE_DIR=str(cache)),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while proc.poll() is None and time.monotonic() < deadline:
        if cached_rows(cache / "embeddings.sqlite") > 0:  # at least one batch committed
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.05)
    assert proc.wait(timeout=60) == -signal.SIGKILL, "the run ended before it could be killed"
    done = cached_rows(cache / "embeddings.sqlite")
    assert 0 < done < reference["total"]
    assert not any((out / name).exists() for name in OUTPUTS)

    resumed = align_cli(command(corpus, out), cache)
    assert embedded(resumed) == reference["total"] - done  # only the remainder is embedded
    assert_same_outputs(out, reference["out"])
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["finished"] and manifest["stages"]["embed"]["new"] == reference["total"] - done


def test_kills_during_alignment_reuse_the_finished_pairs(corpus, reference, tmp_path, killer):
    """Killed at the 3rd pair, then (after a record cut in half) at the 3rd new pair: 4 pairs reused."""
    out = tmp_path / "out"
    killed = align_cli(["align_sentences", "3", *command(corpus, out)], reference["cache"], killer)
    assert killed.returncode == -signal.SIGKILL
    work = work_folder(out) / "beads.jsonl"
    assert len(work.read_text(encoding="utf-8").splitlines()) == 2
    with open(work, "a", encoding="utf-8") as handle:
        handle.write('{"key": "0123abc", "beads": [[[0], [0], 0.5], [[1]')  # the kill cut a record

    killed = align_cli(["align_sentences", "3", *command(corpus, out)], reference["cache"], killer)
    assert killed.returncode == -signal.SIGKILL
    assert len(work.read_text(encoding="utf-8").splitlines()) == 4

    resumed = align_cli(command(corpus, out), reference["cache"])
    assert embedded(resumed) == 0
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["stages"]["align"]["reused"] == 4
    assert manifest["stages"]["align"]["pairs"] == manifest["stages"]["pair"]["pairs"]
    assert_same_outputs(out, reference["out"])


def test_kill_with_worker_processes_resumes_with_the_same_outputs(corpus, reference, tmp_path, killer):
    """Pairs aligned in 2 worker processes: killed at the 3rd finished pair, the rerun reuses 2."""
    out = tmp_path / "out"
    args = [*command(corpus, out), "--workers", "2"]
    killed = align_cli(["add", "3", *args], reference["cache"], killer)
    assert killed.returncode == -signal.SIGKILL
    assert len((work_folder(out) / "beads.jsonl").read_text(encoding="utf-8").splitlines()) == 2

    resumed = align_cli(args, reference["cache"])
    assert embedded(resumed) == 0
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["stages"]["align"]["reused"] == 2
    assert_same_outputs(out, reference["out"])


def test_kill_during_export_leaves_the_previous_outputs_whole(corpus, reference, tmp_path, killer):
    out = tmp_path / "out"
    assert embedded(align_cli(command(corpus, out), reference["cache"])) == 0
    (out / "corpus.tsv").write_bytes(b"an older corpus\n")
    before = {path.name: path.read_bytes() for path in out.iterdir()}

    killed = align_cli(["tsv_writer", "1", *command(corpus, out)], reference["cache"], killer)
    assert killed.returncode == -signal.SIGKILL
    assert {path.name: path.read_bytes() for path in out.iterdir()} == before  # the old set, untouched
    staging = list(tmp_path.glob(".out.staging-*"))
    assert staging and list(staging[0].glob(".corpus.tsv.*.tmp")), "the kill should have left the staging folder"
    assert json.loads((out / MANIFEST).read_text(encoding="utf-8"))["finished"]

    align_cli(command(corpus, out), reference["cache"])
    assert_same_outputs(out, reference["out"])


def test_manifest_records_inputs_stages_and_outputs(corpus, reference):
    import hashlib

    manifest = json.loads((reference["out"] / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["finished"]
    assert [item["path"] for item in manifest["inputs"]] == sorted(p.name for p in corpus.glob("*.txt"))
    for item in manifest["inputs"]:  # named relative to the input root
        assert item["sha256"] == hashlib.sha256((corpus / item["path"]).read_bytes()).hexdigest()
    assert list(manifest["stages"]) == ["segment", "embed", "pair", "align", "export"]
    assert manifest["stages"]["embed"]["new"] == reference["total"]
    written = {item["name"]: item["sha256"] for item in manifest["outputs"]}
    assert set(OUTPUTS) <= set(written)
    for name, digest in written.items():
        assert hashlib.sha256((reference["out"] / name).read_bytes()).hexdigest() == digest
    assert manifest["signature"].startswith("align:") and manifest["created"] == CREATED
    assert len(manifest["run"]["id"]) == 32 and manifest["run"]["finished"] >= manifest["run"]["started"]


def test_atomic_open_keeps_the_old_file_when_writing_fails(tmp_path):
    target = tmp_path / "corpus.tsv"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_open(target) as handle:
            handle.write("new and half")
            raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus.tsv"]
    with atomic_open(target) as handle:
        handle.write("new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus.tsv"]
