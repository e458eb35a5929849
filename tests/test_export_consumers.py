"""Our TMX read by real consumers: the TMX 1.4b DTD, translate-toolkit, and OmegaT (headless).

Each TMX is built from real EN-ID sentence pairs (hand-written here, plus gold beads from
../shared/data/enid-sent-dev when present) or from hostile text, and must pass all three checks.
OmegaT is installed in CI by .ci/install-omegat; the OmegaT test skips only where it is absent.
"""

from __future__ import annotations

from dataclasses import replace

import shutil
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest

from align.export.beads import read_beads
from align.export.filters import FilterOptions, filter_pairs
from align.export.moses import write_moses
from align.export.text import clean_segment
from align.export.tmx import write_tmx
from align.export.tmxread import read_tmx, validate_tmx
from align.export.tsv import write_tsv
from align.records import AlignedPair
from conftest import SHARED, shared_path

CREATED = datetime(2024, 6, 1, 9, 30, 5, tzinfo=timezone.utc)

HANDWRITTEN = [
    ("The city council approved the new budget on Tuesday.", "Dewan kota menyetujui anggaran baru pada hari Selasa."),
    ("Heavy rain flooded several roads in the capital.", "Hujan deras membanjiri beberapa jalan di ibu kota."),
    ("The minister said the programme would start next year.", "Menteri mengatakan program itu akan dimulai tahun depan."),
    ("Farmers expect a good rice harvest this season.", "Para petani memperkirakan panen padi yang baik musim ini."),
]
HANDWRITTEN_SWAPPED = [  # written with srclang="id"
    ("Schools will reopen after the holiday.", "Sekolah akan dibuka kembali setelah liburan."),
    ("The museum is open every day except Monday.", "Museum itu buka setiap hari kecuali hari Senin."),
]
LONG_EN = " ".join(f"Paragraph {i} of the annual report describes the harbour works." for i in range(400))[:19999] + "."
LONG_ID = " ".join(f"Paragraf {i} laporan tahunan menjelaskan pekerjaan pelabuhan." for i in range(400))[:19999] + "."
HOSTILE = [
    ("Price\x00 list\x01 for\x08 2024\x0b\x0c\x1b\x7f\x85\x9f is ready.", "Daftar\x00 harga\x1f 2024\x0b sudah siap."),
    ('Tom & Jerry <b>bold</b> ]]> "quoted" \'single\' &amp; &#1; <![CDATA[x]]> <seg>',
     'Tom & Jerry <b>tebal</b> ]]> "dikutip" \'tunggal\' &amp; &#1; <![CDATA[x]]> <seg>'),
    ("We won 🏆 👩‍👩‍👧 🇮🇩 👍🏽 today!", "Kami menang 🏆 👩‍👩‍👧 🇮🇩 👍🏽 hari ini!"),
    ("He wrote \u202eabc\u202c and \u200fمرحبا\u200e in Arabic.", "Ia menulis \u202eabc\u202c dan \u200fمرحبا\u200e dalam bahasa Arab."),
    ("Line one\nline two\r\nline\tthree\u2028four\u00a0five", "Baris satu\nbaris dua\r\nbaris\ttiga\u2029empat\u00a0lima"),
    ("Broken \ud800 surrogate \ufffe\uffff here.", "Surogat \udfff rusak \ufffe di sini."),
    ("Cafe\u0301 de\u0301ja\u0300 vu in Zu\u0308rich.", "Kafe\u0301 de\u0301ja\u0300 vu di Zu\u0308rich."),
    ("Zero\ufeffwidth\u200bspace in the middle.", "Spasi\u200blebar\ufeffnol di tengah."),
    (LONG_EN, LONG_ID),
    ("\x01\x02\x03", "\x04 \x05"),  # nothing left after cleaning: no unit
]


def make_pairs(texts, doc: str, kinds=None) -> list[AlignedPair]:
    return [
        AlignedPair(en, id_, 0.9 - i / 1000, f"{doc}-en:0", f"{doc}-id:0", f"dumps/{doc} & <en>\x01.txt",
                    f"dumps/{doc}-id.txt", kinds[i] if kinds else "1-1")
        for i, (en, id_) in enumerate(texts)
    ]


def expected_units(pairs: list[AlignedPair]) -> list[tuple[str, str]]:
    cleaned = [(clean_segment(p.src), clean_segment(p.tgt)) for p in pairs]
    return [(en, id_) for en, id_ in cleaned if en or id_]


