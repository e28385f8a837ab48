#!/bin/sh
# Hostile and careless cases of issue 19 that the bad-input corpus cannot
# hold: links that loop under plans/ (case 4), output paths that are empty,
# devices or inputs (6, 7), links planted where planpress makes its own
# files (8), a group without years (12), memory running out (5). Each case
# failed, hung or wrote where it must not before.
# usage: sh tests/e2e_hostile.sh PATH/TO/planpress
set -u
. "$(dirname "$0")/e2e_lib.sh"
e2e_start planpress-hostile "$1"
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH
B=$WORK/batch
mkdir -p "$B/plans"
cp -r templates "$B/templates"
cp -r plans/samsund "$B/plans/a1"
cp -r plans/samsund "$B/plans/a2"
pp() { (cd "$B" && timeout -s KILL 60 "$BIN" "$@") >"$WORK/out" 2>"$WORK/err"; rc=$?; }
check() { # check NAME CONDITION...
    name=$1
    shift
    if "$@"; then ok "$name"; else not_ok "$name" "status $rc
$(grep -v 'warning: .*\(budget\|income\|result\)' "$WORK/err" | head -10)"; fi
}

# 4. Two links that loop: each folder is searched once, the links are named.
ln -s .. "$B/plans/a1/up"
ln -s ../a1 "$B/plans/a2/sideways"
pp build plans -o out -t templates -q
check "links that loop: each folder searched once (exit 0, 2 PDFs)" \
    [ "$rc" -eq 0 -a "$(find "$B/out" -name '*.pdf' | wc -l)" -eq 2 ]
check "... and the links skipped are named" \
    grep -q "plans/a1/up: warning: skipped: a link to the folder plans, which is searched already" "$WORK/err"
rm "$B/plans/a1/up" "$B/plans/a2/sideways"

# 6. An empty output path is a usage error, and nothing is made in /.
pp build plans -o "" -t templates
check "build -o \"\" is a usage error (exit 2)" [ "$rc" -eq 2 ] 
check "... that says why" grep -q 'planpress build: -o "": an empty path names no file' "$WORK/err"
pp render plans/a1/plan-2024.yaml -o "" -t templates
check "render -o \"\" is a usage error (exit 2)" [ "$rc" -eq 2 ]
pp build plans -o out -t templates --json ""
check "--json \"\" is a usage error (exit 2)" [ "$rc" -eq 2 ]

# 7. Only regular files are replaced; never an input.
cp "$B/plans/a1/plan-2024.yaml" "$WORK/plan.copy"
pp render plans/a1/plan-2024.yaml -o plans/a1/plan-2024.yaml -t templates
check "render -o naming its source is a usage error" [ "$rc" -eq 2 ]
check "... and the source is as it was" cmp -s "$B/plans/a1/plan-2024.yaml" "$WORK/plan.copy"
pp build plans -o out -t templates --json plans/a2/association.yaml
check "--json naming a source is a usage error" [ "$rc" -eq 2 ]
pp build plans -o plans/out -t templates
check "-o under the input folder is a usage error" [ "$rc" -eq 2 -a ! -e "$B/plans/out" ]
mkfifo "$B/fifo.pdf"
pp render plans/a1/plan-2024.yaml -o fifo.pdf -t templates -q
check "render -o a FIFO fails without blocking and leaves it a FIFO" [ "$rc" -eq 1 -a -p "$B/fifo.pdf" ]
check "... saying why" grep -q "fifo.pdf: error: cannot write the PDF: not a regular file" "$WORK/err"
pp build plans -o out -t templates -q --json fifo.pdf
check "--json to a FIFO fails and leaves it a FIFO" [ "$rc" -eq 1 -a -p "$B/fifo.pdf" ]
# A style naming a FIFO as a font: refused at once, not waited on.
cp -r "$B/templates" "$B/fifo-templates"
mkfifo "$B/fifo.ttf"
sed -i "s|^  regular: .*|  regular: $B/fifo.ttf|" "$B/fifo-templates/style.yaml"
pp build plans -o out-fifo -t fifo-templates -q
check "a FIFO named as a font fails the run without blocking (exit 1)" [ "$rc" -eq 1 -a ! -e "$B/out-fifo" ]
check "... naming the font" grep -q "fifo.ttf: error: cannot read the font file" "$WORK/err"
rm -r "$B/fifo.ttf" "$B/fifo-templates"
if [ "$(id -u)" = 0 ]; then
    mknod "$B/null" c 1 3
    pp render plans/a1/plan-2024.yaml -o null -t templates -q
    check "render -o a device (as root) leaves the device" [ "$rc" -eq 1 -a -c "$B/null" ]
    rm "$B/null"
fi

# 8. Links planted where planpress makes its files are never followed.
echo "precious" >"$WORK/target"
rm -rf "$B/out/.planpress/lock"
ln -s "$WORK/target" "$B/out/.planpress/lock"
pp build plans -o out -t templates -q -f
check "a link as the lock is an error, and its target is untouched" \
    [ "$rc" -eq 1 -a "$(cat "$WORK/target")" = precious ]
