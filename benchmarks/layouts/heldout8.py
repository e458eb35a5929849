"""Tuning layouts (group ``TUNE``), written by another hand ("zoo8") without reading the segmenter:
variants of the four development kinds with other sites' strings and formats, for the segmenter to
be tuned on. Their first-look figures are in README.md.

* ``cityportal``: a regional portal (variant of ``portal``): masthead and "|" menu per file,
  breadcrumb, "Selasa, 12 Mar 2019 | 14:05 WIB", "Reporter: X / Editor: Y", photo captions
  credited "Foto: Name/SITE" on their own line or "(ANTARA-style FOTO/Name/abc)" at the end,
  "Bandung, Site.id — " datelines, "ADVERTISEMENT" / "Scroll untuk melanjutkan", "Klik untuk baca:"
  links, "Simak berita lainnya …" and Instagram promos, a share row and "12 Komentar".
* ``syndicated``: a regional network page with no blank lines (variant of ``kompas``): title,
  "Rabu, 13 Maret 2019 19:32 WIB", "Laporan Wartawan Site.com, Name", "SITE.COM, MEDAN - "
  datelines, captions with "(SITE.COM/NAME)", "BACA JUGA:" links, and the network closer "Artikel
  ini telah tayang di Site.com dengan judul "…", URL" with a writer/editor line and a WhatsApp promo.
* ``textdump``: pages saved with a browser's "save as text" (variant of ``wrapped``): a bulleted
  one-item-per-line menu in the site's own language for every page, text hard-wrapped at 70-76
  columns, "By NAME", "Published March 12, 2019 2:05pm EDT" (and an "Updated" line),
  "CITY — " datelines, "ADVERTISEMENT" and "Continue reading the main story" lines, a share row.
* ``bilingualwire``: a wire service's English and Indonesian services in one feed file (variant of
  ``wire``): one paragraph per line, no blank lines, section labels over some titles, date lines
  "12 Mar 2019, 14:05 GMT" and "Selasa, 12 Mar 2019 | 14:05 WIB", "JAKARTA (NusaWire) – "
  datelines, "(NUSAWIRE FOTO/Name/abc)" captions, "(Additional reporting by …; Writing by …;
  Editing by …)" closers and "Pewarta: / Editor: / COPYRIGHT ©" blocks.
"""

from __future__ import annotations

import random
import re
import textwrap

from benchmarks.layouts.common import (CITIES, DAYS_EN, DAYS_ID, MONTHS_EN, MONTHS_ID, NAMES, Doc, Page,
                                       Rendered, by_language, date_parts, render_pages)

_TOWNS = ["Bandung", "Bogor", "Bekasi", "Cirebon", "Depok", "Garut", "Sumedang", "Tasikmalaya"]


def _initials(rng: random.Random) -> str:
    return "".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=3))


def _caption(body: list[str], rng: random.Random) -> str:
    """A photo caption written from a paragraph of the article (not a gold sentence)."""
    text = rng.choice(body) if body else ""
    return text[:rng.randint(55, 95)].rsplit(" ", 1)[0].rstrip(",;:") if text else ""


def _clock12(hh: int, mm: int) -> str:
    return f"{hh % 12 or 12}:{mm:02d}{'am' if hh < 12 else 'pm'}"


