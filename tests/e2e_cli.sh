#!/bin/sh
# End-to-end tests of the command line as Unix users expect it: render to
# standard output and from standard input, planpress init, planpress watch
# (started, a file saved, a rebuild seen, stopped), no colour codes.
# usage: sh tests/e2e_cli.sh PATH/TO/planpress
set -u
. "$(dirname "$0")/e2e_lib.sh"
e2e_start planpress-cli "$1"
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH

# ---- render -o - and data from standard input ------------------------------------------
"$BIN" render plans/samsund/plan-2024.yaml -o - >"$WORK/stdout.pdf" 2>"$WORK/err"
rc=$?
expect "render -o - writes the PDF to standard output" \
    sh -c "[ $rc -eq 0 ] && qpdf --check '$WORK/stdout.pdf' >/dev/null && [ ! -e ./- ]"
"$BIN" render plans/samsund/plan-2024.yaml -o "$WORK/file.pdf" >"$WORK/out" 2>"$WORK/err"
expect "... the same bytes as -o FILE" cmp -s "$WORK/stdout.pdf" "$WORK/file.pdf"
(cd plans/samsund && "$BIN" render --kind plan - -t ../../templates <plan-2024.yaml >"$WORK/stdin.pdf" 2>"$WORK/err")
rc=$?
expect "render --kind plan - reads the data from standard input (and writes to standard output)" \
    sh -c "[ $rc -eq 0 ] && pdftotext '$WORK/stdin.pdf' - | grep -q 'Samsund'"
expect "... leaving nothing behind" sh -c "[ -z \"\$(ls -A plans/samsund | grep planpress)\" ]"
printf 'plan:\n  year: 2024\n  titel: x\n' | (cd plans/samsund && "$BIN" render --kind plan - -t ../../templates -o "$WORK/bad.pdf" >"$WORK/out" 2>"$WORK/err")
rc=$?
expect "... and its errors name it -" sh -c "[ $rc -eq 1 ] && grep -q '^-:3:3: error: ' '$WORK/err' && [ ! -e '$WORK/bad.pdf' ]"
"$BIN" render - <plans/samsund/plan-2024.yaml >"$WORK/out" 2>"$WORK/err"
expect "... which needs --kind" sh -c "[ $? -eq 2 ] && grep -q 'needs --kind' '$WORK/err'"

# ---- planpress init -------------------------------------------------------------------------
mkdir -p "$WORK/project/plans" "$WORK/project/docs"
cp -R templates "$WORK/project/"
cp -R docs/schema "$WORK/project/docs/"
(cd "$WORK/project" && "$BIN" init --year 2026 nordvast >"$WORK/out" 2>"$WORK/err")
expect "init NAME makes plans/NAME with association.yaml and plan-YEAR.yaml" \
    sh -c "[ $? -eq 0 ] && [ -f '$WORK/project/plans/nordvast/association.yaml' ] && [ -f '$WORK/project/plans/nordvast/plan-2026.yaml' ]"
expect "... each beginning with its schema line, which names the schema from there" \
    sh -c "cd '$WORK/project/plans/nordvast' &&
           head -1 association.yaml | grep -qx '# yaml-language-server: \$schema=../../docs/schema/association.schema.json' &&
           head -1 plan-2026.yaml | grep -qx '# yaml-language-server: \$schema=../../docs/schema/plan.schema.json' &&
           [ -f ../../docs/schema/plan.schema.json ]"
expect "... commented" sh -c "[ \$(grep -c '#' '$WORK/project/plans/nordvast/plan-2026.yaml') -gt 10 ]"
(cd "$WORK/project" && "$BIN" check --strict plans/nordvast/association.yaml plans/nordvast/plan-2026.yaml >"$WORK/out" 2>"$WORK/err")
expect "... the files load without an error or a warning" [ $? -eq 0 ]
expect "... and pass their JSON Schemas" python3 -c "
import json, yaml, jsonschema
for name, schema in (('association.yaml', 'association'), ('plan-2026.yaml', 'plan')):
    s = json.load(open('docs/schema/%s.schema.json' % schema))
    jsonschema.validate(yaml.safe_load(open('$WORK/project/plans/nordvast/' + name)), s)
