"""Document pairing: dates, anchors, assignment, and pairing of real and hand-written articles."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest

from align.errors import AlignError
from align.pair import PairConfig, pair_articles
from align.pair.assign import assign_one_to_one
from align.pair.dates import article_day
from align.pair.signals import anchors
from align.segment.dates import parse_date_line
from align.records import Article, Sentence
from benchmarks.pairing import load_eval_dev
from conftest import shared_path


def make_article(article_id: str, lang: str, sentences: list[str], date: str | None = None) -> Article:
    spans, offset = [], 0
    for text in sentences:
        spans.append(Sentence(text, offset, offset + len(text), 0))
        offset += len(text) + 1
    return Article(article_id, "test.txt", lang, sentences[0], 0, len(sentences), list(sentences), spans, date)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Selasa 27 April 2019 | 01.55 WIB", "id", dt.date(2019, 4, 27)),
        ("26 April 2019 01:00 GMT", "en", dt.date(2019, 4, 26)),
        ("2019-04-07", "en", dt.date(2019, 4, 7)),
        ("Minggu, 10/03/2019 22:46 WIB", "id", dt.date(2019, 3, 10)),
        ("Thursday, March 14, 2019", "en", dt.date(2019, 3, 14)),
        ("Kamis, 14 Maret 2019", "id", dt.date(2019, 3, 14)),
        ("Jumat, 9 Agustus 2019", "id", dt.date(2019, 8, 9)),
        ("03/14/2019", "en", dt.date(2019, 3, 14)),
        ("Sept. 3rd, 2020", "en", dt.date(2020, 9, 3)),
    ],
)
def test_date_lines_give_the_article_day_pairing_compares(text, lang, expected):
    assert article_day(parse_date_line(text)) == expected


@pytest.mark.parametrize("text", [None, "", "Breaking news", "31 February 2019", "Page 2019 of 2020"])
def test_no_article_day_without_a_real_date(text):
    assert article_day(parse_date_line(text) if text else text) is None


def test_anchors_survive_translation():
    en = anchors(["Previously, Ring's CEO Jamie Siminoff sold 10,500.5 units in 2013."])
    id_ = anchors(["Sebelumnya, CEO Ring Jamie Siminoff menjual 10.500,5 unit pada 2013."])
    assert en[0] == id_[0] == {"105005", "2013"}
    assert {"ring", "jamie", "siminoff", "ceo"} <= en[1] & id_[1]
    assert "previously" not in en[1]  # sentence-initial capitals are not names


def test_assignment_is_one_to_one_best_first_with_threshold():
    raw = {(0, 0): 3.0, (0, 1): 2.5, (1, 0): 2.9, (1, 1): 1.0, (2, 2): -1.0}
    links = assign_one_to_one(raw, min_raw=0.0)
    assert [(s, t) for s, t, _ in links] == [(0, 0), (1, 1)]
    assert links[0][2] == 2.9  # runner-up of (0, 0): (1, 0)


def test_assignment_reports_rivals_that_were_linked_elsewhere():
    raw = {(0, 0): 5.0, (0, 1): 4.5, (2, 2): 4.4, (2, 1): 4.2, (1, 1): 3.0}
    links = assign_one_to_one(raw, min_raw=0.0)
    assert links == [(0, 0, 4.5), (2, 2, 4.2), (1, 1, 4.5)]


def random_unit(rng, n, d=16):
    x = rng.normal(size=(n, d)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_input_problems_are_reported_or_ignored():
    rng = np.random.default_rng(0)
    en = make_article("a:0", "en", ["One sentence.", "Two sentences."])
    id_ = make_article("b:0", "id", ["Satu kalimat.", "Dua kalimat."])
    fr = make_article("c:0", "fr", ["Une phrase.", "Deux phrases."])
    assert pair_articles([en, fr], {"a:0": random_unit(rng, 2), "c:0": random_unit(rng, 2)}) == []
    with pytest.raises(AlignError, match="a:0"):
        pair_articles([en, id_], {"b:0": random_unit(rng, 2)})
    with pytest.raises(AlignError, match="shape"):
        pair_articles([en, id_], {"a:0": random_unit(rng, 3), "b:0": random_unit(rng, 2)})


HAND_WRITTEN = {
    ("en", "flood"): [
        "Floods force thousands from homes in East Jakarta",
        "Heavy rain on Tuesday night caused the Ciliwung River to overflow, flooding 42 neighbourhoods.",
        "About 3,500 residents were moved to temporary shelters in mosques and schools.",
        "Governor Anies Baswedan said water pumps would run through the night.",
    ],
    ("id", "flood"): [
        "Banjir paksa ribuan warga Jakarta Timur mengungsi",
        "Hujan deras pada Selasa malam membuat Sungai Ciliwung meluap dan merendam 42 lingkungan.",
        "Sekitar 3.500 warga dipindahkan ke penampungan sementara di masjid dan sekolah.",
        "Gubernur Anies Baswedan mengatakan pompa air akan dinyalakan sepanjang malam.",
    ],
    ("id", "other flood"): [  # same topic, no English counterpart
        "Banjir rob rendam kawasan pelabuhan Semarang",
        "Air laut pasang merendam jalan-jalan di sekitar Pelabuhan Tanjung Emas pada Rabu pagi.",
        "Ratusan pekerja pelabuhan tidak bisa bekerja karena genangan setinggi 60 sentimeter.",
        "Wali Kota Semarang meminta warga tetap waspada hingga akhir pekan.",
    ],
    ("en", "badminton"): [
        "Indonesia wins the men's doubles title at the All England Open",
        "Marcus Gideon and Kevin Sukamuljo beat the Japanese pair 21-18, 21-17 in Birmingham on Sunday.",
        "It was their third title at the tournament.",
        "Their coach said the team would now prepare for the Asian Games.",
    ],
    ("id", "badminton"): [
        "Indonesia juara ganda putra All England Open",
        "Marcus Gideon dan Kevin Sukamuljo mengalahkan pasangan Jepang 21-18, 21-17 di Birmingham pada hari Minggu.",
        "Ini adalah gelar ketiga mereka di turnamen tersebut.",
        "Pelatih mereka mengatakan tim kini akan bersiap menghadapi Asian Games.",
    ],
    ("en", "other badminton"): [  # same topic, no Indonesian counterpart
        "Indonesian women's team loses Uber Cup semi-final",
        "The Indonesian women's badminton team lost 3-1 to China in Bangkok on Friday.",
        "Gregoria Mariska won the only point for Indonesia.",
        "The team will fly back to Jakarta on Sunday.",
    ],
    ("en", "coffee"): [
        "Coffee exports rise as prices climb",
        "Indonesia exported 480,000 tonnes of coffee last year, up 12 percent, the statistics agency said.",
        "Farmers in Lampung and Aceh gained most from higher world prices.",
        "Exporters expect demand from Europe to stay strong.",
    ],
    ("id", "coffee"): [
        "Ekspor kopi naik seiring kenaikan harga",
        "Indonesia mengekspor 480.000 ton kopi tahun lalu, naik 12 persen, kata badan statistik.",
        "Petani di Lampung dan Aceh paling diuntungkan oleh harga dunia yang lebih tinggi.",
        "Para eksportir memperkirakan permintaan dari Eropa tetap kuat.",
    ],
}


BOILERPLATE = {
    "en": "Follow the latest news on our Twitter account.",
    "id": "Ikuti berita terbaru di akun Twitter kami.",
}


def test_hand_written_articles_pair_and_same_topic_articles_stay_unpaired(bundled_encoder):
    """Three translated pairs, one English and one Indonesian article on a paired article's topic,
    and a boilerplate line (translated) that leaked into every article."""
    # article dates as the segmenter stores them, from these date lines
    dates = {"en": parse_date_line("Tuesday, March 5, 2019"), "id": parse_date_line("Rabu, 06/03/2019 08:15 WIB")}
    articles = [
        make_article(f"{lang}:{topic}", lang, [*text, BOILERPLATE[lang]], dates[lang])
        for (lang, topic), text in HAND_WRITTEN.items()
    ]
    articles.append(make_article("fr:flood", "fr", ["Inondations à Jakarta", "Des milliers de personnes évacuées."]))
    vectors = {a.id: bundled_encoder.encode([s.text for s in a.sentences]) for a in articles}
    pairs = pair_articles(articles, vectors)
    assert {(p.src, p.tgt) for p in pairs} == {
        ("en:flood", "id:flood"),
        ("en:badminton", "id:badminton"),
        ("en:coffee", "id:coffee"),
    }
    for pair in pairs:
        assert 0.5 <= pair.score <= 1.0
        assert pair.evidence["numbers"] == 1.0 and pair.evidence["date_gap_days"] == 1
        json.dumps(pair.to_json())  # auditable as one JSON line


def story_twins(articles: list[Article], gold: set[tuple[str, str]]) -> tuple[str, str]:
    """The two translated English articles that share the most words: the same story told twice,
    the hardest case for pairing (found by rule, so the test names no article)."""
    words = {a.id: {w.lower() for s in a.sentences for w in s.text.split() if len(w) > 3}
             for a in articles if a.id in {e for e, _ in gold}}
    ids = sorted(words)
    return max(((x, y) for i, x in enumerate(ids) for y in ids[i + 1:]),
               key=lambda xy: len(words[xy[0]] & words[xy[1]]) / len(words[xy[0]] | words[xy[1]]))


@pytest.mark.parametrize("kept", [0, 1])
def test_real_articles_pair_and_near_duplicate_story_stays_unpaired(bundled_encoder, kept):
    """With one of two story twins' translations removed, the twin left alone must not take the
    other's translation, and the unpaired articles stay unpaired."""
    articles, gold = load_eval_dev(shared_path("data", "eval-dev"))
    by_id = {a.id: a for a in articles}
    twins = story_twins(articles, gold)
    twins = twins if kept == 0 else twins[::-1]  # either twin may be the one that keeps its translation
    partner = dict(gold)
    flores = [p for p in sorted(gold) if len(by_id[p[0]].sentences) <= 4][:5]
    lonely = [a.id for a in articles if a.id not in {x for p in gold for x in p}][:4]
    keep = {*twins, partner[twins[0]], *[x for p in flores for x in p], *lonely}
    chosen = [by_id[x] for x in sorted(keep)]
    vectors = {a.id: bundled_encoder.encode([s.text for s in a.sentences]) for a in chosen}
    pairs = pair_articles(chosen, vectors, PairConfig())
    expected = {(twins[0], partner[twins[0]]), *flores}
    assert {(p.src, p.tgt) for p in pairs} == expected


@pytest.mark.parametrize("topics, expected", [
    ([("en", "flood"), ("id", "flood")], {("en:flood", "id:flood")}),
    ([("en", "flood"), ("id", "other flood")], set()),
    ([("en", "other badminton"), ("id", "badminton")], set()),
    ([("en", "flood"), ("en", "other badminton"), ("id", "flood"), ("id", "badminton")], {("en:flood", "id:flood")}),
    ([("en", "coffee"), ("en", "badminton"), ("id", "coffee"), ("id", "badminton")],
     {("en:coffee", "id:coffee"), ("en:badminton", "id:badminton")}),
])
def test_tiny_corpora_pair_translations_only(bundled_encoder, topics, expected):
    """One or two articles a side leave no unrelated articles to calibrate cosines against."""
    articles = [make_article(f"{lang}:{topic}", lang, HAND_WRITTEN[lang, topic]) for lang, topic in topics]
    vectors = {a.id: bundled_encoder.encode([s.text for s in a.sentences]) for a in articles}
    pairs = pair_articles(articles, vectors)
    assert {(p.src, p.tgt) for p in pairs} == expected
    assert all(0.5 <= p.score <= 1.0 for p in pairs)
