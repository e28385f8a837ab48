#!/bin/sh
# End-to-end tests of the batch: incremental rebuilds, a bad file among good
# ones, interrupted runs (kill -9 and SIGTERM), -j1 against -j4, the lock, the
# commands and `make install`. Works on copies of the sample association.
# usage: sh tests/e2e_batch.sh PATH/TO/planpress
set -u
. "$(dirname "$0")/e2e_lib.sh"
e2e_start planpress-batch "$1"
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH


# run ARGS...: one build into $OUT with a JSON summary; sets $rc.
run() {
    "$BIN" build -o "$OUT" --json "$WORK/last.json" "$@" >"$WORK/out" 2>"$WORK/err"
    rc=$?
}
# The outputs the last run gave STATUS ("built", "failed"...), sorted, on one line.
with_status() {
    grep '"output"' "$WORK/last.json" | grep "\"status\": \"$1\"" | sed 's/.*"output": "\([^"]*\)".*/\1/' | sort | tr '\n' ' ' | sed 's/ $//'
}
built_exactly() { # built_exactly NAME "OUTPUTS"
    got=$(with_status built)
    if [ "$got" = "$2" ] && [ "$rc" -eq 0 ]; then ok "$1"; else not_ok "$1" "built: [$got], wanted [$2], status $rc
$(cat "$WORK/err")"; fi
}
no_temporary_files() { [ -z "$(find "$1" -name '*.tmp')" ]; }
all_pdfs_valid() { # all_pdfs_valid DIR COUNT
    n=0
    for f in $(find "$1" -name '*.pdf'); do
        qpdf --check "$f" >/dev/null 2>&1 || { echo "# invalid: $f"; return 1; }
        n=$((n + 1))
    done
    [ "$n" -eq "$2" ] || { echo "# $n PDFs, wanted $2"; return 1; }
}
# wait_newer DIR MARKER N: waits (at most 20 s) until N PDFs under DIR are newer than MARKER.
wait_newer() {
    i=0
    while [ "$(find "$1" -name '*.pdf' -newer "$2" | wc -l)" -lt "$3" ] && [ $i -lt 1000 ]; do
        sleep 0.02
        i=$((i + 1))
    done
}
copies() { # copies PLANS NAME... : one association folder per name
    mkdir -p "$1"
    dest=$1
    shift
    for n in "$@"; do cp -R plans/samsund "$dest/$n"; done
}

# --- one document alone ------------------------------------------------------------
# One document to build is built in the run's own process, without workers;
# it records what the style is made of (its fonts, its dictionary) with
# their digests as a run with workers does, so that its next run has
# nothing to do.
A=$WORK/alone/plans
copies "$A" a b
OUT=$WORK/alone/one
run "$A/a" -t templates
built_exactly "one document alone is built in the run's process" "a/plan-2024.pdf"
OUT=$WORK/alone/two
run "$A" -t templates
built_exactly "... and two with workers" "a/plan-2024.pdf b/plan-2024.pdf"
grep '^shared ' "$WORK/alone/one/.planpress/manifest" >"$WORK/shared-one"
grep '^shared ' "$WORK/alone/two/.planpress/manifest" >"$WORK/shared-two"
expect "... both record the style, its five fonts and its dictionary with the same digests" \
    sh -c "[ \$(wc -l <'$WORK/shared-one') -eq 7 ] && cmp -s '$WORK/shared-one' '$WORK/shared-two'"
OUT=$WORK/alone/one
run "$A/a" -t templates
built_exactly "... and the one document's next run builds nothing" ""

