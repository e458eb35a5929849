"""Test layouts (group ``TEST``): written by a separate hand ("zoo7") that never read the segmenter,
its rules files or the tuning layouts. Scored with ``python benchmarks/segment.py --test-layouts``;
no rule or constant of the segmenter may be written while looking at these files or their scores.
Site names, people, strings, date formats and promo wording are invented for this module.

The first four are variants of the four kinds issue 13 describes; the rest are other real kinds.

* ``lintas``: an Indonesian portal with an English edition: site header and tagline, section label,
  "Oleh NAME | Kamis 14/03/2019 09:12 WIB", photo captions with "(KabarLintas/Name)" credits,
  "Makassar (KabarLintas) - " datelines, "SCROLL UNTUK LANJUT MEMBACA", "Baca berita lainnya:" lines,
  "Pewarta: / Editor:" lines and a copyright line.
* ``warta``: a Kompas-like page without blank lines: "Lihat Foto" and caption, "Penulis: NAME | Editor:
  NAME", "WARTAPEDIA.com - 07/11/2019, 16:20 WIB", a WhatsApp-channel follow line, "PALEMBANG,
  WARTAPEDIA.com - " leads, "Baca selanjutnya:" lines, a newsletter promo and sometimes "Artikel ini
  telah tayang di ... dengan judul ..." naming the article's own title.
* ``kinian``: a Detik-like portal saved as text hard-wrapped at 72-80 columns, a one-item-per-line
  menu over every article, "Name - kabarKini" bylines, "Kamis, 14 Mar 2019 09:12 WIB", "Foto:" captions,
  "(wdy/rfs)" initials closers and a "Berita Terkait" list.
* ``kilat``: a wire feed, one paragraph per line, no blank lines: date lines "18 Mar 2019 14:05 GMT"
  / "Senin, 18/03/2019 14:05 WIB" (sometimes an "Updated" line), "MAKASSAR, March 18 (Kilat) - "
  datelines, captions credited "(KILAT/Name)" or "KILAT/Name/File Photo", "(Reporting by ...;
  Editing by ...)" closers and an "Our Standards" line.
* ``ledger``: an English daily with an Indonesian edition: masthead and page date, section label,
  "By A and B", "March 18, 2019 2:05 PM · 4 min read", a share line, a "Most read" sidebar pasted into
  the article (numbers and titles of other articles on separate lines), comment counts and topics.
* ``cakrawala``: saved HTML pages of a portal (one article per .html file, both versions of each
  story): cookie banner, nav, breadcrumbs, figure captions, a related box inside the body, tags,
  share buttons, a "Terpopuler"/"Most popular" sidebar, scripts and a footer.
* ``inkwell``: a Medium-like blogging platform copied page by page: "Open in app", author and
  "Follow", "Published in ...", "5 min read · Mar 18, 2019", clap and response counts, "Listen",
  "Share", "Written by", followers and "More from NAME" titles; mixed English and Indonesian posts.
* ``serumpun``: a scraper's dump of Indonesian (and English) portals with a Malaysian site's Malay
  articles mixed into the same files: "Sumber:" lines, date lines; Malay articles are gold ``ms``.
"""

from __future__ import annotations

import html
import random
import textwrap

from benchmarks.layouts.common import Doc, Page, Rendered, by_language, gold, render_pages

_PEOPLE = ["Yohanes Siregar", "Ratna Kusumawati", "Fajar Ramadhan", "Nurul Hidayah", "Michael Tan",
           "Sarah Whitfield", "Bayu Aji Pamungkas", "Lestiani Putri", "Daniel O'Brien", "Wahyu Setiawan",
           "Citra Maharani", "Robert Kingsley", "Ikhsan Maulana", "Priya Raman", "Gregorius Lakon",
           "Anisa Fitriani"]
_CITIES = ["Makassar", "Pontianak", "Denpasar", "Kupang", "Ambon", "Manado", "Padang", "Semarang",
           "Yogyakarta", "Balikpapan", "Tokyo", "Canberra", "Geneva", "Bangkok"]
_MON_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_MONTH_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
_MON_ID = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
_MONTH_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
             "Oktober", "November", "Desember"]
_DAY_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_DAY_ID = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
_CAPTION_ID = ["Suasana ruang sidang di {city}, {day} ({d}/{m}/{y})",
               "Warga melintas di depan gedung pemerintahan di {city}, {day} ({d}/{m}/{y})",
               "Petugas memeriksa dokumen di kantor pelayanan {city}, {day} ({d}/{m}/{y})",
               "Sejumlah pengunjung berada di area pameran di {city}, {day} ({d}/{m}/{y})",
               "Kendaraan melintas di jalan protokol {city}, {day} ({d}/{m}/{y})",
               "Ilustrasi"]
