#!/usr/bin/env python3
# config/demo/make-site.py: builds the demo news site from the plain-text
# articles — site/berita/NAME.html (each article wrapped in the clutter of
# a real news page), site/rss.xml (RSS 2.0) and site/atom.xml (Atom 1.0).
# The outputs are committed; run this again only after editing an article
# or the table below:   python3 config/demo/make-site.py
#
# Links in both feeds are relative ("berita/NAME.html"), so they resolve
# against wherever the feed was read from: file:///…/config/demo/site/ for
# the demo, http://127.0.0.1:PORT/ when mw-httpd serves site/ in tests.
import html
import os
import zlib
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
SITE = "Warta Pendidikan Nusantara"
WIB = timezone(timedelta(hours=7))

# name, published (local time, WIB), category, author, feeds it is in,
# and how the RSS pubDate is written ("rfc822" or "id": Indonesian names).
ARTICLES = [
    ("smk-politeknik-tanjungpinang", "2026-01-27 10:15", "Pendidikan Vokasi",
     "Nurul Aini", "rss atom", "rfc822"),
    ("pelita-samudra-andaman-university", "2026-02-18 16:40", "English",
     "Rahmat Hidayat", "rss atom", "rfc822"),
    ("pemkot-bpmp-pangkalpinang", "2026-03-05 09:30", "Pemerintahan",
     "Yosef Tarigan", "rss", "id"),
    ("utpm-unitara-mobiliti", "2026-04-10 14:05", "Serantau",
     "Siti Khadijah", "rss atom", "rfc822"),
    ("cendekia-arunika-energi", "2026-05-18 08:00", "English",
     "Rahmat Hidayat", "rss", "id"),
    ("kolej-vokasional-syarikat", "2026-06-11 11:20", "Serantau",
     "Siti Khadijah", "atom", "rfc822"),
    ("rencana-mou-kabupaten-bengkayang", "2026-10-21 13:45", "Daerah",
     "Yosef Tarigan", "rss atom", "id"),
    ("pelatihan-guru-ketapang", "2026-11-08 07:50", "Pendidikan",
     "Nurul Aini", "rss", "rfc822"),
]

DAYS_ID = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
             "Agustus", "September", "Oktober", "November", "Desember"]
DAYS_EN = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
             "Oct", "Nov", "Dec"]


def read_article(name):
    with open(os.path.join(HERE, "articles", name + ".txt"), encoding="utf-8") as f:
        lines = [l.strip() for l in f if l.strip()]
    return lines[0], lines[1:]


def when(published):
    return datetime.strptime(published, "%Y-%m-%d %H:%M").replace(tzinfo=WIB)


def date_id(t):
    return "%s, %d %s %d %02d:%02d WIB" % (DAYS_ID[t.weekday()], t.day,
                                          MONTHS_ID[t.month - 1], t.year, t.hour, t.minute)


def date_rfc822(t):
    return "%s, %02d %s %d %02d:%02d:00 +0700" % (DAYS_EN[t.weekday()], t.day,
                                                 MONTHS_EN[t.month - 1], t.year, t.hour, t.minute)


def date_rss_id(t):
    return "%s, %02d %s %d %02d:%02d:00 +0700" % (DAYS_ID[t.weekday()], t.day,
                                                 MONTHS_ID[t.month - 1], t.year, t.hour, t.minute)


def paragraph(line, others):
    """One body line as HTML; "Baca juga:" lines become related links."""
    for prefix in ("Baca juga:", "Read also:"):
        if line.startswith(prefix):
            target = others[zlib.crc32(line.encode()) % len(others)]
            return ('<p class="baca-juga"><strong>%s</strong> <a href="%s.html">%s</a></p>'
                    % (prefix, target, html.escape(line[len(prefix):].strip())))
    return "<p>%s</p>" % html.escape(line, quote=False).replace(" - ", " &#8211; ", 1)


AD = '''<div class="ads ads-inline" data-slot="div-gpt-ad-inarticle">
  <span class="ads-label">ADVERTISEMENT</span>
  <script>window.googletag=window.googletag||{cmd:[]};googletag.cmd.push(function(){googletag.display("div-gpt-ad-inarticle");});</script>
</div>'''


def body_html(lines, others):
    out = []
    for i, line in enumerate(lines):
        out.append(paragraph(line, others))
        if i == 2:
            out.append(AD)
    return "\n".join(out)


