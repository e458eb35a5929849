"""Third batch of tuning layouts (group ``TUNE``), written by "zoo11" without reading the segmenter:
kinds of pages where it is known to be weak. Their first-look figures are in README.md.

* ``clapblog``: a Medium-like blog, four or five posts per file: "NAME · Follow", "6 min read ·
  Mar 12, 2019", clap/response counts, "Listen  Share", subheadings inside the post (short lines
  without a final stop, real text), pull quotes repeating a sentence of the post, a "Written by"
  bio box, "More from NAME" teasers (other posts' titles), responses with "Reply".
* ``pressblog``: a WordPress-style blog: site title and tagline, "Posted in … | date | by … |
  N Comments", "Categories: … Tags: …", "Share this:", "← Previous post" / "Next post →" with other
  posts' titles, 'N thoughts on "TITLE"' and a comment thread (name "says:", date, text, "Reply"),
  "Leave a Reply".
* ``boxportal``: a portal whose article bodies are interleaved with inline boxes: a "Baca Juga" /
  "Read more" box listing two or three other titles, a numbered "Terpopuler" / "Most Popular" list,
  a newsletter sign-up; "Site.id, Town —" datelines (site before town), "[Foto: NAME | SITE]" and
  "Kredit: Dok. …" photo credits, "Rab 13/03/2019 | 14.05 WIB" date lines, "Topik:" lines.
* ``lynxdump``: pages dumped with a text browser (lynx/w3m ``-dump``): bracketed link menus
  ("[3]Home [4]World"), link references glued to words in the text ("the [12]ministry"), body
  indented three spaces and hard-wrapped at 72-78 columns, a "References" list of URLs per page.
* ``marketwire``: a wire service, one short paragraph per line: many stories carry templated market
  sentences with changing numbers (real text), some background paragraphs appear verbatim in
  exactly two related stories (real text both times); slug lines, "(Tidewire) -" datelines,
  "Compiled by …; edited by …" closers, "Keywords:" lines and a copyright line.
* ``labelled``: a mixed-language listing where a section label ("Sports News", "Ekonomi Bisnis")
  stands once above an article and is never repeated in its file, and a quarter of the headlines
  are short (one to three words) and look like labels themselves.
* ``alternating``: a bilingual site saved as text: each story in English then Indonesian (or the
  other way round), "EN | ID" switches, "Baca dalam Bahasa Indonesia ↓" / "Read in English ↓".

Invented text that is real article content (subheadings, market sentences, backgrounds, short
headlines) is written in both languages and chosen by document key, so both versions of a story
carry the same sentences; the gold holds it in text order.
"""

from __future__ import annotations

import random
import textwrap
import zlib

from benchmarks.layouts.common import (DAYS_EN, DAYS_ID, MONTHS_EN, MONTHS_ID, NAMES, Doc, Rendered,
                                       block_record, by_language, chunks, date_parts, page_files, sentence_blocks)


def _keyed(key: str, salt: str) -> random.Random:
    """A generator fixed by document key, so both language versions draw the same choices."""
    return random.Random(zlib.crc32(f"{salt}:{key}".encode()))


def _assign(docs: list[Doc], pool: list, salt: str, per: int = 1, min_sentences: int = 0) -> dict:
    """Each item of ``pool`` to ``per`` story keys (stories with a version in both languages and at
    least ``min_sentences`` sentences), chosen by a fixed shuffle: {key: item}."""
    sizes: dict[str, list[int]] = {}
    for doc in docs:
        sizes.setdefault(doc.key, []).append(len(doc.sentences))
    keys = sorted(k for k, n in sizes.items() if len(n) == 2 and min(n) >= min_sentences)
    _keyed("", salt).shuffle(keys)
    return {key: item for i, item in enumerate(pool) for key in keys[per * i:per * i + per]}








# ---------------------------------------------------------------- clapblog (Medium-like)