_CAPTION_EN = ["A courtroom in {city} on {day}, {month} {d}, {y}",
               "People walk past a government building in {city} on {day}, {month} {d}, {y}",
               "Officials check documents at a service office in {city} on {day}, {month} {d}, {y}",
               "Visitors at an exhibition in {city} on {day}, {month} {d}, {y}",
               "Vehicles pass along a main road in {city} on {day}, {month} {d}, {y}",
               "Illustration"]


def _when(rng: random.Random) -> tuple[int, int, int, int, int, int]:
    """Day, month, year, hour, minute and weekday index."""
    return rng.randint(1, 28), rng.randint(1, 12), rng.choice([2018, 2019, 2020]), rng.randint(0, 23), \
        rng.randint(0, 59), rng.randint(0, 6)


def _paras(sentences: list[str], rng: random.Random) -> tuple[str, list[str]]:
    """The title, then the body as paragraphs of 1-4 sentences."""
    body, i = [], 1
    while i < len(sentences):
        k = rng.choice([1, 1, 2, 2, 3, 4])
        body.append(" ".join(sentences[i:i + k]))
        i += k
    return sentences[0], body


def _caption(en: bool, rng: random.Random) -> str:
    d, m, y, _hh, _mm, wd = _when(rng)
    city = rng.choice(_CITIES)
    template = rng.choice(_CAPTION_EN if en else _CAPTION_ID)
    return template.format(city=city, day=(_DAY_EN if en else _DAY_ID)[wd], d=d, m=m, y=y,
                           month=_MONTH_EN[m - 1])


def _other_title(page: Page, doc: Doc, rng: random.Random) -> str:
    """The title of another article of the same group (links never point to the page itself)."""
    while True:
        other = rng.choice(page.items)
        if other is not doc:
            return other.sentences[0]


def _initials(rng: random.Random) -> str:
    letters = "abcdefghijklmnoprstuwy"
    return "".join(rng.choice(letters) for _ in range(3)) + "/" + "".join(rng.choice(letters) for _ in range(3))


def _pages(prefix: str, docs: list[Doc], size: int, rng: random.Random, article, head=None, foot=None):
    """Like ``render_pages`` but with this module's paragraphing (1-4 sentences a paragraph)."""
    def wrapped(page: Page, k: int, doc: Doc, _title: str, _body: list[str]) -> list[str]:
        title, body = _paras(doc.sentences, rng)
        return article(page, k, doc, title, body)
    return render_pages(prefix, by_language(docs, rng), size, rng, wrapped, head, foot)


