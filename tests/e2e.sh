#!/bin/sh
# End-to-end tests: render the sample plans with the real binary and check the
# PDFs with tools planpress did not write (qpdf, pdffonts, pdftotext).
# usage: sh tests/e2e.sh PATH/TO/planpress
set -u
. "$(dirname "$0")/e2e_lib.sh"
e2e_start planpress-e2e "$1"

check() { # check NAME COMMAND...
    name=$1
    shift
    if out=$("$@" 2>&1); then ok "$name"; else not_ok "$name" "$out"; fi
}
contains() { grep -qF -- "$2" "$1"; }

# --- the command line --------------------------------------------------------
check "--help exits 0" "$BIN" --help
check "--version names the tool" sh -c "'$BIN' --version | grep -q '^planpress '"
"$BIN" --no-such-option >/dev/null 2>&1
[ $? -eq 2 ] && ok "an unknown option is a usage error (2)" || not_ok "an unknown option is a usage error (2)"

# --- the samples -------------------------------------------------------------
OUT=$WORK/out
if "$BIN" build plans -o "$OUT" >"$WORK/build.log" 2>&1; then
    ok "the samples build"
else
    not_ok "the samples build" "$(cat "$WORK/build.log")"
fi
PDF=$OUT/samsund/plan-2024.pdf
check "qpdf --check passes" qpdf --check "$PDF"
pdffonts "$PDF" >"$WORK/fonts.txt" 2>/dev/null
if awk 'NR > 2 && $(NF-4) != "yes" { bad = 1 } END { exit bad }' "$WORK/fonts.txt" &&
   [ "$(wc -l <"$WORK/fonts.txt")" -gt 2 ]; then
    ok "every font is embedded"
else
    not_ok "every font is embedded" "$(cat "$WORK/fonts.txt")"
fi
pdftotext "$PDF" "$WORK/plan.txt" 2>/dev/null
for want in "Verksamhetsplan 2024" "Järfälla" "Upplands-Bro" "10 014" "Försäkringskassan" \
            "Ändamål och syfte" "−1 180" "sida 2 av"; do
    if contains "$WORK/plan.txt" "$want"; then ok "the text has \"$want\""; else not_ok "the text has \"$want\""; fi
done
NBSP=$(printf '\302\240')
contains "$WORK/build.log" "the printed total is 9${NBSP}017 but the rows add up to 9${NBSP}016" &&
    ok "the wrong printed total is reported" || not_ok "the wrong printed total is reported" "$(cat "$WORK/build.log")"

# --- bad input ---------------------------------------------------------------
BAD=$WORK/bad
mkdir -p "$BAD/plans/x"
cp plans/samsund/association.yaml "$BAD/plans/x/"
cp plans/samsund/plan-2024.yaml "$BAD/plans/x/plan-2024.yaml"
"$BIN" build "$BAD/plans" -o "$BAD/out" -q >/dev/null 2>&1
cp "$BAD/out/x/plan-2024.pdf" "$WORK/good.pdf"
printf 'plan:\n  year: 2024\n  title: [unclosed\n' >"$BAD/plans/x/plan-2024.yaml"
"$BIN" build "$BAD/plans" -o "$BAD/out" -q >"$WORK/bad.log" 2>&1
status=$?
[ $status -ne 0 ] && ok "a YAML syntax error fails the run" || not_ok "a YAML syntax error fails the run"
grep -q "^$BAD/plans/x/plan-2024.yaml:3:10: error: plan: YAML syntax: the \[ opened here is not closed" "$WORK/bad.log" &&
    ok "the error names file:line:col" || not_ok "the error names file:line:col" "$(cat "$WORK/bad.log")"
cmp -s "$BAD/out/x/plan-2024.pdf" "$WORK/good.pdf" &&
    ok "the last good PDF is kept" || not_ok "the last good PDF is kept"
leftovers=$(find "$BAD/out" -name '*.tmp' | wc -l)
[ "$leftovers" -eq 0 ] && ok "no partial file is left" || not_ok "no partial file is left"

e2e_finish "e2e"
