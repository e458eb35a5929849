"""Text converted from PDFs: words hyphenated at line ends (also over a page break) and short files."""

from __future__ import annotations

import textwrap

from align.segment import segment_text

_RELEASE = [
    "HARBOUR WATER AUTHORITY", "Office of Public Affairs", "",
    "MEDIA STATEMENT", "",
    "New pumping station opens on the eastern shore", "",
    "The authority opened its new pumping station on the eastern shore on Monday, ending three",
    "years of building work that had closed the coastal road for most of the dry season. The",
    "station moves water from the reservoir to the northern districts, where supply had been",
    "unreliable for a decade, and it replaces two older plants that will be taken out of ser-",
    "vice next year. Engineers said the pumps use a third less power than the old ones, and",
    "that the two older plants had been built for a town of half the size of the one today.", "",
    "Residents had complained for years about low pressure in the afternoons, and the district",
    "council had asked the authority to act before the population grew further. The new",
    "station was paid for by a loan that the authority will repay over twenty years from water",
    "charges, which will not rise this year. Officials said the station could serve twice as",
    "many households as the two plants it replaces. The director thanked the families for their pa-", "",
    "Harbour Water Authority, 12 Quay Street, Port Lewin | page 1",
    "\fHARBOUR WATER AUTHORITY", "",
    "tience during the works. Crews will now repair the surface of the road, which is expected",
    "to reopen to all traffic at the end of the month, and the authority will publish a report",
    "on the first months of operation in the spring, when the demand for water is at its peak.", "",
    "Harbour Water Authority, 12 Quay Street, Port Lewin | page 2", "\f",
]


def test_a_short_pdf_release_rejoins_its_hyphenated_words_and_its_wrapped_lines():
    """Few line-end breaks in a short file (one of them running on over a page break, its second
    part starting the next page) are enough when they split no compound."""
    [article] = segment_text("\n".join(_RELEASE) + "\n", "release.txt").articles
    text = " ".join(s.text for s in article.sentences)
    assert "out of service next year." in text and "for their patience during the works." in text
    assert "ser-" not in text and "pa-" not in text
    assert "page 1" not in text and "HARBOUR" not in text


def test_a_wrapper_that_breaks_compounds_at_their_hyphens_keeps_them():
    """Line-end hyphens that split compounds whose parts the file uses on their own are no breaks."""
    text = ("The fishing town has a long-term plan for its old harbour, and the well-known council says the plan "
            "is well funded for the long years of work on the walls. Work on the walls starts in the dry season, "
            "which is short this year, and the term of the plan ends when the walls are known to be safe for the "
            "boats of the town. A low-cost ferry will run while the work goes on, and the long-distance buses "
            "will stop at the old market. ") * 3
    wrapped = textwrap.wrap(text, 40, break_on_hyphens=True)
    assert sum(line.endswith("-") for line in wrapped) >= 0.03 * len(wrapped)
    [article] = segment_text("Harbour plan\n\n" + "\n".join(wrapped) + "\n", "wrap.txt").articles
    kept = " ".join(article.paragraphs)
    for compound in ("long-term", "well-known", "low-cost", "long-distance"):
        assert kept.count(compound) == 3


def test_a_two_line_title_of_a_short_file_is_one_title():
    """A file too short to show its width still joins a line going on in lower case under a line
    that stops inside a sentence."""
    text = "\n".join([
        "Residents of the eastern shore welcome the new pumping station after three years of",
        "building work on the coastal road", "",
        "The authority opened its new pumping station on Monday. Engineers said the pumps use",
        "a third less power than the old ones.", "",
    ])
    [article] = segment_text(text, "short.txt").articles
    assert article.title == ("Residents of the eastern shore welcome the new pumping station after three "
                             "years of building work on the coastal road")


def _report(footer) -> str:
    """A two-page statement: the council's name over the first page, a running head that adds a
    section to it over the second, ``footer(page)`` under each, the page breaking between paragraphs."""
    paragraphs = [
        ["The council met on Thursday to agree the plan for the river basin over the next five years,",
         "after a year of hearings in the towns along the river and its two main tributaries."],
        ["Farmers asked for more water in the dry months, while the towns asked for flood walls and",
         "for the old weirs to be repaired before the rains. The plan gives a share to each of them."],
        ["The council will publish the figures for each district every quarter, so that residents can",
         "see how much water was taken and how much was left in the river for the fish and the boats."],
        ["Work on the first flood walls starts in the spring, and the weirs will be repaired in the",
         "summer, when the river is at its lowest and the crews can reach the foundations on foot."],
        ["Fishermen on the lower river welcomed the plan but said the council should also limit the",
         "sand taken from the river bed, which has made the water muddy near the mouth in recent years."],
        ["The secretary said the council would study the sand trade this year and would ask the",
         "districts to report every licence they had issued since the last plan was agreed in the hall."],
        ["Two districts voted against the plan, saying their share of the water in the dry months was",
         "too small for the rice farms on the plain, and asked for the question to be raised again soon."],
        ["The plan will be reviewed in three years, when the council expects the first results of the",
         "new gauges that measure the flow of the river at twelve places between the hills and the sea."],
    ]
    pages = [["RIVER BASIN COUNCIL", "Office of the Secretary", "", "Five-year plan for the river basin agreed", "",
              *paragraphs[0], "", *paragraphs[1], "", *paragraphs[2], "", *paragraphs[3]],
             ["\fRIVER BASIN COUNCIL | Annual Statement", "", "", *paragraphs[4], "", *paragraphs[5], "",
              *paragraphs[6], "", *paragraphs[7]]]
    return "\n".join(line for k, page in enumerate(pages, 1) for line in [*page, "", footer(k)]) + "\n\f"


def test_a_running_head_that_adds_a_section_to_the_letterhead_ends_no_article():
    """A page-edge line that opens another page's edge line is page furniture, and the blank lines
    under a page's top furniture are its margin: the text goes on over the page break."""
    for footer in (lambda k: f"- {k} -", lambda k: f"Sheet {k} / 2"):
        [article] = segment_text(_report(footer), "report.txt").articles
        text = " ".join(article.paragraphs)
        assert article.title == "Five-year plan for the river basin agreed"
        assert "Annual Statement" not in text and "- 2 -" not in text and "Sheet 2" not in text
        assert text.endswith("between the hills and the sea.")
