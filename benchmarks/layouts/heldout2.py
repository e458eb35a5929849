"""Second held-out pair of layouts, written after the rule work on the others and scored once
(forum failed at first look and was then fixed: it counts as seen; digest is unseen).

* ``forum``: a forum where members repost news: "Posted by member » Tue Mar 19, 2019 10:15 am",
  a "Source: site" line, paragraphs two blank lines apart, "Last edited by ..." and "Reply with
  quote" / "Top" lines, a member signature under every post.
* ``digest``: a plain-text e-mail digest mixing both languages: "[3/12]" counters between rule
  lines, "by Name · 4 min read", paragraphs, "Continue reading: URL" and "Like · Comment · Share".
"""

from __future__ import annotations

import random

from benchmarks.layouts.common import (DAYS_EN, MONTHS_EN, NAMES, Doc, Page, Rendered, by_language,
                                       date_parts, render_pages)


def render_forum(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def head(page: Page) -> list[str]:
        return [f"Board index » {'World news' if page.lang == 'en' else 'Berita dunia'}", ""]

    def article(_page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        d, m, y, hh, mm = date_parts(rng)
        member = rng.choice(["riverstone", "budi_77", "kopiluwak", "nightowl", "garuda99"])
        lines = [title,
                 f"Posted by {member} » {DAYS_EN[rng.randint(0, 6)][:3]} {MONTHS_EN[m - 1][:3]} {d}, {y} "
                 f"{hh % 12 + 1}:{mm:02d} {'am' if hh < 12 else 'pm'}",
                 f"Source: {rng.choice(['kabarpagi.net', 'thecoastpost.com', 'suaradesa.id'])}", "", ""]
        for p in body:
            lines += [p, "", ""]
        if rng.random() < 0.3:
            lines += [f"Last edited by {member} on {MONTHS_EN[m - 1][:3]} {d}, {y}, edited 1 time in total.", ""]
        return lines + ["Reply with quote", "Top", "", "--", f"{member} — {rng.randint(10, 900)} posts", "", ""]

    return render_pages("forum", by_language(docs, rng), 10, rng, article, head)


def render_digest(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    picked = list(docs)
    rng.shuffle(picked)

    def article(page: Page, index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        k = index + 1
        lines = ["=" * 40, f"[{k}/{len(page.chunk)}]", "", title,
                 f"{'by' if doc.lang == 'en' else 'oleh'} {rng.choice(NAMES)} · {rng.randint(2, 9)} min "
                 f"{'read' if doc.lang == 'en' else 'baca'}", ""]
        for p in body:
            lines += [p, ""]
        return lines + [f"Continue reading: https://digest.example/{page.number}/{k}", "Like · Comment · Share", ""]

    return render_pages("digest", {"": picked}, 12, rng, article,
                        head=lambda _page: ["Morning Digest", "Your daily selection of stories", ""],
                        foot=lambda _page: ["=" * 40, "You are receiving this because you subscribed. Unsubscribe"])


LAYOUTS = {"forum": render_forum, "digest": render_digest}
