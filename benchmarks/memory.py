"""Peak memory of ``align run`` on a big synthetic corpus (default 50,000 articles per language).

Usage: ``python benchmarks/memory.py [ARTICLES_PER_LANGUAGE]``. Writes outputs/benchmarks/memory.md and
memory.json and prints the table.

The corpus is synthesised: news-like English articles built from sentence templates with numbers
that make every sentence unique, each with an Indonesian translation of the same templates, spread
over files of 500 articles per language. Embedding 1.3 million sentences with the real model would
take many hours, so the child run replaces ``load_encoder`` where the pipeline calls it with a fast
hash-based encoder (this benchmark only; it fails if the run used anything else): a sentence's
vector comes from the numbers it holds, so a sentence and its translation get near-identical vectors
and pairing and alignment do real work. Everything else
(segmenting, pairing, alignment, export, report) is the real pipeline. Peak resident memory is read
from ``/usr/bin/time -v`` when present, else from ``getrusage`` of the child.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from pathlib import Path

import numpy as np

from align.atomic import atomic_open

sys.path.insert(0, str(Path(__file__).resolve().parent))
from memstat import rss_mb  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "outputs" / "benchmarks"
PER_FILE = 500
DIM = 384

TEMPLATES = [
    ("The city council approved a budget of {a} billion rupiah for {b} new classrooms on Monday.",
     "Dewan kota menyetujui anggaran {a} miliar rupiah untuk {b} ruang kelas baru pada hari Senin."),
    ("Police said {a} people were questioned after the fire at a market in district {b}.",
     "Polisi mengatakan {a} orang dimintai keterangan setelah kebakaran di sebuah pasar di distrik {b}."),
    ("Rice prices rose {a} percent in the last {b} weeks, according to the trade ministry.",
     "Harga beras naik {a} persen dalam {b} pekan terakhir, menurut kementerian perdagangan."),
    ("About {a} families were moved to shelters when the river rose {b} centimetres overnight.",
     "Sekitar {a} keluarga dipindahkan ke tempat pengungsian ketika sungai naik {b} sentimeter semalam."),
    ("The airline will add {a} flights a week between Jakarta and Medan from route {b}.",
     "Maskapai itu akan menambah {a} penerbangan per minggu antara Jakarta dan Medan dari rute {b}."),
    ("Health officials recorded {a} new cases of dengue fever in {b} villages this month.",
     "Petugas kesehatan mencatat {a} kasus baru demam berdarah di {b} desa bulan ini."),
    ("\u201cWe need {a} more nurses in ward {b},\u201d the hospital director told reporters.",
     "\u201cKami membutuhkan {a} perawat lagi di bangsal {b},\u201d kata direktur rumah sakit kepada wartawan."),
    ("Exports of palm oil reached {a} tonnes in quarter {b}, the statistics agency said.",
     "Ekspor minyak sawit mencapai {a} ton pada kuartal {b}, kata badan pusat statistik."),
    ("The governor promised to repair {a} kilometres of road before the holiday in region {b}.",
     "Gubernur berjanji memperbaiki {a} kilometer jalan sebelum libur di wilayah {b}."),
    ("Rescue teams searched {a} hectares of forest for the {b} missing hikers.",
     "Tim penyelamat menyisir {a} hektare hutan untuk mencari {b} pendaki yang hilang."),
    ("Teachers at {a} schools joined the strike, which entered its {b}th day on Friday.",
     "Guru di {a} sekolah ikut mogok, yang memasuki hari ke-{b} pada hari Jumat."),
    ("The new bridge, {a} metres long, will open to traffic in month {b}.",
     "Jembatan baru sepanjang {a} meter itu akan dibuka untuk lalu lintas pada bulan {b}."),
]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
             "Oktober", "November", "Desember"]
_NUMBER = re.compile(r"\d+")


def synthesise(folder: Path, per_language: int, seed: int = 7) -> dict:
    """Write ``per_language`` English articles and their Indonesian translations as dump files."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    sentences = 0
    for first in range(0, per_language, PER_FILE):
        en_lines, id_lines = [], []
        for k in range(first, min(first + PER_FILE, per_language)):
            day, month = 1 + k % 28, k % 12
            en_lines += [f"{day} {MONTHS_EN[month]} 2024 08:{k % 60:02d} GMT", ""]
            id_lines += [f"{day} {MONTHS_ID[month]} 2024 08:{k % 60:02d} WIB", ""]
            count = rng.randint(8, 16)
            picks = [rng.randrange(len(TEMPLATES)) for _ in range(count)]
            fills = [(k * 100 + j + 1000, rng.randint(2, 999)) for j in range(count)]
            en_lines += [f"Report {k}: news from {place(k)}", ""]
            id_lines += [f"Laporan {k}: berita dari {place(k)}", ""]
            for start in range(0, count, 3):  # paragraphs of three sentences
                block = range(start, min(start + 3, count))
                en_lines += [" ".join(_located(TEMPLATES[picks[j]][0].format(a=fills[j][0], b=fills[j][1]), "near",
                                               places(fills[j][0])) for j in block), ""]
                id_lines += [" ".join(_located(TEMPLATES[picks[j]][1].format(a=fills[j][0], b=fills[j][1]), "dekat",
                                               places(fills[j][0])) for j in block), ""]
            sentences += count  # the titles ("Report k: ...") recur as a template: furniture
        (folder / f"en_{first // PER_FILE:04d}.txt").write_text("\n".join(en_lines) + "\n", encoding="utf-8")
        (folder / f"id_{first // PER_FILE:04d}.txt").write_text("\n".join(id_lines) + "\n", encoding="utf-8")
    size = sum(p.stat().st_size for p in folder.iterdir())
    return {"articles_per_language": per_language, "sentences_per_language": sentences, "bytes": size}


