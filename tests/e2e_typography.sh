#!/bin/sh
# End-to-end tests of the typography of the sample documents: every plan
# under plans/ is built and its PDFs are read back by tests/typography.py
# (the glyphs as mupdf draws them, not planpress) for the hard rules of line
# breaking, and the Insjöriket plan, which is mostly prose, is held to the
# figures of LuaLaTeX with microtype on the same text (docs/typography.md).
# usage: sh tests/e2e_typography.sh PATH/TO/planpress [KEEP_DIR]
set -u
. "$(dirname "$0")/e2e_lib.sh"
e2e_start planpress-typography "$1" "${2:-}"

expect() { # expect NAME CONDITION-STATUS [DETAIL]
    if [ "$2" -eq 0 ]; then ok "$1"; else not_ok "$1" "${3:-}"; fi
}

SOURCE_DATE_EPOCH=1700000000 "$BIN" build -q -f plans -o "$WORK/out" >"$WORK/build.log" 2>&1
expect "the samples build" $? "$(cat "$WORK/build.log")"

PDFS=$(find "$WORK/out" -name '*.pdf' | sort)
python3 tests/typography.py --check --tsv --wrong-breaks tests/typography/wrong-breaks.txt \
    $PDFS >"$WORK/counts.tsv" 2>&1
