"""The five raw seed dumps: every article found (titles checked by eye), nothing else kept."""

from __future__ import annotations

import bisect
import itertools
import re

import pytest

from align.segment import segment_text
from conftest import shared_path

EXPECTED = {
    "000_7a325d023f00a693.txt": [
        ("en", "US-Russia talks begin in Saudi Arabia"),
        ("en", "UK and EU ‘incapable of negotiation’ – Moscow"),
        ("en", "Russian UAV destroys ‘drone-proof’ Ukrainian military vehicle - VIDEO"),
        ("en", "Vance accuses the Wall Street Journal of inventing ‘threats to Russia’"),
        ("en", "Fatal NATO promise, trusting Putin & killing BRICS: Key takeaways from Trump briefing"),
        ("en", "‘It is impossible to bring us to our knees’: Russia reacts to Putin-Trump phone call"),
        ("id", "‘Tidak mungkin membuat kami bertekuk lutut’: Rusia bereaksi terhadap kontak telepon "
               "Putin-Trump"),
    ],
    "001_c17df665f48eee7d.txt": [
        ("en", "US Senator Lindsey Graham has called for the Ukrainian leader to be replaced with "
               "someone Washington can deal with"),
        ("en", "The Ukrainian leader’s meeting with the US president was a disaster for Kiev, but it "
               "may be too early to draw long-term conclusions"),
        ("en", "Latvian lawmakers have cited potential risk to citizens’ safety and being recruited "
               "for espionage"),
        ("en", "Slawomir Mentzen, who is running for president, had previously called for an end to "
               "the cult of Stepan Bandera"),
        ("en", "Spokesman Dmitry Peskov’s remark comes after the FSB said it had thwarted a Ukrainian "
               "attempt to assassinate a Russian Orthodox bishop"),
        ("en", "Vladimir Zelensky will effectively strip the country of its sovereignty by signing "
               "the agreement, Aleksandr Dubinsky has claimed"),
        ("en", "Two men recruited by Kiev planned an attack on Metropolitan Tikhon in Moscow, the "
               "agency has said"),
        ("en", "US and Russian diplomats have shared few details of their closed-door discussions in "
               "Istanbul, but have agreed to hold “follow-up” meetings"),
        ("en", "Moscow should stay vigilant about efforts to meddle in its relations with Washington, "
               "the Russian president has said"),
    ],
    "002_8eba79b66b6dc2ef.txt": [
        ("en", "In Riyadh will start negotiations between Russia and the United States"),
    ],
    # No title in the dump: the first paragraph stands in for it.
    "003_77b3cbc8c48437a8.txt": [
        ("en", "After a three-year “freeze” of political and diplomatic ties between Moscow and "
               "Washington"),
    ],
    "004_85155c48cdd38af4.txt": [
        ("en", "Russia - Putin discussed security issues with the leaders of the United States, "
               "France and Belarus"),
    ],
}

# Lines that must never be inside an article: captions, credits, adverts, navigation, notices.
NOISE = re.compile(
    r"©|^Photo:|pic\.twitter\.com|[\u0400-\u04ff]|\[…\]$|^(Skip to main content|Advertisement|"
    r"Live broadcast|Main slide|Comments|News|Bbabo NET|Source|source|Sumber|On|Off)$|"
    r"^This article was first published|^Did you know the path|^No matter the size|"
    r"^(Russian Foreign Minister Sergey Lavrov|View of Riyadh|U\.S\. Vice President J\.D\. Vance|"
    r"US vice president JD Vance)$")


@pytest.fixture(scope="module")
def seeds():
    folder = shared_path("seeds")
    return {name: segment_text((folder / name).read_text(encoding="utf-8"), str(folder / name))
            for name in EXPECTED}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_article_found_with_its_language(seeds, name):
    found = [(a.lang, a.title) for a in seeds[name].articles]
    expected = EXPECTED[name]
    assert [lang for lang, _ in found] == [lang for lang, _ in expected]
    for (_, title), (_, want) in zip(found, expected):
        assert title.startswith(want)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_boilerplate_inside_articles(seeds, name):
    for article in seeds[name].articles:
        for paragraph in article.paragraphs:
            assert not NOISE.search(paragraph), paragraph
        assert len(set(article.paragraphs)) == len(article.paragraphs), "a repeated title was kept"


def test_seed_000_holds_an_article_and_its_translation(seeds):
    articles = seeds["000_7a325d023f00a693.txt"].articles
    english, indonesian = articles[5], articles[6]
    assert (english.lang, indonesian.lang) == ("en", "id")
    assert english.date == indonesian.date == "2025-02-14"
    assert abs(len(english.paragraphs) - len(indonesian.paragraphs)) <= 1


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_line_is_kept_or_counted_under_a_rule_with_examples(seeds, name):
    """Each non-blank line is in an article or counted once under the rule that dropped it, and the
    report's examples per rule are lines of the file (or the dateline cut off a lead)."""
    text = (shared_path("seeds") / name).read_text(encoding="utf-8")
    result = seeds[name]
    starts = list(itertools.accumulate((len(line) + 1 for line in text.split("\n")), initial=0))
    used = {bisect.bisect_right(starts, s.start) - 1 for a in result.articles for s in a.sentences}
    nonblank = sum(1 for line in text.split("\n") if line.strip())
    assert len(used) + sum(result.removed.values()) - result.removed.get("dateline", 0) == nonblank
    for rule, examples in result.examples.items():
        assert rule in result.removed and 1 <= len(examples) <= 3
        for example in examples:
            assert example.strip() and example.strip() in text


def test_a_dateline_is_cut_off_the_lead_by_its_shape(seeds):
    """"Russia (site.net), - On Saturday ...": the dateline goes, the lead stays."""
    article = seeds["004_85155c48cdd38af4.txt"].articles[0]
    assert article.paragraphs[1].startswith("On Saturday")
    assert seeds["004_85155c48cdd38af4.txt"].removed["dateline"] == 1


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_an_article_saved_alone_is_still_one_article(seeds, name):
    """A page saved on its own file (with or without the date and furniture above it) keeps the
    article whole: its wide gaps around the photo and lead are not article boundaries."""
    lines = (shared_path("seeds") / name).read_text(encoding="utf-8").split("\n")
    articles = seeds[name].articles
    for before, article in zip([None, *articles], articles):
        for first in (article.line_start, before.line_end + 1 if before else 0):
            alone = segment_text("\n".join(lines[first:article.line_end + 1]), "alone.txt").articles
            assert [(a.lang, a.title) for a in alone] == [(article.lang, article.title)]
            assert [s.text for s in alone[0].sentences] == [s.text for s in article.sentences]
