#!/bin/sh
# End-to-end tests of the packaging: what make and make test install, what
# make install and make install-strip put where, the systemd units (checked
# by systemd-analyze), the bash completion (run in bash) and the manual page
# (every command, kind and file).
# usage: sh tests/e2e_install.sh PATH/TO/planpress
set -u
. "$(dirname "$0")/e2e_lib.sh"
e2e_start planpress-install "$1"

# ---- what make installs -------------------------------------------------------------
run_pkgs=$(sh .ci/deps --list)
test_pkgs=$(sh .ci/deps --list test)
only_tests=""
for p in clang libclang-rt-dev mupdf-tools poppler-utils qpdf libcmocka-dev python3-jsonschema; do
    case " $run_pkgs " in *" $p "*) only_tests="$only_tests $p" ;; esac
done
expect "make's packages hold no test tool" [ -z "$only_tests" ]
missing=""
for p in $run_pkgs clang mupdf-tools poppler-utils qpdf libcmocka-dev python3-jsonschema python3-yaml; do
    case " $(echo $test_pkgs) " in *" $p "*) ;; *) missing="$missing $p" ;; esac
done
expect "make test's packages are make's and the test tools" [ -z "$missing" ]
make -n BUILD="$WORK/fresh" render >"$WORK/out" 2>"$WORK/err"
expect "make on a fresh build folder runs .ci/deps without the test tools" \
    sh -c "grep -q '^sh .ci/deps\$' '$WORK/out' || ! grep -q 'deps test' '$WORK/out'"
make -n BUILD="$WORK/fresh" unit >"$WORK/out" 2>"$WORK/err"
expect "make test's targets install the test tools first" grep -q 'sh .ci/deps test' "$WORK/out"

# ---- make install ---------------------------------------------------------------------
STAGE=$WORK/stage
make -s install DESTDIR="$STAGE" PREFIX=/usr >"$WORK/out" 2>&1
expect "make install DESTDIR=... PREFIX=/usr succeeds" [ $? -eq 0 ]
want="usr/bin/planpress usr/share/man/man1/planpress.1 usr/share/planpress/templates/plan.mustache
usr/share/planpress/templates/style.yaml usr/share/doc/planpress/README.md
usr/share/doc/planpress/docs/markdown.md usr/share/doc/planpress/docs/formats/plan.md
usr/share/doc/planpress/docs/schema/plan.schema.json usr/share/doc/planpress/docs/schema/minutes.schema.json
usr/share/doc/planpress/plans/samsund/plan-2024.yaml usr/share/doc/planpress/plans/jonkoping/group.yaml
usr/lib/systemd/system/planpress.service usr/lib/systemd/system/planpress.timer
usr/share/bash-completion/completions/planpress usr/share/locale/sv/LC_MESSAGES/planpress.mo"
absent=""
for f in $want; do [ -e "$STAGE/$f" ] || absent="$absent $f"; done
expect "it installs the binary, templates, manual, formats, schemas, samples, units, completion and messages" \
    sh -c "[ -z '$absent' ] || { echo 'missing:$absent'; false; }"
