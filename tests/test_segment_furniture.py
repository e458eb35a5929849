"""Furniture found by repetition and by structure, hard-wrapped text and saved pages, on real text.

The article text comes from ../shared/data/eval-dev (real news and wiki documents); the furniture
around it is built here, with wording drawn at random, so no test depends on one phrasing.
"""

from __future__ import annotations

import random
import string
import textwrap

import pytest

from align.errors import InputError
from align.inputs import collect_files, load_dump
from align.segment import SegmentConfig, drop_repeated_sentences, segment_text
from align.segment.clean import load_rules
from align.segment.repeats import exact_key
from benchmarks.layouts.common import paragraphs
from conftest import REPO, eval_dev_documents, shared_path

N_DOCS = 24


@pytest.fixture(scope="module")
def documents():
    return eval_dev_documents(N_DOCS)


def _random_line(rng: random.Random) -> str:
    words = ["".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 9))) for _ in range(rng.randint(2, 7))]
    return " ".join(words).capitalize()


def _page(documents, lang, rng, furniture=(), inside=()):
    """Articles one blank line apart inside, three between; ``furniture`` lines above each title,
    ``inside`` lines after each lead."""
    lines, gold = [], []
    for doc in documents:
        sentences = doc["en"] if lang == "en" else doc["id_sents"]
        title, *body = paragraphs(sentences, rng)
        lines += ["", "", ""] if lines else []
        lines += list(furniture) + ([""] if furniture else [])
        gold.append(sentences)
        lines.append(title)
        for k, p in enumerate(body):
            lines += ["", p]
            if k == 0 and inside:
                lines += ["", *inside]
    return "\n".join(lines) + "\n", gold


def _texts(result):
    return [" ".join(a.paragraphs) for a in result.articles]


@pytest.mark.parametrize("seed", range(5))
def test_a_line_repeated_across_the_articles_of_a_file_is_removed_whatever_its_wording(documents, seed):
    rng = random.Random(seed)
    header, promo = _random_line(rng), _random_line(rng) + "."
    for lang in ("en", "id"):
        text, gold = _page(documents, lang, rng, furniture=[header], inside=[promo])
        result = segment_text(text, "page.txt")
        assert _texts(result) == [" ".join(s) for s in gold]
        assert result.removed["repeated_line"] == 2 * len(gold)


def test_lines_with_varying_names_and_digits_are_one_template(documents):
    rng = random.Random(3)
    names = ["Dewi Lestari", "Budi Santoso", "Anna Clarke", "Tom Fisher", "Sri Rahayu"]
    text, gold = "", []
    for doc in documents:
        writer, editor = rng.sample(names, 2)
        title, *body = paragraphs(doc["id_sents"], rng)
        text += "\n".join([title, f"Kabarkota.com - {rng.randint(10, 28)}/0{rng.randint(1, 9)}/2019, "
                           f"{rng.randint(10, 23)}:{rng.randint(10, 59)} WIB", f"ditulis oleh {writer}, disunting oleh {editor}",
                           *body]) + "\n"
        gold.append(doc["id_sents"])
    result = segment_text(text, "noblank.txt")
    assert _texts(result) == [" ".join(s) for s in gold]


@pytest.mark.parametrize("headline", ["Safety Net", "Smart TV", "World", "Health", "By Land and Sea",
                                      "Oleh-oleh Khas Bali"])
def test_a_short_headline_that_occurs_once_survives(documents, headline):
    rng = random.Random(5)
    text, gold = _page(documents, "en", rng)
    body = documents[0]["en"][1:]
    text += "\n\n\n" + headline + "\n\n" + " ".join(body) + "\n"
    last = segment_text(text, "page.txt").articles[-1]
    assert last.title == headline and last.paragraphs[1:] == [" ".join(body)]