PAGE = '''<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title_e} - {site}</title>
<meta name="description" content="{lead_e}">
<meta property="og:title" content="{title_e}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="{iso}">
<link rel="stylesheet" href="../assets/style.css">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{title_j}","datePublished":"{iso}","author":{{"@type":"Person","name":"{author}"}}}}</script>
<script async src="https://securepubads.example.net/tag/js/gpt.js"></script>
</head>
<body class="single-post">
<header class="site-header">
  <a class="logo" href="../index.html"><img src="../assets/logo.png" alt="{site}"></a>
  <nav class="main-nav">
    <ul>
      <li><a href="../index.html">Beranda</a></li>
      <li><a href="../kanal/pendidikan.html">Pendidikan</a></li>
      <li><a href="../kanal/vokasi.html">Vokasi</a></li>
      <li><a href="../kanal/kampus.html">Kampus</a></li>
      <li><a href="../kanal/daerah.html">Daerah</a></li>
      <li><a href="../kanal/serantau.html">Serantau</a></li>
      <li><a href="../kanal/english.html">English</a></li>
      <li><a href="../indeks.html">Indeks</a></li>
    </ul>
  </nav>
  <form class="search" action="../cari.html"><input name="q" placeholder="Cari berita&hellip;"></form>
</header>
<div class="ads ads-top" data-slot="div-gpt-ad-leaderboard"><span class="ads-label">ADVERTISEMENT</span></div>
<main>
  <ol class="breadcrumb"><li><a href="../index.html">Beranda</a></li><li><a href="../kanal/{cat_slug}.html">{category}</a></li></ol>
  <article class="post">
    <h1 class="post-title">{title_e}</h1>
    <div class="post-meta">
      <span class="author">Penulis: <a href="../penulis/{author_slug}.html">{author}</a></span>
      <time datetime="{iso}">{date_id}</time>
    </div>
    <div class="share-top">
      <a class="share fb" href="https://www.facebook.com/sharer/sharer.php?u=">Facebook</a>
      <a class="share x" href="https://x.com/intent/post?text={title_u}">X</a>
      <a class="share wa" href="https://wa.me/?text={title_u}">WhatsApp</a>
      <button class="copy-link" onclick="navigator.clipboard.writeText(location.href)">Salin tautan</button>
    </div>
    <figure class="post-image">
      <img src="../assets/foto/{name}.jpg" alt="{title_e}">
      <figcaption>Ilustrasi: dokumentasi {site}</figcaption>
    </figure>
    <div class="post-content" id="isi-berita">
{body}
    </div>
    <div class="post-tags">Tag: <a href="../tag/mou.html">MoU</a> <a href="../tag/{cat_slug}.html">{category}</a></div>
    <p class="editor">Editor: Hendrik Marpaung &middot; {copy_note}</p>
  </article>
  <section class="share-bottom">
    <span>Bagikan:</span>
    <a class="share fb" href="#">Facebook</a> <a class="share x" href="#">X</a>
    <a class="share tg" href="#">Telegram</a> <a class="share li" href="#">LinkedIn</a>
  </section>
  <section class="comments" id="komentar">
    <h2>Komentar</h2>
    <p class="comment-count">0 Komentar</p>
    <form class="comment-form"><textarea name="isi" placeholder="Tulis komentar Anda&hellip;"></textarea>
      <input name="nama" placeholder="Nama"><button type="submit">Kirim Komentar</button></form>
    <div id="disqus_thread"></div>
    <script>var disqus_config=function(){{this.page.identifier="{name}";}};</script>
  </section>
  <aside class="related">
    <h2>Berita Terkait</h2>
    <ul>
{related}
    </ul>
  </aside>
  <aside class="popular"><h2>Terpopuler</h2><ol><li><a href="../index.html">Jadwal libur semester ganjil 2026 diumumkan</a></li><li><a href="../index.html">Kuota jalur prestasi SPMB naik</a></li></ol></aside>
</main>
<footer class="site-footer">
  <nav><a href="../redaksi.html">Redaksi</a> | <a href="../pedoman.html">Pedoman Media Siber</a> | <a href="../kontak.html">Kontak</a> | <a href="../iklan.html">Info Iklan</a></nav>
  <p>COPYRIGHT &copy; 2026 {site}. Semua hak dilindungi.</p>
</footer>
<script src="../assets/app.js"></script>
<script>(function(i,s,o,g,r){{i['GoogleAnalyticsObject']=r;i[r]=i[r]||function(){{(i[r].q=i[r].q||[]).push(arguments)}};}})(window,document,'script','','ga');ga('create','UA-000000-1','auto');ga('send','pageview');</script>
</body>
</html>
'''


def slug(s):
    return "".join(c if c.isalnum() else "-" for c in s.lower()).strip("-")


def language(category):
    return {"English": "en", "Serantau": "ms"}.get(category, "id")


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def make_page(a, names, titles):
    name, published, category, author, _feeds, _style = a
    title, lines = read_article(name)
    t = when(published)
    others = [n for n in names if n != name]
    related = "\n".join('      <li><a href="%s.html">%s</a></li>' % (n, html.escape(titles[n]))
                        for n in others[:3])
    page = PAGE.format(
        lang=language(category), site=SITE, name=name, author=author,
        author_slug=slug(author), category=category, cat_slug=slug(category),
        title_e=html.escape(title), lead_e=html.escape(lines[0][:150]),
        title_j=title.replace("\\", "\\\\").replace('"', '\\"'),
        title_u=title.replace(" ", "%20"), iso=t.isoformat(), date_id=date_id(t),
        body=body_html(lines, others), related=related,
        copy_note="Dilarang mengutip tanpa menyebut sumber")
    write(os.path.join(HERE, "site", "berita", name + ".html"), page)


