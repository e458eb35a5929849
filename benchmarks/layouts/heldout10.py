"""Test layouts (group ``TEST10``), written by a separate hand ("zoo10") who read the zoo's README,
``common.py`` and ``heldout8.py`` but never the segmenter, its rules or its output on these files.
Test material only: nothing may be tuned on them (see README.md, "heldout10").

* ``courier``: an English-language Indonesian daily and its Indonesian sister site: premium label,
  writer and place/date lines, place-and-province datelines, a subscriber teaser inside the text,
  topic tags, share and text-size controls.
* ``tvnews``: a TV channel's news portal: channel/date line, captioned photo, "City, CHANNEL --"
  leads, video and social embed markers, editor initials after the last sentence, related lists.
* ``lynx``: article pages dumped by a text browser and concatenated: numbered link markers (some
  inside sentences; gold has none), indented text wrapped at 76-79 columns, per-page reference lists.
* ``reader``: pages fetched by a reader/scraper tool as Markdown: "Title:" / "URL Source:" /
  "Published Time:" headers, link menus, setext or ATX headings, image lines, bold "read also" links.
* ``savedcms``: saved .html pages of another CMS (one story per file, both versions of 55 stories):
  nested divs, inline scripts, JSON-LD, cookie dialog, ticker, inline related box, comments.
* ``chatshare``: chat-group exports in which members forward news stories: a timestamp and sender
  before every message (the title line too), chatter, media and system lines, source links.
* ``clipping``: a PR agency's media-monitoring report: a field block per clipping (outlet, date,
  page, section, tone, ad value), page headers, analyst notes.
* ``basajawa``: a Central Java regional portal whose Indonesian files hold Javanese articles (gold
  language ``jv``) and Malaysian Malay wire stories (``ms``) written for this module; English edition
  files beside them.
"""

from __future__ import annotations

import html
import json
import random
import re
import textwrap

from benchmarks.layouts.common import (DAYS_EN, DAYS_ID, MONTHS_EN, MONTHS_ID, Doc, Page, Rendered, by_language,
                                       date_parts, gold, paragraphs, render_pages)

_PEOPLE = ["Wahyu Hidayat", "Citra Kirana", "Fajar Ramadhan", "Nur Aini", "Yusuf Maulana", "Helen Carter",
           "Ryan Douglas", "Putri Ayu", "Bambang Sutrisno", "Grace Tanoto", "Dimas Aditya", "Sarah Whitfield"]
_PLACES = [("MAKASSAR", "South Sulawesi", "Sulawesi Selatan"), ("BALIKPAPAN", "East Kalimantan", "Kalimantan Timur"),
           ("KUPANG", "East Nusa Tenggara", "Nusa Tenggara Timur"), ("PEKANBARU", "Riau", "Riau"),
           ("SEMARANG", "Central Java", "Jawa Tengah"), ("DENPASAR", "Bali", "Bali")]


def _slug(title: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", title.lower())[:8])


def _initials(rng: random.Random) -> str:
    return "".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=3))


def _snippet(body: list[str], rng: random.Random, lo: int = 40, hi: int = 80) -> str:
    """A caption-sized piece of a paragraph, cut at a word (not a gold sentence)."""
    text = rng.choice(body) if body else "Foto"
    return text[:rng.randint(lo, hi)].rsplit(" ", 1)[0].rstrip(",;:")


# ---------------------------------------------------------------- courier

_TOPICS = ["economy", "jokowi", "infrastructure", "health", "climate", "regions", "trade", "education",
           "tourism", "energy", "technology", "elections"]