def test_recurring_dateline_prefixes_are_cut_and_a_one_off_dash_is_kept(documents):
    rng = random.Random(11)
    lines, leads = [], []
    for doc in documents:
        title, lead, *rest = paragraphs(doc["en"], rng) + [""]
        if not lead[:1].isupper():
            continue
        lines += [title, "", f"{rng.choice(['Medan', 'Padang', 'Kupang'])} (Warta) - {lead}", "", *rest, "", "", ""]
        leads.append(lead)
    one_off = "Sukarno - the first president - was born in Surabaya, the records show."
    lines += ["A short history", "", one_off, ""]
    result = segment_text("\n".join(lines), "datelines.txt")
    assert [a.paragraphs[1] for a in result.articles[:-1]] == leads
    assert result.articles[-1].paragraphs[1] == one_off


@pytest.mark.parametrize("width", [72, 76, 80])
def test_a_hard_wrapped_file_joins_into_the_paragraphs_of_its_unwrapped_form(documents, width):
    rng = random.Random(width)
    text, _gold = _page(documents, "id", rng, inside=["Baca juga: Harga cabai naik lagi"])
    wrapped = "\n".join("\n".join(textwrap.wrap(line, width)) if line else "" for line in text.split("\n"))
    flat = segment_text(text, "flat.txt")
    joined = segment_text(wrapped, "wrapped.txt")
    assert [a.paragraphs for a in joined.articles] == [a.paragraphs for a in flat.articles]


def test_a_one_item_per_line_menu_does_not_cut_articles_at_single_blank_lines(documents):
    rng = random.Random(2)
    menu = ["Home", "News", "Finance", "Sport", "Travel", "Health"]
    lines, gold = [], []
    for doc in documents[:8]:
        title, *body = paragraphs(doc["en"], rng)
        lines += [*menu, "", title, ""]
        for p in body:
            lines += textwrap.wrap(p, 76) + [""]
        gold.append(" ".join(doc["en"]))
    assert _texts(segment_text("\n".join(lines), "menus.txt")) == gold


@pytest.mark.parametrize("line", [
    "March 18, 2019 / 2:05 PM", "Kabarkota.com - 24/11/2019, 19:32 WIB",
    "Posted by riverstone » Tue Mar 19, 2019 10:15 am", "18 Maret 2019 / 14:05 WIB"])
def test_date_lines_between_articles_separate_them(documents, line):
    rng = random.Random(1)
    lines, gold = [], []
    for doc in documents[:6]:
        title, *body = paragraphs(doc["en"], rng)
        lines += [title, line, *body, "(Reporting by Anna Clarke; Editing by Tom Fisher)"]
        gold.append(" ".join(doc["en"]))
    result = segment_text("\n".join(lines), "wire.txt")
    assert _texts(result) == gold and all(a.date for a in result.articles)


def test_structural_furniture_lines_are_dropped(documents):
    furniture = ["Share on Facebook  Share on Twitter  Email", "12 comments", "Ikuti kami di Google News",
                 "Follow us on Google News", "Tags: politics, economy", "© 2019 Kabar Pagi. All rights reserved.",
                 "Home > World > Asia", "SCROLL TO CONTINUE WITH CONTENT", "Related news: Prices climb again",
                 "Berita terkait: Harga naik", "Penulis Dewi Lestari | Editor Budi Santoso",
                 "A man walks past the flooded market (KABAR/Agus Prasetyo)", "(abc/xyz)"]
    rng = random.Random(4)
    doc = documents[0]
    title, *body = paragraphs(doc["en"], rng)
    lines = [title, ""]
    for k, p in enumerate(body):
        lines += [p, "", furniture[k % len(furniture)], ""]
    lines += [*furniture[len(body):], ""]
    [article] = segment_text("\n".join(lines), "one.txt").articles
    assert " ".join(article.paragraphs) == " ".join(doc["en"])


def test_sentences_recurring_across_the_articles_of_a_run_are_dropped(documents):
    promo = "Download the Kabar app for the latest stories every morning."
    results = []
    for k, doc in enumerate(documents[:6]):
        text = doc["en"][0] + "\n\n" + " ".join(doc["en"][1:]) + ("\n\n" + promo if k % 2 == 0 else "") + "\n"
        results += segment_text(text, f"page{k}.txt").articles
    kept, removed, examples = drop_repeated_sentences(results, SegmentConfig())
    assert removed == {"repeated_sentence": 3} and examples == {"repeated_sentence": [promo]}
    assert [" ".join(a.paragraphs) for a in kept] == [" ".join(d["en"]) for d in documents[:6]]
    once = [results[0]]
    assert drop_repeated_sentences(once, SegmentConfig())[0] == once