def place(number: int) -> str:
    """A made-up lowercase place name spelled from ``number`` (one per number), so that no two sentences
    share their words once digits are masked (the segmenter drops sentences recurring that way)."""
    word = ""
    while True:
        number, rest = divmod(number, len(_SYLLABLES))
        word += _SYLLABLES[rest]
        if not number:
            return word


def places(number: int) -> str:
    """Two made-up place names for sentence ``number``: sentences of one template then differ in two
    words besides their digits (the segmenter drops short sentences recurring with one word varying)."""
    return f"{place(number)} {place(7 * number + 3)}"


def _located(sentence: str, near: str, name: str) -> str:
    """``sentence`` with "NEAR NAME" before its final punctuation."""
    end = len(sentence.rstrip(".\u201d,"))
    return f"{sentence[:end]} {near} {name}{sentence[end:]}"


_SYLLABLES = [c + v for c in "bdgklmnprst" for v in "aiou"]


class HashEncoder:
    """Fast stand-in for the model: the vector is a function of the numbers in the text, plus noise."""

    name = "hash-benchmark"
    dim = DIM

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.empty((len(texts), DIM), dtype=np.float32)
        for row, text in enumerate(texts):
            numbers = _NUMBER.findall(text)
            base = np.random.default_rng(zlib.crc32(" ".join(numbers or [text]).encode())).standard_normal(DIM)
            noise = np.random.default_rng(zlib.crc32(text.encode())).standard_normal(DIM)
            vec = base + 0.3 * noise
            out[row] = vec / np.linalg.norm(vec)
        return out


def child(corpus: Path, outdir: Path) -> None:
    """The measured process: the real pipeline with the hash encoder in place of the model."""
    from align import pipeline
    from align.config import Config, override
    from align.embed.cache import CachedEncoder
    from align.executors import local

    local.load_encoder = lambda model, cache_dir=None, **options: CachedEncoder(HashEncoder(), "off")
    pipeline.load_encoder = local.load_encoder  # the alignment's encoder for doubtful windows, too
    samples: list[tuple[float, float]] = []  # (seconds since start, resident MiB), twice a second
    start = time.perf_counter()

    def sample() -> None:
        while True:
            samples.append((time.perf_counter() - start, rss_mb()))
            time.sleep(0.5)

    threading.Thread(target=sample, daemon=True).start()
    result = pipeline.run([corpus], outdir, override(Config(), {"quiet": True, "export.created": "2025-01-01T00:00:00Z"}))
    manifest = json.loads((outdir / "manifest.json").read_text(encoding="utf-8"))
    used = manifest["stages"]["embed"]["model"]
    if used != HashEncoder.name:
        raise SystemExit(f"the run used {used}, not the hash encoder")
    summary = {
        "articles": len(result.articles), "pairs": len(result.pairs),
        "segments": result.segments_written, "seconds": round(time.perf_counter() - start, 1),
        "timings": result.timings, "vector_dtype": manifest["stages"]["embed"].get("vector_dtype", "float32"),
        "vectors_on_disk": manifest["config"]["embed"].get("vectors_on_disk", False),
        "stage_peaks_mib": stage_peaks(samples, result.timings),
    }
    print("RESULT " + json.dumps(summary), flush=True)


