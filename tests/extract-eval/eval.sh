#!/bin/bash
# eval.sh: the evaluation corpus and its scorer, in the test suite.
# Checks the gold records (check-gold), that the checker catches the broken
# records in bad-gold/, that the scorer gives 1.0 for gold against gold and
# the hand-worked figures of selftest/, and runs the real extractor over the
# corpus: every case must be scored and every score well-formed. The
# extractor's figures are printed as TAP comments; no minimum is asserted.
. "$top_srcdir/tests/lib.sh"

EVAL="$top_srcdir/tests/extract-eval"
CORPUS="$FIXTURES/eval"

if ! command -v python3 >/dev/null 2>&1; then
    tap_plan 1
    tap_skip "python3 is not installed; the scorer needs it"
    exit 0
fi

# jq-like reads of the scorer's JSON report: json_get FILE PYTHON-EXPR
# (the report is bound to r).
json_get() {
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
}

# A report is well-formed when it has every field and every score is null
# or within [0, 1]; prints what is wrong otherwise.
well_formed() {
    python3 - "$1" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
bad = [k for k, f in r["fields"].items()
       if f["score"] is not None and not 0 <= f["score"] <= 1]
if not 0 <= r["overall"] <= 1: bad.append("overall")
if len(r["articles"]) != r["cases"]: bad.append("articles")
if len(r["fields"]) != 17: bad.append("field count %d" % len(r["fields"]))
print(" ".join(bad)); sys.exit(1 if bad else 0)
EOF
}

# Compares a report with selftest/expected.json to 4 decimals.
matches_expected() {
    python3 - "$1" "$EVAL/selftest/expected.json" <<'EOF'
import json, sys
r, e = (json.load(open(p)) for p in sys.argv[1:3])
got = {"cases": r["cases"], "failed": r["failed"], "exact": r["exact"],
       "overall": r["overall"],
       "agreement_precision": r["fields"]["agreement"]["precision"],
       "agreement_recall": r["fields"]["agreement"]["recall"]}
got.update({"fields." + k: v["score"] for k, v in r["fields"].items()})
want = {k: v for k, v in e.items() if k not in ("fields", "_about")}
want.update({"fields." + k: v for k, v in e["fields"].items()})
bad = ["%s: want %s, got %s" % (k, w, got.get(k)) for k, w in sorted(want.items())
       if got.get(k) is None or abs(got[k] - w) > 5e-5]
print("\n".join(bad)); sys.exit(1 if bad else 0)
EOF
}

# Score floors: raise them when the extractor gets better, never lower
# them to make a change pass.
DEV_FLOOR=0.98
HOLDOUT_FLOOR=0.88
HOLDOUT2_FLOOR=0.92
HOLDOUT3_FLOOR=0.90
# The fourth held-out set was written blind to the extractor; it has a
# floor per field (this scorer's figures), a little under what main reached.
HOLDOUT4_FLOORS="agreement=0.94 parties=0.90 signatories=0.80 signed_on=0.68 programs=0.88"
SEED_FLOOR=0.99

