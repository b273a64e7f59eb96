#!/usr/bin/env python3
"""gen-data.py: the benchmarks' generated inputs (no network, fixed seed).

Indonesian-like news text is assembled from the word tables below: some
articles report a signed agreement (MoU, perjanjian kerja sama, MoA) between
made-up institutions, the rest report other campus or government news.
Bodies are 1-3 KB; feeds carry HTML entities and CDATA sections.

usage:
  gen-data.py rss FILE MB          one RSS 2.0 feed of about MB megabytes
  gen-data.py atom FILE MB         one Atom 1.0 feed of about MB megabytes
  gen-data.py corpus FILE N        N articles (title line, then text), each
                                   followed by a line holding only a form feed
  gen-data.py poll-site DIR N KB   N feeds of about KB kilobytes each under
                                   DIR/feeds/fN.xml; all feeds link the same
                                   entries (after the first poll none is new)
  gen-data.py pipeline-site DIR N E BASE
                                   N feeds of E entries each, every entry a new
                                   article page DIR/a/F-I.html; links use BASE
                                   (BASE, here and below, may be a comma-separated
                                   list of servers used in turn)
  gen-data.py config FILE BASE N STATE REDIS [KEY=VALUE...]
                                   a mouwatch.conf for N feeds at BASE/feeds/
  gen-data.py urls FILE BASE N     BASE/feeds/fI.xml, one a line (for curl)
"""
import os
import random
import sys

SEED = 20261122

PLACES = ["Bandung", "Surabaya", "Yogyakarta", "Makassar", "Medan", "Padang",
          "Semarang", "Malang", "Pontianak", "Kupang", "Banjarmasin", "Palembang",
          "Kuala Lumpur", "Johor Bahru", "Kota Kinabalu", "Denpasar", "Ambon"]
UNI_HEADS = ["Universitas", "Institut Teknologi", "Politeknik Negeri", "Sekolah Tinggi",
             "Universiti", "SMK Negeri", "Akademi"]
UNI_NAMES = ["Nusa Cendekia", "Widya Mandala Raya", "Bhakti Persada", "Tunas Harapan",
             "Samudra Biru", "Merah Putih", "Lembah Hijau", "Sinar Khatulistiwa",
             "Karya Bangsa", "Pelita Timur", "Gading Emas", "Tanjung Perak"]
FIRMS = ["PT Arta Mega Solusi", "PT Sinergi Data Nusantara", "PT Kapal Laut Sejahtera",
         "PT Agro Lestari Makmur", "CV Mitra Teknik", "Syarikat Jentera Maju Sdn. Bhd.",
         "PT Bank Daerah Sentosa Tbk", "PT Energi Hijau Terpadu"]
GOVS = ["Pemerintah Kota", "Pemerintah Kabupaten", "Dinas Pendidikan Provinsi"]
ROLES = ["Rektor", "Direktur", "Kepala Sekolah", "Wali Kota", "Bupati", "Dekan",
         "Direktur Utama", "Naib Canselor"]
PEOPLE = ["Agus Santoso", "Siti Rahmawati", "Budi Hartono", "Dewi Lestari", "Rahmat Hidayat",
          "Nur Aini", "Hendra Wijaya", "Fitri Handayani", "Ahmad Fauzi", "Lina Marlina"]
AGREE = ["nota kesepahaman (MoU)", "perjanjian kerja sama (PKS)", "memorandum of agreement (MoA)",
         "nota kesepahaman", "letter of intent (LoI)"]
TOPICS = ["pengembangan kurikulum vokasi", "magang mahasiswa", "riset energi terbarukan",
          "pertukaran dosen", "pelatihan guru", "digitalisasi layanan publik",
          "beasiswa siswa berprestasi", "pengabdian kepada masyarakat"]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"]
FILLER = ("kegiatan tersebut diharapkan dapat meningkatkan mutu pendidikan dan daya saing lulusan "
          "di tingkat nasional maupun internasional sehingga kerja sama ini memberi manfaat nyata "
          "bagi mahasiswa dosen dan masyarakat sekitar kampus yang selama ini menantikan program "
          "serupa dari pemerintah daerah serta dunia usaha dan dunia industri").split()
OTHER = ["wisuda", "seminar nasional", "lomba karya tulis", "penerimaan mahasiswa baru",
         "peresmian gedung", "kunjungan industri", "bakti sosial", "festival budaya"]


def party(r):
    k = r.random()
    if k < 0.5:
        return f"{r.choice(UNI_HEADS)} {r.choice(UNI_NAMES)}"
    if k < 0.8:
        return r.choice(FIRMS)
    return f"{r.choice(GOVS)} {r.choice(PLACES)}"


