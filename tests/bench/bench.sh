#!/bin/bash
# The benchmark (make bench): builds 1, 10, 100 and 1 000 generated
# associations (generate.py) and the samples, measures wall time, documents
# and pages per second, peak memory per worker and the no-change rebuild,
# and times the Samsund plan through planpress, through pandoc with
# wkhtmltopdf and with WeasyPrint, and through Typst 0.14, as whole processes,
# side by side, and planpress and Typst in a warm process. Prints a table and
# writes it to docs/performance.md. Not a test: nothing here fails on a slow
# figure; the targets are reported as met or not.
#
# The peers are optional: pandoc and its engines come from Debian (installed
# here when missing), Typst from npm (@myriaddreamin/typst-ts-node-compiler,
# installed once into $PLANPRESS_BENCH_CACHE, by default
# ~/.cache/planpress-bench); a peer that cannot be had is reported as not
# available. The helpers typst (Markdown to Typst markup) and bench_pdf are
# looked for beside MARKDOWN_HELPER and in its parent folder.
#
# usage: bench.sh PLANPRESS MARKDOWN_HELPER [OUTPUT.md]
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
MARKDOWN=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
REPORT=${3:-$ROOT/docs/performance.md}
SIZES=${BENCH_SIZES:-1 10 100 1000}
REPEAT=${BENCH_REPEAT:-5}
HELPERS=$(dirname "$MARKDOWN")
TYPST_MARKUP=$HELPERS/typst
BENCH_PDF=$(dirname "$HELPERS")/bench_pdf
CACHE=${PLANPRESS_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/planpress-bench}
TYPST_PACKAGE=@myriaddreamin/typst-ts-node-compiler@0.7.0 # Typst 0.14
TYPST_MODULES=$CACHE/typst/node_modules
# In memory (tmpfs) where there is one: every cold build deletes the
# thousands of files of the one before, and a disk file system's cost of
# creating files among recently deleted ones would blur the program's own.
# A nightly run replaces its PDFs in place and pays no such cost.
WORK_ROOT=/tmp
[ -d /dev/shm ] && [ -w /dev/shm ] && WORK_ROOT=/dev/shm
WORK=$(mktemp -d "$WORK_ROOT/planpress-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$ROOT" || exit 1
export SOURCE_DATE_EPOCH=1700000000
export LC_ALL=C # EPOCHREALTIME with a decimal point

# The peers come from Debian, installed here rather than by .ci/deps.
install_peers() {
    missing=""
    for p in pandoc wkhtmltopdf weasyprint; do
        command -v "$p" >/dev/null || missing="$missing $p"
    done
    [ -z "$missing" ] && return
    echo "installing:$missing" >&2
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo=sudo
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        $missing >/dev/null || echo "bench: could not install$missing" >&2
}

# Typst from npm into the cache folder, once; nothing when node or npm is
# missing or the registry cannot be reached.
install_typst() {
    [ -d "$TYPST_MODULES/@myriaddreamin/typst-ts-node-compiler" ] && return
    command -v node >/dev/null && command -v npm >/dev/null || return
    echo "installing: $TYPST_PACKAGE into $CACHE/typst" >&2
    mkdir -p "$CACHE/typst"
    npm install --prefix "$CACHE/typst" --no-audit --no-fund --silent "$TYPST_PACKAGE" >/dev/null 2>&1 ||
        echo "bench: could not install $TYPST_PACKAGE" >&2
}
typst_ready() {
    [ -x "$TYPST_MARKUP" ] && [ -d "$TYPST_MODULES/@myriaddreamin/typst-ts-node-compiler" ] &&
        command -v node >/dev/null
}
typst_run() { node "$ROOT/tests/bench/typst.js" "$TYPST_MODULES" "$@"; }

# run_timed OUT COMMAND...: runs once, appends "wall_seconds max_rss_kb" to OUT
# (wall time from bash's clock around /usr/bin/time, which rounds to 10 ms).
run_timed() {
    local out=$1 status start end
    shift
    start=$EPOCHREALTIME
    /usr/bin/time -f "%M" -o "$WORK/time" "$@" >/dev/null 2>"$WORK/stderr"
    status=$?
    end=$EPOCHREALTIME
    report_status $status "$@"
    echo "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }') $(tail -1 "$WORK/time")" >>"$out"
}

# run_wall OUT COMMAND...: runs once, appends its wall time in seconds to OUT;
# the process alone, with nothing around it, for the side-by-side timings.
run_wall() {
    local out=$1 status start end
    shift
    start=$EPOCHREALTIME
    "$@" >/dev/null 2>"$WORK/stderr"
    status=$?
    end=$EPOCHREALTIME
    report_status $status "$@"
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f\n", b - a }' >>"$out"
}

report_status() { # STATUS COMMAND...
    local status=$1
    shift
    [ "$status" -ne 0 ] && echo "bench: exit $status from $*: $(tail -3 "$WORK/stderr")" >&2
    return 0
}

# The median of column $2 (1: wall, 2: memory) of file $1.
median() { sort -n -k"$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { print v[int((NR + 1) / 2)] }'; }

# A fresh output folder every time: a cold build.
cold_builds() { # NAME REPEAT ARGS...
    local name=$1 times=$2
    shift 2
    : >"$WORK/$name.times"
    for _ in $(seq "$times"); do
        rm -rf "$WORK/out-$name"
        run_timed "$WORK/$name.times" "$BIN" build "$@" -o "$WORK/out-$name"
    done
}

# A warm process: planpress's document_render_plan (bench_pdf, the thread's
# CPU time per fresh document). One block of rounds is one moment of a
# shared machine, so blocks are taken at several points of the benchmark
# and the median is of all their documents.
warm_block() {
    [ -x "$BENCH_PDF" ] || return 0
    if "$BENCH_PDF" plans/samsund/plan-2024.yaml "$warm_rounds" "$WORK/warm.times" >/dev/null 2>&1; then
        warm_blocks=$((warm_blocks + 1)) # its times appended, all of them
    else
        echo "bench: bench_pdf failed" >&2
    fi
}
warm_rounds=$((REPEAT * 20 + 1))
warm_blocks=0
block_medians() {
    local b
    for ((b = 0; b < warm_blocks; b++)); do
        sed -n "$((b * warm_rounds + 1)),$(((b + 1) * warm_rounds))p" "$WORK/warm.times" >"$WORK/warm-block"
        median "$WORK/warm-block" 1
    done
}

pages_in() { find "$1" -name '*.pdf' -exec qpdf --show-npages {} \; | awk '{ s += $1 } END { print s + 0 }'; }
pdfs_in() { find "$1" -name '*.pdf' | wc -l; }
fmt() { awk -v x="$1" -v d="${2:-3}" 'BEGIN { printf "%.*f", d, x }'; }

JOBS_FLAG=""
if "$BIN" build --help 2>&1 | grep -q -- '--jobs'; then JOBS_FLAG=1; fi
jobs() { [ -n "$JOBS_FLAG" ] && echo "-j$1"; }

install_peers
install_typst

# --- the machine -------------------------------------------------------------
cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -1)
machine="$cpu, $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB, $(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r)"
version="$("$BIN" --version) ($(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)), $(cc --version | head -1)"
load_before=$(cut -d' ' -f1 /proc/loadavg)
echo "machine: $machine"
echo "planpress: $version"

# --- start-up and the samples ------------------------------------------------
# Start-up: a whole process that loads the style, fonts and hyphenation and
# builds one plan of a title and a line, so that almost all of it is fixed cost.
mkdir -p "$WORK/tiny/tiny"
cp plans/samsund/association.yaml "$WORK/tiny/tiny/"
printf 'plan:\n  year: 2024\n  title: Plan\n  sections:\n    - {heading: Plan, body: En rad.}\n' \
    >"$WORK/tiny/tiny/plan-2024.yaml"
warm_block
cold_builds startup "$REPEAT" "$WORK/tiny"
startup=$(median "$WORK/startup.times" 1)
cold_builds samples "$REPEAT" plans $(jobs 2)
samples=$(median "$WORK/samples.times" 1)
sample_docs=$(pdfs_in "$WORK/out-samples")
sample_pages=$(pages_in "$WORK/out-samples")

# --- the generated associations ----------------------------------------------
rows=""
declare -A wall
for n in $SIZES; do
    gen=$WORK/gen-$n
    python3 tests/bench/generate.py "$n" "$gen"
    reps=$REPEAT
    [ "$n" -ge 100 ] && reps=3
    cold_builds "one-$n" "$reps" "$gen" $(jobs 1)
    cold_builds "two-$n" "$reps" "$gen" $(jobs 2)
    # The no-change rebuild: the same build again over its own output.
    : >"$WORK/again-$n.times"
    for _ in $(seq "$reps"); do
        run_timed "$WORK/again-$n.times" "$BIN" build "$gen" -o "$WORK/out-two-$n" $(jobs 2)
    done
    # One plan touched and not changed: its file is read and hashed again,
    # and nothing is built.
    touched=$(ls "$gen"/*/plan-*.yaml | head -1)
    : >"$WORK/touched-$n.times"
    for _ in $(seq "$reps"); do
        touch "$touched"
        run_timed "$WORK/touched-$n.times" "$BIN" build "$gen" -o "$WORK/out-two-$n" $(jobs 2)
    done
    docs=$(pdfs_in "$WORK/out-two-$n")
    pages=$(pages_in "$WORK/out-two-$n")
    w1=$(median "$WORK/one-$n.times" 1)
    w2=$(median "$WORK/two-$n.times" 1)
    wall[$n]=$w2
    mem1=$(median "$WORK/one-$n.times" 2)
    mem2=$(median "$WORK/two-$n.times" 2)
    again=$(median "$WORK/again-$n.times" 1)
    touched_wall=$(median "$WORK/touched-$n.times" 1)
    dps=$(awk -v d="$docs" -v w="$w2" 'BEGIN { printf "%.0f", (w > 0 ? d / w : 0) }')
    pps=$(awk -v d="$pages" -v w="$w2" 'BEGIN { printf "%.0f", (w > 0 ? d / w : 0) }')
    row="| $n | $docs | $pages | $(fmt "$w1") | $(fmt "$w2") | $dps | $pps | $(fmt "$(awk -v k="$mem1" 'BEGIN { print k / 1024 }')" 1) | $(fmt "$(awk -v k="$mem2" 'BEGIN { print k / 1024 }')" 1) | $(fmt "$again") | $(fmt "$touched_wall") |"
    echo "$row"
    rows+="$row"$'\n'
    warm_block
done

# --- the same Samsund document through the peers -------------------------------
"$MARKDOWN" plans/samsund/plan-2024.yaml templates >"$WORK/samsund.md" 2>/dev/null
mkdir -p "$WORK/samsund/samsund"
cp plans/samsund/*.yaml "$WORK/samsund/samsund/"
# Interleaved, one run of each in turn, so that a busy moment of the machine
# falls on all alike. planpress and Typst, the closest peer, take three
# times the rounds of the slow pandoc pipelines.
peer_repeat=$((REPEAT * 2 + 1))
close_repeat=$((peer_repeat * 3))
: >"$WORK/samsund.times"
for engine in wkhtmltopdf weasyprint typst; do : >"$WORK/$engine.times"; done
typst_version=""
if typst_ready; then
    "$TYPST_MARKUP" <"$WORK/samsund.md" >"$WORK/samsund.typ"
    typst_version=$(typst_run --version 2>/dev/null)
fi
for round in $(seq "$close_repeat"); do
    rm -rf "$WORK/out-samsund"
    run_wall "$WORK/samsund.times" "$BIN" build "$WORK/samsund/samsund/plan-2024.yaml" \
        -o "$WORK/out-samsund"
    for engine in wkhtmltopdf weasyprint; do
        if [ "$round" -le "$peer_repeat" ] && command -v pandoc >/dev/null && command -v "$engine" >/dev/null; then
            rm -f "$WORK/$engine.pdf"
            run_wall "$WORK/$engine.times" pandoc "$WORK/samsund.md" -f gfm -s \
                --metadata title="Verksamhetsplan 2024" --pdf-engine="$engine" -o "$WORK/$engine.pdf"
        fi
    done
    if [ -n "$typst_version" ]; then
        rm -f "$WORK/typst.pdf"
        run_wall "$WORK/typst.times" typst_run "$WORK/samsund.typ" "$WORK/typst.pdf"
    fi
done
ours=$(median "$WORK/samsund.times" 1)
ours_pages=$(pages_in "$WORK/out-samsund")
peer_rows=""
for engine in wkhtmltopdf weasyprint typst; do
    label="pandoc + $engine"
    [ "$engine" = typst ] && label="Typst ${typst_version:-0.14} (npm, node)"
    if [ -s "$WORK/$engine.pdf" ]; then
        t=$(median "$WORK/$engine.times" 1)
        ratio=$(awk -v a="$t" -v b="$ours" 'BEGIN { printf "%.0f", (b > 0 ? a / b : 0) }')
        eval "ratio_$engine=$ratio"
        peer_rows+="| $label | $(fmt "$t") | $(qpdf --show-npages "$WORK/$engine.pdf") | $(($(stat -c %s "$WORK/$engine.pdf") / 1024)) | $ratio × |"$'\n'
    else
        eval "ratio_$engine=0"
        peer_rows+="| $label | not available | | | |"$'\n'
    fi
done

# The warm blocks' documents together, and Typst's compiler kept (wall
# time, one block), per fresh document, medians.
warm_block
warm_ours="" warm_spread=""
if [ -s "$WORK/warm.times" ]; then
    warm_ours=$(fmt "$(median "$WORK/warm.times" 1)")
    warm_spread=$(block_medians | sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.3f to %.3f", lo, hi }')
fi
warm_typst=""
[ -n "$typst_version" ] && warm_typst=$(typst_run "$WORK/samsund.typ" "$WORK/typst-warm.pdf" "$warm_rounds" 2>/dev/null | tail -1)
warm_ratio=$(awk -v a="${warm_typst:-0}" -v b="${warm_ours:-0}" 'BEGIN { printf "%.0f", (b > 0 ? a / b : 0) }')
ours_pdf=$(find "$WORK/out-samsund" -name '*.pdf' | head -1)
ours_row="| planpress | $(fmt "$ours") | $ours_pages | $(($(stat -c %s "$ours_pdf") / 1024)) | 1 × |"

# Plan-sized documents: the plans alone of the largest set (minutes and
# their one-page summaries are smaller documents).
max_n=$(echo $SIZES | awk '{ print $NF }')
# shellcheck disable=SC2046
cold_builds "plans-$max_n" 3 $(ls "$WORK/gen-$max_n"/*/plan-*.yaml) $(jobs 2)
plans_wall=$(median "$WORK/plans-$max_n.times" 1)
plans_docs=$(pdfs_in "$WORK/out-plans-$max_n")
plans_dps=$(awk -v d="$plans_docs" -v w="$plans_wall" 'BEGIN { printf "%.0f", (w > 0 ? d / w : 0) }')

# An årsredovisning (an SIE file read and checked, the statements, notes and
# overview computed) against a plan, per page after start-up: the books
# must cost no more than the prose.
cold_builds annual "$REPEAT" plans/sodra-vatterbygden/arsredovisning-2023.yaml
annual_wall=$(median "$WORK/annual.times" 1)
annual_pages=$(pages_in "$WORK/out-annual")
cold_builds plan "$REPEAT" plans/samsund/plan-2024.yaml
plan_wall=$(median "$WORK/plan.times" 1)
plan_pages=$(pages_in "$WORK/out-plan")
# Under load a whole process can take less than the start-up measured apart:
# then the document's own time is not measurable, and the ratio says so.
per_page() { awk -v w="$1" -v s="$startup" -v p="$2" 'BEGIN { if (p > 0 && w > s) printf "%.4f", (w - s) / p; else print "n/a" }'; }
annual_pp=$(per_page "$annual_wall" "$annual_pages")
plan_pp=$(per_page "$plan_wall" "$plan_pages")
annual_ratio=$(awk -v a="$annual_pp" -v b="$plan_pp" 'BEGIN { if (a == "n/a" || b == "n/a") print "n/a"; else printf "%.2f", a / b }')

load_after=$(cut -d' ' -f1 /proc/loadavg)

# --- the targets ---------------------------------------------------------------
verdict() { if awk "BEGIN { exit !($1) }"; then echo met; else echo "**not met**"; fi; }
again_max=$(median "$WORK/again-$max_n.times" 1)
touched_max=$(median "$WORK/touched-$max_n.times" 1)
mem_worker=$(for n in $SIZES; do median "$WORK/one-$n.times" 2; done | sort -n | tail -1)
mem_worker_mb=$(fmt "$(awk -v k="$mem_worker" 'BEGIN { print k / 1024 }')" 1)
linear="n/a"
if [ -n "${wall[10]:-}" ] && [ -n "${wall[1000]:-}" ]; then
    linear=$(awk -v a="${wall[1000]}" -v b="${wall[10]}" -v s="$startup" \
        'BEGIN { if (b > s) printf "%.0f", (a - s) / (b - s); else print "n/a" }')
fi
targets="| Samsund plan vs pandoc + wkhtmltopdf, whole processes | ≥ 50 × faster | ${ratio_wkhtmltopdf} × | $(verdict "${ratio_wkhtmltopdf} >= 50") |
| Samsund plan vs Typst 0.14, whole processes | ≥ 20 × faster | ${ratio_typst} × | $( [ "$ratio_typst" = 0 ] && echo "not measured" || verdict "${ratio_typst} >= 20") |
| a warm process, per fresh document (YAML to PDF file) | ≤ 4 ms | ${warm_ours:-n/a} ms | $( [ -z "$warm_ours" ] && echo "not measured" || verdict "${warm_ours} <= 4") |
| the sample set ($sample_docs documents), cold, -j2 | < 0.3 s | $(fmt "$samples") s | $(verdict "$samples < 0.3") |
| no-change rebuild of $max_n associations | ≤ 0.1 s | $(fmt "$again_max") s | $(verdict "$again_max <= 0.1") |
| the same with one plan touched, not changed | ≤ 0.1 s | $(fmt "$touched_max") s | $(verdict "$touched_max <= 0.1") |
| plan documents per second, -j2 ($plans_docs plans in $(fmt "$plans_wall") s) | ≥ 300 | $plans_dps | $(verdict "$plans_dps >= 300") |
| peak memory per worker (largest one-worker run) | < 30 MB | $mem_worker_mb MB | $(verdict "$mem_worker_mb < 30") |
| årsredovisning ($annual_pages pages, $(fmt "$annual_wall") s) vs the Samsund plan ($plan_pages pages, $(fmt "$plan_wall") s), per page after start-up | ≤ 1.25 × | $annual_ratio × | $( [ "$annual_ratio" = n/a ] && echo "not measurable: start-up above the whole process" || verdict "$annual_ratio <= 1.25") |
| 1 000 vs 10 associations, after start-up ($(fmt "$startup") s) | ≤ 110 × | $linear × | $( [ "$linear" = n/a ] && echo n/a || verdict "$linear <= 110") |"

jobs_note="with -j1 and -j2"
[ -z "$JOBS_FLAG" ] && jobs_note="one document at a time: this planpress has no -j, so both columns are the same sequential build"

{
    cat <<MD
# Performance

Measured by \`make bench\` (tests/bench/bench.sh) on $(date -u +%Y-%m-%d):

- machine: $machine
- planpress: $version
- load average (1 min) before and after the run: $load_before, $load_after (the
  machine was shared with other work; figures under load are slower)

The associations are generated by tests/bench/generate.py from the samples
(an association, a plan, an outcome and minutes each), and planpress builds
every document it finds among them (documents per association: $(awk -v d="$(pdfs_in "$WORK/out-two-$max_n")" -v n="$max_n" 'BEGIN { printf "%g", d / n }')).
Times are wall-clock medians of whole processes, each build into an
empty output folder ($jobs_note), inputs and outputs in $WORK_ROOT
($(stat -f -c %T "$WORK_ROOT")); memory is the peak resident set of the
process. The no-change rebuild is the same build run again over its own
output; then one plan's file is touched (\`touch\`, its content the same)
before each such build. Start-up (a process that loads the style, fonts and hyphenation and
builds a plan of one line) takes $(fmt "$startup") s; the
samples ($sample_docs documents, $sample_pages pages) take $(fmt "$samples") s.

| associations | documents | pages | wall -j1 (s) | wall -j2 (s) | documents/s -j2 | pages/s -j2 | peak MB -j1 | peak MB -j2 | no-change rebuild (s) | one plan touched (s) |
| --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |
$rows
## The same document through a peer pipeline

The Markdown planpress's default template makes of the Samsund plan
(tests/bench/markdown.c), typeset by pandoc ($(pandoc --version 2>/dev/null | head -1 | awk '{ print $2 }')) with
each PDF engine from Debian, and the same text as Typst markup
(tests/bench/typst.c: headings, lists, tables, footnotes, the outline)
compiled by Typst ${typst_version:-(not available)} (npm: $TYPST_PACKAGE, run by node $(node --version 2>/dev/null)
through tests/bench/typst.js), against \`planpress build plans/samsund/plan-2024.yaml\`;
whole processes taken in turn, medians of $close_repeat runs of planpress and
Typst and of $peer_repeat of the pandoc pipelines.

| pipeline | wall (s) | pages | KB | time / planpress |
| --- | --: | --: | --: | --: |
$ours_row
$peer_rows
In a warm process (the fonts loaded, the templates compiled), per fresh
document: planpress ${warm_ours:-n/a} ms (YAML to PDF file, bench_pdf, the
thread's CPU time; the median of $((warm_blocks * warm_rounds)) documents in $warm_blocks processes of
$warm_rounds taken at points through the benchmark, whose own medians were
${warm_spread:-n/a} ms), Typst ${warm_typst:-n/a} ms (the
compiler kept, each document with a sentence of its own so that none is a
copy of the one before, wall time): ${warm_ratio} ×.

## Targets

A target is met only when the median of its runs meets it: $close_repeat runs
of planpress and Typst and $peer_repeat of pandoc taken in turn for the
side-by-side timings, $((warm_blocks * warm_rounds)) documents in $warm_blocks warm processes, $REPEAT builds of the smaller sets and 3 of 100 or more associations;
the load is given at the top (the machine is shared: figures under load are
slower).

| target | goal | measured | |
| --- | --- | --: | --- |
$targets
MD
    # sections measured by hand (before and after a change) are kept
    [ -f "$REPORT" ] && sed -n '/^## Measured by hand/,$p' "$REPORT" | sed '1s/^/\n/'
} >"$WORK/performance.md"
mkdir -p "$(dirname "$REPORT")"
cp "$WORK/performance.md" "$REPORT"
echo
sed -n '/^| associations/,$p' "$REPORT"
echo "bench: written to $REPORT"
