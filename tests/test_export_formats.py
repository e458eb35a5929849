"""TMX, TSV and Moses writers and the TMX reader: structure, direction, atomicity, streaming."""

from __future__ import annotations

from dataclasses import replace

import re
from datetime import datetime, timedelta, timezone

import pytest
from lxml import etree

from align.errors import InputError
from align.export.moses import write_moses
from align.export.tmx import write_tmx
from align.export.tmxread import normalise_lang, read_header, read_tmx, validate_tmx
from align.export.tsv import write_tsv
from align.records import AlignedPair

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CREATED = datetime(2024, 6, 1, 9, 30, 5, tzinfo=timezone.utc)

PAIRS = [
    AlignedPair("The city council approved the new budget on Tuesday.",
                "Dewan kota menyetujui anggaran baru pada hari Selasa.",
                0.91234, "news:0", "berita:0", "dumps/news.txt", "dumps/berita.txt", "1-1"),
    AlignedPair("Heavy rain flooded several roads. Traffic stopped for hours.",
                "Hujan deras membanjiri beberapa jalan sehingga lalu lintas terhenti berjam-jam.",
                0.8, "news:0", "berita:0", "dumps/news.txt", "dumps/berita.txt", "2-1"),
    AlignedPair("Schools will reopen\tafter the holiday.\n", "Sekolah akan dibuka kembali setelah liburan.",
                0.77, "news:1", "berita:1", "dumps/news.txt", "dumps/berita.txt", "1-1"),
]


def test_tmx_header_units_and_props(tmp_path):
    path = tmp_path / "corpus.tmx"
    assert write_tmx(path, PAIRS, created=CREATED) == 3
    raw = path.read_bytes()
    assert raw.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")  # UTF-8, no BOM
    assert validate_tmx(path) == []
    root = etree.parse(str(path)).getroot()
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    for name in ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"):
        assert header.get(name), name
    assert header.get("srclang") == "en" and header.get("creationdate") == "20240601T093005Z"
    units = root.findall("body/tu")
    assert [tu.get("tuid") for tu in units] == ["1", "2", "3"]
    second = units[1]
    children = [child.tag for child in second]
    assert children == ["prop"] * 6 + ["tuv", "tuv"]
    props = {p.get("type"): p.text for p in second.findall("prop")}
    assert props == {"x-score": "0.8000", "x-bead": "2-1", "x-en-doc": "news:0", "x-id-doc": "berita:0",
                     "x-en-file": "dumps/news.txt", "x-id-file": "dumps/berita.txt"}
    assert [tuv.get(XML_LANG) for tuv in second.findall("tuv")] == ["en", "id"]
    assert units[2].find("tuv/seg").text == "Schools will reopen after the holiday."
    assert all(len(seg) == 0 for seg in root.iter("seg"))  # plain text, no inline tags


def test_tmx_carries_the_real_codes_source_first_and_dates_are_utc(tmp_path):
    path = tmp_path / "corpus.tmx"
    jakarta = timezone(timedelta(hours=7))
    swapped = [replace(p, src=p.tgt, tgt=p.src) for p in PAIRS]
    write_tmx(path, swapped, src="id", tgt="en", created=datetime(2024, 6, 1, 16, 30, 5, tzinfo=jakarta))
    assert validate_tmx(path) == []
    header = read_header(path)
    assert header["srclang"] == "id" and header["creationdate"] == "20240601T093005Z"
    root = etree.parse(str(path)).getroot()
    for tu in root.iter("tu"):
        assert [tuv.get(XML_LANG) for tuv in tu.findall("tuv")] == ["id", "en"]
    units = read_tmx(path)
    assert units[0].segments == {"id": PAIRS[0].tgt, "en": PAIRS[0].src}
    write_tmx(tmp_path / "defr.tmx", PAIRS, src="de", tgt="fr", created=CREATED)
    assert read_header(tmp_path / "defr.tmx")["srclang"] == "de"
    assert set(read_tmx(tmp_path / "defr.tmx")[0].segments) == {"de", "fr"}
    with pytest.raises(InputError, match="two different language codes"):
        write_tmx(tmp_path / "bad.tmx", PAIRS, src="en", tgt="en")
    assert re.fullmatch(r"\d{8}T\d{6}Z", read_header(path)["creationdate"])


def test_tmx_unmatched_beads_get_one_tuv_and_empty_pairs_are_skipped(tmp_path):
    path = tmp_path / "corpus.tmx"
    pairs = [
        AlignedPair("Only English here.", "", 0.1, "news:2", "", "dumps/news.txt", "", "1-0"),
        AlignedPair("\x01", " \x02", 0.1, "news:2", "berita:2", "dumps/news.txt", "dumps/berita.txt", "1-1"),
        PAIRS[0],
    ]
    assert write_tmx(path, pairs, created=CREATED) == 2
    assert validate_tmx(path) == []
    units = read_tmx(path)
    assert [u.tuid for u in units] == ["1", "2"]
    assert units[0].segments == {"en": "Only English here."}
    assert "x-id-doc" not in units[0].props  # empty provenance is left out, not written empty


