"""Speed benchmark of the alignment core against the Bertalign baseline.

    python benchmarks/speed.py [--sizes 1000,5000,10000,20000] [--timeout 600] [--memory-cap-gb 6]
                               [--e2e-docs 24|all] [--no-e2e] [--shared ../shared]

1. Align step on synthetic documents of N sentences per side (default 1k, 5k, 10k, 20k): random
   unit vectors with e5-like compressed cosines (unrelated ~0.78, translations ~0.9), a planted
   monotonic translation structure with 2-1 / 1-2 merges and inserted / dropped sentences, and
   synthetic texts whose lengths follow the translation (target ~1.1x source, merges sum lengths).
   Both aligners get the same precomputed sentence vectors and the same fake encoder, which returns
   the normalised sum of a window's sentence vectors (Bertalign's overlap embeddings, here without
   a model); time spent inside that encoder is excluded, so only the align step is timed. Each
   measurement runs in its own subprocess (JIT warmed up first on a small document) under a
   timeout; peak memory is the process's peak resident set during the call (VmHWM after resetting
   it), and the growth above the resident set before the call.
2. End to end on ``enid-sent-dev/hard`` (``--e2e-docs`` evenly spaced documents, default 24 of the
   192, since cold Bertalign embeds ~4 texts per sentence at ~3 window texts/s here): a fresh
   empty embedding cache per aligner, so every model call is real; embedding time (everything
   inside the encoder) and the rest are reported separately, with the model-call count and the
   strict/lax F1 of those documents. Strict F1 on all documents is also scored with the shared
   cache (cheap once the cache is warm).

Writes outputs/benchmarks/speed.md and speed.json and prints the table.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from align.atomic import atomic_open  # noqa: E402
from align.evaluate import score_alignments  # noqa: E402
from align.export.beads import read_beads  # noqa: E402
from align.records import Bead  # noqa: E402
from benchmarks.memstat import reset_peak, rss_mb  # noqa: E402

DIM = 384
ALIGNERS = ("ours", "bertalign")
_ID = re.compile(r"#([st])(\d+)#")


# ----------------------------------------------------------------------------- synthetic data


def synthetic_pair(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray, list[str], list[str], list[Bead]]:
    """Two documents of about ``n`` sentences with a planted alignment (the gold beads).

    Bead mix: 1-1 88 %, 2-1 and 1-2 3 % each, 1-0 and 0-1 3 % each. A vector is
    ``sqrt(0.78) * shared + sqrt(0.22) * meaning``; a translation's meaning is the source meaning
    (or the sum of the merged ones) plus noise, so translations score ~0.9 and strangers ~0.78.
    Text lengths follow the translation (see ``_bead_lengths``), as the length terms expect.
    """
    rng = np.random.default_rng(seed)
    kinds = [(1, 1), (2, 1), (1, 2), (1, 0), (0, 1)]
    picks = rng.choice(len(kinds), size=n, p=[0.88, 0.03, 0.03, 0.03, 0.03])
    shared = _unit(rng.standard_normal(DIM))
    src_meaning, tgt_meaning, beads = [], [], []
    src_lengths: list[int] = []
    tgt_lengths: list[int] = []
    for pick in picks:
        a, b = kinds[pick]
        if len(src_meaning) + a > n or len(tgt_meaning) + b > n:
            break
        own = [_unit(rng.standard_normal(DIM)) for _ in range(max(a, b))]
        if a and b:
            total = _unit(np.sum(own, axis=0))
            src_parts = own if a > 1 else [total]
            tgt_parts = own if b > 1 else [total]
            src_parts = [_unit(v + 0.9 * rng.standard_normal(DIM) / np.sqrt(DIM)) for v in src_parts]
            tgt_parts = [_unit(v + 0.9 * rng.standard_normal(DIM) / np.sqrt(DIM)) for v in tgt_parts]
        else:
            src_parts, tgt_parts = own[:a], own[:b]
        beads.append(Bead(tuple(range(len(src_meaning), len(src_meaning) + a)),
                          tuple(range(len(tgt_meaning), len(tgt_meaning) + b)), 1.0))
        src_meaning += src_parts
        tgt_meaning += tgt_parts
        src_len, tgt_len = _bead_lengths(rng, a, b)
        src_lengths += src_len
        tgt_lengths += tgt_len
    src = _mix(shared, np.array(src_meaning))
    tgt = _mix(shared, np.array(tgt_meaning))
    return src, tgt, _texts("s", src_lengths), _texts("t", tgt_lengths), beads


def _bead_lengths(rng: np.random.Generator, a: int, b: int) -> tuple[list[int], list[int]]:
    """Character lengths of a bead's sentences: a translation runs ~1.1x its source's total length
    (lognormal noise, sd 0.2), split at random between the sentences of a merge."""
    source_total = float(np.clip(rng.lognormal(np.log(120 * max(a, 1)), 0.5), 15 * max(a, 1), 900 * max(a, 1)))
    target_total = source_total * 1.1 * rng.lognormal(0.0, 0.2) if a else float(
        np.clip(rng.lognormal(np.log(132), 0.5), 15, 900))

    def split(total: float, parts: int) -> list[int]:
        return [max(15, int(total * share)) for share in rng.dirichlet(np.full(parts, 4.0))] if parts else []

    return split(source_total, a), split(target_total, b)


def _unit(v: np.ndarray) -> np.ndarray:
    return v / np.linalg.norm(v, axis=-1, keepdims=True)


def _mix(shared: np.ndarray, meaning: np.ndarray) -> np.ndarray:
    return _unit(np.sqrt(0.78) * shared + np.sqrt(0.22) * meaning).astype(np.float32)


def _texts(side: str, lengths: np.ndarray) -> list[str]:
    out = []
    for i, length in enumerate(lengths):
        tag = f"#{side}{i}# "
        out.append(tag + "w" * max(1, int(length) - len(tag)))
    return out


class SumEncoder:
    """Fake encoder for synthetic texts: the normalised sum of the tagged sentences' vectors."""

    name = "synthetic-sum"
    dim = DIM

    def __init__(self, src: np.ndarray, tgt: np.ndarray) -> None:
        self._vecs = {"s": src, "t": tgt}
        self.texts = 0
        self.seconds = 0.0

    def encode(self, texts: list[str]) -> np.ndarray:
        started = time.perf_counter()
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for row, text in enumerate(texts):
            for side, idx in _ID.findall(text):
                out[row] += self._vecs[side][int(idx)]
        self.texts += len(texts)
        self.seconds += time.perf_counter() - started
        return _unit(out + 1e-12).astype(np.float32)


