#!/bin/sh
# End-to-end tests of the minutes, their summary and the comparison: the
# Jönköping samples rendered by the real binary, their text read back with
# pdftotext and checked against what seed 002 prints (figures worked out by
# hand from the seed, not by planpress), and every PDF checked with qpdf.
# usage: sh tests/e2e_documents_meeting.sh PATH/TO/planpress
set -u
. "$(dirname "$0")/e2e_lib.sh"
e2e_start planpress-e2e-meeting "$1"

OUT=$WORK/out
"$BIN" build plans/jonkoping -o "$OUT" -q >"$WORK/build.out" 2>"$WORK/build.err"
rc=$?
expect "the Jönköping documents build" [ $rc -eq 0 ]
DIR=$OUT/jonkoping
MIN=$DIR/minutes-2024-02-23.pdf
SUM=$DIR/minutes-2024-02-23-summary.pdf
CMP=$DIR/comparison.pdf
for pdf in "$MIN" "$SUM" "$CMP"; do
    if [ -s "$pdf" ]; then ok "$(basename "$pdf") is written"; sound "$pdf"; else
        not_ok "$(basename "$pdf") is written" "$(cat "$WORK/build.err")"; fi
done

# --- the minutes -------------------------------------------------------------
text_of "$MIN" >"$WORK/minutes.txt"
# the 22 attendees of seed 002's header block, in its order
ATTENDEES="Markus Kyllenbeck, Gunnar Pettersson, Klas Rydell, Maria Gullberg Lorentsson, Sara Lindberg, Therese Petersson, Joakim Dahlström, Kristine Hästmark, Patric Strandenwik, Mats Holmstedt, Sebastian Hörlin, Gert Jonsson, Tommie Ekered, Johanna Buchalle, Robin Wallén Nilsson, Stefan Lundell, Camilla Nohammar, Tommy Sjögren, Tommy Wiedeberg, Peter Hedfors, Kajsa Hallmans, Linda Johansson"
n=$(echo "$ATTENDEES" | tr ',' '\n' | wc -l)
expect "the seed lists 22 attendees" [ "$n" -eq 22 ]
# the header block's cell, unwrapped: everything from "Deltagare" to "Plats"
tr '\n' ' ' <"$WORK/minutes.txt" | sed 's/ \{1,\}/ /g' >"$WORK/minutes-flat.txt"
has "$WORK/minutes-flat.txt" "Deltagare $ATTENDEES (22) Plats Vrigstad vårdshus"
has "$WORK/minutes.txt" "Datum 2024-02-23" \
    "Bilagor 1. Principer för samverkan och styrning; 2. Medlemssamråd 240223 Information från" \
    "§ 1 Presentation" "§ 2 Val av justerare" "§ 6 Principer för samverkan, diskussion i smågrupper" \
    "§ 7 Övriga frågor" "§ 7a Strategikonferens" "§ 7b Begäran om utlämnande av handlingar" \
    "§ 9 Avslutning" "Justerare för mötet: Therese Petersson, KSO Sävsjö och Joakim Dahlström, oppositionsråd" \
    "Fokus på samverkan runt unga som varken arbetar eller studerar (UVAS)" \
    "Sammankalla medlemssamråd 2025 Tranås –" \
    "UNDERSKRIFTSSIDA" "NAMN: Therese Petersson" "TITEL, ORGANISATION: Justerare, Sävsjö kommun" \
    "TID: 2024-02-28 10:45:54 +01:00" "NAMN: Joakim Dahlström" "TITEL, ORGANISATION: Justerare, Jönköpings kommun" \
    "TID: 2024-02-28 13:08:34 +01:00" "IDENTIFIKATIONSTYP: E-post (joakim.dahlstrom@jonkoping.se)" \
    "IDENTIFIKATIONS-ID: 92cdc3f9c4fb4ea688dabfef320e95f0" "Certifierad av Comfact Signature" \
    "2024-02-28 14:13:41 +01:00" "Ref: 116553SE"
# the signature block: chair and secretary side by side, then the two adjusters
has "$WORK/minutes.txt" "Johanna Buchalle Linda Johansson" "Mötesordförande Sekreterare" \
    "Therese Petersson Joakim Dahlström" "Justerare Justerare"