def dev_pairs() -> list[AlignedPair]:
    """Gold beads of ten enid-sent-dev 'hard' documents (merges, 1-0 and 0-1 beads), or [] without ../shared."""
    folder = SHARED / "data" / "enid-sent-dev" / "hard"
    if not folder.is_dir():
        return []
    pairs = []
    for stem in (f"dev-{n:04d}" for n in range(1, 11)):
        en = (folder / f"{stem}.en").read_text(encoding="utf-8").splitlines()
        ind = (folder / f"{stem}.id").read_text(encoding="utf-8").splitlines()
        for bead in read_beads(folder / f"{stem}.gold"):
            src, tgt = bead.src, bead.tgt
            pairs.append(AlignedPair(
                " ".join(en[i] for i in src), " ".join(ind[j] for j in tgt), 0.9,
                f"{stem}.en:0", f"{stem}.id:0", f"enid-sent-dev/hard/{stem}.en", f"enid-sent-dev/hard/{stem}.id",
                f"{len(src)}-{len(tgt)}",
            ))
    return pairs


def check_translate_toolkit(path: Path, expected: list[tuple[str, str]], srclang: str) -> None:
    """translate-toolkit's TMX storage reads every unit, in order, with both sides intact."""
    from translate.storage.tmx import tmxfile

    store = tmxfile.parsefile(str(path))
    assert store.sourcelanguage == srclang
    units = store.units
    assert len(units) == len(expected)
    for number, (unit, (en, id_)) in enumerate(zip(units, expected), 1):
        source, target = (en, id_) if srclang == "en" else (id_, en)
        assert unit.getid() == str(number)
        assert (unit.source, unit.target) == (source, target)


def check_all(path: Path, pairs: list[AlignedPair], srclang: str = "en") -> list[tuple[str, str]]:
    """Write English-Indonesian ``pairs`` with ``srclang`` ("en" or "id") as the source side."""
    expected = expected_units(pairs)
    if srclang == "en":
        assert write_tmx(path, pairs, src="en", tgt="id", created=CREATED) == len(expected)
    else:
        swapped = [replace(p, src=p.tgt, tgt=p.src) for p in pairs]
        assert write_tmx(path, swapped, src="id", tgt="en", created=CREATED) == len(expected)
    assert path.read_bytes()[:3] != b"\xef\xbb\xbf"
    assert validate_tmx(path) == []
    check_translate_toolkit(path, expected, srclang)
    assert [(u.segments.get("en", ""), u.segments.get("id", "")) for u in read_tmx(path)] == expected
    return expected


def test_hostile_text_passes_dtd_and_translate_toolkit(tmp_path):
    expected = check_all(tmp_path / "hostile.tmx", make_pairs(HOSTILE, "hostile"))
    assert len(expected) == len(HOSTILE) - 1
    assert max(len(en) for en, _ in expected) == 20000
    assert ("We won 🏆 👩‍👩‍👧 🇮🇩 👍🏽 today!", "Kami menang 🏆 👩‍👩‍👧 🇮🇩 👍🏽 hari ini!") in expected
    assert expected[1][0].startswith('Tom & Jerry <b>bold</b> ]]> "quoted"')
    check_all(tmp_path / "hostile-id.tmx", make_pairs(HOSTILE, "hostile"), srclang="id")


def test_handwritten_pairs_pass_dtd_and_translate_toolkit_both_directions(tmp_path):
    check_all(tmp_path / "en.tmx", make_pairs(HANDWRITTEN, "news"))
    check_all(tmp_path / "id.tmx", make_pairs(HANDWRITTEN_SWAPPED, "news"), srclang="id")


def test_dev_corpus_filtered_exports_agree(tmp_path):
    shared_path("data", "enid-sent-dev", "hard")  # skips without ../shared
    pairs = dev_pairs()
    assert {p.kind for p in pairs} >= {"1-1", "1-0", "0-1", "2-1"}
    kept, drops = filter_pairs(pairs, FilterOptions())
    assert drops["unmatched"] == sum(p.kind in ("1-0", "0-1") for p in pairs) > 0
    expected = check_all(tmp_path / "corpus.tmx", kept)
    assert write_tsv(tmp_path / "corpus.tsv", kept) == len(expected)
    assert write_moses(tmp_path / "corpus.en", tmp_path / "corpus.id", kept) == len(expected)
    for name in ("corpus.tsv", "corpus.en", "corpus.id"):
        assert len((tmp_path / name).read_text(encoding="utf-8").splitlines()) == len(expected)