def test_copies_of_whole_articles_keep_their_text(documents):
    """A page saved several times (in one file, or as several files) is not furniture of itself."""
    rng = random.Random(7)
    text, gold = _page(documents[:3], "en", rng)
    once = segment_text(text, "page.txt")
    in_one_file = segment_text("\n\n\n".join([text] * 4), "pages.txt")
    assert _texts(in_one_file) == _texts(once) * 4
    files = [a for k in range(4) for a in segment_text(text, f"copy{k}.txt").articles]
    kept, removed, _ = drop_repeated_sentences(files, SegmentConfig())
    assert not removed and [" ".join(a.paragraphs) for a in kept] == _texts(once) * 4


def _html(doc, lang):
    paras = "".join(f"<p>{p}</p>\n" for p in doc[1:])
    menu = "".join(f'<li><a href="/{m}">{m}</a></li>' for m in ["Home", "World", "Business", "Contact"])
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{doc[0]}</title></head>'
            f"<body><header><nav><ul>{menu}</ul></nav></header><main><article><h1>{doc[0]}</h1>\n{paras}"
            f"</article></main><footer><p>© 2020 Kabar Pagi. All rights reserved.</p></footer></body></html>")


def test_a_saved_page_yields_the_same_article_as_its_text(documents, tmp_path):
    rng = random.Random(8)
    for k, doc in enumerate(documents[:8]):
        lang = "en" if k % 2 else "id"
        paras = paragraphs(doc[lang if lang == "en" else "id_sents"], rng)
        (tmp_path / f"p{k}.html").write_text(_html(paras, lang), encoding="utf-8")
        (tmp_path / f"p{k}.txt").write_text("\n\n".join(paras) + "\n", encoding="utf-8")
    files = collect_files([tmp_path])
    assert len(files) == 16
    for k in range(8):
        page = segment_text(load_dump(tmp_path / f"p{k}.html")[0], "p.html").articles
        text = segment_text(load_dump(tmp_path / f"p{k}.txt")[0], "p.txt").articles
        assert [(a.lang, a.paragraphs) for a in page] == [(a.lang, a.paragraphs) for a in text]


@pytest.mark.parametrize("raw", [b"\x00\x01\x02garbage", b"<html><body><script>var x;</script></body></html>"])
def test_a_broken_page_is_one_clear_error(tmp_path, raw):
    path = tmp_path / "broken.html"
    path.write_bytes(raw)
    with pytest.raises(InputError, match=r"broken\.html: .*HTML"):
        load_dump(path)


def test_the_example_rules_file_names_seed_furniture_the_built_in_rules_do_not():
    rules = load_rules(REPO / "corpora" / "rules" / "seed-sites.json")
    seed = shared_path("seeds", "004_85155c48cdd38af4.txt")
    text = seed.read_text(encoding="utf-8")
    with_rules = segment_text(text, seed.name, rules=rules)
    built_in = segment_text(text, seed.name)
    assert with_rules.removed["site_name"] == with_rules.removed["section_label"] == 1
    assert "site_name" not in built_in.removed and "section_label" not in built_in.removed
    assert [a.sentences for a in with_rules.articles] == [a.sentences for a in built_in.articles]


def test_removed_lines_come_with_a_few_examples_per_rule(documents):
    text, _gold = _page(documents, "en", random.Random(9), furniture=["Kabar Pagi | Home | World"],
                        inside=["Read also: Prices climb", "12 comments"])
    result = segment_text(text, "page.txt")
    limit = SegmentConfig().examples_per_rule
    assert set(result.examples) == set(result.removed)
    for rule, lines in result.examples.items():
        assert 1 <= len(lines) <= limit and all(line in text for line in lines)


