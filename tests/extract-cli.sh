#!/bin/bash
# extract-cli.sh: 'mouwatch extract' as a command: usage errors, stdin,
# hostile input (binary, invalid UTF-8, huge), valid JSON out.
. "$top_srcdir/tests/lib.sh"
tap_plan 8

is_json() { python3 -c 'import json,sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$1"; }

tap_fails "no file is a usage error" 2 "$MOUWATCH" extract
tap_fails "bad --published is a usage error" 2 "$MOUWATCH" extract - --published 2025-02-30
tap_fails "missing file fails" 1 "$MOUWATCH" extract "$TEST_TMP/nope.txt"
printf 'SMKN 1 Contoh dan Universitas Contoh menandatangani MoU, Senin (6/1/2025).\n' >"$TEST_TMP/a.txt"
"$MOUWATCH" extract - --published 2025-01-07 <"$TEST_TMP/a.txt" >"$TEST_TMP/a.json"
tap_ok "stdin gives JSON" is_json "$TEST_TMP/a.json"
tap_match "stdin record has the date" '"signed_on": "2025-01-06"' "$(cat "$TEST_TMP/a.json")"
head -c 300000 /dev/urandom >"$TEST_TMP/bin.txt"
"$MOUWATCH" extract "$TEST_TMP/bin.txt" >"$TEST_TMP/bin.json"
tap_ok "random bytes give valid UTF-8 JSON" is_json "$TEST_TMP/bin.json"
printf 'Jum\xe2\x80\x99at \xff\xfe menandatangani nota kesepahaman \xc3(\n' >"$TEST_TMP/bad.txt"
"$MOUWATCH" extract "$TEST_TMP/bad.txt" --published 2025-01-01 >"$TEST_TMP/bad.json"
tap_ok "invalid UTF-8 gives valid JSON" is_json "$TEST_TMP/bad.json"
yes 'Universitas Contoh menandatangani nota kesepahaman dengan SMKN 2 Contoh di Contoh, Rabu.' | head -c 5000000 >"$TEST_TMP/big.txt"
tap_ok "a 5 MB article is capped and handled" "$MOUWATCH" extract "$TEST_TMP/big.txt" --published 2025-01-01
tap_done