# --- incremental rebuilds ----------------------------------------------------------
P=$WORK/inc/plans
T=$WORK/inc/templates
OUT=$WORK/inc/out
copies "$P" a b c
cp -R templates "$T"
run "$P" -t "$T"
built_exactly "a first run builds every document" "a/plan-2024.pdf b/plan-2024.pdf c/plan-2024.pdf"
ls -l --full-time "$OUT"/*/*.pdf >"$WORK/before"
run "$P" -t "$T"
built_exactly "nothing changed: nothing is built" ""
expect "... and it says so" grep -q "^nothing to do: 3 documents up to date" "$WORK/out"
ls -l --full-time "$OUT"/*/*.pdf >"$WORK/after"
expect "... and no PDF is touched" cmp -s "$WORK/before" "$WORK/after"
ls -l --full-time "$OUT/.planpress/manifest" >"$WORK/manifest-before"
touch "$P/a/plan-2024.yaml"
run "$P" -t "$T"
built_exactly "a file touched but not changed: nothing is built" ""
ls -l --full-time "$OUT/.planpress/manifest" >"$WORK/manifest-after"
expect "... and the manifest is not written again for it" cmp -s "$WORK/manifest-before" "$WORK/manifest-after"
run "$P" -t "$T"
built_exactly "... nor the run after" ""
echo "# changed" >>"$P/b/plan-2024.yaml"
run "$P" -t "$T" -v
built_exactly "a changed plan: its document alone is built" "b/plan-2024.pdf"
expect "... and -v says why" grep -q "^built $OUT/b/plan-2024.pdf ($P/b/plan-2024.yaml changed)" "$WORK/out"
echo "# changed" >>"$P/c/association.yaml"
run "$P" -t "$T"
built_exactly "a changed association: its document alone is built" "c/plan-2024.pdf"
{ cat "$T/plan.mustache"; printf '\nEn egen mall\n'; } >"$P/a/plan.mustache"
run "$P" -t "$T"
built_exactly "a template added in an association's folder: its document alone is built" "a/plan-2024.pdf"
pdftotext "$OUT/a/plan-2024.pdf" - 2>/dev/null | grep -q "En egen mall" &&
    ok "... with that template" || not_ok "... with that template"
echo "{{! changed }}" >>"$P/a/plan.mustache"
run "$P" -t "$T"
built_exactly "a changed template in an association's folder: its document alone is built" "a/plan-2024.pdf"
echo "{{! changed }}" >>"$T/plan.mustache"
run "$P" -t "$T"
built_exactly "a changed default template: the documents that use it are built (a has its own)" \
    "b/plan-2024.pdf c/plan-2024.pdf"
rm "$P/a/plan.mustache"
run "$P" -t "$T"
built_exactly "a template removed from an association's folder: its document alone is built" "a/plan-2024.pdf"
echo "# changed" >>"$T/style.yaml"
run "$P" -t "$T"
built_exactly "a changed style: every document is built" "a/plan-2024.pdf b/plan-2024.pdf c/plan-2024.pdf"
expect "... and the summary says why" grep -q "\"rebuild_all\": \"$T/style.yaml changed\"" "$WORK/last.json"
# A font is an input of every document: its stat data spares reading it
# while it is unchanged; touched, it is read and found the same; changed
# with its size kept (a byte of its head table's date), every document is
# built.
cp /usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf "$T/regular.ttf"
sed -i "s|^  regular: .*|  regular: $T/regular.ttf|" "$T/style.yaml"
run "$P" -t "$T"
built_exactly "a style naming another font: every document is built" "a/plan-2024.pdf b/plan-2024.pdf c/plan-2024.pdf"
touch "$T/regular.ttf"
run "$P" -t "$T"
built_exactly "a font touched but not changed: nothing is built" ""
size_before=$(wc -c <"$T/regular.ttf")
python3 - "$T/regular.ttf" <<'PY'
import struct, sys
with open(sys.argv[1], "r+b") as f:
    data = f.read()
    for i in range(struct.unpack(">H", data[4:6])[0]):
        tag, _, offset, _ = struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i])
        if tag == b"head":
            f.seek(offset + 35)
            f.write(bytes([data[offset + 35] ^ 1]))
PY
run "$P" -t "$T"
built_exactly "a font changed with its size kept: every document is built" "a/plan-2024.pdf b/plan-2024.pdf c/plan-2024.pdf"
expect "... and the summary says why" grep -q "\"rebuild_all\": \"$T/regular.ttf changed\"" "$WORK/last.json"
expect "... (the size was kept)" [ "$(wc -c <"$T/regular.ttf")" -eq "$size_before" ]
rm "$OUT/b/plan-2024.pdf"
run "$P" -t "$T"
built_exactly "a PDF removed from out/: it alone is built again" "b/plan-2024.pdf"
run "$P" -t "$T" --force
built_exactly "--force builds every document" "a/plan-2024.pdf b/plan-2024.pdf c/plan-2024.pdf"
cp -R plans/samsund "$P/d"
run "$P" -t "$T"
built_exactly "a new association: its document alone is built" "d/plan-2024.pdf"
run "$P/b" -t "$T" --force
built_exactly "a path selects documents and names them as the whole folder does" "b/plan-2024.pdf"
run "$P/c/plan-2024.yaml" -t "$T" --force
built_exactly "... and so does a file" "c/plan-2024.pdf"
run "$P//./" -t "$T/"
built_exactly "the same folders named otherwise are the same: nothing is built" ""
SOURCE_DATE_EPOCH=1700000001 run "$P" -t "$T"
built_exactly "another SOURCE_DATE_EPOCH: every document is built" \
    "a/plan-2024.pdf b/plan-2024.pdf c/plan-2024.pdf d/plan-2024.pdf"
