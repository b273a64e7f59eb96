# tests/helpers/proc.sh: stopping the background servers the other helpers
# start (sourced by tests/lib.sh). Works from the test shell and from the
# at_exit cleanup, which runs in a subshell that cannot wait for them.

# _proc_alive PID: true while PID runs (a zombie counts as gone).
_proc_alive() {
    [ -n "$1" ] && kill -0 "$1" 2>/dev/null &&
        ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null
}

# _proc_end SIGNAL PID: sends SIGNAL and waits (up to 10 s) until PID is
# gone; escalates to SIGKILL if it is not.
_proc_end() {
    _pe_sig=$1 _pe_pid=$2
    [ -n "$_pe_pid" ] || return 0
    kill "-$_pe_sig" "$_pe_pid" 2>/dev/null || return 0
    if ! wait_for 10 eval "! _proc_alive $_pe_pid"; then
        kill -KILL "$_pe_pid" 2>/dev/null
        wait_for 5 eval "! _proc_alive $_pe_pid"
    fi
    # The helpers disown their servers: bash reaps them by itself and
    # prints no job notices; _proc_alive treats a zombie as gone.
    return 0
}
