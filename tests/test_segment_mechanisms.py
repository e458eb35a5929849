"""General properties of the segmenter's furniture mechanisms, on real article text with furniture
of invented wording (no string of any layout the rules were written on)."""

from __future__ import annotations

import json
import random
import re
import string
import textwrap

import pytest

from align.html import lxml_text, page_text
from align.inputs import load_dump
from align.segment import drop_repeated_sentences, segment_text
from align.segment.clean import DATELINE
from align.segment.dates import is_day_stamp
from benchmarks.layouts.common import paragraphs
from conftest import eval_dev_documents


@pytest.fixture(scope="module")
def documents():
    return eval_dev_documents(12)


def _word(rng: random.Random) -> str:
    return "".join(rng.choices(string.ascii_lowercase, k=rng.randint(4, 9)))


@pytest.mark.parametrize("seed", range(4))
def test_a_dateline_of_an_invented_shape_is_cut_off_a_lone_lead(documents, seed):
    """One article, no repetition to learn from: the dateline goes by its shape alone."""
    rng = random.Random(seed)
    place, site = _word(rng).upper(), _word(rng).capitalize()
    dateline = rng.choice([f"{place}, {site}.net — ", f"{place.title()} ({site[:3].upper()}) -- ",
                           f"{place}: ", f"{place}, 12/6 ({site.upper()}) - ", f"{place.title()} - "])
    title, *body = paragraphs(documents[seed]["en"], rng)
    text = "\n\n".join([title, dateline + body[0], *body[1:]]) + "\n"
    [article] = segment_text(text, "one.txt").articles
    assert article.paragraphs[1] == body[0]
    assert segment_text(text, "one.txt").removed["dateline"] == 1


def test_sentence_starts_that_only_look_like_a_place_keep_their_words(documents):
    for sentences in (d["en"] + d["id_sents"] for d in documents):
        for sentence in sentences:
            assert not DATELINE.match(sentence), sentence
    assert not DATELINE.match("Berners-Lee said the web - and its users - needed a fix.")


def test_a_short_unique_headline_under_a_section_label_survives(documents):
    rng = random.Random(3)
    pages = []
    for k, doc in enumerate(documents[:4]):
        _title, *body = paragraphs(doc["en"], rng)
        headline = " ".join(w.capitalize() for w in [_word(rng), _word(rng)])
        pages.append((headline, ["", "", "WORLD", headline, f"By {_word(rng).capitalize()} {_word(rng).capitalize()}",
                                 f"March {k + 3}, 2019", "", *[p + "\n" for p in body]]))
    text = "\n".join(line for _h, lines in pages for line in lines)
    articles = segment_text(text, "labels.txt").articles
    assert [a.title for a in articles] == [h for h, _lines in pages]


def test_a_sentence_template_recurring_across_many_articles_is_dropped(documents):
    """"Last edited by NAME on DATE, edited N time in total." with a new name and date each time."""
    rng = random.Random(5)
    files = []
    for k, doc in enumerate(documents[:6]):
        title, *body = paragraphs(doc["en"], rng)
        note = f"Changed by {_word(rng)} on May {k + 2}, 2019, changed {k + 1} times in all."
        files.append("\n\n".join([title, *body, note]) + "\n")
    articles = [a for k, text in enumerate(files) for a in segment_text(text, f"post{k}.txt").articles]
    kept, removed, _examples = drop_repeated_sentences(articles)
    assert removed["repeated_template"] == 6
    assert all(not p.startswith("Changed by") for a in kept for p in a.paragraphs)
    assert [a.title for a in kept] == [a.title for a in articles]


def test_label_lines_recurring_in_a_file_are_dropped_and_a_label_of_titles_is_cut(documents):
    rng = random.Random(8)
    label, title_label = f"{_word(rng).capitalize()} {_word(rng)}", _word(rng).capitalize()
    lines = []
    for doc in documents[:5]:
        title, *body = paragraphs(doc["en"], rng)
        lines += [f"{title_label}: {title}", *body, f"{label}: \"{_word(rng)} {_word(rng)}\"", "", "", ""]
    articles = segment_text("\n".join(lines) + "\n", "fields.txt").articles
    assert [a.title for a in articles] == [paragraphs(d["en"], random.Random(0))[0] for d in documents[:5]]
    assert all(not p.startswith(label) for a in articles for p in a.paragraphs)


def test_the_plain_html_fallback_keeps_text_outside_block_elements():
    page = (b"<html><body>Loose words <b>in bold</b> here<div>A division's own text<p>A paragraph.</p>"
            b"its tail<br>after a break</div><span>a span</span><!-- note -->after a comment</body></html>")
    assert lxml_text(page).split("\n\n") == ["Loose words in bold here", "A division's own text", "A paragraph.",
                                             "its tail", "after a break", "a span after a comment\n"]


@pytest.mark.parametrize("head", ["<h1>{title}</h1>", "<h1><a href='/'>{site}</a></h1><h2>{title}</h2>"])
def test_a_saved_page_keeps_a_headline_printed_outside_its_main_text(documents, head):
    """A CMS that prints the headline in a page header apart from the story's container: the
    headline still opens the text (trafilatura alone leaves it out); a sidebar heading does not."""
    rng = random.Random(4)
    title, *body = paragraphs([s for d in documents[6:9] for s in d["en"]], rng)  # a long story
    site = f"{_word(rng).capitalize()} {_word(rng).capitalize()}"
    story = "".join(f"<p>{p}</p>" for p in body)
    page = (f"<html><head><title>{title} | {site}</title></head><body><nav><a href='/'>{_word(rng)}</a></nav>"
            f"<div class='top'>{head.format(title=title, site=site)}<span>{_word(rng)}</span></div>"
            f"<aside><h3>{_word(rng).capitalize()}</h3></aside><div class='body'>{story}</div></body></html>")
    text = page_text(page.encode(), "story.html")
    [article] = segment_text(text, "story.html").articles
    assert article.paragraphs == [title, *body]