def render_courier(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def head(page: Page) -> list[str]:
        if page.lang == "en":
            return ["The Nusa Herald", "Indonesia's independent voice since 1987", "",
                    "Sign in   Subscribe   Epaper", ""]
        return ["HERALD NUSA", "Suara independen sejak 1987", "", "Masuk   Berlangganan   Epaper", ""]

    def foot(page: Page) -> list[str]:
        if page.lang == "en":
            return ["", f"Your premium period will end in {rng.randint(1, 9)} day(s)", "close x", ""]
        return ["", f"Masa premium Anda akan berakhir dalam {rng.randint(1, 9)} hari", "tutup x", ""]

    def article(page: Page, _k: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        en = page.lang == "en"
        d, m, y, _hh, _mm = date_parts(rng)
        wd = rng.randint(0, 6)
        premium = rng.random() < 0.4
        lines = []
        if premium:
            lines.append("Premium" if en else "Eksklusif")
        lines.append(rng.choice(["Indonesia · Politics", "Business · Economy", "Regions · Society",
                                 "World · Asia & Pacific", "Life · Science"] if en else
                                ["Nasional · Politik", "Bisnis · Ekonomi", "Daerah · Masyarakat",
                                 "Dunia · Asia Pasifik", "Gaya Hidup · Sains"]))
        lines += [title, ""]
        writer = rng.choice(_PEOPLE)
        place = rng.choice(["Jakarta", "Surabaya", "Makassar", "Medan"])
        if en:
            lines += [f"{writer} (The Nusa Herald)", f"{place} ● {DAYS_EN[wd][:3]}, {MONTHS_EN[m - 1]} {d}, {y}", ""]
        else:
            lines += [f"{writer} (Herald Nusa)", f"{place} ● {DAYS_ID[wd]}, {d} {MONTHS_ID[m - 1]} {y}", ""]
        for k, p in enumerate(body):
            if k == 0 and rng.random() < 0.8:
                city, prov_en, prov_id = rng.choice(_PLACES)
                p = f"{city}, {prov_en if en else prov_id} — {p}" if rng.random() < 0.6 else f"{city} — {p}"
            lines += [p, ""]
            if premium and k == 1 and len(body) > 3:
                lines += (["Get the best of Indonesia's news, every single day.",
                           "Subscribe to Herald Premium from Rp 55,000 a month.",
                           "Already a subscriber? Sign in", ""] if en else
                          ["Dapatkan berita terbaik tentang Indonesia setiap hari.",
                           "Berlangganan Herald Premium mulai Rp 55.000 per bulan.",
                           "Sudah berlangganan? Masuk", ""])
            if k == 3 and rng.random() < 0.5:
                other = rng.choice(page.items).sentences[0]
                lines += [f"{'Related' if en else 'Terkait'}: {other}", ""]
        tags = rng.sample(_TOPICS, rng.randint(2, 4))
        lines += ["Topics :" if en else "Topik :", *tags, ""]
        lines += (["Share This Article", "Change Size"] if en else ["Bagikan Artikel Ini", "Ubah Ukuran Teks"])
        return lines + ["", ""]

    return render_pages("courier", by_language(docs, rng), 11, rng, article, head, foot)


# ---------------------------------------------------------------- tvnews

def render_tvnews(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def head(page: Page) -> list[str]:
        return ["LAYAR NUSANTARA", "TV | Nasional | Internasional | Ekonomi | Olahraga | Teknologi | Hiburan"
                if page.lang == "id" else "TV | National | World | Business | Sport | Tech | Entertainment", ""]

    def article(page: Page, _k: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        en = page.lang == "en"
        d, m, y, hh, mm = date_parts(rng)
        wd = rng.randint(0, 6)
        day = (DAYS_EN if en else DAYS_ID)[wd]
        lines = [title, f"LNTV {'English' if en else 'Indonesia'} | {day}, {d:02d}/{m:02d}/{y} {hh:02d}:{mm:02d} WIB",
                 "Share :" if en else "Bagikan :", ""]
        if body and rng.random() < 0.7:
            photographer = rng.choice(_PEOPLE)
            if rng.random() < 0.5:
                lines += [f"{'Illustration' if en else 'Ilustrasi'}. (LNTV/{photographer})", ""]
            else:
                lines += [f"{_snippet(body, rng)}. (LNTV/{photographer})", ""]
        editors = "/".join(_initials(rng) for _ in range(rng.choice([2, 2, 3])))
        glued = False
        for k, p in enumerate(body):
            if k == 0:
                city = rng.choice(["Jakarta"] * 4 + ["Bandung", "Surabaya", "Medan"])
                p = f"{city}, LNTV {'English' if en else 'Indonesia'} -- {p}"
            last = k == len(body) - 1
            if last and rng.random() < 0.8:
                p, glued = f"{p} ({editors})", True
            lines += [p, ""]
            if k == 1 and rng.random() < 0.6:
                lines += ["[Gambas:Video LNTV]", ""]
            if k == 3 and rng.random() < 0.3:
                lines += [f"[Gambas:{rng.choice(['Instagram', 'Twitter', 'Youtube'])}]", ""]
        if not glued:
            lines += [f"({editors})", ""]
        if rng.random() < 0.5:
            lines += ["[Gambas:Video LNTV]", ""]
        tags = rng.sample(["PEMILU 2019", "BANJIR", "EKONOMI", "BREXIT", "TEKNOLOGI", "KESEHATAN", "SEPAK BOLA"], 3)
        lines += ["RELATED TOPICS" if en else "TOPIK TERKAIT", *tags, ""]
        lines += ["RELATED ARTICLES" if en else "ARTIKEL TERKAIT"]
        lines += [rng.choice(page.items).sentences[0] for _ in range(3)]
        lines += ["SEE ALL" if en else "LIHAT SEMUA", "", ""]
        return lines

    return render_pages("tvnews", by_language(docs, rng), 12, rng, article, head)


# ---------------------------------------------------------------- lynx

def render_lynx(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def wrap(text: str, width: int, indent: str = "   ") -> list[str]:
        return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent,
                             break_long_words=False, break_on_hyphens=False)

    def head(page: Page) -> list[str]:
        page.state["width"] = rng.randint(76, 79)
        return []

    def article(page: Page, _k: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        en = page.lang == "en"
        width = page.state["width"]
        host = "https://www.straitdispatch.com" if en else "https://kabarselat.co.id"
        n = 0
        refs: list[str] = []

        def link(url: str) -> str:
            nonlocal n
            n += 1
            refs.append(url)
            return f"[{n}]"

        menu = (["Home", "News", "Business", "Opinion", "Lifestyle", "Sport", "Search"] if en else
                ["Beranda", "Berita", "Ekonomi", "Opini", "Gaya Hidup", "Olahraga", "Cari"])
        lines = [f"   {link(host + '/#main')}{'Skip to content' if en else 'Langsung ke konten'}",
                 f"   {link(host + '/')}{'Strait Dispatch' if en else 'Kabar Selat'}", ""]
        lines += [f"     * {link(host + '/' + item.lower().replace(' ', '-'))}{item}" for item in menu] + [""]
        lines += textwrap.wrap(title, width, break_long_words=False, break_on_hyphens=False) + [""]
        d, m, y, hh, mm = date_parts(rng)
        author = rng.choice(_PEOPLE)
        by = f"By {link(host + '/author/' + _slug(author))}{author}" if en else \
            f"Oleh {link(host + '/penulis/' + _slug(author))}{author}"
        stamp = (f"{MONTHS_EN[m - 1]} {d}, {y} at {hh:02d}:{mm:02d}" if en else
                 f"{d} {MONTHS_ID[m - 1]} {y} pukul {hh:02d}.{mm:02d} WIB")
        lines += [f"   {by}", f"   {stamp}", ""]
        if rng.random() < 0.5:
            lines += [f"   {link(host + '/img/' + str(rng.randint(1000, 9999)) + '.jpg')}[photo]",
                      *wrap(_snippet(body, rng), width), ""]
        for k, p in enumerate(body):
            if rng.random() < 0.2:
                words = p.split(" ")
                spots = [i for i, w in enumerate(words) if i and w[:1].isupper()]
                if spots:
                    i = rng.choice(spots)
                    words[i] = link(host + "/tag/" + _slug(words[i])) + words[i]
                    p = " ".join(words)
            lines += wrap(p, width) + [""]
            if k == 2 and rng.random() < 0.5:
                other = rng.choice(page.items).sentences[0]
                lines += wrap(f"{'Read more' if en else 'Baca juga'}: {link(host + '/' + _slug(other))}{other}",
                              width) + [""]
        lines += [f"   {'Share' if en else 'Bagikan'}: {link('https://facebook.com/sharer')}Facebook "
                  f"{link('https://x.com/intent')}X {link('https://wa.me/')}WhatsApp", ""]
        lines += [f"   © {y} {'Strait Dispatch' if en else 'Kabar Selat'}. "
                  f"{link(host + '/privacy')}{'Privacy' if en else 'Privasi'} "
                  f"{link(host + '/terms')}{'Terms' if en else 'Ketentuan'}", "", "References", ""]
        lines += [f"  {i:>2}. {url}" for i, url in enumerate(refs, 1)]
        return lines + ["", ""]

    return render_pages("lynx", by_language(docs, rng), 9, rng, article, head)


# ---------------------------------------------------------------- reader

def render_reader(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def article(page: Page, _k: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        en = page.lang == "en"
        host = "https://lenteratimur.com/en" if en else "https://lenteratimur.com"
        url = f"{host}/{rng.choice(['news', 'berita'])}/{rng.randint(100000, 999999)}/{_slug(title)}"
        d, m, y, hh, mm = date_parts(rng)
        lines = [f"Title: {title}", "", f"URL Source: {url}", "",
                 f"Published Time: {y}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}:00+07:00", "", "Markdown Content:"]
        lines += [f"[{'Skip to content' if en else 'Lewati ke konten'}]({url}#content)", ""]
        menu = (["Home", "Politics", "Economy", "Culture", "Sports"] if en else
                ["Beranda", "Politik", "Ekonomi", "Budaya", "Olahraga"])
        lines += [f"*   [{item}]({host}/{item.lower()})" for item in menu] + [""]
        if rng.random() < 0.5:
            lines += [title, "=" * min(len(title), 80), ""]
        else:
            lines += [f"# {title}", ""]
        author = rng.choice(_PEOPLE)
        lines += [f"{'By' if en else 'Oleh'} [{author}]({host}/author/{_slug(author)}) · "
                  f"{rng.randint(2, 9)} {'min read' if en else 'menit baca'}", ""]
        if rng.random() < 0.6:
            n = rng.randint(1, 3)
            lines += [f"![Image {n}: {_snippet(body, rng)}](https://cdn.lenteratimur.com/{y}/{m:02d}/img{n}.jpg)", ""]
        for k, p in enumerate(body):
            lines += [p, ""]
            if k == 1 and rng.random() < 0.5:
                other = rng.choice(page.items).sentences[0]
                lines += [f"**{'Read also' if en else 'Baca juga'}:** [{other}]({host}/{_slug(other)})", ""]
            if k == 4 and rng.random() < 0.5:
                lines += [f"[![Image {rng.randint(4, 9)}: Advertisement](https://ads.lenteratimur.com/b.gif)]"
                          f"(https://ads.lenteratimur.com/click)", ""]
        lines += [f"{'Share' if en else 'Bagikan'}: [Facebook](https://facebook.com/sharer?u={url}) "
                  f"[X](https://x.com/intent/post?url={url}) [WhatsApp](https://wa.me/?text={url})", ""]
        lines += ["* * *", "", ""]
        return lines

    return render_pages("reader", by_language(docs, rng), 10, rng, article)


# ---------------------------------------------------------------- savedcms

def render_savedcms(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    by_key: dict[str, dict[str, Doc]] = {}
    for doc in docs:
        by_key.setdefault(doc.key, {})[doc.lang] = doc
    keys = sorted(k for k, v in by_key.items() if len(v) == 2)
    rng.shuffle(keys)
    picked = [by_key[k][lang] for k in keys[:55] for lang in ("en", "id")]
    rng.shuffle(picked)
    esc = html.escape
    out = []
    for n, doc in enumerate(picked):
        en = doc.lang == "en"
        title, *body = paragraphs(doc.sentences, rng)
        d, m, y, hh, mm = date_parts(rng)
        author = rng.choice(_PEOPLE)
        others = [rng.choice(picked).sentences[0] for _ in range(4)]
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
              "datePublished": f"{y}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}:00+07:00",
              "author": {"@type": "Person", "name": author},
              "publisher": {"@type": "Organization", "name": "Suara Tepian"},
              "description": _snippet(body, rng, 80, 150)}
        stamp = (f"{DAYS_EN[rng.randint(0, 6)]}, {MONTHS_EN[m - 1]} {d}, {y} - {hh:02d}:{mm:02d}" if en else
                 f"{DAYS_ID[rng.randint(0, 6)]}, {d} {MONTHS_ID[m - 1]} {y} - {hh:02d}:{mm:02d} WIB")
        parts = ["<!doctype html>", f'<html lang="{"en" if en else "id"}" class="no-js">', "<head>",
                 '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
                 f"<title>{esc(title)} | Suara Tepian</title>",
                 f'<meta property="og:title" content="{esc(title)}">',
                 f'<meta name="description" content="{esc(ld["description"])}">',
                 '<script type="application/ld+json">' + json.dumps(ld, ensure_ascii=False) + "</script>",
                 "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
                 "gtag('js',new Date());gtag('config','G-XXXX');</script>",
                 '<style>.cookie{position:fixed;bottom:0}.ad-slot{min-height:250px}</style>', "</head>",
                 '<body class="single single-post">',
                 '<div id="cookie-notice" class="cookie" role="dialog"><div class="cookie__inner">',
                 "<p>" + ("We use cookies to improve your experience and to show you relevant ads. By continuing"
                          " to browse, you agree to our use of cookies." if en else
                          "Kami menggunakan cookie untuk meningkatkan pengalaman Anda dan menampilkan iklan yang"
                          " relevan. Dengan melanjutkan, Anda menyetujui penggunaan cookie.") + "</p>",
                 f'<button class="btn">{"Accept all" if en else "Terima semua"}</button>'
                 f'<button class="btn btn--ghost">{"Settings" if en else "Pengaturan"}</button></div></div>',
                 '<div class="site"><div class="site-header"><div class="container"><div class="row">',
                 '<div class="logo"><a href="/">Suara Tepian</a></div>', '<div class="nav"><ul class="menu">',
                 *[f'<li class="menu-item"><a href="/{i.lower()}">{i}</a></li>' for i in
                   (["News", "Region", "Economy", "Sport", "Video"] if en else
                    ["Berita", "Daerah", "Ekonomi", "Olahraga", "Video"])],
                 "</ul></div></div></div></div>",
                 f'<div class="ticker"><span class="ticker__label">{"BREAKING" if en else "TERKINI"}</span>'
                 f'<a href="/t/1">{esc(others[0])}</a></div>',
                 '<div class="site-content"><div class="container"><div class="row"><div class="col-main">',
                 '<div class="post"><div class="post-header">',
                 f'<div class="post-cat"><a href="/c">{"Region" if en else "Daerah"}</a></div>',
                 f'<h1 class="post-title">{esc(title)}</h1>',
                 f'<div class="post-meta"><span class="author">{"By" if en else "Oleh"} <a href="/a">'
                 f'{author}</a></span> <span class="date">{stamp}</span></div></div>']
        if body and rng.random() < 0.6:
            parts.append(f'<div class="post-thumb"><figure><img src="/img/{n}.jpg" alt="">'
                         f"<figcaption>{esc(_snippet(body, rng))} (Suara Tepian/{rng.choice(_PEOPLE)})"
                         "</figcaption></figure></div>")
        parts.append('<div class="post-content entry-content">')
        for k, p in enumerate(body):
            parts.append(f"<p>{esc(p)}</p>")
            if k == 1:
                parts.append('<div class="ad-slot"><span>' + ("Advertisement" if en else "Iklan") +
                             "</span><script>googletag.cmd.push(function(){googletag.display('ad-1');});"
                             "</script></div>")
            if k == 2 and rng.random() < 0.6:
                parts.append(f'<div class="inline-related"><strong>{"Also read" if en else "Baca juga"}</strong>'
                             f' <a href="/r">{esc(others[1])}</a></div>')
        parts += ["</div>", '<div class="post-tags"><span>Tags:</span> ' +
                  " ".join(f'<a href="/tag/{t}">{t}</a>' for t in rng.sample(_TOPICS, 3)) + "</div>",
                  '<div class="share"><a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a></div>',
                  '<div class="newsletter"><h4>' + ("Get our morning brief" if en else "Dapatkan ringkasan pagi") +
                  '</h4><form><input type="email" placeholder="Email"><button>' +
                  ("Sign up" if en else "Daftar") + "</button></form></div>",
                  '<div class="related"><h3>' + ("You may also like" if en else "Berita lainnya") + "</h3><ul>",
                  *[f'<li><a href="/x/{k}">{esc(t)}</a></li>' for k, t in enumerate(others[2:])], "</ul></div>"]
        count = rng.randint(0, 3)
        parts.append(f'<section id="comments"><h3>{count} {"comments" if en else "komentar"}</h3>')
        for _ in range(count):
            remark = rng.choice(["Great report, thanks.", "Finally someone writes about this!",
                                 "I don't agree with the last part."] if en else
                                ["Mantap, terima kasih infonya.", "Semoga cepat ada solusinya.",
                                 "Kok baru sekarang diberitakan?"])
            parts.append(f'<div class="comment"><div class="comment-author">{rng.choice(_PEOPLE)}</div>'
                         f"<p>{remark}</p></div>")
        parts += ["</section>", "</div></div>", '<div class="col-side"><div class="widget"><h3>' +
                  ("Most read" if en else "Terpopuler") + "</h3><ol>",
                  *[f'<li><a href="/p/{k}">{esc(t)}</a></li>' for k, t in enumerate(others)], "</ol></div></div>",
                  "</div></div></div>",
                  f'<div class="site-footer"><p>Copyright © {y} Suara Tepian. '
                  f'{"All rights reserved." if en else "Seluruh hak cipta dilindungi."}</p>'
                  '<p><a href="/redaksi">Redaksi</a> · <a href="/pedoman">Pedoman Media Siber</a></p></div>',
                  "</div>", "<noscript>" + ("Please enable JavaScript." if en else "Aktifkan JavaScript.") +
                  "</noscript>", "</body></html>"]
        out.append(Rendered(f"savedcms-{n:03d}.html", "\n".join(parts) + "\n", [gold(doc)]))
    return out


# ---------------------------------------------------------------- chatshare

_CHATTER_ID = ["Wah serius ini?", "Ngeri juga ya", "Semoga cepat beres 🙏", "<Media tidak disertakan>",
               "Pesan ini telah dihapus", "Hoaks bukan nih?", "Sudah dicek, beritanya benar kok", "👍👍",
               "Nanti malam kumpul jadi?", "Jadi, jam 7 ya", "Siap", "Mantap", "Baru baca tadi pagi",
               "Makasih infonya pak", "Ada link aslinya?"]
_CHATTER_EN = ["Wow, is this for real?", "That's worrying", "Thanks for sharing", "<Media omitted>",
               "This message was deleted", "Is this fake news?", "Checked it, it's legit", "👍👍",
               "Are we still on for dinner tonight?", "Yes, 7pm", "Sure", "Interesting read",
               "Saw this on TV this morning", "Got the original link?", "Crazy times"]


def render_chatshare(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def stamp(page: Page) -> str:
        minute = page.state["t"] = page.state["t"] + rng.randint(1, 90)
        d, m, y = page.state["day"]
        hh, mm = divmod(minute % 1440, 60)
        if page.lang == "en":
            return f"{m}/{d}/{y % 100}, {hh % 12 or 12}:{mm:02d} {'AM' if hh < 12 else 'PM'}"
        return f"{d:02d}/{m:02d}/{y % 100} {hh:02d}.{mm:02d}"

    def head(page: Page) -> list[str]:
        d, m, y, _hh, _mm = date_parts(rng)
        page.state.update(t=rng.randint(360, 480), day=(d, m, y))
        page.state["members"] = rng.sample(_PEOPLE, 6)
        if page.lang == "en":
            return [f"{stamp(page)} - Messages in this group are end-to-end encrypted.",
                    f"{stamp(page)} - {page.state['members'][0]} created group \"Expat News Swap\""]
        return [f"{stamp(page)} - Pesan di grup ini terenkripsi end-to-end.",
                f"{stamp(page)} - {page.state['members'][0]} membuat grup \"Alumni SMA 3 Info\""]

    def article(page: Page, _k: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        en = page.lang == "en"
        members = page.state["members"]
        lines = []
        for _ in range(rng.randint(0, 3)):
            lines.append(f"{stamp(page)} - {rng.choice(members)}: {rng.choice(_CHATTER_EN if en else _CHATTER_ID)}")
        if rng.random() < 0.1:
            joiner = rng.choice(_PEOPLE)
            joined = "joined using this group's invite link" if en else "bergabung menggunakan tautan undangan grup ini"
            lines.append(f"{stamp(page)} - {joiner} {joined}")
        shown = f"*{title}*" if rng.random() < 0.25 else title
        lines.append(f"{stamp(page)} - {rng.choice(members)}: {shown}")
        lines.append("")
        for p in body:
            lines += [p, ""]
        site = rng.choice(["kabarharian.id", "infoterkini.com", "beritaku.net"])
        lines.append(f"{'Source' if en else 'Sumber'}: https://{site}/{_slug(title)}"
                     if rng.random() < 0.7 else f"_{'Forwarded from' if en else 'Diteruskan dari'} {site}_")
        return lines

    return render_pages("chatshare", by_language(docs, rng), 14, rng, article, head)


# ---------------------------------------------------------------- clipping

_OUTLETS_ID = ["Harian Fajar Nusantara", "Koran Sinar Timur", "Majalah Warta Niaga", "Tabloid Pasar Pekan"]
_OUTLETS_EN = ["The Archipelago Times", "Nusantara Business Weekly", "Eastern Daily Mail"]


def render_clipping(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    def head(page: Page) -> list[str]:
        page.state["no"] = 0
        y = rng.choice([2018, 2019])
        if page.lang == "en":
            return ["MEDIA MONITORING REPORT", "Client: PT Cahaya Samudra Lestari",
                    f"Period: {MONTHS_EN[rng.randint(0, 11)]} {y}", "Prepared by: Cendana Komunika Media Desk", "",
                    "=" * 60, ""]
        return ["LAPORAN MONITORING MEDIA", "Klien: PT Cahaya Samudra Lestari",
                f"Periode: {MONTHS_ID[rng.randint(0, 11)]} {y}", "Disusun oleh: Tim Media Cendana Komunika", "",
                "=" * 60, ""]

    def article(page: Page, _k: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        en = page.lang == "en"
        page.state["no"] += 1
        no = page.state["no"]
        d, m, y, _hh, _mm = date_parts(rng)
        lines = []
        if no > 1 and no % 4 == 1:
            running = ("Media Monitoring Report | Confidential - internal use only | Page" if en else
                       "Laporan Monitoring Media | Rahasia - untuk kalangan internal | Hal.")
            lines += [f"{running} {no // 4 + 1}", ""]
        tone = rng.choice(["Positive", "Neutral", "Negative"] if en else ["Positif", "Netral", "Negatif"])
        value = rng.randint(3, 90) * 500
        if en:
            fields = [("Media", rng.choice(_OUTLETS_EN)),
                      ("Date", f"{DAYS_EN[rng.randint(0, 6)]}, {d} {MONTHS_EN[m - 1]} {y}"),
                      ("Page", str(rng.randint(1, 24))),
                      ("Section", rng.choice(["National", "Business", "World", "Metro"])),
                      ("Tone", tone), ("Ad value", f"USD {value:,}"), ("Journalist", rng.choice(_PEOPLE))]
        else:
            fields = [("Media", rng.choice(_OUTLETS_ID)),
                      ("Tanggal", f"{DAYS_ID[rng.randint(0, 6)]}, {d} {MONTHS_ID[m - 1]} {y}"),
                      ("Halaman", str(rng.randint(1, 24))),
                      ("Rubrik", rng.choice(["Nasional", "Ekonomi", "Dunia", "Metro"])),
                      ("Tone", tone), ("Nilai iklan", f"Rp {value * 1000:,}".replace(",", ".")),
                      ("Wartawan", rng.choice(_PEOPLE))]
        lines += [f"No. {no}"] + [f"{label:<11}: {value_}" for label, value_ in fields] + [""]
        lines += [title, ""]
        for p in body:
            lines += [p, ""]
        note = (rng.choice(["Coverage is neutral; the client is not mentioned.",
                            "Relevant for the client's regional expansion plans.",
                            "Monitor follow-up coverage next week."]) if en else
                rng.choice(["Pemberitaan bernada netral; klien tidak disebut.",
                            "Relevan bagi rencana ekspansi klien di daerah.",
                            "Pantau pemberitaan lanjutan pekan depan."]))
        lines += [f"{'Analyst note' if en else 'Catatan analis'}: {note}",
                  f"[{'Source' if en else 'Sumber'}: {'e-paper' if rng.random() < 0.5 else 'print'}, "
                  f"{'col.' if en else 'kolom'} {rng.randint(1, 3)}-{rng.randint(4, 6)}]", "", "-" * 60, ""]
        return lines

    return render_pages("clipping", by_language(docs, rng), 13, rng, article, head)


# ---------------------------------------------------------------- basajawa

_JV = [
    ["Warga Gunungkidul Gotong Royong Mbangun Embung Anyar",
     "Atusan warga ing Kecamatan Semanu, Gunungkidul, gotong royong mbangun embung anyar kanggo nyimpen banyu udan.",
     "Embung kuwi dikarepake bisa nyukupi kabutuhan banyu kanggo sawah nalika mangsa ketiga.",
     "Kepala desa ngandhakake yen pambangunan embung wis direncanakake wiwit taun kepungkur.",
     "Dana pambangunan asale saka dana desa lan sumbangan warga sing nyambut gawe ing kutha.",
     "Warga ngarep-arep embung iki bisa rampung sadurunge mangsa rendheng teka."],
    ["Pasar Kotagede Bakal Didandani Taun Ngarep",
     "Pamarentah Kutha Yogyakarta bakal ndandani Pasar Kotagede wiwit awal taun ngarep.",
     "Para bakul ing pasar kuwi wis suwe sambat amarga payone akeh sing bocor.",
     "Sajrone didandani, para bakul bakal dipindhah menyang pasar darurat ing lapangan cedhak kono.",
     "Kepala Dinas Perdagangan ngendika yen pagaweyan iki dikira-kira butuh wektu wolung sasi.",
     "Dheweke uga njaluk supaya para bakul tetep njaga karesikan ing pasar darurat."],
    ["Festival Jathilan Narik Ewonan Penonton ing Magelang",
     "Ewonan penonton ngebaki alun-alun Magelang kanggo nonton festival jathilan ing dina Minggu.",
     "Ana patlikur grup kesenian saka maneka desa sing melu festival taunan iki.",
     "Panitia ngandhakake yen festival iki dianakake kanggo nguri-uri kabudayan Jawa ing antarane para mudha.",
     "Grup saka Kecamatan Grabag kasil dadi juara siji sawise nampilake beksan sing rancak.",
     "Bupati Magelang ngajak warga supaya tansah ndhukung para seniman lokal."],
    ["Rega Lombok ing Pasar Klaten Mundhak Drastis",
     "Rega lombok rawit ing pasar-pasar Klaten mundhak nganti tikel loro sajrone seminggu pungkasan.",
     "Para bakul nyebutake yen pasokan saka petani suda amarga udan deres sing terus-terusan.",
     "Saiki sakilo lombok rawit diedol kanthi rega seket ewu rupiah.",
     "Akeh bakul panganan sing kepeksa nyuda sambel kanggo para pelanggan.",
     "Dinas Perdagangan janji bakal ngawasi rega supaya ora terus mundhak."],
    ["Bocah SD ing Bantul Sinau Aksara Jawa Nganggo Aplikasi",
     "Murid-murid sekolah dasar ing Bantul saiki sinau aksara Jawa nganggo aplikasi ing tablet.",
     "Aplikasi kasebut digawe dening klompok mahasiswa saka salah sawijining universitas ing Yogyakarta.",
     "Guru basa Jawa ngrasakake yen murid-murid dadi luwih seneng sinau tinimbang sadurunge.",
     "Ing aplikasi kuwi ana dolanan cilik sing mbantu bocah ngapalake aksara.",
     "Dinas Pendidikan ngrancang nyebarake aplikasi kasebut menyang kabeh sekolah ing kabupaten."],
    ["Kali Progo Banjir, Puluhan Omah Kelebon Banyu",
     "Puluhan omah ing pinggir Kali Progo kelebon banyu sawise udan deres wiwit sore nganti bengi.",
     "Dhuwure banyu tekan sadhengkul wong diwasa ing sawetara dalan kampung.",
     "Tim SAR lan para relawan enggal-enggal ngungsekake warga sing wis sepuh lan bocah cilik.",
     "Ora ana korban jiwa ing kedadean iki, nanging akeh perabot omah sing rusak.",
     "Warga diweling supaya tetep waspada amarga udan diprakirakake isih deres nganti pungkasan minggu."],
    ["Sendratari Ramayana Prambanan Dibukak Maneh kanggo Turis",
     "Pagelaran sendratari Ramayana ing Candhi Prambanan dibukak maneh sawise leren suwene rong sasi.",
     "Pangurus taman wisata ngandhakake yen tiket bisa dituku langsung utawa liwat internet.",
     "Pagelaran dianakake saben malem Selasa, Kemis lan Setu wiwit jam pitu bengi.",
     "Para penari wis latihan kanthi tememen supaya bisa menehi tontonan sing apik.",
     "Akeh turis manca negara sing wis pesen tiket kanggo sasi ngarep."],
    ["Petani Tembakau Temanggung Ngarep-arep Panen Apik",
     "Para petani tembakau ing lereng Gunung Sumbing ngarep-arep panen taun iki luwih apik tinimbang taun wingi.",
     "Hawa sing garing sajrone sasi-sasi pungkasan dianggep cocog kanggo tanduran tembakau.",
     "Salah sawijining petani kandha yen godhong tembakau saiki katon seger lan amba.",
     "Nanging para petani isih kuwatir menawa rega tembakau bakal mudhun nalika panen raya.",
     "Dheweke njaluk pamarentah supaya mbantu nemtokake rega sing adil kanggo petani."],
    ["Sepur Bandara Yogyakarta Nambah Jadwal Budhal",
     "Operator sepur nambah jadwal budhal sepur bandara saka Stasiun Tugu wiwit minggu iki.",
     "Saiki ana nembelas perjalanan saben dina, mundhak saka rolas perjalanan sadurunge.",
     "Tambahan jadwal kuwi ditindakake amarga cacahe penumpang terus mundhak nalika preian.",
     "Penumpang bisa tuku karcis ing loket stasiun utawa nganggo aplikasi.",
     "Lelungan saka Stasiun Tugu menyang bandara butuh wektu kurang luwih sejam."],
    ["Pameran Bathik Solo Ngenalake Motif Anyar",
     "Pameran bathik ing Solo ngenalake puluhan motif anyar gaweane para pengrajin enom.",
     "Motif-motif kasebut njupuk ilham saka bangunan kuna lan tetuwuhan ing Jawa Tengah.",
     "Salah sawijining pengrajin crita yen dheweke butuh wektu telung sasi kanggo ngrampungake salembar bathik tulis.",
     "Pengunjung pameran ora mung bisa tuku bathik, nanging uga bisa sinau mbathik langsung.",
     "Pameran iki bakal dianakake nganti pungkasan sasi iki ing Benteng Vastenburg."],
]

_MS = [
    ["Kerajaan Negeri Lulus Peruntukan Tambahan Baik Pulih Sekolah Daif",
     "Kerajaan negeri meluluskan peruntukan tambahan sebanyak RM12 juta bagi membaik pulih sekolah daif di kawasan"
     " luar bandar.",
     "Exco Pendidikan negeri berkata, kerja-kerja pembaikan dijangka bermula pada bulan hadapan.",
     "Beliau menyatakan bahawa keutamaan akan diberikan kepada sekolah yang mempunyai bumbung bocor dan tandas rosak.",
     "Menurutnya, sebanyak 46 buah sekolah telah dikenal pasti setakat ini.",
     "Ibu bapa yang ditemui menyambut baik langkah tersebut kerana keadaan sekolah anak mereka semakin teruk."],
    ["Polis Tahan Lima Lelaki Disyaki Terlibat Sindiket Kereta Curi",
     "Polis menahan lima lelaki yang disyaki terlibat dalam sindiket mencuri kereta mewah di sekitar Lembah Klang.",
     "Ketua Polis Daerah berkata, kesemua suspek berusia antara 24 hingga 41 tahun ditahan dalam beberapa serbuan"
     " berasingan.",
     "Pihaknya turut merampas tiga buah kereta dan pelbagai peralatan yang dipercayai digunakan untuk mengubah suai"
     " kenderaan.",
     "Beliau berkata, sindiket itu dipercayai aktif sejak awal tahun ini.",
     "Orang ramai yang mempunyai maklumat diminta menghubungi balai polis yang berhampiran."],
    ["Harga Sayur Di Cameron Highlands Naik Susulan Hujan Lebat",
     "Harga sayur-sayuran di Cameron Highlands meningkat sehingga 30 peratus susulan hujan lebat sejak minggu lalu.",
     "Pengusaha ladang berkata, banyak tanaman rosak dan hasil tuaian merosot dengan ketara.",
     "Seorang peniaga di pasar borong memberitahu bahawa bekalan kubis dan tomato paling terjejas.",
     "Pengguna dinasihatkan supaya tidak membeli secara panik kerana bekalan dijangka pulih dalam masa dua minggu.",
     "Kementerian akan memantau harga bagi memastikan tiada pihak yang mengambil kesempatan."],
    ["Perdana Menteri Umum Bantuan Tunai Untuk Nelayan Pantai Timur",
     "Perdana Menteri hari ini mengumumkan bantuan tunai sebanyak RM300 sebulan kepada nelayan di negeri-negeri"
     " pantai timur.",
     "Beliau berkata, bantuan itu bertujuan meringankan beban nelayan yang tidak dapat turun ke laut semasa musim"
     " tengkujuh.",
     "Bantuan tersebut akan disalurkan terus ke akaun bank penerima mulai bulan hadapan.",
     "Seramai 40,000 nelayan dijangka menerima manfaat daripada program ini.",
     "Persatuan nelayan tempatan menyifatkan pengumuman itu sebagai berita gembira buat ahli-ahlinya."],
    ["Pelancong Asing Ke Langkawi Meningkat Tahun Ini",
     "Jumlah pelancong asing ke Pulau Langkawi meningkat hampir 20 peratus berbanding tempoh sama tahun lepas.",
     "Pengurus besar lembaga pembangunan pulau itu berkata, kebanyakan pelancong datang dari China, Eropah dan Timur"
     " Tengah.",
     "Beliau menyatakan bahawa penerbangan terus baharu dari beberapa bandar besar telah membantu menarik lebih ramai"
     " pengunjung.",
     "Pengusaha hotel di Pantai Cenang pula melaporkan kadar penginapan melebihi 85 peratus sepanjang cuti sekolah.",
     "Pihak berkuasa tempatan kini merancang menambah baik kemudahan awam di kawasan tarikan utama."],
    ["Bomba Nasihat Orang Ramai Berhati-hati Ketika Musim Kemarau",
     "Jabatan Bomba dan Penyelamat menasihati orang ramai supaya tidak melakukan pembakaran terbuka sepanjang musim"
     " kemarau.",
     "Pengarahnya berkata, sebanyak 120 kebakaran belukar dilaporkan di negeri ini sejak awal bulan.",
     "Kebanyakan kebakaran berpunca daripada sikap segelintir pihak yang membakar sampah di kawasan lapang.",
     "Beliau mengingatkan bahawa mereka yang didapati bersalah boleh dikenakan denda sehingga RM500,000.",
     "Orang ramai juga diminta melaporkan sebarang kebakaran dengan segera melalui talian kecemasan."],
    ["Universiti Tempatan Cipta Aplikasi Amaran Banjir Kilat",
     "Sekumpulan penyelidik universiti tempatan mencipta aplikasi telefon pintar yang dapat memberi amaran awal"
     " tentang banjir kilat.",
     "Ketua penyelidik berkata, aplikasi itu menggunakan data hujan dan paras air sungai yang dikemas kini setiap"
     " lima minit.",
     "Pengguna akan menerima notifikasi sekiranya paras air di kawasan mereka menghampiri tahap bahaya.",
     "Aplikasi tersebut telah diuji di dua daerah dan mendapat maklum balas yang positif daripada penduduk.",
     "Pasukan penyelidik kini sedang berbincang dengan agensi kerajaan untuk melancarkannya ke seluruh negara."],
    ["Pasukan Bola Sepak Negeri Mara Ke Separuh Akhir Piala",
     "Pasukan bola sepak negeri mara ke separuh akhir selepas menewaskan lawan mereka 2-1 di stadium sendiri malam"
     " tadi.",
     "Kedua-dua gol kemenangan dijaringkan pada babak kedua oleh penyerang import pasukan itu.",
     "Jurulatih berkata, beliau berpuas hati dengan semangat juang yang ditunjukkan oleh pemain-pemainnya.",
     "Menurutnya, pasukan perlu memperbaiki pertahanan sebelum menghadapi perlawanan separuh akhir minggu depan.",
     "Lebih 30,000 penyokong membanjiri stadium untuk memberi sokongan kepada pasukan kesayangan mereka."],
]

_PASARAN = ["Legi", "Pahing", "Pon", "Wage", "Kliwon"]
_DAYS_JV = ["Senen", "Selasa", "Rebo", "Kemis", "Jemuwah", "Setu", "Ngahad"]
_MONTHS_MS = ["Januari", "Februari", "Mac", "April", "Mei", "Jun", "Julai", "Ogos", "September", "Oktober",
              "November", "Disember"]


def render_basajawa(docs: list[Doc], rng: random.Random) -> list[Rendered]:
    groups = by_language(docs, rng)
    extra = [Doc(f"jv-{k:02d}", "jv", s) for k, s in enumerate(_JV)] + \
        [Doc(f"ms-{k:02d}", "ms", s) for k, s in enumerate(_MS)]
    rng.shuffle(extra)
    mixed = list(groups["id"])
    for doc in extra:
        mixed.insert(rng.randint(1, len(mixed)), doc)

    def head(page: Page) -> list[str]:
        if page.lang == "en":
            return ["WARTA MATARAM English", "Home · Yogyakarta · Central Java · Nation · Culture", ""]
        return ["WARTA MATARAM", "Beranda · Jogja · Jateng · Nasional · Budaya · Jagad Jawa · Serumpun", ""]

    def article(page: Page, _k: int, doc: Doc, title: str, body: list[str]) -> list[str]:
        d, m, y, hh, mm = date_parts(rng)
        pasaran = rng.choice(_PASARAN)
        lines = []
        if doc.lang == "jv":
            lines += ["JAGAD JAWA", title,
                      f"{rng.choice(_DAYS_JV)} {pasaran}, {d} {MONTHS_ID[m - 1]} {y} | {hh:02d}:{mm:02d} WIB",
                      f"Dening: {rng.choice(_PEOPLE)}"]
            lead = f"{rng.choice(['Gunungkidul', 'Magelang', 'Klaten', 'Bantul', 'Sleman'])}, wartamataram.id – "
        elif doc.lang == "ms":
            lines += ["SERUMPUN", title, f"{d} {_MONTHS_MS[m - 1]} {y} {hh:02d}:{mm:02d}",
                      f"Oleh {rng.choice(_PEOPLE)}"]
            lead = f"{rng.choice(['SHAH ALAM', 'KUANTAN', 'ALOR SETAR', 'IPOH'])}, {d} {_MONTHS_MS[m - 1]} – "
        elif doc.lang == "en":
            lines += [title, f"{DAYS_EN[rng.randint(0, 6)]}, {MONTHS_EN[m - 1]} {d}, {y} | {hh:02d}:{mm:02d} WIB",
                      f"Reporter: {rng.choice(_PEOPLE)}"]
            lead = f"{rng.choice(['Yogyakarta', 'Sleman', 'Solo', 'Semarang'])}, wartamataram.id – "
        else:
            lines += [title,
                      f"{DAYS_ID[rng.randint(0, 6)]} {pasaran}, {d} {MONTHS_ID[m - 1]} {y} | {hh:02d}:{mm:02d} WIB",
                      f"Reporter: {rng.choice(_PEOPLE)}"]
            lead = f"{rng.choice(['Yogyakarta', 'Sleman', 'Solo', 'Semarang'])}, wartamataram.id – "
        lines.append("")
        for k, p in enumerate(body):
            lines += [lead + p if k == 0 else p, ""]
        share = {"jv": "Bagekake:", "ms": "Kongsi:", "en": "Share:", "id": "Bagikan:"}[doc.lang]
        lines += [f"{share} Facebook | X | WhatsApp", "", ""]
        return lines

    return render_pages("basajawa", {"en": groups["en"], "id": mixed}, 14, rng, article, head)


LAYOUTS = {"courier": render_courier, "tvnews": render_tvnews, "lynx": render_lynx, "reader": render_reader,
           "savedcms": render_savedcms, "chatshare": render_chatshare, "clipping": render_clipping,
           "basajawa": render_basajawa}