def filler(r, n):
    words = [r.choice(FILLER) for _ in range(n)]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def agreement_article(r):
    a, b = party(r), party(r)
    place, day = r.choice(PLACES), r.choice(DAYS)
    d, m, y = r.randint(1, 28), r.randint(1, 12), r.choice([2024, 2025, 2026])
    years = r.choice(["dua", "tiga", "lima"])
    title = f"{a} dan {b} Teken {r.choice(AGREE).split(' (')[0].title()}"
    paras = [
        f"{place} - {a} dan {b} resmi menandatangani {r.choice(AGREE)} tentang "
        f"{r.choice(TOPICS)} pada {day} ({d}/{m}/{y}) di {place}.",
        f"Penandatanganan dilakukan oleh {r.choice(ROLES)} {a}, {r.choice(PEOPLE)}, dan "
        f"{r.choice(ROLES)} {b}, {r.choice(PEOPLE)}.",
        f"Kerja sama tersebut berlaku selama {years} tahun dan mencakup {r.choice(TOPICS)} "
        f"serta {r.choice(TOPICS)}.",
    ]
    return title, paras


def other_article(r):
    a, place = party(r), r.choice(PLACES)
    ev = r.choice(OTHER)
    title = f"{a} Gelar {ev.title()} di {place}"
    paras = [f"{place} - {a} menggelar {ev} yang diikuti ratusan peserta pada "
             f"{r.choice(DAYS)} ({r.randint(1, 28)}/{r.randint(1, 12)}/2025).",
             f"{r.choice(ROLES)} {a}, {r.choice(PEOPLE)}, mengatakan {ev} rutin digelar setiap tahun."]
    return title, paras


def article(r):
    """(title, [paragraphs]) of 1-3 KB; about 40% report an agreement."""
    title, paras = agreement_article(r) if r.random() < 0.4 else other_article(r)
    target = r.randint(1000, 3000)
    while sum(len(p) + 1 for p in paras) < target:
        paras.insert(len(paras) - 1 if r.random() < 0.5 else len(paras),
                     filler(r, r.randint(15, 40)))
    return title, paras


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_body(paras):
    # Entities of both kinds, as real feeds carry them.
    return "".join(f"<p>{xml_escape(p).replace(' - ', ' &#8211; ', 1)}</p>" for p in paras)


def rss_item(r, i, base):
    title, paras = article(r)
    return (f"<item><title>{xml_escape(title)} &amp; &#8220;Kabar&#8221; {i}</title>"
            f"<link>{base}/berita/{i}.html</link><guid isPermaLink=\"false\">bench-{i}</guid>"
            f"<pubDate>{r.choice(['Mon', 'Tue', 'Wed'])}, {1 + i % 28:02d} Nov 2025 "
            f"{i % 24:02d}:{i % 60:02d}:00 +0700</pubDate><dc:creator>{r.choice(PEOPLE)}</dc:creator>"
            f"<category>Pendidikan</category><description>{xml_escape(paras[0])}</description>"
            f"<content:encoded><![CDATA[{html_body(paras)}]]></content:encoded></item>\n")


def atom_entry(r, i, base):
    title, paras = article(r)
    return (f"<entry><title type=\"html\">{xml_escape(title)} &amp;amp; Kabar {i}</title>"
            f"<link rel=\"alternate\" href=\"{base}/berita/{i}.html\"/><id>tag:bench,2025:{i}</id>"
            f"<published>2025-11-{1 + i % 28:02d}T{i % 24:02d}:00:00+07:00</published>"
            f"<updated>2025-11-{1 + i % 28:02d}T{i % 24:02d}:30:00+07:00</updated>"
            f"<author><name>{r.choice(PEOPLE)}</name></author>"
            f"<summary>{xml_escape(paras[0])}</summary>"
            f"<content type=\"html\"><![CDATA[{html_body(paras)}]]></content></entry>\n")


RSS_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
            '<title>Kabar Kampus &amp; Daerah</title><link>{base}/</link>'
            '<description>Berita pendidikan</description>\n')
ATOM_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
             '<title>Kabar Kampus</title><link href="{base}/"/><id>tag:bench,2025:feed</id>'
             '<updated>2025-11-30T00:00:00Z</updated>\n')


