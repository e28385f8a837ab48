#!/bin/sh
# How long a nightly run takes when little or nothing changed, over N copies
# of the sample association (default 1000). The first build is not timed.
# usage: sh tests/bench_batch.sh PATH/TO/planpress [N]
set -eu
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
N=${2:-1000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/planpress-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cd "$ROOT"
for i in $(seq -w 1 "$N"); do cp -R plans/samsund "$WORK/a$i"; done
"$BIN" build "$WORK" -o "$WORK/out" -q 2>/dev/null || true
# timed: the wall-clock seconds of a whole process
timed() {
    start=$(date +%s.%N)
    "$BIN" build "$WORK" -o "$WORK/out" -q --json "$WORK/run.json" 2>/dev/null || true
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }'
}
for run in 1 2 3 4 5; do
    echo "no change, run $run: $(timed) s for $N documents (goal: under 0.2 s)"
done
echo "# changed" >>"$WORK/a$(seq -w 1 "$N" | head -1)/plan-2024.yaml"
echo "one plan changed: $(timed) s, $(grep -c '"status": "built"' "$WORK/run.json") built"
echo "manifest: $(wc -c <"$WORK/out/.planpress/manifest") bytes"