rm "$B/out/.planpress/lock"
(cd "$B" && exec sh -c 'ln -s "$1" summary.json.$$-0.tmp; ln -s "$1" out/a1/plan-2024.pdf.$$-0.tmp
    exec "$2" build plans -o out -t templates -q -f -j1 --json summary.json' sh "$WORK/target" "$BIN") \
    >"$WORK/out" 2>"$WORK/err"
rc=$?
check "links planted as the summary's and a PDF's temporary files are not followed" \
    [ "$rc" -eq 0 -a "$(cat "$WORK/target")" = precious -a -f "$B/summary.json" -a ! -L "$B/summary.json" ]
mkdir -p "$B/out2"
ln -s "$WORK" "$B/out2/.planpress"
pp build plans -o out2 -t templates -q
check "a link as the state folder is an error" [ "$rc" -eq 1 -a ! -e "$WORK/manifest" ]

# 12. A group.yaml without years (they are optional) compares the latest
# year with an outcome file: no literal ** and no empty tables.
G=$WORK/group
mkdir -p "$G"
cp -r plans "$G/plans"
cp -r templates "$G/templates"
sed -i '/^  years: /d' "$G/plans/jonkoping/group.yaml"
(cd "$G" && "$BIN" build plans/jonkoping/group.yaml -o out -t templates -q) >"$WORK/out" 2>"$WORK/err"
rc=$?
pdftotext "$G/out/jonkoping/comparison.pdf" "$WORK/group.txt" 2>/dev/null
check "a group without years is built, comparing the latest year (2023)" \
    [ "$rc" -eq 0 -a -s "$WORK/group.txt" ] && grep -q "Jämförelse av förbundens utfall 2023" "$WORK/group.txt"
check "... without a literal ** in its text" [ "$(grep -c '\*\*' "$WORK/group.txt")" -eq 0 ]

# 14. A folder name that is not UTF-8 and a value holding terminal escapes:
# the JSON summary stays valid JSON, the terminal gets no escape byte.
U=$WORK/names
mkdir -p "$U/plans"
cp -r templates "$U/templates"
cp -r plans/samsund "$U/plans/$(printf 'fel\377namn')"
cp -r plans/samsund "$U/plans/esc"
sed -i 's/category: board,/category: "\\e[2J\\e]0;x\\a",/' "$U/plans/esc/plan-2024.yaml"
(cd "$U" && "$BIN" build plans -o out -t templates -v --json s.json) >"$WORK/out" 2>"$WORK/err"
rc=$?
check "a folder name that is not UTF-8: the JSON summary is valid JSON" \
    python3 -c 'import json,sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$U/s.json"
check "terminal escapes in a bad value reach the terminal escaped" \
    [ "$rc" -eq 1 -a "$(cat "$WORK/out" "$WORK/err" | tr -d -c '\033\007' | wc -c)" -eq 0 ] &&
    grep -q 'found "\\x1b\[2J\\x1b\]0;x\\x07"' "$WORK/err"
check "... and so does the folder's name" grep -q 'fel\\xffnamn' "$WORK/out"

# 16. Plain www. text in data is no link; the contact block's web address,
# which the template makes a link, is one.
L=$WORK/links
mkdir -p "$L/plans"
cp -r templates "$L/templates"
cp -r plans/samsund "$L/plans/a"
sed -i '0,/^      body: |$/s//      body: |\n        Se www.exempel.se och http:\/\/exempel.org\/x för mer.\n/' "$L/plans/a/plan-2024.yaml"
(cd "$L" && "$BIN" build plans -o out -t templates -q) >"$WORK/out" 2>"$WORK/err"
rc=$?
qpdf --qdf --object-streams=disable "$L/out/a/plan-2024.pdf" "$WORK/links.pdf" 2>/dev/null
check "a bare www. or http:// in data text is no link" \
    [ "$rc" -eq 0 ] && ! grep -aq "exempel" "$WORK/links.pdf"
check "... the link the template asks for is one" grep -aq "/URI (http://www.samsund.se)" "$WORK/links.pdf"

# 5. Memory running out (ulimit -v) at any point of a run: never a signal
# (abort), never a misleading message; a document that ran out fails with
# "out of memory", the run with status 1, or status 99 when planpress itself
# (not a document's worker) ran out. Not under AddressSanitizer, whose
# shadow memory needs terabytes of address space.
if ! grep -q __asan_init "$BIN"; then
    bad=""
    for kb in $(seq 11000 1000 26000); do
        (cd "$B" && ulimit -v $kb && exec "$BIN" build plans -o oom -t templates -q -f -j2) \
            >"$WORK/out" 2>"$WORK/err"
        rc=$?
        if [ "$rc" -ge 128 ] || grep -qiE "abort|YAML syntax|cannot be read|libharu error|calloc returned|cannot read the font" "$WORK/err" ||
            { grep "not built" "$WORK/err" | grep -qv "out of memory"; } ||
            { [ "$rc" -eq 99 ] && ! grep -q "planpress: out of memory" "$WORK/err"; }; then
            bad="$bad $kb KB: status $rc, $(grep -v warning: "$WORK/err" | head -3 | tr '\n' ' ')
"
        fi
    done
    if [ -z "$bad" ]; then ok "out of memory at 11 to 26 MB: always said, never a crash"; else not_ok "out of memory at 11 to 26 MB: always said, never a crash" "$bad"; fi
fi

e2e_finish e2e_hostile