@pytest.mark.parametrize("doc", range(4))
def test_a_short_saved_story_opens_with_its_headline(documents, doc):
    """A short story on a CMS page (its headline in a division, no heading element; its first
    paragraph repeated in the page's JSON-LD description): the headline comes first, whatever order
    trafilatura returns the blocks in."""
    rng = random.Random(doc)
    title, *body = paragraphs(documents[doc]["en"][:3], rng)
    site, label = _word(rng).capitalize(), _word(rng).capitalize()
    others = [d["en"] for d in documents[6:10]]  # other stories' headlines in a sidebar
    ld = json.dumps({"@type": "NewsArticle", "headline": title, "description": body[0]})
    page = (f"<html><head><title>{title} | {site}</title><meta property='og:title' content=\"{title}\">"
            f"<script type='application/ld+json'>{ld}</script></head><body><div class='top'><div>{site}</div>"
            f"<ul><li>{label}</li><li>{_word(rng)}</li></ul></div><main><div class='story'><div class='head'>"
            f"<div class='kicker'>{label}</div><div class='headline'>{title}</div><div class='meta'>"
            f"<span>{_word(rng).capitalize()} {_word(rng).capitalize()}</span> <span>05/04/2019 04:27</span></div></div>"
            f"<div class='text'>{''.join(f'<div class=p>{p}</div>' for p in body)}</div></div>"
            f"<aside><div>{_word(rng).capitalize()}</div>{''.join(f'<div>{d[0]}</div>' for d in others)}</aside></main>"
            f"<footer><div>{site} 2019</div></footer></body></html>")
    [article] = segment_text(page_text(page.encode(), "story.html"), "story.html").articles
    assert article.paragraphs[0] == title and article.paragraphs[1:] == body


def test_a_caption_cut_from_a_paragraph_of_the_article_is_dropped(documents):
    rng = random.Random(2)
    title, *body = paragraphs(documents[3]["en"], rng)
    caption = body[-1][:60].rsplit(" ", 1)[0]
    text = "\n\n".join([title, caption, *body]) + "\n"
    [article] = segment_text(text, "caption.txt").articles
    assert article.paragraphs == [title, *body]
    assert segment_text(text, "caption.txt").removed["cut_copy"] == 1


def test_a_running_head_over_the_next_page_keeps_the_article_whole(documents):
    """"HEADLINE - Page 2" and the date printed again under it continue the article."""
    rng = random.Random(4)
    title, *body = paragraphs(documents[5]["en"], rng)
    half = len(body) // 2 or 1
    suffix = f"- {_word(rng).capitalize()} 2"
    text = "\n".join([title, "March 3, 2019", "", *[p + "\n" for p in body[:half]], "",
                      f"{title} {suffix}", "March 3, 2019", "", *[p + "\n" for p in body[half:]]])
    [article] = segment_text(text, "pages.txt").articles
    assert article.paragraphs == [title, *body]


def test_page_furniture_inside_a_sentence_ends_nothing(documents):
    """A letterhead repeated on every page, where a sentence runs on over the page break."""
    rng = random.Random(6)
    head = [_word(rng).upper() + " " + _word(rng).upper(), _word(rng).capitalize() + " " + _word(rng)]
    pages = []
    for doc in documents[:4]:
        title, *body = paragraphs(doc["en"], rng)
        words = " ".join(body).split()
        cut = len(words) // 2
        while words[cut][:1].isupper():
            cut += 1
        pages.append([*head, "", title, "", " ".join(words[:cut]), "", *head, "", " ".join(words[cut:]), "", ""])
    text = "\n".join(line for page in pages for line in page) + "\n"
    articles = segment_text(text, "pdf.txt").articles
    assert [a.title for a in articles] == [paragraphs(d["en"], random.Random(0))[0] for d in documents[:4]]


def _hyphenated(text: str, width: int) -> str:
    """``text`` wrapped at ``width`` with long words split over line ends by a hyphen (as a PDF does)."""
    lines = textwrap.wrap(text, width - 6)
    for k in range(len(lines) - 1):
        first, _, rest = lines[k + 1].partition(" ")
        if len(first) >= 8 and first.isalpha() and first.islower() and rest and len(lines[k]) > width - 12:
            lines[k] += " " + first[:4] + "-"
            lines[k + 1] = first[4:] + " " + rest
    return "\n".join(lines)


def test_words_hyphenated_at_line_ends_are_rejoined_only_where_the_file_hyphenates(documents):
    title = documents[6]["en"][0]
    text = " ".join(s for doc in documents[:6] for s in doc["en"][1:])
    pdf = _hyphenated(text, 60)
    assert pdf.count("-\n") >= 3
    articles = segment_text(title + "\n\n" + pdf + "\n", "pdf.txt").articles
    kept = " ".join(p for a in articles for p in a.paragraphs)
    for word in text.split():
        assert word in kept  # "treatment", not "trea-tment"
    wrapped = "\n".join(textwrap.wrap("A well-known and widely-used method of ground-radar-based "
                                      "navigation is described here in some detail. " * 6, 30))
    [article] = segment_text("Navigation\n\n" + wrapped + "\n", "wrap.txt").articles
    assert "ground-radar-based" in " ".join(article.paragraphs)


def test_summary_bullets_cut_from_the_text_are_dropped(documents):
    rng = random.Random(9)
    title, *body = paragraphs(documents[7]["en"], rng)
    bullets = ["• " + " ".join(p.split()[:7]) for p in body[:3]]
    text = "\n\n".join([title, "\n".join(bullets), *body]) + "\n"
    [article] = segment_text(text, "bullets.txt").articles
    assert article.paragraphs == [title, *body]


def test_articles_spaced_like_every_other_line_start_at_their_titles(documents):
    """Every line one blank line apart: "Title / By Name / date" still opens each article."""
    rng = random.Random(11)
    lines = []
    for k, doc in enumerate(documents[:5]):
        title, *body = paragraphs(doc["en"], rng)
        lines += [title, f"By {_word(rng).capitalize()} {_word(rng).capitalize()}", f"{k + 2} May 2019 10:0{k}", *body]
    articles = segment_text("\n\n".join(lines) + "\n", "spaced.txt").articles
    assert [a.title for a in articles] == [paragraphs(d["en"], random.Random(0))[0] for d in documents[:5]]