_SUBHEADS = [("Where it began", "Dari mana semuanya bermula"), ("The numbers behind it", "Angka di baliknya"),
             ("What changed", "Apa yang berubah"), ("A slow start", "Awal yang lambat"),
             ("Looking ahead", "Menatap ke depan"), ("Why it matters", "Mengapa ini penting"),
             ("The other side", "Sisi yang lain"), ("Lessons from the field", "Pelajaran dari lapangan"),
             ("Counting the cost", "Menghitung ongkosnya"), ("Voices on the ground", "Suara dari lapangan"),
             ("A question of trust", "Soal kepercayaan"), ("Old habits", "Kebiasaan lama"),
             ("The turning point", "Titik balik"), ("Between two worlds", "Di antara dua dunia"),
             ("What the experts say", "Kata para ahli"), ("Small steps", "Langkah-langkah kecil"),
             ("An uneasy truce", "Gencatan yang rapuh"), ("After the storm", "Setelah badai"),
             ("Follow the money", "Ikuti aliran uangnya"), ("The long road", "Jalan panjang"),
             ("A family business", "Usaha keluarga"), ("Back to school", "Kembali ke sekolah"),
             ("Under pressure", "Di bawah tekanan"), ("The first test", "Ujian pertama"),
             ("Signs of recovery", "Tanda-tanda pemulihan"), ("A map of the problem", "Peta persoalan"),
             ("Inside the lab", "Di dalam laboratorium"), ("Numbers and doubts", "Angka dan keraguan"),
             ("A city divided", "Kota yang terbelah"), ("What comes next", "Apa selanjutnya")]
_BIOS_EN = ["{n} writes about cities, trains and the people who keep them running.",
            "{n} is a freelance reporter who covers science and slow travel.",
            "Former newsroom editor, now writing weekly essays. Based in {c}."]
_BIOS_ID = ["{n} menulis tentang kota, kereta, dan orang-orang yang menjalankannya.",
            "{n} adalah jurnalis lepas yang meliput sains dan perjalanan lambat.",
            "Mantan redaktur, kini menulis esai mingguan. Tinggal di {c}."]
_RESPONSES_EN = ["Great read, thanks for putting this together.", "I never thought about it this way!",
                 "Saved for later. The second part is spot on.", "Interesting, but I would love to see sources."]
_RESPONSES_ID = ["Tulisan yang bagus, terima kasih sudah berbagi.", "Baru kepikiran dari sudut ini!",
                 "Disimpan dulu. Bagian kedua pas banget.", "Menarik, tapi sumbernya mana ya?"]