def stage_peaks(samples: list[tuple[float, float]], timings: dict[str, float]) -> dict[str, int]:
    """The highest resident memory sampled during each stage, by the stages' seconds in run order
    (embedding and pairing alternate in two-stage pairing, so they count as one stage)."""
    order = [("load model", ["load model"]), ("segment", ["segment"]), ("embed + pair", ["embed", "pair"]),
             ("align", ["align"]), ("export + report", ["export"])]
    peaks, end = {}, 0.0
    for label, parts in order:
        begin, end = end, end + sum(timings.get(part, 0.0) for part in parts)
        inside = [mib for t, mib in samples if begin <= t < end]
        peaks[label] = round(max(inside)) if inside else None
    inside = [mib for t, mib in samples if t >= end]
    peaks["export + report"] = max(filter(None, [peaks["export + report"], round(max(inside)) if inside else None]),
                                   default=None)
    return peaks


def measure(corpus: Path, outdir: Path) -> dict:
    """Run the child under /usr/bin/time -v (else getrusage) and return its summary and peak RSS."""
    command = [sys.executable, __file__, "--child", str(corpus), str(outdir)]
    timer = shutil.which("time")
    if timer:
        command = [timer, "-v", *command]
    proc = subprocess.run(command, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"benchmark run failed:\n{proc.stderr[-3000:]}")
    summary = json.loads(next(l for l in proc.stdout.splitlines() if l.startswith("RESULT "))[7:])
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    kib = int(peak.group(1)) if peak else resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    summary["peak_rss_mib"] = round(kib / 1024)
    summary["measured_with"] = "/usr/bin/time -v" if peak else "getrusage(RUSAGE_CHILDREN)"
    return summary


def main(per_language: int) -> None:
    with tempfile.TemporaryDirectory(prefix="align-memory-") as tmp:
        corpus = Path(tmp) / "corpus"
        made = synthesise(corpus, per_language)
        result = {**made, **measure(corpus, Path(tmp) / "out")}
    runs = {}  # every size measured so far, so that separate runs of this script fill one table
    if (OUT / "memory.json").exists():
        runs = json.loads((OUT / "memory.json").read_text(encoding="utf-8")).get("runs", {})
    runs[str(per_language)] = result
    rows = [runs[k] for k in sorted(runs, key=int)]
    table = "\n".join([
        "# Peak memory of `align run` (synthetic corpus, hash encoder)",
        "",
        "| articles per language | sentences per language | input MB | pairs | segments | seconds | peak RSS MiB |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        *(f"| {r['articles_per_language']:,} | {r['sentences_per_language']:,} | {r['bytes'] / 1e6:.0f} | "
          f"{r['pairs']:,} | {r['segments']:,} | {r['seconds']} | {r['peak_rss_mib']:,} |" for r in rows),
        "",
        "Seconds and peak resident MiB per stage:",
        "",
        "| articles per language | " + " | ".join(STAGES) + " |",
        "| ---: |" + " ---: |" * len(STAGES),
        *(f"| {r['articles_per_language']:,} | " + " | ".join(
            f"{_stage_seconds(r['timings'], stage)} s, {r.get('stage_peaks_mib', {}).get(stage, '?')} MiB"
            for stage in STAGES) + " |" for r in rows),
        "",
        f"Peak measured with {result['measured_with']}. Vectors stored as {result['vector_dtype']}, "
        f"{'in a file' if result['vectors_on_disk'] else 'in memory'}. The embedding model is replaced by a hash-based "
        "encoder (384 dimensions) so that the run takes minutes, not hours; every other stage is real.",
        "",
    ])
    with atomic_open(OUT / "memory.md") as handle:
        handle.write(table)
    with atomic_open(OUT / "memory.json") as handle:
        handle.write(json.dumps({"runs": runs}, indent=2) + "\n")
    print(table)


STAGES = ("segment", "embed + pair", "align", "export + report")


def _stage_seconds(timings: dict[str, float], stage: str) -> float:
    return round(sum(timings.get(part, 0.0) for part in {"embed + pair": ["embed", "pair"],
                                                          "export + report": ["export"]}.get(stage, [stage])), 1)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
        parser.add_argument("articles", nargs="?", type=int, default=50_000, help="articles per language")
        main(parser.parse_args().articles)