expect "... every schema and format document" \
    sh -c "[ $(ls docs/schema/*.json | wc -l) -eq \$(ls '$STAGE/usr/share/doc/planpress/docs/schema' | wc -l) ] &&
           [ $(ls docs/formats/*.md | wc -l) -eq \$(ls '$STAGE/usr/share/doc/planpress/docs/formats' | wc -l) ]"
expect "the installed binary is not stripped by make install" \
    sh -c "readelf -S '$STAGE/usr/bin/planpress' | grep -q '\.symtab'"
(cd "$WORK" && LC_ALL=C.UTF-8 LANGUAGE=sv "$STAGE/usr/bin/planpress" help render) >"$WORK/out" 2>&1
expect "the installed binary finds its Swedish messages beside it" \
    grep -q '^användning: planpress render' "$WORK/out"
make -s install-strip DESTDIR="$WORK/stripped" PREFIX=/usr >"$WORK/out" 2>&1
expect "make install-strip strips it" \
    sh -c "[ -x '$WORK/stripped/usr/bin/planpress' ] && ! readelf -S '$WORK/stripped/usr/bin/planpress' | grep -q '\.symtab'"
expect "... and the stripped binary runs" sh -c "'$WORK/stripped/usr/bin/planpress' --version >/dev/null"
make -s uninstall DESTDIR="$WORK/stripped" PREFIX=/usr >"$WORK/out" 2>&1
expect "make uninstall takes it all away again" \
    [ -z "$(find "$WORK/stripped" -type f)" ]

# ---- the systemd units -------------------------------------------------------------------
UNIT=$STAGE/usr/lib/systemd/system/planpress.service
expect "the service runs the installed binary in the project folder" \
    sh -c "grep -qx 'ExecStart=/usr/bin/planpress build -q --json out/summary.json' '$UNIT' &&
           grep -qx 'WorkingDirectory=/srv/planpress' '$UNIT'"
hardening_missing=""
for line in ProtectSystem=strict ReadWritePaths=/srv/planpress/out NoNewPrivileges=yes PrivateTmp=yes; do
    grep -qx "$line" "$UNIT" || hardening_missing="$hardening_missing $line"
done
expect "... hardened: ProtectSystem=strict, ReadWritePaths=, NoNewPrivileges=, PrivateTmp=" \
    [ -z "$hardening_missing" ]
if command -v systemd-analyze >/dev/null 2>&1; then
    mkdir "$WORK/units"
    sed "s|/usr/bin/planpress|$STAGE/usr/bin/planpress|" "$UNIT" >"$WORK/units/planpress.service"
    cp "$STAGE/usr/lib/systemd/system/planpress.timer" "$WORK/units/"
    MANPATH=$STAGE/usr/share/man systemd-analyze verify "$WORK/units/planpress.service" \
        "$WORK/units/planpress.timer" >"$WORK/out" 2>"$WORK/err"
    expect "systemd-analyze verify accepts the service and the timer" [ $? -eq 0 ]
    systemd-analyze security --offline=true "$WORK/units/planpress.service" >"$WORK/out" 2>"$WORK/err"
    level=$(sed -n 's/.*Overall exposure level for planpress.service: \([0-9.]*\).*/\1/p' "$WORK/out")
    expect "systemd-analyze security rates its exposure below 3 ($level)" \
        awk -v l="$level" 'BEGIN { exit !(l != "" && l < 3) }'
else
    echo "# systemd-analyze is not installed: the units are checked by their lines only"
fi
make -s install DESTDIR="$WORK/srv" PREFIX=/opt/pp PROJECT=/var/lib/plans >"$WORK/out" 2>&1
expect "PREFIX and PROJECT reach the service" \
    sh -c "grep -qx 'ExecStart=/opt/pp/bin/planpress build -q --json out/summary.json' '$WORK/srv/opt/pp/lib/systemd/system/planpress.service' &&
           grep -qx 'ReadWritePaths=/var/lib/plans/out' '$WORK/srv/opt/pp/lib/systemd/system/planpress.service'"

# ---- the bash completion -------------------------------------------------------------------
COMPLETION=$STAGE/usr/share/bash-completion/completions/planpress
complete_words() { # complete_words WORD...: what the completion offers for the last word
    bash -c '. /usr/share/bash-completion/bash_completion 2>/dev/null; . "$0"
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
        _planpress planpress "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf "%s\n" "${COMPREPLY[@]}"' "$COMPLETION" "$@" 2>&1 | sort | tr '\n' ' '
}
if [ -f /usr/share/bash-completion/bash_completion ]; then
    offered=" $(complete_words planpress '')"
    not_offered=""
    for c in build check help init render watch; do
        case $offered in *" $c "*) ;; *) not_offered="$not_offered $c" ;; esac
    done
    expect "bash completes the commands (and, for build, folders)" [ -z "$not_offered" ]
    expect "... the kinds after --kind" \
        sh -c "[ \"$(complete_words planpress render --kind '')\" = 'comparison minutes plan report summary ' ]"
    expect "... a command's options" \
        sh -c "echo '$(complete_words planpress check --)' | grep -q -- '--json'"
    expect "... data files for render" \
        sh -c "echo '$(cd plans/samsund && complete_words planpress render '')' | grep -q 'plan-2024.yaml'"
else
    not_ok "bash completion: /usr/share/bash-completion/bash_completion is missing (.ci/deps test installs it)"
fi

# ---- the manual page: every command, kind and file ---------------------------------------------
MAN=docs/planpress.1
commands=$("$BIN" --help | sed -n '/^commands:/,/^$/p' | grep -E '^  [a-z]' | awk '{ print $1 }')
undocumented=""
for c in $commands; do grep -q "^\.B[IR]* \"*$c[ \"]" "$MAN" || grep -q "^\.BR* $c\$" "$MAN" || undocumented="$undocumented $c"; done
expect "the manual has every command of --help ($(echo $commands))" [ -z "$undocumented" -a -n "$commands" ]
kinds=$("$BIN" render --kind frobnicate x 2>&1 | sed -n 's/.*kinds: //p' | tr -d ',')
unlisted=""
for k in $kinds; do grep -q "\.BR* $k\( \|,\|\$\)" "$MAN" || unlisted="$unlisted $k"; done
expect "the manual has every kind of document ($kinds)" [ -z "$unlisted" -a -n "$kinds" ]
files_missing=""
for f in 'association.yaml' 'plan\\-YEAR.yaml' 'outcome\\-YEAR.yaml' 'minutes\\-DATE.yaml' 'group.yaml' \
    'NAME.mustache' 'style.yaml' '.planpress/manifest' 'planpress.service' 'planpress.timer' \
    'bash\\-completion' 'share/doc/planpress' 'planpress.mo' '\*.csv'; do
    sed -n '/^\.SH FILES/,/^\.SH /p' "$MAN" | grep -q "$f" || files_missing="$files_missing $f"
done
expect "the manual's FILES name every file planpress reads or installs" \
    sh -c "[ -z '$files_missing' ] || { echo 'missing:$files_missing'; false; }"
man -l "$MAN" >/dev/null 2>"$WORK/err" || true
expect "man reads the manual without complaint" [ ! -s "$WORK/err" ]

e2e_finish e2e_install