@pytest.mark.parametrize("place", [0, 1, 2])
def test_a_templated_sentence_among_the_story_survives(documents, place):
    """A market report's templated sentence, a word and the figures varying (inside the lead, as the
    lead, or as a paragraph among the story's), is the story's text however many reports repeat
    it; a template that closes every post ("Changed by NAME on DATE ...") is the site's."""
    rng = random.Random(7 + place)
    files, reports = [], []
    for k, doc in enumerate(documents[:8]):
        title, *body = paragraphs(doc["en"], rng)
        report = (f"The rupiah {rng.choice(['weakened', 'strengthened', 'slipped', 'firmed'])} 0.{k + 1} percent "
                  f"to 15,{600 + k} per dollar by the close of trade on {['Monday', 'Tuesday', 'Friday'][k % 3]}.")
        reports.append(report)
        note = f"Changed by {_word(rng)} on May {k + 2}, 2019, changed {k + 1} times in all."
        if place:
            files.append("\n\n".join([title, *body[:place - 1], report, *body[place - 1:], note]) + "\n")
        else:
            files.append("\n\n".join([title, f"{body[0]} {report}", *body[1:], note]) + "\n")
    articles = [a for k, text in enumerate(files) for a in segment_text(text, f"wire{k}.txt").articles]
    kept, removed, _examples = drop_repeated_sentences(articles)
    assert len(kept) == len(reports) and all(a.paragraphs[place] == text if place else a.paragraphs[1].endswith(text)
                                             for a, text in zip(kept, reports))
    assert removed["repeated_template"] == 8 and not any("Changed by" in p for a in kept for p in a.paragraphs)


def test_templated_market_sentences_of_a_wire_file_survive_where_its_furniture_goes(documents):
    """One file, one sentence per line: a market sentence, its figures new in every story, stands
    among each story's sentences; the closer and the slug (figures too) around every story go."""
    rng = random.Random(12)
    lines, reports, desk = [], [], _word(rng).upper()
    for k, doc in enumerate(documents[:8]):
        title, *body = doc["en"]  # two sentences or more
        report = (f"The {_word(rng)} index ended {rng.randint(1, 3)}.{rng.randint(10, 99)} percent "
                  f"{rng.choice(['higher', 'lower'])} at {rng.randint(5, 7)},{rng.randint(100, 999)}.{k}{k}.")
        reports.append(report)
        lines += [f"{desk}/{rng.randint(100, 999)}", title, f"{k + 3} May 2019 10:0{k} GMT",
                  *body[:1], report, *body[1:], f"Put together by {_word(rng).capitalize()}; checked by "
                  f"{_word(rng).capitalize()}", ""]
    articles = segment_text("\n".join(lines) + "\n", "wire.txt").articles
    kept, _removed, _examples = drop_repeated_sentences(articles)
    assert [text in a.paragraphs for a, text in zip(kept, reports)] == [True] * 8
    assert not any("checked by" in p or p.startswith(desk) for a in kept for p in a.paragraphs)


def test_a_label_with_a_year_before_a_quoted_value_is_no_field(documents):
    """"Label 2019: "..."" opens a quotation, not a field line, however many articles show the label."""
    rng = random.Random(7)
    files, quotes = [], []
    for k, doc in enumerate(documents[:6]):
        title, *body = paragraphs(doc["en"], rng)
        quotes.append(f"Update {2010 + k}: \"{_word(rng)} {_word(rng)}\"")
        files.append("\n\n".join([title, body[0], quotes[-1], *body[1:]]) + "\n")
    articles = [a for k, text in enumerate(files) for a in segment_text(text, f"quote{k}.txt").articles]
    kept, removed, _examples = drop_repeated_sentences(articles)
    assert removed["repeated_field"] == 0
    assert all(quote in a.paragraphs for a, quote in zip(kept, quotes))


def _pdf_pages(lines: list[str], per_page: int, head: str, foot: str) -> str:
    """``lines`` cut into pages of ``per_page`` lines, each under ``head`` and over ``foot`` and a
    page number, pages split by form feeds (as a PDF's text)."""
    pages = [lines[k:k + per_page] for k in range(0, len(lines), per_page)]
    out = []
    for number, page in enumerate(pages, 1):
        out.append(("\f" if number > 1 else "") + "\n".join([head, "", *page, "", "", foot,
                                                             f"{number} / {len(pages)}"]))
    return "\n".join(out) + "\n\f"


def test_page_breaks_of_a_pdf_text_neither_end_the_article_nor_cut_its_sentences(documents, tmp_path):
    """Letterhead and footer on every page are found by the form feeds between pages; a paragraph
    running over a page break stays one paragraph; the page breaks keep line numbers."""
    rng = random.Random(5)
    title, *body = paragraphs(documents[2]["en"] + documents[3]["en"], rng)
    wrapped = [title, ""]
    for p in body:
        wrapped += textwrap.wrap(p, 78) + [""]
    head, foot = f"{_word(rng).upper()} {_word(rng).upper()}", f"{_word(rng).capitalize()} {_word(rng)} 12, {_word(rng)}"
    for per_page in (6, 8, 10):
        path = tmp_path / f"release{per_page}.txt"
        path.write_text(_pdf_pages(wrapped, per_page, head, foot), encoding="utf-8")
        text = load_dump(path)[0]
        assert text.count("\n") == path.read_text(encoding="utf-8").count("\n") and text.count("\f") >= 3
        [article] = segment_text(text, path.name).articles
        assert article.paragraphs == [title, *body]


def test_a_text_browser_dump_loses_its_link_numbers_and_reference_list(documents):
    """"the [12]ministry": a text browser numbers each link before its words and lists the
    addresses under the page; the text comes out without them, spans still index the source."""
    rng = random.Random(13)
    site, pages, golds = f"https://{_word(rng)}.example", [], []
    menu = f"   [1]{_word(rng).capitalize()} [2]{_word(rng).capitalize()} [3]{_word(rng).capitalize()}"
    for doc in documents[:4]:
        title, *body = paragraphs(doc["en"], rng)
        number, marked = 3, []
        for p in body:
            words = p.split()
            for k in sorted(rng.sample(range(len(words)), min(2, len(words)))):
                number += 1
                words[k] = f"[{number}]{words[k]}"
            marked.append(textwrap.indent(textwrap.fill(" ".join(words), 76), "   "))
        refs = [f"{k:>4}. {site}/{_word(rng)}" for k in range(1, number + 1)]
        pages.append("\n\n".join([menu, f"   {title}", *marked, "References", "\n".join(refs)]))
        golds.append([title, *body])
    text = "\n\n\n".join(pages) + "\n"
    articles = segment_text(text, "dump.txt").articles
    assert [a.paragraphs for a in articles] == golds
    assert all(" ".join(re.sub(r"\[\d+\]", "", text[s.start:s.end]).split()) == s.text
               for a in articles for s in a.sentences)


