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

from benchmarks.layouts.common import (CITIES, NAMES, Doc, Rendered, by_language, chunks, gold,
                                       paragraphs)


def render_agency(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    out = []
    for lang, items in by_language(docs, rng).items():
        for n, chunk in enumerate(chunks(items, 14)):
            lines: list[str] = []
            golds = []
            for doc in chunk:
                title, *body = paragraphs(doc.sentences, rng)
                initials = "".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=3))
                golds.append(gold(doc))
                lines += [title, ""]
                if body and rng.random() < 0.6:
                    caption = body[0][:80].rsplit(" ", 1)[0]
                    lines += [f"{'Arsip foto' if lang == 'id' else 'File photo'} - {caption}. "
                              f"NUSANTARA FOTO/{rng.choice(NAMES)}/{initials}.", ""]
                for k, p in enumerate(body):
                    if k == 0:
                        p = f"{rng.choice(CITIES).title()} (NUSANTARA) - {p}"
                    lines += [p, ""]
                    if k == 1 and rng.random() < 0.5:
                        lines += [f"{'Baca juga' if lang == 'id' else 'Also read'}: {rng.choice(items).sentences[0]}", ""]
                lines += [f"{'Pewarta' if lang == 'id' else 'Reporter'}: {rng.choice(NAMES)}",
                          f"Editor: {rng.choice(NAMES)}", "COPYRIGHT © NUSANTARA 2019",
                          "Dilarang keras mengambil konten, melakukan crawling atau pengindeksan otomatis "
                          "untuk AI di situs web ini tanpa izin tertulis dari Kantor Berita NUSANTARA."
                          if lang == "id" else
                          "Taking content, crawling or automated indexing for AI on this website without "
                          "written permission from the NUSANTARA News Agency is strictly prohibited.", "", ""]
            out.append(Rendered(f"agency-{lang}-{n:02d}.txt", "\n".join(lines) + "\n", golds))
    return out


def render_aggregator(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    out = []
    sources = ["Coastline Herald", "Harian Timur", "Metro Ledger", "Suara Lembah"]
    for lang, items in by_language(docs, rng).items():
        for n, chunk in enumerate(chunks(items, 10)):
            lines: list[str] = []
            golds = []
            for doc in chunk:
                title, *body = paragraphs(doc.sentences, rng)
                source = rng.choice(sources)
                ago = rng.randint(1, 23)
                golds.append(gold(doc))
                if lang == "en":
                    lines += [f"{source} | {ago} hours ago", "", title, "", f"Listen to this article · {rng.randint(2, 9)} min", ""]
                else:
                    lines += [f"{source} | {ago} jam lalu", "", title, "", f"Dengarkan artikel ini · {rng.randint(2, 9)} menit", ""]
                for k, p in enumerate(body):
                    lines += [p, ""]
                    if k == 1:
                        lines += ["Advertisement" if lang == "en" else "Iklan", ""]
                more = [rng.choice(items).sentences[0] for _ in range(3)]
                if lang == "en":
                    lines += [f"Continue reading on {source}", "", f"More from {source}:"]
                else:
                    lines += [f"Baca selengkapnya di {source}", "", f"Lainnya dari {source}:"]
                lines += [f"• {t}" for t in more] + ["", "", ""]
            out.append(Rendered(f"aggregator-{lang}-{n:02d}.txt", "\n".join(lines) + "\n", golds))
    return out


LAYOUTS = {"agency": render_agency, "aggregator": render_aggregator}
