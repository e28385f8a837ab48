#!/bin/sh
# End-to-end tests of the layout of tables, the table of contents, charts and
# signature blocks: a test association whose plan sections and template hold
# the Markdown goes through the real pipeline, and the PDF is read back page by page with
# pdftotext and pdfinfo.
# usage: sh tests/e2e_layout.sh PATH/TO/planpress [KEEP_DIR]
#   KEEP_DIR, when given, keeps the plans and the PDF there for a look.
set -u
. "$(dirname "$0")/e2e_lib.sh"
e2e_start planpress-layout "$1" "${2:-}"

expect() { # expect NAME CONDITION-STATUS [DETAIL]
    if [ "$2" -eq 0 ]; then ok "$1"; else not_ok "$1" "${3:-}"; fi
}
page_text() { pdftotext -layout -f "$1" -l "$1" "$PDF" - 2>/dev/null; }

# --- the test document -------------------------------------------------------
PLANS=$WORK/plans/prov
mkdir -p "$PLANS"
cat >"$PLANS/association.yaml" <<'EOF'
association:
  name: Samordningsförbundet Provet
  members:
    - {name: Arbetsförmedlingen, kind: state}
    - {name: Försäkringskassan, kind: state}
    - {name: Region Provland, kind: region}
    - {name: Provby kommun, kind: municipality}
EOF

long_table() { # a table of 90 rows: longer than a page
    echo '        | Insats i långa tabellen | Deltagare | Kostnad (tkr) | Andel |'
    echo '        |:--|--:|--:|--:|'
    i=1
    while [ $i -le 90 ]; do
        printf '        | Insats nummer %d | %d | 1 %03d | %d,5 %% |\n' $i $((i * 3)) $((i * 7)) $((i % 40))
        i=$((i + 1))
    done
    echo '        | **Totalt** | **12 285** | **100 000** | **100 %** |'
}

wide_table() { # twelve years of figures for three associations
    printf '        | Förbund |'
    y=2014
    while [ $y -le 2025 ]; do printf ' Utfall %d |' $y; y=$((y + 1)); done
    printf '\n        |:--|'
    y=2014
    while [ $y -le 2025 ]; do printf -- '--:|'; y=$((y + 1)); done
    echo
    for name in Höglandet Södra\ Vätterbygden Finnveden; do
        printf '        | %s |' "$name"
        y=2014
        while [ $y -le 2025 ]; do printf ' 12 %03d |' $((y - 2000)); y=$((y + 1)); done
        echo
    done
}

many_sections() { # enough headings for two pages of contents
    i=1
    while [ $i -le 60 ]; do
        n=$(printf '%02d' $i)
        echo "    - heading: \"Avsnitt $n om samverkan\""
        echo "      level: 2"
        echo "      body: |"
        echo "        Text i avsnitt $n. Förbundet följer upp insatserna och redovisar dem för styrelsen."
        i=$((i + 1))
    done
}

{
    cat <<'EOF'
plan:
  year: 2024
  title: Provdokument för sättning
  sections:
    - heading: En lång tabell
      body: |
        Tabellen nedan är längre än en sida och fortsätter på nästa.

EOF
    long_table
    cat <<'EOF'
    - heading: Jämförelse över tolv år
      body: |
        Tabellen är för bred för en stående sida.

EOF
    wide_table
    many_sections
} >"$PLANS/plan-2024.yaml"

# The blocks only a template may set (contents, charts, signatures: data
# text may not, see docs/markdown.md) come from the association's template.
cat >"$PLANS/plan.mustache" <<'EOF'
# Innehåll

```toc
```

