"""Executors: local worker processes give the in-process results, in order, byte for byte."""

from __future__ import annotations

import numpy as np
import pytest

from align.config import Config, override
from align.embed.base import check_device
from align.embed.parallel import slices
from align.errors import AlignError, ModelError
from align.executors import make_executor, ordered_window
from align.executors.local import LocalExecutor
from align.inputs import collect_files, read_dump
from align.pipeline import segment_task
from align.segment import SegmentConfig
from conftest import COMPARED, SAMPLE, read_outputs, run_cli, run_sample


@pytest.fixture(scope="module")
def pool():
    executor = LocalExecutor(2)
    yield executor
    executor.close()


def test_ordered_window_keeps_order_and_bounds_work_in_flight():
    in_flight, most = [], 0

    def submit(item):
        nonlocal most
        in_flight.append(item)
        most = max(most, len(in_flight))
        return item

    def fetch(item):
        in_flight.remove(item)
        return item * 10

    assert list(ordered_window(submit, fetch, iter(range(7)), window=3)) == [i * 10 for i in range(7)]
    assert most == 3 and not in_flight


def test_worker_processes_read_their_input_as_work_finishes(pool):
    """A few items per worker are sent ahead, not the whole input (file texts, pairs' vectors)."""
    pulled = []

    def items():
        for k in range(20):
            pulled.append(k)
            yield -k

    results = pool.map(abs, items())
    assert next(results) == 0 and len(pulled) <= pool.in_flight + 1
    assert list(results) == list(range(1, 20))


def test_slices_are_contiguous_and_near_equal():
    texts = [str(i) for i in range(7)]
    parts = slices(texts, 3)
    assert [len(p) for p in parts] == [3, 3, 1] and sum(parts, []) == texts
    assert slices(texts[:1], 4) == [["0"]] and slices([], 2) == []


def test_worker_processes_segment_every_file_in_input_order(pool):
    items = [(read_dump(path), str(path), None, SegmentConfig()) for path in collect_files([str(SAMPLE)])]
    assert len(items) > 2
    here = [segment_task(item) for item in items]
    there = list(pool.map(segment_task, items))
    assert [[a.to_json() for a in r.articles] for r in there] == [[a.to_json() for a in r.articles] for r in here]
    assert [r.removed for r in there] == [r.removed for r in here]


def test_worker_processes_embed_exactly_like_the_bundled_model(pool, bundled_encoder):
    text = read_dump(SAMPLE / "001_dayfeed.txt")
    sentences = [s.text for a in segment_task((text, "x.txt", None, SegmentConfig())).articles for s in a.sentences][:40]
    encoder = pool.encoder(override(Config(), {"embed.cache_dir": "off"}))
    assert encoder.name == bundled_encoder.name and encoder.dim == bundled_encoder.dim
    assert np.array_equal(encoder.encode(sentences), bundled_encoder.encode(sentences))
    assert encoder.encode([]).shape == (0, encoder.dim)


def test_two_workers_write_the_outputs_of_one(sample_run, tmp_path):
    one = read_outputs(sample_run.outdir)
    two = run_sample(tmp_path / "two", tmp_path / "cache-two", {"execution.workers": 2})
    for name in COMPARED:
        assert two[name] == one[name], name
    assert b"<tu " in one["corpus.tmx"]


def test_bad_executor_settings_are_refused_in_one_line():
    with pytest.raises(AlignError, match="--workers"):
        make_executor(override(Config(), {"execution.workers": 0}))
    with pytest.raises(AlignError, match="--executor"):
        make_executor(override(Config(), {"execution.executor": "spark"}))
    with pytest.raises(ModelError, match="bundled model: runs on CPU only"):
        check_device("bundled", "cuda")
    with pytest.raises(ModelError, match="--device"):
        check_device("bundled", "tpu")


def test_cli_refuses_an_unknown_executor(tmp_path):
    proc = run_cli(["run", SAMPLE, "-o", tmp_path / "o", "--executor", "spark"], tmp_path / "cache", timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == ["align: error: --executor: expected 'local' or 'ray', got 'spark'"]


def test_cuda_is_refused_without_a_gpu():
    torch = pytest.importorskip("torch")
    if torch.cuda.is_available():
        pytest.skip("a CUDA GPU is visible: the refusal cannot be observed")
    from align.embed.st import resolve_device

    assert resolve_device("auto") == "cpu"
    with pytest.raises(ModelError, match="--device cuda: no CUDA GPU"):
        resolve_device("cuda")
