"""Outputs are replaced as one set: a run writes into a staging folder beside the output folder and
swaps it in at the end, so the folder always holds one whole run (old or new), never parts of two."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from align.atomic import clear_stale, swap_in
from align.checkpoint import MANIFEST
from align.errors import AlignError
from conftest import CREATED, SAMPLE, run_cli, sample_config

KILLER = r'''
"""Run the align CLI, but SIGKILL this process right after its Nth file rename (an output, a
manifest update), or just before / just after the output folder is swapped in."""
import os, signal, sys
import align.atomic as atomic

where, nth = sys.argv[1], int(sys.argv[2])
calls = 0

def die():
    os.kill(os.getpid(), signal.SIGKILL)

if where == "replace":
    real_replace = os.replace
    def replace(*args, **kwargs):
        global calls
        real_replace(*args, **kwargs)
        calls += 1
        if calls == nth:
            die()
    os.replace = replace
else:
    real_exchange = atomic._exchange
    def exchange(a, b):
        if where == "before-swap":
            die()
        done = real_exchange(a, b)
        die()
    atomic._exchange = exchange

from align.cli import app
sys.argv = ["align", *sys.argv[3:]]
app()
'''


def whole_run(out: Path, own: set[str] = frozenset()) -> dict:
    """Assert ``out`` holds exactly one finished run (every file listed in its manifest with the
    right hash, the report naming the same run); return the manifest."""
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["finished"]
    listed = {item["name"]: item["sha256"] for item in manifest["outputs"]}
    present = {p.name for p in out.iterdir()} - set(own)
    assert present == set(listed) | {MANIFEST}, present ^ (set(listed) | {MANIFEST})
    for name, digest in listed.items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest, f"{name} is from another run"
    assert manifest["run"]["id"] in (out / "report.md").read_text(encoding="utf-8")
    return manifest


def test_ten_kills_during_reruns_never_leave_a_mixed_folder(tmp_path):
    cache, out = tmp_path / "cache", tmp_path / "out"
    killer = tmp_path / "killer.py"
    killer.write_text(KILLER, encoding="utf-8")
    old_args = ["run", SAMPLE, "-o", out, "--created", CREATED, "-q", "--min-score", "0", "--keep-unmatched"]
    new_args = ["run", SAMPLE, "-o", out, "--created", CREATED, "-q"]  # other settings: other outputs
    assert run_cli(old_args, cache).returncode == 0
    (out / "my-notes.txt").write_text("a user's own file\n", encoding="utf-8")
    old = whole_run(out, {"my-notes.txt"})

    # killed after the 1st, 2nd, 4th, ... 14th file rename of the rerun (manifest stages, outputs, reports),
    # then just before and just after the swap
    kills = [("replace", k) for k in (1, 2, 4, 6, 8, 10, 12, 14)] + [("before-swap", 0), ("after-swap", 0)]
    found = []
    for where, nth in kills:
        proc = run_cli([where, nth, *new_args], cache, program=killer)
        assert proc.returncode == -9, (where, nth, proc.stderr)
        found.append(whole_run(out, {"my-notes.txt"}))
        assert (out / "my-notes.txt").read_text(encoding="utf-8") == "a user's own file\n"

    assert run_cli(new_args, cache).returncode == 0
    new = whole_run(out, {"my-notes.txt"})
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out.")) == []  # leftovers cleared
    assert new["signature"] != old["signature"]
    assert {m["signature"] for m in found} == {old["signature"], new["signature"]}, "kills before and after the swap"
    assert all(m["run"]["id"] == old["run"]["id"] for m in found if m["signature"] == old["signature"])


def test_a_failed_run_leaves_the_old_folder_and_no_staging(tmp_path, monkeypatch):
    from align import pipeline

    out = tmp_path / "out"
    config = sample_config(tmp_path / "cache")
    pipeline.run([str(SAMPLE)], out, config)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def broken(*args, **kwargs):
        raise AlignError("alignment broke")

    monkeypatch.setattr(pipeline, "align_pairs", broken)
    with pytest.raises(AlignError):
        pipeline.run([str(SAMPLE)], out, config)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "out"]


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_set_swapped_out_by_a_killed_run_is_put_back(tmp_path):
    """The two-rename fallback swap killed between its renames: the next run restores the old set."""
    out = tmp_path / "out"
    old = tmp_path / f".out.old-{_dead_pid()}"
    old.mkdir()
    (old / "corpus.tsv").write_text("old\n", encoding="utf-8")
    stale = tmp_path / f".out.staging-{_dead_pid()}"
    stale.mkdir()
    clear_stale(out)
    assert (out / "corpus.tsv").read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.parametrize("exchange", [True, False])
def test_swap_keeps_the_users_files(tmp_path, monkeypatch, exchange):
    import align.atomic as atomic

    if not exchange:
        monkeypatch.setattr(atomic, "_exchange", lambda a, b: False)
    out, staging = tmp_path / "out", tmp_path / ".out.staging-1"
    (out / "sub").mkdir(parents=True)
    (out / "corpus.tsv").write_text("old\n", encoding="utf-8")
    (out / "notes.txt").write_text("mine\n", encoding="utf-8")
    (out / "sub" / "more.txt").write_text("mine too\n", encoding="utf-8")
    staging.mkdir()
    (staging / "corpus.tsv").write_text("new\n", encoding="utf-8")
    swap_in(staging, out, own=lambda name: name.startswith("corpus."))
    assert (out / "corpus.tsv").read_text(encoding="utf-8") == "new\n"
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine\n"
    assert (out / "sub" / "more.txt").read_text(encoding="utf-8") == "mine too\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
