#!/bin/sh
# End-to-end tests of the årsredovisning and the delårsrapport: Södra
# Vätterbygden's sample books rendered by the real binary, their text read
# back with pdftotext against the statements worked out by hand from the
# sample's accounts (see plans/sodra-vatterbygden/arsredovisning-2023.yaml);
# a balance changed by 100 kr gives its "Obs!" note; a changed or new SIE
# file makes the documents again; -v lists the labels the reader skipped.
# usage: sh tests/e2e_documents_annual.sh PATH/TO/planpress
set -u
. "$(dirname "$0")/e2e_lib.sh"
e2e_start planpress-e2e-annual "$1"

OUT=$WORK/out
"$BIN" build plans/sodra-vatterbygden -o "$OUT" -q >"$WORK/build.out" 2>"$WORK/build.err"
expect "Södra Vätterbygden builds" [ $? -eq 0 ]
expect "without a warning of the new documents or their books" \
    sh -c "! grep -E 'arsredovisning|delarsrapport|kontoplan|\\.se:' '$WORK/build.err'"
AR=$OUT/sodra-vatterbygden/arsredovisning-2023.pdf
DR=$OUT/sodra-vatterbygden/delarsrapport-2024-08.pdf
sound "$AR"
sound "$DR"

# By hand from the accounts: income 4 579 500 + 2 289 750 + 2 289 750;
# costs 6 732 000 (insatser) + 909 800 + 1 220 000 + 235 600; interest
# 12 400; 2022 from sie-2022.se. Balances: receivables 98 000 + 41 000,
# bank 2 926 000; liabilities 295 000 + 181 000; equity 2 515 000 + 74 000.
# Kassaflöde 2022 from the balances at the end of 2021 (#IB -1): result
# 253 000, receivables 130 000 → 155 000 (−25 000), liabilities 320 000 →
# 480 000 (+160 000): 388 000 = bank 2 840 000 − 2 452 000.
text_of "$AR" >"$WORK/arsredovisning.txt"
has "$WORK/arsredovisning.txt" \
    "Resultaträkning (kr) Not 2023 2022" \
    "Verksamhetens intäkter 1 9 159 000 8 900 000" \
    "Verksamhetens kostnader 2 −9 097 400 −8 650 000" \
    "Verksamhetens nettokostnader 61 600 250 000" \
    "Finansiella intäkter 12 400 3 000" \
    "Årets resultat 74 000 253 000" \
    "Balansräkning (kr) Not 2023-12-31 2022-12-31" \
    "Kortfristiga fordringar 3 139 000 155 000" \
    "Kassa och bank 2 926 000 2 840 000" \
    "Summa tillgångar 3 065 000 2 995 000" \
    "Eget kapital 2 589 000 2 515 000" \
    "därav årets resultat 74 000 253 000" \
    "Kortfristiga skulder 4 476 000 480 000" \
    "Summa eget kapital, avsättningar och skulder 3 065 000 2 995 000" \
    "Ansvarsförbindelser: Förbundet har inga ansvarsförbindelser." \
    "Kassaflödesanalys (kr) 2023 2022" \
    "Ökning (−) eller minskning (+) av kortfristiga fordringar 16 000 −25 000" \
    "Ökning (+) eller minskning (−) av kortfristiga skulder −4 000 160 000" \
    "Årets kassaflöde 86 000 388 000" \
    "Likvida medel vid årets början 2 840 000 2 452 000" \
    "Likvida medel vid årets slut 2 926 000 2 840 000" \
    "Not 2 Verksamhetens kostnader" \
    "Individinriktade insatser −6 732 000 −6 250 000" \
    "Styrelse och revision −235 600 −300 000" \
    "Balanskravsresultat 74 000" \
    "Verksamhetens kostnader 8 650 000 9 097 400" \
    "Deltagare 208" \
    "NOVA – Stöd i förändring 2 400 000" \
    "Summa kostnader 9 097 400" \
    "Kostnaderna var budgeterade till 9 579 500" \
    "budget minus utfall är 482 100 kr." \
    "Jönköping 2024-03-14" \
    "Anna Lindqvist Erik Johansson"