def test_the_report_shows_example_lines_per_rule(tmp_path):
    from collections import Counter

    from align.config import Config
    from align.report import write_reports
    from align.result import RunResult

    result = RunResult(config=Config(), outdir=tmp_path, inputs={}, articles=[], pairs=[], alignments=[],
                       removed_lines=Counter({"share": 4, "byline": 2}),
                       removed_examples={"share": ["Share on Facebook | Share on X"], "byline": ["By Jane Doe"]})
    write_reports(result, tmp_path)
    markdown = (tmp_path / "report.md").read_text(encoding="utf-8")
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Share on Facebook \\| Share on X" in markdown and "By Jane Doe" in markdown
    assert "Share on Facebook | Share on X" in page and "By Jane Doe" in page


def test_a_field_label_opening_many_titles_is_cut_and_a_one_off_label_is_kept(documents):
    rng = random.Random(6)
    lines, gold = [], []
    for k, doc in enumerate(documents[:8]):
        title, *body = paragraphs(doc["en"], rng)
        lines += [f"Headline: {title}" if k else f"Watch: {title}", f"Link: https://news.example/{k}",
                  "Published: Tue, 19 Mar 2019 10:15:00 +0000", *body, "---"]
        gold.append(title if k else f"Watch: {title}")
    assert [a.title for a in segment_text("\n".join(lines), "feed.txt").articles] == gold


def _run(texts):
    """Segment each text as its own file, then the run-level pass: the articles kept and removed counts."""
    results = [segment_text(text, f"file{k}.txt") for k, text in enumerate(texts)]
    articles = [a for result in results for a in result.articles]
    furniture = set().union(*(result.furniture for result in results))
    kept, removed, _ = drop_repeated_sentences(articles, SegmentConfig(), furniture)
    return kept, removed


@pytest.mark.parametrize("seed", range(3))
def test_a_section_label_and_a_masthead_heading_the_files_of_a_run_are_furniture(documents, seed):
    """A label taken for the title of many articles, and a masthead cut off as an article of its
    own, are furniture of the run: shared wording at the head of articles makes no copies."""
    rng = random.Random(seed)
    labels = [_random_line(rng).split()[0].upper() for _ in range(2)]
    masthead = [_random_line(rng).upper(), _random_line(rng)]
    texts, gold = [], []
    for chunk in (documents[k:k + 2] for k in range(0, 16, 2)):
        lines = masthead + ["", "", ""]
        for doc, label in zip(chunk, rng.sample(labels, 2)):  # each label once a file
            title, *body = paragraphs(doc["en"], rng)
            lines += [label, title, "", *(p + "\n" for p in body), "", ""]
            gold.append(doc["en"])
        texts.append("\n".join(lines) + "\n")
    kept, removed = _run(texts)
    assert [" ".join(a.paragraphs) for a in kept] == [" ".join(s) for s in gold]
    assert [a.title for a in kept] == [s[0] for s in gold] and removed["repeated_sentence"] > 0
    assert all(a.title not in labels for a in kept)


@pytest.mark.parametrize("seed", range(3))
def test_lists_of_other_articles_titles_are_dropped_and_the_titles_kept(documents, seed):
    """A contents list of the file's own stories ("• Title") and a numbered list of other stories
    under a label are links: dropped wherever they stand, while each story keeps its title."""
    rng = random.Random(seed)
    label = _random_line(rng)
    titles = [doc["en"][0] for doc in documents[:20]]  # the stories of the run
    texts, gold = [], []
    for chunk in (documents[k:k + 4] for k in range(0, 20, 4)):
        lines = [label + ":", *(f"• {doc['en'][0]}" for doc in chunk), "", ""]
        for doc in chunk:
            title, *body = paragraphs(doc["en"], rng)
            others = rng.sample([t for t in titles if t != title], 3)
            lines += [title, "", *(p + "\n" for p in body), *(f"{i}. {t}" for i, t in enumerate(others, 1)), "", "", ""]
            gold.append(doc["en"])
        texts.append("\n".join(lines) + "\n")
    kept, removed = _run(texts)
    assert [" ".join(a.paragraphs) for a in kept] == [" ".join(s) for s in gold]
    assert [a.title for a in kept] == [s[0] for s in gold]
    assert removed["title_link"] >= 20 + 3 * 20


