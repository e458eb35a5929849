"""The bad-input matrix of ``align run``: every odd input is handled, skipped with a warning, or refused.

Each case runs the real command line in a subprocess (so no traceback can hide) with a private
embedding cache shared by this module. Cases already covered by test_cli.py (missing path, empty file,
binary file, English-only corpus, a model path that does not exist, an output folder under a regular
file, --max-align 0) are not repeated here.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from conftest import CREATED, SAMPLE, assert_one_line_error, run_cli

LATIN1_SAFE = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2026": "..."})


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("reliability-cache")


def align_cli(cache: Path, *args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    return run_cli(args, cache, env={"HF_HUB_OFFLINE": "1"}, timeout=timeout)


def run_ok(cache: Path, inputs: list[Path], out: Path, *extra: str) -> subprocess.CompletedProcess:
    proc = align_cli(cache, "run", *map(str, inputs), "-o", str(out), "--created", CREATED, "-q", *extra)
    assert proc.returncode == 0, proc.stderr
    return proc


def write_corpus(folder: Path, encoding: str = "utf-8", newline: str = "\n", latin1_safe: bool = False) -> Path:
    """The sample corpus, every file except the one holding Cyrillic written in ``encoding``."""
    folder.mkdir(parents=True)
    for path in sorted(SAMPLE.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if latin1_safe:
            text = text.translate(LATIN1_SAFE)
        if path.name.startswith("003"):  # Russian captions: only UTF-8 can hold them
            (folder / path.name).write_bytes(text.encode("utf-8"))
        else:
            (folder / path.name).write_bytes(text.replace("\n", newline).encode(encoding))
    return folder


def moses(out: Path) -> tuple[bytes, bytes]:
    return (out / "corpus.en").read_bytes(), (out / "corpus.id").read_bytes()


@pytest.fixture(scope="module")
def baseline(cache, tmp_path_factory):
    """Outputs of plain UTF-8 runs: the sample as shipped, and its latin-1-safe variant."""
    root = tmp_path_factory.mktemp("baseline")
    outs = {}
    for name, safe in (("utf-8", False), ("latin-1-safe", True)):
        run_ok(cache, [write_corpus(root / name, latin1_safe=safe)], root / f"{name}-out")
        outs[name] = root / f"{name}-out"
    assert moses(outs["utf-8"])[0].count(b"\n") > 20
    return outs


# --- handled correctly: encodings and line ends give the same corpus as UTF-8 ---------------------

@pytest.mark.parametrize("encoding, newline, latin1_safe", [
    ("latin-1", "\n", True),
    ("cp1252", "\n", False),
    ("utf-16", "\n", False),  # with BOM
    ("utf-8-sig", "\n", False),
    ("utf-8", "\r\n", False),
])
def test_encodings_and_line_ends_give_the_utf8_corpus(cache, baseline, tmp_path, encoding, newline, latin1_safe):
    corpus = write_corpus(tmp_path / "corpus", encoding, newline, latin1_safe)
    run_ok(cache, [corpus], tmp_path / "out")
    expected = baseline["latin-1-safe" if latin1_safe else "utf-8"]
    assert moses(tmp_path / "out") == moses(expected)


def test_nul_bytes_are_dropped(cache, baseline, tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    portal = corpus / "004_portal.txt"
    portal.write_bytes(portal.read_bytes().replace(b"Jawa Barat", b"Jawa\x00 Ba\x00rat"))
    run_ok(cache, [corpus], tmp_path / "out")
    assert moses(tmp_path / "out") == moses(baseline["utf-8"])


def test_control_characters_never_reach_the_outputs(cache, baseline, tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    portal = corpus / "004_portal.txt"
    text = portal.read_text(encoding="utf-8")
    text = text.replace("Jawa Barat", "Jawa\x07 Barat").replace(". ", ".\x1b[0m ").replace("\n\n", "\n\x0c\n")
    portal.write_text(text + "\x7f\x85\n", encoding="utf-8")
    run_ok(cache, [corpus], tmp_path / "out")
    out = tmp_path / "out"
    for name in ("corpus.en", "corpus.id", "corpus.tsv", "corpus.tmx"):
        assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85]", (out / name).read_text(encoding="utf-8")), name
    etree.parse(str(out / "corpus.tmx"))  # still well-formed XML
    assert (out / "corpus.id").read_text(encoding="utf-8").count("\n") == moses(baseline["utf-8"])[1].count(b"\n")


# --- handled: big inputs --------------------------------------------------------------------------

def test_a_100_mb_file_is_segmented(cache, tmp_path):
    """Embedding 100 MB would take hours with the bundled model, so only the segmenter runs on it."""
    feed = (SAMPLE / "001_dayfeed.txt").read_text(encoding="utf-8") + "\n\n"
    copies = 100_000_000 // len(feed.encode("utf-8")) + 1
    big = tmp_path / "big.txt"
    with open(big, "w", encoding="utf-8") as handle:
        for _ in range(copies):
            handle.write(feed)
    assert big.stat().st_size >= 100_000_000
    out = tmp_path / "articles.jsonl"
    # the limit only stops a hang: a loaded 2-core machine took 430-600 s
    proc = align_cli(cache, "segment", str(big), "-o", str(out), "-q", timeout=1800)
    assert proc.returncode == 0, proc.stderr
    with open(out, encoding="utf-8") as handle:
        found = sum(1 for _ in handle)
    assert found == 4 * copies  # two English and two Indonesian articles per copy


def test_a_single_file_with_one_5_mb_line_is_refused(cache, tmp_path):
    dump = tmp_path / "oneline.txt"
    dump.write_text("Banjir merendam ribuan rumah di Bekasi. " * 130_000, encoding="utf-8")
    assert dump.stat().st_size > 5_000_000
    proc = align_cli(cache, "run", str(dump), "-o", str(tmp_path / "out"))
    assert_one_line_error(proc, "oneline.txt", "no line breaks")
    assert not (tmp_path / "out").exists()


# --- skipped with a warning, the run goes on ------------------------------------------------------

@pytest.mark.parametrize("name, content", [
    ("oneline.txt", b"Banjir merendam ribuan rumah di Bekasi. " * 130_000),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 64),
    ("empty.txt", b""),
])
def test_an_unusable_file_among_others_is_skipped_with_a_warning(cache, baseline, tmp_path, name, content):
    corpus = write_corpus(tmp_path / "corpus")
    (corpus / name).write_bytes(content)
    proc = run_ok(cache, [corpus], tmp_path / "out", "--quiet")
    warnings = [line for line in proc.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and name in warnings[0], proc.stderr
    assert moses(tmp_path / "out") == moses(baseline["utf-8"])
    manifest = (tmp_path / "out" / "manifest.json").read_text(encoding="utf-8")
    assert name in manifest  # recorded as skipped, with the reason


def test_an_unreadable_file_among_others_is_skipped(cache, baseline, tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    locked = corpus / "locked.txt"
    locked.write_text("Sebuah berita.\n", encoding="utf-8")
    locked.chmod(0)
    proc = run_ok(cache, [corpus], tmp_path / "out")
    assert any("locked.txt" in line and "warning" in line for line in proc.stderr.splitlines()), proc.stderr
    assert moses(tmp_path / "out") == moses(baseline["utf-8"])


# --- refused with one line ------------------------------------------------------------------------

def test_a_folder_without_text_files_is_refused(cache, tmp_path):
    folder = tmp_path / "pictures"
    folder.mkdir()
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / ".hidden.txt").write_text("Sebuah berita.\n", encoding="utf-8")
    proc = align_cli(cache, "run", str(folder), "-o", str(tmp_path / "out"))
    assert_one_line_error(proc, "pictures", "no text files")
    assert not (tmp_path / "out").exists()


def test_a_corpus_without_pairs_gives_empty_corpus_files(cache, tmp_path):
    """English and Indonesian articles on different events: the run finishes with zero pairs."""
    dump = tmp_path / "unrelated.txt"
    dump.write_text(
        "Tuesday, 18 February 2025\n\nCafe owners in Bandung welcome cooler weather\n\n"
        "Cafe owners in Bandung said on Tuesday that sales rose after a week of cooler weather.\n\n"
        "The city's tourism office counted 12,000 visitors over the weekend, most of them from Jakarta.\n\n"
        "Rabu, 19 Maret 2025\n\nTimnas bulu tangkis juara di Malaysia\n\n"
        "Pasangan ganda putra Indonesia menjuarai turnamen bulu tangkis di Kuala Lumpur pada hari Minggu.\n\n"
        "Pelatih mengatakan tim akan berlatih di Jakarta sebelum berangkat ke Eropa bulan depan.\n",
        encoding="utf-8")
    proc = run_ok(cache, [dump], tmp_path / "out")
    assert proc.stdout == ""  # -q
    out = tmp_path / "out"
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["stages"]["pair"]["pairs"] == 0
    assert (out / "corpus.en").read_bytes() == b"" and (out / "corpus.tsv").read_bytes() == b""
    tmx = etree.parse(str(out / "corpus.tmx"))
    assert tmx.findall(".//tu") == []


def test_an_unknown_model_name_is_refused_quickly(cache, tmp_path):
    """A hub id that is neither bundled, cached nor reachable (offline): one line, no retries."""
    proc = align_cli(cache, "run", str(SAMPLE), "-o", str(tmp_path / "out"), "--model", "no-such-org/no-such-model",
                     "-q", timeout=120)
    assert_one_line_error(proc, "no-such-org/no-such-model")
    assert not (tmp_path / "out").exists()


def test_an_unwritable_output_folder_is_refused(cache, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        proc = align_cli(cache, "run", str(SAMPLE), "-o", str(locked / "out"))
    finally:
        locked.chmod(0o755)
    assert_one_line_error(proc, "locked", "permission denied")
    assert not (locked / "out").exists()


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc, where nobody can create files")
def test_an_output_folder_on_a_read_only_file_system_is_refused(cache):
    proc = align_cli(cache, "run", str(SAMPLE), "-o", "/proc/align-out/corpus")
    assert_one_line_error(proc, "/proc")


def test_an_output_path_that_is_a_file_is_refused(cache, tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("keep me\n", encoding="utf-8")
    proc = align_cli(cache, "run", str(SAMPLE), "-o", str(target))
    assert_one_line_error(proc, "out.txt", "not a folder")
    assert target.read_text(encoding="utf-8") == "keep me\n"


@pytest.mark.parametrize("option, value", [
    ("--min-score", "1.5"),
    ("--min-score", "abc"),
    ("--max-align", "9"),
    ("--max-align", "two"),
    ("--src", "xx"),
    ("--tgt", "en"),
    ("--created", "yesterday"),
    ("--rules", "missing-rules.json"),
    ("--rules", "bad-rules.json"),
])
def test_invalid_option_values_are_refused_before_any_work(cache, tmp_path, option, value):
    (tmp_path / "bad-rules.json").write_text('[{"name": "x", "pattern": "("}]', encoding="utf-8")
    if option == "--rules":
        value = str(tmp_path / value)
    proc = align_cli(cache, "run", str(SAMPLE), "-o", str(tmp_path / "out"), option, value)
    assert proc.returncode == 2
    errors = [line for line in proc.stderr.splitlines() if "error" in line.lower()]
    assert len(errors) == 1 and (option in errors[0] or value in errors[0]), proc.stderr
    assert not (tmp_path / "out").exists()


def test_an_unusable_cache_folder_only_costs_speed(cache, baseline, tmp_path):
    blocker = tmp_path / "cache-is-a-file"
    blocker.write_text("", encoding="utf-8")
    run_ok(cache, [write_corpus(tmp_path / "corpus")], tmp_path / "out", "--cache-dir", str(blocker))
    assert moses(tmp_path / "out") == moses(baseline["utf-8"])