# ----------------------------------------------------------------------------- child processes


def aligner_function(name: str):
    from benchmarks.baselines import BASELINES, ours

    return ours if name == "ours" else BASELINES[name]


def child_synthetic(name: str, size: int) -> dict:
    """Time one align call on a synthetic pair of ``size`` sentences per side."""
    align_fn = aligner_function(name)
    src, tgt, st, tt, _ = synthetic_pair(600, seed=1)
    align_fn(src, tgt, st, tt, encoder=SumEncoder(src, tgt))  # JIT warm-up, coarse-to-fine included
    src, tgt, st, tt, gold = synthetic_pair(size)
    encoder = SumEncoder(src, tgt)
    before = rss_mb("VmRSS")
    reset_peak()
    started = time.perf_counter()
    beads = align_fn(src, tgt, st, tt, encoder=encoder)
    total = time.perf_counter() - started
    peak = rss_mb("VmHWM")
    scores = score_alignments([gold], [beads])
    return {"aligner": name, "size": size, "src": len(st), "tgt": len(tt),
            "align_s": total - encoder.seconds, "fake_encoder_s": encoder.seconds,
            "fake_encoder_texts": encoder.texts, "peak_rss_mb": peak, "growth_mb": peak - before,
            "f1_strict": scores["f1_strict"]}


