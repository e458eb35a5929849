"""Segment cleaning, provenance merging and the corpus hygiene filters of align.export."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from align.export.filters import FilterOptions, filter_pairs, filter_stream
from align.export.provenance import merge, occurrences, source_urls
from align.export.text import clean_segment, has_letter
from align.records import AlignedPair


def pair(en: str, id_: str, score: float = 0.9, kind: str = "1-1", doc: str = "news:0") -> AlignedPair:
    en_file, en_doc = f"dumps/{doc.split(':')[0]}.txt", doc
    return AlignedPair(en, id_, score, en_doc, en_doc.replace("news", "berita"), en_file, "dumps/berita.txt", kind)


GOOD = pair("The city council approved the new budget on Tuesday.", "Dewan kota menyetujui anggaran baru pada hari Selasa.")


def test_clean_segment_makes_one_xml_safe_line():
    assert clean_segment("  Heavy rain\tflooded\r\nroads\u2028in\u00a0Jakarta. ") == "Heavy rain flooded roads in Jakarta."
    assert clean_segment("Price\x00 list\x01 for\x1b 2024\x7f\x85\x9f") == "Price list for 2024"
    assert clean_segment("bad \ud800 surrogate \ufffe\uffff end") == "bad surrogate end"
    assert clean_segment("a \x01 \x02 b") == "a b"
    # kept: markup characters, emoji, bidi marks, astral planes; composed to NFC
    assert clean_segment("Tom & <b>Jerry</b> ]]> 🇮🇩 \u200fمرحبا") == "Tom & <b>Jerry</b> ]]> 🇮🇩 \u200fمرحبا"
    assert clean_segment("Cafe\u0301") == "Caf\u00e9"
    assert clean_segment("\x01\x02 \t") == ""


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab é\u0301\t\n\u00a0\u2028\x01\x85\ud800\uffff🇮"), max_size=12))
def test_cleaning_is_idempotent_and_clean_text_passes_unchanged(text):
    cleaned = clean_segment(text)
    assert clean_segment(cleaned) == cleaned
    assert "  " not in cleaned and cleaned == cleaned.strip() and "\t" not in cleaned and "\u00a0" not in cleaned


def test_has_letter():
    assert has_letter("Rp 5.000,-  ok")
    assert has_letter("مرحبا")
    assert not has_letter("12.5% (2024) — 🏆!")


def test_default_filters_drop_and_count_each_reason():
    pairs = [
        GOOD,
        pair("Heavy rain flooded several roads.", "", kind="1-0"),
        pair("", "Hujan deras membanjiri jalan.", kind="0-1"),
        pair("\x01\x02", "\x03", kind="1-1"),
        pair("12 - 3 = 9", "12 - 3 = 9"),
        pair("Jakarta", "JAKARTA"),
        pair("Yes.", "Ya, benar sekali, itulah yang dikatakan oleh menteri kemarin."),
        replace(GOOD, score=0.95, src_doc="news:7", tgt_doc="berita:7"),
        pair("Schools will reopen after the holiday.", "Sekolah akan dibuka kembali setelah liburan.", score=0.2),
    ]
    kept, drops = filter_pairs(pairs, FilterOptions(min_score=0.5))
    assert [p.src for p in kept] == [GOOD.src]
    assert drops == {
        "empty": 1, "unmatched": 2, "min_score": 1, "no_letters": 1, "identical": 1,
        "length_ratio": 1, "duplicate": 1,
    }
    # the duplicate kept the better score and the provenance of both copies
    assert kept[0].score == 0.95
    assert occurrences(kept[0]) == [
        ("dumps/news.txt", "news:0", "dumps/berita.txt", "berita:0"),
        ("dumps/news.txt", "news:7", "dumps/berita.txt", "berita:7"),
    ]
    assert source_urls(kept[0]) == (
        "dumps/news.txt#news:0;dumps/news.txt#news:7",
        "dumps/berita.txt#berita:0;dumps/berita.txt#berita:7",
    )


def test_filters_can_be_switched_off_and_report_zero_counts():
    pairs = [GOOD, GOOD, pair("Only English here.", "", kind="1-0"), pair("2024", "2024")]
    options = FilterOptions(keep_unmatched=True, dedupe=False, drop_trivial=False, max_length_ratio=None)
    kept, drops = filter_pairs(pairs, options)
    assert len(kept) == 4
    assert drops == {"empty": 0, "min_score": 0}
    _, default_drops = filter_pairs([GOOD], FilterOptions())
    assert set(default_drops) == {"empty", "unmatched", "min_score", "no_letters", "identical", "length_ratio", "duplicate"}
    assert sum(default_drops.values()) == 0


def test_filters_clean_text_and_dedupe_on_the_cleaned_form():
    messy = replace(GOOD, src="  The city council approved\tthe new budget on Tuesday.\n", tgt=GOOD.tgt + "\x07")
    kept, drops = filter_pairs([GOOD, messy], FilterOptions())
    assert kept == [GOOD] and drops["duplicate"] == 1
    kept, _ = filter_pairs(iter([messy]), FilterOptions())
    assert kept[0].src == GOOD.src and kept[0].tgt == GOOD.tgt


def _held_filter(pairs: list[AlignedPair], options: FilterOptions) -> list[AlignedPair]:
    """What the export kept before it streamed: every kept pair held in a dict by its two texts."""
    kept: dict = {}
    for raw in pairs:
        cleaned = replace(raw, src=clean_segment(raw.src), tgt=clean_segment(raw.tgt))
        if filter_pairs([cleaned], options)[0]:
            key = (cleaned.src, cleaned.tgt)
            kept[key] = merge(kept[key], cleaned) if key in kept else cleaned
    return list(kept.values())


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["Rain fell.", "Roads flooded.", "Rain  fell.", "ok", ""]),
                          st.sampled_from(["Hujan turun.", "Jalan banjir.", "ok", ""]),
                          st.floats(0, 1), st.integers(0, 3)), max_size=20))
def test_streamed_filter_keeps_what_the_held_one_kept(rows):
    pairs = [pair(en, id_, score, doc=f"news:{doc}") for en, id_, score, doc in rows]
    reads = []

    def produce():
        reads.append(1)
        yield from pairs

    options = FilterOptions(min_score=0.3)
    kept, counts = filter_stream(produce(), options)
    expected = _held_filter(pairs, options)
    assert list(kept()) == expected and list(kept()) == expected  # each call gives them afresh
    assert len(reads) == 1  # the pairs are rendered once
    passed = sum(1 for raw in pairs if filter_pairs([raw], options)[0])  # pairs no other filter drops
    assert counts["duplicate"] == passed - len(expected)