def test_a_blog_post_keeps_its_subheading_and_loses_its_pull_quote(documents):
    """Posts of a blog: a headline "Name: rest" that other posts list, a subheading (a short line
    without a stop) inside the text, a pull quote repeating a sentence in quotation marks."""
    rng = random.Random(14)
    posts, golds = [], []
    docs = [d["en"] for d in documents if len(d["en"]) >= 3][:5]
    heads = [f"{_word(rng).capitalize()}: {sentences[0]}" for sentences in docs]
    for k, (_title, first, *rest) in enumerate(docs):
        sub = f"{_word(rng).capitalize()} {_word(rng)} {_word(rng)}"
        pull = f"“{first.rstrip('.')}”"
        name = f"{_word(rng).capitalize()} {_word(rng).capitalize()}"
        others = [heads[(k + 1) % len(docs)], heads[(k + 2) % len(docs)]]
        posts.append("\n\n".join([heads[k], f"{name} · {_word(rng).capitalize()}\n{k + 2} min read · May {k + 3}, 2019",
                                  first, pull, sub, *rest, f"More from {name}", *others]))
        golds.append([heads[k], first, sub, *rest])
    articles = segment_text("\n\n\n".join(posts) + "\n", "blog.txt").articles
    assert [a.paragraphs for a in articles] == golds


def test_lines_wrapping_a_headline_link_to_it_and_start_nothing(documents):
    """'3 notes on "TITLE"', "« Earlier: TITLE", "Later: TITLE »", in invented words: lines made
    of a headline of the file and a few words are links, neither text nor article starts."""
    rng = random.Random(15)
    docs = [d["en"] for d in documents if len(d["en"]) >= 3][:5]
    notes, earlier, later = _word(rng), _word(rng).capitalize(), _word(rng).capitalize()
    posts = []
    for k, (title, *body) in enumerate(docs):
        links = [f"« {earlier}: {docs[k - 1][0]}"] if k else []
        links += [f"{later}: {docs[k + 1][0]} »"] if k + 1 < len(docs) else []
        posts.append("\n\n".join([title, f"May {k + 2}, 2019", *body, *links,
                                  f'{k + 2} {notes} on "{title}"']))
    text = "\n\n\n".join(posts) + "\n"
    articles = segment_text(text, "posts.txt").articles
    assert [a.paragraphs for a in articles] == docs
    kept, removed, _examples = drop_repeated_sentences(
        [a for k, post in enumerate(posts) for a in segment_text(post + "\n", f"post{k}.txt").articles])
    assert [a.paragraphs for a in kept] == docs  # one post per file: the run knows the titles


def test_a_headline_restated_right_above_it_is_no_link(documents):
    """A page's title given as a field ("Label: TITLE") right above the headline itself restates
    it and links to nothing; the same words at the foot of another page ("Label: TITLE" after its
    text) link to that headline."""
    rng = random.Random(17)
    label = _word(rng).capitalize()
    docs = [d["en"] for d in documents if len(d["en"]) >= 3][:4]
    titles = [" ".join(_word(rng) for _ in range(5)).capitalize() for _ in docs]
    pages = ["\n\n".join([f"{label}: {title}", title, f"May {k + 2}, 2019", *body])
             for k, (title, (_lead, *body)) in enumerate(zip(titles, docs))]
    restated = segment_text("\n\n\n".join(pages) + "\n", "pages.txt")
    assert restated.removed["title_link"] == 0
    linked = segment_text("\n\n\n".join(pages + [f"{label}: {titles[0]}"]) + "\n", "pages.txt")
    assert linked.removed["title_link"] == 1


def test_one_off_section_labels_over_headlines_go_and_short_headlines_stay(documents):
    """Each article under a section label of its own (once per file), some with a two-word
    headline that looks like a name: the file stacks labels over headlines, so the label goes."""
    rng = random.Random(16)
    lines, golds = [], []
    for k, doc in enumerate(documents[:8]):
        title, *body = paragraphs(doc["en"], rng)
        if k % 3 == 0:
            title = f"{_word(rng).capitalize()} {_word(rng).capitalize()}"
        label = f"{_word(rng).capitalize()} {_word(rng).capitalize()}"
        lines += ["", "", label, title, f"{k + 10:02d}.0{k % 9 + 1}.2019", "", *[p + "\n" for p in body]]
        golds.append(title)
    articles = segment_text("\n".join(lines), "labels.txt").articles
    assert [a.title for a in articles] == golds
    assert all(len(a.paragraphs) > 1 for a in articles)


def test_readers_comments_with_dates_end_no_article_and_leave_no_text(documents):
    """Comments under each post ("Name word:", a date with a time, the comment, a reply link):
    their dates start no article, their text is no article's; a label stacked over the next
    headline goes too."""
    rng = random.Random(17)
    says, reply = _word(rng), _word(rng).capitalize()
    pool = [f"{_word(rng).capitalize()} {_word(rng)} {_word(rng)} {_word(rng)}." for _ in range(3)]
    docs = [d["en"] for d in documents if len(d["en"]) >= 3][:5]
    lines = []
    for k, (title, *body) in enumerate(docs):
        lines += ["", "", "", f"{_word(rng).capitalize()} {_word(rng)}", title, f"May {k + 2}, 2019 at 10:0{k} am", ""]
        for p in body:
            lines += [p, ""]
        for c in range(2):
            lines += [f"{_word(rng).capitalize()} {_word(rng).capitalize()} {says}:",
                      f"June {k + c + 3}, 2019 at {c + 2}:1{k} pm", rng.choice(pool), reply, ""]
    articles = segment_text("\n".join(lines) + "\n", "comments.txt").articles
    assert [a.paragraphs for a in articles] == docs


def test_a_subheading_set_off_like_an_article_does_not_split_its_post(documents):
    """Posts opening with "Title / Name · Word / N words · date", a subheading inside each set off
    by as many blank lines as the posts themselves: the date lines show where posts start."""
    rng = random.Random(18)
    docs = [d["en"] for d in documents if len(d["en"]) >= 3][:6]
    lines, golds = [], []
    for k, (title, first, *rest) in enumerate(docs):
        sub = f"{_word(rng).capitalize()} {_word(rng)} {_word(rng)}"
        lines += ["", "", title, f"{_word(rng).capitalize()} {_word(rng).capitalize()} · {_word(rng).capitalize()}",
                  f"{k + 2} {_word(rng)} {_word(rng)} · May {k + 2}, 2019", "", first, "", "", sub, "",
                  *[x for p in rest for x in (p, "")]]
        golds.append([title, first, sub, *rest])
    articles = segment_text("\n".join(lines) + "\n", "posts.txt").articles
    assert [a.paragraphs for a in articles] == golds


