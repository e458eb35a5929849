"""Property tests of the segmenter and the sentence splitter on arbitrary text: they never crash, and
every non-space character of the content they keep is accounted for, once and in order (a hyphen
at a line end of a word rejoined in a hyphenating file aside).

(The DP invariants are property-tested in test_dp.py.)
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from align.segment import segment_text
from align.segment.sentences import split_sentences
from conftest import SAMPLE

# Pieces of news text that sit on the splitter's decision points: abbreviations, initials, numbers,
# quotes, ellipses, brackets, dates, and both languages.
TOKENS = [
    "Dr.", "Prof.", "Jl.", "No.", "U.S.", "p.m.", "dkk.", "Tbk.", "H.", "J.", "e.g.", "St.", "Jan.",
    "5.5%", "1.000", "6.788,52", "10.00", "WIB", "2025", "(AP)", "—", "–", "-", "…", "...", "[…]",
    "“", "”", "\"", "'", "‘", "’", "«", "»", "(", ")", "[", "]", "?", "!", ".", ",", ";", ":",
    "The", "the", "said", "Jakarta", "Bekasi", "Presiden", "mengatakan", "kata", "Ia", "di", "yang",
    "banjir", "warga", "berkali-", "kali", "Why?", "Ya!", "a", "A", "I", "ok", "Sumber:", "Foto:",
    "Senin,", "17", "Maret", "Monday,", "March", "Baca", "juga:", "©", "Rp", "km", "Ёлка", "日本",
]
SPACES = [" ", " ", " ", "  ", "\t", "\n", "\n", "\n\n", "\n\n\n", "\u00a0"]


def nonspace(text: str) -> str:
    return "".join(text.split())


def is_source_text(sentence: str, source: str) -> bool:
    """True when ``sentence`` is ``source`` up to whitespace, some hyphens at line ends dropped (a
    word hyphenated over a line end, rejoined in a file that hyphenates)."""
    parts = re.split(r"-(?=[ \t]*\n)", source)
    return re.fullmatch("-?".join(re.escape(nonspace(part)) for part in parts), nonspace(sentence)) is not None


def newsy_text(max_tokens: int = 80):
    """Text built from news tokens and assorted whitespace, line breaks included."""
    piece = st.tuples(st.sampled_from(TOKENS), st.sampled_from(SPACES)).map("".join)
    return st.lists(piece, max_size=max_tokens).map("".join)


def check_spans(text: str, spans: list[tuple[int, int]]) -> None:
    position = 0
    for start, end in spans:
        assert position <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert nonspace(text[position:start]) == ""  # nothing is lost between sentences
        position = end
    assert nonspace(text[position:]) == ""


@settings(max_examples=300, deadline=None)
@given(text=st.text(), lang=st.sampled_from(["en", "id", "ms", "xx"]))
def test_splitter_spans_cover_arbitrary_text(text, lang):
    check_spans(text, split_sentences(text, lang))


@settings(max_examples=300, deadline=None)
@given(text=newsy_text(), lang=st.sampled_from(["en", "id"]))
def test_splitter_spans_cover_news_like_text(text, lang):
    spans = split_sentences(text, lang)
    check_spans(text, spans)
    for start, end in spans[1:]:  # a piece without letters or digits joins the sentence before it
        assert any(ch.isalnum() for ch in text[start:end])


def check_segmentation(text: str) -> None:
    result = segment_text(text, "dump.txt")
    lines = text.split("\n")
    ids = [a.id for a in result.articles]
    assert len(set(ids)) == len(ids) and all(i.startswith("dump:") for i in ids)
    assert all(count > 0 for count in result.removed.values())
    for article in result.articles:
        assert 0 <= article.line_start <= article.line_end < len(lines)
        assert article.lang and article.paragraphs and article.title == article.paragraphs[0]
        last_end: dict[int, int] = {}  # paragraph -> end of its previous sentence
        for sentence in article.sentences:
            assert 0 <= sentence.start < sentence.end <= len(text)
            assert 0 <= sentence.paragraph < len(article.paragraphs)
            assert sentence.text and sentence.text == sentence.text.strip()
            assert is_source_text(sentence.text, text[sentence.start : sentence.end])
            assert sentence.start >= last_end.get(sentence.paragraph, 0)
            last_end[sentence.paragraph] = sentence.end
        for index, paragraph in enumerate(article.paragraphs):  # every kept character, once, in order
            pieces = [s.text for s in article.sentences if s.paragraph == index]
            assert nonspace("".join(pieces)) == nonspace(paragraph)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=newsy_text(200))
def test_segmenter_accounts_for_kept_content_of_news_like_text(text):
    check_segmentation(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_segmenter_never_crashes_on_arbitrary_text(text):
    check_segmentation(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_segmenter_on_sample_dumps_with_damage(data):
    """Real dumps with a random stretch cut out and random text spliced in."""
    path = data.draw(st.sampled_from(sorted(SAMPLE.glob("*.txt"))))
    text = path.read_text(encoding="utf-8")
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 2000)))
    check_segmentation(text[:start] + data.draw(newsy_text(30)) + text[end:])
