"""Held-out layouts: written once before any rule work, never used to write rules or constants.

* ``daily``: an English-style daily (also in Indonesian): masthead and menu bar on every page,
  breadcrumb, byline and "Published ..." line, share buttons, an occasional captioned photo with a
  "(Photo: Name/Agency)" credit and a "LONDON — " dateline, "Read more:" links, comment counts and a
  newsletter promo at the foot.
* ``blog``: a mixed-language blog: title, "Posted on DATE by NAME", paragraphs one blank line apart,
  tag and category lines, a copyright line and a comment count; translations often follow their
  original.
* ``html``: saved HTML pages (one per file) with a header menu, sidebar lists and a footer.
"""

from __future__ import annotations

import html
import random

from benchmarks.layouts.common import (CITIES, DAYS_ID, MONTHS_EN, MONTHS_ID, NAMES, Doc, Page,
                                       Rendered, by_language, date_parts, gold, paragraphs, render_pages)


def render_daily(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def article(page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        d, m, y, hh, mm = date_parts(rng)
        other = rng.choice(page.items).sentences[0]
        if page.lang == "en":
            menu = "Home | World | Business | Tech | Sport | Opinion | Life"
            crumb = f"Home > {rng.choice(['World', 'Business', 'Science'])} > {rng.choice(['Asia', 'Europe', 'Markets'])}"
            byline = f"By {rng.choice(NAMES)}, {rng.choice(['Correspondent', 'Staff Writer', 'Senior Reporter'])}"
            stamp = f"Published {MONTHS_EN[m - 1]} {d}, {y} {hh % 12 + 1}:{mm:02d} {'AM' if hh < 12 else 'PM'}"
            share = "Share on Facebook  Share on Twitter  Email"
            more = f"Read more: {other}"
            count = f"{rng.randint(2, 400)} comments"
            promo = "Sign up for our morning briefing and get the top stories in your inbox."
            credit = f"(Photo: {rng.choice(NAMES)}/Harbour Pictures)"
            head = "THE HARBOUR TIMES"
        else:
            menu = "Beranda | Nasional | Ekonomi | Tekno | Olahraga | Opini | Gaya Hidup"
            crumb = f"Beranda > {rng.choice(['Nasional', 'Ekonomi', 'Sains'])} > {rng.choice(['Asia', 'Eropa', 'Pasar'])}"
            byline = f"Oleh {rng.choice(NAMES)}, {rng.choice(['Koresponden', 'Wartawan', 'Redaktur'])}"
            stamp = f"Diterbitkan {DAYS_ID[rng.randint(0, 6)]}, {d} {MONTHS_ID[m - 1]} {y} {hh:02d}:{mm:02d} WIB"
            share = "Bagikan ke Facebook  Bagikan ke Twitter  Email"
            more = f"Baca selengkapnya: {other}"
            count = f"{rng.randint(2, 400)} komentar"
            promo = "Daftar buletin pagi kami dan dapatkan berita utama di kotak masuk Anda."
            credit = f"(Foto: {rng.choice(NAMES)}/Harian Pelabuhan)"
            head = "HARIAN PELABUHAN"
        lines = [head, menu, "", crumb, "", title, "", byline, stamp, "", share, ""]
        for k, p in enumerate(body):
            if k == 0 and rng.random() < 0.5:
                p = f"{rng.choice(CITIES)} — {p}"
            lines += [p, ""]
            if k == 0 and rng.random() < 0.4:
                caption = rng.choice(body)[:60].rsplit(" ", 1)[0]
                lines += [f"{caption} {credit}", ""]
            if k == 1 and rng.random() < 0.5:
                lines += [more, ""]
        return lines + [count, promo, "", ""]

    return render_pages("daily", by_language(docs, rng), 12, rng, article)


def render_blog(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    pairs: dict[str, list[Doc]] = {}
    for doc in docs:
        pairs.setdefault(doc.key, []).append(doc)
    groups = list(pairs.values())
    rng.shuffle(groups)
    ordered: list[Doc] = []
    for group in groups:
        if len(group) == 2 and rng.random() < 0.5:
            ordered += group  # a translation right after its original
        else:
            ordered += group[:1]
            if len(group) == 2:
                ordered.insert(rng.randint(0, len(ordered)), group[1])

    def article(_page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        d, m, y, _hh, _mm = date_parts(rng)
        author = rng.choice(["admin", "kopi_pagi", "Rina W."])
        if doc.lang == "en":
            posted = f"Posted on {MONTHS_EN[m - 1]} {d}, {y} by {author}"
            tags = "Tags: " + ", ".join(rng.sample(["travel", "history", "science", "food", "notes"], 3))
            filed = f"Filed under: {rng.choice(['Stories', 'Notes', 'Reading'])}"
            responses = f"{rng.randint(0, 30)} Responses"
        else:
            posted = f"Ditulis pada {d} {MONTHS_ID[m - 1]} {y} oleh {author}"
            tags = "Label: " + ", ".join(rng.sample(["jalan-jalan", "sejarah", "sains", "kuliner", "catatan"], 3))
            filed = f"Kategori: {rng.choice(['Cerita', 'Catatan', 'Bacaan'])}"
            responses = f"{rng.randint(0, 30)} Tanggapan"
        lines = [title, posted, ""]
        for p in body:
            lines += [p, ""]
        return lines + [tags, filed, responses, f"© {y} Catatan Kopi Pagi. All rights reserved.", "", "-----", ""]

    return render_pages("blog", {"": ordered}, 15, rng, article)


def render_html(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    out = []
    picked = list(docs)
    rng.shuffle(picked)
    for n, doc in enumerate(picked[:80]):
        title, *body = paragraphs(doc.sentences, rng)
        d, m, y, hh, mm = date_parts(rng)
        en = doc.lang == "en"
        menu = (["Home", "World", "Business", "Science", "Travel", "Contact"] if en else
                ["Beranda", "Dunia", "Bisnis", "Sains", "Wisata", "Kontak"])
        popular = [rng.choice(docs).sentences[0][:70] for _ in range(4)]
        stamp = (f"{MONTHS_EN[m - 1]} {d}, {y}" if en else f"{DAYS_ID[rng.randint(0, 6)]}, {d} {MONTHS_ID[m - 1]} {y}")
        esc = html.escape
        parts = ["<!DOCTYPE html>", f'<html lang="{doc.lang}"><head><meta charset="utf-8">',
                 f"<title>{esc(title)} - Pelita Pagi</title></head><body>",
                 '<header><div class="logo">Pelita Pagi</div><nav><ul>',
                 *[f'<li><a href="/{item.lower()}">{item}</a></li>' for item in menu],
                 "</ul></nav></header>", "<main><article>", f"<h1>{esc(title)}</h1>",
                 f'<p class="meta">{"By" if en else "Oleh"} {rng.choice(NAMES)} | <time>{stamp}</time></p>']
        parts += [f"<p>{esc(p)}</p>" for p in body]
        parts += ["</article>", '<aside><h3>' + ("Most popular" if en else "Terpopuler") + "</h3><ul>",
                  *[f'<li><a href="/a/{k}">{esc(t)}</a></li>' for k, t in enumerate(popular)],
                  "</ul></aside></main>",
                  f"<footer><p>© {y} Pelita Pagi. {'All rights reserved.' if en else 'Hak cipta dilindungi.'}</p>"
                  f'<p><a href="/about">{"About us" if en else "Tentang kami"}</a></p></footer>',
                  "</body></html>"]
        out.append(Rendered(f"html-{n:03d}.html", "\n".join(parts) + "\n", [gold(doc)]))
    return out


LAYOUTS = {"daily": render_daily, "blog": render_blog, "html": render_html}
