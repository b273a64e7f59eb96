#!/usr/bin/env python3
"""check.py: the invariants every fault scenario ends with.

Reads the SQLite database, the generator's manifest, the webhook
receiver's request log (mw-httpd --log) and the SMTP sink's messages, and
prints one line per invariant, "ok NAME" or "not ok NAME", with details
on the following lines (lib.sh turns them into TAP). Always the same
number of lines starting with "ok"/"not ok" (lib.sh: FAULT_CHECKS).

  --allow-failed   deliveries may be 'failed' (a receiver down past
                   give_up_after); they must then be visible: an error
                   recorded and the reminder 'failed'.
"""
import argparse
import glob
import re
import sqlite3
import sys
from urllib.parse import urlparse

results = []


def check(name, problems):
    results.append((name, problems))


def articles(db, manifest):
    want = {m[0]: m for m in manifest}
    rows = db.execute("SELECT url, state, agreement_id FROM articles").fetchall()
    seen = {}
    for url, state, agr in rows:
        seen.setdefault(urlparse(url).path, []).append((state, agr))
    missing = sorted(set(want) - set(seen))
    extra = sorted(set(seen) - set(want))
    twice = sorted(p for p, r in seen.items() if len(r) > 1)
    check("every article in the feeds is stored exactly once (%d)" % len(want),
          ["missing: %s" % missing[:10]] * bool(missing) + ["not in any feed: %s" % extra[:10]] * bool(extra)
          + ["stored more than once: %s" % twice[:10]] * bool(twice))
    unhandled = sorted("%s %s" % (p, r[0][0]) for p, r in seen.items()
                       if r[0][0] not in ("extracted", "no_agreement"))
    check("every article was handled by a worker (none queued or failed)", unhandled[:10])
    bad = sorted(p for p, m in want.items() if m[2] == "1" and p in seen
                 and (seen[p][0][0] != "extracted" or seen[p][0][1] is None))
    check("every page reporting an agreement has its agreement stored", bad[:10])


def reminders(db, leads):
    n = len(leads)
    bad = [r[0] for r in db.execute(
        "SELECT id FROM agreements a WHERE NOT EXISTS (SELECT 1 FROM reminders r"
        " WHERE r.agreement_id = a.id AND r.kind = 'agreement.new')")]
    msgs = ["agreements without agreement.new: %s" % bad[:10]] * bool(bad)
    bad = [r[0] for r in db.execute(
        "SELECT a.id FROM agreements a WHERE a.expires_on > date('now') AND"
        " (SELECT count(*) FROM reminders r WHERE r.agreement_id = a.id"
        " AND r.kind = 'agreement.expiring') <> ?", (n,))]
    msgs += ["agreements expiring later without %d expiry reminders: %s" % (n, bad[:10])] * bool(bad)
    bad = [r[0] for r in db.execute(
        "SELECT e.id FROM events e WHERE e.starts_on > date('now', '+%d days') AND"
        " (SELECT count(*) FROM reminders r WHERE r.kind = 'event.upcoming'"
        " AND r.agreement_id = e.agreement_id AND r.event_id = e.id) <> ?"
        % max(leads), (n,))]   # kind + agreement_id: the reminders_key index
    msgs += ["events starting later without %d reminders: %s" % (n, bad[:10])] * bool(bad)
    count = db.execute("SELECT count(*) FROM agreements").fetchone()[0]
    check("every agreement (%d) has its reminders" % count, msgs)
    bad = db.execute("SELECT id, kind FROM reminders WHERE state = 'pending'"
                     " AND due_at <= strftime('%s','now')").fetchall()
    check("no due reminder is left pending", [str(bad[:10])] * bool(bad))


def deliveries(db, allow_failed):
    rows = db.execute("SELECT d.id, d.state, d.last_error, d.last_status, r.state"
                      " FROM deliveries d JOIN reminders r ON r.id = d.reminder_id").fetchall()
    msgs = ["delivery %d is %s" % (r[0], r[1]) for r in rows if r[1] in ("pending", "sending")]
    failed = [r for r in rows if r[1] == "failed"]
    if failed and not allow_failed:
        msgs.append("%d deliveries failed: %s" % (len(failed), failed[:5]))
    msgs += ["failed delivery %d is not visible (error %r, reminder %s)" % (r[0], r[2], r[4])
             for r in failed if (r[2] is None and r[3] is None) or r[4] != "failed"]
    check("every due delivery is delivered%s" % (" or failed and visible" if allow_failed else ""),
          msgs[:10])


def received_hooks(path):
    ids = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("POST\t/hook/"):
                m = re.search(r"\twebhook-id: ([^\t]+)", line)
                ids.append(m.group(1) if m else "(none)")
    return ids


def received_mail(smtp_dir):
    ids = []
    for eml in glob.glob(smtp_dir + "/*.eml"):
        with open(eml, encoding="utf-8", errors="replace") as f:
            m = re.search(r"^Message-ID: <([^@>]+)@", f.read(), re.M | re.I)
            ids.append(m.group(1) if m else "(none)")
    return ids


def once(db, channel, got, what):
    delivered = {r[0] for r in db.execute(
        "SELECT webhook_id FROM deliveries WHERE channel = ? AND state = 'delivered'", (channel,))}
    known = {r[0] for r in db.execute("SELECT webhook_id FROM deliveries WHERE channel = ?", (channel,))}
    msgs = []
    lost = sorted(delivered - set(got))
    if lost:
        msgs.append("delivered but never received: %s" % lost[:10])
    foreign = sorted(set(got) - known)
    if foreign:
        msgs.append("received ids the database does not know: %s" % foreign[:10])
    dups = len(got) - len(set(got))
    print("# %s: %d deliveries delivered, %d received, %d distinct ids (%d repeats dropped by id)"
          % (what, len(delivered), len(got), len(set(got)), dups))
    check("every delivered %s reached the receiver, each id once after dedupe (%d)"
          % (what, len(delivered)), msgs)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--manifest", required=True)
    ap.add_argument("--hook-log", required=True)
    ap.add_argument("--smtp-dir", required=True)
    ap.add_argument("--leads", default="90,30,7")
    ap.add_argument("--allow-failed", action="store_true")
    a = ap.parse_args()
    db = sqlite3.connect("file:%s?mode=ro" % a.db, uri=True, timeout=30)
    with open(a.manifest, encoding="utf-8") as f:
        manifest = [l.rstrip("\n").split("\t") for l in f if l.strip()]
    articles(db, manifest)
    reminders(db, [int(x) for x in a.leads.split(",")])
    deliveries(db, a.allow_failed)
    once(db, "hook", received_hooks(a.hook_log), "webhook")
    once(db, "mail", received_mail(a.smtp_dir), "e-mail")
    for name, problems in results:
        print(("not ok " if problems else "ok ") + name)
        for p in problems:
            print("  " + p)
    return 0 if all(not p for _, p in results) else 1


if __name__ == "__main__":
    sys.exit(main())
