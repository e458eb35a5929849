"""Mechanisms for whole saved pages: web-archive toolbars, menus and their paths, furniture blocks,
lists under recurring headings, wiki-style page heads and footers, title-only link articles.

All text here is written for these tests (invented sites, labels and stories)."""

from __future__ import annotations

from align.records import Article, Sentence
from align.segment import drop_repeated_sentences, segment_text
from align.segment.dates import is_calendar_row

STORIES = [
    ("Ferry timetable changes after harbour works",
     ["The harbour authority moved the evening ferry to a later slot on Monday after dredging work "
      "ran over schedule.", "Passengers were told to check the board at the pier before travelling."]),
    ("Farmers plant early as rains arrive",
     ["Rice farmers in the valley began planting two weeks earlier than usual because the first rains "
      "came in late October.", "The cooperative said seed stocks were sufficient for the whole district."]),
    ("Library opens a reading room for night workers",
     ["The city library opened a small reading room that stays open until two in the morning.",
      "Nurses and drivers on late shifts asked for a quiet place to read between their rounds."]),
    ("School choir wins regional contest",
     ["A choir of forty pupils from a hill school won the regional contest on Saturday evening.",
      "Their teacher said the pupils had practised every afternoon for three months."]),
]


def _titles(text: str) -> list[str]:
    return [a.title for a in segment_text(text, "pages.txt").articles]


def _all_text(text: str) -> str:
    return "\n".join(p for a in segment_text(text, "pages.txt").articles for p in a.paragraphs)


def test_calendar_rows_are_months_or_years_never_a_date_in_text():
    assert is_calendar_row("MAR\tAPR\tMAY")
    assert is_calendar_row("2017 | 2018 | 2019")
    assert is_calendar_row("Jan 2020  Feb 2020")
    assert not is_calendar_row("30 September.")
    assert not is_calendar_row("May 5")
    assert not is_calendar_row("2019")


def _capture(k: int, title: str, body: list[str], collection: tuple[str, str]) -> list[str]:
    """A page saved from a web archive: the archive's toolbar, then the captured page."""
    slug = title.lower().replace(" ", "-")
    return [f"https://www.pelabuhanpost.test/read/{slug}\tGo", f"{311 + 97 * k:,} captures",
            f"0{k + 1} Feb 2019 - 1{k} Mar 2021", "OCT\tNOV\tDEC", f"{k + 4}", "2019\t2020\t2021",
            "Details of this snapshot", "KEPT BY", *collection, "SNAPSHOTS", "",
            f"The Tidewatch Vault - https://vault.test/snap/2021031{k}/https://www.pelabuhanpost.test/read/{slug}",
            "", "Pelabuhan Post", "Front | Coast | Money | Games | Travel", "", "Front / Coast", "",
            title, "", f"By Rosa Tambunan | March {k + 2}, 2019", f"Posted: 0{k + 2}/03/2019 08:1{k}", "",
            *[line for p in body for line in (p, "")], "", ""]


def test_a_web_archive_toolbar_over_each_captured_page_is_furniture():
    collections = [("Set: Coastal Papers Crawl", "Pages kept each week for the coastal libraries."),
                   ("Set: Coastal Papers Crawl", "Pages kept each week for the coastal libraries."),
                   ("Set: Election Watch 2019", "Pages nominated by readers during the vote."),
                   ("Set: Coastal Papers Crawl", "Pages kept each week for the coastal libraries.")]
    text = "\n".join(line for k, (title, body) in enumerate(STORIES)
                     for line in _capture(k, title, body, collections[k])) + "\n"
    assert _titles(text) == [title for title, _body in STORIES]
    kept = _all_text(text)
    for toolbar in ("captures", "Tidewatch", "Election Watch", "nominated", "Front / Coast", "Pelabuhan Post"):
        assert toolbar not in kept


def test_a_text_block_between_repeated_lines_keeps_its_text():
    """A file without blank lines is one block of mostly text: an advert line repeated between its
    paragraphs drops nothing else."""
    lines = []
    for title, body in STORIES:
        lines += [title, "By Rosa Tambunan", "March 3, 2019", body[0], "SPONSORED CONTENT", body[1]]
    articles = segment_text("\n".join(lines) + "\n", "flat.txt").articles
    assert [a.title for a in articles] == [title for title, _body in STORIES]
    assert all(body[1] in a.paragraphs for a, (_t, body) in zip(articles, STORIES))


def test_a_short_headline_over_its_byline_is_no_masthead():
    lines = []
    for title, body in STORIES:
        lines += ["", "Pelabuhan Post", "Front | Coast | Money | Games | Travel", "", title,
                  "By Rosa Tambunan", "March 3, 2019", "", body[0], "", body[1], ""]
    lines[4] = "Night Reading"  # a headline of two words, right under the menu's block
    assert _titles("\n".join(lines) + "\n")[0] == "Night Reading"


def _wiki_page(title: str, body: list[str], notice: bool, sources: list[str]) -> list[str]:
    return [title, "From Harbourpedia, the news that readers write", "Skip to menu Skip to search",
            *(["This page still needs a second reviewer."] if notice else []), "", "Friday, April 5, 2019", "",
            *[line for p in body for line in (p, "")], "Further reading",
            *[f"• Ade Putra. \u201c{other}\u201d \u2014 Suara Teluk, March 1, 2019" for other in sources], "",
            "Filed: April 5, 2019 | Coast | Released", "This page was changed on 5 April 2019, at 10:02.",
            "Privacy  About Harbourpedia  Mobile view", "", "", ""]


def test_wiki_pages_keep_their_heads_notices_and_source_lists_out_of_the_text():
    titles = [title for title, _body in STORIES]
    text = "\n".join(line for k, (title, body) in enumerate(STORIES)
                     for line in _wiki_page(title, body, notice=k in (0, 2), sources=titles[k + 1:k + 3] or titles[:2]))
    articles = segment_text(text + "\n", "wiki.txt").articles
    assert [a.title for a in articles] == titles
    for article, (_title, body) in zip(articles, STORIES):
        assert article.paragraphs[1:] == body  # no notice, no source item, no heading


def _article(number: int, file: str, paragraphs: list[str]) -> Article:
    sentences = [Sentence(p, 0, len(p), k) for k, p in enumerate(paragraphs)]
    return Article(id=f"{file}:{number}", file=file, lang="en", title=paragraphs[0], line_start=0, line_end=1,
                   paragraphs=paragraphs, sentences=sentences)


def test_an_article_that_is_only_another_articles_title_is_a_link():
    stories = [_article(k, f"f{k}.txt", [title, *body]) for k, (title, body) in enumerate(STORIES)]
    alone = _article(9, "f0.txt", [STORIES[2][0]])  # "Related: TITLE" cut off as an article of its own
    kept, removed, _examples = drop_repeated_sentences([*stories, alone])
    assert [a.id for a in kept] == [a.id for a in stories]
    assert removed["title_link"] == 1
