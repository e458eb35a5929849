"""Fourth batch of tuning layouts (group ``TUNE``), written by "zoo12" without reading the segmenter.

* ``videoportal``: a video-first TV-news portal dumped as text: "Jakarta, SITE TV --" datelines, video
  embed placeholders with captions, "(xyz/abc)" editor initials closing each story, "Saksikan video"
  / "Watch the video" promos, a program schedule and a "Live streaming" menu, "TAGS" lines.
* ``readermd``: pages fetched as Markdown by a reader tool, several per file: "Title:", "URL Source:",
  "Published Time:", "Markdown Content:", then "# Title", "![image](url)" lines, "[text](url)" menus
  and "* " bullets of links, "---" rules.
* ``chatexport``: chat-group exports: "[12/03/19 14:05] Name: …" lines, forwarded stories (title line,
  then the body), "Sumber: …" / "Source: …" links, emoji reactions and short replies between stories.
* ``monitoring``: a PR agency's media-monitoring report: cover page, an index listing every clipping
  title, numbered clippings with "Media: … | Tanggal: … | Halaman: … | Tone: …" header blocks,
  page footers between clippings.
* ``cmshtml``: one saved .html page per story from a CMS: nested divs with classes, an inline
  "related" box, JSON-LD, a cookie dialog and a comment widget; EN and ID versions.

The gold holds the title and the body sentences only, in text order.
"""

from __future__ import annotations

import html
import json
import random

from benchmarks.layouts.common import (DAYS_EN, DAYS_ID, MONTHS_EN, MONTHS_ID, NAMES, Doc, Rendered,
                                       block_record, by_language, date_parts, page_files, sentence_blocks)






def _slug(title: str) -> str:
    words = "".join(c if c.isalnum() or c == " " else " " for c in title.lower()).split()
    return "-".join(words[:7])




# ---------------------------------------------------------------- videoportal

_CITIES = ["Jakarta", "Surabaya", "Bandung", "Medan", "Makassar", "Denpasar"]
_SHOWS = ["Kabar Pagi", "Sapa Nusantara", "Lintas Siang", "Warta Petang", "Sorot Malam", "Dialog Akhir Pekan"]


