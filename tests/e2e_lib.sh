# What the end-to-end scripts share, sourced by each: the binary under test,
# a work folder, TAP-like "ok"/"not ok" lines with counts, and the closing
# "NAME: N passed, N failed" line.
#
# e2e_start PREFIX BIN [KEEP_DIR]
#   sets BIN (absolute), ROOT (the checkout) and WORK (a new folder under
#   /tmp named PREFIX.XXXXXX, removed at exit; or KEEP_DIR, kept for a look),
#   and changes to ROOT.
e2e_start() {
    BIN=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
    ROOT=$(cd "$(dirname "$0")/.." && pwd)
    if [ -n "${3:-}" ]; then
        WORK=$3
        mkdir -p "$WORK"
    else
        WORK=$(mktemp -d "/tmp/$1.XXXXXX")
        trap 'rm -rf "$WORK"' EXIT
    fi
    cd "$ROOT" || exit 1
    passed=0
    failed=0
}

ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; [ -n "${2:-}" ] && echo "$2" | sed 's/^/#   /'; }

# expect NAME CONDITION-COMMAND...: ok when the command succeeds; else not ok
# with the last run's output ($WORK/err and $WORK/out).
expect() { # expect NAME CONDITION-COMMAND... (shows the last run's output on failure)
    name=$1
    shift
    if "$@"; then ok "$name"; else not_ok "$name" "$(cat "$WORK/err" "$WORK/out" 2>/dev/null | head -20)"; fi
}

# e2e_finish NAME: the closing line; the status says whether all passed.
e2e_finish() {
    echo "$1: $passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
