#!/bin/bash
# feed_limits.sh: what `mouwatch parse-feed` does at its limits and with
# hostile input: the entry cap, the size cap, standard input, usage errors,
# an XXE that must not read a local file, invalid UTF-8 that must not reach
# the output.
. "$top_srcdir/tests/lib.sh"
tap_plan 13

# 10,500 items: the first 10,000 are kept, with a warning.
{
    echo '<rss version="2.0"><channel><title>Banyak</title>'
    for i in $(seq 1 10500); do echo "<item><guid>g$i</guid></item>"; done
    echo '</channel></rss>'
} >"$TEST_TMP/many.xml"
out=$("$MOUWATCH" parse-feed "$TEST_TMP/many.xml" 2>"$TEST_TMP/err")
tap_is "entry cap: exit 0" 0 $?
tap_is "entry cap: 10000 entries kept" 10000 "$(printf '%s' "$out" | grep -c '"id": "g')"
tap_match "entry cap: warns" "more than 10000 entries" "$(cat "$TEST_TMP/err")"
tap_match "entry cap: keeps the first" '"id": "g10000"' "$(printf '%s' "$out" | grep '"g10000"')"

# 17 MiB: over the 16 MiB limit.
head -c $((17 * 1024 * 1024)) /dev/zero | tr '\0' ' ' >"$TEST_TMP/big.xml"
tap_fails "size cap: exit 1" 1 "$MOUWATCH" parse-feed "$TEST_TMP/big.xml"
tap_match "size cap: says the limit" "over the limit of 16777216 bytes" "$(cat "$TEST_TMP/.out")"

# Standard input.
out=$("$MOUWATCH" parse-feed - <"$FIXTURES/feeds/atom10.xml")
tap_match "reads standard input" '"title": "Kampus & Kerja Sama"' "$out"

tap_fails "no file: usage error" 2 "$MOUWATCH" parse-feed
tap_fails "unknown option: usage error" 2 "$MOUWATCH" parse-feed --nope x
tap_fails "missing file: exit 1" 1 "$MOUWATCH" parse-feed "$TEST_TMP/does-not-exist.xml"

# XXE pointing at a file we control: its content must not appear.
echo "RAHASIA-XXE-$$" >"$TEST_TMP/secret.txt"
cat >"$TEST_TMP/xxe.xml" <<XML
<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY s SYSTEM "file://$TEST_TMP/secret.txt"> ]>
<rss version="2.0"><channel><title>&s;</title><item><title>&s;</title><description>&s;</description></item></channel></rss>
XML
out=$("$MOUWATCH" parse-feed "$TEST_TMP/xxe.xml" 2>&1)
tap_is "XXE: local file not read" "" "$(printf '%s' "$out" | grep "RAHASIA-XXE")"

# Invalid UTF-8 never reaches the output.
out=$("$MOUWATCH" parse-feed "$FIXTURES/feeds/invalid_utf8_declared.xml")
printf '%s' "$out" >"$TEST_TMP/u.json"
tap_ok "invalid UTF-8 input: output is valid UTF-8" python3 -c 'open(__import__("sys").argv[1], "rb").read().decode("utf-8")' "$TEST_TMP/u.json"
tap_match "invalid UTF-8 input: U+FFFD in place" 'Caf� salah' "$out"
tap_done