def test_tmx_writer_streams(tmp_path):
    """The writer serialises units while the input is still being produced."""
    path = tmp_path / "corpus.tmx"
    sizes = []

    def produce(n):
        for i in range(n):
            if i == n - 1:
                sizes.append(sum(p.stat().st_size for p in tmp_path.glob(".corpus.tmx.*.tmp")))
            yield AlignedPair(f"Sentence number {i} of the corpus.", f"Kalimat nomor {i} dari korpus.",
                              0.9, "news:0", "berita:0", "dumps/news.txt", "dumps/berita.txt", "1-1")

    assert write_tmx(path, produce(5000), created=CREATED) == 5000
    assert sizes[0] > path.stat().st_size // 2
    assert not list(tmp_path.glob("*.tmp"))


def test_reader_accepts_other_tools_tmx(tmp_path):
    path = tmp_path / "other.tmx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
        '<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" '
        'adminlang="en-US" srclang="EN-US" datatype="plaintext"/><body>'
        '<tu tuid="a"><prop type="client">ACME</prop>'
        '<tuv xml:lang="EN-US"><seg>Press <bpt i="1">&lt;b&gt;</bpt><hi>Save</hi><ept i="1">&lt;/b&gt;</ept> now.</seg></tuv>'
        '<tuv xml:lang="in"><seg>Tekan Simpan sekarang.</seg></tuv></tu>'
        '<tu><tuv lang="id-ID"><seg>Halo</seg></tuv><tuv xml:lang="en_GB"><seg>Hello</seg></tuv></tu>'
        "</body></tmx>\n",
        encoding="utf-8",
    )
    assert validate_tmx(path) == []
    first, second = read_tmx(path)
    assert first.tuid == "a" and first.props == {"client": "ACME"}
    assert first.segments == {"en": "Press Save now.", "id": "Tekan Simpan sekarang."}
    assert second.tuid is None and second.segments == {"id": "Halo", "en": "Hello"}
    assert [normalise_lang(c) for c in ("in", "id-ID", "ID", "en", "en-US", "EN_gb")] == ["id"] * 3 + ["en"] * 3


@pytest.mark.parametrize(
    ("content", "message"),
    [("<tmx><body><tu>", "not well-formed XML"), ("<html><body/></html>", "not a TMX file"), ("", "not well-formed")],
)
def test_reader_rejects_bad_files_with_one_line(tmp_path, content, message):
    path = tmp_path / "bad.tmx"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        read_tmx(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)
    with pytest.raises(InputError, match="cannot read"):
        read_tmx(tmp_path / "missing.tmx")


def test_tsv_columns_and_moses_line_counts(tmp_path):
    tsv, en, ind = tmp_path / "corpus.tsv", tmp_path / "corpus.en", tmp_path / "corpus.id"
    assert write_tsv(tsv, PAIRS) == 3
    assert write_moses(en, ind, PAIRS) == 3
    rows = [line.split("\t") for line in tsv.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 3 and all(len(row) == 5 for row in rows)
    assert rows[0] == ["dumps/news.txt#news:0", "dumps/berita.txt#berita:0", PAIRS[0].src, PAIRS[0].tgt, "0.9123"]
    assert rows[2][2] == "Schools will reopen after the holiday."
    assert '"' not in tsv.read_text(encoding="utf-8")
    en_lines = en.read_text(encoding="utf-8").splitlines()
    id_lines = ind.read_text(encoding="utf-8").splitlines()
    assert len(en_lines) == len(id_lines) == 3
    assert en_lines == [row[2] for row in rows] and id_lines == [row[3] for row in rows]


def test_unmatched_beads_keep_their_tsv_row_but_not_a_moses_line(tmp_path):
    unmatched = AlignedPair("Only English here.", "", 0.1, "news:2", "", "dumps/news.txt", "", "1-0")
    assert write_moses(tmp_path / "c.en", tmp_path / "c.id", [unmatched, PAIRS[0]]) == 1
    assert (tmp_path / "c.id").read_text(encoding="utf-8") == PAIRS[0].tgt + "\n"
    assert write_tsv(tmp_path / "c.tsv", [unmatched]) == 1
    assert (tmp_path / "c.tsv").read_text(encoding="utf-8") == "dumps/news.txt#news:2\t\tOnly English here.\t\t0.1000\n"


def test_writers_are_atomic(tmp_path):
    path = tmp_path / "corpus.tmx"
    write_tmx(path, PAIRS, created=CREATED)
    before = path.read_bytes()

    def failing():
        yield PAIRS[0]
        raise RuntimeError("aligner crashed")

    for write in (lambda: write_tmx(path, failing()), lambda: write_tsv(tmp_path / "corpus.tsv", failing()),
                  lambda: write_moses(tmp_path / "corpus.en", tmp_path / "corpus.id", failing())):
        with pytest.raises(RuntimeError):
            write()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus.tmx"]
