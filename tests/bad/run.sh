#!/bin/bash
# The bad-input corpus: every case is one input file beside the first error
# line it must give (NAME.expect), in a folder that says where the input goes:
#
#   plan/NAME.yaml            plans/bad/plan-2024.yaml        built by planpress
#   association/NAME.yaml     plans/bad/association.yaml      built by planpress
#   template/NAME.mustache    plans/bad/plan.mustache         built by planpress
#   style/NAME.yaml           templates/style.yaml            built by planpress
#   outcome/NAME.yaml         plans/bad/outcome-2024.yaml     checked by LOADER
#   minutes/NAME.yaml         plans/bad/minutes-2024-02-23.yaml  checked by LOADER
#   group/NAME.yaml           plans/bad/group.yaml            checked by LOADER
#   csv/NAME.csv              plans/bad/budget-2024.csv       built by planpress; the
#                             plan's budget rows become "rows_from: budget-2024.csv"
#   books/NAME.se             plans/bad/sie-2024.se           built by planpress
#   mapping/NAME.yaml         plans/bad/kontoplan.yaml        built by planpress
#   annual/NAME.yaml          plans/bad/arsredovisning-2024.yaml  built by planpress
#                             (these three beside the good other two of
#                             annual.fixture/: the årsredovisning of Samsund
#                             from its books; with "strict", LOADER reads
#                             the case's file alone)
#   files/NAME.sh             a script run in the batch folder just before
#                             planpress (in the same shell): it makes the case
#                             (a 50 MB file, a read-only out/, a file size limit);
#                             it may set RUN_AS, a command to run planpress with,
#                             and edit $SUMS, the checksums the earlier PDFs
#                             must still have
#
# The batch is a copy of the Samsund sample twice, plans/bad and plans/good,
# both built once before the case. Each case must: exit with the status of the
# .expect file's line "exit N" (default 1), not by a signal or the time
# limit; print the .expect file's first line as its first error, exactly
# (file:line:col, key path, message); print no sanitizer report; stay within
# the time limit and, without AddressSanitizer, the memory limit; and leave
# every PDF of the earlier build byte for byte as it was, with no temporary
# file behind. A line "strict" in the .expect file checks the input with
# LOADER --strict instead (a figure that does not add up is a warning, which
# --strict makes fatal) and takes the first error or warning. A line
# "anywhere" accepts the expected line among the errors, not only first: the
# style's own error comes after each document's "not built" because of it. A line "pending: WHY" in the .expect file marks a known gap:
# the case runs and is reported, but does not fail the corpus.
#
# usage: run.sh PLANPRESS LOADER [CASE...]   (CASE: plan/duplicate-key.yaml …)
# BAD_BLESS=1 writes each case's actual first error line into its .expect
# file, for a new case or a changed message: review the diff before committing.
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
LOADER=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
shift 2
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=$(mktemp -d /tmp/planpress-bad.XXXXXX)
chmod 755 "$WORK"
trap 'umount "$WORK/case/out" 2>/dev/null; chmod -R u+w "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
export SOURCE_DATE_EPOCH=1700000000

if grep -q __asan_init "$BIN"; then
    SANITIZED=1
    TIME_LIMIT=${BAD_TIME_LIMIT:-90}
else
    SANITIZED=0
    TIME_LIMIT=${BAD_TIME_LIMIT:-30}
fi
MEMORY_LIMIT_KB=${BAD_MEMORY_LIMIT_KB:-1048576}

passed=0
failed=0
skipped=0
todo=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() {
    failed=$((failed + 1))
    echo "not ok - $1"
    [ -n "${2:-}" ] && printf '%s\n' "$2" | head -20 | sed 's/^/#   /'
}
skip() { skipped=$((skipped + 1)); echo "ok - $1 # skip $2"; }

# The batch every case starts from, built once.
BASE=$WORK/base
mkdir -p "$BASE/plans"
cp -r "$ROOT/plans/samsund" "$BASE/plans/bad"
cp -r "$ROOT/plans/samsund" "$BASE/plans/good"
cp -r "$ROOT/templates" "$BASE/templates"
if ! (cd "$BASE" && "$BIN" build plans -o out -t templates -q) >"$WORK/base.log" 2>&1 ||
    [ ! -f "$BASE/out/bad/plan-2024.pdf" ] || [ ! -f "$BASE/out/good/plan-2024.pdf" ]; then
    not_ok "the batch builds before the cases" "$(cat "$WORK/base.log")"
    echo "bad: $passed passed, $failed failed"
    exit 1
fi
(cd "$BASE/out" && find . -name "*.pdf" | sort | xargs sha256sum) >"$WORK/base.sums"

can_mount() {
    [ "$(id -u)" = 0 ] || return 1
    mkdir -p "$WORK/probe"
    mount -t tmpfs -o size=64k tmpfs "$WORK/probe" 2>/dev/null && umount "$WORK/probe"
}

# Where a case's input goes, and what reads it.
placement() {
    case $1 in
    plan) echo "build plans/bad/plan-2024.yaml" ;;
    association) echo "build plans/bad/association.yaml" ;;
    template) echo "build plans/bad/plan.mustache" ;;
    style) echo "build templates/style.yaml" ;;
    outcome) echo "load plans/bad/outcome-2024.yaml" ;;
    minutes) echo "load plans/bad/minutes-2024-02-23.yaml" ;;
    group) echo "load plans/bad/group.yaml" ;;
    csv) echo "build plans/bad/budget-2024.csv" ;;
    books) echo "build plans/bad/sie-2024.se" ;;
    mapping) echo "build plans/bad/kontoplan.yaml" ;;
    annual) echo "build plans/bad/arsredovisning-2024.yaml" ;;
    files) echo "build -" ;;
    esac
}