pages=$(pdfinfo "$MIN" 2>/dev/null | awk '/^Pages:/ { print $2 }')
dated=0
i=1
while [ "$i" -le "${pages:-0}" ]; do
    pdftotext -f $i -l $i "$MIN" - 2>/dev/null | grep -m1 . | grep -q "2024-02-23" && dated=$((dated + 1))
    i=$((i + 1))
done
expect "the date heads each of the minutes' $pages pages" [ "${pages:-0}" -ge 3 -a "$dated" -eq "$pages" ]
pdftotext -f "$pages" -l "$pages" "$MIN" - 2>/dev/null | grep -q "UNDERSKRIFTSSIDA" &&
    ok "the e-signatures have the last page" || not_ok "the e-signatures have the last page"

# --- the summary --------------------------------------------------------------
text_of "$SUM" >"$WORK/summary.txt"
pdfinfo "$SUM" >"$WORK/summary-info.txt" 2>&1
expect "the summary is one page" grep -q "^Pages: *1$" "$WORK/summary-info.txt"
has "$WORK/summary.txt" "Möte 2024-02-23, Vrigstad vårdshus" "Närvarande 22 deltagare" \
    "Ordförande Johanna Buchalle" "Sekreterare Linda Johansson" \
    "Justerare Therese Petersson och Joakim Dahlström" \
    "2 Val av justerare Justerare för mötet: Therese Petersson, KSO Sävsjö och Joakim" \
    "5 Långsiktig finansiering av IT-Spåret Man vill invänta utvärderingen, en fortsatt dialog är nödvändig i" \
    "Fokus på samverkan runt unga som varken arbetar eller studerar" \
    "Effektutvärdering och uppföljning av finansierade insatser" \
    "8 Sammankalla medlemssamråd 2025 Tranås –" \
    "Tranås är sammankallande till nästa möte 2025."
decisions=$(grep -c "^[0-9][0-9a-z]* " "$WORK/summary.txt")
expect "the summary lists 4 decisions and 1 action ($decisions)" [ "$decisions" -eq 5 ]

# --- the comparison -----------------------------------------------------------
text_of "$CMP" >"$WORK/comparison.txt"
# Seed 002's slides: budget and outcome 2023 of Södra Vätterbygden, Höglandet
# and Finnveden; outcome − budget: 9 097 400 − 9 579 500 = −482 100 (−5,0 %),
# 7 745 914 − 8 054 000 = −308 086 (−3,8 %), 5 782 200 − 6 409 000 = −626 800
# (−9,8 %); Höglandet's result 8 169 803 − 7 745 914 = 423 889 where the slide
# prints 308 086; its equity 1 639 471 of 8 036 000 is 20,4 %.
has "$WORK/comparison.txt" "2023 (kr) Södra Vätterbygden Höglandet Finnveden" \
    "Medlemsavgifter – 8 036 000 –" \
    "Budget (kostnader) 9 579 500 8 054 000 6 409 000" \
    "Utfall (kostnader) 9 097 400 7 745 914 5 782 200" \
    "Utfall mot budget −482 100 −308 086 −626 800" \
    "Utfall mot budget i procent −5,0 % −3,8 % −9,8 %" \
    "Resultat (intäkter − kostnader) – 423 889 –" \
    "Resultat enligt underlaget – 308 086 –" \
    "Eget kapital vid årets slut – 1 639 471 –" \
    "Budget 2024 11 356 500 8 236 000 5 944 500"
# the cost split as the slides print it: 74/10/16, 55/25/15/5, 63/24/13 %
has "$WORK/comparison.txt" "Fördelning av utfallet 2023" \
    "Individinriktade insatser 74 % 55 % 63 %" \
    "Strukturövergripande insatser 10 % 25 % 24 %" \
    "Administration 16 % 15 % 13 %" \
    "Övrigt 0 % 5 % 0 %" \
    "Administration, andel av utfallet 16 % 15 % 13 %" \
    "Eget kapital, andel av medlemsavgifterna – 20,4 % –"