def write_feed(path, kind, limit_bytes, base="http://bench.example", first=0, max_items=None):
    r = random.Random(SEED)
    item = rss_item if kind == "rss" else atom_entry
    parts = [(RSS_HEAD if kind == "rss" else ATOM_HEAD).format(base=base)]
    size, i = len(parts[0]), first
    while size < limit_bytes and (max_items is None or i - first < max_items):
        s = item(r, i, base)
        parts.append(s)
        size += len(s.encode())
        i += 1
    parts.append("</channel></rss>\n" if kind == "rss" else "</feed>\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(parts))
    return i - first


def cmd_corpus(path, n):
    r = random.Random(SEED)
    with open(path, "w", encoding="utf-8") as f:
        for _ in range(int(n)):
            title, paras = article(r)
            f.write(title + "\n" + "\n".join(paras) + "\n\f\n")


def cmd_poll_site(d, n, kb):
    os.makedirs(os.path.join(d, "feeds"), exist_ok=True)
    one = os.path.join(d, "feeds", "f0.xml")
    write_feed(one, "rss", int(kb) * 1024, base="http://bench.example")
    data = open(one, "rb").read()
    for i in range(1, int(n)):
        with open(os.path.join(d, "feeds", f"f{i}.xml"), "wb") as f:
            f.write(data)


PAGE = ('<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8"><title>{t}</title>'
        '<meta property="article:published_time" content="2025-11-{d:02d}T08:00:00+07:00">'
        '</head><body><header><nav><a href="/">Beranda</a> <a href="/kanal">Kanal</a></nav></header>'
        '<article><h1>{t}</h1>{body}</article><footer>Hak cipta redaksi</footer></body></html>\n')


def cmd_pipeline_site(d, n, e, base):
    r = random.Random(SEED)
    os.makedirs(os.path.join(d, "feeds"), exist_ok=True)
    os.makedirs(os.path.join(d, "a"), exist_ok=True)
    for f in range(int(n)):
        items = []
        for i in range(int(e)):
            title, paras = article(r)
            day = 1 + (f + i) % 28
            with open(os.path.join(d, "a", f"{f}-{i}.html"), "w", encoding="utf-8") as p:
                p.write(PAGE.format(t=xml_escape(title), d=day, body=html_body(paras)))
            items.append(f"<item><title>{xml_escape(title)}</title><link>{pick(base, f * 7 + i)}/a/{f}-{i}.html</link>"
                         f"<guid>pipe-{f}-{i}</guid><pubDate>Mon, {day:02d} Nov 2025 08:00:00 +0700</pubDate>"
                         f"<description>{xml_escape(paras[0])}</description></item>")
        with open(os.path.join(d, "feeds", f"f{f}.xml"), "w", encoding="utf-8") as out:
            out.write('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
                      f"<title>Feed {f}</title><link>{pick(base, 0)}/</link>{''.join(items)}</channel></rss>\n")


def pick(bases, i):
    """BASE may list several servers, comma-separated: item i uses one of
    them in turn (so the daemon's per-host limits see several hosts)."""
    v = bases.split(",")
    return v[i % len(v)]


def cmd_config(path, base, n, state, redis, *extra):
    keys = {"state_dir": state, "database": f"{state}/mouwatch.db", "socket": f"{state}/ctl.sock",
            "redis": redis, "allow_private_addresses": "yes", "max_concurrent": "64",
            "max_per_host": "64", "per_host_rate": "1000", "log_level": "info"}
    keys.update(kv.split("=", 1) for kv in extra)
    with open(path, "w") as c:
        c.write("[daemon]\n" + "".join(f"{k} = {v}\n" for k, v in keys.items()))
        for f in range(int(n)):
            c.write(f"[feed f{f}]\nurl = {pick(base, f)}/feeds/f{f}.xml\ninterval = 15m\nlanguage = id\n")


def cmd_urls(path, base, n):
    with open(path, "w") as u:
        for f in range(int(n)):
            u.write(f'url = "{pick(base, f)}/feeds/f{f}.xml"\noutput = /dev/null\n')


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd in ("rss", "atom"):
        n = write_feed(args[0], cmd, float(args[1]) * 1e6)
        print(f"{args[0]}: {n} entries")
    elif cmd == "corpus":
        cmd_corpus(*args)
    elif cmd == "poll-site":
        cmd_poll_site(*args)
    elif cmd == "pipeline-site":
        cmd_pipeline_site(*args)
    elif cmd == "config":
        cmd_config(*args)
    elif cmd == "urls":
        cmd_urls(*args)
    else:
        sys.exit(f"gen-data.py: unknown command '{cmd}'\n{__doc__}")


if __name__ == "__main__":
    main()