expect "... and the summary says why" grep -q '"rebuild_all": "SOURCE_DATE_EPOCH changed"' "$WORK/last.json"
cp -R "$T" "$T.copy"
run "$P" -t "$T.copy"
built_exactly "another templates folder: every document is built" \
    "a/plan-2024.pdf b/plan-2024.pdf c/plan-2024.pdf d/plan-2024.pdf"
expect "... and the summary says why" grep -q '"rebuild_all": "the templates folder changed"' "$WORK/last.json"
# Another build of planpress: a copy of the binary with one bit of its build ID changed.
build_id=$(readelf -n "$BIN" | sed -n 's/.*Build ID: *//p')
python3 - "$BIN" "$WORK/other-planpress" "$build_id" <<'PY'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
at = data.index(bytes.fromhex(sys.argv[3]))
data[at] ^= 1
open(sys.argv[2], "wb").write(data)
PY
chmod +x "$WORK/other-planpress"
run "$P" -t "$T"
real_bin=$BIN
BIN=$WORK/other-planpress
run "$P" -t "$T"
BIN=$real_bin
built_exactly "another build of planpress: every document is built" \
    "a/plan-2024.pdf b/plan-2024.pdf c/plan-2024.pdf d/plan-2024.pdf"
expect "... and the summary says why" grep -q '"rebuild_all": "planpress changed"' "$WORK/last.json"
run "$P" -t "$T"
expect "a finished run leaves no temporary file" no_temporary_files "$OUT"
expect "... and marks itself finished in the lock file" test ! -s "$OUT/.planpress/lock"

# --- a document depends on the templates it uses, and on no other ------------------
# a and b have a budget table, whose column labels come from the partial
# column-label.mustache; i (Insjöriket) has none.
P=$WORK/tpl/plans
T=$WORK/tpl/templates
OUT=$WORK/tpl/out
copies "$P" a b
cp -R plans/insjoriket "$P/i"
cp -R templates "$T"
echo "Oanvänd mall" >"$T/unused.mustache"
run "$P" -t "$T"
built_exactly "a first run builds every document" "a/plan-2024.pdf b/plan-2024.pdf i/plan-2020.pdf"
expect "... the budget table includes column-label; i has no budget" \
    sh -c "grep -q '{{> budget}}' '$T/plan.mustache' && grep -q '{{> column-label}}' '$T/budget.mustache' && ! grep -q 'budget:' '$P/i/plan-2020.yaml'"
echo "{{! changed }}" >>"$T/unused.mustache"
run "$P" -t "$T"
built_exactly "a changed default template that no document uses: nothing is built" ""
echo "Oanvänd mall" >"$P/a/unused.mustache"
run "$P" -t "$T"
built_exactly "... and one added in an association's folder: nothing is built" ""
echo "{{! changed }}" >>"$T/column-label.mustache"
run "$P" -t "$T" -v
built_exactly "a changed partial: the documents that include it are built, no other" \
    "a/plan-2024.pdf b/plan-2024.pdf"
expect "... and -v says why" grep -q "^built $OUT/a/plan-2024.pdf ($T/column-label.mustache changed)" "$WORK/out"
cp "$T/column-label.mustache" "$P/i/column-label.mustache"
run "$P" -t "$T"
built_exactly "that partial added where no document includes it: nothing is built" ""
{ cat "$T/column-label.mustache"; printf ' (egen)'; } >"$P/a/column-label.mustache"
run "$P" -t "$T"
built_exactly "that partial added in an association's folder: its document alone is built" "a/plan-2024.pdf"
expect "... with that partial" sh -c "pdftotext '$OUT/a/plan-2024.pdf' - 2>/dev/null | grep -q '(egen)'"
echo "{{! changed again }}" >>"$T/column-label.mustache"
run "$P" -t "$T"
built_exactly "the default partial changed where an association overrides it: the others are built" \
    "b/plan-2024.pdf"
