#!/bin/bash
# fault_disk_full.sh: the disk fills up. No mount privileges are needed:
# RLIMIT_FSIZE (prlimit) on mouwatchd and its workers is lowered to the
# size of the files they write, so every write that grows a file fails
# (EFBIG), as on a full filesystem, while articles keep arriving. The
# processes must survive it (SIGXFSZ ignored), log clearly, stop taking
# work and resume when the limit is lifted, with nothing lost.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/faults/lib.sh"
tap_plan $((FAULT_CHECKS + 7))

redis_start || exit 1
fault_setup 10 32 8 || exit 1
FAULT_INTERVAL=1s fault_config "$TEST_TMP/mw.conf"
fault_start 2
handled() { [ "$(sql "SELECT count(*) FROM articles WHERE state IN ('extracted','no_agreement')")" -ge "$1" ]; }
wait_for 60 handled 80
wait_for 30 _fault_settled

# fsize LIMIT: the soft file size limit of the daemon and of every worker
# (the hard one stays: raising it again would need CAP_SYS_RESOURCE).
fsize() {
    for p in "$DAEMON_PID" $(fault_workers); do
        prlimit --pid "$p" --fsize="$1:" || echo "# prlimit on pid $p failed"
    done
}
sql "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
limit=$(stat -c %s "$DB")
fsize "$limit"
echo "# file size limit now $limit bytes (the database's size)"
fault_show 20
sleep 4
fault_show 32
sleep 6
stuck=$(sql "SELECT count(*) FROM articles")
echo "# with the disk full: $stuck articles stored of $EXPECTED"
tap_ok "mouwatchd survived the full disk" kill -0 "$DAEMON_PID"
tap_ok "it could not take the new articles in" test "$stuck" -lt "$EXPECTED"
tap_match "the failure is logged as a full disk, naming the database's directory" \
    "the disk is full \\(or a file size limit was hit\\): free space on $(dirname "$DB") and mouwatch resumes by itself" \
    "$(cat "$STATE/daemon.log")"
fsize unlimited
errors=$(grep -cE ' (warning|error): ' "$STATE/daemon.log")
echo "# $errors warnings and errors logged during the outage"
tap_ok "the log is not flooded (one line per failing thing, not per retry)" test "$errors" -lt 400
tap_ok "everything settles once space returns" fault_wait_settled 180
tap_ok "the daemon is still the same process" kill -0 "$DAEMON_PID"
# A delivery is sent again only when its outcome could not be saved: at
# most once more, never in a loop while writes fail.
posts=$(grep -c '^POST' "$RECV_LOG" || true)
ids=$(grep '^POST' "$RECV_LOG" | cut -f3 | sort -u | wc -l)
tap_ok "no webhook was sent in a loop while the disk was full ($posts requests, $ids ids)" \
    test "$posts" -le $((2 * ids))
fault_stop
fault_checks
tap_done