def test_a_two_word_headline_listed_under_other_posts_stays_a_title(documents):
    """"More from NAME" lists under every post repeat the other posts' headlines: a headline of label
    size heading its own byline and date once is a title, in its file and in a run of such files."""
    rng = random.Random(19)
    docs = [d["en"] for d in documents if len(d["en"]) >= 3][:5]
    heads = [f"{_word(rng).capitalize()} {_word(rng).capitalize()}" for _ in docs]
    posts = []
    for k, (_title, *body) in enumerate(docs):
        listed = [x for j in range(len(docs)) if j != k for x in (heads[j], f"{j + 2} min read", "")]
        posts.append("\n".join([heads[k], "", f"{_word(rng).capitalize()} {_word(rng).capitalize()} · Follow",
                                f"{k + 2} min read · May {k + 3}, 2019", "", *[x for p in body for x in (p, "")],
                                f"More from {_word(rng).capitalize()}", "", *listed]))
    in_one = segment_text("\n\n\n".join(posts) + "\n", "blog.txt").articles
    assert [a.title for a in in_one] == heads
    run = [a for k, post in enumerate(posts) for a in segment_text(post + "\n", f"post{k}.txt").articles]
    kept, _removed, _examples = drop_repeated_sentences(run, None, set().union(
        *(segment_text(post + "\n", f"post{k}.txt").furniture for k, post in enumerate(posts))))
    assert [a.title for a in kept] == heads


@pytest.mark.parametrize("seed", range(3))
def test_markdown_pages_keep_their_text_and_lose_their_links(documents, seed):
    """Pages fetched as Markdown: "# TITLE" is the title without its mark, lines made only of links or
    images (a menu, a profile link, a picture, a related story) are dropped, and a link inside a
    sentence keeps its words but not its address; the offsets still point into the text."""
    rng = random.Random(seed)
    host = f"https://{_word(rng)}.net"
    docs = [d["en"] for d in documents if len(d["en"]) >= 4][seed:seed + 3]
    lines, golds = [], []
    for title, first, *rest in docs:
        linked = first.split()
        linked[2] = f"[{linked[2]}]({host}/{_word(rng)}/{rng.randint(100, 999)})"
        lines += [f"*   [{_word(rng).capitalize()}]({host}/{_word(rng)})" for _ in range(4)] + [""]
        lines += [f"![{_word(rng)} {_word(rng)}]({host}/img/{rng.randint(10, 99)}.jpg)", "", f"# {title}", "",
                  f"[{_word(rng).capitalize()} {_word(rng).capitalize()}]({host}/author)", "", " ".join(linked), "",
                  f"**[{_word(rng).capitalize()}: {_word(rng)} {_word(rng)} {_word(rng)}]({host}/x)**", "",
                  *[x for s in rest for x in (s, "")], "", ""]
        golds.append([title, first, *rest])
    text = "\n".join(lines) + "\n"
    articles = segment_text(text, "reader.md").articles
    assert [a.paragraphs for a in articles] == golds
    for article in articles:
        for sentence in article.sentences:
            assert " ".join(text[sentence.start:sentence.end].split()).replace(f"]({host}", "").startswith(
                sentence.text.split()[0].lstrip("["))


def test_a_line_of_links_in_plain_text_is_dropped_but_brackets_in_prose_stay(documents):
    """Without Markdown elsewhere in the file, a sentence that quotes "[sic]" keeps its brackets and a
    lone link line is still no text."""
    title, first, *rest = documents[0]["en"][:4]
    text = "\n\n".join([title, first, "[Word word](https://example.org/a)", *rest, "He wrote [sic] so."]) + "\n"
    [article] = segment_text(text, "plain.txt").articles
    assert article.paragraphs == [title, first, *rest, "He wrote [sic] so."]


@pytest.mark.parametrize("bracketed", [True, False])
def test_stories_forwarded_in_a_chat_export_are_articles_and_the_chat_is_not(documents, bracketed):
    """A chat export: each forwarded story (title on its message line, paragraphs under it, blank
    lines inside or not) is one article without the date, time and sender; one-line chat messages
    between stories are dropped."""
    rng = random.Random(5)
    names = [f"{_word(rng).capitalize()} {_word(rng).capitalize()}" for _ in range(3)]
    chat = [f"{_word(rng).capitalize()} {_word(rng)}{rng.choice(['!', '?', ''])}" for _ in range(4)]

    def head(minute: int) -> str:
        who = rng.choice(names)
        return f"[03/04/21 10:{minute:02d}:17] {who}: " if bracketed else f"03/04/21, 10:{minute:02d} - {who}: "

    lines, golds = [], []
    for k, (title, *body) in enumerate(d["en"] for d in documents[:5] if len(d["en"]) >= 3):
        lines += [head(10 * k) + rng.choice(chat) for _ in range(k % 3)]
        lines.append(head(10 * k + 5) + title)
        for p in body:
            lines += [""] * rng.randint(0, 1) + [p]
        golds.append([title, *body])
    articles = segment_text("\n".join(lines) + "\n", "group.txt").articles
    assert [a.paragraphs for a in articles] == golds


def test_a_chat_forward_under_a_marker_message_with_a_bold_title_and_reactions(documents):
    """"[date] Name: <one word>" over the story's "*TITLE*" (a forward marker recurring per story), the
    chat's own notice at the top ("[date] NAME word word"), one-line replies with a reaction count
    under them ("👍 2"): each story is its paragraphs, the title without its bold marks."""
    rng = random.Random(8)
    names = [f"{_word(rng).capitalize()} {_word(rng).capitalize()}" for _ in range(3)]
    marker, notice = _word(rng).capitalize(), f"{_word(rng)} {_word(rng)} \"{_word(rng)}\""
    lines, golds = [f"[01/02/20 08:00] {names[0]} {notice}"], []
    for k, (title, *body) in enumerate(d["id_sents"] for d in documents[:5] if len(d["id_sents"]) >= 3):
        lines += [f"[01/02/20 09:{k:02d}] {rng.choice(names)}: {marker}", f"*{title}*", "", *body, "",
                  f"[01/02/20 09:{k:02d}] {rng.choice(names)}: {_word(rng)} {_word(rng)}", f"👍 {k + 1}"]
        golds.append([title, *body])
    articles = segment_text("\n".join(lines) + "\n", "forwards.txt").articles
    assert [a.paragraphs for a in articles] == golds


