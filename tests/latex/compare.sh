#!/bin/sh
# Sets the prose of a plan three ways and counts what a reader sees of each
# with tests/typography.py: planpress as it is, LuaLaTeX, and LuaLaTeX with
# microtype (font expansion and protrusion), on planpress's geometry (A4,
# 25 mm margins, Liberation Sans 10.5 pt, leading 1.35, paragraphs 6 pt
# apart, justified, Swedish hyphenation with at least 2 and 3 letters either
# side). Prints a Markdown table (docs/typography.md holds the last one) and
# leaves the PDFs in OUT_DIR for a look (pdftoppm -r 60 -png).
#
# usage: sh tests/latex/compare.sh [PLAN] [OUT_DIR]
#   PLAN     default plans/insjoriket/plan-2020.yaml
#   OUT_DIR  default /tmp/planpress-latex
# Run from the checkout after `make`. Installs what it needs from Debian
# (texlive-luatex, texlive-latex-recommended, texlive-lang-european,
# cmark-gfm) when lualatex is missing: make and make test never need TeX.
set -eu
PLAN=${1:-plans/insjoriket/plan-2020.yaml}
OUT=${2:-/tmp/planpress-latex}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"

if ! command -v lualatex >/dev/null || ! command -v cmark-gfm >/dev/null; then
    SUDO=$([ "$(id -u)" -eq 0 ] && echo "" || echo sudo)
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends \
        texlive-luatex texlive-latex-recommended texlive-lang-european cmark-gfm
fi
make -s .build/planpress .build/bench/markdown >/dev/null
mkdir -p "$OUT"

# planpress, as `make` builds it
name=$(basename "$PLAN" .yaml)
SOURCE_DATE_EPOCH=1700000000 .build/planpress render "$PLAN" -o "$OUT/planpress.pdf" >/dev/null

# The same Markdown, without the fenced blocks (cover, table of contents),
# as LaTeX through cmark-gfm.
.build/bench/markdown "$PLAN" templates |
    awk '/^```/ { fence = !fence; next } !fence' |
    cmark-gfm --extension table -t latex >"$OUT/body.tex"

preamble() { # preamble WITH_MICROTYPE
    cat <<'TEX'
\documentclass{article}
\usepackage[a4paper,margin=25mm]{geometry}
\usepackage{fontspec}
\setmainfont{Liberation Sans}
\usepackage[swedish]{babel}
\providehyphenmins{swedish}{23}
\usepackage{hyperref}
\setlength{\parindent}{0pt}
\setlength{\parskip}{6pt}
\pagestyle{plain}
\makeatletter
\renewcommand\section{\@startsection{section}{1}{0pt}{20pt}{8pt}{\fontsize{18}{22}\selectfont\bfseries}}
\renewcommand\subsection{\@startsection{subsection}{2}{0pt}{14pt}{6pt}{\fontsize{13.5}{17}\selectfont\bfseries}}
\renewcommand\subsubsection{\@startsection{subsubsection}{3}{0pt}{10pt}{4pt}{\fontsize{11.5}{15}\selectfont\bfseries}}
\makeatother
\setcounter{secnumdepth}{0}
TEX
    [ "$1" = yes ] && echo '\usepackage[expansion=true,protrusion=true]{microtype}'
    cat <<'TEX'
\begin{document}
\fontsize{10.5}{14.175}\selectfont
\input{body}
\end{document}
TEX
}
for variant in lualatex microtype; do
    preamble "$([ $variant = microtype ] && echo yes || echo no)" >"$OUT/$variant.tex"
    (cd "$OUT" && lualatex -interaction=batchmode -halt-on-error "$variant.tex" >/dev/null 2>&1) ||
        { echo "lualatex failed: see $OUT/$variant.log" >&2; exit 1; }
done

python3 tests/typography.py --tsv "$OUT/planpress.pdf" "$OUT/lualatex.pdf" "$OUT/microtype.pdf" |
    awk -F'\t' -v plan="$name" '
        NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i
                  print "| " plan " | hyphenated line ends | runs of 2 / of 3 | tails | word space p5 | median | p95 (× natural) | lines > 2× | pages |"
                  print "| --- | --: | --: | --: | --: | --: | --: | --: | --: |"; next }
        /^[^ ]/ { n = $1; sub(/.*\//, "", n); sub(/\.pdf$/, "", n)
                  label = n == "planpress" ? "planpress" : n == "lualatex" ? "LuaLaTeX" : "LuaLaTeX + microtype"
                  cmd = "pdfinfo " $1 " | sed -n \"s/^Pages: *//p\""; cmd | getline pages; close(cmd)
                  printf "| %s | %s | %s / %s | %s | %s | %s | %s | %s | %s |\n", label, $col["hyph"], $col["run2"], $col["run3"], $col["tails"], $col["p5"], $col["median"], $col["p95"], $col["over2"], pages }'