status=$?
sed "s|$WORK/out/||" "$WORK/counts.tsv"
for pdf in $PDFS; do
    name=${pdf#"$WORK/out/"}
    problems=$(awk -v p="$pdf" '$1 == p { on = 1; next } /^[^ ]/ { on = 0 } on' "$WORK/counts.tsv")
    expect "$name: no three hyphenated lines in a row, no tail alone, no short word or wrong joint broken" \
        "$([ -z "$problems" ] && echo 0 || echo 1)" "$problems"
done
expect "the counter's own verdict" "$status"

# column of a figure in the TSV row of a document
figure() { awk -F'\t' -v p="$WORK/out/$1" -v c="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) k = i } $1 == p { print $k }' "$WORK/counts.tsv"; }
hyph=$(figure insjoriket/plan-2020.pdf hyph)
p95=$(figure insjoriket/plan-2020.pdf p95)
over2=$(figure insjoriket/plan-2020.pdf over2)
p5=$(figure insjoriket/plan-2020.pdf p5)
# the counter reads the hyphens as drawn, not the whole words of /ActualText
expect "Insjöriket: the counter sees the hyphenated line ends (got $hyph, at least 5)" \
    "$([ "${hyph:-0}" -ge 5 ] && echo 0 || echo 1)"
expect "Insjöriket: at most 17 hyphenated line ends, as LuaLaTeX with microtype (got $hyph)" \
    "$([ "${hyph:-99}" -le 17 ] && echo 0 || echo 1)"
expect "Insjöriket: word spaces at p5 at least 0.72 times the natural space (got $p5)" \
    "$(awk -v v="${p5:-0}" 'BEGIN { exit !(v >= 0.72) }'; echo $?)"
expect "Insjöriket: word spaces at p95 at most 1.45 times the natural space (got $p95)" \
    "$(awk -v v="${p95:-9}" 'BEGIN { exit !(v <= 1.45) }'; echo $?)"
expect "Insjöriket: no justified line with a space over twice the natural one (got $over2)" \
    "$([ "${over2:-9}" -le 1 ] && echo 0 || echo 1)"

# A stress plan (tests/typography/stress.py): long sections of the samples'
# prose, a footnote in nearly every paragraph, a budget of 120 rows.
python3 tests/typography/stress.py "$WORK/stress" >"$WORK/stress.log" 2>&1 &&
    SOURCE_DATE_EPOCH=1700000000 "$BIN" build -q -f "$WORK/stress" -o "$WORK/stress-out" \
        >>"$WORK/stress.log" 2>&1
expect "the stress plan builds without a warning" \
    "$([ $? -eq 0 ] && [ ! -s "$WORK/stress.log" ] && echo 0 || echo 1)" "$(cat "$WORK/stress.log")"
STRESS=$WORK/stress-out/stress/plan-2024.pdf
python3 tests/typography.py --check --tsv --wrong-breaks tests/typography/wrong-breaks.txt \
    "$STRESS" >"$WORK/stress.tsv" 2>&1
expect "stress plan: no three hyphenated lines in a row, no tail alone, no short word or wrong joint broken" \
    $? "$(cat "$WORK/stress.tsv")"
sed "s|$WORK/stress-out/||" "$WORK/stress.tsv" | sed -n 2p
stress() { awk -F'\t' -v c="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) k = i } NR == 2 { print $k }' "$WORK/stress.tsv"; }
lines=$(stress lines)
expect "stress plan: the counter sees its justified lines (got ${lines:-0}, at least 250)" \
    "$([ "${lines:-0}" -ge 250 ] && echo 0 || echo 1)"
expect "stress plan: word spaces at p95 at most 1.45, at p5 at least 0.72 (got $(stress p95), $(stress p5))" \
    "$(awk -v hi="$(stress p95)" -v lo="$(stress p5)" 'BEGIN { exit !(hi <= 1.45 && lo >= 0.72 && hi > 0) }'; echo $?)"
expect "stress plan: no justified line with a space over twice the natural one (got $(stress over2))" \
    "$([ "$(stress over2)" = 0 ] && echo 0 || echo 1)"
pages=$(pdfinfo "$STRESS" 2>/dev/null | sed -n 's/^Pages: *//p')
budget_pages=$(for p in $(seq 1 "${pages:-0}"); do
    pdftotext -f "$p" -l "$p" "$STRESS" - 2>/dev/null | grep -q "Budget 2023" && echo "$p"; done | wc -l)
expect "stress plan: the 120-row budget runs over pages (on $budget_pages)" \
    "$([ "$budget_pages" -ge 2 ] && echo 0 || echo 1)"
# each page it goes on to says what goes on: "Kostnader (forts.)" heads the
# columns, never "Intäkter (tkr)" over cost rows
wrong_head=$(for p in $(seq 1 "${pages:-0}"); do
    t=$(pdftotext -f "$p" -l "$p" "$STRESS" - 2>/dev/null)
    echo "$t" | grep -q "Budget 2023" || continue
    echo "$t" | grep -q "^Intäkter (tkr)" && { [ -z "${seen:-}" ] && seen=1 && continue; }
    echo "$t" | grep -q "^Kostnader (forts.)" || echo "$p"
done | tr '\n' ' ')
expect "stress plan: the budget's pages after its first are headed \"Kostnader (forts.)\"" \
    "$([ -z "$wrong_head" ] && echo 0 || echo 1)" "pages: $wrong_head"
python3 tests/tagged_pdf.py "$STRESS" >"$WORK/stress-tagged.log" 2>&1
expect "stress plan: the tagged-PDF rules hold (the repeated headings are artifacts)" $? \
    "$(grep -v '^ok' "$WORK/stress-tagged.log")"

# Expanded and protruding lines still read back as the words they hold.
text=$(pdftotext "$WORK/out/insjoriket/plan-2020.pdf" - 2>&1)
echo "$text" | tr '\n' ' ' | grep -q "Samordningsförbundet har två delar i sitt uppdrag. Det ena uppdraget är att förstärka samverkan"
expect "Insjöriket: the text reads back word for word" $?
expect "Insjöriket: pdftotext reads it without a complaint" \
    "$(pdftotext "$WORK/out/insjoriket/plan-2020.pdf" /dev/null 2>&1 | wc -c | tr -d ' ')"
qpdf --qdf --object-streams=disable "$WORK/out/insjoriket/plan-2020.pdf" "$WORK/qdf.pdf" 2>/dev/null
expect "Insjöriket: justified lines are widened or narrowed by horizontal scaling (Tz)" \
    "$(grep -a -c ' Tz' "$WORK/qdf.pdf" 2>/dev/null | awk '{ exit !($1 > 10) }'; echo $?)"
# Swedish typography of the text (typography.h), read back with pdftotext.
has_text() { # has_text NAME PDF TEXT
    pdftotext "$WORK/out/$2" - 2>/dev/null | tr '\n' ' ' | grep -qF -- "$3"
    expect "$1" $?
}
has_text "Samsund: the heading typed \"Budget 2024 - 2026\" has an en dash" samsund/plan-2024.pdf \
    "Budget 2024–2026"
has_text "Samsund: a range of ages typed \"16 - 66 år\" has an en dash" samsund/plan-2024.pdf "16–66 år"
has_text "Insjöriket: \"2018-2020\" has an en dash" insjoriket/plan-2020.pdf "Verksamhetsplan 2018–2020"
has_text "Insjöriket: straight quotes become ” on both sides" insjoriket/plan-2020.pdf \
    "Den framgångsrika ”Baldermetodiken” skall"
has_text "Insjöriket: an ISO date keeps its hyphens" insjoriket/plan-2020.pdf "2017-11-28"
# (pdftotext reads no-break spaces as spaces: tests/test_layout.c sees them)
has_text "Samspelet: a spaced hyphen between words becomes a spaced en dash" samspelet/plan-2025.pdf \
    "Arbetsförmedlingen – arbetslivsinriktad"
e2e_finish e2e_typography