printf '{{<plan}}{{/plan}}\n' >"$P/b/plan.mustache"
run "$P" -t "$T"
built_exactly "a plan template added that stands in the default one: its document alone is built" \
    "b/plan-2024.pdf"
echo "{{! changed }}" >>"$T/plan.mustache"
run "$P" -t "$T"
built_exactly "the default plan template changed: every plan is built, b's through its own" \
    "a/plan-2024.pdf b/plan-2024.pdf i/plan-2020.pdf"

# --- a bad file among good ones ----------------------------------------------------
P=$WORK/bad/plans
T=$WORK/bad/templates
OUT=$WORK/bad/out
copies "$P" a b c d
cp -R templates "$T"
run "$P" -t "$T"
cp "$OUT/b/plan-2024.pdf" "$WORK/good.pdf"
cp "$P/d/plan-2024.yaml" "$WORK/good.yaml"
printf 'plan:\n  year: 2024\n  title: [unclosed\n' >"$P/b/plan-2024.yaml"
sed 's/^  year: 2024$/  year: tjugo/' "$WORK/good.yaml" >"$P/d/plan-2024.yaml"
echo "{{! changed }}" >>"$T/plan.mustache"
run "$P" -t "$T" -j1
expect "a bad file fails the run (status 1)" [ "$rc" -eq 1 ]
expect "... its error names file:line:col" grep -q "^$P/b/plan-2024.yaml:3:10: error: plan: YAML syntax" "$WORK/err"
expect "... every other document is still built" [ "$(with_status built)" = "a/plan-2024.pdf c/plan-2024.pdf" ]
expect "... the bad ones are listed as failed" [ "$(with_status failed)" = "b/plan-2024.pdf d/plan-2024.pdf" ]
expect "... the summary counts them" grep -q "^2 built, 0 up to date, 2 failed, 6 warnings" "$WORK/err"
expect "... the last good PDF is kept" cmp -s "$OUT/b/plan-2024.pdf" "$WORK/good.pdf"
expect "... no temporary file is left" no_temporary_files "$OUT"
head -n -1 "$WORK/err" >"$WORK/err-j1"
run "$P" -t "$T" -j4 --force
head -n -1 "$WORK/err" >"$WORK/err-j4"
expect "diagnostics come in the same order with -j1 and -j4" cmp -s "$WORK/err-j1" "$WORK/err-j4"
run "$P" -t "$T"
expect "a failed document is tried again on the next run" \
    [ "$rc" -eq 1 -a "$(with_status failed)" = "b/plan-2024.pdf d/plan-2024.pdf" -a -z "$(with_status built)" ]
cp "$WORK/good.yaml" "$P/b/plan-2024.yaml"
cp "$WORK/good.yaml" "$P/d/plan-2024.yaml"
run "$P" -t "$T"
built_exactly "once mended, the bad ones are built" "b/plan-2024.pdf d/plan-2024.pdf"

# --- a bigger batch: -j1 against -j4, interrupted runs, the lock -------------------
N=160 # enough that a run is still going when the tests below stop it
P=$WORK/big/plans
T=$WORK/big/templates
names=$(seq -f 'a%02g' 1 $N)
# shellcheck disable=SC2086
copies "$P" $names
cp -R templates "$T"
OUT=$WORK/big/j4
run "$P" -t "$T" -j4
expect "$N documents build with -j4" [ "$rc" -eq 0 -a "$(grep -c '"status": "built"' "$WORK/last.json")" -eq $N ]
OUT=$WORK/big/j1
run "$P" -t "$T" -j1
expect "... and with -j1" [ "$rc" -eq 0 ]
if diff -r -x .planpress "$WORK/big/j1" "$WORK/big/j4" >"$WORK/diff" 2>&1; then
    ok "-j1 and -j4 give byte-identical PDFs"
else
    not_ok "-j1 and -j4 give byte-identical PDFs" "$(cat "$WORK/diff")"
