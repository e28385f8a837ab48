#!/bin/sh
# End-to-end tests of the PDFs themselves: the fonts (embedded subsets with
# ToUnicode maps), the text every reader extracts, metadata, outline,
# reproducible bytes and size, checked with tools planpress did not write
# (qpdf, pdffonts, pdftotext, pdfinfo, pdftoppm from poppler; mutool from
# MuPDF). usage: sh tests/e2e_pdf.sh PATH/TO/planpress
set -u
. "$(dirname "$0")/e2e_lib.sh"
e2e_start planpress-e2e-pdf "$1"
unset SOURCE_DATE_EPOCH

check() { # check NAME COMMAND...
    name=$1
    shift
    if out=$("$@" 2>&1); then ok "$name"; else not_ok "$name" "$out"; fi
}
# quiet NAME COMMAND...: the command succeeds and prints nothing on standard
# error (mutool's note that it was built without colour management aside)
quiet() {
    name=$1
    shift
    if "$@" >/dev/null 2>"$WORK/stderr" &&
        ! grep -v '^warning: ICC support is not available$' "$WORK/stderr" | grep -q .; then
        ok "$name"
    else
        not_ok "$name" "$(cat "$WORK/stderr")"
    fi
}
contains() { grep -qF -- "$2" "$1"; }
NBSP=$(printf '\302\240')

# --- the Samsund plan ----------------------------------------------------------
"$BIN" build plans -o "$WORK/a" -q 2>"$WORK/build.log"
"$BIN" build plans -o "$WORK/b" -q 2>/dev/null
PDF=$WORK/a/samsund/plan-2024.pdf
[ -s "$PDF" ] && ok "Samsund builds" || not_ok "Samsund builds" "$(cat "$WORK/build.log")"

size=$(wc -c <"$PDF")
# tagged PDF/UA + PDF/A-2a may cost 15 % over the 48 737 bytes before tagging
[ "$size" -le 56047 ] && ok "Samsund is within 115 % of its untagged size ($size bytes)" ||
    not_ok "Samsund is within 115 % of its untagged size ($size bytes, at most 56 047)"
cmp -s "$PDF" "$WORK/b/samsund/plan-2024.pdf" && ok "two builds are byte-identical" ||
    not_ok "two builds are byte-identical"
SOURCE_DATE_EPOCH=1701043200 "$BIN" build plans -o "$WORK/c" -q 2>/dev/null
SOURCE_DATE_EPOCH=1701043200 "$BIN" build plans -o "$WORK/d" -q 2>/dev/null
cmp -s "$WORK/c/samsund/plan-2024.pdf" "$WORK/d/samsund/plan-2024.pdf" &&
    ok "two builds with SOURCE_DATE_EPOCH are byte-identical" ||
    not_ok "two builds with SOURCE_DATE_EPOCH are byte-identical"
dates=$(mutool show "$WORK/c/samsund/plan-2024.pdf" trailer/Info/CreationDate trailer/Info/ModDate 2>&1)
[ "$dates" = "$(printf '(D:20231127000000Z)\n(D:20231127000000Z)')" ] &&
    ok "the dates are SOURCE_DATE_EPOCH's" || not_ok "the dates are SOURCE_DATE_EPOCH's" "$dates"
mutool show "$PDF" trailer/Info 2>/dev/null | grep -q CreationDate &&
    not_ok "without SOURCE_DATE_EPOCH the PDF is undated" || ok "without SOURCE_DATE_EPOCH the PDF is undated"

check "qpdf --check passes" qpdf --check "$PDF"
quiet "pdftotext reads it without a warning" pdftotext "$PDF" "$WORK/plan.txt"
quiet "pdftoppm renders it without a warning" pdftoppm -r 30 -png "$PDF" "$WORK/page"
quiet "mutool renders it without a warning" mutool draw -q -o "$WORK/mu%d.png" -r 30 "$PDF"
[ -s "$WORK/page-1.png" ] && [ -s "$WORK/mu1.png" ] && ok "the pages become images" ||
    not_ok "the pages become images"

pdffonts "$PDF" >"$WORK/fonts.txt" 2>&1
# name type encoding emb sub uni: the last three columns before the object id
if awk 'NR > 2 { n++; if ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes" || $1 !~ /^[A-Z][A-Z][A-Z][A-Z][A-Z][A-Z]\+/) bad = 1 }
        END { exit bad || n == 0 || n > 5 }' "$WORK/fonts.txt"; then
    ok "every font is an embedded subset with a ToUnicode map"
else
    not_ok "every font is an embedded subset with a ToUnicode map" "$(cat "$WORK/fonts.txt")"