# A csv case's plan: the budget rows typed in it are replaced by the CSV file.
rows_from_csv() {
    python3 - "$1" <<'EOF'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
text, n = re.subn(r"(?ms)^    income:\n.*?(?=^    printed_totals:)", "    rows_from: budget-2024.csv\n", text, count=1)
assert n == 1, "no budget rows in the plan"
open(sys.argv[1], "w", encoding="utf-8").write(text)
EOF
}

# Runs one case in $W; output in $W.log, status in $W.status.
run_case() {
    role=$1 input=$2 W=$3 strict=$4
    read -r how target <<<"$(placement "$role")"
    [ -n "$strict" ] && how=load
    case $role in books | mapping | annual)
        for f in "$HERE"/annual.fixture/*.in; do
            n=$(basename "$f" .in)
            cp "$f" "$W/plans/bad/${n}"
        done ;;
    esac
    [ "$target" != - ] && cp "$input" "$W/$target"
    [ "$role" = csv ] && rows_from_csv "$W/plans/bad/plan-2024.yaml"
    (
        cd "$W" || exit 99
        export WORK SUMS
        [ "$role" = files ] && . "$input"
        [ "$SANITIZED" = 0 ] && ulimit -v "$MEMORY_LIMIT_KB"
        if [ "$how" = load ]; then
            exec timeout -s KILL "$TIME_LIMIT" "$LOADER" $strict "$target"
        fi
        exec ${RUN_AS:-} timeout -s KILL "$TIME_LIMIT" "$BIN" build plans -o out -t templates -q
    ) >"$W.log" 2>&1
    echo $? >"$W.status"
}

check_case() {
    name=$1 expect=$2 W=$3 how=$4 severity=$5
    status=$(cat "$W.status")
    want_line=$(sed -n 1p "$expect")
    want_status=$(sed -n 's/^exit //p' "$expect")
    want_status=${want_status:-1}
    got_line=$(grep -m1 -E ": $severity: " "$W.log")
    problems=""
    if [ "$status" -ge 124 ]; then
        problems+="killed or timed out (status $status, limit ${TIME_LIMIT} s)"$'\n'
    elif [ "$status" != "$want_status" ]; then
        problems+="exit status $status, expected $want_status"$'\n'
    fi
    if grep -qE 'Sanitizer|runtime error:|^==[0-9]+==' "$W.log"; then
        problems+="a sanitizer report"$'\n'
    fi
    if grep -qx anywhere "$expect" && grep -E ": $severity: " "$W.log" | grep -qxF -- "$want_line"; then
        got_line=$want_line
    fi
    if [ "$got_line" != "$want_line" ]; then
        problems+="first error:"$'\n'"  got:  $got_line"$'\n'"  want: $want_line"$'\n'
    fi
    if [ "$how" = build ]; then
        chmod -R u+w "$W/out" 2>/dev/null
        if ! (cd "$W/out" && sha256sum --quiet -c "$SUMS") >"$W.sums" 2>&1; then
            problems+="an earlier PDF changed: $(cat "$W.sums")"$'\n'
        fi
        leftovers=$(find "$W/out" -name '*.tmp')
        [ -n "$leftovers" ] && problems+="temporary files left: $leftovers"$'\n'
    fi
    if [ -n "${BAD_BLESS:-}" ] && [ "$got_line" != "$want_line" ] && ! grep -q '^pending: ' "$expect"; then
        # Writes what planpress printed as the expectation: review the diff.
        { printf '%s\n' "$got_line"; sed 1d "$expect"; } >"$expect.new" && mv "$expect.new" "$expect"
    fi
    pending=$(sed -n 's/^pending: //p' "$expect")
    if [ -n "$pending" ]; then
        # A known gap, reported and left out of the count until it is fixed.
        if [ -z "$problems" ]; then
            echo "ok - $name # TODO passes now: drop the pending line"
        else
            echo "not ok - $name # TODO $pending"
        fi
        todo=$((todo + 1))
    elif [ -z "$problems" ]; then
        ok "$name"
    else
        not_ok "$name" "$problems$(head -5 "$W.log")"
    fi
}

cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
    mapfile -t cases < <(cd "$HERE" && ls -d */*.yaml */*.mustache */*.sh */*.se */*.csv 2>/dev/null | sort)
fi
for c in "${cases[@]}"; do
    role=${c%%/*}
    name=${c%.*}
    expect=$HERE/$name.expect
    if [ ! -f "$expect" ]; then
        not_ok "$name" "no $name.expect beside it"
        continue
    fi
    W=$WORK/case
    rm -rf "$W" "$W".*
    cp -a "$BASE" "$W"
    SUMS=$W.sums-expected
    cp "$WORK/base.sums" "$SUMS"
    RUN_AS=""
    if [ "$role" = files ] && grep -q '^# needs: mount' "$HERE/$c" && ! can_mount; then
        skip "$name" "cannot mount a tmpfs here (needs root and a kernel that lets it)"
        continue
    fi
    strict="" severity=error
    if grep -qx strict "$expect"; then
        strict=--strict severity="(error|warning)"
    fi
    run_case "$role" "$HERE/$c" "$W" "$strict"
    read -r how _ <<<"$(placement "$role")"
    [ -n "$strict" ] && how=load
    check_case "$name" "$expect" "$W" "$how" "$severity"
    grep -q '^# needs: mount' "$HERE/$c" && umount "$W/out" 2>/dev/null
done

[ "$todo" -gt 0 ] && echo "# $todo known gaps marked pending (not ok # TODO above)"
echo "bad: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
