#!/usr/bin/env bash
# test_signals.sh: mouwatchd and signals while it works and while it stops.
# A SIGTERM, SIGINT or SIGHUP that comes during the shutdown (a second one,
# or one near the end of a --once run) must not kill the daemon halfway
# through it: it finishes and exits with its own status. A worker that
# ignores SIGTERM holds the shutdown open (the supervisor waits for it,
# then kills it), so the late signals surely land in it. SIGHUP reloads
# while feed bodies and pages are on the parse threads lose nothing.
. "$top_srcdir/tests/lib.sh"
tap_plan 12

SITE="$TEST_TMP/site"
cp -r "$top_srcdir/config/demo/site" "$SITE"
httpd_start "$SITE" || exit 1
redis_start || exit 1

STUCK="$TEST_TMP/stuck-worker"
cat >"$STUCK" <<'SH'
#!/bin/sh
# A worker that does not stop on SIGTERM (it notes it in $STUCK_MARK):
# the daemon's shutdown waits for it. It leaves when the daemon is gone
# (or after a minute), so a daemon that died does not leave it behind.
trap 'touch "$STUCK_MARK"' TERM
i=0
while [ $i -lt 60 ] && kill -0 "$PPID" 2>/dev/null; do sleep 1; i=$((i + 1)); done
SH
chmod +x "$STUCK"

conf() { # conf STATE_DIR: a configuration without feeds
    mkdir -p "$1"
    cat <<CONF
[daemon]
state_dir = $1
database = $1/mouwatch.db
socket = $1/ctl.sock
redis = unix:$REDIS_SOCKET
allow_private_addresses = yes
log_level = notice
CONF
}

alive() { kill -0 "$1" 2>/dev/null; }

# ---- 1. the daemon: SIGTERM, then more signals while it stops ----
conf "$TEST_TMP/s1" >"$TEST_TMP/s1.conf"
STUCK_MARK="$TEST_TMP/s1.term" MOUWATCH_WORKER="$STUCK" "$MOUWATCHD" -c "$TEST_TMP/s1.conf" --workers 1 >"$TEST_TMP/s1.log" 2>&1 &
pid=$!
at_exit "kill -KILL $pid"
wait_for 30 test -S "$TEST_TMP/s1/ctl.sock" || echo "# the control socket did not appear"
kill -TERM "$pid"
wait_for 30 test -e "$TEST_TMP/s1.term"
late=0
for s in TERM INT HUP TERM; do kill -"$s" "$pid" 2>/dev/null && late=$((late + 1)); done
tap_is "the daemon was still stopping when the late signals came" 4 "$late"
wait "$pid"; rc=$?
tap_is "late SIGTERM, SIGINT and SIGHUP during the shutdown: exit status 0" 0 "$rc"
tap_match "the shutdown ran to its end (the stuck worker was killed)" \
    'did not stop within [0-9]+ ms; killing it' "$(cat "$TEST_TMP/s1.log")"
tap_is "one shutdown, no reload during it" "1 0" \
    "$(grep -c 'shutting down' "$TEST_TMP/s1.log") $(grep -c 'configuration reloaded' "$TEST_TMP/s1.log")"

# ---- 2. --once: SIGTERM after the run, while the workers stop ----
conf "$TEST_TMP/s2" >"$TEST_TMP/s2.conf"
STUCK_MARK="$TEST_TMP/s2.term" MOUWATCH_WORKER="$STUCK" "$MOUWATCHD" -c "$TEST_TMP/s2.conf" --once --workers 1 --once-timeout 60 \
    >"$TEST_TMP/s2.out" 2>"$TEST_TMP/s2.log" &
pid=$!
at_exit "kill -KILL $pid"
wait_for 30 test -e "$TEST_TMP/s2.term"  # the run is over: its workers are told to stop
kill -TERM "$pid" 2>/dev/null; sent=$?
wait "$pid"; rc=$?
tap_is "the --once run was still stopping when SIGTERM came" 0 "$sent"
tap_is "--once with SIGTERM after its run: exit status 0" 0 "$rc"
tap_match "and its summary was printed" '^articles: ' "$(cat "$TEST_TMP/s2.out")"
tap_match "and its shutdown ran to its end" 'did not stop within [0-9]+ ms; killing it' \
    "$(cat "$TEST_TMP/s2.log")"

# ---- 3. SIGHUP reloads during a round with parses queued, then SIGTERM ----
STATE="$TEST_TMP/s3"; mkdir -p "$STATE"
python3 "$top_srcdir/bench/gen-feeds.py" "$SITE" 60 5 "$HTTPD_URL" "$TEST_TMP/s3.conf" "$STATE" \
    "unix:$REDIS_SOCKET" || exit 1
sed -i 's/^log_level = .*/log_level = notice/' "$TEST_TMP/s3.conf"
sql() { sqlite3 "$STATE/mouwatch.db" "$1"; }
"$MOUWATCHD" -c "$TEST_TMP/s3.conf" --workers 1 >"$TEST_TMP/s3.log" 2>&1 &
pid=$!
at_exit "kill -KILL $pid"
wait_for 30 test -S "$STATE/ctl.sock"
reloads=0
for i in 1 2 3 4 5 6; do
    kill -HUP "$pid" 2>/dev/null && reloads=$((reloads + 1))
    sleep 0.2
done
kill -TERM "$pid"
wait "$pid"; rc=$?
tap_is "SIGHUP six times during the first round, then SIGTERM: exit status 0" "6 0" "$reloads $rc"
tap_is "every SIGHUP reloaded the configuration" 6 "$(grep -c 'configuration reloaded' "$TEST_TMP/s3.log")"
tap_ok "a --once afterwards finishes the round" \
    "$MOUWATCHD" -c "$TEST_TMP/s3.conf" --once --workers 1 --once-timeout 300
tap_is "every entry became one article, every article handled" "300 300 0" \
    "$(sql "SELECT count(*), count(DISTINCT url), sum(state NOT IN ('extracted','no_agreement')) FROM articles" | tr '|' ' ')"
tap_done
