#!/bin/sh
# The fuzz targets' runs (see tests/fuzz/fuzz.h).
#
#   run.sh replay DIR            replays the seeds, the bad-input corpus and the
#                                regressions with DIR/replay_<target> (make test)
#   run.sh fuzz DIR SECONDS      fuzzes each target with DIR/fuzz_<target> for
#                                SECONDS, from a corpus kept in DIR/corpus, and
#                                fails when a target crashed (make fuzz);
#                                FUZZ_SEED fixes libFuzzer's seed (0: random)
#
# A crash is saved in DIR/crashes/<target>/; once understood it goes into
# tests/fuzz/regressions/<target>/, where every `make test` replays it.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TARGETS="load_plan load_association load_outcome load_minutes load_group mustache typeset sie csv"

# The seed inputs of a target: the samples, the templates, the bad-input corpus.
seeds() {
    case $1 in
    load_plan) ls "$ROOT"/plans/*/plan-*.yaml "$ROOT"/tests/bad/plan/*.yaml ;;
    load_association) ls "$ROOT"/plans/*/association.yaml "$ROOT"/tests/bad/association/*.yaml ;;
    load_outcome) ls "$ROOT"/plans/*/outcome-*.yaml "$ROOT"/tests/bad/outcome/*.yaml ;;
    load_minutes) ls "$ROOT"/plans/*/minutes-*.yaml "$ROOT"/tests/bad/minutes/*.yaml ;;
    load_group) ls "$ROOT"/plans/*/group.yaml "$ROOT"/tests/bad/group/*.yaml ;;
    mustache) ls "$ROOT"/templates/*.mustache "$ROOT"/plans/*/*.mustache "$ROOT"/tests/bad/template/*.mustache ;;
    typeset) ls "$ROOT"/tests/fuzz/seeds/typeset/* ;;
    sie) ls "$ROOT"/plans/*/*.se ;;
    csv) ls "$ROOT"/plans/*/*.csv "$ROOT"/tests/bad/csv/*.csv ;;
    esac 2>/dev/null
}

regressions() {
    [ -d "$ROOT/tests/fuzz/regressions/$1" ] && echo "$ROOT/tests/fuzz/regressions/$1"
}

replay() {
    dir=$1
    passed=0
    failed=0
    for t in $TARGETS; do
        # shellcheck disable=SC2046
        if "$dir/replay_$t" $(seeds "$t") $(regressions "$t"); then
            passed=$((passed + 1))
        else
            echo "not ok - replay_$t" >&2
            failed=$((failed + 1))
        fi
    done
    echo "replay: $passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}

fuzz() {
    dir=$1
    seconds=$2
    crashed=""
    for t in $TARGETS; do
        corpus=$dir/corpus/$t
        crashes=$dir/crashes/$t
        mkdir -p "$corpus" "$crashes"
        for s in $(seeds "$t"); do
            cp "$s" "$corpus/seed-$(basename "$(dirname "$s")")-$(basename "$s")"
        done
        echo "== $t: $seconds s from $(ls "$corpus" | wc -l) inputs"
        dict=""
        [ -f "$ROOT/tests/fuzz/$t.dict" ] && dict="-dict=$ROOT/tests/fuzz/$t.dict"
        [ -f "$ROOT/tests/fuzz/${t%%_*}.dict" ] && dict="-dict=$ROOT/tests/fuzz/${t%%_*}.dict"
        # shellcheck disable=SC2086
        if ! "$dir/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=1024 \
            -max_len=65536 -seed="${FUZZ_SEED:-0}" -print_final_stats=0 $dict \
            -artifact_prefix="$crashes/" "$corpus" >"$dir/$t.log" 2>&1; then
            crashed="$crashed $t"
            grep -aE "^==[0-9]+==ERROR|SUMMARY|^fuzz:|runtime error|Test unit written" "$dir/$t.log" | head -5
        else
            grep -aE "^#[0-9]+.*DONE" "$dir/$t.log" | tail -1
        fi
    done
    ncrashed=$(echo $crashed | wc -w)
    if [ -n "$crashed" ]; then
        echo "# crashes in$crashed; inputs in $dir/crashes/, logs in $dir/*.log" >&2
    fi
    echo "fuzz: $(($(echo $TARGETS | wc -w) - ncrashed)) passed, $ncrashed failed"
    [ -z "$crashed" ]
}

case ${1:-} in
replay) replay "$2" ;;
fuzz) fuzz "$2" "$3" ;;
*) echo "usage: run.sh replay DIR | fuzz DIR SECONDS" >&2; exit 2 ;;
esac