fi
grep -q "LiberationSans-Italic " "$WORK/fonts.txt" &&
    not_ok "a face the plan does not use is not embedded" "$(cat "$WORK/fonts.txt")" ||
    ok "a face the plan does not use is not embedded"

pdfinfo "$PDF" >"$WORK/info.txt" 2>&1
for want in "Title:           Verksamhetsplan 2024" "Author:          Samordningsförbundet Samsund" \
            "Keywords:        verksamhetsplan" "Creator:         planpress" "PDF version:     1.7"; do
    contains "$WORK/info.txt" "$want" && ok "pdfinfo: $want" || not_ok "pdfinfo: $want" "$(cat "$WORK/info.txt")"
done
lang=$(mutool show "$PDF" trailer/Root/Lang 2>&1)
[ "$lang" = "(sv-SE)" ] && ok "the document language is sv-SE" || not_ok "the document language is sv-SE" "$lang"
mutool show "$PDF" outline >"$WORK/outline.txt" 2>&1
for want in '"Ändamål och syfte"	#page=4' '"Öka kunskapen om samhällets aktörer"	#page=5' '"Värdeord"'; do
    contains "$WORK/outline.txt" "$want" && ok "the outline has $want" ||
        not_ok "the outline has $want" "$(cat "$WORK/outline.txt")"
done
for want in "Järfälla" "10 014" "−1 180" "Försäkringskassan" "”Vi ser förmågan”"; do
    contains "$WORK/plan.txt" "$want" && ok "pdftotext finds \"$want\"" || not_ok "pdftotext finds \"$want\""
done

# --- every character a Swedish plan needs, in every face -----------------------
# A template in the association's folder replaces the default one.
CH=$WORK/chars
mkdir -p "$CH/plans/x"
cp plans/samsund/association.yaml plans/samsund/plan-2024.yaml "$CH/plans/x/"
LINE="å ä ö Å Ä Ö – — ” ’ ≥ ≤ § € − 10${NBSP}014 kr 50${NBSP}%"
cat >"$CH/plans/x/plan.mustache" <<EOF
# Åtgärder och mål

Vanlig: $LINE

**Fet: $LINE**

*Kursiv: $LINE*

***Fet kursiv: $LINE***

En snögubbe ☃ och en ansikte 😀 som typsnittet saknar.
EOF
"$BIN" build "$CH/plans" -o "$CH/out" -q 2>"$CH/build.log"
CPDF=$CH/out/x/plan-2024.pdf
[ -s "$CPDF" ] && ok "the character sample builds" || not_ok "the character sample builds" "$(cat "$CH/build.log")"
grep -q "has no glyph for U+2603 \"☃\", U+1F600 \"😀\"" "$CH/build.log" &&
    ok "characters the font lacks are reported" || not_ok "characters the font lacks are reported" "$(cat "$CH/build.log")"
quiet "pdftotext reads the sample without a warning" pdftotext -enc UTF-8 "$CPDF" "$CH/p.txt"
quiet "mutool reads the sample without a warning" mutool draw -q -F txt -o "$CH/m.txt" "$CPDF"
check "qpdf --check passes on the sample" qpdf --check "$CPDF"
# Readers give the no-break space as a space (test_pdf checks the map itself).
SHOWN=$(printf '%s' "$LINE" | sed "s/$NBSP/ /g")
for face in "Vanlig" "Fet" "Kursiv" "Fet kursiv"; do
    contains "$CH/p.txt" "$face: $SHOWN" && ok "pdftotext extracts every character ($face)" ||
        not_ok "pdftotext extracts every character ($face)" "$(cat "$CH/p.txt")"
    contains "$CH/m.txt" "$face: $SHOWN" && ok "mutool extracts every character ($face)" ||
        not_ok "mutool extracts every character ($face)" "$(cat "$CH/m.txt")"
done
contains "$CH/p.txt" "snögubbe ☃ och en ansikte 😀" && ok "a missing character keeps its place in the text" ||
    not_ok "a missing character keeps its place in the text" "$(cat "$CH/p.txt")"
mutool show "$CPDF" outline 2>&1 | grep -q '"Åtgärder och mål"' && ok "the outline title keeps å ä ö" ||
    not_ok "the outline title keeps å ä ö" "$(mutool show "$CPDF" outline 2>&1)"
[ "$(pdffonts "$CPDF" 2>/dev/null | awk 'NR > 2' | wc -l)" -eq 4 ] && ok "the sample embeds all four faces" ||
    not_ok "the sample embeds all four faces" "$(pdffonts "$CPDF" 2>&1)"

e2e_finish "e2e_pdf"