def test_a_fetched_pages_header_naming_its_headline_is_no_article(documents):
    """"Title: HEADLINE" (the headline may hold a colon, or be cut short) over a "---" rule and the
    page's "# HEADLINE": one article per page, titled by the headline."""
    rng = random.Random(3)
    host = f"https://{_word(rng)}.org"
    lines, titles = [], []
    for k, (title, *body) in enumerate(d["en"] for d in documents[:4] if len(d["en"]) >= 3):
        title = f"{_word(rng).capitalize()}: {title}" if k % 2 else title
        shown = " ".join(title.split()[:8]) if k == 2 else title
        lines += [f"Title: {shown}", "", f"URL Source: {host}/{k}", "", "Markdown Content:",
                  f"[{_word(rng).capitalize()}]({host})", "", "---", "", f"# {title}", "",
                  *[x for p in body for x in (p, "")], "", ""]
        titles.append(title)
    articles = segment_text("\n".join(lines) + "\n", "pages.md").articles
    assert [a.title for a in articles] == titles


def test_a_report_with_an_index_of_its_stories_is_cut_at_the_indexed_headlines(documents):
    """A monitoring report: a cover of short field lines, an index ("N. HEADLINE ...... page"), then
    per story a block of invented fields and the story, pages parted by form feeds with a footer:
    one article per indexed headline, the cover and the index in none."""
    rng = random.Random(11)
    docs = [d["en"] for d in documents if len(d["en"]) >= 3][:5]
    agency, field = f"{_word(rng).upper()} {_word(rng).upper()}", _word(rng).capitalize()
    lines = [agency, f"{field}: {_word(rng).capitalize()} {_word(rng).capitalize()}", "", ""]
    lines += [f"{k + 1}. {title} {'.' * 10} {k + 2}" for k, (title, *_rest) in enumerate(docs)] + [""]
    for k, (title, *body) in enumerate(docs):
        lines += [f"{agency.title()} | {k + 1}", "\f" + f"{_word(rng).upper()} {k + 1:03d}",
                  f"{_word(rng).capitalize()}: {_word(rng).capitalize()} | {_word(rng).capitalize()}: {k + 3}", "",
                  title, "", *[x for p in body for x in (p, "")]]
    articles = segment_text("\n".join(lines) + "\n", "report.txt").articles
    assert [a.paragraphs for a in articles] == [list(d) for d in docs]


@pytest.mark.parametrize("seed", range(3))
def test_editors_initials_glued_to_a_last_paragraph_are_cut(documents, seed):
    """"... said. (abc/def)" or "... said (abc)" closing a story (a promo line may follow): the
    initials are no text of the article; brackets inside a sentence stay."""
    rng = random.Random(seed)
    title, *body = paragraphs(documents[seed + 2]["en"], rng)
    code = "/".join("".join(rng.choices("abcdefghijklmnoprstuwy", k=3)) for _ in range(rng.randint(1, 2)))
    glued = f"{body[-1]} ({code})"
    promo = f"{_word(rng).capitalize()} {_word(rng)}: {_word(rng)} {_word(rng)} {_word(rng)}"
    text = "\n\n".join([title, *body[:-1], glued, promo, ""]) + "\n"
    article = segment_text(text, "story.txt").articles[0]
    assert article.paragraphs[len(body)] == body[-1]
    assert all(f"({code})" not in s.text for s in article.sentences)


@pytest.mark.parametrize("seed", range(3))
def test_markdown_pages_with_underlined_titles_are_one_article_each(documents, seed):
    """A reader tool's Markdown pages whose headline is underlined ("TITLE" over "=====", a stop at its
    end or not) rather than marked "# TITLE", a subheading underlined with "-----" inside the text:
    one article per page, the title and its text, no underline as a rule that ends it."""
    rng = random.Random(seed)
    host = f"https://{_word(rng)}.org"
    lines, golds = [], []
    for title, *body in [paragraphs(d["en"], rng) for d in documents[seed:seed + 4]]:
        sub = f"{_word(rng).capitalize()} {_word(rng)} {_word(rng)}"
        body = [*body[:1], sub, *body[1:]] if len(body) > 1 else body
        lines += [f"*   [{_word(rng).capitalize()}]({host}/{_word(rng)})" for _ in range(3)] + [""]
        lines += [title, "=" * min(len(title), 80), "", f"[{_word(rng).capitalize()} {_word(rng).capitalize()}]"
                  f"({host}/people/{_word(rng)})", "", f"![{_word(rng)}]({host}/{rng.randint(1, 99)}.png)", ""]
        lines += [x for p in body for x in ((p, "-" * len(p)) if p == sub else (p,)) + ("",)] + ["* * *", "", ""]
        golds.append([title, *body])
    articles = segment_text("\n".join(lines) + "\n", "pages.md").articles
    assert [a.paragraphs for a in articles] == golds


def test_dashes_under_a_sentence_in_plain_text_still_part_entries(documents):
    """Without Markdown in the file, "---" under the last sentence of an entry is a rule between
    entries, not a subheading's underline: every entry stays an article of its own."""
    rng = random.Random(2)
    lines = []
    docs = [paragraphs(d["en"], rng) for d in documents[:4]]
    for title, *body in docs:
        lines += [f"{_word(rng).capitalize()}: {title}", *body, "---"]
    articles = segment_text("\n".join(lines) + "\n", "entries.txt").articles
    assert len(articles) == len(docs)
    assert [a.paragraphs[1:] for a in articles] == [body for _title, *body in docs]


def test_a_day_without_a_year_is_a_stamp_and_text_is_not():
    assert is_day_stamp("Feb 28") and is_day_stamp("3 Mei") and is_day_stamp("Sept. 9") and is_day_stamp("July 4th")
    assert not is_day_stamp("Feb 30") and not is_day_stamp("30 September.") and not is_day_stamp("Tim 12")
    assert not is_day_stamp("May 2019") and not is_day_stamp("Room 12")


