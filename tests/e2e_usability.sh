#!/bin/sh
# End-to-end tests of the mistakes a new user makes and the tool must point
# out: an unknown name in an association's template, a block that overrides
# nothing, an association's style.yaml (honoured, and an input of its
# documents), build --strict, check --json, budget rows from a CSV file (an
# input of the plan; errors at the cell), a build in the wrong folder.
# usage: sh tests/e2e_usability.sh PATH/TO/planpress
set -u
. "$(dirname "$0")/e2e_lib.sh"
e2e_start planpress-usability "$1"
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH

has() { grep -qF -- "$1" "$WORK/err"; }

P=$WORK/plans
mkdir -p "$P"
cp -R plans/samsund plans/insjoriket "$P/"
OUT=$WORK/pdfs

# ---- templates: unknown names and blocks that override nothing ---------------
printf '{{<plan}}\n{{$contact}}\nRing {{association.telefon}} eller {{associaton.phone}}.\n{{/contact}}\n{{/plan}}\n' \
    >"$P/samsund/plan.mustache"
"$BIN" render "$P/samsund/plan-2024.yaml" -o "$WORK/x.pdf" >"$WORK/out" 2>"$WORK/err"
rc=$?
expect "an unknown variable in an association's template fails the render" [ $rc -eq 1 ]
expect "... at file:line:col, naming what the map has" \
    has "$P/samsund/plan.mustache:3:6: error: {{association.telefon}}: \"association\" has no \"telefon\"; it has name, "
expect "... and no PDF is written" [ ! -e "$WORK/x.pdf" ]

printf '{{<plan}}\n{{$contact}}\n{{#association.telefon}}Ring oss.{{/association.telefon}}\n  {{^association.emial}}Skriv inte.{{/association.emial}}\n{{/contact}}\n{{/plan}}\n' \
    >"$P/samsund/plan.mustache"
"$BIN" render "$P/samsund/plan-2024.yaml" -o "$WORK/x.pdf" >"$WORK/out" 2>"$WORK/err"
rc=$?
expect "a section on an unknown name in an association's template fails the render too" [ $rc -eq 1 ]
expect "... at file:line:col, naming what the map has" \
    has "$P/samsund/plan.mustache:3:1: error: {{#association.telefon}}: \"association\" has no \"telefon\"; it has name, "
printf '{{<plan}}\n{{$contact}}\n  {{^association.emial}}Skriv inte.{{/association.emial}}\n{{/contact}}\n{{/plan}}\n' \
    >"$P/samsund/plan.mustache"
"$BIN" render "$P/samsund/plan-2024.yaml" -o "$WORK/x.pdf" >"$WORK/out" 2>"$WORK/err"
expect "... and an inverted section's, with a did you mean" \
    has "$P/samsund/plan.mustache:3:3: error: {{^association.emial}}: \"association\" has no \"emial\"; did you mean \"email\"?"
printf '{{<plan}}\n{{$contact}}\n{{#association.phone}}Ring {{association.phone}}.{{/association.phone}}{{#association.email}} Skriv till {{association.email}}.{{/association.email}}{{^association.email}} Skriv inte.{{/association.email}}\n{{/contact}}\n{{/plan}}\n' \
    >"$P/samsund/plan.mustache"
"$BIN" render "$P/samsund/plan-2024.yaml" -o "$WORK/x.pdf" >"$WORK/out" 2>"$WORK/err"
rc=$?
expect "a section on a name that is there but empty (Samsund gives no e-mail) is false, with no error" \
    sh -c "[ $rc -eq 0 ] && ! grep -q 'error:' '$WORK/err' && pdftotext '$WORK/x.pdf' - | tr '\n' ' ' | grep -q 'Ring 08-706 80 37. Skriv inte.'"

printf '{{<plan}}\n{{$kontakt}}\nRing oss.\n{{/kontakt}}\n{{/plan}}\n' >"$P/samsund/plan.mustache"
"$BIN" render "$P/samsund/plan-2024.yaml" -o "$WORK/x.pdf" >"$WORK/out" 2>"$WORK/err"
rc=$?
expect "a block that overrides nothing fails the render" [ $rc -eq 1 ]
expect "... at file:line:col, with the parent's block that was meant" \
    has "$P/samsund/plan.mustache:2:1: error: {{\$kontakt}} overrides nothing: templates/plan.mustache has no block \"kontakt\"; did you mean \"contact\"?"

printf '{{<plan}}\n{{$contact}}\nRing {{association.phone}}.\n{{/contact}}\n{{/plan}}\n' >"$P/samsund/plan.mustache"
"$BIN" render "$P/samsund/plan-2024.yaml" -o "$WORK/x.pdf" >"$WORK/out" 2>"$WORK/err"
expect "the corrected template renders" [ $? -eq 0 ]
expect "... with the override in the PDF" sh -c "pdftotext '$WORK/x.pdf' - | grep -q 'Ring 08'"
rm "$P/samsund/plan.mustache"

# ---- an association's style ------------------------------------------------------
"$BIN" build "$P" -o "$OUT" -q >"$WORK/out" 2>"$WORK/err"
size() { pdfinfo "$1" | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\).*/\1x\2/p'; }
before=$(size "$OUT/samsund/plan-2024.pdf")
printf '# Samsund prints on US letter\npage:\n  width_mm: 215.9\n  height_mm: 279.4\nbody:\n  size: 11\n' \
    >"$P/samsund/style.yaml"