fi
run "$P" -t "$T"
expect "a no-change run over $N documents is quick" \
    awk '/"seconds"/ { gsub(/[^0-9.]/, "", $2); exit !($2 < 0.2) }' "$WORK/last.json"

# kill -9 in the middle of a batch
echo "{{! changed }}" >>"$T/plan.mustache"
touch "$WORK/marker"
sleep 0.01
"$BIN" build "$P" -t "$T" -o "$OUT" -j1 -q >/dev/null 2>&1 &
pid=$!
wait_newer "$OUT" "$WORK/marker" 2
kill -9 $pid
wait $pid 2>/dev/null
status=$?
newer=$(find "$OUT" -name '*.pdf' -newer "$WORK/marker" | wc -l)
expect "kill -9 stops a run midway" [ $status -eq 137 -a "$newer" -ge 2 -a "$newer" -lt $N ]
expect "... every PDF is whole (old or new: qpdf --check)" all_pdfs_valid "$OUT" $N
# What the killed run's processes left, by the names they give, and files of
# the user's that only look like temporary files.
echo "half a PDF" >"$OUT/a01/plan-2024.pdf.$pid-0.tmp"
echo "half a manifest" >"$OUT/.planpress/manifest.$pid-1.tmp"
echo "notes" >"$OUT/a02/notes.2023.tmp"
echo "another run's" >"$OUT/a02/plan-2024.pdf.4999998-0.tmp"
run "$P" -t "$T"
expect "the next run builds everything not built since" \
    [ "$rc" -eq 0 -a "$(grep -c '"status": "built"' "$WORK/last.json")" -eq $N ]
expect "... and removes the temporary files that run left" \
    [ -z "$(find "$OUT" -name "*.$pid-*.tmp")" ]
expect "... and says which" grep -q "a01/plan-2024.pdf.$pid-0.tmp: note: removed: a temporary file of the last run" "$WORK/err"
expect "... and no file of any other name (issue 19, case 9)" \
    [ -f "$OUT/a02/notes.2023.tmp" -a -f "$OUT/a02/plan-2024.pdf.4999998-0.tmp" ]
rm "$OUT/a02/notes.2023.tmp" "$OUT/a02/plan-2024.pdf.4999998-0.tmp"

# SIGTERM: the documents under way are finished, the others left for the next run
echo "{{! changed again }}" >>"$T/plan.mustache"
touch "$WORK/marker"
sleep 0.01
"$BIN" build "$P" -t "$T" -o "$OUT" -j1 -q --json "$WORK/term.json" >/dev/null 2>&1 &
pid=$!
wait_newer "$OUT" "$WORK/marker" 2
kill -TERM $pid
wait $pid 2>/dev/null
status=$?
done_before=$(grep -c '"status": "built"' "$WORK/term.json" 2>/dev/null)
expect "SIGTERM stops a run, which dies of it" [ $status -eq 143 ]
expect "... after writing its JSON summary" grep -q '"status": "stopped"' "$WORK/term.json"
expect "... with some documents built, and the rest not" [ "$done_before" -ge 2 -a "$done_before" -lt $N ]
expect "... every PDF is whole" all_pdfs_valid "$OUT" $N
expect "... no temporary file is left" no_temporary_files "$OUT"
run "$P" -t "$T"
expect "the next run builds only the documents left" \
    [ "$rc" -eq 0 -a "$(grep -c '"status": "built"' "$WORK/last.json")" -eq $((N - done_before)) ]

# two runs at once
"$BIN" build "$P" -t "$T" -o "$OUT" -j1 -q --force >"$WORK/first.out" 2>&1 &
pid=$!
i=0
while [ ! -s "$OUT/.planpress/lock" ] && [ $i -lt 400 ]; do sleep 0.01; i=$((i + 1)); done
run "$P" -t "$T"
expect "a second run at once is refused (status 1)" [ "$rc" -eq 1 ]
expect "... with a clear message" grep -q "another planpress run (process $pid) is writing here" "$WORK/err"
wait $pid
expect "... and the first one is not disturbed" [ $? -eq 0 ]
run "$P" -t "$T"
built_exactly "... which leaves everything up to date" ""
flock "$OUT/.planpress/lock" "$BIN" build "$P" -t "$T" -o "$OUT" >"$WORK/out" 2>"$WORK/err"
rc=$?
expect "a lock held by another process is respected" \
    sh -c "[ $rc -eq 1 ] && grep -q 'another planpress run is writing here' '$WORK/err'"