def render_lintas(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    sections_id = ["Nasional", "Ekonomi", "Internasional", "Teknologi", "Olahraga", "Sains"]
    sections_en = ["National", "Economy", "World", "Tech", "Sports", "Science"]

    def article(page: Page, _k: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        en = page.lang == "en"
        d, m, y, hh, mm, wd = _when(rng)
        lines = ["KABARLINTAS.ID" if not en else "KABARLINTAS.ID | ENGLISH"]
        if rng.random() < 0.5:
            lines.append("Fast, Accurate, Balanced" if en else "Cepat, Akurat, Berimbang")
        lines += ["", rng.choice(sections_en if en else sections_id), "", title, ""]
        if en:
            lines += [f"By {rng.choice(_PEOPLE)} | {_DAY_EN[wd]} {d:02d}/{m:02d}/{y} {hh:02d}:{mm:02d} WIB", ""]
        else:
            lines += [f"Oleh {rng.choice(_PEOPLE)} | {_DAY_ID[wd]} {d:02d}/{m:02d}/{y} {hh:02d}:{mm:02d} WIB", ""]
        if rng.random() < 0.7:
            credit = rng.choice(["KabarLintas", "KABARLINTAS"])
            lines += [f"{_caption(en, rng)}. ({credit}/{rng.choice(_PEOPLE)})", ""]
        related_at = rng.randint(1, 3)
        for k, p in enumerate(body):
            if k == 0:
                p = f"{rng.choice(_CITIES)} (KabarLintas) - {p}"
            lines += [p, ""]
            if k == 0 and len(body) > 1:
                lines += ["SCROLL DOWN TO KEEP READING" if en else "SCROLL UNTUK LANJUT MEMBACA", ""]
            if k == related_at and k < len(body) - 1 and rng.random() < 0.7:
                other = _other_title(page, doc, rng)
                lines += [f"See also: {other}" if en else f"Baca berita lainnya: {other}", ""]
        if en:
            lines += [f"Reporter: {rng.choice(_PEOPLE)}", f"Editor: {rng.choice(_PEOPLE)}",
                      f"© {y} KabarLintas. All rights reserved."]
        else:
            lines += [f"Pewarta: {rng.choice(_PEOPLE)}", f"Editor: {rng.choice(_PEOPLE)}",
                      f"© {y} KabarLintas. Hak cipta dilindungi undang-undang."]
        return lines + ["", ""]

    return _pages("lintas", docs, 14, rng, article)


def render_warta(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def article(page: Page, _k: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        en = page.lang == "en"
        d, m, y, hh, mm, _wd = _when(rng)
        lines = [title]
        if rng.random() < 0.4:
            lines += ["See Photo" if en else "Lihat Foto",
                      f"{_caption(en, rng)}. (WARTAPEDIA.com/{rng.choice(_PEOPLE).split()[0].upper()})"]
        who = "Writer" if en else "Penulis"
        lines += [f"{who}: {rng.choice(_PEOPLE)} | Editor: {rng.choice(_PEOPLE)}",
                  f"WARTAPEDIA.com - {d:02d}/{m:02d}/{y}, {hh:02d}:{mm:02d} WIB",
                  "Follow WARTAPEDIA on our WhatsApp channel for the latest updates" if en else
                  "Simak berita pilihan WARTAPEDIA lewat saluran WhatsApp kami"]
        for k, p in enumerate(body):
            if k == 0:
                lead = rng.choice([f"{rng.choice(_CITIES).upper()}, WARTAPEDIA.com - ", "WARTAPEDIA.com - "])
                p = lead + p
            lines.append(p)
            if k in (1, 4) and k < len(body) - 1:
                other = _other_title(page, doc, rng)
                lines.append(f"Read next: {other}" if en else f"Baca selanjutnya: {other}")
        if rng.random() < 0.25:
            lines.append(f'This article first appeared on Wartapedia.com under the title "{title}"' if en else
                         f'Artikel ini telah tayang di Wartapedia.com dengan judul "{title}"')
        lines.append("Get a roundup of the day's news straight to your inbox. Sign up for the free WARTAPEDIA "
                     "newsletter now." if en else
                     "Dapatkan ringkasan berita hari ini langsung di kotak masuk Anda. Daftar newsletter "
                     "WARTAPEDIA gratis sekarang.")
        return lines

    return _pages("warta", docs, 13, rng, article)


_MENU7_ID = ["kabarKini", "Depan", "Nasional", "Pasar", "Sepakbola", "Otomotif", "Gawai", "Gaya", "Galeri",
             "Tonton", "Arsip"]
_MENU7_EN = ["kabarKini", "Front Page", "Nation", "Markets", "Football", "Motoring", "Gadgets", "Living",
             "Gallery", "Watch", "Archive"]


def render_kinian(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def head(page: Page) -> list[str]:
        page.state["width"] = rng.randint(72, 80)
        return []

    def article(page: Page, _k: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        en = page.lang == "en"
        width = page.state["width"]
        d, m, y, hh, mm, wd = _when(rng)
        menu = _MENU7_EN if en else _MENU7_ID
        lines = [*menu, "", f"kabarKini {rng.choice(menu[2:6])}", ""]
        lines += textwrap.wrap(title, width) + [""]
        stamp = (f"{_DAY_EN[wd]}, {d:02d} {_MON_EN[m - 1]} {y} {hh:02d}:{mm:02d} WIB" if en else
                 f"{_DAY_ID[wd]}, {d:02d} {_MON_ID[m - 1]} {y} {hh:02d}:{mm:02d} WIB")
        lines += [f"{rng.choice(_PEOPLE)} - kabarKini", stamp, ""]
        if rng.random() < 0.35:
            lines += textwrap.wrap(f"{_caption(en, rng)}. {'Photo' if en else 'Foto'}: "
                                   f"{rng.choice(_PEOPLE)}/kabarKini", width) + [""]
        for k, p in enumerate(body):
            if k == 0:
                p = f"{rng.choice(_CITIES)} - {p}"
            lines += textwrap.wrap(p, width) + [""]
        lines += [f"({_initials(rng)})", ""]
        if rng.random() < 0.5:
            lines += ["Related Stories" if en else "Berita Terkait"]
            for _ in range(3):
                lines.append(textwrap.shorten(_other_title(page, doc, rng), width, placeholder="..."))
            lines.append("")
        return lines + [""]

    def foot(page: Page) -> list[str]:
        return ["Copyright @ 2019 kabarKini.com, All rights reserved" if page.lang == "en" else
                "Hak Cipta @ 2019 kabarKini.com, Seluruh hak dilindungi", ""]

    return _pages("kinian", docs, 11, rng, article, head, foot)


def render_kilat(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def article(page: Page, _k: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        en = page.lang == "en"
        d, m, y, hh, mm, wd = _when(rng)
        city = rng.choice(_CITIES)
        if en:
            stamp = f"{d} {_MON_EN[m - 1]} {y} {hh:02d}:{mm:02d} GMT"
            updated = f"Updated {d} {_MON_EN[m - 1]} {y} {(hh + 2) % 24:02d}:{mm:02d} GMT"
            lead = f"{city.upper()}, {_MONTH_EN[m - 1]} {d} (Kilat) - "
            names = rng.sample(_PEOPLE, 4)
            closer = rng.choice([f"(Reporting by {names[0]}; Editing by {names[1]})",
                                 f"(Reporting by {names[0]} and {names[1]}; Editing by {names[2]})",
                                 f"(Reporting by {names[0]}; Additional reporting by {names[1]} in "
                                 f"{rng.choice(_CITIES)}; Editing by {names[2]} and {names[3]})"])
        else:
            stamp = f"{_DAY_ID[wd]}, {d:02d}/{m:02d}/{y} {hh:02d}:{mm:02d} WIB"
            updated = f"Diperbarui {_DAY_ID[wd]}, {d:02d}/{m:02d}/{y} {(hh + 2) % 24:02d}:{mm:02d} WIB"
            lead = f"{city.upper()}, {d}/{m} (Kilat) - "
            names = rng.sample(_PEOPLE, 3)
            closer = rng.choice([f"(Laporan oleh {names[0]}; Disunting oleh {names[1]})",
                                 f"(Laporan: {names[0]} dan {names[1]}; Penyunting: {names[2]})"])
        stamps = [stamp, updated] if rng.random() < 0.3 else [stamp]
        lines = [*stamps, title] if rng.random() < 0.5 else [title, *stamps]
        if rng.random() < 0.4:
            credit = rng.choice([f"(KILAT/{rng.choice(_PEOPLE)})", f"KILAT/{rng.choice(_PEOPLE)}/File Photo"])
            prefix = "FILE PHOTO: " if en and rng.random() < 0.5 else ""
            lines.append(f"{prefix}{_caption(en, rng)}. {credit}")
        for k, p in enumerate(body):
            lines.append(lead + p if k == 0 else p)
        lines.append(closer)
        if en and rng.random() < 0.5:
            lines.append("Our Standards: The Kilat Editorial Code.")
        return lines

    return _pages("kilat", docs, 18, rng, article)


def render_ledger(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    sections_en = ["World", "Asia & Pacific", "Business", "Science", "Sport", "Health"]
    sections_id = ["Dunia", "Asia Pasifik", "Bisnis", "Sains", "Olahraga", "Kesehatan"]
    topics_en = ["Economy", "Elections", "Climate", "Technology", "Football", "Health care", "Courts"]
    topics_id = ["Ekonomi", "Pemilu", "Iklim", "Teknologi", "Sepak bola", "Layanan kesehatan", "Pengadilan"]

    def head(page: Page) -> list[str]:
        d, m, y, _hh, _mm, wd = _when(rng)
        page.state["masthead"] = "THE EQUATOR LEDGER" if page.lang == "en" else "LEDGER KHATULISTIWA"
        page.state["date"] = (f"{_DAY_EN[wd]}, {_MONTH_EN[m - 1]} {d}, {y}" if page.lang == "en" else
                              f"{_DAY_ID[wd]}, {d} {_MONTH_ID[m - 1]} {y}")
        return []

    def article(page: Page, _k: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        en = page.lang == "en"
        d, m, y, hh, mm, _wd = _when(rng)
        a, b = rng.sample(_PEOPLE, 2)
        words = len(" ".join(doc.sentences).split())
        minutes = max(1, round(words / 200))
        lines = [page.state["masthead"], page.state["date"], "",
                 rng.choice(sections_en if en else sections_id), "", title, ""]
        if en:
            by = f"By {a} and {b}" if rng.random() < 0.4 else f"By {a}"
            stamp = f"{_MONTH_EN[m - 1]} {d}, {y} {hh % 12 + 1}:{mm:02d} {'AM' if hh < 12 else 'PM'} · {minutes} min read"
            share = "Share  |  Post  |  Email"
        else:
            by = f"Oleh {a} dan {b}" if rng.random() < 0.4 else f"Oleh {a}"
            stamp = f"{d} {_MONTH_ID[m - 1]} {y} {hh:02d}.{mm:02d} · {minutes} menit baca"
            share = "Bagikan  |  Unggah  |  Surel"
        lines += [by, stamp, "", share, ""]
        sidebar_at = rng.randint(1, max(1, len(body) - 1)) if rng.random() < 0.6 else -1
        for k, p in enumerate(body):
            if k == sidebar_at:
                lines += ["Most read" if en else "Terpopuler"]
                for n in range(1, 6):
                    lines += [str(n), _other_title(page, doc, rng)]
                lines += [""]
            lines += [p, ""]
        if rng.random() < 0.5:
            count = rng.randint(2, 180)
            lines += [f"{count} comments" if en else f"{count} komentar", ""]
        picks = rng.sample(topics_en if en else topics_id, 2)
        lines += [("Topics: " if en else "Topik: ") + ", ".join(picks), "", ""]
        return lines

    return _pages("ledger", docs, 12, rng, article, head)


def render_cakrawala(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    by_key: dict[str, dict[str, Doc]] = {}
    for doc in docs:
        by_key.setdefault(doc.key, {})[doc.lang] = doc
    keys = sorted(k for k, v in by_key.items() if len(v) == 2)
    rng.shuffle(keys)
    esc = html.escape
    out = []
    for n, key in enumerate(keys[:40]):
        for lang in ("en", "id"):
            doc = by_key[key][lang]
            en = lang == "en"
            title, body = _paras(doc.sentences, rng)
            d, m, y, hh, mm, wd = _when(rng)
            menu = (["Home", "News", "Business", "Regions", "Tech", "Sport", "Opinion", "Video"] if en else
                    ["Beranda", "Berita", "Bisnis", "Daerah", "Tekno", "Olahraga", "Opini", "Video"])
            section = rng.choice(menu[1:6])
            pool = [other for other in docs if other.lang == lang and other.key != key]
            popular = [rng.choice(pool).sentences[0] for _ in range(5)]
            related = rng.choice(pool).sentences[0]
            stamp = (f"{_DAY_EN[wd]}, {_MONTH_EN[m - 1]} {d}, {y} - {hh:02d}:{mm:02d} WIB" if en else
                     f"{_DAY_ID[wd]}, {d} {_MONTH_ID[m - 1]} {y} - {hh:02d}:{mm:02d} WIB")
            lang_attr = f' lang="{"en" if en else "id"}"' if rng.random() < 0.7 else ""
            parts = ["<!DOCTYPE html>", f"<html{lang_attr}>", "<head>", '<meta charset="utf-8">',
                     f"<title>{esc(title)} | Suara Cakrawala</title>",
                     f'<meta property="og:title" content="{esc(title)}">',
                     f'<meta name="description" content="{esc(body[0][:150]) if body else ""}">',
                     '<link rel="stylesheet" href="/static/css/main.min.css">',
                     "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
                     "gtag('js',new Date());</script>", "</head>", "<body>",
                     '<div id="cookie-banner" class="cookie">' + (
                         "We use cookies to improve your experience. <button>Accept</button>" if en else
                         "Kami menggunakan cookie untuk meningkatkan pengalaman Anda. <button>Setuju</button>")
                     + "</div>",
                     '<header class="site-header"><a class="logo" href="/">Suara Cakrawala</a>',
                     '<nav class="main-nav"><ul>',
                     *[f'<li><a href="/{item.lower()}">{item}</a></li>' for item in menu],
                     "</ul></nav>",
                     '<form class="search"><input type="text" placeholder="' + ("Search" if en else "Cari")
                     + '"></form></header>',
                     '<div class="container"><main>',
                     f'<ol class="breadcrumb"><li><a href="/">{menu[0]}</a></li>'
                     f'<li><a href="/{section.lower()}">{section}</a></li></ol>',
                     '<article class="post">', f'<h1 class="post-title">{esc(title)}</h1>',
                     f'<div class="post-meta"><span class="author">{rng.choice(_PEOPLE)}</span> '
                     f'<time datetime="{y}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}:00+07:00">{stamp}</time></div>',
                     '<div class="share"><a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a> '
                     '<a href="#">' + ("Copy link" if en else "Salin tautan") + "</a></div>"]
            if rng.random() < 0.6:
                parts += ['<figure class="post-image"><img src="/img/photo.jpg" alt="">',
                          f"<figcaption>{esc(_caption(en, rng))}. (Suara Cakrawala/"
                          f"{esc(rng.choice(_PEOPLE))})</figcaption></figure>"]
            parts.append('<div class="post-body">')
            box_at = rng.randint(1, 3)
            for k, p in enumerate(body):
                parts.append(f"<p>{esc(p)}</p>")
                if k == box_at and k < len(body) - 1:
                    parts.append('<div class="related-inline"><strong>' + ("Also read:" if en else "Baca juga:")
                                 + f'</strong> <a href="/r/{n}">{esc(related)}</a></div>')
            tags = rng.sample(["politik", "ekonomi", "pendidikan", "kesehatan", "teknologi", "lingkungan"], 3)
            parts += ["</div>", '<div class="tags"><span>' + ("Tags:" if en else "Tag:") + "</span> "
                      + " ".join(f'<a href="/tag/{t}">{t}</a>' for t in tags) + "</div>",
                      f'<div class="comments"><h3>{"Comments" if en else "Komentar"} ({rng.randint(0, 40)})</h3>'
                      '<p>' + ("Log in to comment." if en else "Masuk untuk berkomentar.") + "</p></div>",
                      "</article></main>", '<aside class="sidebar"><section class="popular"><h2>'
                      + ("Most popular" if en else "Terpopuler") + "</h2><ol>",
                      *[f'<li><a href="/p/{k}">{esc(t)}</a></li>' for k, t in enumerate(popular)],
                      "</ol></section>", '<section class="newsletter"><h2>Newsletter</h2><p>'
                      + ("Get our top stories every morning." if en else "Dapatkan berita utama kami setiap pagi.")
                      + '</p><input type="email"><button>' + ("Subscribe" if en else "Langganan")
                      + "</button></section></aside></div>",
                      '<footer class="site-footer"><p>Jl. Cempaka Putih Raya No. 18, Jakarta Pusat 10510</p>'
                      f"<p>© {y} Suara Cakrawala. " + ("All rights reserved." if en else "Hak cipta dilindungi.")
                      + "</p><ul>" + "".join(f'<li><a href="/{x}">{x.title()}</a></li>'
                                             for x in (["about", "privacy", "contact"] if en else
                                                       ["redaksi", "pedoman", "kontak"]))
                      + "</ul></footer>", '<script src="/static/js/app.js"></script>', "</body>", "</html>"]
            out.append(Rendered(f"cakrawala-{n:03d}-{lang}.html", "\n".join(parts) + "\n", [gold(doc)]))
    return out


def render_inkwell(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    publications = ["Tropic Notes", "The Slow Lane", "Catatan Senja", "Data & Daily Life"]

    def claps() -> str:
        n = rng.randint(3, 4800)
        return f"{n / 1000:.1f}K" if n >= 1000 else str(n)

    def article(page: Page, _k: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        d, m, y, _hh, _mm, _wd = _when(rng)
        author = rng.choice(_PEOPLE)
        minutes = max(1, round(len(" ".join(doc.sentences).split()) / 230))
        lines = ["Open in app", "Sign up", "Sign in", "Write", "", title, "", author, "Follow", ""]
        if rng.random() < 0.4:
            lines += [f"Published in {rng.choice(publications)}"]
        lines += [f"{minutes} min read · {_MON_EN[m - 1]} {d}, {y}", "", claps(), "", str(rng.randint(0, 60)),
                  "", "Listen", "", "Share", ""]
        for p in body:
            lines += [p, ""]
        lines += [claps(), "", str(rng.randint(0, 60)), "", f"Written by {author}",
                  f"{rng.randint(12, 9000)} Followers", "Follow", "", f"More from {author}", ""]
        for _ in range(2):
            lines += [_other_title(page, doc, rng), f"{_MON_EN[rng.randint(0, 11)]} {rng.randint(1, 28)}", claps(), ""]
        return lines + ["See all from " + author, "", ""]

    ordered = list(docs)
    rng.shuffle(ordered)
    return render_pages("inkwell", {"": ordered}, 12, rng,
                        lambda page, k, doc, _t, _b: article(page, k, doc, *_paras(doc.sentences, rng)))


# Malay articles of a Malaysian news site, written for this test (invented events and people).
_MALAY = [
    ["Kerajaan negeri Perak akan membina dua buah jambatan baharu di daerah Kinta tahun hadapan.",
     "Menteri Besar berkata projek itu bernilai kira-kira RM45 juta dan dijangka siap dalam tempoh dua tahun.",
     "Menurutnya, jambatan sedia ada sudah uzur dan sering ditutup ketika musim tengkujuh.",
     "Penduduk kampung berhampiran menyambut baik pengumuman tersebut kerana mereka terpaksa melalui jalan jauh "
     "setiap kali banjir.",
     "Kerja-kerja ukur tanah dijadualkan bermula pada bulan Mac.",
     "Beliau turut memberi jaminan bahawa kontraktor akan dipilih melalui tender terbuka."],
    ["Seramai 1,200 peserta menyertai larian amal di Putrajaya pada pagi Ahad bagi mengutip dana untuk pesakit "
     "buah pinggang.",
     "Penganjur memaklumkan bahawa kutipan tahun ini melebihi sasaran sebanyak RM80,000.",
     "Larian sejauh 10 kilometer itu bermula di hadapan Masjid Putra dan berakhir di Presint 3.",
     "Seorang peserta warga emas berusia 71 tahun turut menamatkan larian dalam masa kurang dua jam.",
     "Wang yang dikumpul akan disalurkan kepada tiga buah pusat hemodialisis di Lembah Klang."],
    ["Harga minyak sawit mentah niaga hadapan ditutup lebih rendah pada hari Khamis susulan permintaan yang lemah "
     "dari India.",
     "Seorang peniaga di Kuala Lumpur berkata pelabur masih berhati-hati menjelang data eksport bulanan.",
     "Kontrak penanda aras untuk penghantaran bulan Jun susut RM18 kepada RM2,214 setan.",
     "Ringgit yang lebih kukuh berbanding dolar Amerika turut menjejaskan minat pembeli asing.",
     "Penganalisis menjangkakan harga akan bergerak dalam julat yang kecil sepanjang minggu depan."],
    ["Pihak berkuasa tempatan di Kuching merobohkan 14 buah gerai haram di tepi Sungai Sarawak semalam.",
     "Datuk Bandar berkata notis telah dikeluarkan sejak tiga bulan lalu tetapi peniaga enggan berpindah.",
     "Kesemua peniaga yang terjejas ditawarkan tapak baharu di pasar awam berhampiran dengan kadar sewa yang rendah.",
     "Sebahagian peniaga mendakwa lokasi baharu itu kurang dikunjungi pelanggan.",
     "Majlis bandaraya berjanji akan mengkaji semula cadangan tersebut dalam mesyuarat akan datang."],
    ["Kementerian Kesihatan melaporkan penurunan kes denggi sebanyak 30 peratus berbanding tempoh yang sama tahun "
     "lalu.",
     "Walau bagaimanapun, Selangor masih mencatatkan jumlah kes tertinggi di negara ini.",
     "Ketua Pengarah Kesihatan menasihati orang ramai supaya memusnahkan tempat pembiakan nyamuk di sekitar rumah.",
     "Operasi semburan kabus akan dipergiatkan di kawasan perumahan yang padat.",
     "Beliau menegaskan bahawa kerjasama masyarakat amat penting untuk memutuskan rantaian jangkitan.",
     "Orang ramai yang mengalami demam berpanjangan dinasihatkan segera mendapatkan rawatan di klinik."],
    ["Pasukan bola sepak Kedah mara ke separuh akhir Piala Malaysia selepas menewaskan Terengganu 2-1 di Stadium "
     "Darul Aman.",
     "Kedua-dua gol Kedah dijaringkan pada separuh masa kedua oleh penyerang import mereka.",
     "Terengganu sempat merapatkan jurang menerusi sepakan penalti pada minit ke-88.",
     "Jurulatih Kedah memuji semangat juang anak-anak buahnya walaupun bermain dengan sepuluh orang.",
     "Lebih 25,000 penyokong membanjiri stadium untuk menyaksikan perlawanan itu."],
    ["Sebuah syarikat teknologi tempatan melancarkan aplikasi yang membantu petani memantau tanaman padi melalui "
     "telefon pintar.",
     "Aplikasi itu menggunakan gambar satelit untuk mengesan kawasan sawah yang kekurangan air.",
     "Pengasasnya berkata lebih 3,000 petani di Kedah dan Perlis sudah mendaftar sejak ujian rintis bermula.",
     "Perkhidmatan asas ditawarkan secara percuma manakala ciri tambahan dikenakan bayaran bulanan.",
     "Syarikat itu merancang untuk memperluas perkhidmatannya ke Sabah dan Sarawak tahun depan."],
    ["Mahkamah Sesyen di Shah Alam menjatuhkan hukuman penjara lima tahun ke atas seorang bekas pengurus bank "
     "kerana pecah amanah.",
     "Tertuduh didapati bersalah menyeleweng wang pelanggan berjumlah RM1.3 juta antara tahun 2015 dan 2017.",
     "Hakim turut memerintahkan tertuduh membayar denda sebanyak RM200,000.",
     "Peguam bela memaklumkan bahawa anak guamnya akan memfailkan rayuan di Mahkamah Tinggi.",
     "Tertuduh dibenarkan diikat jamin sementara menunggu rayuan didengar."],
    ["Lebih 400 orang penduduk di Kemaman dipindahkan ke pusat pemindahan sementara selepas hujan lebat sejak "
     "malam tadi.",
     "Paras air Sungai Kemaman dilaporkan melepasi paras bahaya pada jam 6 pagi.",
     "Agensi Pengurusan Bencana Negara berkata bilangan mangsa dijangka bertambah jika hujan berterusan.",
     "Bekalan makanan dan selimut telah dihantar ke semua pusat pemindahan yang dibuka.",
     "Pemandu juga dinasihatkan supaya tidak menggunakan jalan persekutuan yang ditenggelami air."],
    ["Universiti awam di negara ini akan menawarkan lebih banyak kursus dalam bidang kecerdasan buatan mulai "
     "sesi akademik baharu.",
     "Menteri Pengajian Tinggi berkata langkah itu bertujuan memenuhi keperluan industri yang semakin meningkat.",
     "Sebanyak lapan universiti telah mengemukakan cadangan program ijazah sarjana muda yang berkaitan.",
     "Pelajar juga digalakkan menjalani latihan industri di syarikat teknologi sepanjang pengajian mereka.",
     "Beliau berkata kerajaan akan memperuntukkan dana khas bagi menaik taraf makmal komputer."],
    ["Polis Diraja Malaysia menahan tiga lelaki tempatan yang dipercayai terlibat dalam sindiket penipuan pelaburan "
     "dalam talian.",
     "Kesemua suspek yang berusia antara 24 dan 35 tahun ditahan dalam serbuan di sebuah kondominium di Cheras.",
     "Sindiket itu dipercayai memperdaya lebih 60 mangsa dengan kerugian keseluruhan kira-kira RM2 juta.",
     "Polis turut merampas sembilan telefon bimbit, dua komputer riba dan beberapa kad bank.",
     "Orang ramai diingatkan supaya menyemak kesahihan mana-mana skim pelaburan sebelum menyerahkan wang."],
    ["Tarikan pelancong ke Pulau Langkawi meningkat mendadak sepanjang cuti sekolah yang lalu.",
     "Pengusaha hotel melaporkan kadar penginapan mencecah 90 peratus pada hujung minggu.",
     "Perkhidmatan feri dari Kuala Perlis dan Kuala Kedah turut ditambah bagi menampung jumlah penumpang.",
     "Namun begitu, sesetengah pengunjung merungut tentang kesesakan di jeti dan harga makanan yang tinggi.",
     "Pihak berkuasa tempatan berkata pemantauan harga akan dipertingkatkan sepanjang musim perayaan."],
]


def render_serumpun(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    malay = [Doc(f"ms-{k:02d}", "ms", sents) for k, sents in enumerate(_MALAY)]
    rng.shuffle(malay)
    groups = by_language(docs, rng)
    sources = {"en": ["kabarlintas.id/en", "equatorledger.com", "semenanjungpost.my/en"],
               "id": ["kabarlintas.id", "wartapedia.com", "kabarkini.com"]}
    out = []
    for lang, items in groups.items():
        files = [items[i:i + 16] for i in range(0, len(items), 16)]
        if lang == "id":  # the Malay site's articles land in the Indonesian files
            for k, doc in enumerate(malay):
                chunk = files[k % len(files)]
                chunk.insert(rng.randint(0, len(chunk)), doc)
        for n, chunk in enumerate(files):
            lines: list[str] = []
            for doc in chunk:
                title, body = _paras(doc.sentences, rng)
                d, m, y, hh, mm, wd = _when(rng)
                if doc.lang == "ms":
                    source = "beritasemenanjung.my"
                    stamp = f"{['Isnin', 'Selasa', 'Rabu', 'Khamis', 'Jumaat', 'Sabtu', 'Ahad'][wd]}, {d} " \
                            f"{['Jan', 'Feb', 'Mac', 'Apr', 'Mei', 'Jun', 'Jul', 'Ogos', 'Sep', 'Okt', 'Nov', 'Dis'][m - 1]}" \
                            f" {y} | {hh % 12 + 1}:{mm:02d}{'pagi' if hh < 12 else 'petang'}"
                    body = [f"{rng.choice(['KUALA LUMPUR', 'IPOH', 'KUCHING', 'ALOR SETAR'])}: {body[0]}", *body[1:]]
                elif lang == "en":
                    source = rng.choice(sources["en"])
                    stamp = f"{_DAY_EN[wd]}, {d} {_MONTH_EN[m - 1]} {y} {hh:02d}:{mm:02d}"
                else:
                    source = rng.choice(sources["id"])
                    stamp = f"{_DAY_ID[wd]}, {d} {_MONTH_ID[m - 1]} {y} {hh:02d}:{mm:02d} WIB"
                lines += [f"Sumber: {source}" if lang == "id" else f"Source: {source}", title, stamp, ""]
                for p in body:
                    lines += [p, ""]
                lines += ["-----", ""]
            out.append(Rendered(f"serumpun-{lang}-{n:02d}.txt", "\n".join(lines) + "\n",
                                [gold(doc) for doc in chunk]))
    return out


LAYOUTS = {"lintas": render_lintas, "warta": render_warta, "kinian": render_kinian, "kilat": render_kilat,
           "ledger": render_ledger, "cakrawala": render_cakrawala, "inkwell": render_inkwell,
           "serumpun": render_serumpun}
