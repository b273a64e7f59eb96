#!/bin/bash
# feed_fixtures.sh: the data-driven test of `mouwatch parse-feed`. Every
# tests/fixtures/feeds/NAME.* input with a NAME.expected.json must print
# JSON equal to it; with a NAME.expected.err it must exit 1 and say that
# text on stderr. NAME.args holds extra arguments (e.g. --base URL).
# A new case is a new pair of files.
. "$top_srcdir/tests/lib.sh"

DIR="$FIXTURES/feeds"
cases=()
for f in "$DIR"/*; do
    case "$f" in *.expected.json|*.expected.err|*.args) continue ;; esac
    cases+=("$f")
done
tap_plan $(( ${#cases[@]} * 2 ))

json_equal() {
    python3 -c 'import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
b = json.load(open(sys.argv[2], encoding="utf-8"))
sys.exit(0 if a == b else 1)' "$1" "$2"
}

for f in "${cases[@]}"; do
    name=$(basename "${f%.*}")
    args=()
    [ -f "$DIR/$name.args" ] && read -r -a args < "$DIR/$name.args"
    "$MOUWATCH" parse-feed "${args[@]}" "$f" >"$TEST_TMP/out.json" 2>"$TEST_TMP/err" && rc=0 || rc=$?
    if [ -f "$DIR/$name.expected.err" ]; then
        tap_is "$name: exits 1" 1 "$rc"
        want=$(cat "$DIR/$name.expected.err")
        if grep -qF -- "$want" "$TEST_TMP/err"; then tap_is "$name: error message" x x
        else tap_is "$name: error message" "$want" "$(cat "$TEST_TMP/err")"; fi
    else
        tap_is "$name: exits 0" 0 "$rc"
        if json_equal "$DIR/$name.expected.json" "$TEST_TMP/out.json"; then
            tap_is "$name: JSON as expected" x x
        else
            tap_is "$name: JSON as expected" "$(cat "$DIR/$name.expected.json")" "$(cat "$TEST_TMP/out.json")"
        fi
    fi
done
tap_done
