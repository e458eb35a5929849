"""Variants of the four kinds the issue names, written by the segmenter's helper ("seg") as tuning
material: the same kinds of page as the dev layouts with other strings and shapes, to check that
mechanisms (not the dev strings) carry. Tuned on: they count as seen.

* ``portal2``: masthead with a tagline, a "Home » Section » Sub" breadcrumb, "Oleh: NAME", a
  "Day, DD Month YYYY - HH:MM" date, a "Caption. (AGENCY FOTO/Name)" credit or a "Foto: ..." line,
  "CITY, SITE - " or "City (ABC) -- " datelines, a mid-article "ADVERTISEMENT"-like line, a "Baca
  Juga" label over a linked title, and a tail of "(ab/cd)", tags, share icons and a copyright line.
* ``kompas2``: no blank lines: title, "SITE.id - Day, DD/MM/YYYY | HH:MM WIB", "Reporter: Name |
  Editor: Name", a channel promo, "CITY, SITE.id — " datelines, "Baca Juga:" lines and a long promo
  closer naming the site.
* ``wrapped2``: hard-wrapped at 68-78 columns, a one-item-per-line menu over every article, "Name |
  siteNews" bylines, "Day DD Mon YYYY HH:MM WIB" dates, "City - " datelines, an embed marker line
  and a "Watch the video: ..." line, "(abc/def)" closers.
* ``wire2``: one paragraph per line, no blank lines: "12 Jun 2019 14:30 GMT" or ISO date lines,
  "CITY, June 12 (Newswire) - " datelines, "By Name" bylines, "3 Min Read", "FILE PHOTO: caption.
  NEWSWIRE/Name" captions, "(Reporting by ... in City; Writing by ...; Editing by ...)" closers and a
  standards line.

Later variants (``portal3`` ... ``blog3``, ``reader2``, ``chat2``, and the text-browser dumps
``elinks2``, ``w3mdump`` and ``lynx2`` by "seg6") invent every fixed string (random syllables), so that
only mechanisms carry them; each function's docstring names its shapes.
"""

from __future__ import annotations

import random
import re
import textwrap

from benchmarks.layouts.common import (DAYS_EN, DAYS_ID, MONTHS_EN, MONTHS_ID, NAMES, Doc, Page,
                                       Rendered, block_record, by_language, chunks, date_parts, gold, page_files,
                                       paragraphs, render_pages, sentence_blocks)

_CITIES = ["YOGYAKARTA", "MAKASSAR", "SEMARANG", "DENPASAR", "PALEMBANG", "TOKYO", "BERLIN", "NAIROBI"]
_TAGS = ["politik", "ekonomi", "hukum", "olahraga", "teknologi", "kesehatan"]


def _initials(rng: random.Random) -> str:
    return "".join(rng.choice("abcdefghijklmnoprstuwy") for _ in range(rng.randint(2, 3)))