ntxt=$(ls "$CORPUS"/*.txt | wc -l)
nexpected=$(grep -c . "$EVAL/bad-gold/expected-problems")
tap_plan $((22 + $(echo $HOLDOUT4_FLOORS | wc -w) + nexpected))

tap_ok "gold records follow the SPEC's field rules" "$EVAL/check-gold" "$CORPUS"

"$EVAL/check-gold" --stats "$CORPUS" >"$TEST_TMP/stats" 2>&1
stat() { awk -v k="$1" '$1 == k { print $2 }' "$TEST_TMP/stats"; }
tap_ok "corpus has at least 40 cases ($(stat cases))" test "$(stat cases)" -ge 40
tap_ok "corpus has at least 10 negatives ($(stat negatives))" test "$(stat negatives)" -ge 10
missing=""
for k in language-id language-ms language-en type-mou type-moa type-pks \
         type-loi type-agreement type-renewal three-or-more-parties; do
    [ -n "$(stat $k)" ] || missing="$missing $k"
done
tap_is "corpus covers every language, type and 3+ parties" "" "$missing"

"$EVAL/check-gold" "$EVAL/bad-gold" >"$TEST_TMP/bad" 2>&1 && rc=0 || rc=$?
tap_is "check-gold fails on broken gold records" 1 "$rc"
while IFS= read -r want; do
    tap_match "check-gold reports: $want" "$(printf '%s' "$want" | sed 's/[][\.*^$(){}+?|]/\\&/g')" "$(cat "$TEST_TMP/bad")"
done <"$EVAL/bad-gold/expected-problems"

"$EVAL/score" "$CORPUS" --predictions "$CORPUS" --json >"$TEST_TMP/self.json"
tap_is "gold scored against itself: every case exact" \
    "$ntxt $ntxt 1.0" \
    "$(json_get "$TEST_TMP/self.json" '"%d %d %.1f" % (r["cases"], r["exact"], r["overall"])')"
tap_ok "--min-score 1.0 passes for gold against gold" \
    "$EVAL/score" "$CORPUS" --predictions "$CORPUS" --min-score 1.0

"$EVAL/score" "$EVAL/selftest/gold" --predictions "$EVAL/selftest/pred" --json \
    >"$TEST_TMP/selftest.json"
tap_ok "scorer gives the hand-worked figures of selftest/" matches_expected "$TEST_TMP/selftest.json"
tap_fails "--min-score above the overall exits 1" 1 \
    "$EVAL/score" "$EVAL/selftest/gold" --predictions "$EVAL/selftest/pred" --min-score 0.9

# The gold format's tolerances (accept): a prediction that takes every
# accepted alternative is exact; without the tolerances it is not.
ACCEPT="$EVAL/accept"
tap_is "accept: tolerated alternatives score as right" "1 1 1.000" \
    "$("$EVAL/score" "$ACCEPT/gold" --predictions "$ACCEPT/pred" --json |
       python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["cases"], r["exact"], "%.3f" % r["overall"])')"
mkdir -p "$TEST_TMP/strict"
cp "$ACCEPT/gold/tolerances.txt" "$TEST_TMP/strict/"
python3 -c 'import json,sys; g=json.load(open(sys.argv[1])); g.pop("accept"); json.dump(g, open(sys.argv[2], "w"))' \
    "$ACCEPT/gold/tolerances.json" "$TEST_TMP/strict/tolerances.json"
tap_is "accept: the same prediction without the tolerances is not exact" 0 \
    "$("$EVAL/score" "$TEST_TMP/strict" --predictions "$ACCEPT/pred" --json |
       python3 -c 'import json,sys; print(json.load(sys.stdin)["exact"])')"

# The extractor itself: scored on the development corpus, which it must
# not fall below (the floors are the level reached, minus a little room
# for a case that trades one field for another), and on the held-out set.
"$EVAL/score" "$CORPUS" --mouwatch "$MOUWATCH" --json >"$TEST_TMP/run.json" 2>"$TEST_TMP/run.err"
tap_is "scorer ran mouwatch extract on every case" "$ntxt" \
    "$(json_get "$TEST_TMP/run.json" 'r["cases"]' 2>&1)"
tap_ok "extractor's scores are well-formed" well_formed "$TEST_TMP/run.json"
python3 - "$TEST_TMP/run.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
print("# extractor: %d cases, %d failed to run, %d exact, overall %.3f"
      % (r["cases"], r["failed"], r["exact"], r["overall"]))
for k, f in r["fields"].items():
    print("#   %-18s %s" % (k, "-" if f["score"] is None else "%.3f" % f["score"]))
for a in [a for a in r["articles"] if a["error"]][:3]:
    print("# failed: %s: %s" % (a["case"], a["error"]))
EOF
overall() { json_get "$1" 'r["overall"]'; }
tap_ok "development corpus: overall $(overall "$TEST_TMP/run.json") is at least $DEV_FLOOR" \
    python3 -c "import sys; sys.exit(float('$(overall "$TEST_TMP/run.json")') < $DEV_FLOOR)"

HOLDOUT="$top_srcdir/tests/fixtures/eval-holdout"
"$EVAL/score" "$HOLDOUT" --mouwatch "$MOUWATCH" --json >"$TEST_TMP/holdout.json" 2>/dev/null
tap_ok "held-out set: overall $(overall "$TEST_TMP/holdout.json") is at least $HOLDOUT_FLOOR" \
    python3 -c "import sys; sys.exit(float('$(overall "$TEST_TMP/holdout.json")') < $HOLDOUT_FLOOR)"
tap_ok "held-out gold records follow the SPEC's field rules" "$EVAL/check-gold" "$HOLDOUT"
HOLDOUT2="$top_srcdir/tests/fixtures/eval-holdout2"
"$EVAL/score" "$HOLDOUT2" --mouwatch "$MOUWATCH" --json >"$TEST_TMP/holdout2.json" 2>/dev/null
tap_ok "second held-out set: overall $(overall "$TEST_TMP/holdout2.json") is at least $HOLDOUT2_FLOOR" \
    python3 -c "import sys; sys.exit(float('$(overall "$TEST_TMP/holdout2.json")') < $HOLDOUT2_FLOOR)"
tap_ok "second held-out gold records follow the SPEC's field rules" "$EVAL/check-gold" "$HOLDOUT2"
HOLDOUT3="$top_srcdir/tests/fixtures/eval-holdout3"
"$EVAL/score" "$HOLDOUT3" --mouwatch "$MOUWATCH" --json >"$TEST_TMP/holdout3.json" 2>/dev/null
tap_ok "third held-out set: overall $(overall "$TEST_TMP/holdout3.json") is at least $HOLDOUT3_FLOOR" \
    python3 -c "import sys; sys.exit(float('$(overall "$TEST_TMP/holdout3.json")') < $HOLDOUT3_FLOOR)"
tap_ok "third held-out gold records follow the SPEC's field rules" "$EVAL/check-gold" "$HOLDOUT3"
HOLDOUT4="$top_srcdir/tests/fixtures/eval-holdout4"
"$EVAL/score" "$HOLDOUT4" --mouwatch "$MOUWATCH" --json >"$TEST_TMP/holdout4.json" 2>/dev/null
for floor in $HOLDOUT4_FLOORS; do
    field=${floor%%=*} min=${floor#*=}
    got=$(json_get "$TEST_TMP/holdout4.json" "'%.3f' % r['fields']['$field']['score']" 2>/dev/null || echo 0)
    tap_ok "blind held-out set: $field $got is at least $min" \
        python3 -c "import sys; sys.exit(float('$got') < $min)"
done
tap_ok "blind held-out gold records follow the gold format" "$EVAL/check-gold" "$HOLDOUT4"

# The five seed articles the project started from are third-party texts
# and stay outside it; scored when ../shared/seeds is there.
SEEDS="$top_srcdir/../shared/seeds"
if [ -d "$SEEDS" ]; then
    "$EVAL/score" "$SEEDS" --mouwatch "$MOUWATCH" --json >"$TEST_TMP/seeds.json" 2>/dev/null
    tap_ok "seeds: overall $(overall "$TEST_TMP/seeds.json") is at least $SEED_FLOOR" \
        python3 -c "import sys; sys.exit(float('$(overall "$TEST_TMP/seeds.json")') < $SEED_FLOOR)"
else
    tap_skip "seeds: $SEEDS is not present (the seed texts stay outside the project)"
fi
tap_done