@pytest.mark.parametrize("seed", range(3))
def test_blog_pages_lose_their_meta_block_and_their_lists_of_the_authors_posts(documents, seed):
    """A blog copied page by page (invented wording): a headline, its author and a follow button,
    in some pages a line naming the publication ("Word word NAME", names of three shapes), a date
    line, counts, the text, then a heading over the author's other posts, each a title over a day
    (without a year, or a whole date) and a count, some of them this file's own headlines: one article per page,
    titled by its headline, no publication line, no listed title in any text."""
    rng = random.Random(seed)
    menu = [_word(rng).capitalize() for _ in range(3)]
    verb, prep = _word(rng).capitalize(), _word(rng)[:2]
    names = [_word(rng).capitalize() for _ in range(5)]  # publications of unlike shapes: no template recurs
    pubs = [names[0], f"{names[1]} & {names[2]}", f"{names[3]} {_word(rng)[:3]} {names[4]}"]
    authors = [f"{_word(rng).capitalize()} {_word(rng).capitalize()}" for _ in range(3)]
    follow, more = _word(rng).capitalize(), _word(rng).capitalize()
    docs = [paragraphs(d["en" if k % 2 else "id_sents"], rng) for k, d in enumerate(documents[:8])]
    months = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    lines = []
    for k, (title, *body) in enumerate(docs):
        author = authors[k % 3]
        lines += [*menu, "", title, "", author, follow, ""]
        if k % 4:
            lines += [f"{verb} {prep} {pubs[k % 3]}"]
        lines += [f"{k + 1} {_word(rng)} · {months[k]} {k + 3}, 2020", "", f"{k + 1}.{k}K", "", str(k + 10), ""]
        lines += [x for p in body for x in (p, "")]
        lines += [f"{more} {author}", ""]
        for other in (docs[(k + 1) % len(docs)][0], f"{_word(rng).capitalize()} {_word(rng)} {_word(rng)}."):
            day = f"{rng.choice(months)} {rng.randint(1, 28)}" + (", 2019" if seed == 2 else "")  # (a whole date too)
            lines += [other, day, f"{rng.randint(1, 9)}.{k}K", ""]
        lines += ["", ""]
    articles = segment_text("\n".join(lines) + "\n", "blog.txt").articles
    assert [a.paragraphs for a in articles] == [list(d) for d in docs]


def test_dated_titles_listed_right_under_the_text_start_no_article(documents):
    """Titles of other stories, each over its whole date, listed right under an article's last
    paragraph (no heading over them): the dates are the listed stories', so no paragraph above
    them is carried off as the title of a new article."""
    rng = random.Random(6)
    docs = [paragraphs(d["en"], rng) for d in documents[:6]]
    menu = [_word(rng).capitalize(), _word(rng).capitalize()]
    lines = []
    for k, (title, *body) in enumerate(docs):
        lines += [*menu, "", title, "", f"March {k + 2}, 2020", ""]
        lines += [x for p in body for x in (p, "")]
        lines += [x for j in (1, 2) for x in (docs[(k + j) % len(docs)][0], f"Apr {j + 3}, 2019", "")] + ["", ""]
    articles = segment_text("\n".join(lines) + "\n", "latest.txt").articles
    assert [a.paragraphs for a in articles] == [list(d) for d in docs]


def _browser_page(rng: random.Random, title: str, body: list[str], related: list[str], width: int) -> list[str]:
    """One page as a text browser dumps it (paragraphs on one line each, indented three spaces): a
    logo placeholder and a bulleted menu, the headline, a byline and date, a photo placeholder over
    its caption (wrapped), the text, and a bulleted list of other headlines wrapped at ``width``
    with a hanging indent."""
    caption = f"{_word(rng).capitalize()} {_word(rng)} {_word(rng)} {_word(rng)} {_word(rng)} {_word(rng)} " \
              f"{_word(rng)} {_word(rng)}. {_word(rng).capitalize()}/{_word(rng).capitalize()}"
    lines = ["   [IMG]", "", *[f"     * {w.capitalize()}" for w in ("tolomi", "verasku", "pandirel")], ""]
    lines += [f"   {title}", "", f"   Wrovek {_word(rng).capitalize()} {_word(rng).capitalize()}",
              "   12 March 2019, 14:05", "", "   [IMG]", *textwrap.wrap(caption, 40, initial_indent="   ",
                                                                      subsequent_indent="   "), ""]
    for p in body:
        lines += [f"   {p}", ""]
    lines += ["   Lorvane tisk", ""]
    for other in related:
        lines += textwrap.wrap(other, width, initial_indent="     * ", subsequent_indent="       ")
    return lines + ["", ""]


def test_a_text_browser_page_keeps_its_headline_and_loses_photo_captions_and_wrapped_lists(documents):
    """Image placeholders ("[IMG]") head every page and stand under the date line: neither ends the
    headline's article. The lines right under a placeholder are its caption. Another page's headline
    listed under the text, wrapped with a hanging indent, is one list item (dropped as a link to that
    page), its wrapped tail too."""
    rng = random.Random(21)
    docs = [d["en"] for d in documents if len(d["en"]) >= 4][:6]
    pages, golds = [], []
    for k, sentences in enumerate(docs):
        title, *body = paragraphs(sentences, rng)
        related = [docs[(k + j) % len(docs)][0] for j in (1, 2)]
        pages += _browser_page(rng, title, body, related, 36)
        golds.append([title, *body])
    result = segment_text("\n".join(pages) + "\n", "browser.txt")
    assert [a.paragraphs[:len(g)] for a, g in zip(result.articles, golds)] == golds and len(result.articles) == len(golds)
    assert all(len(a.paragraphs) == len(g) + 2 for a, g in zip(result.articles, golds))  # one line per listed title
    kept, _removed, _examples = drop_repeated_sentences(result.articles, None, result.furniture)
    assert [" ".join(s.text for s in a.sentences) for a in kept] == [" ".join(g) for g in golds]


def test_lines_under_a_placeholder_in_a_file_without_blank_lines_stay_text(documents):
    """A file that sets nothing off by blank lines shows no caption block under a placeholder: the
    lead printed right under "[IMG]" stays."""
    rng = random.Random(22)
    pages, golds = [], []
    for sentences in [d["en"] for d in documents if len(d["en"]) >= 4][:4]:
        title, *body = paragraphs(sentences, rng)
        pages += [title, "12 March 2019, 14:05", "[IMG]", *body]
        golds.append([title, *body])
    articles = segment_text("\n".join(pages) + "\n", "noblank.txt").articles
    assert [a.paragraphs for a in articles] == golds