def _read_time(doc: Doc) -> int:
    return max(2, sum(len(s.split()) for s in doc.sentences) // 200 + 2)


def render_clapblog(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    subheads = _assign(docs, _SUBHEADS, "subhead", min_sentences=6)

    def page(lang: str, items: list[Doc]):
        en = lang == "en"
        lines = ["Quillery", "Open in app" if en else "Buka di aplikasi", "Sign up   Sign in" if en else
                 "Daftar   Masuk", "", "Write" if en else "Tulis", ""]
        records = []
        authors = {doc.key: rng.choice(NAMES) for doc in items}
        for doc in items:
            title, author = doc.sentences[0], authors[doc.key]
            blocks = sentence_blocks(doc.sentences, rng)
            if doc.key in subheads:
                blocks.insert(max(1, len(blocks) // 2), [subheads[doc.key][0 if en else 1]])
            d, m, y, _, _ = date_parts(rng)
            when = f"{MONTHS_EN[m - 1][:3]} {d}, {y}" if en else f"{d} {MONTHS_ID[m - 1][:3]} {y}"
            lines += [title, "", f"{author} · {'Follow' if en else 'Ikuti'}",
                      f"{_read_time(doc)} {'min read' if en else 'menit baca'} · {when}", "",
                      f"👏 {rng.randint(12, 2400)}   💬 {rng.randint(0, 40)}", "Listen   Share" if en else
                      "Dengarkan   Bagikan", ""]
            for k, block in enumerate(blocks):
                lines += [" ".join(block), ""]
                if k == 1 and len(block[0].split()) > 6 and rng.random() < 0.5:
                    lines += [f"“{block[0].rstrip('.')}”", ""]  # pull quote
            others = [o for o in items if o is not doc]
            lines += [f"{rng.randint(12, 2400)} {'claps' if en else 'tepuk tangan'}", "",
                      f"{'Written by' if en else 'Ditulis oleh'} {author}",
                      f"{rng.randint(20, 9000)} {'Followers' if en else 'Pengikut'}",
                      rng.choice(_BIOS_EN if en else _BIOS_ID).format(n=author, c=rng.choice(["Bandung", "Leeds"])),
                      "Follow" if en else "Ikuti", "",
                      f"{'More from' if en else 'Lainnya dari'} {author}", ""]
            for other in rng.sample(others, min(2, len(others))):
                lines += [other.sentences[0], f"{_read_time(other)} {'min read' if en else 'menit baca'}", ""]
            n = rng.randint(0, 3)
            lines += [f"{'Responses' if en else 'Tanggapan'} ({n})", ""]
            for _ in range(n):
                lines += [rng.choice(NAMES), f"{rng.randint(1, 11)} {'days ago' if en else 'hari lalu'}",
                          rng.choice(_RESPONSES_EN if en else _RESPONSES_ID), "Reply" if en else "Balas", ""]
            lines += ["", ""]
            records.append(block_record(doc, title, blocks))
        return lines + ["Help  Status  About  Careers  Blog  Privacy  Terms"], records

    return page_files("clapblog", by_language(docs, rng), 5, page)


# ---------------------------------------------------------------- pressblog (WordPress-style)

_CATEGORIES_EN = ["Notes", "Travel", "Science", "World", "Essays", "Uncategorized"]
_CATEGORIES_ID = ["Catatan", "Jalan-jalan", "Sains", "Dunia", "Esai", "Tak Berkategori"]
_TAGS = ["bandung", "economy", "health", "trains", "climate", "election", "football", "rice", "kopi"]
_COMMENTS_EN = ["Thank you for sharing, very informative.", "Nice post! Waiting for the next one.",
                "I visited last year and it was exactly like this.", "Can you write more about this topic?"]
_COMMENTS_ID = ["Terima kasih sudah berbagi, sangat informatif.", "Mantap, ditunggu tulisan berikutnya.",
                "Tahun lalu saya ke sana, persis seperti ini.", "Bisa dibahas lebih lanjut, Mas?"]


def render_pressblog(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def page(lang: str, items: list[Doc]):
        en = lang == "en"
        lines = ["Kopi Sore Journal", "Just another notebook about the world" if en else
                 "Sekadar catatan tentang dunia", "Home  About  Archive  Contact" if en else
                 "Beranda  Tentang  Arsip  Kontak", ""]
        records = []
        for i, doc in enumerate(items):
            title, blocks = doc.sentences[0], sentence_blocks(doc.sentences, rng)
            d, m, y, hh, mm = date_parts(rng)
            cats = ", ".join(rng.sample(_CATEGORIES_EN if en else _CATEGORIES_ID, 2))
            n = rng.randint(0, 4)
            if en:
                meta = f"Posted in {cats} | {MONTHS_EN[m - 1]} {d}, {y} | by {rng.choice(NAMES)} | {n} Comments"
            else:
                meta = f"Diposting di {cats} | {d} {MONTHS_ID[m - 1]} {y} | oleh {rng.choice(NAMES)} | {n} Komentar"
            lines += [title, meta, ""]
            for block in blocks:
                lines += [" ".join(block), ""]
            tags = ", ".join(rng.sample(_TAGS, 3))
            lines += [f"{'Categories' if en else 'Kategori'}: {cats}    Tags: {tags}",
                      "Share this:" if en else "Bagikan ini:", "Twitter  Facebook  WhatsApp",
                      "Like this:" if en else "Suka ini:", "Like Loading..." if en else "Suka Memuat...", ""]
            if i > 0:
                lines.append(f"← {'Previous post' if en else 'Pos sebelumnya'}: {items[i - 1].sentences[0]}")
            if i + 1 < len(items):
                lines.append(f"{'Next post' if en else 'Pos berikutnya'}: {items[i + 1].sentences[0]} →")
            lines.append("")
            if n:
                count = ("One thought" if n == 1 else f"{n} thoughts") if en else f"{n} tanggapan"
                lines += [f'{count} on "{title}"' if en else f'{count} untuk "{title}"', ""]
            for _ in range(n):
                c_d, c_m, c_y, c_h, c_mi = date_parts(rng)
                stamp = (f"{MONTHS_EN[c_m - 1]} {c_d}, {c_y} at {c_h % 12 or 12}:{c_mi:02d} {'am' if c_h < 12 else 'pm'}"
                         if en else f"{c_d} {MONTHS_ID[c_m - 1]} {c_y} pukul {c_h:02d}.{c_mi:02d}")
                lines += [f"  {rng.choice(NAMES)} {'says' if en else 'berkata'}:", f"  {stamp}",
                          f"  {rng.choice(_COMMENTS_EN if en else _COMMENTS_ID)}", "  Reply" if en else "  Balas", ""]
            lines += ["Leave a Reply" if en else "Tinggalkan Balasan",
                      "Your email address will not be published. Required fields are marked *" if en else
                      "Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *", "", ""]
            records.append(block_record(doc, title, blocks))
        return lines + ["Blog at WordPress.com." if en else "Blog di WordPress.com."], records

    return page_files("pressblog", by_language(docs, rng), 6, page)


# ---------------------------------------------------------------- boxportal (inline boxes)

_CAPTIONS_EN = ["Residents gather outside the building on Tuesday", "Officials speak to reporters after the meeting",
                "A view of the area from the air", "Visitors queue at the entrance", "Illustration"]
_CAPTIONS_ID = ["Warga berkumpul di depan gedung, Selasa", "Pejabat memberi keterangan kepada wartawan seusai rapat",
                "Pemandangan kawasan itu dari udara", "Pengunjung mengantre di pintu masuk", "Ilustrasi"]
_TOWNS = ["Semarang", "Salatiga", "Kudus", "Pati", "Demak", "Kendal", "Magelang", "Klaten"]


def render_boxportal(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def page(lang: str, items: list[Doc]):
        en = lang == "en"
        pool = [doc.sentences[0] for doc in items]
        lines = ["SOROTKOTA.ID", "Terkini  Jateng  Nasional  Bisnis  Sport  Lifestyle" if not en else
                 "Latest  Central Java  National  Business  Sport  Lifestyle", ""]
        records = []
        for doc in items:
            title, blocks = doc.sentences[0], sentence_blocks(doc.sentences, rng)
            others = [t for t in pool if t != title]
            d, m, y, hh, mm = date_parts(rng)
            day = (DAYS_EN if en else DAYS_ID)[rng.randint(0, 6)][:3]
            lines += [title, f"{day} {d:02d}/{m:02d}/{y} | {hh:02d}.{mm:02d} WIB",
                      f"{'Writer' if en else 'Penulis'}: {rng.choice(NAMES)}", ""]
            if rng.random() < 0.6:
                caption = rng.choice(_CAPTIONS_EN if en else _CAPTIONS_ID)
                if rng.random() < 0.5:
                    lines += [f"{caption}. [Foto: {rng.choice(NAMES)} | SOROTKOTA]", ""]
                else:
                    lines += [caption, f"{'Credit' if en else 'Kredit'}: Dok. Humas Pemkot {rng.choice(_TOWNS)}", ""]
            read_more = min(1, len(blocks) - 2)  # after the second paragraph, or the lead of a short story
            for k, block in enumerate(blocks):
                text = " ".join(block)
                if k == 0:
                    text = f"Sorotkota.id, {rng.choice(_TOWNS)} — {text}"
                lines += [text, ""]
                if k == read_more:
                    lines += ["Read more" if en else "Baca Juga"]
                    lines += [f"• {t}" for t in rng.sample(others, rng.randint(2, 3))] + [""]
                elif k == 3 and rng.random() < 0.7:
                    lines += ["Most Popular" if en else "Terpopuler"]
                    lines += [f"{j}. {t}" for j, t in enumerate(rng.sample(others, 4), 1)] + [""]
                elif k == 5 and rng.random() < 0.7:
                    lines += ["Get the morning briefing in your inbox every day." if en else
                              "Dapatkan ringkasan berita pagi di email Anda setiap hari.",
                              "Email address" if en else "Alamat email", "Subscribe" if en else "Daftar", ""]
            lines += [f"{'Topics' if en else 'Topik'}: {', '.join(rng.sample(_TAGS, 3))}",
                      f"Editor: {rng.choice(NAMES)}", "", ""]
            records.append(block_record(doc, title, blocks))
        return lines + ["© Sorotkota.id | Pedoman Media Siber | Redaksi | Kontak"], records

    return page_files("boxportal", by_language(docs, rng), 12, page)


# ---------------------------------------------------------------- lynxdump (text browser)

def render_lynxdump(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def page(lang: str, items: list[Doc]):
        en = lang == "en"
        width = rng.randint(72, 78)
        lines, records = [], []
        for doc in items:
            title, blocks = doc.sentences[0], sentence_blocks(doc.sentences, rng)
            slug = "-".join(title.lower().split()[:6]).strip(".,?!'\"")
            urls = ["https://harbourlight.example/#main", "https://harbourlight.example/",
                    "https://harbourlight.example/world", "https://harbourlight.example/business",
                    "https://harbourlight.example/science", "https://harbourlight.example/opinion"]
            menu = ["Skip to content", "Home", "World", "Business", "Science", "Opinion"] if en else \
                ["Lompat ke konten", "Beranda", "Dunia", "Bisnis", "Sains", "Opini"]
            lines += [f"   [1]{menu[0]}", "   " + " ".join(f"[{i}]{w}" for i, w in enumerate(menu[1:], 2)), "",
                      *textwrap.wrap(title, width, initial_indent="   ", subsequent_indent="   ",
                                    break_on_hyphens=False), ""]
            author = rng.choice(NAMES)
            urls.append(f"https://harbourlight.example/authors/{author.lower().replace(' ', '-')}")
            d, m, y, hh, mm = date_parts(rng)
            lines += [f"   {'By' if en else 'Oleh'} [{len(urls)}]{author}",
                      f"   {MONTHS_EN[m - 1]} {d}, {y}" if en else f"   {d} {MONTHS_ID[m - 1]} {y}", ""]
            for block in blocks:
                words = " ".join(block).split()
                for _ in range(rng.randint(0, 2)):  # glue link references onto words
                    j = rng.randrange(len(words))
                    urls.append(f"https://harbourlight.example/{slug}/ref{len(urls) + 1}")
                    words[j] = f"[{len(urls)}]{words[j]}"
                lines += textwrap.wrap(" ".join(words), width, initial_indent="   ", subsequent_indent="   ",
                                       break_on_hyphens=False, break_long_words=False) + [""]
            urls.append(f"https://harbourlight.example/share?u={slug}")
            lines += [f"   [{len(urls)}]{'Share this story' if en else 'Bagikan cerita ini'}", "",
                      "References", ""]
            lines += [f"  {i:>3}. {u}" for i, u in enumerate(urls, 1)] + ["", ""]
            records.append(block_record(doc, title, blocks))
        return lines, records

    return page_files("lynxdump", by_language(docs, rng), 8, page)


# ---------------------------------------------------------------- marketwire (templated real text)

_DAY_PAIRS = list(zip(DAYS_EN[:5], DAYS_ID[:5]))


def _num(value: float, decimals: int, en: bool) -> str:
    """A number in English (14,235.5) or Indonesian (14.235,5) notation."""
    text = f"{value:,.{decimals}f}"
    return text if en else text.replace(",", "_").replace(".", ",").replace("_", ".")


def _market_sentences(key: str, en: bool) -> list[str]:
    """Zero to three templated market sentences for this story (same numbers in both languages)."""
    pick = _keyed(key, "market")
    if pick.random() < 0.55:
        return []
    day_en, day_id = pick.choice(_DAY_PAIRS)
    up = pick.random() < 0.5
    rate, pct = pick.uniform(13800, 15200), pick.uniform(0.05, 1.4)
    index, ipct = pick.uniform(5600, 6700), pick.uniform(0.05, 2.2)
    brent = pick.uniform(52, 78)
    if en:
        out = [f"The rupiah closed {'up' if up else 'down'} {_num(pct, 2, en)} percent at {_num(rate, 0, en)} "
               f"per U.S. dollar on {day_en}.",
               f"The Jakarta Composite Index ended {_num(ipct, 2, en)} percent {'higher' if up else 'lower'} at "
               f"{_num(index, 2, en)}.",
               f"Brent crude was trading at ${_num(brent, 2, en)} a barrel."]
    else:
        out = [f"Rupiah ditutup {'menguat' if up else 'melemah'} {_num(pct, 2, en)} persen ke level "
               f"{_num(rate, 0, en)} per dolar AS pada hari {day_id}.",
               f"Indeks Harga Saham Gabungan berakhir {'naik' if up else 'turun'} {_num(ipct, 2, en)} persen di "
               f"level {_num(index, 2, en)}.",
               f"Minyak mentah Brent diperdagangkan pada US${_num(brent, 2, en)} per barel."]
    return out[:pick.randint(1, 3)]


_BACKGROUNDS = [
    ("The ministry has set a target of cutting the backlog of cases by half before the end of the year.",
     "Kementerian menargetkan tumpukan perkara berkurang separuhnya sebelum akhir tahun."),
    ("Talks between the two sides broke down in January after a dispute over the timetable.",
     "Perundingan kedua pihak buntu pada Januari setelah terjadi perselisihan soal jadwal."),
    ("The project, first announced four years ago, has been delayed twice by funding problems.",
     "Proyek yang pertama kali diumumkan empat tahun lalu itu sudah dua kali tertunda karena masalah dana."),
    ("More than 2,000 households in the area were moved to temporary shelters last month.",
     "Lebih dari 2.000 keluarga di kawasan itu dipindahkan ke penampungan sementara bulan lalu."),
    ("The law requires companies to report such incidents to regulators within 72 hours.",
     "Undang-undang mewajibkan perusahaan melaporkan insiden semacam itu kepada regulator dalam 72 jam."),
    ("Prices of staple foods rose for a third straight month in February, official data showed.",
     "Harga bahan pokok naik selama tiga bulan berturut-turut pada Februari, menurut data resmi."),
    ("The committee is due to publish its final recommendations in the second half of the year.",
     "Komite dijadwalkan menerbitkan rekomendasi akhirnya pada semester kedua tahun ini."),
    ("Researchers have been monitoring the site since a series of small tremors in 2017.",
     "Para peneliti memantau lokasi itu sejak serangkaian gempa kecil pada 2017."),
    ("The company employs about 18,000 people across the region and exports to 40 countries.",
     "Perusahaan itu mempekerjakan sekitar 18.000 orang di kawasan tersebut dan mengekspor ke 40 negara."),
    ("Similar measures were introduced in neighbouring provinces last year with mixed results.",
     "Langkah serupa diterapkan di provinsi tetangga tahun lalu dengan hasil yang beragam."),
    ("Opposition lawmakers have called for an independent inquiry into the decision.",
     "Anggota parlemen oposisi meminta penyelidikan independen atas keputusan tersebut."),
    ("The agreement still needs to be ratified by parliament before it can take effect.",
     "Perjanjian itu masih harus diratifikasi parlemen sebelum dapat berlaku."),
]


def render_marketwire(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    background = _assign(docs, _BACKGROUNDS, "background", per=2)  # each in exactly two stories

    def page(lang: str, items: list[Doc]):
        en = lang == "en"
        lines, records = [], []
        for doc in items:
            title, blocks = doc.sentences[0], sentence_blocks(doc.sentences, rng, most=1)
            at = min(2, len(blocks))
            for sentence in _market_sentences(doc.key, en):
                blocks.insert(at, [sentence])
                at += 1
            if doc.key in background:
                blocks.insert(max(1, len(blocks) - 1), [background[doc.key][0 if en else 1]])
            d, m, y, hh, mm = date_parts(rng)
            slug = rng.choice(["MARKETS", "POLITICS", "ECONOMY", "GENERAL", "WORLD"])
            lines += [f"TW-{slug}/{rng.randint(100, 999)}", title,
                      f"{d} {MONTHS_EN[m - 1][:3]} {y} {hh:02d}:{mm:02d} GMT" if en else
                      f"{d}/{m}/{y} {hh:02d}:{mm:02d} WIB"]
            for k, block in enumerate(blocks):
                text = block[0]
                if k == 0:
                    city = rng.choice(["JAKARTA", "SURABAYA", "MAKASSAR", "SINGAPORE", "MANILA"])
                    text = (f"{city}, {MONTHS_EN[m - 1][:3]} {d} (Tidewire) - {text}" if en else
                            f"{city.title()}, {d}/{m} (Tidewire) - {text}")
                lines.append(text)
            lines += [f"Compiled by {rng.choice(NAMES)}; edited by {rng.choice(NAMES)}" if en else
                      f"Disusun oleh {rng.choice(NAMES)}; disunting oleh {rng.choice(NAMES)}",
                      f"Keywords: {slug}/{rng.choice(['INDONESIA', 'ASIA', 'RUPIAH', 'TRADE'])}",
                      f"© {y} Tidewire. {'All rights reserved.' if en else 'Hak cipta dilindungi.'}", ""]
            records.append(block_record(doc, title, blocks))
        return lines, records

    return page_files("marketwire", by_language(docs, rng), 20, page)


# ---------------------------------------------------------------- labelled (one-off section labels)

_LABELS_EN = ["Sports News", "Business Today", "World Desk", "Science & Health", "Metro", "Culture Notes",
              "Tech Review", "Politics", "Travel Weekly", "Opinion Corner", "Markets", "Education"]
_LABELS_ID = ["Ekonomi Bisnis", "Olahraga", "Nasional", "Internasional", "Tekno & Sains", "Gaya Hidup",
              "Metropolitan", "Politik", "Kesehatan", "Pendidikan", "Wisata", "Hiburan"]
_SHORT_TITLES = [("Rising Waters", "Air Meninggi"), ("Cold Comfort", "Penghiburan Dingin"),
                 ("Second Chances", "Kesempatan Kedua"), ("Quiet Streets", "Jalanan Sepi"),
                 ("Paper Money", "Uang Kertas"), ("Home Games", "Laga Kandang"), ("Night Shift", "Sif Malam"),
                 ("Open Doors", "Pintu Terbuka"), ("Sea Change", "Perubahan Besar"), ("Fresh Start", "Awal Baru"),
                 ("Hard Times", "Masa Sulit"), ("Slow Burn", "Bara Pelan"), ("Border Lines", "Garis Batas"),
                 ("Green Light", "Lampu Hijau"), ("Last Orders", "Pesanan Terakhir"), ("Dry Season", "Kemarau"),
                 ("Full House", "Rumah Penuh"), ("Thin Ice", "Es Tipis"), ("Lost Signal", "Sinyal Hilang"),
                 ("Fair Play", "Main Bersih"), ("Deep Roots", "Akar Dalam"), ("Tide Turns", "Arus Berbalik"),
                 ("Long Wait", "Penantian Panjang"), ("Safe Harbour", "Pelabuhan Aman")]


def render_labelled(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    mixed = list(docs)
    rng.shuffle(mixed)
    short = _assign(docs, _SHORT_TITLES, "short")

    def page(_lang: str, items: list[Doc]):
        labels = {"en": rng.sample(_LABELS_EN, len(_LABELS_EN)), "id": rng.sample(_LABELS_ID, len(_LABELS_ID))}
        lines, records = ["KABAR DUA BAHASA · Bilingual Edition", ""], []
        for doc in items:
            en = doc.lang == "en"
            title, blocks = doc.sentences[0], sentence_blocks(doc.sentences, rng)
            if doc.key in short:
                title = short[doc.key][0 if en else 1]
            if labels[doc.lang] and rng.random() < 0.7:
                lines.append(labels[doc.lang].pop())
            d, m, y, _, _ = date_parts(rng)
            lines += [title, f"{d:02d}.{m:02d}.{y}", ""]
            for block in blocks:
                lines += [" ".join(block), ""]
            lines += ["", ""]
            records.append(block_record(doc, title, blocks))
        return lines, records

    return page_files("labelled", {"": mixed}, 14, page)


# ---------------------------------------------------------------- alternating (bilingual pairs)

def render_alternating(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    versions: dict[str, dict[str, Doc]] = {}
    for doc in docs:
        versions.setdefault(doc.key, {})[doc.lang] = doc
    stories = [v for v in versions.values() if len(v) == 2]
    rng.shuffle(stories)
    out = []
    for n, group in enumerate(chunks(stories, 8)):
        name = f"alternating-{n:02d}.txt"
        lines, records = ["Jembatan Times — English | Bahasa Indonesia", "EN | ID", ""], []
        for story in group:
            order = ["en", "id"] if rng.random() < 0.6 else ["id", "en"]
            d, m, y, _, _ = date_parts(rng)
            for i, lang in enumerate(order):
                doc, en = story[lang], lang == "en"
                title, blocks = doc.sentences[0], sentence_blocks(doc.sentences, rng)
                lines += [title, f"{MONTHS_EN[m - 1]} {d}, {y}" if en else f"{d} {MONTHS_ID[m - 1]} {y}"]
                if i == 0:
                    lines.append("Baca dalam Bahasa Indonesia ↓" if en else "Read in English ↓")
                lines.append("")
                for block in blocks:
                    lines += [" ".join(block), ""]
                if i == 0:
                    lines += ["EN | ID", ""]
                else:
                    lines += ["↑ Kembali ke Bahasa Indonesia" if en else "↑ Back to English", ""]
                records.append(block_record(doc, title, blocks))
            lines += ["* * *", ""]
        out.append(Rendered(name, "\n".join(lines) + "\n", records))
    return out


LAYOUTS = {"clapblog": render_clapblog, "pressblog": render_pressblog, "boxportal": render_boxportal,
           "lynxdump": render_lynxdump, "marketwire": render_marketwire, "labelled": render_labelled,
           "alternating": render_alternating}
