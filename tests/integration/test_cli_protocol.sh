#!/bin/bash
# test_cli_protocol.sh: the control socket against malformed, oversized,
# slow and too many clients (test_cli_protocol.py); the daemon answers
# each with an error and keeps serving. docs/protocol.md.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/test_cli_env.sh"

tap_plan 19

redis_start
httpd_start "$OPS_SITE"
OPS_CONF="$TEST_TMP/mw.conf"
ops_write_config "$OPS_CONF"
export MOUWATCH_CONTROL_TIMEOUT=2
ops_start_daemon "$OPS_CONF" || { echo "Bail out! mouwatchd did not start"; cat "$TEST_TMP/daemon.log"; exit 1; }

python3 "$top_srcdir/tests/integration/test_cli_protocol.py" "$OPS_SOCK" >"$TEST_TMP/probe.out" 2>&1
r() { awk -v k="$1" '$1 == "RESULT" && $2 == k { print $3 }' "$TEST_TMP/probe.out"; }
tap_is "not JSON: parse_error" parse_error "$(r not_json)"
tap_is "an array: parse_error" parse_error "$(r array)"
tap_is "no method: bad_request" bad_request "$(r no_method)"
tap_is "params not an object: bad_request" bad_request "$(r params_list)"
tap_is "unknown method: unknown_method" unknown_method "$(r unknown)"
tap_is "wrong parameter type: bad_params" bad_params "$(r bad_type)"
tap_is "newer protocol version: bad_version" bad_version "$(r future_version)"
tap_is "invalid UTF-8: parse_error" parse_error "$(r binary)"
tap_is "the same connection is served after errors, id echoed" "True,x7,1" "$(r same_connection_still_served)"
tap_is "pipelined requests" True "$(r pipelined_first)"
tap_is "a request over 64 KiB: too_large" too_large "$(r oversized)"
tap_is "... and the connection is closed" True "$(r oversized_closed)"
tap_is "64 KiB without a newline: too_large" too_large "$(r endless_line)"
tap_is "a half request: timeout error" timeout "$(r slow)"
tap_is "... and the connection is closed" True "$(r slow_closed)"
tap_match "more than 32 clients: the extra ones get busy" '^[1-9]' "$(r busy_refusals)"
tap_is "the daemon still serves, errors counted" "True,True" "$(r status_after)"
tap_ok "the daemon is alive" kill -0 "$DAEMON_PID"
tap_match "mouwatch with no daemon: clear error" \
    "cannot connect to $TEST_TMP/none.sock: No such file or directory — is mouwatchd running\? \(systemctl status mouwatchd\)" \
    "$("$MOUWATCH" --socket "$TEST_TMP/none.sock" status 2>&1)"
tap_done
