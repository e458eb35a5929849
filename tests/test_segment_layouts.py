"""Layouts the segmenter was not tuned on, rendered from the eval-dev documents.

Each layout gives one cue for article boundaries (a blank-line run, a rule line, a date line under
the title, a URL line, a site header, a closing "Comments", one paragraph per line, hard-wrapped
paragraphs, a language change); the segmenter must find every article, its language and its exact
text (datelines, bylines, repeated titles and furniture removed).
"""

from __future__ import annotations

import random
import textwrap

import pytest

from align.segment import segment_text
from benchmarks.layouts.common import paragraphs
from conftest import eval_dev_documents

N_DOCS = 40


@pytest.fixture(scope="module")
def documents():
    return eval_dev_documents(N_DOCS)


def render(documents, layout: str, language: str, seed: int = 7):
    """The dump text, and per article (first line, language, sentences)."""
    rng = random.Random(seed)
    lines: list[str] = []
    gold = []
    for number, doc in enumerate(documents):
        lang = language if language != "mix" else ("en" if rng.random() < 0.5 else "id")
        sentences = doc["en"] if lang == "en" else doc["id_sents"]
        title, *body = paragraphs(sentences, rng)
        date = f"{rng.randint(1, 28)} Mei 2019" if lang == "id" else f"May {rng.randint(1, 28)}, 2019"
        if layout == "blank_runs":
            lines += [""] * 3 if lines else []
            gold.append((len(lines), lang, sentences))
            lines.append(title)
            for p in body:
                lines += ["", p]
        elif layout == "rule_lines":
            lines += ["", "* * *", ""] if lines else []
            gold.append((len(lines), lang, sentences))
            lines.append(title)
            for p in body:
                lines += ["", p]
        elif layout == "hard_wrapped":
            lines += [""] * 4 if lines else []
            gold.append((len(lines), lang, sentences))
            lines.append(title)
            for p in body:
                lines += [""] + textwrap.wrap(p, 72)
        elif layout == "one_blank_between":
            lines += [""] if lines else []
            gold.append((len(lines), lang, sentences))
            lines += [title, *body]
        elif layout == "date_under_title":
            lines += ["", ""] if lines else []
            gold.append((len(lines), lang, sentences))
            lines += [title, ("Published: " if lang == "en" else "Diterbitkan: ") + date]
            for p in body:
                lines += ["", p]
        elif layout == "site_pages":  # seed 004: site name, section, title, dateline, title again
            lines += ["", "Kabar NET", "", "News", ""] if lines else ["Kabar NET", "", "News", ""]
            gold.append((len(lines), lang, sentences))
            lines.append(title)
            for k, p in enumerate(body):
                dateline = k == 0 and p[0].isupper()
                lines += ["", ("Jakarta (kabar.net), - " if dateline else "") + p]
            lines += ["", title]
        elif layout == "comment_pages":  # seed 003: paragraphs only, "Comments" closes each page
            gold.append((len(lines), lang, sentences))
            lines += [title, *body, "Comments"]
        elif layout == "url_lines":
            lines += ["", f"https://example.org/news/{number}", ""] if lines else []
            gold.append((len(lines), lang, sentences))
            lines += [title, "By Staff Reporter" if lang == "en" else "Oleh: Redaksi", *body]
    return "\n".join(lines) + "\n", gold


LAYOUTS = ["blank_runs", "rule_lines", "hard_wrapped", "one_blank_between", "date_under_title",
           "url_lines", "site_pages", "comment_pages"]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("language", ["en", "id", "mix"])
def test_unseen_layouts(documents, layout, language):
    text, gold = render(documents, layout, language)
    articles = segment_text(text, f"{layout}.txt").articles
    assert [a.line_start for a in articles] == [start for start, _, _ in gold]
    for article, (_start, lang, sentences) in zip(articles, gold):
        assert article.lang == lang
        assert " ".join(article.paragraphs) == " ".join(sentences)
        assert article.title == sentences[0]
