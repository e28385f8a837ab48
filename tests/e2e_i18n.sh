#!/bin/sh
# End-to-end tests of the messages in Swedish (po/sv.po, gettext): under a
# Swedish locale the help, the build summary and check's report are
# Swedish, otherwise English; the diagnostics and the PDFs are the same in
# every locale; every message the sources mark has its translation.
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
else
    not_ok "the locale sv_SE.UTF-8 is there (sh .ci/deps test makes it)"
fi
run LC_ALL=C.UTF-8 LANGUAGE=sv -- check "$SAMSPELET"
expect "LANGUAGE=sv asks for Swedish under any locale but C" has "  finansiella mål  "
run LC_ALL=C LANGUAGE=sv -- check "$SAMSPELET"
expect "... and the C locale stays English" has "  financial rules  "

run LC_ALL=C.UTF-8 LANGUAGE=sv -- check plans/samsund/plan-2024.yaml
expect "the diagnostics stay English" \
    grep -q "plan-2024.yaml:[0-9]*:[0-9]*: warning: income 2024 (budget): the printed total is 9.\{1,2\}017" "$WORK/out" "$WORK/err"

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

# Every message marked in the sources has a Swedish translation, none fuzzy.
I18N_SRC=$(sed -n 's/^I18N_SRC := //p' Makefile)
xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=ngettext:1,2 \
    --no-location -o "$WORK/planpress.pot" $I18N_SRC 2>/dev/null
expect "every message of the sources is in po/sv.po" msgcmp po/sv.po "$WORK/planpress.pot"
msgattrib --untranslated --only-fuzzy po/sv.po >"$WORK/fuzzy" 2>/dev/null
msgattrib --untranslated po/sv.po >"$WORK/untranslated" 2>/dev/null
expect "... translated, and none fuzzy" sh -c "! grep -q '^msgid \"[^\"]' '$WORK/fuzzy' '$WORK/untranslated' && msgfmt --check -o /dev/null po/sv.po"

e2e_finish e2e_i18n
