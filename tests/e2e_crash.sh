#!/bin/sh
# One document that crashes its process fails alone. A run of 48 copies of
# the sample plan, four of which hold a marker that the stand-in library
# tests/crash/inject.c (preloaded in place of libharu's HPDF_String_New,
# which writes the outline's headings) turns into a crash in the process
# building them: a write through a null
# pointer, abort(), a stack overflow, an early exit. The 44 others must be
# built, the manifest and the JSON summary must record every one, the next
# run must build only the four again, and once they are mended only they.
# Then one that hangs for ever: SIGTERM must still end the run.
# usage: sh tests/e2e_crash.sh PATH/TO/planpress [PATH/TO/libinject.so]
set -u
. "$(dirname "$0")/e2e_lib.sh"
e2e_start planpress-crash "$1"
INJECT=$(cd "$(dirname "${2:-$(dirname "$1")/tests/libinject.so}")" && pwd)/$(basename "${2:-libinject.so}")
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH
# A sanitized planpress comes first in the library list; the stand-in is
# preloaded all the same.
ASAN_OPTIONS=${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}verify_asan_link_order=0
export ASAN_OPTIONS

B=$WORK/batch
mkdir -p "$B/plans"
cp -r templates "$B/templates"
for i in $(seq -w 1 48); do cp -r plans/samsund "$B/plans/a$i"; done
mark() { # mark NN MARKER: the marker in the first section's heading of aNN
    sed -i "0,/^    - heading: \"/s//    - heading: \"$2 /" "$B/plans/a$1/plan-2024.yaml"
}
unmark() { sed -i 's/INJECT-[A-Z]* //' "$B/plans/a$1/plan-2024.yaml"; }
mark 07 INJECT-SEGFAULT
mark 19 INJECT-ABORT
mark 31 INJECT-RECURSION
mark 44 INJECT-EXIT
CRASHED="a07/plan-2024.pdf a19/plan-2024.pdf a31/plan-2024.pdf a44/plan-2024.pdf"

run_in() { # run_in DIR ARGS...: a build of DIR/plans into DIR/out, the stand-in preloaded
    dir=$1
    shift
    (cd "$dir" && LD_PRELOAD=$INJECT "$BIN" build plans -o out -t templates -j2 -q \
        --json "$WORK/last.json" "$@") >"$WORK/out" 2>"$WORK/err"
    rc=$?
}
run() { run_in "$B" "$@"; }
with_status() { # the outputs of the last run with status $1, on one line
    grep '"output"' "$WORK/last.json" | grep "\"status\": \"$1\"" |
        sed 's/.*"output": "\([^"]*\)".*/\1/' | sort | tr '\n' ' ' | sed 's/ $//'
}
count() { [ -z "$1" ] && echo 0 || echo "$1" | wc -w; }
show() { cat "$WORK/err" | grep -v "warning:" | head -20; }
built_cleanly() { # DIR EXPECTED OK-TEXT [NOT-OK-TEXT]: the last run in DIR exited 0,
    # built exactly EXPECTED and left no temporary file in DIR/out
    if [ "$rc" -eq 0 ] && [ "$(with_status built)" = "$2" ] && [ -z "$(find "$1/out" -name '*.tmp')" ]; then
        ok "$3"
    else
        not_ok "${4:-$3}" "status $rc, built [$(with_status built)]
$(show)"
    fi
}

run
gotfailed=$(with_status failed)
built=$(with_status built)
if [ "$rc" -eq 1 ] && [ "$gotfailed" = "$CRASHED" ] && [ "$(count "$built")" -eq 44 ]; then
    ok "four crashing documents fail, the 44 others are built (exit 1)"
else
    not_ok "four crashing documents fail, the 44 others are built" "status $rc, failed [$gotfailed], $(count "$built") built
$(show)"
fi
pdfs=$(find "$B/out" -name '*.pdf' | wc -l)
bad=0
for f in $(find "$B/out" -name '*.pdf'); do qpdf --check "$f" >/dev/null 2>&1 || bad=$((bad + 1)); done
if [ "$pdfs" -eq 44 ] && [ "$bad" -eq 0 ] && [ -z "$(find "$B/out" -name '*.tmp')" ]; then
    ok "44 valid PDFs and no temporary file"
else
    not_ok "44 valid PDFs and no temporary file" "$pdfs PDFs, $bad invalid, $(find "$B/out" -name '*.tmp')"
fi
if grep -q "a07/plan-2024.yaml: error: not built: the process building it crashed (signal 11, Segmentation fault)" "$WORK/err" &&
    grep -q "a19/plan-2024.yaml: error: not built: the process building it crashed (signal 6, Aborted)" "$WORK/err" &&
    grep -q "a44/plan-2024.yaml: error: not built: the process building it ended before it was done (exit status 3)" "$WORK/err" &&
    grep -q "a31/plan-2024.yaml: error: not built: the process building it" "$WORK/err"; then
    ok "each crash is an error of its document, saying how it ended"
elif grep -q __asan_init "$BIN" && grep -q "a07/plan-2024.yaml: error: not built: the process building it ended" "$WORK/err"; then
    ok "each crash is an error of its document (the sanitizer's handler ends it with a status)"
else
    not_ok "each crash is an error of its document, saying how it ended" "$(show)"
fi
records=$(grep -c '^doc ' "$B/out/.planpress/manifest" 2>/dev/null || echo 0)
if grep -q '"status": "failed"' "$WORK/last.json" && [ "$records" -eq 44 ]; then
    ok "the manifest records the 44 built, the summary all 48"