def render_portal2(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def article(page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        d, m, y, hh, mm = date_parts(rng)
        en = page.lang == "en"
        name = rng.choice(NAMES)
        caption = rng.choice(body)[:80].rsplit(" ", 1)[0] if body else title
        other = rng.choice(page.items).sentences[0]
        if en:
            crumb = (f"Home » {rng.choice(['National', 'World', 'Business'])} » "
                     f"{rng.choice(['Politics', 'Law', 'Markets'])}")
            stamp = f"{DAYS_EN[rng.randint(0, 6)]}, {d} {MONTHS_EN[m - 1]} {y} - {hh:02d}:{mm:02d}"
            by, also, mid = f"By: {name}", "Read Also", "CONTINUE READING BELOW"
        else:
            crumb = (f"Beranda » {rng.choice(['Nasional', 'Dunia', 'Bisnis'])} » "
                     f"{rng.choice(['Politik', 'Hukum', 'Pasar'])}")
            stamp = f"{DAYS_ID[rng.randint(0, 6)]}, {d} {MONTHS_ID[m - 1]} {y} - {hh:02d}:{mm:02d}"
            by, also, mid = f"Oleh: {name}", "Baca Juga", "LANJUTKAN MEMBACA DI BAWAH"
        lines = ["BERITAKINI", "Tepercaya Sejak 2009" if not en else "Trusted Since 2009", "", crumb, "",
                 title, by, stamp, ""]
        if rng.random() < 0.6:
            lines += [f"{caption}. (KINI FOTO/{name})", ""]
        else:
            lines += [f"{'Photo' if en else 'Foto'}: {caption} (Dok. Beritakini)", ""]
        for k, p in enumerate(body):
            if k == 0:
                city = rng.choice(_CITIES)
                p = f"{city}, BERITAKINI - {p}" if rng.random() < 0.5 else f"{city.title()} (BK) -- {p}"
            lines += [p, ""]
            if k == 1:
                lines += [mid, ""]
            if k == 2 and rng.random() < 0.6:
                lines += [also, other, ""]
        tags = ", ".join(rng.sample(_TAGS, 3))
        return lines + [f"({_initials(rng)}/{_initials(rng)})", "",
                        f"{'Tags' if en else 'Tag'}: {tags}", "Facebook Twitter WhatsApp Telegram",
                        f"Copyright © {y} Beritakini.com", "", ""]

    return render_pages("portal2", by_language(docs, rng), 12, rng, article)


def render_kompas2(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def article(page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        d, m, y, hh, mm = date_parts(rng)
        other = rng.choice(page.items).sentences[0]
        en = page.lang == "en"
        day = (DAYS_EN if en else DAYS_ID)[rng.randint(0, 6)]
        lines = [title, f"Warta24.id - {day}, {d:02d}/{m:02d}/{y} | {hh:02d}:{mm:02d} WIB",
                 f"Reporter: {rng.choice(NAMES)} | Editor: {rng.choice(NAMES)}"]
        if en:
            lines.append("Join our WhatsApp channel for the latest updates")
            also = f"Read Also: {other}"
            promo = ("Catch breaking news and our editors' picks straight on your phone. Choose your "
                     "favourite channel to read Warta24.id: WhatsApp Channel and Google News.")
        else:
            lines.append("Gabung saluran WhatsApp kami untuk kabar terbaru")
            also = f"Baca Juga: {other}"
            promo = ("Simak breaking news dan berita pilihan kami langsung dari ponselmu. Pilih saluran "
                     "favoritmu akses berita Warta24.id: WhatsApp Channel dan Google News.")
        for k, p in enumerate(body):
            if k == 0:
                p = f"{rng.choice(_CITIES)}, Warta24.id — {p}"
            lines.append(p)
            if k == 1:
                lines.append(also)
        return lines + [promo]

    return render_pages("kompas2", by_language(docs, rng), 14, rng, article)


_MENU = ["Beranda", "Berita", "Ekonomi", "Olahraga", "Otomotif", "Gaya", "Wisata", "Kuliner", "Sains"]


def render_wrapped2(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def head(page: Page) -> list[str]:
        page.state["width"] = rng.randint(68, 78)
        return []

    def article(page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        width = page.state["width"]
        d, m, y, hh, mm = date_parts(rng)
        en = page.lang == "en"
        day = (DAYS_EN if en else DAYS_ID)[rng.randint(0, 6)][:3]
        month = (MONTHS_EN if en else MONTHS_ID)[m - 1][:3]
        lines = [*_MENU, ""] + textwrap.wrap(title, width) + [""]
        lines += [f"{rng.choice(NAMES)} | kabarNusa", f"{day} {d:02d} {month} {y} {hh:02d}:{mm:02d} WIB", ""]
        for k, p in enumerate(body):
            if k == 0:
                p = f"{rng.choice(_CITIES).title()} - {p}"
            lines += textwrap.wrap(p, width) + [""]
            if k == 1 and rng.random() < 0.5:
                lines += ["[Sisipan:Video kabarNusa]", ""]
        watch = "Watch the video:" if en else "Tonton videonya:"
        return lines + [f"{watch} \"{rng.choice(page.items).sentences[0][:50]}\"", "",
                        f"({_initials(rng)}/{_initials(rng)})", ""]

    return render_pages("wrapped2", by_language(docs, rng), 10, rng, article, head)


def render_wire2(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def article(page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        d, m, y, hh, mm = date_parts(rng)
        en = page.lang == "en"
        month = (MONTHS_EN if en else MONTHS_ID)[m - 1]
        stamp = (f"{d:02d} {month[:3]} {y} {hh:02d}:{mm:02d} GMT" if rng.random() < 0.5
                 else f"{y}-{m:02d}-{d:02d} {hh:02d}:{mm:02d} UTC")
        name, city = rng.choice(NAMES), rng.choice(_CITIES)
        if en:
            lines = [title, f"By {name}", "3 Min Read", stamp]
            closer = (f"(Reporting by {rng.choice(NAMES)} in {city.title()}; Writing by {rng.choice(NAMES)}; "
                      f"Editing by {rng.choice(NAMES)})")
            std = "Our Standards: The Newswire Trust Principles."
            photo = f"FILE PHOTO: {body[0][:60].rsplit(' ', 1)[0] if body else title}. NEWSWIRE/{name}"
        else:
            lines = [title, f"Oleh {name}", "3 Menit Baca", stamp]
            closer = (f"(Laporan {rng.choice(NAMES)} di {city.title()}; Penulisan {rng.choice(NAMES)}; "
                      f"Penyuntingan {rng.choice(NAMES)})")
            std = "Standar Kami: Prinsip Kepercayaan Newswire."
            photo = f"FOTO ARSIP: {body[0][:60].rsplit(' ', 1)[0] if body else title}. NEWSWIRE/{name}"
        if rng.random() < 0.5:
            lines.append(photo)
        for k, p in enumerate(body):
            if k == 0:
                p = f"{city}, {month} {d} (Newswire) - {p}"
            lines.append(p)
        return lines + [closer, std]

    return render_pages("wire2", by_language(docs, rng), 16, rng, article)


LAYOUTS = {"portal2": render_portal2, "kompas2": render_kompas2, "wrapped2": render_wrapped2,
           "wire2": render_wire2}


class _Words:
    """A site's fixed wording, invented: random words of the shape a real site's strings have."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def word(self, cap: bool = False) -> str:
        w = "".join(self.rng.choice("bcdfghjklmnprstvwz") + self.rng.choice("aeiou")
                    for _ in range(self.rng.randint(2, 4)))
        return w.capitalize() if cap else w

    def phrase(self, n: int, cap: bool = True) -> str:
        words = [self.word() for _ in range(n)]
        return " ".join(words).capitalize() if cap else " ".join(words)


def render_portal3(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    """``portal2``'s shapes with every fixed string invented (site name, labels, promos, credits)."""
    w = _Words(rng)
    site, short = w.word().upper(), w.word()[:3].upper()
    tagline, mid, also, follow = w.phrase(3), w.phrase(4).upper(), w.phrase(2), w.phrase(6)
    role = w.word(True)
    crumbs = [w.word(True) for _ in range(5)]

    def article(page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        d, m, y, hh, mm = date_parts(rng)
        en = page.lang == "en"
        name = rng.choice(NAMES)
        caption = rng.choice(body)[:80].rsplit(" ", 1)[0] if body else title
        stamp = (f"{(DAYS_EN if en else DAYS_ID)[rng.randint(0, 6)]}, {d} {(MONTHS_EN if en else MONTHS_ID)[m - 1]} "
                 f"{y} - {hh:02d}:{mm:02d}")
        lines = [site, tagline, "", " » ".join(rng.sample(crumbs, 3)), "", title, f"{role}: {name}", stamp, ""]
        lines += [f"{caption}. ({site} {w.word().upper()}/{name})", ""]
        for k, p in enumerate(body):
            if k == 0:
                city = rng.choice(_CITIES)
                p = f"{city}, {site} - {p}" if rng.random() < 0.5 else f"{city.title()} ({short}) -- {p}"
            lines += [p, ""]
            if k == 1:
                lines += [mid, ""]
            if k == 2 and rng.random() < 0.6:
                lines += [also, rng.choice(page.items).sentences[0], ""]
        return lines + [f"({_initials(rng)}/{_initials(rng)})", "", f"{follow} {site.title()}",
                        f"© {y} {site.title()}.com", "", ""]

    return render_pages("portal3", by_language(docs, rng), 12, rng, article)


def render_kompas3(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    """``kompas2``'s shapes with every fixed string invented."""
    w = _Words(rng)
    site = f"{w.word(True)}.id"
    role1, role2, follow, also = w.word(True), w.word(True), w.phrase(5), w.phrase(2)
    promo = f"{w.phrase(9)} {site}. {w.phrase(7)}."

    def article(page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        d, m, y, hh, mm = date_parts(rng)
        lines = [title, f"{site} - {d:02d}/{m:02d}/{y} | {hh:02d}:{mm:02d} WIB",
                 f"{role1}: {rng.choice(NAMES)} | {role2}: {rng.choice(NAMES)}", follow]
        for k, p in enumerate(body):
            if k == 0:
                p = f"{rng.choice(_CITIES)}, {site} — {p}"
            lines.append(p)
            if k == 1:
                lines.append(f"{also}: {rng.choice(page.items).sentences[0]}")
        return lines + [promo]

    return render_pages("kompas3", by_language(docs, rng), 14, rng, article)


def render_wrapped3(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    """``wrapped2``'s shapes with every fixed string invented."""
    w = _Words(rng)
    menu = [w.word(True) for _ in range(8)]
    brand, embed, watch = w.word() + w.word(True), w.word(True), w.phrase(2)

    def head(page: Page) -> list[str]:
        page.state["width"] = rng.randint(68, 78)
        return []

    def article(page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        width = page.state["width"]
        d, m, y, hh, mm = date_parts(rng)
        en = page.lang == "en"
        day = (DAYS_EN if en else DAYS_ID)[rng.randint(0, 6)][:3]
        month = (MONTHS_EN if en else MONTHS_ID)[m - 1][:3]
        lines = [*menu, ""] + textwrap.wrap(title, width) + [""]
        lines += [f"{rng.choice(NAMES)} - {brand}", f"{day}, {d:02d} {month} {y} {hh:02d}:{mm:02d} WIB", ""]
        for k, p in enumerate(body):
            if k == 0:
                p = f"{rng.choice(_CITIES).title()} - {p}"
            lines += textwrap.wrap(p, width) + [""]
            if k == 1 and rng.random() < 0.5:
                lines += [f"[{embed}:{w.word(True)} {brand}]", ""]
        return lines + [f"{watch}: \"{rng.choice(page.items).sentences[0][:50]}\"", "",
                        f"({_initials(rng)}/{_initials(rng)})", ""]

    return render_pages("wrapped3", by_language(docs, rng), 10, rng, article, head)


def render_wire3(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    """``wire2``'s shapes with every fixed string invented (closer roles, read time, standards line)."""
    w = _Words(rng)
    agency, roles = w.word(True), [w.word(True) for _ in range(3)]
    read, standards, photo = w.word(True), f"{w.phrase(2)}: {w.phrase(4)}.", w.phrase(2).upper()

    def article(page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        d, m, y, hh, mm = date_parts(rng)
        en = page.lang == "en"
        month = (MONTHS_EN if en else MONTHS_ID)[m - 1]
        stamp = f"{d:02d} {month[:3]} {y} {hh:02d}:{mm:02d} GMT"
        name, city = rng.choice(NAMES), rng.choice(_CITIES)
        lines = [title, f"{'By' if en else 'Oleh'} {name}", f"{rng.randint(2, 6)} {read}", stamp]
        if rng.random() < 0.5:
            lines.append(f"{photo}: {body[0][:60].rsplit(' ', 1)[0] if body else title}. {agency.upper()}/{name}")
        for k, p in enumerate(body):
            if k == 0:
                p = f"{city}, {month} {d} ({agency}) - {p}"
            lines.append(p)
        closer = "; ".join(f"{r} {rng.choice(NAMES)}" for r in roles)
        return lines + [f"({closer})", standards]

    return render_pages("wire3", by_language(docs, rng), 16, rng, article)


LAYOUTS.update({"portal3": render_portal3, "kompas3": render_kompas3, "wrapped3": render_wrapped3,
                "wire3": render_wire3})


def render_kompas4(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    """No blank lines: "Role Name | Role Name" without colons, a "Site - Day, DD Mon YYYY HH:MM" line,
    an invented channel promo, a "CITY, Site.com --" dateline, a bare linked title under a label
    line, a closing promo; every fixed string invented."""
    w = _Words(rng)
    site = f"{w.word(True)}.com"
    role1, role2, follow, also = w.word(True), w.word(True), w.phrase(4), w.phrase(2)
    closer = f"{w.phrase(8)} {site}."

    def article(page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        d, m, y, hh, mm = date_parts(rng)
        en = page.lang == "en"
        day = (DAYS_EN if en else DAYS_ID)[rng.randint(0, 6)]
        month = (MONTHS_EN if en else MONTHS_ID)[m - 1][:3]
        lines = [title, f"{role1} {rng.choice(NAMES)} | {role2} {rng.choice(NAMES)}",
                 f"{site} - {day}, {d} {month} {y} {hh:02d}:{mm:02d}", follow]
        for k, p in enumerate(body):
            if k == 0:
                p = f"{rng.choice(_CITIES)}, {site} -- {p}"
            lines.append(p)
            if k == 1:
                lines += [also, rng.choice(page.items).sentences[0]]
        return lines + [closer]

    return render_pages("kompas4", by_language(docs, rng), 12, rng, article)


def render_wrapped4(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    """Hard-wrapped at 70-80 columns, "Name | SiteNews" bylines (all capitalised), a date line, a
    "City -" dateline, a one-item-per-line menu of invented words, a closing "(abc)" initials line."""
    w = _Words(rng)
    menu = [w.word(True) for _ in range(7)]
    brand = w.word(True) + w.word(True)

    def head(page: Page) -> list[str]:
        page.state["width"] = rng.randint(70, 80)
        return [*menu, "", ""]

    def article(page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        width = page.state["width"]
        d, m, y, hh, mm = date_parts(rng)
        en = page.lang == "en"
        month = (MONTHS_EN if en else MONTHS_ID)[m - 1]
        lines = textwrap.wrap(title, width) + ["", f"{rng.choice(NAMES)} | {brand}",
                                               f"{d} {month} {y}, {hh:02d}:{mm:02d}", ""]
        for k, p in enumerate(body):
            if k == 0:
                p = f"{rng.choice(_CITIES).title()} - {p}"
            lines += textwrap.wrap(p, width) + [""]
        return lines + [f"({_initials(rng)})", "", "", ""]

    return render_pages("wrapped4", by_language(docs, rng), 10, rng, article, head)


LAYOUTS.update({"kompas4": render_kompas4, "wrapped4": render_wrapped4})


def render_wrapped5(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    """Hard-wrapped at 72-80 columns with no blank line anywhere: a menu line, the title, "Name -
    siteName" and a date line, "CITY -" datelines, an invented "Label: other title" line inside and a
    share line under every article."""
    w = _Words(rng)
    brand, also, share = w.word() + w.word(True), w.phrase(2), w.phrase(2)

    def head(page: Page) -> list[str]:
        page.state["width"] = rng.randint(72, 80)
        return []

    def article(page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        width = page.state["width"]
        d, m, y, hh, mm = date_parts(rng)
        en = page.lang == "en"
        day = (DAYS_EN if en else DAYS_ID)[rng.randint(0, 6)]
        month = (MONTHS_EN if en else MONTHS_ID)[m - 1]
        lines = textwrap.wrap(title, width) + [f"{rng.choice(NAMES)} - {brand}",
                                               f"{day}, {d:02d} {month} {y} {hh:02d}:{mm:02d} WIB"]
        for k, p in enumerate(body):
            if k == 0:
                p = f"{rng.choice(_CITIES)} - {p}"
            lines += textwrap.wrap(p, width)
            if k == 1:
                lines.append(f"{also}: {rng.choice(page.items).sentences[0][:60]}")
        return lines + [f"{share}: Facebook | X | WhatsApp"]

    return render_pages("wrapped5", by_language(docs, rng), 10, rng, article, head)


LAYOUTS["wrapped5"] = render_wrapped5


def render_portal6(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    """One saved portal page per file, every fixed string invented: masthead, a menu line of bars,
    title, "Role: Name", date, a "12 Nouns" count, a "(SITE/Name)" caption, "City, SITE - "
    dateline, a "Label: other title" line, a tag line, a follow promo and a copyright line."""
    w = _Words(rng)
    site = w.word().upper()
    menu = " | ".join(w.word(True) for _ in range(5))
    role, count, also, tag, follow = w.word(True), w.word(), w.phrase(2), w.word(True), w.phrase(5)
    out = []
    for k, doc in enumerate(docs):
        title, *body = paragraphs(doc.sentences, rng)
        d, m, y, hh, mm = date_parts(rng)
        en = doc.lang == "en"
        stamp = f"{d} {(MONTHS_EN if en else MONTHS_ID)[m - 1]} {y} {hh:02d}:{mm:02d}"
        lines = [site, menu, "", title, f"{role}: {rng.choice(NAMES)}", stamp, f"{rng.randint(0, 90)} {count}", ""]
        if body and rng.random() < 0.6:
            lines += [f"{body[-1][:70].rsplit(' ', 1)[0]} ({site}/{rng.choice(NAMES)})", ""]
        for j, p in enumerate(body):
            if j == 0:
                p = f"{rng.choice(_CITIES).title()}, {site} - {p}"
            lines += [p, ""]
            if j == 1:
                lines += [f"{also}: {rng.choice([o for o in docs if o.lang == doc.lang]).sentences[0]}", ""]
        lines += [f"{tag}: {', '.join(w.word() for _ in range(3))}", f"{follow} Google News",
                  f"© {y} {site.title()}. {w.phrase(3)}."]
        out.append(Rendered(f"portal6-{k:03d}.txt", "\n".join(lines) + "\n", [gold(doc)]))
    return out


LAYOUTS["portal6"] = render_portal6


def render_portal7(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    """Every line one blank line apart, articles too (only their date lines and labels part them):
    a section label, title, "By Name", a date, a credited caption, a "CITY (ABC) -" dateline, an
    invented "Label: other title" line and a tag line of invented words."""
    w = _Words(rng)
    sections, agency, also, tag = [w.word(True) for _ in range(4)], w.word()[:3].upper(), w.phrase(2), w.word(True)

    def article(page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        d, m, y, hh, mm = date_parts(rng)
        en = page.lang == "en"
        month = (MONTHS_EN if en else MONTHS_ID)[m - 1]
        out = [rng.choice(sections), title, f"{'By' if en else 'Oleh'} {rng.choice(NAMES)}", f"{d} {month} {y} {hh:02d}:{mm:02d}"]
        if body:
            out.append(f"{body[-1][:60].rsplit(' ', 1)[0]}. ({agency}/{rng.choice(NAMES)})")
        for k, p in enumerate(body):
            out.append(f"{rng.choice(_CITIES)} ({agency}) - {p}" if k == 0 else p)
            if k == 1:
                out.append(f"{also}: {rng.choice(page.items).sentences[0]}")
        out.append(f"{tag}: {', '.join(w.word() for _ in range(3))}")
        return [x for line in out for x in (line, "")]

    return render_pages("portal7", by_language(docs, rng), 12, rng, article)


LAYOUTS["portal7"] = render_portal7


def render_blog3(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    """A blog, six posts per file, every fixed string invented: a one-off label over some titles,
    "NAME · Word", "N word word · Mon D, YYYY", a pull quote in curly quotes repeating a sentence, a
    subheading (real text of the post, in the gold) between paragraphs, "Word: TITLE" links to the
    previous and next posts, 'N words on "TITLE"' over comments ("NAME word:", a date with a time,
    a comment from a small pool, "Word") and a footer."""
    w = _Words(rng)
    follow, minutes, claps, earlier, later = w.word(True), w.phrase(2, cap=False), w.word(), w.word(True), w.word(True)
    thoughts, says, reply, footer = w.phrase(2, cap=False), w.word(), w.word(True), w.phrase(4)
    comments = [w.phrase(rng.randint(4, 8)) + "." for _ in range(3)]
    out = []
    for lang, items in by_language(docs, rng).items():
        for n, chunk in enumerate(chunks(items, 6)):
            lines, golds = [], []
            for k, doc in enumerate(chunk):
                title, *body = paragraphs(doc.sentences, rng)
                d, m, y, hh, mm = date_parts(rng)
                if rng.random() < 0.5:
                    lines.append(w.phrase(2))  # a section label, once
                lines += [title, f"{rng.choice(NAMES)} · {follow}",
                          f"{rng.randint(2, 9)} {minutes} · {MONTHS_EN[m - 1][:3]} {d}, {y}", ""]
                sub = w.phrase(rng.randint(2, 4)) if len(body) >= 2 else None
                for p, text in enumerate(body):
                    lines += [text, ""]
                    if p == 0 and len(text.split(". ")[0].split()) >= 5:
                        lines += [f"“{text.split('. ')[0].rstrip('.')}”", ""]
                    if p == 0 and sub:
                        lines += [sub, ""]
                lines += [f"{rng.randint(10, 900)} {claps}", ""]
                if k:
                    lines.append(f"← {earlier}: {chunk[k - 1].sentences[0]}")
                if k + 1 < len(chunk):
                    lines.append(f"{later}: {chunk[k + 1].sentences[0]} →")
                picked = rng.randint(1, 3)
                lines += ["", f'{picked} {thoughts} "{title}"', ""]
                for _ in range(picked):
                    c_d, c_m, c_y, c_h, c_mm = date_parts(rng)
                    lines += [f"{rng.choice(NAMES)} {says}:", f"{MONTHS_EN[c_m - 1]} {c_d}, {c_y} at {c_h % 12 + 1}:{c_mm:02d} pm",
                              rng.choice(comments), reply, ""]
                lines += ["", ""]
                record = gold(doc)
                golds.append({**record, "sentences": record["sentences"] + ([sub] if sub else [])})
            lines.append(footer)
            out.append(Rendered(f"blog3-{lang}-{n:02d}.txt", "\n".join(lines) + "\n", golds))
    return out


LAYOUTS["blog3"] = render_blog3


def render_reader2(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    """Pages fetched as Markdown by a reader tool, four per file, every fixed string invented: a
    "Title: / URL Source: / Published Time: / Markdown Content:" header, a "[Word](url)" skip link, a
    "* [Word](url)" menu, "![Image N: caption](url)" lines, "# TITLE", a "[Name](url)" byline, a date,
    a "[Word: OTHER TITLE](url)" link mid-article, a "* [tag](url)" list and a "[Word](url) [Word](url)"
    share line."""
    w = _Words(rng)
    host = f"https://www.{w.word()}.{rng.choice(['com', 'id', 'co.id'])}"
    skip, also = w.phrase(2), w.phrase(2)
    menu = [w.word(True) for _ in range(6)]
    shares = [w.word(True) for _ in range(3)]

    def slug(text: str) -> str:
        return "-".join(re.findall(r"\w+", text.lower())[:6])

    def article(page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        d, m, y, hh, mm = date_parts(rng)
        url = f"{host}/{rng.randint(100000, 999999)}/{slug(title)}"
        other = rng.choice(page.items).sentences[0]
        lines = [f"Title: {title}", "", f"URL Source: {url}", "",
                 f"Published Time: {y}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}:00+07:00", "", "Markdown Content:",
                 f"[{skip}]({url}#main)", ""]
        lines += [f"*   [{item}]({host}/{item.lower()})" for item in menu] + [""]
        lines += [f"![Image 1: {w.phrase(2)}]({host}/img/logo.png)", "", f"# {title}", "",
                  f"[{rng.choice(NAMES)}]({host}/author/{rng.randint(10, 99)})", "",
                  f"{d} {(MONTHS_EN if page.lang == 'en' else MONTHS_ID)[m - 1]} {y} {hh:02d}:{mm:02d}", "",
                  f"![Image 2: {body[0][:60] if body else title}]({host}/img/{rng.randint(1000, 9999)}.jpg)", ""]
        for k, p in enumerate(body):
            lines += [p, ""]
            if k == 1:
                lines += [f"**[{also}: {other}]({host}/{slug(other)})**", ""]
        lines += [f"*   [{t}]({host}/tag/{t})" for t in rng.sample(_TAGS, 3)] + [""]
        lines += [" ".join(f"[{s}]({host}/share/{s.lower()})" for s in shares), "", "", ""]
        return lines

    return render_pages("reader2", by_language(docs, rng), 4, rng, article)


def render_chat2(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    """Chat-group exports, one group per file, every fixed string invented: "[DD/MM/YY HH:MM:SS] Name:
    message" lines (or "DD/MM/YY, HH:MM - Name: message"); a member forwards a story as one message
    (title on the message line, paragraphs on the next lines, a link last), and members answer with
    short chat lines of a small pool, links and media markers."""
    w = _Words(rng)
    members = rng.sample(NAMES, 5)
    replies = [w.phrase(rng.randint(1, 5)) + rng.choice(["", "!", "?", " :)"]) for _ in range(12)]
    media = f"<{w.phrase(2, cap=False)}>"
    bracketed = rng.random() < 0.5
    out = []
    for lang, items in by_language(docs, rng).items():
        for n, chunk in enumerate(chunks(items, 12)):
            d, m, y, hh, mm = date_parts(rng)
            lines, golds = [], []

            def stamp(name: str, text: str) -> str:
                nonlocal mm, hh
                mm += rng.randint(0, 9)
                hh, mm = (hh + mm // 60) % 24, mm % 60
                when = f"{d:02d}/{m:02d}/{y % 100:02d}"
                if bracketed:
                    return f"[{when} {hh:02d}:{mm:02d}:{rng.randint(0, 59):02d}] {name}: {text}"
                return f"{when}, {hh:02d}:{mm:02d} - {name}: {text}"

            for doc in chunk:
                title, *body = paragraphs(doc.sentences, rng)
                for _ in range(rng.randint(0, 3)):
                    lines.append(stamp(rng.choice(members), rng.choice(replies + [media])))
                lines.append(stamp(rng.choice(members), title))
                for p in body:
                    lines += ([""] if rng.random() < 0.5 else []) + [p]
                lines.append(f"https://{w.word()}.com/{rng.randint(10000, 99999)}")
                golds.append(gold(doc))
            for _ in range(rng.randint(1, 3)):
                lines.append(stamp(rng.choice(members), rng.choice(replies)))
            out.append(Rendered(f"chat2-{lang}-{n:02d}.txt", "\n".join(lines) + "\n", golds))
    return out


LAYOUTS.update({"reader2": render_reader2, "chat2": render_chat2})


def render_pdfrelease2(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    """Press releases saved as PDFs and converted to text, one per file, every fixed string invented
    (written by "seg5"): a three-line letterhead (name in capitals, a unit, an address line) on the
    first page, a running head ("NAME | Word Word") on the others, a centred "- 2 -" or "Word 2 / 5"
    footer on every page with a form feed between pages, pages of 22-40 lines that break
    mid-paragraph, lines of 66-80 columns hyphenated at the line end, a "Word: CODE/12/2019" number
    line, a "City (Word) — " dateline, a "# # #" end mark and a contact block (a label, a press officer's
    name and one of two titles, a phone number)."""
    from benchmarks.layouts.heldout9 import _pdf_wrap  # the justified-PDF line breaker

    w = _Words(rng)
    org, unit = w.phrase(rng.randint(3, 5)).upper(), w.phrase(3)
    address = f"{w.phrase(2)} {rng.randint(1, 99)}, {w.word(True)} {rng.randint(10000, 99999)} · {w.word()}.{w.word()}.org"
    head = f"{org} | {w.phrase(2)}"
    kind, number, agency, contact = w.phrase(2).upper(), w.word(True), w.word(True), w.phrase(3)
    roles = [w.phrase(2), w.phrase(3)]  # the press officers' titles
    page_word = w.word(True)
    out = []
    for lang, items in by_language(docs, rng).items():
        for n, doc in enumerate(items):
            title, *body = paragraphs(doc.sentences, rng)
            width = rng.randint(66, 80)
            _d, m, y, _hh, _mm = date_parts(rng)
            text = [kind, f"{number}: {w.word().upper()}/{rng.randint(1, 99):02d}/{m}/{y}", ""]
            text += _pdf_wrap(title, width, rng) + [""]
            for k, p in enumerate(body):
                if k == 0:
                    p = f"{rng.choice(_CITIES).title()} ({agency}) — {p}"
                text += _pdf_wrap(p, width, rng) + [""]
            text += ["# # #", "", f"{contact}:", rng.choice(NAMES), rng.choice(roles),
                     f"+62 {rng.randint(21, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"]
            per_page = rng.randint(22, 40)
            pages = [text[i:i + per_page] for i in range(0, len(text), per_page)]
            dashes = rng.random() < 0.5
            lines = [org, unit, address, ""]
            for p, chunk in enumerate(pages, 1):
                if p > 1:
                    lines += ["\f" + head, ""]
                footer = f"- {p} -" if dashes else f"{page_word} {p} / {len(pages)}"
                lines += chunk + ["", footer.center(width).rstrip()]
            out.append(Rendered(f"pdfrelease2-{lang}-{n:03d}.txt", "\n".join(lines) + "\n\f", [gold(doc)]))
    return out


LAYOUTS["pdfrelease2"] = render_pdfrelease2


def _glue_marks(text: str, urls: list[str], host: str, rng: random.Random, most: int = 2) -> str:
    """``text`` with up to ``most`` of its words carrying a text browser's link number ("the
    [12]ministry"), each number's address appended to ``urls``."""
    words = text.split()
    for _ in range(rng.randint(0, most)):
        j = rng.randrange(len(words))
        urls.append(f"{host}/{rng.randint(1000, 9999)}")
        words[j] = f"[{len(urls)}]{words[j]}"
    return " ".join(words)


def render_elinks2(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    """Pages dumped with an elinks-like text browser, five per file, every fixed string invented:
    body indented three spaces and wrapped at 70-78 columns, "[n]" link numbers glued onto words, a
    skip link, a "[IMG]" logo, a "* [n]Word" menu one item per line, a cookie notice with its button,
    "Role [n]Name", a date, an "[IMG]" photo with a credited caption, "CITY, SITE - " datelines, an
    upper-case "scroll on" line and a "Label: [n]OTHER TITLE" link mid-article, a newsletter box, a
    share row, a bulleted related-titles list, a copyright footer, and "References" with "Visible
    links" and "Hidden links" lists of numbered addresses."""
    w = _Words(rng)
    site = w.word(True)
    host = f"https://{site.lower()}.example"
    skip, cookie, accept, role, also = w.phrase(3), w.phrase(9), w.word(True), w.word(True), w.phrase(2)
    scroll, letter, signup, share, related = w.phrase(3).upper(), w.phrase(8), w.word(True), w.word(True), w.phrase(2)
    credit, legal = w.word(True), [w.word(True) for _ in range(3)]
    menu = [w.word(True) for _ in range(6)]

    def page(lang: str, items: list[Doc]):
        en = lang == "en"
        width = rng.randint(70, 78)
        lines, records = [], []
        for doc in items:
            title, blocks = doc.sentences[0], sentence_blocks(doc.sentences, rng)
            others = [o.sentences[0] for o in rng.sample(items, min(4, len(items))) if o is not doc][:3]
            urls = [f"{host}/#content", f"{host}/"] + [f"{host}/{m.lower()}" for m in menu]
            lines += [f"   [1]{skip}", "", "   [2][IMG]", ""]
            lines += [f"     * [{i}]{m}" for i, m in enumerate(menu, 3)] + [""]
            urls.append(f"{host}/privacy")
            lines += textwrap.wrap(f"{cookie}. [{len(urls)}]{accept}", width, initial_indent="   ",
                                   subsequent_indent="   ") + ["", ""]
            lines += textwrap.wrap(title, width, initial_indent="   ", subsequent_indent="   ") + [""]
            urls.append(f"{host}/author/{rng.randint(10, 99)}")
            d, m, y, hh, mm = date_parts(rng)
            month = (MONTHS_EN if en else MONTHS_ID)[m - 1]
            lines += [f"   {role} [{len(urls)}]{rng.choice(NAMES)}", f"   {d} {month} {y}, {hh:02d}:{mm:02d}", ""]
            if rng.random() < 0.7:
                lines += ["   [IMG]", *textwrap.wrap(f"{w.phrase(6)}. {credit}: {rng.choice(NAMES)}/{site}", width,
                                                       initial_indent="   ", subsequent_indent="   "), ""]
            for k, block in enumerate(blocks):
                text = _glue_marks(" ".join(block), urls, host, rng)
                if k == 0:
                    text = f"{rng.choice(_CITIES)}, {site} - {text}"
                lines += textwrap.wrap(text, width, initial_indent="   ", subsequent_indent="   ",
                                       break_on_hyphens=False, break_long_words=False) + [""]
                if k == 1 and len(blocks) > 3 and others:
                    urls.append(f"{host}/{rng.randint(1000, 9999)}")
                    lines += [f"   {scroll}", "", *textwrap.wrap(f"{also}: [{len(urls)}]{others[0]}", width,
                                                                  initial_indent="   ", subsequent_indent="   "), ""]
            urls.append(f"{host}/newsletter")
            lines += [*textwrap.wrap(f"{letter}.", width, initial_indent="   ", subsequent_indent="   "),
                      f"   [{len(urls)}]{signup}", ""]
            n = len(urls)
            urls += [f"{host}/share/{k}" for k in range(3)]
            lines += [f"   {share}: [{n + 1}]{legal[0]} [{n + 2}]{legal[1]} [{n + 3}]{legal[2]}", "", f"   {related}", ""]
            for other in others:
                urls.append(f"{host}/{rng.randint(1000, 9999)}")
                lines += textwrap.wrap(f"[{len(urls)}]{other}", width, initial_indent="     * ",
                                       subsequent_indent="       ")
            lines += ["", f"   © {y} {site}. {w.phrase(3)}.", "", "References", "", "   Visible links"]
            lines += [f"  {i:>3}. {u}" for i, u in enumerate(urls, 1)]
            lines += ["", "   Hidden links:"] + [f"  {len(urls) + i:>3}. {host}/{w.word()}" for i in (1, 2)] + ["", ""]
            records.append(block_record(doc, title, blocks))
        return lines, records

    return page_files("elinks2", by_language(docs, rng), 5, page)


def render_w3mdump(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    """Pages dumped with a w3m-like text browser (link numbers shown), six per file, every fixed
    string invented: no indentation, wrapped at 80 columns, "[n]" link numbers glued onto words, a
    "[image]" logo, a menu on one line "[n]Word | [n]Word", a "[n]Word > [n]Word" breadcrumb, rules of
    box-drawing dashes, "Role: [n]Name | date", an "[alt words]" photo over a credited caption, a
    "N word word" reading time, glued "CITY (SITE) - " datelines, a bulleted related-titles list
    mid-article ("• [n]TITLE"), a tag line "Word: [n]tag, [n]tag", follow promo, cookie notice,
    footer links and a "References:" list "[n] address"."""
    w = _Words(rng)
    site = w.word(True)
    host = f"https://www.{site.lower()}.example"
    menu = [w.word(True) for _ in range(5)]
    role, minutes, tag, follow, cookie, ok = w.word(True), w.phrase(2, cap=False), w.word(True), w.phrase(6), \
        w.phrase(10), w.word(True)
    related, credit = w.phrase(2), w.word(True)
    foot = [w.word(True) for _ in range(4)]
    rule = "━" * rng.randint(60, 80)

    def page(lang: str, items: list[Doc]):
        en = lang == "en"
        lines, records = [], []
        for doc in items:
            title, blocks = doc.sentences[0], sentence_blocks(doc.sentences, rng)
            others = [o.sentences[0] for o in rng.sample(items, min(4, len(items))) if o is not doc][:2]
            urls = [f"{host}/"] + [f"{host}/{m.lower()}" for m in menu]
            lines += ["[image]", " | ".join(f"[{i}]{m}" for i, m in enumerate(menu, 2)), rule]
            section = rng.randrange(len(menu))
            urls += [f"{host}/", f"{host}/{menu[section].lower()}"]
            lines += [f"[{len(urls) - 1}]{menu[0]} > [{len(urls)}]{menu[section]}", "", *textwrap.wrap(title, 80), ""]
            d, m, y, hh, mm = date_parts(rng)
            month = (MONTHS_EN if en else MONTHS_ID)[m - 1]
            urls.append(f"{host}/author/{rng.randint(10, 99)}")
            lines += [f"{role}: [{len(urls)}]{rng.choice(NAMES)} | {d} {month[:3]} {y} {hh:02d}:{mm:02d}",
                      f"{rng.randint(2, 9)} {minutes}", ""]
            if rng.random() < 0.6:
                lines += [f"[{w.phrase(3, cap=False)}]", *textwrap.wrap(f"{w.phrase(7)}. ({credit}/{rng.choice(NAMES)})", 80), ""]
            for k, block in enumerate(blocks):
                text = _glue_marks(" ".join(block), urls, host, rng)
                if k == 0:
                    text = f"{rng.choice(_CITIES)} ({site.upper()}) - {text}"
                lines += textwrap.wrap(text, 80, break_on_hyphens=False, break_long_words=False) + [""]
                if k == 2:
                    lines += [related]
                    for other in others:
                        urls.append(f"{host}/{rng.randint(1000, 9999)}")
                        lines += textwrap.wrap(f"[{len(urls)}]{other}", 80, initial_indent="  • ", subsequent_indent="    ")
                    lines += [""]
            n = len(urls)
            tags = rng.sample(_TAGS, 3)
            urls += [f"{host}/tag/{t}" for t in tags]
            lines += [f"{tag}: " + ", ".join(f"[{n + i}]{t}" for i, t in enumerate(tags, 1)), "", f"{follow}.", rule]
            n = len(urls)
            urls += [f"{host}/{f.lower()}" for f in foot]
            lines += [" ".join(f"[{n + i}]{f}" for i, f in enumerate(foot, 1)), f"© {y} {site}", "",
                      *textwrap.wrap(f"{cookie}. [{len(urls) + 1}]{ok}", 80), ""]
            urls.append(f"{host}/cookies")
            lines += ["References:", ""] + [f"[{i}] {u}" for i, u in enumerate(urls, 1)] + ["", ""]
            records.append(block_record(doc, title, blocks))
        return lines, records

    return page_files("w3mdump", by_language(docs, rng), 6, page)


LAYOUTS.update({"elinks2": render_elinks2, "w3mdump": render_w3mdump})


def render_lynx2(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    """Pages dumped with a lynx-like text browser, four per file, every fixed string invented:
    headings flush left and text indented three spaces (wrapped at 72-79 columns), "[n]" link
    numbers, a "#[n]Word" line of the page's feeds, a skip link, a "[n][alt]" logo, a "* [n]Word"
    menu one item per line, a search form ("____ (BUTTON) Word"), "Role [n]Name | Word [n]Name" over
    a date, a "[alt words]" photo over a credited caption, "CITY — " datelines, an upper-case
    break line and a "Label: [n]OTHER TITLE" link mid-article, a pull quote indented six spaces,
    a newsletter form, tag and follow lines, a "More ..." heading over bulleted related titles,
    a footer of inline bullets "* [n]Word * [n]Word", a copyright line, a cookie notice with its
    button, and "References" with "Visible links:" and "Hidden links:" lists."""
    w = _Words(rng)
    site = w.word(True)
    host = f"https://news.{site.lower()}.example"
    feed, skip, logo, search, button = w.word(True), w.phrase(3), w.phrase(2), w.word(True), w.word(True)
    role, role2, brk, also, letter, mail, join = w.word(True), w.word(True), w.phrase(2).upper(), w.phrase(2), \
        w.phrase(9), w.word(True), w.word(True)
    tag, follow, more, cookie, agree, credit = w.word(True), w.phrase(2), w.phrase(2), w.phrase(11), w.word(True), \
        w.word(True)
    menu = [w.word(True) for _ in range(7)]
    foot = [w.word(True) for _ in range(5)]
    nets = [w.word(True) for _ in range(3)]

    def page(lang: str, items: list[Doc]):
        en = lang == "en"
        width = rng.randint(72, 79)

        def para(text: str, indent: str = "   ") -> list[str]:
            return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent,
                                 break_on_hyphens=False, break_long_words=False)

        lines, records = [], []
        for doc in items:
            title, blocks = doc.sentences[0], sentence_blocks(doc.sentences, rng)
            others = [o.sentences[0] for o in rng.sample(items, min(4, len(items))) if o is not doc][:3]
            urls = [f"{host}/feed", f"{host}/#main", f"{host}/"] + [f"{host}/{m.lower()}" for m in menu]
            lines += [f"   #[1]{site} {feed}", "", f"   [2]{skip}", "", f"   [3][{logo}]", ""]
            lines += [f"     * [{i}]{m}" for i, m in enumerate(menu, 4)] + ["",
                      f"   {search}: ____________________ (BUTTON) {button}", "", ""]
            lines += textwrap.wrap(title, width) + [""]
            urls += [f"{host}/author/{rng.randint(10, 99)}", f"{host}/author/{rng.randint(10, 99)}"]
            d, m, y, hh, mm = date_parts(rng)
            month = (MONTHS_EN if en else MONTHS_ID)[m - 1]
            lines += [f"   {role} [{len(urls) - 1}]{rng.choice(NAMES)} | {role2} [{len(urls)}]{rng.choice(NAMES)}",
                      f"   {month} {d}, {y} {hh:02d}:{mm:02d}" if en else f"   {d} {month} {y} {hh:02d}.{mm:02d}", ""]
            if rng.random() < 0.7:
                lines += [f"   [{w.phrase(4, cap=False)}]", *para(f"{w.phrase(5)}. {credit}/{rng.choice(NAMES)}"), ""]
            quote = rng.choice([s for b in blocks for s in b]) if blocks else ""
            for k, block in enumerate(blocks):
                text = _glue_marks(" ".join(block), urls, host, rng)
                if k == 0:
                    text = f"{rng.choice(_CITIES)} — {text}"
                lines += para(text) + [""]
                if k == 1 and len(blocks) > 3 and others:
                    urls.append(f"{host}/{rng.randint(1000, 9999)}")
                    lines += [f"   {brk}", "", *para(f"{also}: [{len(urls)}]{others[0]}"), ""]
                if k == 2 and len(quote.split()) > 6 and rng.random() < 0.5:
                    lines += para(f"“{quote}”", "      ") + [""]
            lines += [*para(f"{letter}."), f"   {mail} ____________________ (BUTTON) {join}", ""]
            n = len(urls)
            tags = rng.sample(_TAGS, 2)
            urls += [f"{host}/tag/{t}" for t in tags] + [f"{host}/{x.lower()}" for x in nets]
            lines += [f"   {tag}: [{n + 1}]{tags[0]} [{n + 2}]{tags[1]}",
                      f"   {follow}: " + " ".join(f"[{n + 3 + i}]{x}" for i, x in enumerate(nets)), "", f"{more}", ""]
            for other in others:
                urls.append(f"{host}/{rng.randint(1000, 9999)}")
                lines += textwrap.wrap(f"[{len(urls)}]{other}", width, initial_indent="     * ", subsequent_indent="       ")
            n = len(urls)
            urls += [f"{host}/{f.lower()}" for f in foot]
            lines += ["", "   " + " ".join(f"* [{n + i}]{f}" for i, f in enumerate(foot, 1)),
                      f"   © {y} {site}. {w.phrase(2)}.", ""]
            urls.append(f"{host}/cookies")
            lines += [*para(f"{cookie}. [{len(urls)}]{agree} (BUTTON) {agree}"), "", "References", "", "   Visible links:"]
            lines += [f"  {i:>3}. {u}" for i, u in enumerate(urls, 1)]
            lines += ["", "   Hidden links:"] + [f"  {len(urls) + i:>3}. {host}/{w.word()}" for i in (1, 2, 3)] + ["", ""]
            records.append(block_record(doc, title, blocks))
        return lines, records

    return page_files("lynx2", by_language(docs, rng), 4, page)


LAYOUTS["lynx2"] = render_lynx2