"$BIN" build "$P" -o "$OUT" -v --json "$WORK/last.json" >"$WORK/out" 2>"$WORK/err"
expect "an association's style.yaml makes its documents again, and only those" \
    sh -c "grep -q 'built .*samsund/plan-2024.pdf (.*samsund/style.yaml changed)' '$WORK/out' && ! grep -q insjoriket '$WORK/out'"
expect "... and its keys override the default style's (page size)" \
    [ "$(size "$OUT/samsund/plan-2024.pdf")" = "612x792" -a "$before" = "595.276x841.89" ]
expect "... leaving the other associations' as they were" \
    [ "$(size "$OUT/insjoriket/plan-2020.pdf")" = "595.276x841.89" ]
printf 'fonts:\n  regular: /x.ttf\nbodi:\n  size: 11\n' >"$P/samsund/style.yaml"
"$BIN" build "$P" -o "$OUT" >"$WORK/out" 2>"$WORK/err"
expect "a mistake in an association's style fails its documents with file:line:col" \
    sh -c "grep -q 'samsund/style.yaml:3:1: error: unknown key \"bodi\"; did you mean \"body\"?' '$WORK/err' && grep -q 'samsund/style.yaml:2:3: error: fonts: set once for every document' '$WORK/err'"
rm "$P/samsund/style.yaml"

# ---- build --strict -----------------------------------------------------------------
"$BIN" build "$P" -o "$OUT" --strict >"$WORK/out" 2>"$WORK/err"
rc=$?
expect "build --strict: warnings fail the run with status 3" [ $rc -eq 3 ]
expect "... and are shown" has "warning: income 2024 (budget): the printed total is 9"
"$BIN" build "$P" -o "$OUT" --strict >"$WORK/out" 2>"$WORK/err"
rc=$?
expect "... again the run after, showing them again" \
    sh -c "[ $rc -eq 3 ] && grep -q 'the printed total is 9' '$WORK/err'"
"$BIN" build "$P" -o "$OUT" >"$WORK/out" 2>"$WORK/err"
expect "without --strict the same run succeeds" [ $? -eq 0 ]
"$BIN" build "$P/insjoriket" -o "$OUT" --strict -f >"$WORK/out" 2>"$WORK/err"
expect "--strict without warnings succeeds" [ $? -eq 0 ]

# ---- check --json ------------------------------------------------------------------------
"$BIN" check --json "$P/samsund/plan-2024.yaml" "$P/insjoriket/plan-2020.yaml" >"$WORK/check.json" 2>"$WORK/err"
rc=$?
expect "check --json writes JSON that a reader accepts" python3 -c "
import json, sys
d = json.load(open('$WORK/check.json'))
assert d['status'] == 'warnings' and d['warnings'] == 3 and d['errors'] == 0, d['status']
f = d['files'][0]
assert f['path'].endswith('samsund/plan-2024.yaml') and f['warnings'] == 3
w = f['diagnostics'][0]
assert w['severity'] == 'warning' and w['line'] > 0 and w['column'] > 0 and w['file'] == f['path']
assert 'income' in f['report'] and d['files'][1]['diagnostics'] == []
"
expect "... with the exit status of the text report" [ $rc -eq 0 ]
"$BIN" check --json --strict "$P/samsund/plan-2024.yaml" >/dev/null 2>&1
expect "... and of --strict" [ $? -eq 1 ]

# ---- budget rows from Excel (rows_from: a CSV file) -----------------------------------------
cp -R plans/samspelet "$P/"
CSV=$P/samspelet/budget-2025.csv
"$BIN" build "$P/samspelet" -o "$OUT" >"$WORK/out" 2>"$WORK/err"
expect "a plan whose budget rows are in a CSV file builds" [ $? -eq 0 ]
expect "... with the rows of the CSV file in the PDF" \
    sh -c "pdftotext '$OUT/samspelet/plan-2025.pdf' - | grep -q 'Lärlingsutbildning'"
python3 -c "import sys; d=open(sys.argv[1],'rb').read(); open(sys.argv[1],'wb').write(d.replace('833'.encode(), '834'.encode()))" "$CSV"
"$BIN" build "$P/samspelet" -o "$OUT" >"$WORK/out" 2>"$WORK/err"
expect "a changed CSV file makes its plan again" grep -q "^1 built, 0 up to date" "$WORK/out" "$WORK/err"
python3 -c "import sys; d=open(sys.argv[1],'rb').read(); open(sys.argv[1],'wb').write(d.replace(b';board;', b';bord;'))" "$CSV"
"$BIN" build "$P/samspelet" -o "$OUT" >"$WORK/out" 2>"$WORK/err"
expect "a mistake in the CSV file fails the plan" [ $? -eq 1 ]
expect "... naming the CSV file, row and column, and the cell" \
    has "$CSV:9:41: error: D9 (Kategori): expected one of allocation, external, equity, administration, board, individual, structural, other; found \"bord\"; did you mean \"board\"?"

# ---- the wrong folder ------------------------------------------------------------------------
mkdir "$WORK/elsewhere"
(cd "$WORK/elsewhere" && "$BIN" build "$P" >"$WORK/out" 2>"$WORK/err")
rc=$?
expect "a build where there is no templates/style.yaml fails" [ $rc -eq 1 ]
expect "... saying why once, first" \
    sh -c "[ \$(wc -l <'$WORK/err') -eq 1 ] && grep -q '^templates/style.yaml: error: cannot open: No such file or directory; without the default style no document can be built' '$WORK/err'"
expect "... without touching out/" [ ! -e "$WORK/elsewhere/out" ]

e2e_finish e2e_usability
