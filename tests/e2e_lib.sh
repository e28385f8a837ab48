# What the end-to-end scripts share, sourced by each: the binary under test,
# a work folder, TAP-like "ok"/"not ok" lines with counts, and the closing
# "NAME: N passed, N failed" line.
#
# e2e_start PREFIX BIN [KEEP_DIR]
#   sets BIN (absolute), ROOT (the checkout) and WORK (a new folder under
#   /tmp named PREFIX.XXXXXX, removed at exit; or KEEP_DIR, kept for a look),
#   and changes to ROOT. The messages are English whatever the user's locale
#   (tests/e2e_i18n.sh asks for Swedish itself).
e2e_start() {
    LC_ALL=C.UTF-8
    export LC_ALL
    unset LANGUAGE
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

# What the document scripts check with (a script may define its own expect).
expect() { # expect NAME COMMAND...
    name=$1
    shift
    if "$@"; then ok "$name"; else not_ok "$name"; fi
}
NBSP=$(printf '\302\240')
# The text of a PDF as lines with single spaces (a no-break space is a space),
# so that a table row reads "Budget (kostnader) 9 579 500 8 054 000 …";
# pdftotext leaves out the no-break space of a short "5 %", which is there.
text_of() {
    pdftotext -layout "$1" - 2>/dev/null |
        sed "s/$NBSP/ /g; s/[[:space:]]\{1,\}/ /g; s/^ //; s/ \$//; s/\([0-9]\)%/\1 %/g"
}
has() { # has FILE TEXT...: every TEXT is in FILE
    f=$1
    shift
    for want in "$@"; do
        if grep -qF -- "$want" "$f"; then ok "$(basename "$f" .txt) has \"$want\""; else
            not_ok "$(basename "$f" .txt) has \"$want\""; fi
    done
}
# A sound PDF that pdftotext reads without a word on standard error.
sound() {
    if qpdf --check "$1" >"$WORK/qpdf.out" 2>&1; then ok "qpdf --check: $(basename "$1")"; else
        not_ok "qpdf --check: $(basename "$1")" "$(cat "$WORK/qpdf.out")"; fi
    pdftotext "$1" /dev/null 2>"$WORK/stderr"
    if [ ! -s "$WORK/stderr" ]; then ok "pdftotext reads $(basename "$1") without a warning"; else
        not_ok "pdftotext reads $(basename "$1") without a warning" "$(cat "$WORK/stderr")"; fi
}