else
    not_ok "the manifest records the 44 built, the summary all 48" "$records records in the manifest"
fi

run
if [ "$rc" -eq 1 ] && [ "$(with_status failed)" = "$CRASHED" ] && [ "$(count "$(with_status built)")" -eq 0 ] &&
    [ "$(count "$(with_status "up to date")")" -eq 44 ]; then
    ok "the next run tries only the four again"
else
    not_ok "the next run tries only the four again" "status $rc, failed [$(with_status failed)], built [$(with_status built)]"
fi

for n in 07 19 31 44; do unmark $n; done
run
if [ "$rc" -eq 0 ] && [ "$(with_status built)" = "$CRASHED" ] && [ "$(count "$(with_status "up to date")")" -eq 44 ]; then
    ok "mended, only the four are built"
else
    not_ok "mended, only the four are built" "status $rc, built [$(with_status built)]
$(show)"
fi

# Documents whose process never returns: SIGTERM still stops the run, the
# hung processes are killed after the grace of 10 s, the lock is let go.
# Two of them, built by workers; then one alone, which the run builds in
# its own process: the same grace, then the run ends of the signal.
hang_then_term() { # hang_then_term NAME EXPECTED-BUILT-AFTER NN...
    name=$1 after=$2
    shift 2
    for n in "$@"; do mark "$n" INJECT-HANG; done
    (cd "$B" && LD_PRELOAD=$INJECT exec "$BIN" build plans -o out -t templates -j2 -q) >"$WORK/out" 2>"$WORK/err" &
    pid=$!
    i=0
    while [ $# -gt 1 ] && [ $i -lt 100 ] && ! pgrep -P "$pid" >/dev/null; do sleep 0.1; i=$((i + 1)); done
    sleep 1
    kill -TERM "$pid"
    started=$(date +%s)
    wait "$pid"
    rc=$?
    took=$(($(date +%s) - started))
    if [ "$rc" -eq 143 ] && [ "$took" -le 20 ] && grep -q "a$1/plan-2024.yaml: error: not built: still under way 10 s after the signal to stop" "$WORK/err"; then
        ok "SIGTERM stops a run whose $name hangs (${took} s, status $rc)"
    else
        not_ok "SIGTERM stops a run whose $name hangs" "status $rc after ${took} s
$(show)"
    fi
    for n in "$@"; do unmark "$n" && echo "# mended" >>"$B/plans/a$n/plan-2024.yaml"; done
    run
    built_cleanly "$B" "$after" "... the lock was let go: the next run builds what was left, and no temporary file stays" \
        "... the lock was let go: the next run builds what was left"
}
hang_then_term "documents" "a12/plan-2024.pdf a13/plan-2024.pdf" 12 13
hang_then_term "one document, built in its own process," "a12/plan-2024.pdf" 12

# One document alone that crashes the run's process: the manifest and the
# last good PDF stay as they were, and the next run builds it again.
cp "$B/out/a07/plan-2024.pdf" "$WORK/a07.pdf"
cp "$B/out/.planpress/manifest" "$WORK/manifest"
mark 07 INJECT-SEGFAULT
run
# (under AddressSanitizer its handler ends the process with a status)
if { [ "$rc" -ge 128 ] || { grep -q __asan_init "$BIN" && [ "$rc" -ne 0 ]; }; } && cmp -s "$B/out/a07/plan-2024.pdf" "$WORK/a07.pdf" && cmp -s "$B/out/.planpress/manifest" "$WORK/manifest"; then
    ok "one document alone crashes the run: the manifest and the last good PDF are kept (status $rc)"
else
    not_ok "one document alone crashes the run: the manifest and the last good PDF are kept" "status $rc
$(show)"
fi
unmark 07
echo "# mended" >>"$B/plans/a07/plan-2024.yaml"
run
built_cleanly "$B" "a07/plan-2024.pdf" "... the next run builds it again and removes the temporary file"

# Minutes and their summary, built together in one worker (their file is
# loaded once): a crash building the minutes (the marker is in the heading
# of an item the summary leaves out) fails both, each saying so, the plan beside them is
# built, and once mended the next run builds the two again.
M=$WORK/meeting
mkdir -p "$M/plans/m" "$M/plans/p"
cp -r templates "$M/templates"
cp -r plans/samsund/. "$M/plans/p/"
cp plans/samsund/association.yaml "$M/plans/m/"
sed -e '/^  associations:/d' -e 's/^      title: Presentation$/      title: Presentation INJECT-SEGFAULT/' \
    plans/jonkoping/minutes-2024-02-23.yaml >"$M/plans/m/minutes-2024-02-23.yaml"
MEETING="m/minutes-2024-02-23-summary.pdf m/minutes-2024-02-23.pdf"
run_in "$M"
if [ "$rc" -eq 1 ] && [ "$(with_status failed)" = "$MEETING" ] && [ "$(with_status built)" = "p/plan-2024.pdf" ] &&
    [ "$(grep -c "m/minutes-2024-02-23.yaml: error: not built: the process building it" "$WORK/err")" -eq 2 ]; then
    ok "a crash building minutes fails them and their summary, built together; the plan is built"
else
    not_ok "a crash building minutes fails them and their summary, built together" "status $rc, failed [$(with_status failed)], built [$(with_status built)]
$(show)"
fi
sed -i 's/ INJECT-SEGFAULT$//' "$M/plans/m/minutes-2024-02-23.yaml"
run_in "$M"
built_cleanly "$M" "$MEETING" "... mended, the next run builds the two"

e2e_finish e2e_crash
