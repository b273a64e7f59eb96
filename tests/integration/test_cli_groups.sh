#!/bin/bash
# test_cli_groups.sh: [daemon] socket_group and the control socket. A
# client whose uid is not in socket_group by the group database, but whose
# process holds the group as a supplementary group (setpriv --groups), is
# served: the daemon reads the peer's groups with SO_PEERGROUPS. Without
# the group, or with only other groups, it is refused and the refusal
# logged. The socket is made world-writable here so that the daemon's own
# check, not the file mode, decides. Needs root and setpriv.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/test_cli_env.sh"

tap_plan 5

if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null; then
    for t in "supplementary group served" "its reply is the status" "no group refused" \
        "other groups refused" "refusals logged"; do
        tap_skip "$t (needs root and setpriv)"
    done
    tap_done; exit
fi

# A group uid 65534 is not a member of in the group database.
group=
for g in adm daemon sys; do
    if getent group "$g" >/dev/null && ! id -nG 65534 2>/dev/null | tr ' ' '\n' | grep -qx "$g"; then
        group=$g; break
    fi
done
[ -n "$group" ] || { echo "Bail out! no group without uid 65534 among adm, daemon, sys"; exit 1; }
gid=$(getent group "$group" | cut -d: -f3)
echo "# socket_group = $group (gid $gid); uid 65534's groups: $(id -G 65534 2>/dev/null)"

redis_start
httpd_start "$OPS_SITE"
OPS_CONF="$TEST_TMP/mw.conf"
ops_write_config "$OPS_CONF"
sed -i "s/^socket_group =.*/socket_group = $group/" "$OPS_CONF"
ops_start_daemon "$OPS_CONF" || { echo "Bail out! mouwatchd did not start"; cat "$TEST_TMP/daemon.log"; exit 1; }
chmod 755 "$TEST_TMP" "$OPS_STATE"; chmod 666 "$OPS_SOCK"

# as_nobody SETPRIV-GROUP-ARGS...: 'mouwatch status' as uid/gid 65534
as_nobody() {
    setpriv --reuid 65534 --regid 65534 "$@" "$MOUWATCH" --socket "$OPS_SOCK" status 2>&1
}

out=$(as_nobody --groups "$gid"); rc=$?
tap_is "a uid with socket_group only as a supplementary group is served" 0 "$rc"
tap_match "... and gets the status" '^mouwatchd [0-9.]+ \(pid [0-9]+\)' "$out"
out=$(as_nobody --clear-groups); rc=$?
tap_match "the same uid without the group is refused" '^1 .*permission denied.*forbidden' "$rc $out"
other=$(getent group nogroup >/dev/null && echo 65534 || echo 65533)
out=$(as_nobody --groups "$other"); rc=$?
tap_match "with other supplementary groups only, it is refused" '^1 .*forbidden' "$rc $out"
tap_is "both refusals are logged with the uid" 2 "$(grep -c 'refused a client (uid 65534' "$TEST_TMP/daemon.log")"
ops_stop_daemon
tap_done
