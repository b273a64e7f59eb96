#!/bin/bash
# test_cli.sh: every online command of the mouwatch CLI against a running
# mouwatchd with real data (the demo site: 8 articles, 6 agreements, 2
# not agreements; config/demo/README.md), table and --json output; feeds
# changed at run time and surviving a restart; reload; a client of another
# uid refused.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/test_cli_env.sh"

tap_plan 56

redis_start
httpd_start "$OPS_SITE"
OPS_CONF="$TEST_TMP/mw.conf"
ops_write_config "$OPS_CONF"
ops_start_daemon "$OPS_CONF" || { echo "Bail out! mouwatchd did not start"; cat "$TEST_TMP/daemon.log"; exit 1; }
ops_wait_agreements 6 || { echo "Bail out! no agreements within 60 s"; tail -20 "$TEST_TMP/daemon.log"; exit 1; }
wait_for 30 sh -c "[ \$('$MOUWATCH' -c '$OPS_CONF' --json articles --state queued | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))') -eq 0 ]"

# --- status ---
out=$(mw status)
tap_match "status: version and pid" '^mouwatchd [0-9.]+ \(pid [0-9]+\), up ' "$out"
tap_match "status: six agreements" '^agreements: 6 between [0-9]+ parties' "$out"
tap_match "status: feeds ok, last poll" 'feeds: +2 \(2 ok, 0 failing' "$out"
tap_match "status: worker alive" 'workers: +1 alive of 1 supervised' "$out"
json=$(mw --json status)
tap_is "status --json: articles by state" "6 2" "$(printf '%s' "$json" | jq_py 'j["queue"]["extracted"], j["queue"]["no_agreement"]' | tr -d '(),')"
tap_match "status: memory line" '^memory: +[0-9.]+ MB resident \(' "$out"
tap_is "status --json: resident memory is the daemon's VmRSS (within 8 MB)" "yes" \
    "$(printf '%s' "$json" | jq_py '"yes" if abs(j["memory"]["resident"] // 1024 - int([l.split()[1] for l in open("/proc/%d/status" % j["daemon"]["pid"]) if l.startswith("VmRSS")][0])) < 8192 else j["memory"]')"

# --- feeds ---
out=$(mw feeds)
tap_match "feeds: table with both feeds ok" '^demo-atom +ok .*atom\.xml' "$out"
tap_is "feeds --json: two feeds" "demo-atom demo-rss" "$(mw --json feeds | jq_py '" ".join(f["name"] for f in j)')"
tap_is "feeds read a page of one at a time: the same two" "demo-atom demo-rss" \
    "$(MOUWATCH_FEEDS_PAGE=1 mw --json feeds | jq_py '" ".join(f["name"] for f in j)')"

# --- articles ---
tap_is "articles --json: eight" 8 "$(mw --json articles | jq_py 'len(j)')"
tap_is "articles --state no_agreement: two" 2 "$(mw --json articles --state no_agreement | jq_py 'len(j)')"
out=$(mw articles --state extracted)
tap_is "articles table: header and six rows" 7 "$(printf '%s\n' "$out" | wc -l)"
tap_fails "articles --state bogus is refused by the daemon" 1 mw articles --state bogus

# --- agreements ---
json=$(mw --json agreements)
tap_is "agreements --json: six" 6 "$(printf '%s' "$json" | jq_py 'len(j)')"
out=$(mw agreements)
tap_match "agreements table: count line" '^6 agreement\(s\)$' "$out"
tap_match "agreements table: expiry relative" '[0-9]{4}-[0-9]{2}-[0-9]{2}~? \((in [0-9]+ days|[0-9]+ days ago|today|tomorrow)\)' "$out"
party=$(printf '%s' "$json" | jq_py 'j[0]["parties"][0]["name"].split()[-1]')
tap_is "agreements --party: every result names the party" "True" \
    "$(mw --json agreements --party "$party" | jq_py "len(j) > 0 and all(any('$party' in p['name'] for p in a['parties']) for a in j)")"
