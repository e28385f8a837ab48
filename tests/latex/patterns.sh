#!/bin/sh
# Compares the Swedish hyphenation of hyphen-sv (the default style's
# dictionary) with TeX's hyph-sv (Debian's texlive-lang-european), both as
# planpress loads them (tests/latex/hyphenate_words), on the words of the
# sample PDFs, scored against tests/typography/hyphenation-gold.txt: breaks
# a Swedish reader accepts, wrong breaks, and those next to a compound's
# joint. TeX's patterns are converted for libhyphen here, with libhyphen's
# own substrings.pl, into OUT_DIR; nothing of them is kept in the
# repository. Prints a Markdown table (docs/typography.md holds the last).
#
# usage: sh tests/latex/patterns.sh [OUT_DIR] [-v]
#   OUT_DIR  default /tmp/planpress-patterns; -v lists every wrong break
# Run from the checkout after `make`. Installs texlive-lang-european when
# its patterns are missing: make and make test never need them.
set -eu
OUT=${1:-/tmp/planpress-patterns}
VERBOSE=${2:-}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
TEX=/usr/share/texlive/texmf-dist/tex/generic/hyph-utf8/patterns/txt/hyph-sv.pat.txt
SV=$(sed -n 's/^ *dictionary: *//p' templates/style.yaml)
SUBSTRINGS=/usr/share/libhyphen/substrings.pl

if [ ! -r "$TEX" ]; then
    SUDO=$([ "$(id -u)" -eq 0 ] && echo "" || echo sudo)
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends \
        texlive-lang-european
fi
make -s .build/planpress .build/tests/latex/hyphenate_words >/dev/null
mkdir -p "$OUT"

# TeX's patterns, one a line, in the dictionary's ISO-8859-1, with the
# substrings libhyphen's matcher needs, and TeX's own minimums (1 and 2)
tr -s ' ' '\n' <"$TEX" | grep . | iconv -f UTF-8 -t ISO-8859-1 >"$OUT/hyph-sv.pat"
perl "$SUBSTRINGS" "$OUT/hyph-sv.pat" "$OUT/hyph_sv_tex.dic" ISO8859-1 1 2 >/dev/null

# the words of the samples, six letters or more, as the PDFs read
SOURCE_DATE_EPOCH=1700000000 .build/planpress build -q -f plans -o "$OUT/pdf" >/dev/null 2>&1 || true
find "$OUT/pdf" -name '*.pdf' | sort | while read -r pdf; do pdftotext "$pdf" -; done |
    tr -cs 'A-Za-zÅÄÖåäöÉé' '\n' | tr 'A-ZÅÄÖÉ' 'a-zåäöé' | awk 'length($0) >= 6' | sort -u >"$OUT/words"

.build/tests/latex/hyphenate_words "$SV" 2 3 <"$OUT/words" >"$OUT/hyphen-sv"
.build/tests/latex/hyphenate_words "$OUT/hyph_sv_tex.dic" 2 3 <"$OUT/words" >"$OUT/tex"
python3 tests/latex/patterns.py tests/typography/hyphenation-gold.txt \
    "hyphen-sv=$OUT/hyphen-sv" "TeX hyph-sv=$OUT/tex" $VERBOSE
