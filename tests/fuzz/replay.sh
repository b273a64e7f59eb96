#!/bin/bash
# replay.sh: the fuzzers' regression test. For every tests/fuzz/fuzz_T.seeds
# it runs the plain replay build of that target (tests/fuzz/replay_T, no
# libFuzzer) over each seed directory listed there, which include the
# inputs of past findings in tests/fuzz/corpus/fuzz_T/. A crash, sanitizer
# report or violated property fails the case and names the input. Under
# valgrind when it is installed and the build has no sanitizers (ASan and
# valgrind exclude each other), so reads of uninitialised memory and leaks
# fail too; MW_REPLAY_VALGRIND=no turns that off.
. "$top_srcdir/tests/lib.sh"

# In a sanitizer build, undefined behaviour must fail the replay too.
: "${UBSAN_OPTIONS:=halt_on_error=1:print_stacktrace=1}"
export UBSAN_OPTIONS

# The command prefix for one replay binary: valgrind, or nothing.
runner() {
    if [ "${MW_REPLAY_VALGRIND:-yes}" != no ] && command -v valgrind >/dev/null &&
       ! grep -q __asan_init "$1"; then
        echo valgrind -q --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite
    fi
}

seeds=("$top_srcdir"/tests/fuzz/fuzz_*.seeds)
tap_plan "${#seeds[@]}"
for s in "${seeds[@]}"; do
    t=$(basename "$s" .seeds)
    bin="$top_builddir/tests/fuzz/replay_${t#fuzz_}"
    dirs=()
    while IFS= read -r d; do
        [ -n "$d" ] && dirs+=("$top_srcdir/$d")
    done <"$s"
    if $(runner "$bin") "$bin" "${dirs[@]}" >"$TEST_TMP/$t.log" 2>&1; then
        _tap_result 0 "$t: $(tail -n 1 "$TEST_TMP/$t.log")"
    else
        _tap_result 1 "$t: an input failed; the last '# FILE' line names it"
        tail -n 20 "$TEST_TMP/$t.log" | sed 's/^/# /'
    fi
done
tap_done