# The verksamhetsberättelse's parts from outcome-2023.yaml, with its own
# note (the sample's FIA exits), whose warning the build prints once.
has "$WORK/arsredovisning.txt" \
    "Deltagare 2023" \
    "Enter 24 38 62 19 20" \
    "Obs! Några deltagaruppgifter i underlaget stämmer inte med varandra." \
    "FIA: avslutsorsakerna summerar till 15, men 14 avslutades."
expect "no other Obs! note in the sample's årsredovisning" \
    sh -c "[ \$(grep -c 'Obs!' '$WORK/arsredovisning.txt') -eq 1 ]"
expect "the outcome's warning printed once" \
    sh -c "[ \$(grep -c 'FIA: the exit reasons add up to 15' '$WORK/build.err') -eq 1 ]"
expect "no file name in the årsredovisning's text" \
    sh -c "! grep -qE '\\.(se|yaml)\\b' '$WORK/arsredovisning.txt'"

# The delårsrapport: January–August 2024, the books open. The same months
# of 2023 from sie-2023.se's vouchers dated up to August (by hand: the
# membership fees of three quarters, 6 869 250; costs 6 064 936 with the
# corrected row counted once), beside the forecast and 2023's whole year.
# Kassaflöde of the period: −541 000 + 49 000 (receivables 139 000 → 90 000)
# − 66 000 (liabilities 476 000 → 410 000) = −558 000 = bank 2 368 000 −
# 2 926 000.
text_of "$DR" >"$WORK/delarsrapport.txt"
has "$WORK/delarsrapport.txt" \
    "Resultaträkning (kr)" "Utfall jan–aug" "Prognos helår" "Utfall helår" \
    "Verksamhetens intäkter 1 6 400 000 6 869 250 9 600 000 9 159 000" \
    "Verksamhetens kostnader 2 −6 950 000 −6 064 936 −11 356 500 −9 097 400" \
    "Periodens resultat −541 000 804 314 −1 743 500 74 000" \
    "Nyckeltal (kr) jan–aug 2024 jan–aug 2023 Prognos helår 2024 Helår 2023" \
    "Eget kapital vid periodens slut 2 048 000 – – 2 589 000" \
    "Kassaflödesanalys (kr) jan–aug 2024" \
    "Periodens kassaflöde −558 000" \
    "Likvida medel vid årets början 2 926 000" \
    "Likvida medel vid periodens slut 2 368 000" \
    "Balansräkning (kr) Not 2024-08-31 2023-12-31" \
    "Eget kapital 2 048 000 2 589 000" \
    "därav periodens resultat −541 000 74 000" \
    "Summa tillgångar 2 458 000 3 065 000" \
    "Periodens resultat är inte bokfört mot eget kapital"