tap_is "agreements --party nobody: none" 0 "$(mw --json agreements --party 'Zzyzx Nowhere' | jq_py 'len(j)')"
tap_is "agreements --expiring 36500: those with an expiry" \
    "$(printf '%s' "$json" | jq_py 'sum(1 for a in j if a["expires_on"] and a["expires_on"] >= __import__("time").strftime("%Y-%m-%d"))')" \
    "$(mw --json agreements --expiring 36500 | jq_py 'len(j)')"
tap_is "agreements --expiring 90: all within 90 days" "True" \
    "$(mw --json agreements --expiring 90 | jq_py 'all(a["expires_on"] <= __import__("datetime").date.fromordinal(__import__("datetime").date.today().toordinal() + 90).isoformat() for a in j)')"
country=$(printf '%s' "$json" | jq_py 'j[0]["parties"][-1]["country"]')
tap_is "agreements --country: all have a party there" "True" \
    "$(mw --json agreements --country "$country" | jq_py "len(j) > 0 and all(any(p['country'] == '$country' for p in a['parties']) for a in j)")"
prog=$(printf '%s' "$json" | jq_py 'j[0]["programs"][0]')
tap_is "agreements --program: all have it" "True" \
    "$(mw --json agreements --program "$prog" | jq_py "len(j) > 0 and all('$prog' in a['programs'] for a in j)")"
tap_fails "agreements --expiring x: usage" 2 mw agreements --expiring x

# --- one agreement ---
id=$(printf '%s' "$json" | jq_py 'j[0]["id"]')
out=$(mw agreement "$id")
tap_match "agreement ID: parties, events, reminders, sources" "^agreement $id: .*parties.*reminders.*sources" "$(printf '%s' "$out" | tr '\n' ' ')"
tap_is "agreement --json: the same id, sources with URLs" "$id True" \
    "$(mw --json agreement "$id" | jq_py 'j["id"], all(s["url"].startswith("http") for s in j["sources"])' | tr -d '(),')"
tap_fails "agreement 999999: not found" 1 mw agreement 999999
tap_match "agreement 999999: says so" "no agreement 999999" "$(mw agreement 999999 2>&1)"
tap_fails "agreement abc: usage" 2 mw agreement abc

# --- upcoming, export-ics ---
json=$(mw --json upcoming --days 3650)
n=$(printf '%s' "$json" | jq_py 'len(j)')
tap_is "upcoming --json: sorted by date, not empty" "True" "$(printf '%s' "$json" | jq_py 'len(j) > 0 and [u["date"] for u in j] == sorted(u["date"] for u in j)')"
out=$(mw upcoming --days 3650)
tap_is "upcoming table: a row per date" $((n + 1)) "$(printf '%s\n' "$out" | wc -l)"
tap_match "upcoming table: expiries with relative dates" 'in [0-9]+ days +expires: ' "$out"
mw export-ics --days 3650 -o "$TEST_TMP/a.ics"
tap_is "export-ics: a VEVENT per upcoming date" "$n" "$(grep -c '^BEGIN:VEVENT' "$TEST_TMP/a.ics")"
tap_is "export-ics: CRLF lines, calendar wrapper" "BEGIN:VCALENDAR END:VCALENDAR 0" \
    "$(head -1 "$TEST_TMP/a.ics" | tr -d '\r') $(tail -1 "$TEST_TMP/a.ics" | tr -d '\r') $(grep -vc $'\r$' "$TEST_TMP/a.ics")"
ics_uids=$(grep '^UID:' "$TEST_TMP/a.ics" | tr -d '\r' | cut -d: -f2 | LC_ALL=C sort | tr '\n' ' ')
tap_is "export-ics --json: the same events (UIDs), with date and summary" "${ics_uids}True" \
    "$(mw --json export-ics --days 3650 | jq_py '" ".join(sorted(e["uid"] for e in j)) + " " + str(len(j) > 0 and all(e["date"] and e["summary"] for e in j))')"