OMEGAT_PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>EN</source_lang>
    <target_lang>ID</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneIndonesianTokenizer</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""


def make_omegat_project(root: Path) -> Path:
    """An EN->ID OmegaT project, one segment per paragraph (no sentence splitting)."""
    for folder in ("source", "target", "tm/auto", "glossary", "dictionary", "omegat"):
        (root / folder).mkdir(parents=True)
    (root / "omegat.project").write_text(OMEGAT_PROJECT, encoding="utf-8")
    return root


def omegat_pretranslate(project: Path, expected: dict[str, set[str]], config_dir: Path) -> None:
    """Translate a source file of the ``expected`` English segments with only ``tm/auto`` TMX files:
    OmegaT must load every TMX without an error and fill in every segment from them."""
    sources = list(expected)
    # *.utf8 is OmegaT's plain-text filter with UTF-8 fixed, whatever the JVM's default charset
    (project / "source" / "segments.utf8").write_text("\n\n".join(sources) + "\n", encoding="utf-8")
    run = subprocess.run(
        ["omegat", str(project), "--mode=console-translate", "--disable-project-locking", f"--config-dir={config_dir}"],
        capture_output=True, text=True, timeout=300,
    )
    log = run.stdout + run.stderr
    assert run.returncode == 0, log[-3000:]
    assert "TF_TM_LOAD_ERROR" not in log and ": Error:" not in log, log[-3000:]
    for tmx in sorted((project / "tm" / "auto").glob("*.tmx")):
        assert f"Reading TMX file {tmx}" in log
    target = (project / "target" / "segments.utf8").read_text(encoding="utf-8")
    translated = [line for line in target.split("\n") if line]
    assert len(translated) == len(sources)
    untranslated = [(src, out) for src, out in zip(sources, translated) if out not in expected[src]]
    assert not untranslated, untranslated[:3]


needs_omegat = pytest.mark.skipif(
    shutil.which("omegat") is None, reason="OmegaT is not installed (CI installs it with .ci/install-omegat)"
)


@needs_omegat
def test_omegat_pretranslates_from_our_tmx_without_load_errors(tmp_path):
    project = make_omegat_project(tmp_path / "project")
    kept, _ = filter_pairs(dev_pairs(), FilterOptions())
    tmx_sets = {
        "real.tmx": (make_pairs(HANDWRITTEN, "news") + kept, "en"),
        "hostile.tmx": (make_pairs(HOSTILE, "hostile"), "en"),
        "swapped.tmx": (make_pairs(HANDWRITTEN_SWAPPED, "news"), "id"),
    }
    expected: dict[str, set[str]] = {}
    for name, (pairs, srclang) in tmx_sets.items():
        for en, id_ in check_all(project / "tm" / "auto" / name, pairs, srclang):
            expected.setdefault(en, set()).add(id_)
    omegat_pretranslate(project, expected, tmp_path / "config")


def test_pipeline_tmx_passes_dtd_and_translate_toolkit_and_matches_tsv_moses(sample_run):
    """`align` run end to end on corpora/sample (conftest's shared run)."""
    out, written = sample_run.outdir, sample_run.segments_written
    tmx = out / "corpus.tmx"
    assert validate_tmx(tmx) == []
    units = read_tmx(tmx)
    assert len(units) == written > 0
    assert all(set(u.segments) == {"en", "id"} and all(u.segments.values()) for u in units)
    expected = [(u.segments["en"], u.segments["id"]) for u in units]
    check_translate_toolkit(tmx, expected, "en")
    rows = [line.split("\t") for line in (out / "corpus.tsv").read_text(encoding="utf-8").splitlines()]
    assert [(row[2], row[3]) for row in rows] == expected
    for name in ("corpus.en", "corpus.id"):
        assert len((out / name).read_text(encoding="utf-8").splitlines()) == len(units)


@needs_omegat
def test_omegat_pretranslates_from_the_pipeline_tmx(sample_run, tmp_path):
    out = sample_run.outdir
    project = make_omegat_project(tmp_path / "project")
    shutil.copy(out / "corpus.tmx", project / "tm" / "auto" / "corpus.tmx")
    expected: dict[str, set[str]] = {}
    for unit in read_tmx(out / "corpus.tmx"):
        expected.setdefault(unit.segments["en"], set()).add(unit.segments["id"])
    omegat_pretranslate(project, expected, tmp_path / "config")
