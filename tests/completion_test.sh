#!/bin/sh
# Bash completion (issue #15): commands, a command's flags, scenario ids, --format values.
# Usage: completion_test.sh SOURCE_DIR. Skips when bash-completion is not installed.
set -u
SRC=$1
BC=/usr/share/bash-completion/bash_completion
command -v bash >/dev/null 2>&1 && [ -f $BC ] || { echo "SKIP: bash-completion is not installed"; exit 0; }
cd "$SRC" || exit 1
bash -c '
. '"$BC"'
. dist/bash-completion/mfc-trainer
fail=0
complete_line() { # words… → prints the candidates for the last word
  COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
  COMPREPLY=(); _mfc_trainer; printf "%s\n" "${COMPREPLY[@]}"
}
want() { # needle words…
  needle=$1; shift
  if complete_line "$@" | grep -qx -- "$needle"; then echo "ok: $* → $needle"; else
    echo "FAIL: $* does not offer $needle"; fail=1; fi
}
want play mfc-trainer pl
want report mfc-trainer re
want --trainee-name mfc-trainer play x --trainee-n
want --output mfc-trainer report --outp
want passport-45-late mfc-trainer play passport-45
want passport-45-late mfc-trainer explore --scenarios scenarios passport-45
want html mfc-trainer report --format h
want xapi mfc-trainer export --format x
want set mfc-trainer pin s
want --system mfc-trainer pin set --sys
want sync mfc-trainer syn
want --central mfc-trainer report --cent
want --batch mfc-trainer sync --bat
want import mfc-trainer roster im
want init mfc-trainer central in
exit $fail
'
