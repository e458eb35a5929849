"""Third held-out pair, written after the rule work and scored once; both leaked at first look and
were fixed afterwards (agency captions, aggregator link lists and timestamps), so they count as seen.

* ``agency``: a national news agency feed: title, an archive photo caption ending in
  "AGENCY PHOTO/Name/abc.", "City (AGENCY) - " dateline, "Baca juga:"/"Also read:" links,
  "Pewarta: Name" / "Editor: Name" / "COPYRIGHT © AGENCY 2019" and a no-reuse notice.
* ``aggregator``: a news aggregator: "SOURCE | 3 hours ago", title, "Listen to this article · 4 min",
  paragraphs with an "Advertisement" line, "Continue reading on SOURCE" and a "More from SOURCE:"
  list of three bulleted titles.
"""

from __future__ import annotations

import random

from benchmarks.layouts.common import CITIES, NAMES, Doc, Page, Rendered, by_language, render_pages


def render_agency(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def article(page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        lang = page.lang
        initials = "".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=3))
        lines = [title, ""]
        if body and rng.random() < 0.6:
            caption = body[0][:80].rsplit(" ", 1)[0]
            lines += [f"{'Arsip foto' if lang == 'id' else 'File photo'} - {caption}. "
                      f"NUSANTARA FOTO/{rng.choice(NAMES)}/{initials}.", ""]
        for k, p in enumerate(body):
            if k == 0:
                p = f"{rng.choice(CITIES).title()} (NUSANTARA) - {p}"
            lines += [p, ""]
            if k == 1 and rng.random() < 0.5:
                lines += [f"{'Baca juga' if lang == 'id' else 'Also read'}: {rng.choice(page.items).sentences[0]}", ""]
        return lines + [f"{'Pewarta' if lang == 'id' else 'Reporter'}: {rng.choice(NAMES)}",
                        f"Editor: {rng.choice(NAMES)}", "COPYRIGHT © NUSANTARA 2019",
                        "Dilarang keras mengambil konten, melakukan crawling atau pengindeksan otomatis "
                        "untuk AI di situs web ini tanpa izin tertulis dari Kantor Berita NUSANTARA."
                        if lang == "id" else
                        "Taking content, crawling or automated indexing for AI on this website without "
                        "written permission from the NUSANTARA News Agency is strictly prohibited.", "", ""]

    return render_pages("agency", by_language(docs, rng), 14, rng, article)


def render_aggregator(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    sources = ["Coastline Herald", "Harian Timur", "Metro Ledger", "Suara Lembah"]

    def article(page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        lang = page.lang
        source = rng.choice(sources)
        ago = rng.randint(1, 23)
        if lang == "en":
            lines = [f"{source} | {ago} hours ago", "", title, "", f"Listen to this article · {rng.randint(2, 9)} min", ""]
        else:
            lines = [f"{source} | {ago} jam lalu", "", title, "", f"Dengarkan artikel ini · {rng.randint(2, 9)} menit", ""]
        for k, p in enumerate(body):
            lines += [p, ""]
            if k == 1:
                lines += ["Advertisement" if lang == "en" else "Iklan", ""]
        more = [rng.choice(page.items).sentences[0] for _ in range(3)]
        if lang == "en":
            lines += [f"Continue reading on {source}", "", f"More from {source}:"]
        else:
            lines += [f"Baca selengkapnya di {source}", "", f"Lainnya dari {source}:"]
        return lines + [f"• {t}" for t in more] + ["", "", ""]

    return render_pages("aggregator", by_language(docs, rng), 10, rng, article)


LAYOUTS = {"agency": render_agency, "aggregator": render_aggregator}