def summary(lines):
    return lines[0] if len(lines[0]) <= 280 else lines[0][:277] + "..."


def rss_item(a, i):
    name, published, category, author, _feeds, style = a
    title, lines = read_article(name)
    t = when(published)
    pub = date_rss_id(t) if style == "id" else date_rfc822(t)
    return '''    <item>
      <title>{title}</title>
      <link>berita/{name}.html</link>
      <guid isPermaLink="false">wpn-2026-{i:04d}</guid>
      <pubDate>{pub}</pubDate>
      <dc:creator>{author}</dc:creator>
      <category>{category}</category>
      <category>Kerja Sama</category>
      <description><![CDATA[<p><img src="assets/foto/{name}.jpg" alt=""> {summary}</p>]]></description>
    </item>
'''.format(title=html.escape(title, quote=False), name=name, i=i, pub=pub,
           author=html.escape(author), category=html.escape(category),
           summary=summary(lines))


def atom_entry(a, i):
    name, published, category, author, _feeds, _style = a
    title, lines = read_article(name)
    t = when(published)
    content = "".join("<p>%s</p>" % html.escape(l) for l in lines[:2])
    return '''  <entry>
    <title type="text">{title}</title>
    <link rel="alternate" type="text/html" href="berita/{name}.html"/>
    <id>tag:wartapendidikan.example,2026:berita/{name}</id>
    <published>{iso}</published>
    <updated>{iso}</updated>
    <author><name>{author}</name></author>
    <category term="{cat}" label="{category}"/>
    <summary type="html">{summary}</summary>
    <content type="html">{content}</content>
  </entry>
'''.format(title=html.escape(title, quote=False), name=name, iso=t.isoformat(),
           author=html.escape(author), cat=slug(a[2]), category=html.escape(category),
           summary=html.escape("<p>%s</p>" % html.escape(summary(lines))),
           content=html.escape(content))


def make_rss(items):
    newest = max(when(a[1]) for a in items)
    body = "".join(rss_item(a, ARTICLES.index(a) + 1) for a in reversed(items))
    write(os.path.join(HERE, "site", "rss.xml"), '''<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>{site} &#8211; Berita Terkini</title>
    <link>index.html</link>
    <description>Kabar pendidikan, kampus &amp; kerja sama dari Nusantara dan serantau</description>
    <language>id</language>
    <lastBuildDate>{last}</lastBuildDate>
    <atom:link href="rss.xml" rel="self" type="application/rss+xml"/>
{body}  </channel>
</rss>
'''.format(site=SITE, last=date_rfc822(newest), body=body))


def make_atom(items):
    newest = max(when(a[1]) for a in items)
    body = "".join(atom_entry(a, ARTICLES.index(a) + 1) for a in reversed(items))
    write(os.path.join(HERE, "site", "atom.xml"), '''<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">
  <title>{site}: Kampus &amp; Serantau</title>
  <subtitle>Kerja sama perguruan tinggi, sekolah dan industri</subtitle>
  <link rel="alternate" type="text/html" href="index.html"/>
  <link rel="self" type="application/atom+xml" href="atom.xml"/>
  <id>tag:wartapendidikan.example,2026:atom</id>
  <updated>{updated}</updated>
  <generator>config/demo/make-site.py</generator>
{body}</feed>
'''.format(site=SITE, updated=newest.isoformat(), body=body))


def make_index(titles):
    items = "\n".join('    <li><a href="berita/%s.html">%s</a></li>' % (n, html.escape(titles[n]))
                      for n in reversed(list(titles)))
    write(os.path.join(HERE, "site", "index.html"), """<!DOCTYPE html>
<html lang="id">
<head><meta charset="utf-8"><title>%s</title>
<link rel="alternate" type="application/rss+xml" href="rss.xml">
<link rel="alternate" type="application/atom+xml" href="atom.xml"></head>
<body>
  <h1>%s</h1>
  <ul>
%s
  </ul>
  <p>COPYRIGHT &copy; 2026 %s</p>
</body>
</html>
""" % (SITE, SITE, items, SITE))


def main():
    names = [a[0] for a in ARTICLES]
    titles = {n: read_article(n)[0] for n in names}
    os.makedirs(os.path.join(HERE, "site", "berita"), exist_ok=True)
    for a in ARTICLES:
        make_page(a, names, titles)
    make_index(titles)
    make_rss([a for a in ARTICLES if "rss" in a[4].split()])
    make_atom([a for a in ARTICLES if "atom" in a[4].split()])


if __name__ == "__main__":
    main()
