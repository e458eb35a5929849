"""Fourth held-out pair, written after the rule work and scored once. ``quality`` failed at first
look (a bare byline name above the date, a "Most viewed" list) and was fixed: it counts as seen;
no rule was written while looking at ``paged``.

* ``paged``: a regional portal whose articles run over two pages: "SITE.COM, CITY - " datelines,
  "Halaman 1/2" / "Page 1/2" and "Selanjutnya" / "Next" between the halves, "Penulis: X / Editor: Y"
  and a closing "This article was first published on ... with the title ..." credit.
* ``quality``: a quality daily: "Sun 17 Mar 2019 14.05 GMT" date lines, "Last modified on ...",
  a "Topics" heading with one topic per line, "Reuse this content" and a "Most viewed" list.
"""

from __future__ import annotations

import random

from benchmarks.layouts.common import (CITIES, DAYS_EN, MONTHS_EN, NAMES, Doc, Page, Rendered, by_language,
                                       date_parts, render_pages)


def render_paged(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def article(page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        lang = page.lang
        lines = [title, ""]
        half = max(1, len(body) // 2)
        for k, p in enumerate(body):
            if k == 0:
                p = f"KABARBUMI.COM, {rng.choice(CITIES)} - {p}"
            if k == half and len(body) > 1:
                lines += ["Halaman 1/2" if lang == "id" else "Page 1/2",
                          "Selanjutnya" if lang == "id" else "Next", ""]
            lines += [p, ""]
        if lang == "id":
            lines += [f"Penulis: {rng.choice(NAMES)} / Editor: {rng.choice(NAMES)}",
                      f"Artikel ini telah tayang di Kabarbumi.com dengan judul {rng.choice(page.items).sentences[0][:60]}"]
        else:
            lines += [f"Writer: {rng.choice(NAMES)} / Editor: {rng.choice(NAMES)}",
                      f"This article was first published on Kabarbumi.com under the title {rng.choice(page.items).sentences[0][:60]}"]
        return lines + ["", "", ""]

    return render_pages("paged", by_language(docs, rng), 12, rng, article)


def render_quality(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def article(page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        lang = page.lang
        d, m, y, hh, mm = date_parts(rng)
        stamp = f"{DAYS_EN[rng.randint(0, 6)][:3]} {d} {MONTHS_EN[m - 1][:3]} {y} {hh:02d}.{mm:02d} GMT"
        lines = [title, "", rng.choice(NAMES), stamp, ""]
        for p in body:
            lines += [p, ""]
        topics = rng.sample(["Science", "Europe", "Asia Pacific", "Health", "Travel", "Media"], 3)
        return lines + [f"{'Last modified on' if lang == 'en' else 'Terakhir diubah pada'} {stamp}", "",
                        "Topics" if lang == "en" else "Topik", *topics, "",
                        "Reuse this content" if lang == "en" else "Gunakan ulang konten ini", "",
                        "Most viewed" if lang == "en" else "Paling banyak dibaca",
                        *[rng.choice(page.items).sentences[0] for _ in range(3)], "", "", ""]

    return render_pages("quality", by_language(docs, rng), 10, rng, article)


LAYOUTS = {"paged": render_paged, "quality": render_quality}