def test_a_bracketed_badge_over_a_headline_captions_nothing(documents):
    """A bracketed badge over each story's headline ("[VERDICT]" over the title, a byline and the
    date) is no image placeholder: the headline under it stays the article's title."""
    rng = random.Random(24)
    badges = [f"[{_word(rng).upper()}]", f"[{_word(rng).upper()} {_word(rng).upper()}]"]
    pages, golds = [], []
    for k, sentences in enumerate([d["en"] for d in documents if len(d["en"]) >= 4][:6]):
        title, *body = paragraphs(sentences, rng)
        byline = f"{_word(rng).capitalize()} {_word(rng).capitalize()} {_word(rng).capitalize()}"
        pages += ["* * *", "", badges[k % 2], title, "", byline, f"{k + 3} March 2019, 14:05", "",
                  *[x for p in body for x in (p, "")]]
        golds.append([title, *body])
    articles = segment_text("\n".join(pages) + "\n", "badges.txt").articles
    assert [a.paragraphs[0] for a in articles] == [g[0] for g in golds]
    assert [a.paragraphs for a in articles] == golds


def test_a_byline_of_several_names_parted_by_bars_is_no_headline(documents):
    """"Headline / Role [12]Name | Role [13]Name / date" (a text browser's page, each name linked):
    the line of names is a byline, whatever the role words, and the headline above it opens the
    article."""
    rng = random.Random(23)
    roles = [_word(rng).capitalize(), _word(rng).capitalize()]
    pages, golds = [], []
    for k, sentences in enumerate([d["en"] for d in documents if len(d["en"]) >= 3][:4]):
        title, *body = paragraphs(sentences, rng)
        names = " | ".join(f"{role} [{2 * k + j}]{_word(rng).capitalize()} {_word(rng).capitalize()}"
                           for j, role in enumerate(roles, 1))
        pages += [title, "", names, "12 March 2019 14:05", "", *[x for p in body for x in (p, "")], ""]
        golds.append([title, *body])
    articles = segment_text("\n".join(pages) + "\n", "names.txt").articles
    assert [a.paragraphs for a in articles] == golds


def test_a_text_browsers_inline_menu_form_and_addresses_are_furniture():
    """"* Home * News * Sport" (list items a browser printed on one line), a form ("Email
    ____________________ (BUTTON) Join") and the addresses of its link list in any scheme are
    furniture by their shape; text with stars or an address stays."""
    from align.segment.clean import classify_line

    assert classify_line("12. mailto:desk@tarvolin.example").name == "url"
    assert classify_line("7. javascript:void(0)").name == "url"
    assert classify_line("He said the old address https://tarvolin.example no longer works.") is None

    assert classify_line("* Zomevi * Tarpelo Runa * Kisvat * Dremol").name == "menu"
    assert classify_line("• Zomevi • Tarpelo • Kisvat").name == "menu"
    assert classify_line("Vorlak ____________________ (BUTTON) Trimsa").name == "form"
    assert classify_line("(BUTTON) Trimsa").name == "form"
    assert classify_line("* The minister spoke. * Then he left. * Nobody asked.") is None
    assert classify_line("The 5 * 3 * 2 rule was taught in schools for a long time.") is None


_HEADLINES = ["Harbour Board Weighs Higher Fees for Cargo Ships, Then Delays the Vote Again",
              "Village Cooperative Doubles Its Rice Harvest After Switching to Terraced Fields",
              "Regional Airline Cancels Dozens of Flights as Pilots Walk Out Over Pay Dispute",
              "Museum Returns Carved Wooden Masks to the Island Families Who Made Them Long Ago",
              "City Council Approves Night Market Plan Despite Protests From Shop Owners Nearby",
              "Students Build Solar Water Pumps for Schools in Three Drought-Hit Mountain Districts"]


def test_a_pull_quote_indented_deeper_and_a_wrapped_link_line_are_joined_and_dropped(documents):
    """A hard-wrapped page indents its text three spaces; a pull quote indented deeper wraps at the
    same right margin (so narrower) and a "Label: OTHER HEADLINE" link wraps like the text (its
    label opening such lines in many places). Both are joined into one line each, so the quote is
    dropped as a copy of its sentence and the link as a link to the other headline: no fragment of
    either stays in the text."""
    rng = random.Random(24)
    label = f"{_word(rng).capitalize()} {_word(rng)} {_word(rng)}"
    docs = [d["en"] for d in documents if len(d["en"]) >= 3][:len(_HEADLINES)]
    width = 72

    def wrap(text: str, indent: str = "   ") -> list[str]:
        return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent)

    lines, golds = [], []
    for k, sentences in enumerate(docs):
        title, (_, *body) = _HEADLINES[k], paragraphs(sentences, rng)
        lines += wrap(title) + ["", "   12 March 2019 14:05", ""]
        for j, p in enumerate(body):
            lines += wrap(p) + [""]
            if j == 0:
                lines += wrap(f"{label}: {_HEADLINES[(k + 1) % len(docs)]}") + [""]
                lines += wrap(f"“{sentences[-1]}”", "        ") + [""]
        lines += ["", ""]
        golds.append(" ".join([title, *body]))
    assert all(len(ln) > width - 8 for ln in lines if ln.startswith(f"   {label}:"))  # each link wraps
    result = segment_text("\n".join(lines) + "\n", "pulled.txt")
    kept, _removed, _examples = drop_repeated_sentences(result.articles, None, result.furniture)
    assert [" ".join(s.text for s in a.sentences) for a in kept] == golds


def test_a_lone_line_of_link_labels_in_a_browser_dump_is_furniture(documents):
    """One page dumped by a text browser, nothing repeated: a share row and a tag row made only of
    short link labels ("Word: [21]Word [22]Word [23]Word") lead elsewhere and go; a paragraph whose
    words carry link marks stays."""
    rng = random.Random(25)
    title, *body = paragraphs(documents[0]["en"], rng)
    words = body[0].split()
    linked = " ".join(f"[{k + 5}]{w}" if k in (0, 3, 6) else w for k, w in enumerate(words))
    share = f"{_word(rng).capitalize()}: " + " ".join(f"[{k}]{_word(rng).capitalize()}" for k in (20, 21, 22))
    tags = " ".join(f"[{k}]{_word(rng)}" for k in (23, 24, 25, 26))
    lines = [title, "", linked, "", *[x for p in body[1:] for x in (p, "")],
             share, "", tags, ""]
    [article] = segment_text("\n".join(lines) + "\n", "page.txt").articles
    assert article.paragraphs == [title, *body]
