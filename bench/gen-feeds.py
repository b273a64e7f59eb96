#!/usr/bin/env python3
"""gen-feeds.py: writes N local RSS feeds for poller benchmarks.

Each feed has ENTRIES items whose links are unique (berita/PAGE.html?f=F&i=I),
so every entry is a new article with its own page. The pages are the demo
site's article pages, served as they are by mw-httpd (it ignores unknown
query parameters). A fixed seed keeps runs comparable.

usage: gen-feeds.py SITE_DIR N ENTRIES BASE_URL CONFIG_OUT STATE_DIR REDIS
"""
import os
import random
import sys

def main():
    site, n, entries, base, conf_out, state, redis = sys.argv[1:8]
    n, entries = int(n), int(entries)
    rnd = random.Random(20261122)
    pages = sorted(p for p in os.listdir(os.path.join(site, "berita")) if p.endswith(".html"))
    os.makedirs(os.path.join(site, "feeds"), exist_ok=True)
    for f in range(n):
        items = []
        for i in range(entries):
            page = rnd.choice(pages)
            items.append(
                f"<item><title>Berita {f}-{i}</title>"
                f"<link>{base}/berita/{page}?f={f}&amp;i={i}</link>"
                f"<guid>bench-{f}-{i}</guid>"
                f"<pubDate>Mon, 0{1 + i % 9} Nov 2026 0{i % 10}:00:00 +0700</pubDate>"
                f"<description>Ringkasan berita {f}-{i}.</description></item>")
        with open(os.path.join(site, "feeds", f"f{f}.xml"), "w") as out:
            out.write('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
                      f"<title>Feed {f}</title><link>{base}/</link>{''.join(items)}</channel></rss>")
    with open(conf_out, "w") as c:
        c.write(f"[daemon]\nstate_dir = {state}\ndatabase = {state}/mouwatch.db\n"
                f"socket = {state}/ctl.sock\nredis = {redis}\nallow_private_addresses = yes\n"
                "max_concurrent = 64\nmax_per_host = 64\nper_host_rate = 1000\nlog_level = warning\n")
        for f in range(n):
            c.write(f"[feed f{f}]\nurl = {base}/feeds/f{f}.xml\ninterval = 15m\nlanguage = id\n")

if __name__ == "__main__":
    main()