# --- the progress line ---------------------------------------------------------------
if command -v script >/dev/null 2>&1; then
    script -qec "'$BIN' build '$WORK/inc/plans' -t '$WORK/inc/templates' -o '$WORK/inc/out' --force" \
        /dev/null >"$WORK/tty" 2>&1
    expect "on a terminal, a progress line counts the documents" grep -q "of 4 documents" "$WORK/tty"
fi
OUT=$WORK/inc/out
run "$WORK/inc/plans" -t "$WORK/inc/templates" --force
expect "... and nothing of it when not on a terminal" sh -c "! grep -q 'of 4 documents' '$WORK/err'"
run "$WORK/inc/plans" -t "$WORK/inc/templates" --force -q
expect "-q prints nothing when all is well" sh -c "[ ! -s '$WORK/out' ] && [ $rc -eq 0 ]"

# --- the commands ----------------------------------------------------------------------
for cmd in build render check help; do
    "$BIN" $cmd --help >"$WORK/out" 2>&1
    expect "$cmd --help" sh -c "[ $? -eq 0 ] && grep -q '^usage: planpress' '$WORK/out'"
done
for args in "build --frobnicate" "render --frobnicate x" "check --frobnicate x" "build -j 0" \
            "build -j x" "build $WORK/none" "render" "check" "help frobnicate" \
            "render --kind frobnicate plans/samsund/plan-2024.yaml"; do
    # shellcheck disable=SC2086
    "$BIN" $args >/dev/null 2>&1
    expect "\"planpress $args\" is a usage error (2)" [ $? -eq 2 ]
done
"$BIN" render plans/samsund/plan-2024.yaml --template plan -o "$WORK/r/one.pdf" >"$WORK/out" 2>"$WORK/err"
expect "render writes one document" sh -c "[ $? -eq 0 ] && qpdf --check '$WORK/r/one.pdf' >/dev/null"
"$BIN" render plans/samsund/plan-2024.yaml --template none -o "$WORK/r/two.pdf" >"$WORK/out" 2>"$WORK/err"
expect "render with a template that does not exist fails" \
    sh -c "[ $? -eq 1 ] && grep -q 'none.mustache' '$WORK/err' && [ ! -e '$WORK/r/two.pdf' ]"
"$BIN" check plans/samsund/plan-2024.yaml >"$WORK/out" 2>"$WORK/err"
expect "check reports the figures and warnings of a file" \
    sh -c "[ $? -eq 0 ] && grep -q 'warning: income 2024' '$WORK/out' && grep -q '^  income  *10.014' '$WORK/out'"
"$BIN" check -q plans/samsund/plan-2024.yaml >"$WORK/out" 2>"$WORK/err"
expect "check -q prints only the diagnostics" \
    sh -c "[ $? -eq 0 ] && [ ! -s '$WORK/out' ] && grep -q 'warning: income 2024' '$WORK/err'"
"$BIN" check --strict plans/samsund/plan-2024.yaml >/dev/null 2>&1
expect "check --strict fails on warnings" [ $? -eq 1 ]

# --- make install --------------------------------------------------------------------------
STAGE=$WORK/stage
if make -s install DESTDIR="$STAGE" PREFIX=/usr >"$WORK/out" 2>&1; then
    ok "make install honours DESTDIR and PREFIX"
else
    not_ok "make install honours DESTDIR and PREFIX" "$(cat "$WORK/out")"
fi
expect "... installs the binary, the templates and the man page" \
    test -x "$STAGE/usr/bin/planpress" -a -f "$STAGE/usr/share/planpress/templates/style.yaml" \
    -a -f "$STAGE/usr/share/man/man1/planpress.1"
mkdir -p "$WORK/site"
cp -R plans "$WORK/site/"
(cd "$WORK/site" && "$STAGE/usr/bin/planpress" build -q) >"$WORK/out" 2>&1
expect "the installed binary finds its templates" test -f "$WORK/site/out/samsund/plan-2024.pdf"
if command -v groff >/dev/null 2>&1; then
    groff -man -Tutf8 -ww -z docs/planpress.1 >"$WORK/out" 2>&1
    expect "the man page formats without a warning" test ! -s "$WORK/out"
fi

e2e_finish "e2e_batch"
