#!/bin/bash
# real.sh: the extractor on the shared real articles. Scores `mouwatch
# extract` over ../shared/real-articles/a and b with the independent scorer
# ../shared/tools/score-agreements (the same measurement as the issue's
# figures) and fails when a field's F1 falls below its floor in
# real-floors. The articles are third-party texts kept outside the project:
# skipped with a message when they are not there. The failure list is
# printed as TAP comments.
. "$top_srcdir/tests/lib.sh"

SHARED="$top_srcdir/../shared"
REAL="$SHARED/real-articles"
SCORER="$SHARED/tools/score-agreements"
FLOORS="$top_srcdir/tests/extract-eval/real-floors"

if [ ! -d "$REAL/a" ] || [ ! -x "$SCORER" ] || ! command -v python3 >/dev/null 2>&1; then
    tap_plan 1
    tap_skip "real sets: $REAL or $SCORER is not present (the articles stay outside the project)"
    exit 0
fi

tap_plan $(grep -c '^[ab]' "$FLOORS")
for set in a b; do
    "$SCORER" "$REAL/$set" --cmd "$MOUWATCH extract {file} --published {published}" \
        --save-pred "$TEST_TMP/pred-$set" --json >"$TEST_TMP/$set.json" 2>"$TEST_TMP/$set.err"
    "$SCORER" "$REAL/$set" --pred "$TEST_TMP/pred-$set" --list-failures 2>/dev/null |
        sed -n '/^== /,/^$/p' | sed "s/^/# $set: /"
done
while read -r set field floor _; do
    case "$set" in a|b) ;; *) continue ;; esac
    got=$(python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["fields"][sys.argv[2]]["f1"])' \
        "$TEST_TMP/$set.json" "$field" 2>/dev/null || echo 0)
    tap_ok "real $set/: $field F1 $got is at least $floor" \
        python3 -c "import sys; sys.exit(float('$got') < $floor)"
done <"$FLOORS"
tap_done
