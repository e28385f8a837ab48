#!/bin/sh
# End-to-end tests of the messages in Swedish (po/sv.po, gettext): under a
# Swedish locale the help, the build summary, check's report and the
# diagnostics of the data files and templates are Swedish, otherwise English;
# check --json's keys and the PDFs are the same in every locale; every message
# the sources mark has its translation.
# usage: sh tests/e2e_i18n.sh PATH/TO/planpress
set -u
. "$(dirname "$0")/e2e_lib.sh"
e2e_start planpress-i18n "$1"
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH
unset LANGUAGE LC_MESSAGES LANG

has() { grep -qF -- "$1" "$WORK/out"; }
run() { # run ENV... -- ARGS...: planpress with those variables; out and err kept
    vars=""
    while [ "$1" != -- ]; do vars="$vars $1"; shift; done
    shift
    env $vars "$BIN" "$@" >"$WORK/out" 2>"$WORK/err"
}

SAMSPELET=plans/samspelet/plan-2025.yaml
run LC_ALL=C.UTF-8 -- check "$SAMSPELET"
expect "without a Swedish locale check's report is English" has "  income  "
expect "... its headings too" has "  financial rules  "
expect "... and its count of problems" has "  0 errors, 0 warnings"

if locale -a 2>/dev/null | grep -qix 'sv_SE.utf-\{0,1\}8'; then
    run LC_ALL=sv_SE.UTF-8 -- check "$SAMSPELET"
    expect "under sv_SE.UTF-8 check's report is Swedish" has "  intäkter  "
    expect "... its headings" has "  finansiella mål  "
    expect "... its columns" has "2026 (prognos)"
    expect "... the statuses of the rules" has "700 uppfyllt"
    expect "... and its count of problems" has "  0 fel, 0 varningar"
    run -u LC_ALL LANG=sv_SE.UTF-8 -- check "$SAMSPELET"
    expect "LANG=sv_SE.UTF-8 alone asks for Swedish too" has "  finansiella mål  "
    run -u LC_ALL LANG=C.UTF-8 LC_MESSAGES=sv_SE.UTF-8 -- check "$SAMSPELET"
    expect "... as LC_MESSAGES does over LANG=C.UTF-8" has "  finansiella mål  "
    run -u LC_ALL LANG=sv_SE.UTF-8 LC_MESSAGES=C -- check "$SAMSPELET"
    expect "... and LC_MESSAGES=C over LANG keeps English" has "  financial rules  "
else
    not_ok "the locale sv_SE.UTF-8 is there (sh .ci/deps test makes it)"
fi
run LC_ALL=C.UTF-8 LANGUAGE=sv -- check "$SAMSPELET"
expect "LANGUAGE=sv asks for Swedish under any locale but C" has "  finansiella mål  "
run LC_ALL=C LANGUAGE=sv -- check "$SAMSPELET"
expect "... and the C locale stays English" has "  financial rules  "

# ---- the diagnostics of the data files: Swedish too, with file:line:col --------
run LC_ALL=C.UTF-8 LANGUAGE=sv -- check plans/samsund/plan-2024.yaml
expect "a figure that does not add up is a Swedish warning, at its file:line:col" \
    grep -q "plan-2024.yaml:192:29: varning: intäkter 2024 (budget): den tryckta summan är 9.\{1,3\}017 men raderna summerar till 9.\{1,3\}016; trolig orsak: det stämmer med raderna om Upplands Bro är 274" "$WORK/out" "$WORK/err"
run LC_ALL=C.UTF-8 -- check plans/samsund/plan-2024.yaml
expect "... English without Swedish" \
    grep -q "plan-2024.yaml:192:29: warning: income 2024 (budget): the printed total is 9.\{1,3\}017 but the rows add up to 9.\{1,3\}016; likely cause: it matches the rows" "$WORK/out" "$WORK/err"
run LC_ALL=C.UTF-8 LANGUAGE=sv -- check --json plans/samsund/plan-2024.yaml
expect "check --json keeps its keys and severities for programs, the message in Swedish" \
    python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
ws = [w for f in d["files"] for w in f["diagnostics"]]
assert ws and all(w["severity"] == "warning" for w in ws), ws
assert any(w["message"].startswith("intäkter 2024 (budget): den tryckta summan") for w in ws), ws' "$WORK/out"

B=$WORK/bad
mkdir -p "$B/x"
cp plans/samsund/association.yaml "$B/x/"
sed 's/^  title:/  titel:/; s/category: administration/category: administraton/' \
    plans/samsund/plan-2024.yaml >"$B/x/plan-2024.yaml"
