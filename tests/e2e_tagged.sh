#!/bin/sh
# End-to-end tests of tagged PDF: every sample PDF against the machine-
# checkable rules of PDF/A-2a and PDF/UA-1, each named by its veraPDF rule
# (tests/tagged_pdf.py reads the files with qpdf, pdftotext and the
# structure tree), words broken by the line breaker read whole, and a
# template that skips a heading level named by file and line in `check
# --strict` and `build`. usage: sh tests/e2e_tagged.sh PATH/TO/planpress
set -u
. "$(dirname "$0")/e2e_lib.sh"
e2e_start planpress-e2e-tagged "$1"

"$BIN" build plans -o "$WORK/out" -q 2>"$WORK/build.log"
count=0
for pdf in "$WORK"/out/*/*.pdf; do
    name=${pdf#"$WORK/out/"}
    count=$((count + 1))
    if python3 tests/tagged_pdf.py "$pdf" >"$WORK/check.txt" 2>&1; then
        ok "$name: $(grep -c '^ok' "$WORK/check.txt") rules of PDF/A-2a and PDF/UA-1 hold"
    else
        not_ok "$name: rules of PDF/A-2a and PDF/UA-1" "$(grep -v '^ok' "$WORK/check.txt")"
    fi
done
[ "$count" -ge 10 ] && ok "every sample PDF is checked ($count)" || not_ok "every sample PDF is checked ($count)"

# a hyphen the line breaker adds reads as nothing; a written one stays
pdftotext "$WORK/out/samsund/plan-2024.pdf" "$WORK/samsund.txt"
pdftotext "$WORK/out/samspelet/plan-2025.pdf" "$WORK/samspelet.txt"
grep -q "finansiell samordning" "$WORK/samsund.txt" && ! grep -q "sam-$" "$WORK/samsund.txt" &&
    ok "pdftotext reads \"samordning\", not \"sam-ordning\"" ||
    not_ok "pdftotext reads \"samordning\", not \"sam-ordning\"" "$(grep -n 'sam-$' "$WORK/samsund.txt")"
grep -q "ESF-projektet" "$WORK/samspelet.txt" && ! grep -q "ESFprojektet" "$WORK/samspelet.txt" &&
    ok "pdftotext reads \"ESF-projektet\" broken at its hyphen" ||
    not_ok "pdftotext reads \"ESF-projektet\" broken at its hyphen" "$(grep -n 'ESF' "$WORK/samspelet.txt")"

# a span in another language: its own element with /Lang; a span without a
# language tag is a warning at its line
mkdir -p "$WORK/lang/plans"
cp -R plans/samsund "$WORK/lang/plans/samsund"
sed -i 's/tjänstedesign-metodik\./tjänstedesign-metodik (<span lang="en-GB">*service design*<\/span>)./; s/i form av en workshopserie/i form av en <span lang="engelska">workshopserie<\/span>/' \
    "$WORK/lang/plans/samsund/plan-2024.yaml"
"$BIN" build "$WORK/lang/plans" -o "$WORK/lang/out" >"$WORK/lang.out" 2>&1
if python3 tests/tagged_pdf.py "$WORK/lang/out/samsund/plan-2024.pdf" --langs "$WORK/langs.tsv" \
    >"$WORK/lang-check.txt" 2>&1; then
    ok "a plan with a span in English keeps PDF/A-2a and PDF/UA-1"
else
    not_ok "a plan with a span in English keeps PDF/A-2a and PDF/UA-1" "$(grep -v '^ok' "$WORK/lang-check.txt")"
fi
[ "$(cat "$WORK/langs.tsv")" = "$(printf 'en-GB\tservice design')" ] &&
    ok "... the span is an element with /Lang en-GB around its text" ||
    not_ok "... the span is an element with /Lang en-GB around its text" "$(cat "$WORK/langs.tsv")"
grep -q 'samsund/plan-2024.yaml (as Markdown):[0-9]*:[0-9]*: warning: <span lang="engelska">: a span says the language of its text' "$WORK/lang.out" &&
    ok "... a span whose lang is no language tag is a warning at its line" ||
    not_ok "... a span whose lang is no language tag is a warning at its line" "$(cat "$WORK/lang.out")"

# a chart whose category has no figure: its /Alt could only name it
cp -R templates "$WORK/chart"
printf '\n```chart\ntype: grouped\ntitle: Deltagare\ncategories: [Män, Kvinnor]\nseries:\n  - {name: Insats A, values: [4, ~]}\n  - {name: Insats B, values: [5, ~]}\n```\n' \
    >>"$WORK/chart/plan.mustache"
"$BIN" build plans/insjoriket -t "$WORK/chart" -o "$WORK/chart-out" >"$WORK/chart.out" 2>&1
rc=$?
grep -q 'plan-2020.yaml (as Markdown):[0-9]*:[0-9]*: warning: chart.categories\[1\]: "Kvinnor" has no figure in any series' "$WORK/chart.out" &&
    [ "$rc" -eq 0 ] && ok "a chart category without figures is a warning at its line" ||
    not_ok "a chart category without figures is a warning at its line" "rc $rc: $(cat "$WORK/chart.out")"
"$BIN" build --strict plans/insjoriket -t "$WORK/chart" -o "$WORK/chart-strict" >/dev/null 2>&1
rc=$?
[ "$rc" -eq 3 ] && ok "... which fails build --strict" || not_ok "... which fails build --strict" "rc $rc"
python3 tests/tagged_pdf.py "$WORK/chart-out/insjoriket/plan-2020.pdf" >"$WORK/chart-check.txt" 2>&1 &&
    ok "... and the PDF keeps PDF/A-2a and PDF/UA-1" ||
    not_ok "... and the PDF keeps PDF/A-2a and PDF/UA-1" "$(grep -v '^ok' "$WORK/chart-check.txt")"

# a template that skips a heading level
cp -R templates "$WORK/bad"
sed 's/^## {{association.name}}/### {{association.name}}/' templates/contact.mustache >"$WORK/bad/contact.mustache"
"$BIN" check --strict plans/insjoriket/plan-2020.yaml >"$WORK/good.out" 2>&1 &&
    ok "check --strict passes a plan whose templates keep their levels" ||
    not_ok "check --strict passes a plan whose templates keep their levels" "$(cat "$WORK/good.out")"
if "$BIN" check --strict -t "$WORK/bad" plans/insjoriket/plan-2020.yaml >"$WORK/bad.out" 2>&1; then
    not_ok "check --strict fails a template that skips a heading level"
else
    ok "check --strict fails a template that skips a heading level"
fi
grep -q "bad/contact.mustache:4:1: warning: a heading of level 3 follows one of level 1" "$WORK/bad.out" &&
    ok "... naming the template's file and line" || not_ok "... naming the template's file and line" "$(cat "$WORK/bad.out")"
"$BIN" build plans/insjoriket -t "$WORK/bad" -o "$WORK/bad-out" >"$WORK/bad-build.out" 2>&1
grep -q "bad/contact.mustache:4:1: warning" "$WORK/bad-build.out" &&
    ok "build says so too" || not_ok "build says so too" "$(cat "$WORK/bad-build.out")"

e2e_finish e2e_tagged
