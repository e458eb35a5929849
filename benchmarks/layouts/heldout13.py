"""Third set of test layouts (group ``TEST13``, label ``test13``), written by a separate hand ("zoo13")
without reading the segmenter: kinds of news sources the zoo lacked, with invented site names and
strings. Test material only: kept out of ``ALL``, never tuned on (see README.md, "heldout13").

* ``wayback``: pages of two news sites saved from a web archive, the archive's toolbar text above
  each captured page.
* ``factcheck``: a fact-checking desk's pages.
* ``opinion``: an opinion/column section.
* ``wikinews``: pages copied from a wiki-based citizen news site.
* ``paywall``: a subscription daily saved by a subscriber.
* ``mailarchive``: mailing-list archive pages (Mailman/pipermail style) of lists forwarding news.

Gold is the article text only: the title and the body sentences, in text order, each verbatim in the
file text.
"""

from __future__ import annotations

import random
import re

from benchmarks.layouts.common import (DAYS_EN, DAYS_ID, MONTHS_EN, MONTHS_ID, NAMES, Doc, Page, Rendered,
                                       by_language, date_parts, render_pages)

_EXTRA_NAMES = ["Yohanes Tampubolon", "Nadia Rahmawati", "Fajar Siddiq", "Claire Donovan", "Rudi Hartono",
                "Siti Aminah", "Mark Ellison", "Wayan Sudarma", "Intan Permatasari", "Oliver Grant"]
_PEOPLE = NAMES + _EXTRA_NAMES