# participants: Södra Vätterbygden 24+27+23+0+35 = 109 women and
# 38+17+13+4+27 = 99 men (52,4 % women); exits to work or studies 4+5, 2+1,
# 2+1 = 15 of 20+40+14 = 74 (20,3 %); Finnveden 76, 3 of 31 (9,7 %)
has "$WORK/comparison.txt" "Deltagare 208 218 76" "Kvinnor 109 98 –" "Män 99 120 –" \
    "Andel kvinnor 52,4 % 45,0 % –" "Avslutade 74 65 31" \
    "Avslutade till arbete eller studier 15 – 3" "20,3 % – 9,7 %"
# IT-spåret: 3 women and 14 men in 2023 (1 and 19 in 2022), 562 500 kr per party
has "$WORK/comparison.txt" "Gemensam insats: IT-spåret" "Kostnad: 562 500 kr per part och år." \
    "IT-spåret 2022 2023" "Kvinnor 1 3" "Män 19 14" "Deltagare 20 17" \
    "Avslutade till arbete 4 2" "Södra Vätterbygden 7 4 4" "Höglandet 12 12 17" "Finnveden 1 1 –" "Totalt 20 17"
# the warnings a board should see, in the note and on standard error
has "$WORK/comparison.txt" "Att observera: kontrollen av underlaget gav 3 varningar"
tr '\n' ' ' <"$WORK/comparison.txt" | sed 's/- //g; s/ \{1,\}/ /g' >"$WORK/comparison-flat.txt"
# in the note as Swedish sentences about the figures, never naming a file
for want in "Södra Vätterbygden: FIA 2023: avslutsorsakerna summerar till 15, men avsluten är 14" \
            "Höglandet: Resultatet 2023 står som 308 086 i underlaget, men intäkterna minus kostnaderna ger 423 889" \
            "Höglandet: IT-spåret 2023: förbundet räknar 17 egna deltagare, men den gemensamma insatsen räknar 12 för det"; do
    grep -qF "$want" "$WORK/comparison-flat.txt" && ok "the note says: $want" ||
        not_ok "the note says: $want" "$(cat "$WORK/comparison-flat.txt")"
done
if grep -qE "\.yaml|rad [0-9]|likely cause|add up to" "$WORK/comparison-flat.txt"; then
    not_ok "the note names no file and has no English"
else
    ok "the note names no file and has no English"
fi
for want in "the exit reasons add up to 15 but the exits are 14" \
            "the printed result is 308 086 but income − costs is 423 889" \
            "Höglandet counts 17 participants of its own but the joint intervention counts 12"; do
    sed "s/$NBSP/ /g" "$WORK/build.err" | grep -qF "$want" && ok "standard error says: $want" ||
        not_ok "standard error says: $want" "$(cat "$WORK/build.err")"
done

# --- a wide comparison: two years side by side turn their pages ------------------
W=$WORK/wide
mkdir -p "$W"
cp -R plans/sodra-vatterbygden plans/hoglandet plans/finnveden "$W/"
mkdir "$W/jonkoping"
sed 's/years: \[2023\]/years: [2022, 2023]/' plans/jonkoping/group.yaml >"$W/jonkoping/group.yaml"
"$BIN" build "$W" -o "$WORK/wide-out" -q >/dev/null 2>"$WORK/wide.err"
WIDE=$WORK/wide-out/jonkoping/comparison.pdf
if [ -s "$WIDE" ]; then ok "a comparison of 2022 and 2023 builds"; sound "$WIDE"; else
    not_ok "a comparison of 2022 and 2023 builds" "$(cat "$WORK/wide.err")"; fi
landscape=$(pdfinfo -l 99 "$WIDE" 2>/dev/null | awk '/^Page .* size:/ && $4 > $6 { n++ } END { print n + 0 }')
expect "its wide tables are on landscape pages ($landscape)" [ "$landscape" -ge 1 ]
text_of "$WIDE" >"$WORK/wide.txt"
# Höglandet's 2022: 1 + 84 women and 19 + 91 men
has "$WORK/wide.txt" "Södra Vätterbygden 2022" "Höglandet 2023" "Deltagare – 195 – 208 218 76"
grep -q "Finnvedens samordningsförbund 2022: there is no .*outcome-2022.yaml" "$WORK/wide.err" &&
    ok "a year without an outcome file is a warning" ||
    not_ok "a year without an outcome file is a warning" "$(cat "$WORK/wide.err")"

e2e_finish "e2e documents (meeting)"
