#!/bin/bash
# fault_disk_enospc.sh: state_dir and the database on a real filesystem
# that fills up (a 24 MB tmpfs, ENOSPC: SQLite says SQLITE_FULL, not the
# EFBIG of fault_disk_full.sh) while articles keep arriving, for ~10 s.
# The log must say so once per outage, not once per retry; no "new
# article" line nor articles_new count for a row that was rolled back;
# and everything is taken in once space returns. Needs root (mount); a
# TAP skip otherwise.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/faults/lib.sh"

DATA="$TEST_TMP/data"
mkdir -p "$DATA"
if [ "$(id -u)" != 0 ] || ! mount -t tmpfs -o size=24m,mode=0755 mouwatch-test "$DATA" 2>/dev/null; then
    echo "1..0 # SKIP needs root to mount a small tmpfs"
    exit 0
fi
at_exit "umount -l '$DATA'"
tap_plan $((FAULT_CHECKS + 9))

redis_start || exit 1
fault_setup 10 32 8 || exit 1
FAULT_DATA_DIR="$DATA" FAULT_INTERVAL=1s fault_config "$TEST_TMP/mw.conf"
fault_start 2
handled() { [ "$(sql "SELECT count(*) FROM articles WHERE state IN ('extracted','no_agreement')")" -ge "$1" ]; }
wait_for 60 handled 80
wait_for 30 _fault_settled

# Fill the filesystem: the WAL is emptied first, so the next writes must
# find new room.
sql "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
dd if=/dev/zero of="$DATA/filler" bs=64k 2>/dev/null
echo "# $(df -k --output=avail "$DATA" | tail -1 | tr -d ' ') KiB left on the tmpfs"
log_from=$(($(wc -l <"$STATE/daemon.log") + 1))
fault_show 20
sleep 4
fault_show 32
sleep 6
outage=$(tail -n "+$log_from" "$STATE/daemon.log")
stuck=$(sql "SELECT count(*) FROM articles")
echo "# with the disk full: $stuck articles stored of $EXPECTED"
tap_ok "mouwatchd survived the full disk" kill -0 "$DAEMON_PID"
tap_ok "it could not take the new articles in" test "$stuck" -lt "$EXPECTED"
tap_match "the failure is logged as a full disk, naming the database's directory" \
    "free space on $DATA and mouwatch resumes by itself" "$outage"
rm -f "$DATA/filler"
lines=$(printf '%s\n' "$outage" | grep -c 'mouwatchd\[')
problems=$(printf '%s\n' "$outage" | grep -cE 'mouwatchd\[.* (warning|error): ')
echo "# during the outage mouwatchd logged $lines lines, $problems warnings and errors"
tap_ok "a few lines for the outage, not one per retry or rolled-back row ($lines)" test "$lines" -le 40
tap_ok "one warning or error per failing part ($problems)" test "$problems" -le 10
tap_ok "everything settles once space returns" fault_wait_settled 180
new=$("$MOUWATCH" -c "$CONF" --json status | python3 -c 'import json,sys; print(json.load(sys.stdin)["counters"]["articles_new"])')
tap_is "articles_new counts the articles stored, once each" "$EXPECTED" "$new"
# Rows rolled back and found again at the next poll are not new twice.
announced=$(grep -c ': new article ' "$STATE/daemon.log")
tap_is "each article is logged as new once" "$EXPECTED" "$announced"
posts=$(receiver_posts)
ids=$(grep '^POST' "$RECV_LOG" | cut -f3 | sort -u | wc -l)
tap_ok "no webhook was sent in a loop while the disk was full ($posts requests, $ids ids)" \
    test "$posts" -le $((2 * ids))
fault_stop
fault_checks
tap_done