def render_videoportal(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def page(lang: str, items: list[Doc]):
        en = lang == "en"
        lines = ["RAJAWALI TV NEWS", "Live streaming  |  Video  |  Program  |  Jadwal Acara" if not en else
                 "Live streaming  |  Video  |  Shows  |  TV Schedule", "",
                 "JADWAL ACARA HARI INI" if not en else "TODAY'S SCHEDULE"]
        hour = 5
        for show in rng.sample(_SHOWS, 4):
            lines.append(f"{hour:02d}.00 WIB  {show}")
            hour += rng.randint(2, 4)
        lines += ["", ""]
        records = []
        for doc in items:
            title, blocks = doc.sentences[0], sentence_blocks(doc.sentences, rng)
            d, m, y, hh, mm = date_parts(rng)
            day = (DAYS_EN if en else DAYS_ID)[rng.randint(0, 6)]
            stamp = (f"{day}, {MONTHS_EN[m - 1]} {d}, {y} {hh:02d}:{mm:02d} WIB" if en else
                     f"{day}, {d} {MONTHS_ID[m - 1]} {y} | {hh:02d}:{mm:02d} WIB")
            lines += [title, stamp, f"{'Reporter' if en else 'Reporter'}: {rng.choice(NAMES)}", ""]
            if rng.random() < 0.7:
                lines += [f"[VIDEO] {rng.randint(1, 4)}:{rng.randint(0, 59):02d}",
                          ("Video: " if en else "Video: ") + rng.choice(
                              ["footage from the scene", "report from our correspondent", "press conference"] if en else
                              ["suasana di lokasi", "laporan koresponden kami", "konferensi pers"]), ""]
            initials = "".join(rng.choice("abcdefghijklmnoprstuwy") for _ in range(3))
            for k, block in enumerate(blocks):
                text = " ".join(block)
                if k == 0:
                    text = f"{rng.choice(_CITIES)}, Rajawali TV -- {text}"
                if k == len(blocks) - 1:
                    text += f" ({initials}/{''.join(rng.choice('abcdefgh') for _ in range(3))})"
                lines += [text, ""]
                if k == 1 and rng.random() < 0.5:
                    lines += ["Watch the video: " + rng.choice(items).sentences[0] if en else
                              "Saksikan video: " + rng.choice(items).sentences[0], ""]
            lines += ["Saksikan Live Streaming Rajawali TV di sini" if not en else "Watch Rajawali TV live streaming here",
                      "TAGS: " + " ".join(f"#{w}" for w in rng.sample(["politik", "ekonomi", "banjir", "pemilu",
                                                                        "olahraga", "jakarta", "viral"], 3)),
                      "", "", ""]
            records.append(block_record(doc, title, blocks))
        return lines + ["© Rajawali TV. All Rights Reserved | Pedoman Media Siber"], records

    return page_files("videoportal", by_language(docs, rng), 10, page)


# ---------------------------------------------------------------- readermd

def render_readermd(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def page(lang: str, items: list[Doc]):
        en = lang == "en"
        base = "https://lenteranews.example"
        lines, records = [], []
        menu = ["World", "Business", "Tech", "Sport"] if en else ["Nasional", "Ekonomi", "Tekno", "Olahraga"]
        for doc in items:
            title, blocks = doc.sentences[0], sentence_blocks(doc.sentences, rng)
            d, m, y, hh, mm = date_parts(rng)
            url = f"{base}/{y}/{m:02d}/{_slug(title)}"
            lines += [f"Title: {title}", "", f"URL Source: {url}", "",
                      f"Published Time: {y}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}:00+07:00", "",
                      "Markdown Content:", f"[Lentera News]({base}/)", "",
                      " ".join(f"[{w}]({base}/{w.lower()})" for w in menu), "", "---", "",
                      f"# {title}", "",
                      f"{'By' if en else 'Oleh'} [{rng.choice(NAMES)}]({base}/author/{rng.randint(10, 99)})", ""]
            if rng.random() < 0.7:
                lines += [f"![Image {rng.randint(1, 9)}]({base}/img/{rng.randint(1000, 9999)}.jpg)", ""]
            others = [o for o in items if o is not doc]
            for k, block in enumerate(blocks):
                lines += [" ".join(block), ""]
                if k == 1 and others:
                    other = rng.choice(others).sentences[0]
                    lines += [f"**{'Read also' if en else 'Baca juga'}:** [{other}]({base}/{_slug(other)})", ""]
            lines += ["---", "", f"## {'Related' if en else 'Berita Terkait'}", ""]
            for other in rng.sample(others, min(3, len(others))):
                lines.append(f"*   [{other.sentences[0]}]({base}/{_slug(other.sentences[0])})")
            lines += ["", f"[{'Share' if en else 'Bagikan'}](https://x.example/share?u={url}) "
                          f"[WhatsApp](https://wa.example/send?text={url})", "", "", ""]
            records.append(block_record(doc, title, blocks))
        return lines, records

    return page_files("readermd", by_language(docs, rng), 6, page)


# ---------------------------------------------------------------- chatexport

_REPLIES_EN = ["Wow 😮", "Is this true?", "Thanks for sharing 🙏", "Saw this on TV last night", "👍👍",
               "Hoax or not?", "Stay safe everyone", "ok noted"]
_REPLIES_ID = ["Wah 😮", "Ini beneran?", "Makasih infonya 🙏", "Semalam ada di TV", "👍👍", "Hoaks bukan nih?",
               "Hati-hati semua ya", "siap, noted"]


def render_chatexport(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def page(lang: str, items: list[Doc]):
        en = lang == "en"
        d, m, y, hh, mm = date_parts(rng)
        y2 = y % 100
        lines = [f"[{d:02d}/{m:02d}/{y2} {hh:02d}:{mm:02d}] "
                 + ("Messages and calls are end-to-end encrypted." if en else
                    "Pesan dan panggilan terenkripsi secara end-to-end."),
                 f"[{d:02d}/{m:02d}/{y2} {hh:02d}:{mm:02d}] {rng.choice(NAMES)} "
                 + ("created group \"Alumni 98 Info\"" if en else "membuat grup \"Alumni 98 Info\"")]
        records, clock = [], hh * 60 + mm
        for doc in items:
            title, blocks = doc.sentences[0], sentence_blocks(doc.sentences, rng)
            clock += rng.randint(1, 40)
            who = rng.choice(NAMES)
            stamp = f"[{d:02d}/{m:02d}/{y2} {clock // 60 % 24:02d}:{clock % 60:02d}]"
            lines += [f"{stamp} {who}: {'Forwarded' if en else 'Diteruskan'}", f"*{title}*", ""]
            for block in blocks:
                lines += [" ".join(block), ""]
            src = "Source" if en else "Sumber"
            lines.append(f"{src}: https://kabarkini.example/read/{rng.randint(100000, 999999)}/{_slug(title)}")
            for _ in range(rng.randint(0, 3)):
                clock += rng.randint(0, 5)
                lines.append(f"[{d:02d}/{m:02d}/{y2} {clock // 60 % 24:02d}:{clock % 60:02d}] {rng.choice(NAMES)}: "
                             f"{rng.choice(_REPLIES_EN if en else _REPLIES_ID)}")
            if rng.random() < 0.4:
                lines.append(f"{rng.choice(['👍', '😢', '😂', '🙏'])} {rng.randint(1, 9)}")
            records.append(block_record(doc, title, blocks))
        return lines, records

    return page_files("chatexport", by_language(docs, rng), 8, page)


# ---------------------------------------------------------------- monitoring

_MEDIA = ["Harian Nusantara", "Warta Ekonomi Kita", "Pos Pagi", "Suara Timur", "Jurnal Kota", "Kabar Andalas"]


def render_monitoring(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def page(lang: str, items: list[Doc]):
        en = lang == "en"
        d, m, y, _, _ = date_parts(rng)
        client = rng.choice(["PT Sinar Bahari Tbk", "Bank Arunika", "Kementerian Contoh"])
        lines = ["PRISMA KOMUNIKA", "MEDIA MONITORING REPORT" if en else "LAPORAN PEMANTAUAN MEDIA",
                 f"{'Client' if en else 'Klien'}: {client}",
                 f"{'Period' if en else 'Periode'}: {d} {MONTHS_ID[m - 1]} {y}", "", "",
                 "INDEX OF CLIPPINGS" if en else "DAFTAR KLIPING", ""]
        for i, doc in enumerate(items, 1):
            lines.append(f"{i}. {doc.sentences[0]} .......... {i + 1}")
        lines += ["", "Prisma Komunika | Confidential | 1", "\f"]
        records = []
        for i, doc in enumerate(items, 1):
            title, blocks = doc.sentences[0], sentence_blocks(doc.sentences, rng)
            tone = rng.choice(["Positif", "Netral", "Negatif"] if not en else ["Positive", "Neutral", "Negative"])
            media = rng.choice(_MEDIA)
            if en:
                head = f"Media: {media} | Date: {d} {MONTHS_EN[m - 1]} {y} | Page: {rng.randint(1, 24)} | Tone: {tone}"
            else:
                head = f"Media: {media} | Tanggal: {d} {MONTHS_ID[m - 1]} {y} | Halaman: {rng.randint(1, 24)} | Tone: {tone}"
            lines += [f"{'CLIPPING' if en else 'KLIPING'} {i:03d}", head,
                      f"Journalist: {rng.choice(NAMES)} | Section: {rng.choice(['Ekonomi', 'Nasional', 'Metro'])}"
                      if en else f"Wartawan: {rng.choice(NAMES)} | Rubrik: {rng.choice(['Ekonomi', 'Nasional', 'Metro'])}",
                      f"AVE: Rp {rng.randint(5, 90)}.{rng.randint(100, 999)}.000 | PR Value: Rp {rng.randint(20, 270)}.000.000",
                      "", title, ""]
            for block in blocks:
                lines += [" ".join(block), ""]
            lines += [f"Prisma Komunika | Confidential | {i + 1}", "\f"]
            records.append(block_record(doc, title, blocks))
        return lines, records

    return page_files("monitoring", by_language(docs, rng), 12, page)


# ---------------------------------------------------------------- cmshtml

def render_cmshtml(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    groups = by_language(docs, rng)
    out = []
    for lang, items in groups.items():
        en = lang == "en"
        titles = [doc.sentences[0] for doc in items]
        for n, doc in enumerate(items):
            title, blocks = doc.sentences[0], sentence_blocks(doc.sentences, rng)
            e = html.escape
            d, m, y, hh, mm = date_parts(rng)
            author = rng.choice(NAMES)
            ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
                  "datePublished": f"{y}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}:00+07:00",
                  "author": {"@type": "Person", "name": author},
                  "publisher": {"@type": "Organization", "name": "Gema Kota"},
                  "description": blocks[0][0] if blocks else title}
            related = rng.sample([t for t in titles if t != title], 3)
            parts = [f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">',
                     f"<title>{e(title)} | Gema Kota</title>",
                     f'<meta property="og:title" content="{e(title)}">',
                     f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>',
                     "</head><body>",
                     '<div id="cookie-consent" class="cc-window"><div class="cc-message">'
                     + ("We use cookies to improve your experience on our site." if en else
                        "Kami menggunakan cookie untuk meningkatkan pengalaman Anda di situs kami.")
                     + '</div><button class="cc-btn">' + ("Accept all" if en else "Terima semua") + "</button></div>",
                     '<div class="site-wrap"><header class="gk-header"><div class="gk-logo">Gema Kota</div>'
                     '<ul class="gk-nav"><li>' + "</li><li>".join(
                         ["Home", "News", "Economy", "Sport"] if en else ["Beranda", "Berita", "Ekonomi", "Olahraga"])
                     + "</li></ul></header>",
                     '<main class="gk-main"><div class="gk-col gk-col--left"><div class="gk-article">',
                     f'<div class="gk-article__head"><div class="gk-kicker">{"News" if en else "Berita"}</div>'
                     f'<div class="gk-article__title">{e(title)}</div>'
                     f'<div class="gk-meta"><span class="gk-author">{e(author)}</span> '
                     f'<span class="gk-date">{d:02d}/{m:02d}/{y} {hh:02d}:{mm:02d}</span></div></div>',
                     '<div class="gk-article__body"><div class="gk-text">']
            for k, block in enumerate(blocks):
                parts.append(f'<div class="gk-p">{e(" ".join(block))}</div>')
                if k == 1:
                    parts.append('<div class="gk-related"><div class="gk-related__label">'
                                 + ("Related" if en else "Terkait") + "</div>"
                                 + "".join(f'<div class="gk-related__item"><a href="/r/{i}">{e(t)}</a></div>'
                                           for i, t in enumerate(related)) + "</div>")
            parts += ["</div></div>",
                      '<div class="gk-tags">' + " ".join(f"<span>#{t}</span>" for t in rng.sample(
                          ["kota", "warga", "pemerintah", "ekonomi", "cuaca"], 2)) + "</div>",
                      "</div></div>",
                      '<aside class="gk-col gk-col--right"><div class="gk-popular"><div class="gk-popular__label">'
                      + ("Most read" if en else "Terpopuler") + "</div>"
                      + "".join(f'<div class="gk-popular__item">{e(t)}</div>' for t in rng.sample(titles, 4))
                      + "</div></aside></main>",
                      '<div class="gk-comments"><div class="gk-comments__count">'
                      + (f"{rng.randint(0, 30)} Comments" if en else f"{rng.randint(0, 30)} Komentar") + "</div>"
                      + f'<div class="gk-comment"><div class="gk-comment__name">{e(rng.choice(NAMES))}</div>'
                      + '<div class="gk-comment__text">'
                      + ("Good article, thanks." if en else "Beritanya bagus, terima kasih.") + "</div></div>"
                      + '<textarea placeholder="' + ("Write a comment" if en else "Tulis komentar") + '"></textarea></div>',
                      '<footer class="gk-footer"><div>© Gema Kota ' + str(y) + "</div></footer></div></body></html>"]
            out.append(Rendered(f"cmshtml-{lang}-{n:03d}.html", "\n".join(parts) + "\n", [block_record(doc, title, blocks)]))
    return out


LAYOUTS = {"videoportal": render_videoportal, "readermd": render_readermd, "chatexport": render_chatexport,
           "monitoring": render_monitoring, "cmshtml": render_cmshtml}