def insertion_pair(n: int, block: int, seed: int = 0):
    """A synthetic pair of about ``n`` x ``n + block`` sentences: ``n`` on each side follow each other
    (as in `synthetic_pair`), and a run of ``block`` unrelated target sentences sits in the middle."""
    src, tgt, st, tt, gold = synthetic_pair(n, seed)
    extra = block
    rng = np.random.default_rng(seed + 1)
    shared_dir = _unit(src.mean(axis=0))
    inserted = _mix(shared_dir, _unit(rng.standard_normal((extra, DIM))))
    at = len(gold) // 2
    cut = gold[at].tgt[0] if gold[at].tgt else next(b.tgt[0] for b in gold[at:] if b.tgt)
    tgt = np.concatenate([tgt[:cut], inserted, tgt[cut:]])
    lengths = [len(t) for t in tt]
    lengths = lengths[:cut] + [int(v) for v in rng.lognormal(np.log(132), 0.5, extra).clip(15, 900)] + lengths[cut:]
    shifted = [Bead(b.src, tuple(j + extra if j >= cut else j for j in b.tgt), 1.0) for b in gold]
    block_beads = [Bead((), (cut + k,), 1.0) for k in range(extra)]
    first = next(k for k, b in enumerate(shifted) if b.tgt and b.tgt[0] >= cut + extra)
    return src, tgt, st, _texts("t", lengths), shifted[:first] + block_beads + shifted[first:], (cut, cut + extra)


def child_insertion(n: int, block: int) -> dict:
    """Align about ``n`` x ``n + block`` sentences holding a ``block``-sentence insertion: time, peak
    memory and the share of the inserted block found as 0-1 beads."""
    from align.align import align_sentences

    src, tgt, st, tt, _ = synthetic_pair(600, seed=1)
    align_sentences(src, tgt, st, tt)  # JIT warm-up
    src, tgt, st, tt, gold, (lo, hi) = insertion_pair(n, block)
    before = rss_mb("VmRSS")
    reset_peak()
    started = time.perf_counter()
    beads = align_sentences(src, tgt, st, tt)
    seconds = time.perf_counter() - started
    peak = rss_mb("VmHWM")
    alone = {b.tgt[0] for b in beads if not b.src and len(b.tgt) == 1}
    found = sum(1 for j in range(lo, hi) if j in alone)
    return {"src": len(st), "tgt": len(tt), "block": hi - lo, "align_s": seconds, "peak_rss_mb": peak,
            "growth_mb": peak - before, "block_found_as_0_1": found / max(hi - lo, 1),
            "f1_strict": score_alignments([gold], [beads])["f1_strict"]}


