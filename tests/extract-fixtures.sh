#!/bin/bash
# extract-fixtures.sh: data-driven checks of 'mouwatch extract'. Each case
# is tests/fixtures/extract/NAME.txt (an article in our own words) with
# NAME.expect: TAB-separated lines "FIELD<TAB>VALUE", FIELD a dotted path
# into the record (parties.0.name); "published" gives --published; a list
# is compared sorted and comma-joined. Adding a case is adding two files.
. "$top_srcdir/tests/lib.sh"

dir="$FIXTURES/extract"
field() {  # field JSONFILE PATH
    python3 - "$1" "$2" <<'PY'
import json, sys
v = json.load(open(sys.argv[1]))
for k in sys.argv[2].split("."):
    try:
        v = v[int(k)] if isinstance(v, list) else v.get(k)
    except (IndexError, ValueError, AttributeError):
        v = None
    if v is None:
        break
if isinstance(v, list):
    v = ",".join(sorted(str(x) for x in v))
print(v)
PY
}

n=0
for exp in "$dir"/*.expect; do
    n=$((n + 1 + $(grep -vc '^published' "$exp")))
done
tap_plan "$n"
for exp in "$dir"/*.expect; do
    name=$(basename "$exp" .expect)
    pub=$(sed -n 's/^published\t//p' "$exp")
    out="$TEST_TMP/$name.json"
    tap_ok "$name: extract runs" "$MOUWATCH" extract "$dir/$name.txt" ${pub:+--published "$pub"}
    "$MOUWATCH" extract "$dir/$name.txt" ${pub:+--published "$pub"} >"$out" 2>/dev/null
    while IFS="$(printf '\t')" read -r key want; do
        [ "$key" = published ] && continue
        tap_is "$name: $key" "$want" "$(field "$out" "$key")"
    done <"$exp"
done
tap_done
