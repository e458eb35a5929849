"""The header block of a portal's article (section label, headline, photo, byline, date) on real
article text with invented names, labels and sites: what stands between a headline and its date
line is furniture, however the page spaces its lines or wraps them."""

from __future__ import annotations

import random
import string
import textwrap

import pytest

from align.segment import segment_text
from align.segment.clean import classify_line
from benchmarks.layouts.common import paragraphs
from conftest import eval_dev_documents


@pytest.fixture(scope="module")
def documents():
    return eval_dev_documents(12)


def _word(rng: random.Random) -> str:
    return "".join(rng.choices(string.ascii_lowercase, k=rng.randint(4, 9))).capitalize()


def _name(rng: random.Random) -> str:
    return f"{_word(rng)} {_word(rng)}"


def _kept(result) -> str:
    return "\n".join(p for a in result.articles for p in a.paragraphs)


@pytest.mark.parametrize("seed", range(3))
def test_a_one_off_section_label_over_a_headline_goes_when_every_line_is_spaced_by_a_blank_line(documents, seed):
    """Each label stands once in the file (no repetition tells it), and a blank line parts every
    line, so no gap tells the label from the headline: the label and headline are all that the
    block under the masthead holds before the date line."""
    rng = random.Random(seed)
    masthead, tagline = f"{_word(rng).upper()}.NET | NEWS", f"{_word(rng)}, {_word(rng)}, {_word(rng)}"
    labels = [_word(rng) for _ in range(6)]
    lines, titles = [], []
    for k, doc in enumerate(documents[:6]):
        title, *body = paragraphs(doc["en"], rng)
        titles.append(title)
        # the masthead's tagline too on two pages (too few to recur), over the label
        head = [masthead, tagline] if k in (1, 4) else [masthead]
        lines += [*head, "", labels[k], "", title, "", f"By {_name(rng)} | Tuesday 0{k + 1}/03/2019 10:2{k} WIB",
                  "", *[line for p in body for line in (p, "")], "", ""]
    result = segment_text("\n".join(lines), "spaced.txt")
    assert [a.title for a in result.articles] == titles
    assert not {*labels, tagline} & set(_kept(result).split("\n"))


def test_a_label_over_a_pages_fields_is_no_section_label(documents):
    """"Title: TITLE / URL: ..." over a date are a fetched page's fields: the URL line is no title."""
    rng = random.Random(5)
    lines = []
    for doc in documents[:3]:
        title, *body = paragraphs(doc["en"], rng)
        lines += ["Title: Short Story", "", "Link: https://example.org/short-story", "", "Published: 2020-12-13", "",
                  title, "", *[line for p in body for line in (p, "")], "", "", ""]
    result = segment_text("\n".join(lines), "fields.txt")
    assert not any(a.title.startswith("Link:") for a in result.articles)


@pytest.mark.parametrize("seed", range(3))
def test_a_photo_label_between_a_headline_and_its_caption_is_furniture(documents, seed):
    """No blank lines; two stories of five carry a photo under a "See photo"-like label (its words
    invented): the label goes, the headline above it stays the title, the caption goes."""
    rng = random.Random(seed)
    label, site = f"{_word(rng)} {_word(rng).lower()}", _word(rng).upper()
    lines, titles = [], []
    for k, doc in enumerate(documents[:5]):
        title, *body = paragraphs(doc["en"], rng)
        titles.append(title)
        photo = [label, f"People walk past a market in the city on Monday. ({site}/{_name(rng)})"] if k in (1, 3) else []
        lines += [title, *photo, f"Writer: {_name(rng)} | Editor: {_name(rng)}", f"{site}.com - 0{k + 1}/03/2019, 10:2{k} WIB",
                  *body]
    result = segment_text("\n".join(lines), "photos.txt")
    assert [a.title for a in result.articles] == titles
    assert label not in _kept(result) and "market" not in _kept(result)


def test_a_short_headline_over_a_caption_once_stays_a_title(documents):
    rng = random.Random(8)
    site = _word(rng).upper()
    lines, titles = [], []
    for k, doc in enumerate(documents[:4]):
        _title, *body = paragraphs(doc["en"], rng)
        headline = f"{_word(rng)} {_word(rng)}"
        titles.append(headline)
        photo = [f"People walk past a market in the city on Monday. ({site}/{_name(rng)})"] if k == 2 else []
        lines += ["", "", headline, *photo, f"{site}.com - 0{k + 1}/03/2019, 10:2{k} WIB", "", *body]
    assert [a.title for a in segment_text("\n".join(lines), "short.txt").articles] == titles