run LC_ALL=C.UTF-8 LANGUAGE=sv -- check "$B/x/plan-2024.yaml"
line=$(grep -n '^  titel:' "$B/x/plan-2024.yaml" | cut -d: -f1)
expect "a misspelt key is a Swedish error with a did you mean, at file:line:col" \
    has "$B/x/plan-2024.yaml:$line:3: fel: plan: okänd nyckel \"titel\"; menade du \"title\"?"
expect "... a missing key too" has ': fel: plan: nyckeln "title" saknas'
expect "... and a value not among those allowed says in Swedish what was expected" \
    has 'fel: plan.budget.costs[0].category: väntade en av allocation, external, equity, administration, board, individual, structural, other; fann "administraton"; menade du "administration"?'
expect "... and the report's count of problems" has "  3 fel, 0 varningar"

printf 'Del;Rad;Kategori;Budget 2024\nkostnader;Kansli;administration;ca 2000\n' >"$B/x/budget-2024.csv"
printf 'plan:\n  title: Plan\n  year: 2024\n  budget:\n    unit: tkr\n    columns: [{year: 2024, kind: budget}]\n    rows_from: budget-2024.csv\n' \
    >"$B/x/plan-2024.yaml"
run LC_ALL=C.UTF-8 LANGUAGE=sv -- check "$B/x/plan-2024.yaml"
expect "an error in a CSV file is Swedish, at its row and column, with the cell" \
    has "$B/x/budget-2024.csv:2:33: fel: D2 (Budget 2024): väntade ett belopp skrivet så som Excel skriver det på svenska, som 1 563, -250 eller 1 563,00, fann \"ca 2000\""

mkdir -p "$B/y"
cp plans/samsund/association.yaml plans/samsund/plan-2024.yaml "$B/y/"
printf '{{<plan}}\n{{$contact}}\n{{#association.phon}}Ring oss.{{/association.phon}}\n{{/contact}}\n{{/plan}}\n' \
    >"$B/y/plan.mustache"
run LC_ALL=C.UTF-8 LANGUAGE=sv -- render "$B/y/plan-2024.yaml" -o "$WORK/x.pdf"
expect "an unknown name in a template is a Swedish error with a did you mean" \
    grep -qF "$B/y/plan.mustache:3:1: fel: {{#association.phon}}: \"association\" har inget \"phon\"; menade du \"phone\"?" "$WORK/err"
run LC_ALL=C.UTF-8 -- render "$B/y/plan-2024.yaml" -o "$WORK/x.pdf"
expect "... English without Swedish" \
    grep -qF "$B/y/plan.mustache:3:1: error: {{#association.phon}}: \"association\" has no \"phon\"; did you mean \"phone\"?" "$WORK/err"

run LC_ALL=C.UTF-8 LANGUAGE=sv -- build --help
expect "the help of a command is Swedish" has "användning: planpress build [flaggor] [SÖKVÄG...]"
run LC_ALL=C.UTF-8 -- build --help
expect "... and English without Swedish" has "usage: planpress build [options] [PATH...]"
run LC_ALL=C.UTF-8 LANGUAGE=sv -- render
expect "a usage error is Swedish" grep -q "^planpress render: ange en datafil$" "$WORK/err"

mkdir -p "$WORK/sv" "$WORK/en"
run LC_ALL=C.UTF-8 LANGUAGE=sv -- build plans/samspelet -o "$WORK/sv"
expect "the build's summary is Swedish" has "1 byggda, 0 aktuella, 0 misslyckade, 0 varningar"
run LC_ALL=C.UTF-8 LANGUAGE=sv -- build plans/samspelet -o "$WORK/sv"
expect "... and so is nothing to do" has "inget att göra: 1 dokument är aktuellt"
run LC_ALL=C.UTF-8 -- build plans/samspelet -o "$WORK/en"
expect "... English without Swedish" has "1 built, 0 up to date, 0 failed, 0 warnings"
expect "the PDF is the same in every language" cmp -s "$WORK/sv/samspelet/plan-2025.pdf" "$WORK/en/samspelet/plan-2025.pdf"

# Every message marked in the sources has a Swedish translation, none fuzzy
# (the messages are those of `make pot`: its keywords name the functions that report).
make -s --no-print-directory pot POT="$WORK/planpress.pot" 2>/dev/null
expect "every message of the sources is in po/sv.po" msgcmp po/sv.po "$WORK/planpress.pot"
msgattrib --untranslated --only-fuzzy po/sv.po >"$WORK/fuzzy" 2>/dev/null
msgattrib --untranslated po/sv.po >"$WORK/untranslated" 2>/dev/null
expect "... translated, and none fuzzy" sh -c "! grep -q '^msgid \"[^\"]' '$WORK/fuzzy' '$WORK/untranslated' && msgfmt --check -o /dev/null po/sv.po"

e2e_finish e2e_i18n
