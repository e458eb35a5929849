"""Second batch of tuning layouts (group ``TUNE``), written by "zoo8" without reading the segmenter:
kinds of pages the zoo lacked. Their first-look figures are in README.md.

* ``tabloid``: a tabloid site: masthead and menu per file, title, two to four "•" summary bullets
  (the article's own sentences shortened), "By NAME FOR SITE.COM", "PUBLISHED: 14:05 EDT,
  12 March 2019 | UPDATED: …", one sentence per paragraph, "+5" / "View gallery" photo blocks with
  a caption, a "RELATED ARTICLES" block (one item per line: Previous, 1, 2, Next, two titles, Share
  this article, Share), "Advertisement" lines and "Share or comment on this article: TITLE".
* ``pdfrelease``: an agency press release saved as a PDF and converted to text, one per file:
  a letterhead and a page footer ("Halaman 2 dari 5" / "Page 2 of 5") on every page with a form
  feed between pages, pages that break mid-paragraph, lines of 84-94 columns with end-of-line
  hyphenation, "SIARAN PERS" / "Nomor: …", a "Jakarta, 12 Maret 2019 – " dateline, "***" and a
  contact block.
* ``readermode``: reader-view / text saves of a bilingual magazine, three pages per file in either
  language: "Skip to content", a cookie banner, site name, "Menu", "Search", a section label, a
  "NAME · 5 min read" line, a newsletter sign-up box inside the text, "Topics:", "You might also
  like" with three titles, a footer.
* ``regional``: a regional portal whose articles run over two or three pages, each page saved with
  its header: "TITLE - Halaman 2" and the date line again, "WARTAJABAR.COM, CIREBON - " datelines,
  a "Baca juga:" line (in varying case) after many paragraphs, "Halaman selanjutnya" / "1 2 3"
  between pages, "Penulis:" and "Editor:" lines, hashtags.
"""

from __future__ import annotations

import random
import re

from benchmarks.layouts.common import (CITIES, DAYS_ID, MONTHS_EN, MONTHS_ID, NAMES, Doc, Page, Rendered,
                                       by_language, date_parts, gold, paragraphs, render_pages)


def _shorten(sentence: str, rng: random.Random) -> str:
    """A summary bullet: the sentence cut to its first clause or first words, no final stop."""
    words = sentence.rstrip(" .!?\"'”").split()
    clause = sentence.split(", ")[0]
    if 5 <= len(clause.split()) < len(words) and rng.random() < 0.5:
        return clause
    return " ".join(words[:rng.randint(8, 16)])


