#!/usr/bin/env python3
"""gen-site.py: a generated news site for the fault tests and the soak.

Writes FEEDS RSS feeds of ENTRIES items each (feeds/fN.xml) and one article
page per item (a/ID.html) into SITE_DIR, and a manifest (manifest.tsv:
path, template, 1 if the template reports a signed agreement else 0).

Every page is one of the demo site's pages (config/demo/site/berita) with
the place name in its party names replaced by a made-up one, unique per
page: the texts differ (no page is a syndicated copy of another) and the
agreements have different parties (none is merged with another), while the
extractor still sees the demo's sentences, so which pages are agreements is
known without asserting anything else about the extraction.

With SHOWN, each feed lists only its first SHOWN items (all pages and the
whole manifest are still written): running it again with a larger SHOWN
makes new entries appear in the feeds, as on a live site.

usage: gen-site.py DEMO_SITE SITE_DIR FEEDS ENTRIES [SHOWN]
"""
import os
import sys

# template, the word replaced on its page, RSS pubDate (the demo's own:
# relative dates in the text resolve against it), signed agreement or not.
TEMPLATES = [
    ("smk-politeknik-tanjungpinang", "Tanjungpinang", "Tue, 27 Jan 2026 10:15:00 +0700", 1),
    ("pelita-samudra-andaman-university", "Samudra", "Wed, 18 Feb 2026 16:40:00 +0700", 1),
    ("pemkot-bpmp-pangkalpinang", "Pangkalpinang", "Thu, 05 Mar 2026 09:30:00 +0700", 1),
    ("utpm-unitara-mobiliti", "Tapanuli", "Fri, 10 Apr 2026 14:05:00 +0700", 1),
    ("cendekia-arunika-energi", "Surabaya", "Mon, 18 May 2026 08:00:00 +0700", 1),
    ("kolej-vokasional-syarikat", "Ketil", "Thu, 11 Jun 2026 11:20:00 +0700", 1),
    ("rencana-mou-kabupaten-bengkayang", "Bengkayang", "Wed, 21 Oct 2026 13:45:00 +0700", 0),
    ("pelatihan-guru-ketapang", "Ketapang", "Sun, 08 Nov 2026 07:50:00 +0700", 0),
]

# Syllables of the made-up place names: 12 x 12 x 12 = 1728 names, then a
# fourth syllable keeps them unique for the soak's 100,000 pages.
HEADS = ["Suka", "Karang", "Tanjung", "Sungai", "Batu", "Pulau", "Bukit",
         "Air", "Kota", "Teluk", "Padang", "Rantau"]
MIDS = ["ma", "sa", "ra", "la", "wa", "ja", "na", "ta", "da", "ga", "ba", "pa"]
TAILS = ["jaya", "mulya", "sari", "rejo", "makmur", "indah", "baru", "raya",
         "asri", "lestari", "permai", "damai"]
EXTRA = ["", "kulon", "wetan", "lor", "kidul", "tengah", "hilir", "hulu",
         "ilir", "utara", "selatan", "barat", "timur", "pesisir", "gunung",
         "lembah", "tanjung", "muara", "pantai", "danau"]


def place(n):
    """The n-th made-up place name (n >= 0), one word."""
    a, n = n % 12, n // 12
    b, n = n % 12, n // 12
    c, n = n % 12, n // 12
    name = HEADS[a] + MIDS[b] + TAILS[c] + EXTRA[n % len(EXTRA)]
    n //= len(EXTRA)
    return name + ("%d" % n if n else "")


def write_atomic(path, text):
    """Writes path by rename, so the server never serves half a file."""
    with open(path + ".tmp", "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(path + ".tmp", path)


def main():
    if len(sys.argv) not in (5, 6):
        sys.exit(__doc__)
    demo, site, feeds, entries = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    shown = int(sys.argv[5]) if len(sys.argv) == 6 else entries
    pages = {}
    for t in TEMPLATES:
        with open(os.path.join(demo, "berita", t[0] + ".html"), encoding="utf-8") as f:
            pages[t[0]] = f.read()
    os.makedirs(os.path.join(site, "feeds"), exist_ok=True)
    os.makedirs(os.path.join(site, "a"), exist_ok=True)
    with open(os.path.join(site, "manifest.tsv"), "w", encoding="utf-8") as man:
        for f in range(feeds):
            items = []
            for i in range(entries):
                n = f * entries + i
                name, word, date, agreement = TEMPLATES[n % len(TEMPLATES)]
                new = place(n)
                page = os.path.join(site, "a", "%d.html" % n)
                if not os.path.exists(page):
                    write_atomic(page, pages[name].replace(word, new))
                items.append("<item><title>Berita %d %s</title><link>../a/%d.html</link>"
                             "<guid isPermaLink=\"false\">gen-%d</guid><pubDate>%s</pubDate>"
                             "<description>Ringkasan %d.</description></item>\n"
                             % (n, new, n, n, date, n))
                man.write("/a/%d.html\t%s\t%d\n" % (n, name, agreement))
            items = items[:shown]
            write_atomic(os.path.join(site, "feeds", "f%d.xml" % f),
                         '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
                         "<title>Feed %d</title><link>../</link>\n%s</channel></rss>\n"
                         % (f, "".join(items)))


if __name__ == "__main__":
    main()