class TimedEncoder:
    """Wraps an encoder, adding up the seconds spent in it and the texts it was given."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.name, self.dim = inner.name, inner.dim
        self.seconds = 0.0
        self.texts = 0

    def encode(self, texts: list[str]) -> np.ndarray:
        started = time.perf_counter()
        try:
            return self.inner.encode(texts)
        finally:
            self.seconds += time.perf_counter() - started
            self.texts += len(texts)


def hard_documents(shared: Path, count: int | None) -> list[tuple[Path, Path, Path]]:
    """(en, id, gold) paths of enid-sent-dev/hard; ``count`` evenly spaced ones, or all."""
    folder = shared / "data" / "enid-sent-dev" / "hard"
    docs = [(en, en.with_suffix(".id"), en.with_suffix(".gold")) for en in sorted(folder.glob("*.en"))]
    if count and count < len(docs):
        docs = [docs[round(k * len(docs) / count)] for k in range(count)]
    return docs


def align_documents(name: str, docs, cache_dir: str) -> dict:
    """Embed and align each document pair; times, model calls and scores."""
    from align.embed import load_encoder

    align_fn = aligner_function(name)
    started = time.perf_counter()
    cached = load_encoder("bundled", cache_dir=cache_dir)
    encoder = TimedEncoder(cached)
    load_s = time.perf_counter() - started
    gold, pred, sentences = [], [], 0
    for en, idn, gold_path in docs:
        src_texts = en.read_text(encoding="utf-8").splitlines()
        tgt_texts = idn.read_text(encoding="utf-8").splitlines()
        src, tgt = encoder.encode(src_texts), encoder.encode(tgt_texts)
        pred.append(align_fn(src, tgt, src_texts, tgt_texts, encoder=encoder))
        gold.append(read_beads(gold_path))
        sentences += len(src_texts) + len(tgt_texts)
    total = time.perf_counter() - started
    scores = score_alignments(gold, pred)
    embed_s = encoder.seconds + load_s
    return {"aligner": name, "docs": len(docs), "sentences": sentences, "total_s": total,
            "embed_s": embed_s, "rest_s": total - embed_s, "texts_to_encoder": encoder.texts,
            "model_calls": cached.misses, "f1_strict": scores["f1_strict"], "f1_lax": scores["f1_lax"]}


def child_e2e(name: str, shared: Path, count: int | None) -> dict:
    """End to end on hard with a fresh, empty cache: every model call is real."""
    with tempfile.TemporaryDirectory(prefix="align-speed-cache-") as tmp:
        return align_documents(name, hard_documents(shared, count), tmp)


def child_quality(name: str, shared: Path) -> dict:
    """All hard documents through the shared (default) cache: the F1 the timing subset stands for."""
    return align_documents(name, hard_documents(shared, None), cache_dir=None)


# ----------------------------------------------------------------------------- parent


def run_child(args: list[str], timeout: int, memory_cap_gb: float | None = None) -> dict:
    """Run this script as a child measuring one thing; its last stdout line is a JSON result.

    ``memory_cap_gb`` caps the child's address space, so a runaway aligner fails instead of
    exhausting a shared machine.
    """
    command = [sys.executable, str(Path(__file__).resolve()), *args]

    def cap() -> None:
        limit = int(memory_cap_gb * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    started = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                              preexec_fn=cap if memory_cap_gb else None)
    except subprocess.TimeoutExpired:
        return {"status": f"did not finish in {timeout} s"}
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        if memory_cap_gb and ("MemoryError" in done.stderr or "alloc" in last.lower() or done.returncode < 0):
            return {"status": f"exceeded the {memory_cap_gb:g} GB memory cap"}
        return {"status": f"failed: {last[:160]}", "wall_s": time.perf_counter() - started}
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["status"] = "ok"
    return result


def _fmt(value, spec: str = ".2f") -> str:
    return format(value, spec) if isinstance(value, (int, float)) else "–"


def synthetic_table(rows: list[dict], sizes: list[int]) -> list[str]:
    lines = ["| sentences / side | ours align s | Bertalign align s | speed-up (Bertalign / ours) | ours peak RSS MB (growth) "
             "| Bertalign peak RSS MB (growth) | ours F1 | Bertalign F1 |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for size in sizes:
        got = {r["aligner"]: r for r in rows if r["size"] == size}
        ours, bert = got.get("ours", {}), got.get("bertalign", {})
        cells = []
        for r in (ours, bert):
            cells.append(_fmt(r.get("align_s"), ".3f") if r.get("status") == "ok" else r.get("status", "–"))
        ratio = bert.get("align_s", 0) / ours["align_s"] if ours.get("status") == bert.get("status") == "ok" else None
        mem = [f"{r['peak_rss_mb']:.0f} ({r['growth_mb']:.0f})" if r.get("status") == "ok" else "–"
               for r in (ours, bert)]
        f1 = [_fmt(r.get("f1_strict"), ".3f") for r in (ours, bert)]
        speedup = f"{ratio:.1f}×" if ratio else "–"
        lines.append(f"| {size} | {cells[0]} | {cells[1]} | {speedup} | {mem[0]} | {mem[1]} "
                     f"| {f1[0]} | {f1[1]} |")
    return lines


def e2e_table(rows: dict) -> list[str]:
    lines = ["| aligner | docs | sentences | total s | embedding s | rest s | texts to encoder | model calls "
             "| strict F1 | lax F1 |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name in ALIGNERS:
        r = rows.get(name, {})
        if r.get("status") != "ok":
            lines.append(f"| {name} | {r.get('status', 'not run')} | | | | | | | | |")
            continue
        lines.append(f"| {name} | {r['docs']} | {r['sentences']} | {r['total_s']:.1f} | {r['embed_s']:.1f} "
                     f"| {r['rest_s']:.2f} | {r['texts_to_encoder']} | {r['model_calls']} | {r['f1_strict']:.3f} "
                     f"| {r['f1_lax']:.3f} |")
    ours, bert = rows.get("ours", {}), rows.get("bertalign", {})
    if ours.get("status") == bert.get("status") == "ok":
        lines.append("")
        lines.append(f"End-to-end speed-up (Bertalign total / ours total): {bert['total_s'] / ours['total_s']:.2f}×; "
                     f"model calls {bert['model_calls']} vs {ours['model_calls']}.")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,5000,10000,20000")
    parser.add_argument("--timeout", type=int, default=600, help="seconds per measurement")
    parser.add_argument("--e2e-docs", default="24",
                        help="evenly spaced hard documents to time cold, or 'all' (about 45 min here)")
    parser.add_argument("--memory-cap-gb", type=float, default=6.0, help="address-space cap per synthetic run")
    parser.add_argument("--no-e2e", action="store_true", help="time the align step only; keep the last "
                        "end-to-end figures from speed.json")
    parser.add_argument("--shared", default=str(REPO.parent / "shared"))
    parser.add_argument("--out", default=str(REPO / "outputs" / "benchmarks"))
    parser.add_argument("--insertion", default="20000,10000",
                        help="N,BLOCK: an N x N+BLOCK pair with a BLOCK-sentence one-sided insertion ('' skips)")
    parser.add_argument("--child", choices=["synthetic", "e2e", "quality", "insertion"], help=argparse.SUPPRESS)
    parser.add_argument("--aligner", choices=ALIGNERS, help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    count = None if args.e2e_docs == "all" else int(args.e2e_docs)

    if args.child == "synthetic":
        print(json.dumps(child_synthetic(args.aligner, args.size)))
        return
    if args.child == "insertion":
        n, block = (int(v) for v in args.insertion.split(","))
        print(json.dumps(child_insertion(n, block)))
        return
    if args.child == "e2e":
        print(json.dumps(child_e2e(args.aligner, Path(args.shared), count)))
        return
    if args.child == "quality":
        print(json.dumps(child_quality(args.aligner, Path(args.shared))))
        return

    sizes = [int(s) for s in args.sizes.split(",") if s]
    synthetic, stopped = [], set()
    for size in sizes:
        for name in ALIGNERS:
            if name in stopped:
                result = {"status": "skipped (smaller size did not finish)"}
            else:
                result = run_child(["--child", "synthetic", "--aligner", name, "--size", str(size)], args.timeout,
                                   args.memory_cap_gb)
            result.update(aligner=name, size=size)
            if result["status"] != "ok":
                stopped.add(name)
            synthetic.append(result)
            print(f"synthetic {size:>6} {name:<9} {result.get('align_s', result['status'])}", flush=True)

    insertion = {}
    if args.insertion:
        insertion = run_child(["--child", "insertion", "--insertion", args.insertion], args.timeout, args.memory_cap_gb)
        print(f"insertion {args.insertion}: {insertion}", flush=True)

    e2e, quality = {}, {}
    previous = Path(args.out) / "speed.json"
    if args.no_e2e and previous.exists():  # keep the last full run's end-to-end figures
        last = json.loads(previous.read_text(encoding="utf-8"))
        e2e, quality, args.e2e_docs = last["end_to_end"], last["quality_all_hard"], last["e2e_docs"]
    hard = Path(args.shared) / "data" / "enid-sent-dev" / "hard"
    if not args.no_e2e and not hard.is_dir():
        print(f"{hard}: absent, so no end-to-end figures (the dev sets live in ../shared/data)", flush=True)
        args.no_e2e = True
    if not args.no_e2e:
        for name in ALIGNERS:
            e2e[name] = run_child(["--child", "e2e", "--aligner", name, "--e2e-docs", args.e2e_docs,
                                   "--shared", args.shared], 3 * args.timeout)
            print(f"end-to-end {name:<9} {e2e[name].get('total_s', e2e[name]['status'])}", flush=True)
            quality[name] = run_child(["--child", "quality", "--aligner", name, "--shared", args.shared],
                                      3 * args.timeout)

    md = ["# Speed: alignment core vs the Bertalign baseline", "",
          f"Host: {os.cpu_count()} CPUs (shared with other jobs); one subprocess per measurement.", "",
          "## Align step on synthetic documents", "",
          "Same precomputed sentence vectors for both; Bertalign's overlap-window vectors come from a "
          "fake encoder (normalised sum of the window's sentence vectors) whose time is excluded. "
          "Peak RSS: whole process during the call; growth: above its RSS before the call. "
          "F1: strict F1 against the planted alignment.", "",
          *synthetic_table(synthetic, sizes)]
    if insertion:
        md += ["", "## Long one-sided insertion (ours)", "",
               "A synthetic pair as above with one block of unrelated target sentences inserted in the middle.", "",
               "| source | target | block | align s | peak RSS MB (growth) | block found as 0-1 | strict F1 |",
               "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
               f"| {insertion.get('src', '–')} | {insertion.get('tgt', '–')} | {insertion.get('block', '–')} "
               f"| {_fmt(insertion.get('align_s'))} | "
               + (f"{insertion['peak_rss_mb']:.0f} ({insertion['growth_mb']:.0f})" if insertion.get("status") == "ok"
                  else insertion.get("status", "–"))
               + f" | {_fmt(insertion.get('block_found_as_0_1'), '.4f')} | {_fmt(insertion.get('f1_strict'), '.3f')} |"]
    if e2e:
        md += ["", "## End to end on enid-sent-dev/hard (cold cache)", "",
               f"Documents: {args.e2e_docs} (evenly spaced); a fresh empty embedding cache per aligner, "
               "so model calls are real. Embedding = time inside the encoder (incl. loading it); rest = "
               "everything else. F1 is over the timed documents.", "", *e2e_table(e2e), "",
               "## Strict F1 on all 192 hard documents (shared cache)", "",
               "| aligner | strict F1 | lax F1 |", "| --- | ---: | ---: |"]
        for name in ALIGNERS:
            r = quality.get(name, {})
            md.append(f"| {name} | {_fmt(r.get('f1_strict'), '.3f')} | {_fmt(r.get('f1_lax'), '.3f')} |"
                      if r.get("status") == "ok" else f"| {name} | {r.get('status')} | |")
    out = Path(args.out)
    with atomic_open(out / "speed.md") as handle:
        handle.write("\n".join(md) + "\n")
    with atomic_open(out / "speed.json") as handle:
        json.dump({"synthetic": synthetic, "insertion": insertion, "end_to_end": e2e, "quality_all_hard": quality,
                   "e2e_docs": args.e2e_docs}, handle, indent=1)
    print("\n".join(md))


if __name__ == "__main__":
    main()