"
(cd "$WORK/project" && "$BIN" build -q >"$WORK/out" 2>"$WORK/err")
expect "... and build as they are" \
    sh -c "[ $? -eq 0 ] && pdftotext '$WORK/project/out/nordvast/plan-2026.pdf' - | grep -q 'Verksamhetsplan 2026'"
before=$(cat "$WORK/project/plans/nordvast/plan-2026.yaml")
(cd "$WORK/project" && "$BIN" init --year 2026 nordvast >"$WORK/out" 2>"$WORK/err")
expect "init never overwrites" \
    sh -c "[ $? -eq 1 ] && grep -q 'already there' '$WORK/err' && [ \"\$(cat '$WORK/project/plans/nordvast/plan-2026.yaml')\" = '$before' ]"

# ---- planpress watch (bounded: each wait has a time limit) ---------------------------------
P=$WORK/watched
mkdir -p "$P"
cp -R plans/samsund "$P/"
OUT=$WORK/watch-out
"$BIN" watch "$P" -o "$OUT" >"$WORK/watch.out" 2>"$WORK/watch.err" &
pid=$!
wait_for() { # wait_for SECONDS COMMAND...: true as soon as the command is
    n=$(($1 * 10))
    shift
    while [ $n -gt 0 ]; do
        "$@" && return 0
        sleep 0.1
        n=$((n - 1))
    done
    return 1
}
expect "watch builds first" wait_for 20 grep -q 'watching' "$WORK/watch.err"
expect "... the documents under its path" test -f "$OUT/samsund/plan-2024.pdf"
cp "$OUT/samsund/plan-2024.pdf" "$WORK/first.pdf"
sed 's/^  title: .*/  title: Verksamhetsplan 2024 (sparad igen)/' "$P/samsund/plan-2024.yaml" >"$WORK/plan.yaml"
cat "$WORK/plan.yaml" >"$P/samsund/plan-2024.yaml"
expect "a save makes it build again" wait_for 20 grep -q 'changed: .*samsund/plan-2024.yaml' "$WORK/watch.err"
expect "... with the change in the PDF" \
    wait_for 20 sh -c "pdftotext '$OUT/samsund/plan-2024.pdf' - 2>/dev/null | grep -q 'sparad igen'"
expect "... and its diagnostics printed" wait_for 10 sh -c "[ \$(grep -c 'the printed total is 9' '$WORK/watch.err') -ge 2 ]"
printf '{{<plan}}\n{{$kontakt}}x{{/kontakt}}\n{{/plan}}\n' >"$P/samsund/plan.mustache"
expect "a saved template with a mistake is reported" \
    wait_for 20 grep -q 'plan.mustache:2:1: error: {{\$kontakt}} overrides nothing' "$WORK/watch.err"
kill -TERM $pid
wait_for 10 sh -c "! kill -0 $pid 2>/dev/null"
expect "SIGTERM stops it" sh -c "! kill -0 $pid 2>/dev/null"
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
expect "... having written nothing into the plans" sh -c "[ -z \"\$(find '$P' -newer '$P/samsund/plan.mustache' -type f)\" ]"

# ---- no colour ---------------------------------------------------------------------------------
NO_COLOR=1 "$BIN" check plans/samsund/plan-2024.yaml >"$WORK/out" 2>"$WORK/err"
"$BIN" check plans/samsund/plan-2024.yaml >"$WORK/out2" 2>&1
expect "no output has colour codes (NO_COLOR or not)" \
    sh -c "! grep -q \"\$(printf '\\033')\" '$WORK/out' '$WORK/err' '$WORK/out2'"

e2e_finish e2e_cli