# --- reminders ---
json=$(mw --json reminders --state pending --limit 1000)
tap_is "reminders --state pending: all pending, some" "True" "$(printf '%s' "$json" | jq_py 'len(j) > 0 and all(r["state"] == "pending" for r in j)')"
tap_match "reminders table" '^ID +KIND +DUE +STATE' "$(mw reminders --limit 3)"
tap_fails "reminder retry 999999: not found" 1 mw reminder retry 999999
tap_fails "reminder retry: usage" 2 mw reminder retry

# --- search ---
tap_is "search 'kerja sama': finds articles" "True" "$(mw --json search kerja sama | jq_py 'len(j) > 0 and all(h["kind"] in ("article", "agreement") for h in j)')"
tap_match "search table shows the match" '\[kerja\] \[sama\]' "$(mw search kerja sama)"

# --- feed changes ---
mw feed pause demo-atom >/dev/null
tap_is "feed pause: paused" 1 "$(mw --json feeds | jq_py '[f["paused"] for f in j if f["name"] == "demo-atom"][0]')"
mw feed resume demo-atom >/dev/null
tap_is "feed resume: not paused" 0 "$(mw --json feeds | jq_py '[f["paused"] for f in j if f["name"] == "demo-atom"][0]')"
tap_ok "feed poll demo-rss" mw feed poll demo-rss
tap_fails "feed poll nosuch: not found" 1 mw feed poll nosuch
tap_fails "feed add with a bad URL: refused" 1 mw feed add extra 'gopher://x'
tap_match "feed add extra" 'feed extra added' "$(mw feed add extra "$HTTPD_URL/rss.xml?x=1" --interval 1h --language id)"
tap_fails "feed add extra again: exists" 1 mw feed add extra "$HTTPD_URL/rss.xml"
_extra_polled() { [ "$(mw --json feeds | jq_py '[f["last_polled_at"] or 0 for f in j if f["name"] == "extra"][0]')" -gt 0 ]; }
wait_for 30 _extra_polled
gap=$(mw --json feeds | jq_py '[(f["next_poll_at"] or 0) - (f["last_polled_at"] or 0) for f in j if f["name"] == "extra"][0]')
tap_match "feed add --interval 1h: next poll in about 1 h (1 h +-10%), not the 15 m default: $gap s" \
    '^3[2-9][0-9][0-9]$' "$gap"
ops_stop_daemon
ops_start_daemon "$OPS_CONF"
tap_is "a runtime feed survives a restart" "demo-atom demo-rss extra" "$(mw --json feeds | jq_py '" ".join(f["name"] for f in j)')"
mw feed remove extra >/dev/null
tap_is "feed remove: gone" "demo-atom demo-rss" "$(mw --json feeds | jq_py '" ".join(f["name"] for f in j)')"

# --- reload ---
ops_write_config "$OPS_CONF" "[feed third]
url = $HTTPD_URL/atom.xml?third
interval = 1h"
tap_match "reload: applied, returns when done" 'reloaded .*: 3 feed' "$(mw reload)"
cp "$OPS_CONF" "$TEST_TMP/good.conf"
printf '[feed broken]\nurl = not a url\ninterval = soon\n' >>"$OPS_CONF"
out=$(mw reload 2>&1); rc=$?
tap_match "reload of a bad file: exit 1 with FILE:LINE errors" "^1 .*mw\.conf:[0-9]+:" "$rc $(printf '%s' "$out" | tr '\n' ' ')"
tap_is "the old configuration is kept" 3 "$(mw --json feeds | jq_py 'len(j)')"

# --- other uid ---
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
    chmod 755 "$TEST_TMP" "$OPS_STATE"; chmod 666 "$OPS_SOCK"
    out=$(setpriv --reuid 65534 --regid 65534 --clear-groups "$MOUWATCH" --socket "$OPS_SOCK" status 2>&1); rc=$?
    tap_match "another uid is refused by SO_PEERCRED" "^1 .*permission denied.*forbidden" "$rc $out"
    tap_match "the refusal is logged" "refused a client \(uid 65534" "$(cat "$TEST_TMP/daemon.log")"
else
    tap_skip "another uid (needs root and setpriv)"
    tap_skip "the refusal is logged"
fi
tap_done