# One balance 100 kr off (the checksum lines dropped, as a hand edit would):
# the balance sheet's Obs! note names both figures.
M=$WORK/mut/sodra-vatterbygden
mkdir -p "$M"
cp plans/sodra-vatterbygden/*.yaml "$M"/
sed '/^#KSUMMA/d; s/^#UB 0 1510 98000.00/#UB 0 1510 98100.00/' plans/sodra-vatterbygden/sie-2023.se >"$M/sie-2023.se"
cp plans/sodra-vatterbygden/sie-2022.se plans/sodra-vatterbygden/sie-2024-08.se "$M"/
printf '#XKUNDNR 17\r\n' >>"$M/sie-2023.se"
"$BIN" render "$M/arsredovisning-2023.yaml" -o "$WORK/mut.pdf" >"$WORK/mut.out" 2>"$WORK/mut.err"
expect "a changed balance still renders" [ $? -eq 0 ]
expect "the change is a warning of the balance sheet" \
    grep -q "the balance sheet of 2023 does not balance: assets 3065100.00 kr, equity, provisions and liabilities 3065000.00 kr" "$WORK/mut.err"
expect "the reader says the vouchers do not explain the balance" \
    grep -q "sie-2023.se:[0-9]*:1: warning: account 1510: the closing balance 98100.00 kr" "$WORK/mut.err"
expect "skipped labels are not listed without -v" sh -c "! grep -q XKUNDNR '$WORK/mut.err'"
text_of "$WORK/mut.pdf" >"$WORK/mut.txt"
has "$WORK/mut.txt" \
    "Obs! Balansräkningen balanserar inte." \
    "Balansräkningen 2023 balanserar inte: tillgångarna är 3 065 100, eget kapital, avsättningar" \
    "och skulder 3 065 000. Troligen står ett konto på fel rad i kontoplanen" \
    "Obs! Bokföringen stämmer inte helt med sig själv eller med förra årets bokföring." \
    "Konto 1510: utgående minus ingående balans är −21 900, men kontots verifikationsrader" \
    "summerar till −22 000. Troligen saknas verifikationer i exporten."
expect "and no file name in its notes" sh -c "! grep -qE '\\.(se|yaml)\\b' '$WORK/mut.txt'"
"$BIN" render -v "$M/arsredovisning-2023.yaml" -o "$WORK/mut.pdf" >"$WORK/mutv.out" 2>&1
expect "-v lists the labels the reader skipped" \
    grep -q "labels not in the SIE 4 specification, skipped as it asks: #XKUNDNR" "$WORK/mutv.out"

# A delårsrapport's name gives the year and month its period ends in.
cp "$M/delarsrapport-2024-08.yaml" "$M/delarsrapport-2024-09.yaml"
"$BIN" check "$M/delarsrapport-2024-09.yaml" >"$WORK/name.err" 2>&1
expect "a delårsrapport named for another month is an error at its period_end" \
    grep -q "delarsrapport-2024-09.yaml:12:15: error: interim_report.period_end: the file is named delarsrapport-2024-09.yaml but the period inside it ends 2024-08-31: one of them is wrong" "$WORK/name.err"
rm "$M/delarsrapport-2024-09.yaml"

# The nightly build: the SIE file and the mapping are inputs.
B=$WORK/nightly
"$BIN" build "$WORK/mut" -o "$B" -q 2>/dev/null
"$BIN" build "$WORK/mut" -o "$B" -v >"$WORK/again.out" 2>/dev/null
expect "nothing to do when nothing changed" grep -q "nothing to do" "$WORK/again.out"
sed 's/^#UB 0 1510 98100.00/#UB 0 1510 98000.00/' "$M/sie-2023.se" >"$M/sie.tmp" && mv "$M/sie.tmp" "$M/sie-2023.se"
"$BIN" build "$WORK/mut" -o "$B" -v >"$WORK/changed.out" 2>"$WORK/changed.err"
expect "a changed SIE file makes the årsredovisning again" grep -q "built .*arsredovisning-2023.pdf" "$WORK/changed.out"
expect "and the delårsrapport, whose same months of last year it gives" grep -q "built .*delarsrapport-2024-08.pdf" "$WORK/changed.out"
cp plans/sodra-vatterbygden/sie-2022.se "$M/sie-2021.se"
"$BIN" build "$WORK/mut" -o "$B" -v >"$WORK/new.out" 2>/dev/null
expect "an earlier year's new SIE file makes it again" grep -q "built .*arsredovisning-2023.pdf" "$WORK/new.out"
sed 's/Övriga intäkter/Andra intäkter/' "$M/kontoplan.yaml" >"$M/k.tmp" && mv "$M/k.tmp" "$M/kontoplan.yaml"
"$BIN" build "$WORK/mut" -o "$B" -v >"$WORK/map.out" 2>/dev/null
expect "a changed mapping makes both again" sh -c "grep -q 'built .*arsredovisning-2023.pdf' '$WORK/map.out' && grep -q 'built .*delarsrapport-2024-08.pdf' '$WORK/map.out'"

e2e_finish e2e_documents_annual
