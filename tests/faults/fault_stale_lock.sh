#!/bin/bash
# fault_stale_lock.sh: the instance lock (issue 12, item 9) left behind.
# A daemon SIGKILLed leaves its lock file with its PID: the next daemon
# starts. A lock file this user may not write (left by a run as root, the
# service running as another user) and one on a read-only state_dir must
# not keep the daemon from starting either: flock needs no write access.
# Locked read-only, the lock still refuses a second daemon. A read-only
# state_dir with no lock file is refused, naming the file and the cause.
# Needs root (a read-only tmpfs, a run as nobody).
. "$top_srcdir/tests/lib.sh"
if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null; then
    echo "1..0 # SKIP needs root (mount) and setpriv"
    exit 0
fi
tap_plan 9
redis_start || exit 1

conf() {  # conf FILE STATE_DIR WORK_DIR
    mkdir -p "$3"
    printf '[daemon]\nstate_dir = %s\ndatabase = %s/mw.db\nsocket = %s/ctl.sock\nredis = unix:%s\n' \
        "$2" "$3" "$3" "$REDIS_SOCKET" >"$1"
}
once() { timeout 60 "$@" --once --workers 0 --once-timeout 20 >"$TEST_TMP/once.out" 2>&1; echo $?; }

# ---- a daemon SIGKILLed ----
K=$TEST_TMP/k
conf "$TEST_TMP/k.conf" "$K" "$K"
"$MOUWATCHD" -c "$TEST_TMP/k.conf" --foreground --workers 0 >"$TEST_TMP/k.log" 2>&1 &
killed=$!
at_exit "kill -KILL $killed"
wait_for 30 test -S "$K/ctl.sock"
kill -KILL "$killed"; wait "$killed" 2>/dev/null
tap_is "a SIGKILLed daemon leaves its PID in the lock file" "$killed" "$(cat "$K/mouwatchd.lock")"
tap_is "the next daemon starts and runs to the end (0)" 0 "$(once "$MOUWATCHD" -c "$TEST_TMP/k.conf")"

# ---- a lock file left by root; the daemon runs as nobody ----
U=$TEST_TMP/u
conf "$TEST_TMP/u.conf" "$U" "$U"
chown nobody "$U"
chmod 755 "$TEST_TMP"
echo 1 >"$U/mouwatchd.lock"   # root's, mode 644
chmod 644 "$U/mouwatchd.lock"
chmod 777 "$REDIS_DIR"
chmod 666 "$REDIS_SOCKET"
tap_is "as nobody, beside root's lock file: the daemon starts and runs to the end (0)" 0 \
    "$(once setpriv --reuid=nobody --regid=nogroup --clear-groups "$MOUWATCHD" -c "$TEST_TMP/u.conf")"
tap_is "and says nothing of the lock" 0 "$(grep -c 'lock' "$TEST_TMP/once.out")"

# ---- a read-only state_dir ----
R=$TEST_TMP/ro
mkdir -p "$R"
mount -t tmpfs -o size=1m,mode=0755 mouwatch-test "$R" || { echo "Bail out! cannot mount a tmpfs"; exit 1; }
at_exit "umount -l '$R'"
echo 1 >"$R/mouwatchd.lock"
mount -o remount,ro "$R"
conf "$TEST_TMP/ro.conf" "$R" "$TEST_TMP/w"
"$MOUWATCHD" -c "$TEST_TMP/ro.conf" --foreground --workers 0 >"$TEST_TMP/ro.log" 2>&1 &
first=$!
at_exit "kill -KILL $first"
tap_ok "on a read-only state_dir with its lock file, the daemon starts" wait_for 30 test -S "$TEST_TMP/w/ctl.sock"
rc=$(once "$MOUWATCHD" -c "$TEST_TMP/ro.conf")
tap_is "the lock holds: a second daemon there exits 1" 1 "$rc"
tap_match "naming the first one's PID" "another mouwatchd \\(pid $first\\) is running on the state directory" \
    "$(cat "$TEST_TMP/once.out")"
kill -TERM "$first"; wait "$first"

mount -o remount,rw "$R"; rm "$R/mouwatchd.lock"; mount -o remount,ro "$R"
tap_is "a read-only state_dir with no lock file: exits 1" 1 "$(once "$MOUWATCHD" -c "$TEST_TMP/ro.conf")"
tap_match "naming the lock file and the cause" "cannot open $R/mouwatchd.lock to lock the state directory: Read-only file system" \
    "$(cat "$TEST_TMP/once.out")"
tap_done