{{#sections}}
{{{hashes}}} {{heading}}

{{{body}}}

{{/sections}}
# Diagram över kostnaderna

```chart
type: stacked
title: Kostnadsfördelning 2023
percent: true
categories: [Höglandet, Södra Vätterbygden, Finnveden]
series:
  - {name: Individinriktade insatser, values: [74, 55, 60]}
  - {name: Strukturövergripande insatser, values: [10, 25, 22]}
  - {name: Administration, values: [16, 15, 18]}
```

```chart
type: grouped
title: Medlemsavgifter
unit: tkr
categories: [Staten, Regionen, Kommunerna]
series:
  - {name: Budget 2024, values: [3040, 1520, 1520]}
  - {name: Budget 2025, values: [3125, 1563, 1563]}
```

# Underskrifter

```signatures
place: Jönköping
date: 2024-02-23
signers:
  - {name: Johanna Buchalle, role: Mötesordförande}
  - {name: Linda Johansson, role: Sekreterare}
  - {name: Therese Petersson, role: Justerare}
  - {name: Joakim Dahlström, role: Justerare}
```
EOF

OUT=$WORK/out
if "$BIN" build "$WORK/plans" -o "$OUT" -q >"$WORK/build.log" 2>&1; then
    ok "the layout test document builds"
else
    not_ok "the layout test document builds" "$(cat "$WORK/build.log")"
fi
PDF=$OUT/prov/plan-2024.pdf
qpdf --check "$PDF" >/dev/null 2>&1
expect "qpdf --check passes" $?
PAGES=$(pdfinfo "$PDF" 2>/dev/null | awk '/^Pages:/ { print $2 }')
PAGES=${PAGES:-0}

# --- the long table: its header on every page it continues on ----------------
first=0
last=0
p=1
while [ "$p" -le "$PAGES" ]; do
    if page_text "$p" | grep -q 'Insats nummer [0-9]'; then
        [ "$first" -eq 0 ] && first=$p
        last=$p
    fi
    p=$((p + 1))
done
[ "$first" -gt 0 ] && [ "$last" -gt "$first" ]
expect "the long table runs over more than one page (pages $first-$last)" $?
missing=""
p=$first
while [ "$first" -gt 0 ] && [ "$p" -le "$last" ]; do
    page_text "$p" | grep -q 'Insats i långa tabellen *Deltagare *Kostnad (tkr) *Andel' ||
        missing="$missing $p"
    p=$((p + 1))
done
[ -z "$missing" ] && [ "$first" -gt 0 ]
expect "the header row is repeated on every page of the long table" $? "no header on page(s)$missing"
rows=$(pdftotext -layout "$PDF" - 2>/dev/null | grep -c 'Insats nummer [0-9]')
[ "$rows" -eq 90 ]
expect "every row of the long table is printed once (found $rows)" $?
pdftotext -layout "$PDF" - 2>/dev/null | grep -q 'Insats nummer 7 *21 *1 049 *7,5 %'
expect "figures keep their Swedish form in the table" $?

# --- the wide table: on a landscape page (its twelve columns of figures do not
# fit upright even with their headings wrapped), within the margins ----------
wide=0
p=1
while [ "$p" -le "$PAGES" ]; do
    page_text "$p" | grep -q 'Höglandet *12 014' && wide=$p
    p=$((p + 1))
done
size=$(pdfinfo -f "$wide" -l "$wide" "$PDF" 2>/dev/null | awk '/^Page.*size:/ { print $4, $6 }')
[ "$wide" -gt 0 ] && echo "$size" | awk '{ exit !($1 > $2) }'
expect "the wide table is set on a landscape page (page $wide: $size)" $?
page_text "$wide" | grep -q 'Höglandet *12 014 *12 015 *12 016 *12 017 *12 018 *12 019 *12 020 *12 021 *12 022 *12 023 *12 024 *12 025'
expect "the wide table keeps its figures on one line" $?
next=$((wide + 1))
size=$(pdfinfo -f "$next" -l "$next" "$PDF" 2>/dev/null | awk '/^Page.*size:/ { print $4, $6 }')
echo "$size" | awk '{ exit !($1 < $2) }'
expect "the page after the wide table is upright again ($size)" $?
# Text must stay inside the page: pdftotext -bbox gives every word's box.
outside=$(pdftotext -bbox "$PDF" - 2>/dev/null | awk '
    /<page / { match($0, /width="[0-9.]+"/); w = substr($0, RSTART + 7, RLENGTH - 8) + 0 }
    /<word / { match($0, /xMax="[0-9.]+"/); x = substr($0, RSTART + 6, RLENGTH - 7) + 0
               if (x > w - 70) n++ }
    END { print n + 0 }')
[ "$outside" -eq 0 ]
expect "no word reaches into the right margin" $? "$outside words do"

# --- the table of contents: its numbers are the pages of the headings --------
toc_pages=""
p=1
while [ "$p" -le 4 ]; do
    page_text "$p" | grep -q 'Avsnitt 01 om samverkan *\(\. \)*\.* *[0-9]' && toc_pages="$toc_pages $p"
    page_text "$p" | grep -q 'Avsnitt 60 om samverkan *\(\. \)*\.* *[0-9]' && toc_pages="$toc_pages $p"
    p=$((p + 1))
done
toc_first=$(echo $toc_pages | awk '{ print $1 }')
toc_last=$(echo $toc_pages | awk '{ print $NF }')
[ -n "$toc_first" ] && [ "$toc_last" -gt "$toc_first" ]
expect "the table of contents takes two pages (${toc_first:-?}-${toc_last:-?})" $?
entries=$WORK/toc.txt
: >"$entries"
p=${toc_first:-1}
while [ "$p" -le "${toc_last:-0}" ]; do
    page_text "$p" | sed -En 's/^ *(.*[^ .]) +(\. )+\.? *([0-9]+) *$/\3\t\1/p' >>"$entries"
    p=$((p + 1))
done
count=$(wc -l <"$entries")
[ "$count" -eq 64 ]
expect "the table of contents lists every heading after it (found $count)" $? "$(cat "$entries")"
wrong=""
while IFS="$(printf '\t')" read -r number title; do
    found=0
    p=$toc_first # a table of contents line has leaders: it is no match for the heading
    while [ "$p" -le "$PAGES" ]; do
        if page_text "$p" | grep -qx " *$title *"; then
            found=$p
            break
        fi
        p=$((p + 1))
    done
    [ "$found" -eq "$number" ] || wrong="$wrong
$title: listed on $number, found on $found"
done <"$entries"
[ -z "$wrong" ] && [ "$count" -gt 0 ]
expect "every page number in the table of contents is the page of its heading" $? "$wrong"
links=$(qpdf --qdf --object-streams=disable "$PDF" - 2>/dev/null | grep -ac '/Subtype /Link')
[ "$links" -ge 64 ]
expect "the entries are links ($links links)" $?

# --- charts and signatures ---------------------------------------------------
text=$WORK/all.txt
pdftotext "$PDF" "$text" 2>/dev/null
# (pdftotext gives the no-break spaces of Swedish figures as plain spaces)
for want in "Kostnadsfördelning 2023" "Södra Vätterbygden" "Individinriktade insatser" \
            "Administration" "74 %" "25 %" "100 %" "Medlemsavgifter" "tkr" \
            "3 125" "1 563" "Jönköping 2024-02-23" "Johanna Buchalle" \
            "Mötesordförande" "Joakim Dahlström" "Justerare"; do
    grep -qF -- "$want" "$text"
    expect "the text has \"$want\"" $?
done

e2e_finish "e2e layout"
