#!/bin/bash
# test_config.sh: 'mouwatch check-config' over the fixtures in
# tests/fixtures/config: every bad-NAME.conf must exit 2 and print exactly
# bad-NAME.expected on stderr; every good-NAME.conf must exit 0 and print
# "good-NAME.conf: ok (...)". A new case is a new pair of files. Also the
# shipped config/mouwatch.conf.example, and how the file is found.
. "$top_srcdir/tests/lib.sh"

DIR="$FIXTURES/config"
cd "$DIR" || exit 1
bad=(bad-*.conf)
good=(good-*.conf)
tap_plan $(( ${#bad[@]} + ${#good[@]} + 5 ))

# check_bad FILE: status 2, stderr equal to FILE's .expected, stdout empty.
check_bad() {
    local f=$1 exp=${1%.conf}.expected status=0
    "$MOUWATCH" -c "$f" check-config >"$TEST_TMP/out" 2>"$TEST_TMP/err" || status=$?
    if [ ! -f "$exp" ]; then
        _tap_result 1 "$f: has no $exp"; return
    fi
    if [ "$status" -eq 2 ] && cmp -s "$exp" "$TEST_TMP/err" && [ ! -s "$TEST_TMP/out" ]; then
        _tap_result 0 "$f: refused with the expected errors"
    else
        _tap_result 1 "$f: refused with the expected errors"
        echo "# exit status $status, wanted 2"
        diff "$exp" "$TEST_TMP/err" | sed 's/^/# /' | head -30
    fi
}

for f in "${bad[@]}"; do check_bad "$f"; done

# good files: status 0 and the summary line, nothing else
for f in "${good[@]}"; do
    out=$("$MOUWATCH" -c "$f" check-config 2>&1) && st=0 || st=$?
    tap_match "$f: accepted" "^0:$f: ok \([0-9]+ feeds, [0-9]+ channels\)\$" "$st:$out"
done

example="$top_srcdir/config/mouwatch.conf.example"
tap_is "the shipped example passes" "$example: ok (2 feeds, 2 channels)" \
    "$("$MOUWATCH" -c "$example" check-config 2>&1)"

tap_is "MOUWATCH_CONFIG names the file when -c is absent" "good-empty.conf: ok (0 feeds, 0 channels)" \
    "$(MOUWATCH_CONFIG=good-empty.conf "$MOUWATCH" check-config 2>&1)"

tap_is "-c wins over MOUWATCH_CONFIG" "good-booleans.conf: ok (1 feeds, 0 channels)" \
    "$(MOUWATCH_CONFIG=good-empty.conf "$MOUWATCH" -c good-booleans.conf check-config 2>&1)"

tap_fails "a missing file exits 2" 2 "$MOUWATCH" -c "$TEST_TMP/none.conf" check-config
tap_match "a missing file says what to do" "none.conf: cannot open: No such file or directory; pass the right file with -c FILE or set MOUWATCH_CONFIG" \
    "$("$MOUWATCH" -c "$TEST_TMP/none.conf" check-config 2>&1)"

tap_done
