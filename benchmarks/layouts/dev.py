"""Development layouts: the segmenter's rules may be written while looking at these.

* ``portal``: an Indonesian portal: site header, title, date line, a photo caption with a
  "(SITE/Name)" credit, a "City (SITE) - " dateline, "SCROLL TO CONTINUE WITH CONTENT",
  "Related news:" / "Berita terkait:" lines, "Editor: Name" and a copyright line.
* ``kompas``: no blank lines: title, "Site.com - 18/02/2025, 07:45 WIB", "Penulis Name | Editor Name",
  "Ikuti kami di Google News", "JAKARTA, SITE.com -- " datelines, "Baca juga:" and a promo closer.
* ``wrapped``: a portal saved as text hard-wrapped at 72-80 columns, a one-item-per-line menu on
  every page, "Name - siteNews" bylines, date lines and "(abc/xyz)" initials closers.
* ``wire``: a wire feed, one paragraph per line, no blank lines: date lines such as
  "March 18, 2019 / 2:05 PM", "LONDON (Wire) - " datelines and "(Reporting by ...; Editing by ...)"
  closers.
"""

from __future__ import annotations

import random
import textwrap

from benchmarks.layouts.common import (CITIES, DAYS_EN, DAYS_ID, MONTHS_EN, MONTHS_ID, NAMES, Doc, Page,
                                       Rendered, by_language, date_parts, render_pages)


def render_portal(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def article(page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        lang = page.lang
        d, m, y, hh, mm = date_parts(rng)
        city = rng.choice(CITIES).title()
        name = rng.choice(NAMES)
        caption = rng.choice(body)[:70].rsplit(" ", 1)[0] if body else title
        related = rng.choice(page.items).sentences[0]
        if lang == "id":
            stamp = f"{DAYS_ID[rng.randint(0, 6)]}, {d} {MONTHS_ID[m - 1]} {y} {hh:02d}:{mm:02d} WIB"
            rel, ed = f"Berita terkait: {related}", f"Editor: {rng.choice(NAMES)}"
        else:
            stamp = f"{DAYS_EN[rng.randint(0, 6)]}, {MONTHS_EN[m - 1]} {d}, {y} {hh:02d}:{mm:02d} WIB"
            rel, ed = f"Related news: {related}", f"Editor: {rng.choice(NAMES)}"
        lines = ["WARTANUSA.CO.ID", "", title, "", stamp, ""]
        if rng.random() < 0.7:
            lines += [f"{caption} (WARTANUSA/{name})", ""]
        for k, p in enumerate(body):
            if k == 0:
                p = f"{city} (WARTANUSA) - {p}"
            lines += [p, ""]
            if k == 0:
                lines += ["SCROLL TO CONTINUE WITH CONTENT", ""]
            if k == 2 and rng.random() < 0.6:
                lines += [rel, ""]
        return lines + [ed, f"COPYRIGHT © WARTANUSA {y}", "", ""]

    return render_pages("portal", by_language(docs, rng), 15, rng, article)


def render_kompas(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def article(page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        d, m, y, hh, mm = date_parts(rng)
        other = rng.choice(page.items).sentences[0]
        if page.lang == "id":
            lines = [title, f"Sinarkota.com - {d:02d}/{m:02d}/{y}, {hh:02d}:{mm:02d} WIB",
                     f"Penulis {rng.choice(NAMES)} | Editor {rng.choice(NAMES)}", "Ikuti kami di Google News"]
            also = f"Baca juga: {other}"
            promo = ("Dapatkan update berita pilihan dan breaking news setiap hari dari Sinarkota.com. "
                     "Gabung Grup Telegram Sinarkota, caranya klik link berikut lalu join.")
        else:
            lines = [title, f"Sinarkota.com - {d:02d}/{m:02d}/{y}, {hh:02d}:{mm:02d} WIB",
                     f"Writer {rng.choice(NAMES)} | Editor {rng.choice(NAMES)}", "Follow us on Google News"]
            also = f"Read also: {other}"
            promo = ("Get the latest news and breaking stories every day from Sinarkota.com. "
                     "Join the Sinarkota Telegram group: click the link below and join.")
        for k, p in enumerate(body):
            if k == 0:
                p = f"{rng.choice(CITIES)}, SINARKOTA.com -- {p}"
            lines.append(p)
            if k == 1:
                lines.append(also)
        return lines + [promo]

    return render_pages("kompas", by_language(docs, rng), 15, rng, article)


MENU = ["Home", "News", "Finance", "Sport", "Hot", "Inet", "Travel", "Food", "Health", "Oto"]


def render_wrapped(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def head(page: Page) -> list[str]:
        page.state["width"] = rng.randint(72, 80)
        return []

    def article(page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        width = page.state["width"]
        d, m, y, hh, mm = date_parts(rng)
        lines = [*MENU, ""] + textwrap.wrap(title, width) + [""]
        if page.lang == "id":
            lines += [f"{rng.choice(NAMES)} - rakyatNews",
                      f"{DAYS_ID[rng.randint(0, 6)]}, {d:02d} {MONTHS_ID[m - 1][:3]} {y} {hh:02d}:{mm:02d} WIB", ""]
        else:
            lines += [f"{rng.choice(NAMES)} - rakyatNews",
                      f"{DAYS_EN[rng.randint(0, 6)][:3]}, {d:02d} {MONTHS_EN[m - 1][:3]} {y} {hh:02d}:{mm:02d} WIB", ""]
        for k, p in enumerate(body):
            if k == 0:
                p = f"{rng.choice(CITIES).title()} - {p}"
            lines += textwrap.wrap(p, width) + [""]
        return lines + [f"({rng.choice('abcdefghij')}{rng.choice('klmnop')}{rng.choice('qrstu')}/"
                        f"{rng.choice('vwxyz')}{rng.choice('abcd')}{rng.choice('efgh')})", ""]

    return render_pages("wrapped", by_language(docs, rng), 12, rng, article, head)


def render_wire(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def article(page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        d, m, y, hh, mm = date_parts(rng)
        if page.lang == "en":
            stamp = f"{MONTHS_EN[m - 1]} {d}, {y} / {hh % 12 + 1}:{mm:02d} {'AM' if hh < 12 else 'PM'}"
            closer = f"(Reporting by {rng.choice(NAMES)}; Editing by {rng.choice(NAMES)})"
        else:
            stamp = f"{d} {MONTHS_ID[m - 1]} {y} / {hh:02d}:{mm:02d} WIB"
            closer = f"(Laporan oleh {rng.choice(NAMES)}; Penyuntingan oleh {rng.choice(NAMES)})"
        lines = [stamp, title] if rng.random() < 0.5 else [title, stamp]
        for k, p in enumerate(body):
            if k == 0:
                p = f"{rng.choice(CITIES)} (Wire) - {p}"
            lines.append(p)
        return lines + [closer]

    return render_pages("wire", by_language(docs, rng), 20, rng, article)


LAYOUTS = {"portal": render_portal, "kompas": render_kompas, "wrapped": render_wrapped, "wire": render_wire}