def _slug(title: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", title.lower())[:8])


def _other_title(page: Page, doc: Doc, rng: random.Random) -> str:
    """The title of another article of the same language (for link lists)."""
    while True:
        other = rng.choice(page.items)
        if other.key != doc.key:
            return other.sentences[0]


def _date_en(d: int, m: int, y: int) -> str:
    return f"{MONTHS_EN[m - 1]} {d}, {y}"


def _date_id(d: int, m: int, y: int) -> str:
    return f"{d} {MONTHS_ID[m - 1]} {y}"


# --- wayback: archive captures --------------------------------------------------------------------

_ARCHIVE_MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
_SITES_WB = {
    "en": [("harianlentera.id", "HARIAN LENTERA", "en", ["News", "Business", "Regions", "Sports", "Lifestyle"]),
           ("thenusantaraobserver.com", "The Nusantara Observer", "", ["World", "Asia", "Indonesia", "Markets",
                                                                      "Opinion", "Science"])],
    "id": [("harianlentera.id", "HARIAN LENTERA", "", ["Beranda", "Nasional", "Ekonomi", "Daerah", "Olahraga",
                                                     "Gaya Hidup"]),
           ("kabarpesisir.com", "KabarPesisir", "", ["Home", "Berita", "Pesisir", "Hukum", "Politik", "Wisata"])],
}


def render_wayback(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def article(page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        en = page.lang == "en"
        host, mast, prefix, menu = rng.choice(_SITES_WB[page.lang])
        d, m, y, hh, mm = date_parts(rng)
        cap_y, cap_m, cap_d = y + rng.randint(0, 3), rng.randint(1, 12), rng.randint(1, 28)
        stamp = f"{cap_y}{cap_m:02d}{cap_d:02d}{rng.randint(0, 23):02d}{rng.randint(0, 59):02d}{rng.randint(0, 59):02d}"
        path = f"{prefix + '/' if prefix else ''}{rng.choice(['news', 'berita', 'read'])}/{y}/{m:02d}/{d:02d}/" \
               f"{_slug(title)}"
        url = f"https://www.{host}/{path}"
        last_y = cap_y + rng.randint(0, 3)
        lines = [f"{url}" + rng.choice(["", "\tGo"]),
                 f"{rng.randint(2, 2400):,} captures",
                 f"{d:02d} {MONTHS_EN[m - 1][:3]} {y} - {rng.randint(1, 28):02d} "
                 f"{MONTHS_EN[rng.randint(0, 11)][:3]} {last_y}",
                 "\t".join(_ARCHIVE_MONTHS[(cap_m + shift) % 12] for shift in (-2, -1, 0)),
                 f"{cap_d}",
                 f"{cap_y - 1}\t{cap_y}\t{cap_y + 1}"]
        if rng.random() < 0.6:
            lines += ["success", "fail"]
        lines += ["About this capture", "COLLECTED BY"]
        collection = rng.choice([
            ("Organization: Arsip Jaringan Nusantara",
             "Pages of Indonesian news sites crawled every day by the Nusantara web heritage project."),
            ("Collection: Southeast Asia News Crawl",
             "This crawl was run at the request of partner libraries to keep regional news pages."),
            ("Collection: Pemilu 2019 Web Collection",
             "Seeds nominated by volunteers during the 2019 general election."),
        ])
        lines += [*collection, "TIMESTAMPS", "",
                  f"The Jejakweb Machine - https://jejakweb.org/web/{stamp}/{url}", ""]
        # the captured page
        lines += [mast, " | ".join(menu), ""]
        if rng.random() < 0.5:
            lines += [(" > " if rng.random() < 0.5 else " / ").join([menu[0], rng.choice(menu[1:])]), ""]
        lines += [title, ""]
        if en:
            lines.append(f"By {rng.choice(_PEOPLE)}" + rng.choice(["", f" | {_date_en(d, m, y)}"]))
            lines.append(rng.choice([f"{DAYS_EN[rng.randint(0, 6)]}, {_date_en(d, m, y)} {hh:02d}:{mm:02d} WIB",
                                     f"Published: {d:02d}/{m:02d}/{y} {hh:02d}:{mm:02d}"]))
        else:
            lines.append(rng.choice([f"Penulis: {rng.choice(_PEOPLE)}", f"Oleh {rng.choice(_PEOPLE)}"]))
            lines.append(rng.choice([f"{DAYS_ID[rng.randint(0, 6)]}, {_date_id(d, m, y)} | {hh:02d}:{mm:02d} WIB",
                                     f"Diterbitkan: {d:02d}/{m:02d}/{y} {hh:02d}.{mm:02d}"]))
        lines.append("")
        missing = rng.random() < 0.3  # an image the archive did not keep
        for k, p in enumerate(body):
            lines += [p, ""]
            if k == 0 and missing:
                lines += [rng.choice(["[image: not archived]", "Image not available in this capture"]), ""]
            if k == 1 and len(body) > 3 and rng.random() < 0.5:
                lines += [f"{'Read also' if en else 'Baca juga'}: {_other_title(page, doc, rng)}", ""]
        lines += ["Share: Facebook | X | WhatsApp | Copy link" if en else
                  "Bagikan: Facebook | X | WhatsApp | Salin tautan",
                  "", f"Tags: {rng.choice(['#news', '#indonesia', '#jakarta'])}" if en else
                  f"Tag: {rng.choice(['#berita', '#nasional', '#daerah'])}", ""]
        if rng.random() < 0.7:
            lines += ["Latest News" if en else "Berita Terkini"]
            lines += [_other_title(page, doc, rng) for _ in range(3)]
            lines.append("")
        lines += [f"© {y} {mast.title() if mast.isupper() else mast}. "
                  + ("All rights reserved." if en else "Hak cipta dilindungi undang-undang."),
                  "About Us | Editorial Team | Cyber Media Guidelines | Contact" if en else
                  "Tentang Kami | Redaksi | Pedoman Media Siber | Kontak", "", ""]
        return lines

    return render_pages("wayback", by_language(docs, rng), 6, rng, article)


# --- factcheck: a fact-checking desk ---------------------------------------------------------------

_VERDICTS_EN = ["FALSE", "MISLEADING", "PARTLY FALSE", "TRUE", "MISSING CONTEXT"]
_VERDICTS_ID = ["SALAH", "MENYESATKAN", "SEBAGIAN SALAH", "BENAR", "KURANG KONTEKS"]


def render_factcheck(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def head(page: Page) -> list[str]:
        if page.lang == "en":
            return ["Sigaptara Check", "Home  Fact Check  Explainers  Media Literacy  About the Methodology",
                    "Send us a claim", ""]
        return ["Sigaptara Cek", "Beranda  Cek Fakta  Penjelasan  Literasi Media  Tentang Metodologi",
                "Kirim klaim", ""]

    def foot(page: Page) -> list[str]:
        if page.lang == "en":
            return ["Sigaptara Check is a verified signatory of the international fact-checkers' code of "
                    "principles.", "Corrections policy | Funding | Contact", ""]
        return ["Sigaptara Cek telah terverifikasi sebagai penanda tangan kode prinsip pemeriksa fakta "
                "internasional.", "Kebijakan Koreksi | Pendanaan | Kontak", ""]

    def article(page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        en = page.lang == "en"
        d, m, y, hh, mm = date_parts(rng)
        verdict = rng.randrange(len(_VERDICTS_EN))
        lines = [rng.choice(["FACT CHECK", "Fact Check", "Explainer"]) if en else
                 rng.choice(["CEK FAKTA", "Cek Fakta", "Penjelasan"])]
        if rng.random() < 0.5:
            lines.append(f"[{(_VERDICTS_EN if en else _VERDICTS_ID)[verdict]}]")
        lines += [title, ""]
        writer, checker = rng.sample(_PEOPLE, 2)
        if en:
            lines.append(f"Written by {writer} · Checked by {checker}")
            lines.append(f"{_date_en(d, m, y)}, {hh:02d}:{mm:02d} WIB" + rng.choice(["", " · 4 min read"]))
        else:
            lines.append(f"Penulis: {writer} · Pemeriksa: {checker}")
            lines.append(f"{_date_id(d, m, y)}, {hh:02d}.{mm:02d} WIB" + rng.choice(["", " · 4 menit baca"]))
        lines += ["", ("Rating: " if en else "Penilaian: ") + (_VERDICTS_EN if en else _VERDICTS_ID)[verdict].title(),
                  ""]
        for k, p in enumerate(body):
            lines += [p, ""]
            if k == 0 and rng.random() < 0.5:
                lines += ["(Screenshot of the post in question. Source: social media)" if en else
                          "(Tangkapan layar unggahan yang dimaksud. Sumber: media sosial)", ""]
            if k == len(body) // 2 and len(body) > 2 and rng.random() < 0.4:
                lines += [("Came across a doubtful claim? Send it to our tip line on WhatsApp +62 811-7070-3131." if en
                           else "Menemukan klaim yang meragukan? Kirimkan ke WhatsApp Sigaptara Cek "
                                "+62 811-7070-3131."),
                          ""]
        lines += ["References:" if en else "Rujukan:"]
        for n in range(rng.randint(2, 4)):
            host = rng.choice(["www.kemenkes.go.id", "data.bps.go.id", "who.int", "archive.ph"])
            lines.append(f"{n + 1}. https://{host}"
                         f"/{rng.choice(['berita', 'rilis', 'doc', 'wip'])}/{rng.randint(10000, 99999)}")
        lines.append("")
        if rng.random() < 0.6:
            lines += [("This article is part of our partnership with a social platform's third-party fact-checking "
                       "programme." if en else
                       "Artikel ini merupakan bagian dari kerja sama program pemeriksa fakta pihak ketiga dengan "
                       "platform media sosial."), ""]
        lines += [f"Related checks: {_other_title(page, doc, rng)}" if en else
                  f"Cek fakta terkait: {_other_title(page, doc, rng)}", "", "* * *", ""]
        return lines

    return render_pages("factcheck", by_language(docs, rng), 10, rng, article, head, foot)


# --- opinion: a column section ---------------------------------------------------------------------

_COLUMNISTS = [
    ("Rudi Hartono", "is a lecturer in public policy at a state university in Yogyakarta.",
     "adalah dosen kebijakan publik di sebuah universitas negeri di Yogyakarta."),
    ("Nadia Rahmawati", "is a researcher at an independent economics institute in Jakarta.",
     "adalah peneliti di sebuah lembaga kajian ekonomi independen di Jakarta."),
    ("Claire Donovan", "is a former diplomat who writes on Southeast Asian affairs.",
     "adalah mantan diplomat yang menulis tentang urusan Asia Tenggara."),
    ("Wayan Sudarma", "works as a science teacher and writes on education in Bali.",
     "adalah guru sains yang menulis tentang pendidikan di Bali."),
    ("Oliver Grant", "is a journalist and the author of two books on climate and cities.",
     "adalah jurnalis dan penulis dua buku tentang iklim dan kota."),
    ("Siti Aminah", "is a health activist and founder of a community clinic network.",
     "adalah aktivis kesehatan dan pendiri jaringan klinik komunitas."),
    ("Fajar Siddiq", "is a sports writer and a member of a football supporters' forum.",
     "adalah penulis olahraga dan anggota forum suporter sepak bola."),
]


def render_opinion(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def head(page: Page) -> list[str]:
        if page.lang == "en":
            return ["SUARAWARGA", "News  Opinion  Columns  Letters  Cartoons", "", "Opinion", ""]
        return ["SUARAWARGA", "Berita  Opini  Kolom  Surat Pembaca  Karikatur", "", "Kolom", ""]

    def article(page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        en = page.lang == "en"
        d, m, y, hh, mm = date_parts(rng)
        name, bio_en, bio_id = rng.choice(_COLUMNISTS)
        lines = []
        if rng.random() < 0.4:
            lines.append(rng.choice(["Opinion", "Column", "Guest Column"]) if en else
                         rng.choice(["Opini", "Kolom", "Kolom Tamu"]))
        lines.append(title)
        lines.append(name if rng.random() < 0.5 else (f"By {name}" if en else f"Oleh {name}"))
        lines.append(f"{DAYS_EN[rng.randint(0, 6)]}, {_date_en(d, m, y)}" if en else
                     f"{DAYS_ID[rng.randint(0, 6)]}, {_date_id(d, m, y)} {hh:02d}:{mm:02d} WIB")
        lines.append("")
        if rng.random() < 0.5:
            lines += [f"{name} (Photo: personal collection)" if en else f"{name} (Foto: Dok. Pribadi)", ""]
        for k, p in enumerate(body):
            lines += [p, ""]
            if k == 1 and len(body) > 3 and rng.random() < 0.4:
                lines += ["ADVERTISEMENT", ""]
        bio = f"{name} {bio_en if en else bio_id}"
        lines += [rng.choice([f"*) {bio}", f"*{bio}*", bio]), ""]
        if en:
            lines += ["Disclaimer: The views expressed in this column are the author's own and do not necessarily "
                      "reflect the editorial stance of Suarawarga.", ""]
            if rng.random() < 0.5:
                lines += ["Want to write for our Columns page? Send your piece of 700-1,000 words to "
                          "kolom@suarawarga.id.", ""]
            lines += [f"More columns by {name} →",
                      f"{rng.randint(100, 9000):,} reads · {rng.randint(0, 80)} comments"]
        else:
            lines += ["Disclaimer: Tulisan ini adalah opini pribadi penulis dan tidak mencerminkan pandangan redaksi "
                      "Suarawarga.", ""]
            if rng.random() < 0.5:
                lines += ["Ingin menulis di rubrik Kolom? Kirimkan tulisan 700-1.000 kata ke kolom@suarawarga.id.", ""]
            lines += [f"Tulisan lain dari {name} →",
                      f"Dibaca {rng.randint(100, 9000):,} kali · {rng.randint(0, 80)} komentar".replace(",", ".")]
        return lines + ["", "—" * 12, ""]

    return render_pages("opinion", by_language(docs, rng), 8, rng, article, head)


# --- wikinews: a wiki-based citizen news site -------------------------------------------------------

_OUTLETS = ["Pelita Harian", "Warta Sentosa", "Global Dispatch", "Island Times", "Radio Suara Timur"]


def render_wikinews(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def article(page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        en = page.lang == "en"
        d, m, y, hh, mm = date_parts(rng)
        edit = "[edit]" if en else "[sunting]"
        lines = [title,
                 "From Kabarwiki, the free news source anyone can edit" if en else
                 "Dari Kabarwiki, sumber berita bebas yang dapat disunting siapa saja",
                 "Jump to navigation Jump to search" if en else "Lompat ke navigasi Lompat ke pencarian"]
        if rng.random() < 0.3:
            lines.append("This article needs sources to be checked." if en else
                         "Artikel ini memerlukan pemeriksaan sumber.")
        lines += ["", f"{DAYS_EN[rng.randint(0, 6)]}, {_date_en(d, m, y)}" if en else
                  f"{DAYS_ID[rng.randint(0, 6)]}, {_date_id(d, m, y)}", ""]
        if rng.random() < 0.5:
            lines += ["Related articles" if en else "Artikel terkait"]
            lines += [f"• {_other_title(page, doc, rng)}" for _ in range(rng.randint(2, 3))]
            lines += ["", "Share this:" if en else "Bagikan:", ""]
        for p in body:
            lines += [p, ""]
        lines += [f"{'Sources' if en else 'Sumber'}{edit}"]
        for _ in range(rng.randint(1, 3)):
            who = rng.choice(_PEOPLE)
            outlet = rng.choice(_OUTLETS)
            dd, mo, yy, _h, _m = date_parts(rng)
            when = _date_en(dd, mo, yy) if en else _date_id(dd, mo, yy)
            lines.append(f'• {who}. "{_other_title(page, doc, rng)}" — {outlet}, {when}')
        lines.append("")
        if rng.random() < 0.4:
            lines += [f"{'External links' if en else 'Pranala luar'}{edit}",
                      f"• https://www.{rng.choice(['example-agency', 'pemkot-sentosa', 'bmkg-daerah'])}.go.id/"
                      f"{rng.randint(100, 999)}", ""]
        lines += [f"{'Categories' if en else 'Kategori'}: {_date_en(d, m, y) if en else _date_id(d, m, y)} | "
                  + rng.choice(["Science and technology | Published", "Politics | Indonesia | Published",
                                "Health | Published", "Sports | Published"] if en else
                               ["Sains dan teknologi | Terbit", "Politik | Indonesia | Terbit",
                                "Kesehatan | Terbit", "Olahraga | Terbit"]),
                  f"This page was last edited on {d} {MONTHS_EN[m - 1]} {y}, at {hh:02d}:{mm:02d}." if en else
                  f"Halaman ini terakhir diubah pada {_date_id(d, m, y)}, pukul {hh:02d}.{mm:02d}.",
                  "All text on this site is available under a free licence with attribution; see the terms of use "
                  "for details." if en else
                  "Semua teks di situs ini tersedia di bawah lisensi bebas dengan atribusi; lihat ketentuan "
                  "penggunaan untuk rinciannya.",
                  "Privacy policy  About Kabarwiki  Disclaimers  Mobile view" if en else
                  "Kebijakan privasi  Tentang Kabarwiki  Penyangkalan  Tampilan seluler",
                  "", "Navigation menu" if en else "Menu navigasi",
                  "Main page  Recent changes  Random article  Write an article  Help" if en else
                  "Halaman Utama  Perubahan terbaru  Artikel acak  Tulis artikel  Bantuan",
                  "", "", ""]
        return lines

    return render_pages("wikinews", by_language(docs, rng), 9, rng, article)


# --- paywall: a subscription daily saved by a subscriber ---------------------------------------------

def render_paywall(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def head(page: Page) -> list[str]:
        if page.lang == "en":
            return ["The Meridian Post", "Log in  Subscribe", "Today's Paper | Politics | Economy | World | Culture",
                    ""]
        return ["Meridian", "Masuk  Berlangganan",
                "Edisi Hari Ini | Politik & Hukum | Ekonomi | Internasional | Budaya",
                ""]

    def article(page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        en = page.lang == "en"
        d, m, y, hh, mm = date_parts(rng)
        lines = []
        if rng.random() < 0.5:
            lines.append(rng.choice(["🔒 Premium", "SUBSCRIBERS ONLY", "Exclusive"]) if en else
                         rng.choice(["🔒 Premium", "KHUSUS PELANGGAN", "Eksklusif"]))
        lines.append(rng.choice(["Politics", "Economy", "World", "Culture", "Science"]) if en else
                     rng.choice(["Politik & Hukum", "Ekonomi", "Internasional", "Budaya", "Iptek"]))
        lines += [title, ""]
        if en:
            lines += [f"By {rng.choice(_PEOPLE)}", f"{_date_en(d, m, y)} · {hh:02d}:{mm:02d} WIB",
                      f"Listen to this article · {rng.randint(2, 9)} min", ""]
        else:
            lines += [f"Oleh {rng.choice(_PEOPLE).upper()}", f"{_date_id(d, m, y)} · {hh:02d}.{mm:02d} WIB",
                      f"Dengarkan artikel ini · {rng.randint(2, 9)} menit", ""]
        if rng.random() < 0.4:
            lines += ["Gift this article  Save  Share" if en else "Hadiahkan artikel  Simpan  Bagikan", ""]
        meter_at = rng.randint(0, max(0, len(body) - 2))
        for k, p in enumerate(body):
            lines += [p, ""]
            if k == meter_at and rng.random() < 0.7:
                left = rng.randint(0, 4)
                if en:
                    lines += [f"You have {left} free articles left this month." if left else
                              "You have read all your free articles this month.",
                              "Subscribe from $4.99 a month for unlimited access. Already a subscriber? Log in", ""]
                else:
                    lines += [f"Sisa {left} artikel gratis bulan ini." if left else
                              "Kuota artikel gratis Anda bulan ini sudah habis.",
                              "Berlangganan mulai Rp 50.000 per bulan untuk akses tanpa batas. "
                              "Sudah berlangganan? Masuk",
                              ""]
        if rng.random() < 0.5:
            lines += [f"This article appeared in the print edition of {_date_en(d, m, y)}, page {rng.randint(1, 16)}."
                      if en else
                      f"Artikel ini telah terbit di edisi cetak {_date_id(d, m, y)}, halaman {rng.randint(1, 16)}.",
                      ""]
        topics = (["economy", "policy", "health", "climate", "society", "technology"] if en else
                  ["ekonomi", "kebijakan", "kesehatan", "iklim", "sosial", "teknologi"])
        lines.append(("Topics: " if en else "Topik: ") + ", ".join(rng.sample(topics, 2)))
        lines += ["", "Recommended for you" if en else "Rekomendasi untuk Anda",
                  *[f"{_other_title(page, doc, rng)}" for _ in range(2)], "", ""]
        return lines

    return render_pages("paywall", by_language(docs, rng), 10, rng, article, head)


# --- mailarchive: mailing-list archive pages ----------------------------------------------------------

_LISTS = {"en": ("indo-digest-l", "lists.kabarkita.org"), "id": ("warta-nusa", "lists.kabarkita.org")}
_FORWARD_EN = ["FYI, from today's paper.", "Forwarded for those who missed it.", "Interesting read:", ""]
_FORWARD_ID = ["Dari milis sebelah, semoga bermanfaat.", "Sekadar berbagi info.", "FYI, dari koran pagi ini:", ""]
_SIGN_EN = ["Cheers,", "Regards,", "Best,"]
_SIGN_ID = ["Salam,", "Wassalam,", "Salam hangat,"]


def render_mailarchive(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def article(page: Page, index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        en = page.lang == "en"  # the forwarder writes in the list's language, whatever the story's
        listname, host = _LISTS[page.lang]
        d, m, y, hh, mm = date_parts(rng)
        sender = rng.choice(_PEOPLE)
        address = sender.lower().replace(" ", ".") + " at " + rng.choice(["mailkita.net", "posnet.co.id",
                                                                        "yahoo.example"])
        prev_t = page.chunk[index - 1].sentences[0] if index else _other_title(page, doc, rng)
        next_t = page.chunk[index + 1].sentences[0] if index + 1 < len(page.chunk) else _other_title(page, doc, rng)
        subject = f"[{listname}] {rng.choice(['', 'Fwd: ', 'FW: '])}{title}"
        nav = [f"Previous message: [{listname}] {prev_t}",
               f"Next message: [{listname}] {rng.choice(['', 'Re: '])}{next_t}",
               "Messages sorted by: [ date ] [ thread ] [ subject ] [ author ]"]
        lines = [subject, sender, address,
                 f"{DAYS_EN[rng.randint(0, 6)][:3]} {MONTHS_EN[m - 1][:3]} {d:2d} {hh:02d}:{mm:02d}:"
                 f"{rng.randint(0, 59):02d} {'WIB' if rng.random() < 0.7 else 'UTC'} {y}", "", *nav, "", ""]
        intro = rng.choice(_FORWARD_EN if en else _FORWARD_ID)
        if intro:
            lines += [intro, ""]
        if rng.random() < 0.4:
            lines += ["---------- Forwarded message ----------" if rng.random() < 0.5 else
                      "-----Original Message-----", ""]
        lines += [title, ""]
        for p in body:
            lines += [p, ""]
        src = f"https://www.{rng.choice(['harianmentari.com', 'posnusantara.co.id', 'jurnalkota.id'])}/" \
              f"{y}/{m:02d}/{_slug(title)}"
        lines += [(f"Source: {src}" if en else f"Sumber: {src}"), "", "--", rng.choice(_SIGN_EN if en else _SIGN_ID),
                  sender.split()[0], ""]
        if rng.random() < 0.3:
            lines += ["Sent from my BlackBerry® smartphone" if rng.random() < 0.5 else
                      "Dikirim dari ponsel pintar saya", ""]
        lines += ["-------------- next part --------------",
                  "An HTML attachment was scrubbed...",
                  f"URL: <http://{host}/pipermail/{listname}/attachments/{y}{m:02d}{d:02d}/{rng.randint(1000, 9999):x}"
                  f"/attachment.html>"] if rng.random() < 0.5 else []
        lines += ["", *nav, "", f"More information about the {listname} mailing list", "", ""]
        return lines

    groups = by_language(docs, rng)
    moved = groups["en"][:len(groups["en"]) // 4]  # English stories forwarded to the Indonesian list
    groups = {"en": groups["en"][len(moved):], "id": groups["id"] + moved}
    rng.shuffle(groups["id"])
    return render_pages("mailarchive", groups, 8, rng, article)


LAYOUTS = {"wayback": render_wayback, "factcheck": render_factcheck, "opinion": render_opinion,
           "wikinews": render_wikinews, "paywall": render_paywall, "mailarchive": render_mailarchive}