def render_cityportal(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def head(page: Page) -> list[str]:
        if page.lang == "id":
            menu = "Beranda | Bandung Raya | Jabar | Nasional | Ekonomi | Olahraga | Indeks"
        else:
            menu = "Home | Greater Bandung | West Java | National | Business | Sports | Index"
        return ["KOTAKINI.ID", "Berita Terkini Jawa Barat", menu, ""]

    def foot(page: Page) -> list[str]:
        return ["Tentang Kami | Redaksi | Pedoman Media Siber | Kontak",
                f"© {rng.choice([2019, 2020])} Kotakini.id. All rights reserved.", ""]

    def article(page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        en = page.lang == "en"
        d, m, y, hh, mm = date_parts(rng)
        day = (DAYS_EN if en else DAYS_ID)[rng.randint(0, 6)]
        month = (MONTHS_EN if en else MONTHS_ID)[m - 1][:3]
        lines = []
        if rng.random() < 0.5:
            lines.append(rng.choice(["Home › National", "Home › West Java", "Home › Business"] if en else
                                    ["Beranda › Nasional", "Beranda › Jabar", "Beranda › Ekonomi"]))
        lines += [title, "", f"{day}, {d} {month} {y} | {hh:02d}:{mm:02d} WIB",
                  f"Reporter: {rng.choice(NAMES)} / Editor: {rng.choice(NAMES)}", ""]
        if body and rng.random() < 0.6:
            if rng.random() < 0.5:
                lines += [_caption(body, rng), f"{'Photo' if en else 'Foto'}: {rng.choice(NAMES)}/KOTAKINI", ""]
            else:
                lines += [f"{_caption(body, rng)}. (ANTARA FOTO/{rng.choice(NAMES)}/{_initials(rng)})", ""]
        for k, p in enumerate(body):
            if k == 0:
                p = f"{rng.choice(_TOWNS)}, Kotakini.id — {p}"
            lines += [p, ""]
            if k == 0:
                lines += ["ADVERTISEMENT", "Scroll to continue" if en else "Scroll untuk melanjutkan", ""]
            if k == 2 and rng.random() < 0.6:
                other = rng.choice(page.items).sentences[0]
                lines += [f"{'Click to read' if en else 'Klik untuk baca'}: {other}", ""]
        if en:
            promo = rng.choice(["Read more news on Kotakini.id and follow us on Instagram @kotakini.id",
                                "Follow us on Instagram @kotakini.id"])
            tail = [promo, "Share: Facebook Twitter WhatsApp", f"{rng.randint(0, 60)} Comments"]
        else:
            promo = rng.choice(["Simak berita lainnya di Kotakini.id dan ikuti kami di Instagram @kotakini.id",
                                "Simak berita lainnya di Google News"])
            tail = [promo, "Bagikan: Facebook Twitter WhatsApp", f"{rng.randint(0, 60)} Komentar"]
        return lines + tail + ["", ""]

    return render_pages("cityportal", by_language(docs, rng), 12, rng, article, head, foot)


def _slug(title: str) -> str:
    words = re.findall(r"[a-z0-9]+", title.lower())
    return "-".join(words[:9])


def render_syndicated(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def article(page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        en = page.lang == "en"
        d, m, y, hh, mm = date_parts(rng)
        reporter, writer, editor = rng.choice(NAMES), rng.choice(NAMES), rng.choice(NAMES)
        if en:
            lines = [title, f"{DAYS_EN[rng.randint(0, 6)]}, {d} {MONTHS_EN[m - 1]} {y} {hh:02d}:{mm:02d} WIB",
                     f"Report by Serambinusa.com correspondent {reporter}"]
        else:
            lines = [title, f"{DAYS_ID[rng.randint(0, 6)]}, {d} {MONTHS_ID[m - 1]} {y} {hh:02d}:{mm:02d} WIB",
                     f"Laporan Wartawan Serambinusa.com, {reporter}"]
        if body and rng.random() < 0.4:
            lines.append(f"{_caption(body, rng)} (SERAMBINUSA.COM/{rng.choice(NAMES).upper()})")
        for k, p in enumerate(body):
            if k == 0:
                p = f"SERAMBINUSA.COM, {rng.choice(CITIES)} - {p}"
            lines.append(p)
            if k in (1, 4) and rng.random() < 0.6:
                other = rng.choice(page.items).sentences[0]
                lines.append(f"{'READ ALSO' if en else 'BACA JUGA'}: {other}")
        url = f"https://www.kabarpagi.com/{'en/' if en else ''}regional/{y}/{m:02d}/{d:02d}/{_slug(title)}"
        if rng.random() < 0.5:
            lines.append(f'This article was first published on Kabarpagi.com as "{title}", {url}.' if en else
                         f'Artikel ini telah tayang di Kabarpagi.com dengan judul "{title}", {url}.')
        lines.append(f"{'Writer' if en else 'Penulis'}: {writer} | Editor: {editor}")
        lines.append("Get more news from Serambinusa.com on our WhatsApp channel here" if en else
                     "Dapatkan Informasi lain dari Serambinusa.com via saluran Whatsapp di sini")
        return lines

    return render_pages("syndicated", by_language(docs, rng), 15, rng, article)


_MENU_ID = ["Beranda", "Terkini", "Nasional", "Ekonomi", "Bola", "Tekno", "Gaya Hidup", "Indeks"]
_MENU_EN = ["Home", "World", "U.S.", "Politics", "Business", "Tech", "Opinion", "Video"]


def render_textdump(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def head(page: Page) -> list[str]:
        page.state["width"] = rng.randint(70, 76)
        return []

    def article(page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        en = page.lang == "en"
        width = page.state["width"]
        d, m, y, hh, mm = date_parts(rng)
        if en:
            lines = ["Skip to main content", "", *[f"* {item}" for item in _MENU_EN], ""]
            lines += textwrap.wrap(title, width) + ["", f"By {rng.choice(NAMES)}",
                                                    f"Published {MONTHS_EN[m - 1]} {d}, {y} {_clock12(hh, mm)} EDT"]
            if rng.random() < 0.3:
                lines.append(f"Updated {MONTHS_EN[m - 1]} {d}, {y} {_clock12(min(hh + 2, 23), mm)} EDT")
        else:
            lines = ["Langsung ke konten utama", "", *[f"* {item}" for item in _MENU_ID], ""]
            lines += textwrap.wrap(title, width) + ["", f"Oleh {rng.choice(NAMES)}",
                                                    f"Diterbitkan {DAYS_ID[rng.randint(0, 6)]}, {d} "
                                                    f"{MONTHS_ID[m - 1]} {y} - {hh:02d}.{mm:02d} WIB"]
            if rng.random() < 0.3:
                lines.append(f"Diperbarui {d} {MONTHS_ID[m - 1]} {y} - {min(hh + 2, 23):02d}.{mm:02d} WIB")
        lines.append("")
        for k, p in enumerate(body):
            if k == 0:
                p = f"{rng.choice(CITIES)} — {p}"
            lines += textwrap.wrap(p, width) + [""]
            if k == 0 or (k % 4 == 3 and k < len(body) - 1):
                lines += ["ADVERTISEMENT", ""]
                if en and k == 0:
                    lines += ["Continue reading the main story", ""]
        lines += ["Share: Facebook Twitter WhatsApp" if en else "Bagikan: Facebook Twitter WhatsApp", ""]
        return lines + ["-" * width, ""]

    return render_pages("textdump", by_language(docs, rng), 10, rng, article, head)


_SECTIONS_EN = ["World News", "Business News", "Technology News", "Environment", "Sports News"]
_SECTIONS_ID = ["Dunia", "Ekonomi", "Nasional", "Teknologi", "Olahraga"]


def render_bilingualwire(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    mixed = list(docs)
    rng.shuffle(mixed)

    def article(page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        en = doc.lang == "en"
        d, m, y, hh, mm = date_parts(rng)
        lines = []
        if rng.random() < 0.4:
            lines.append(rng.choice(_SECTIONS_EN if en else _SECTIONS_ID))
        if en:
            lines += [title, f"{d} {MONTHS_EN[m - 1][:3]} {y}, {hh:02d}:{mm:02d} GMT"]
        else:
            lines += [title, f"{DAYS_ID[rng.randint(0, 6)]}, {d} {MONTHS_ID[m - 1][:3]} {y} | {hh:02d}:{mm:02d} WIB"]
        for k, p in enumerate(body):
            if k == 0:
                city = rng.choice(CITIES)
                p = f"{city if en else city.title()} (NusaWire) – {p}"
            lines.append(p)
            if k == 0 and rng.random() < 0.3:
                lines.append(f"{'File photo' if en else 'Arsip foto'} - {_caption(body, rng)}. "
                             f"(NUSAWIRE FOTO/{rng.choice(NAMES)}/{_initials(rng)})")
        if en:
            parts = [f"Additional reporting by {rng.choice(NAMES)} in {rng.choice(CITIES).title()}"] \
                if rng.random() < 0.5 else []
            parts += [f"Writing by {rng.choice(NAMES)}", f"Editing by {rng.choice(NAMES)}"]
            return lines + [f"({'; '.join(parts)})"]
        return lines + [f"Pewarta: {rng.choice(NAMES)}", f"Editor: {rng.choice(NAMES)}", f"COPYRIGHT © NUSAWIRE {y}"]

    return render_pages("bilingualwire", {"": mixed}, 18, rng, article)


LAYOUTS = {"cityportal": render_cityportal, "syndicated": render_syndicated, "textdump": render_textdump,
           "bilingualwire": render_bilingualwire}