def test_a_dateline_opening_the_leads_of_a_run_is_cut_and_text_after_a_dash_is_kept(documents):
    """One article per file: only the run shows that "City, agency - " opens every lead (a source
    in lower case: no dateline shape)."""
    rng = random.Random(4)
    agency = _random_line(rng).split()[0].lower()
    texts, leads = [], []
    for doc in documents[:12]:
        title, lead, *rest = paragraphs(doc["en"], rng) + [""]
        if not lead[:1].isupper():
            continue
        city = rng.choice(["Medan", "Padang", "Kupang", "Ambon"])
        texts.append("\n\n".join([title, f"{city}, {agency} - {lead}", *rest]) + "\n")
        leads.append(lead)
    one_off = "Sukarno - the first president - was born in Surabaya, the records show."
    texts.append("A short history\n\n" + one_off + "\n")
    kept, removed = _run(texts)
    assert [a.paragraphs[1] for a in kept[:-1]] == leads and removed["dateline"] == len(leads)
    assert kept[-1].paragraphs[1] == one_off


def test_a_header_block_and_an_address_do_not_cut_a_one_article_page(documents):
    """Stacked lines without a sentence end (a masthead, a menu, an address) are one block: the
    blank lines between the paragraphs below them do not become article breaks."""
    rng = random.Random(9)
    for doc in documents[:6]:
        title, *body = paragraphs(doc["id_sents"], rng)
        header = [_random_line(rng).upper(), _random_line(rng).upper(), "  ".join(_random_line(rng).split())]
        address = [_random_line(rng), f"Telp: (021) {rng.randint(3000000, 3999999)}", "Email: info@example.go.id"]
        text = "\n".join(header + ["", title, ""] + [p + "\n" for p in body] + address) + "\n"
        articles = segment_text(text, "page.txt").articles
        holding = [a for a in articles if any(body[0] in p for p in a.paragraphs)]
        assert len(holding) == 1 and all(p in holding[0].paragraphs for p in body)


def test_furniture_a_large_file_shows_is_dropped_from_a_small_file_of_the_run(documents):
    """A page head (label-sized lines) repeated on every page of the run's large files is furniture
    in a file holding one page too, where it occurs once; a headline a large file lists on every
    page is kept in its own article."""
    rng = random.Random(12)
    head = [" ".join(_random_line(rng).split()[:2]).upper(), " ".join(_random_line(rng).split()[:4])]
    listed = documents[12]["en"][0]

    def page(doc):
        title, *body = paragraphs(doc["en"], rng)
        return head + ["", title, "", *(p + "\n" for p in body), listed, "", ""]

    large = [sum((page(doc) for doc in documents[k:k + 4]), []) for k in (0, 4, 8)]
    small = page(documents[12])[:-3] + ["", ""]  # the listed headline is this page's own title
    texts = ["\n".join(lines) + "\n" for lines in large + [small]]
    result = segment_text(texts[0], "large.txt")
    assert {exact_key(line) for line in head} <= result.furniture
    kept, _removed = _run(texts)
    last = kept[-1]
    assert last.title == listed and " ".join(last.paragraphs) == " ".join(documents[12]["en"])


def test_a_headline_that_other_pages_list_keeps_its_place_in_its_own_article(documents):
    """Lists of headlines cut off as articles of their own (a "Most popular" column) and links in
    other articles' text name a story: the story keeps its title, the lists and links go."""
    rng = random.Random(21)
    stories = documents[:8]
    titles = [doc["en"][0] for doc in stories]
    column = [titles[0], "", titles[2], "", titles[4]]
    texts = []
    for k in range(4):
        lines = []
        for doc in stories[2 * k:2 * k + 2]:
            title, *body = paragraphs(doc["en"], rng)
            lines += [title, "", *(p + "\n" for p in body), "", ""]
        if k in (1, 2):
            lines += column
        if k == 3:
            lines[-3:-3] = [titles[0], ""]  # a link inside the last story's text
        texts.append("\n".join(lines) + "\n")
    kept, removed = _run(texts)
    assert [a.title for a in kept] == titles
    assert [" ".join(a.paragraphs) for a in kept] == [" ".join(doc["en"]) for doc in stories]
