"""The segmenter on real renderings and on small dumps built for one signal each."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from align.errors import InputError
from align.segment import SegmentResult, segment_text
from align.segment import drop_repeated_sentences
from align.segment.clean import Rule, classify_line, load_rules
from align.segment.langid import detect_language
from conftest import shared_path


def titles(result: SegmentResult) -> list[str]:
    return [a.title for a in result.articles]


def test_interface_ids_spans_and_offsets():
    text = ("Selasa, 18 Februari 2025\n\nJudul pertama tentang banjir\n\n"
            "Banjir melanda Jakarta pada Senin (17/2/2025). Warga dari Kec. Cilandak mengungsi.\n")
    result = segment_text(text, "/data/dump.id.txt")
    [article] = result.articles
    assert article.id == "dump.id:0" and article.file == "/data/dump.id.txt"
    assert (article.lang, article.date) == ("id", "2025-02-18")
    assert (article.line_start, article.line_end) == (2, 4)
    assert article.paragraphs[0] == article.title == "Judul pertama tentang banjir"
    assert [s.paragraph for s in article.sentences] == [0, 1, 1]
    for sentence in article.sentences:
        assert text[sentence.start:sentence.end] == sentence.text
    assert result.removed == {"date_header": 1}


def test_date_headers_start_articles_in_both_languages():
    text = ("Tuesday, 18 February 2025\nFirst headline\n\nThe first body paragraph is here.\n\n"
            "Selasa 14 Mei 2019 | 20.40 WIB\nJudul kedua\n\nParagraf isi yang kedua ada di sini.\n")
    result = segment_text(text, "mixed.txt")
    assert titles(result) == ["First headline", "Judul kedua"]
    assert [a.date for a in result.articles] == ["2025-02-18", "2019-05-14T20:40+07:00"]


def test_repeated_titles_and_blank_line_runs():
    body = "Officials said the talks would continue next week in the capital city."
    text = ("Talks begin\n\nTalks begin\n\nTalks begin\n\n\n\n" + body + "\n\n\n" + body.replace(
        "next", "this") + "\n" + "\n" * 20 + "Second story\n\nSecond story\n\n\n" + body + "\n")
    result = segment_text(text, "a.txt")
    assert titles(result) == ["Talks begin", "Second story"]
    assert result.removed["title_repeat"] == 3
    assert [a.line_start for a in result.articles] == [0, 32]


def test_teasers_and_excerpts_in_a_dump_without_blank_lines():
    lines = [
        "Your savings deserve to work harder. Open an account online in minutes and earn […]",
        "Storm hits the coast Heavy rain and strong wind hit the coast on Monday, officials […]",
        "Storm hits the coast",
        "Heavy rain and strong wind hit the coast on Monday, officials said, closing schools.",
        "Rescue teams were sent to three villages.",
        "This article was first published by Example News, and was translated by our team.",
        "Prices climb again Prices climbed for the third month in a row, data showed on […]",
        "Prices climb again",
        "Prices climbed for the third month in a row, data showed on Tuesday.",
    ]
    result = segment_text("\n".join(lines), "b.txt")
    assert titles(result) == ["Storm hits the coast", "Prices climb again"]
    assert [(a.line_start, a.line_end) for a in result.articles] == [(1, 4), (6, 8)]
    assert result.removed == {"excerpt": 1, "teaser": 2, "closing_credit": 1}


def test_language_change_starts_the_translation():
    english = ("The government announced new measures on Monday to curb rising food prices "
               "across the country, officials said.")
    indonesian = ("Pemerintah mengumumkan langkah baru pada hari Senin untuk menekan kenaikan harga "
                  "pangan di seluruh negeri, kata para pejabat.")
    text = (f"Prices to be curbed\n\n{english}\n\n{english.replace('Monday', 'Tuesday')}\n\n"
            f"Harga akan ditekan\n\n{indonesian}\n\n{indonesian.replace('Senin', 'Selasa')}\n")
    result = segment_text(text, "c.txt")
    assert [(a.lang, a.title) for a in result.articles] == [("en", "Prices to be curbed"),
                                                           ("id", "Harga akan ditekan")]


def test_page_furniture_captions_and_lead_above_title():
    lead = ("Washington can resort to its Navy to prevent Russian energy hitting the markets, "
            "including in the Middle East, the Interior Secretary said on Friday in Pittsburgh.")
    page = ["Skip to main content", "Advertisement", "Live broadcast", "On", "Off", "", lead, "",
            "US could use Navy for blockade", "", "He compared the approaches to Russia and Iran.", "",
            "Пассажиры в аэропорту", "", "Passengers at the airport", "", "Photo: Global Lens/Bayu Aji",
            "", "The economic option is leveraging and replacing fuels, he said.", "",
            "Переведено сервисом «Яндекс Переводчик»", "", "Live broadcast"]
    result = segment_text("\n".join(page + page), "c.txt")
    assert titles(result) == ["US could use Navy for blockade"] * 2
    article = result.articles[0]
    assert article.paragraphs[1] == lead and article.line_start == 6 and article.line_end == 18
    assert "Passengers at the airport" not in article.paragraphs
    assert result.removed["caption"] == 2 and result.removed["foreign_language"] == 2
    assert result.removed["machine_translation_notice"] == 2


def test_inline_boilerplate_rules():
    for line, rule in [("Baca juga: Harga cabai naik lagi", "read_also"),
                       ("Read also: Prices climb", "read_also"),
                       ("©Getty Images/Johannes Simon", "credit"),
                       ("Foto: ANTARA/Budi", "photo_credit"),
                       ("A general view of the city centre. ©NewsPix/Andi Saputra", "caption"),
                       ("Sumber", "source_line"), ("Comments", "navigation"), ("Iklan", "navigation"),
                       ("Oleh: Rina Marlina", "byline"),
                       ("Statement released this morning pic.twitter.com/mmzVWAKO0p", "embed")]:
        assert classify_line(line).name == rule, line
    for line in ["Watch: Liverpool's Sturridge dips deep equalizer", "By September 17, 1939, the "
                 "Polish defense was broken.", "Study History", "Prospects for resolving the conflict"]:
        assert classify_line(line) is None, line


def test_a_passage_inserted_into_many_articles_is_dropped_and_one_reused_in_two_stories_is_kept():
    """No cue words: a long paragraph written once per story is furniture (an advert, a promo) when
    it stands between other paragraphs in three different articles; a background paragraph an agency
    reuses in two stories is their text, and an article saved twice keeps it."""
    insert = ("Tired of paying too much for car insurance every year? Compare quotes from more than "
              "forty trusted providers in under two minutes and see how much you could save.")
    advice = ("As soon as you get out of the current, swimming back is no more difficult than "
              "normally. Try aiming somewhere where you are not caught again.")
    one = f"Rip currents explained\n\n{advice}\n\n{insert}\n\nLifeguards patrol the beach every day.\n"
    two = (f"Harbour reopens after storm\n\nThe harbour reopened on Monday after three days of gales.\n\n"
           f"{insert}\n\nFishing boats were back at sea by noon.\n")
    three = (f"Ferry fares to rise\n\nFares on the island ferries rise by a tenth from June.\n\n"
             f"{insert}\n\nThe operator blamed the price of fuel.\n")
    articles = [a for k, text in enumerate((one, two, three)) for a in segment_text(text, f"{k}.txt").articles]
    kept, removed, _examples = drop_repeated_sentences(articles)
    assert [a.paragraphs for a in kept] == [[p for p in a.paragraphs if p != insert] for a in articles]
    assert removed["repeated_passage"] == 6  # two sentences in each article
    for pair in ((one, two), (one, one)):  # in two stories, or one article saved twice
        articles = [a for k, text in enumerate(pair) for a in segment_text(text, f"{k}.txt").articles]
        kept, removed, _examples = drop_repeated_sentences(articles)
        assert all(insert in a.paragraphs for a in kept) and not removed["repeated_passage"]


def test_user_rules_extend_the_defaults(tmp_path):
    path = tmp_path / "rules.json"
    path.write_text(json.dumps([{"name": "promo", "pattern": "^PROMO", "separator": False}]))
    rules = load_rules(path)
    assert rules[0] == Rule("promo", "^PROMO") and len(rules) > 1
    text = "Headline here\n\nPROMO buy now\n\nThe body of the article is a full sentence here.\n"
    result = segment_text(text, "r.txt", rules=rules)
    assert result.removed == {"promo": 1} and len(result.articles[0].paragraphs) == 2
    path.write_text("not json")
    with pytest.raises(InputError, match="rules.json"):
        load_rules(path)


@pytest.mark.parametrize("text, lang", [
    ("Pemerintah Indonesia mengatakan bahwa harga beras akan turun karena panen raya.", "id"),
    ("Sebagian besar wihara menyediakan kain untuk perempuan yang tidak membawanya.", "id"),
    ("Kerajaan Malaysia berkata kenaikan harga itu adalah kerana permintaan yang tinggi sahaja, "
     "menurut kenyataan jabatan itu.", "ms"),
    ("The government said on Monday that rice prices would fall after the harvest.", "en"),
    ("Президент России провёл переговоры с президентом США.", "ru"),
    ("12345", "und"),
])
def test_language_identification(text, lang):
    assert detect_language(text) == lang


def test_odd_text_is_handled():
    text = "\ufeffFirst headline\r\n\r\nA body line with a control \x07 character, and it ends.\r\n"
    [article] = segment_text(text, "odd.txt").articles
    assert article.title == "First headline" and article.sentences[-1].text.endswith("ends.")
    assert segment_text("", "empty.txt").articles == []
    assert segment_text("\n\n   \n", "blank.txt").articles == []


def _gold(folder):
    by_file = defaultdict(list)
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        by_file[record["file"]].append(record)
    return by_file


def test_seedstyle_dev_boundaries_language_and_boilerplate():
    """Done criteria of the segmenter on ../shared/data/seedstyle-dev (styles A, B, C)."""
    folder = shared_path("data", "seedstyle-dev")
    tp = n_pred = n_gold = lang_right = 0
    leaked = []
    gold = _gold(folder)
    by_file = defaultdict(list)
    for style in sorted({name.split("/")[0] for name in gold}):  # one run per style, as the pipeline runs
        run, furniture = [], set()
        for name in sorted(n for n in gold if n.startswith(style + "/")):
            result = segment_text((folder / name).read_text(encoding="utf-8"), name)
            run += result.articles
            furniture |= result.furniture
        for article in drop_repeated_sentences(run, None, furniture)[0]:
            by_file[article.file].append(article)
    for name, golds in gold.items():
        text = (folder / name).read_text(encoding="utf-8")
        articles = by_file[name]
        starts = {a.line_start: a for a in articles}
        tp += len(starts.keys() & {g["line_start"] for g in golds})
        n_pred += len(starts)
        n_gold += len(golds)
        lines = text.split("\n")
        kept = {p for a in articles for p in a.paragraphs}
        for g in golds:
            found = starts.get(g["line_start"])
            lang_right += found is not None and found.lang == g["lang"]
            leaked += [lines[n] for n, _kind in g["noise_lines"] if lines[n] in kept
                       and lines[n] not in {lines[p[0]] for p in g["paragraphs"]}]
    precision, recall = tp / n_pred, tp / n_gold
    assert 2 * precision * recall / (precision + recall) >= 0.98
    assert lang_right == n_gold
    assert leaked == []


def test_eval_dev_article_starts_are_found():
    folder = shared_path("data", "eval-dev")
    gold = {"en": set(), "id": set()}
    for line in (folder / "pairs.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for lang in gold:
            if record[lang]:
                gold[lang].add(record[lang]["line_start"])  # 1-based date line = 0-based title
    for lang, starts in gold.items():
        result = segment_text((folder / f"dump.{lang}.txt").read_text(encoding="utf-8"), lang)
        found = {a.line_start for a in result.articles}
        assert len(found & starts) / len(starts) >= 0.99
        assert {a.lang for a in result.articles} == {lang}