def render_tabloid(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def head(page: Page) -> list[str]:
        menu = ("Home | News | U.S. | Sport | TV&Showbiz | Style | Health | Science | Money" if page.lang == "en"
                else "Beranda | Berita | Dunia | Olahraga | Seleb | Gaya | Sehat | Sains | Uang")
        return ["GLOBEDAILY.COM", menu, ""]

    def article(page: Page, _index: int, doc: Doc, title: str, _body: list[str]) -> list[str]:
        en = page.lang == "en"
        sentences = doc.sentences[1:]
        d, m, y, hh, mm = date_parts(rng)
        month = (MONTHS_EN if en else MONTHS_ID)[m - 1]
        zone = "EDT" if en else "WIB"
        up = min(hh + rng.randint(1, 5), 23)
        lines = [title, ""]
        if sentences:
            picked = sorted(rng.sample(range(len(sentences)), min(len(sentences), rng.randint(2, 4))))
            lines += [f"• {_shorten(sentences[i], rng)}" for i in picked] + [""]
        name = rng.choice(NAMES).upper()
        if en:
            lines += [f"By {name} FOR GLOBEDAILY.COM",
                      f"PUBLISHED: {hh:02d}:{mm:02d} {zone}, {d} {month} {y} | UPDATED: {up:02d}:{mm:02d} {zone}, "
                      f"{d} {month} {y}", ""]
        else:
            lines += [f"Oleh {name} UNTUK GLOBEDAILY.COM",
                      f"DITERBITKAN: {hh:02d}:{mm:02d} {zone}, {d} {month} {y} | DIPERBARUI: {up:02d}:{mm:02d} "
                      f"{zone}, {d} {month} {y}", ""]
        for k, s in enumerate(sentences):
            lines += [s, ""]
            if k == 1 and rng.random() < 0.6:
                caption = _shorten(rng.choice(sentences), rng)
                lines += [f"+{rng.randint(2, 12)}", "View gallery" if en else "Lihat galeri", "",
                          f"{caption} (pictured)" if en else f"{caption} (foto)", ""]
            if k == 3 and len(sentences) > 6:
                others = [rng.choice(page.items).sentences[0] for _ in range(2)]
                lines += (["RELATED ARTICLES", "Previous", "1", "2", "Next", *others, "Share this article", "Share"]
                          if en else ["ARTIKEL TERKAIT", "Sebelumnya", "1", "2", "Berikutnya", *others,
                                      "Bagikan artikel ini", "Bagikan"]) + [""]
            if k in (2, 8) and k < len(sentences) - 1:
                lines += ["Advertisement" if en else "Iklan", ""]
        lines += [f"Share or comment on this article: {title}" if en
                  else f"Bagikan atau komentari artikel ini: {title}",
                  f"{rng.randint(0, 900)} shares" if en else f"{rng.randint(0, 900)} kali dibagikan",
                  f"Comments {rng.randint(0, 400)}" if en else f"Komentar {rng.randint(0, 400)}", "", ""]
        return lines

    return render_pages("tabloid", by_language(docs, rng), 8, rng, article, head)


_VOWELS = set("aeiouAEIOU")
_DIGRAPHS = {"ng", "ny", "kh", "sy", "sh", "ch", "th", "ph", "wh", "ck", "gh"}
_ONSETS = {"tr", "pr", "gr", "br", "cr", "dr", "fr", "bl", "cl", "fl", "gl", "pl", "sl", "st", "sp", "sc", "sk"}


def _hyphen_point(word: str, room: int) -> int:
    """Where a typesetter would break ``word`` so that its head plus "-" fits in ``room``: before a
    consonant that opens a syllable (consonant then vowel, or a cluster such as "tr" then vowel), the
    syllable rule of Indonesian that also suits most English words; never inside a digraph or such a
    cluster, three letters or more on each side (0 = none)."""
    for i in range(min(room - 1, len(word) - 3), 2, -1):
        head, letter, after = word[:i], word[i], word[i + 1]
        if (head.isalpha() and letter.isalpha() and letter not in _VOWELS and after in _VOWELS
                and word[i - 1:i + 1].lower() not in _DIGRAPHS | _ONSETS and any(c in _VOWELS for c in head)):
            return i
        if (i > 3 and head.isalpha() and word[i - 1:i + 1].lower() in _ONSETS and after in _VOWELS
                and word[i - 2] not in _VOWELS and any(c in _VOWELS for c in word[:i - 1])):
            return i - 1
    return 0


def _pdf_wrap(text: str, width: int, rng: random.Random) -> list[str]:
    """Lines of at most ``width`` columns, long words hyphenated at line ends as justified PDFs do."""
    lines, line = [], ""
    for word in text.split():
        if not line:
            line = word
            continue
        if len(line) + 1 + len(word) <= width:
            line += " " + word
            continue
        room = width - len(line) - 1
        cut = _hyphen_point(word, room) if len(word) >= 7 and room >= 4 and rng.random() < 0.7 else 0
        if cut:
            lines.append(f"{line} {word[:cut]}-")
            line = word[cut:]
        else:
            lines.append(line)
            line = word
    return lines + [line] if line else lines


def render_pdfrelease(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    out = []
    for lang, items in by_language(docs, rng).items():
        en = lang == "en"
        for n, doc in enumerate(items):
            title, *body = paragraphs(doc.sentences, rng)
            width = rng.randint(84, 94)
            d, m, y, _hh, _mm = date_parts(rng)
            roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"][m - 1]
            letterhead = ["BADAN KOORDINASI PARIWISATA NUSANTARA", "Biro Komunikasi Publik"]
            address = "Gedung Graha Nusa Lt. 5, Jl. Merdeka Timur No. 21, Jakarta 10110 | www.bkpn.go.id"
            text = [*letterhead, "", "PRESS RELEASE" if en else "SIARAN PERS",
                    f"{'No.' if en else 'Nomor:'} SP.{rng.randint(10, 300)}/HUMAS/{roman}/{y}", ""]
            text += _pdf_wrap(title, width, rng) + [""]
            for k, p in enumerate(body):
                if k == 0:
                    p = (f"Jakarta, {MONTHS_EN[m - 1]} {d}, {y} – {p}" if en
                         else f"Jakarta, {d} {MONTHS_ID[m - 1]} {y} – {p}")
                text += _pdf_wrap(p, width, rng) + [""]
            text += ["***", "", "For further information, please contact:" if en
                     else "Untuk informasi lebih lanjut, hubungi:", rng.choice(NAMES),
                     "Head of Public Communication Bureau" if en else "Kepala Biro Komunikasi Publik",
                     f"Tel. (021) {rng.randint(3000, 3999)} {rng.randint(1000, 9999)}",
                     "Email: humas@bkpn.go.id"]
            per_page = rng.randint(18, 30)
            pages = [text[i:i + per_page] for i in range(0, len(text), per_page)]
            lines = []
            for p, chunk in enumerate(pages, 1):
                if p > 1:
                    lines += ["\f" + letterhead[0], ""]
                lines += chunk + ["", address,
                                  f"Page {p} of {len(pages)}" if en else f"Halaman {p} dari {len(pages)}"]
            out.append(Rendered(f"pdfrelease-{lang}-{n:03d}.txt", "\n".join(lines) + "\n\f", [gold(doc)]))
    return out


def _read_minutes(sentences: list[str]) -> int:
    return max(1, round(sum(len(s.split()) for s in sentences) / 230))


def render_readermode(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    mixed = list(docs)
    rng.shuffle(mixed)
    edition = by_language(docs, rng)

    def article(_page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        en = doc.lang == "en"
        d, m, y, _hh, _mm = date_parts(rng)
        minutes = _read_minutes(doc.sentences)
        others = [rng.choice(edition[doc.lang]).sentences[0] for _ in range(3)]
        if en:
            lines = ["Skip to content",
                     "We use cookies to give you the best experience on our site. By continuing to browse, you "
                     "agree to our use of cookies.", "Accept all | Reject | Cookie settings",
                     "THE LANTERN", "Menu", "Search", "",
                     rng.choice(["Science", "Culture", "World", "Ideas", "Travel"]), title, "",
                     f"{rng.choice(NAMES)} · {minutes} min read", f"{MONTHS_EN[m - 1]} {d}, {y}", ""]
            signup = ["Sign up for The Lantern Weekly",
                      "Get the best stories delivered to your inbox every Friday.", "Email address", "Subscribe",
                      "By signing up, you agree to our Privacy Policy."]
            tail = [f"Topics: {' · '.join(rng.sample(['Science', 'Health', 'History', 'Nature', 'Politics'], 2))}",
                    "", "You might also like", *others, "",
                    f"© {y} Lantern Media · Privacy · Terms · Contact", "", ""]
        else:
            lines = ["Lewati ke konten",
                     "Kami menggunakan cookie agar Anda mendapat pengalaman terbaik di situs kami. Dengan terus "
                     "menjelajah, Anda menyetujui penggunaan cookie.", "Terima semua | Tolak | Pengaturan cookie",
                     "LENTERA", "Menu", "Cari", "",
                     rng.choice(["Sains", "Budaya", "Dunia", "Gagasan", "Jelajah"]), title, "",
                     f"{rng.choice(NAMES)} · {minutes} menit baca", f"{d} {MONTHS_ID[m - 1]} {y}", ""]
            signup = ["Berlangganan Lentera Mingguan",
                      "Dapatkan cerita terbaik langsung ke kotak masuk Anda setiap Jumat.", "Alamat email",
                      "Langganan", "Dengan mendaftar, Anda menyetujui Kebijakan Privasi kami."]
            tail = [f"Topik: {' · '.join(rng.sample(['Sains', 'Kesehatan', 'Sejarah', 'Alam', 'Politik'], 2))}",
                    "", "Anda mungkin juga suka", *others, "",
                    f"© {y} Lentera Media · Privasi · Ketentuan · Kontak", "", ""]
        for k, p in enumerate(body):
            lines += [p, ""]
            if k == 1 and len(body) > 3:
                lines += signup + [""]
        return lines + tail

    return render_pages("readermode", {"": mixed}, 3, rng, article)


def _pages(body: list[str], rng: random.Random) -> list[list[str]]:
    """The body split over one to three saved pages of two paragraphs or more."""
    count = min(rng.randint(1, 3), max(1, len(body) // 2))
    size = -(-len(body) // count)
    return [body[i:i + size] for i in range(0, len(body), size)]


def render_regional(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def article(page: Page, _index: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        en = page.lang == "en"
        d, m, y, hh, mm = date_parts(rng)
        stamp = (f"{DAYS_ID[rng.randint(0, 6)]}, {d} {MONTHS_ID[m - 1]} {y} {hh:02d}:{mm:02d} WIB" if not en else
                 f"{MONTHS_EN[m - 1]} {d}, {y}, {hh:02d}:{mm:02d} WIB")
        also = "Read also" if en else rng.choice(["Baca juga", "Baca Juga", "BACA JUGA"])
        parts = _pages(body, rng)
        lines = []
        for p, part in enumerate(parts, 1):
            if p == 1:
                lines += [title, stamp, ""]
            else:
                lines += [f"{title} - {'Page' if en else 'Halaman'} {p}", stamp, ""]
            for k, para in enumerate(part):
                if p == 1 and k == 0:
                    para = f"WARTAJABAR.COM, {rng.choice(CITIES)} - {para}"
                lines += [para, ""]
                if k < len(part) - 1 and rng.random() < 0.45:
                    lines += [f"{also}: {rng.choice(page.items).sentences[0]}", ""]
            if p < len(parts):
                lines += ["Next page" if en else "Halaman selanjutnya",
                          " ".join(str(i) for i in range(1, len(parts) + 1)), ""]
        tags = " ".join("#" + re.sub(r"\W", "", w.title()) for w in rng.sample(
            ["banjir", "cirebon", "pilkada", "ekonomi", "kesehatan", "viral", "jawa barat"], 3))
        return lines + [f"{'Writer' if en else 'Penulis'}: {rng.choice(NAMES)}", f"Editor: {rng.choice(NAMES)}",
                        tags, "", ""]

    return render_pages("regional", by_language(docs, rng), 10, rng, article)


LAYOUTS = {"tabloid": render_tabloid, "pdfrelease": render_pdfrelease, "readermode": render_readermode,
           "regional": render_regional}
