"""Fifth held-out pair, written after the rule work and scored once. ``feed`` failed at first look
("Title: " labels, "Link: URL" lines) and was fixed: it counts as seen; no rule was written while
looking at ``print``.

* ``print``: a print edition exported as text: a running head on every page
  ("8 | THE HARBOUR TIMES | TUESDAY, MARCH 19, 2019"), a section name in capitals above each title,
  "BY NAME" bylines, indented paragraphs without blank lines, "Continued on page 5" jump lines.
* ``feed``: an RSS feed saved as text: "Title: ...", "Link: URL", "Published: Tue, 19 Mar 2019
  10:15:00 +0000", "Description:" then the paragraphs, "---" between items.
"""

from __future__ import annotations

import random

from benchmarks.layouts.common import (DAYS_EN, MONTHS_EN, NAMES, Doc, Page, Rendered, by_language,
                                       date_parts, render_pages)


def render_print(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def head(page: Page) -> list[str]:
        page.state["date"] = date_parts(rng)
        return []

    def article(page: Page, index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        lang = page.lang
        d, m, y, _hh, _mm = page.state["date"]
        head = f"{index + 2} | THE HARBOUR TIMES | {DAYS_EN[rng.randint(0, 6)].upper()}, {MONTHS_EN[m - 1].upper()} {d}, {y}"
        section = rng.choice(["WORLD", "SCIENCE", "BUSINESS", "TRAVEL"] if lang == "en"
                             else ["DUNIA", "SAINS", "BISNIS", "WISATA"])
        lines = [head, "", section, title, f"BY {rng.choice(NAMES).upper()}" if lang == "en"
                 else f"OLEH {rng.choice(NAMES).upper()}"]
        for k, p in enumerate(body):
            lines.append("    " + p)
            if k == 1 and len(body) > 3:
                lines.append(f"Continued on page {rng.randint(3, 20)}" if lang == "en"
                             else f"Bersambung ke halaman {rng.randint(3, 20)}")
        return lines + [""]

    return render_pages("print", by_language(docs, rng), 8, rng, article, head)


def render_feed(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def article(page: Page, index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        d, m, y, hh, mm = date_parts(rng)
        return [f"Title: {title}", f"Link: https://feeds.example.net/{page.lang}/{page.number}/{index}",
                f"Published: {DAYS_EN[rng.randint(0, 6)][:3]}, {d:02d} {MONTHS_EN[m - 1][:3]} {y} "
                f"{hh:02d}:{mm:02d}:00 +0000", "Description:", *body, "---"]

    return render_pages("feed", by_language(docs, rng), 15, rng, article)


LAYOUTS = {"print": render_print, "feed": render_feed}