def test_a_byline_with_its_site_heading_many_dates_is_no_headline(documents):
    """"Name Name - site" over the date line: one reporter wrote three of the file's stories, so the
    line recurs word for word over dates; a headline heads one story's date."""
    rng = random.Random(4)
    site, reporter = _word(rng).lower(), f"{_name(rng)} {_word(rng)}"
    lines, titles = [], []
    for k, doc in enumerate(documents[:5]):
        title, *body = paragraphs(doc["en"], rng)
        titles.append(title)
        byline = f"{reporter if k % 2 == 0 else _name(rng) + ' ' + _word(rng)} - {site}"
        lines += [site.upper(), "", title, "", byline, f"Monday, 0{k + 1} Apr 2019 10:2{k} WIB", "",
                  *[line for p in body for line in (p, "")], ""]
    result = segment_text("\n".join(lines), "bylines.txt")
    assert [a.title for a in result.articles] == titles
    assert reporter not in _kept(result)


def test_a_caption_closed_by_a_labelled_credit_without_brackets_is_furniture():
    assert classify_line("Fans wait outside the stadium on Sunday, May 5, 2019. Photo: Dewi Lestari/newsdaily").name == "caption"
    assert classify_line("Suasana pasar di Bandung, Senin (6/5/2019). Foto: Agus Prasetyo/warta").name == "caption"
    assert classify_line("The show was later moved indoors. Photo: the organisers say it rained.") is None


@pytest.mark.parametrize("width", [64, 70, 76])
def test_a_hard_wrapped_caption_goes_whole_wherever_the_wrap_falls(documents, width):
    """Wrapped at a fixed width, a caption's credit (and its date, or a name of the credit) falls
    on the next line: the caption's lines go together and the date starts nothing."""
    rng = random.Random(width)
    site = _word(rng).lower()
    lines, titles = [], []
    for k, doc in enumerate(documents[:6]):
        title, *body = paragraphs(doc["en"], rng)
        titles.append(title)
        caption = (f"Visitors queue at an exhibition hall in the old town on Saturday, February {k + 3}, 2019."
                   f" Photo: {_name(rng)}/{site}")
        lines += [site, "", title, "", f"{_name(rng)} - {site}", f"Saturday, 0{k + 1} Feb 2019 08:1{k} WIB", "",
                  caption, "", *[line for p in body for line in (p, "")], ""]
    text = "\n".join("\n".join(textwrap.wrap(line, width)) if line else "" for line in "\n".join(lines).split("\n"))
    result = segment_text(text, "wrapped.txt")
    assert [a.title for a in result.articles] == titles
    assert "Visitors" not in _kept(result) and site not in _kept(result)


@pytest.mark.parametrize("width", [66, 72])
def test_a_wrapped_line_going_on_with_said_colon_is_joined(documents, width):
    """A hard-wrapped paragraph whose next line opens with "said: " (three times in the file, each
    with another quote) goes on its sentence: no "Label: value" line of its own."""
    rng = random.Random(width)
    flat, paragraphs_kept = [], []
    for k, doc in enumerate(documents[:6]):
        title, *body = paragraphs(doc["en"], rng)
        words = " ".join(body).split()
        for first in range(len(words)):  # a run of the text filling a line so that "said:" no longer fits
            lead = _filled(words[first:], width)
            if len(" ".join(lead)) > width - 6:
                break
        rest = words[first + len(lead):first + len(lead) + 12]
        quote = f"{' '.join(lead)} said: \"{' '.join(rest)}.\""
        paragraphs_kept.append(quote)
        flat += ["", "", title, f"Monday, 0{k + 1} Apr 2019 10:2{k} WIB", "", quote, "", *body[1:]]
    text = "\n".join("\n".join(textwrap.wrap(line, width)) if line else "" for line in flat)
    assert sum(line.startswith("said: ") for line in text.split("\n")) == 6
    result = segment_text(text, "said.txt")
    assert [a.paragraphs[1] for a in result.articles] == paragraphs_kept


def _filled(words: list[str], width: int) -> list[str]:
    """The first words that fit on a line of ``width`` characters."""
    n = 0
    while n < len(words) and len(" ".join(words[:n + 1])) <= width:
        n += 1
    return words[:n]
