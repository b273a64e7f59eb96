# tests/lib.sh: the shell side of the test harness, sourced by every
# integration test. It speaks TAP (plan, ok/not ok), makes a private temp
# dir removed on exit, and finds the built programs.
#
#   . "$top_srcdir/tests/lib.sh"
#   tap_plan 3
#   tap_ok "parses the feed" mouwatch parse-feed "$FIX/feeds/a.xml"
#   tap_is "title" "Kabar" "$(...)"
#
# top_srcdir and top_builddir come from 'make check'; run by hand, they
# default to this checkout and ./build.

: "${top_srcdir:=$(cd "$(dirname "${BASH_SOURCE:-$0}")/.." && pwd)}"
: "${top_builddir:=$top_srcdir/build}"
FIXTURES="$top_srcdir/tests/fixtures"
MOUWATCH="$top_builddir/daemon/mouwatch"
MOUWATCHD="$top_builddir/daemon/mouwatchd"
MOUWATCH_WORKER="$top_builddir/workers/mouwatch-worker"
MW_HTTPD="$top_builddir/tests/helpers/mw-httpd"

_tap_n=0
_tap_failed=0
_cleanup_cmds=""

TEST_TMP=$(mktemp -d "${TMPDIR:-/tmp}/mouwatch-test.XXXXXX")

# Registers a shell command run at exit (last registered runs first).
at_exit() { _cleanup_cmds="$1
$_cleanup_cmds"; }

_lib_exit() {
    rc=$?
    printf '%s\n' "$_cleanup_cmds" | while IFS= read -r c; do
        [ -n "$c" ] && eval "$c" >/dev/null 2>&1
    done
    if [ -z "${KEEP_TEST_TMP:-}" ]; then rm -rf "$TEST_TMP"; else echo "# kept $TEST_TMP"; fi
    exit "$rc"
}
trap _lib_exit EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

tap_plan() { echo "1..$1"; }

_tap_result() {
    _tap_n=$((_tap_n + 1))
    if [ "$1" -eq 0 ]; then
        echo "ok $_tap_n - $2"
    else
        echo "not ok $_tap_n - $2"
        _tap_failed=$((_tap_failed + 1))
    fi
}

# tap_ok DESCRIPTION COMMAND...: passes when COMMAND exits 0.
tap_ok() {
    d=$1; shift
    if "$@" >"$TEST_TMP/.out" 2>&1; then _tap_result 0 "$d"
    else _tap_result 1 "$d"; sed 's/^/# /' "$TEST_TMP/.out" | head -40; fi
}

# tap_fails DESCRIPTION STATUS COMMAND...: passes when COMMAND exits STATUS.
tap_fails() {
    d=$1; want=$2; shift 2
    "$@" >"$TEST_TMP/.out" 2>&1 && got=0 || got=$?
    if [ "$got" -eq "$want" ]; then _tap_result 0 "$d"
    else _tap_result 1 "$d"; echo "# exit status $got, wanted $want"; sed 's/^/# /' "$TEST_TMP/.out" | head -40; fi
}

# tap_is DESCRIPTION EXPECTED ACTUAL
tap_is() {
    if [ "$2" = "$3" ]; then _tap_result 0 "$1"
    else _tap_result 1 "$1"; printf '# expected: %s\n#      got: %s\n' "$2" "$3"; fi
}

# tap_match DESCRIPTION REGEX TEXT: passes when TEXT matches the ERE.
tap_match() {
    if printf '%s' "$3" | grep -Eq -- "$2"; then _tap_result 0 "$1"
    else _tap_result 1 "$1"; printf '# no match for /%s/ in:\n' "$2"; printf '%s\n' "$3" | head -20 | sed 's/^/#   /'; fi
}

tap_skip() { _tap_n=$((_tap_n + 1)); echo "ok $_tap_n - # SKIP $1"; }

# tap_done: call last; the exit status tells make whether anything failed.
tap_done() { [ "$_tap_failed" -eq 0 ]; }

# wait_for SECONDS COMMAND...: polls COMMAND every 0.1 s until it succeeds.
wait_for() {
    limit=$(( $1 * 10 )); shift
    i=0
    while ! "$@" >/dev/null 2>&1; do
        i=$((i + 1))
        [ "$i" -ge "$limit" ] && return 1
        sleep 0.1
    done
    return 0
}

# The helpers for real servers (redis-server, the HTTP test server, the
# SMTP sink) live beside this file.
for _h in "$top_srcdir"/tests/helpers/*.sh; do
    [ -f "$_h" ] && . "$_h"
done
