#!/bin/sh
# Layering: each third-party library is included from one module only, and modules include
# only the modules below them. Usage: layers_test.sh SOURCE_DIR
set -u
cd "$1/engine" || exit 2
fail=0
only_in() { # pattern allowed-dir description
  hits=$(grep -rlE "#[[:space:]]*include[[:space:]]*[<\"]($1)" --include='*.c' --include='*.h' . \
         | grep -v "^\./$2/" || true)
  if [ -n "$hits" ]; then echo "FAIL: $3 outside engine/$2: $hits" >&2; fail=1; fi
}
only_in 'lua\.h|lauxlib\.h|lualib\.h' script "Lua"
only_in 'cjson/cJSON\.h|cJSON\.h' scenario "cJSON"
only_in 'sqlite3\.h' store "SQLite"
only_in 'SDL' ui "SDL"
only_in 'sodium\.h|sodium/' crypto "libsodium"
only_in 'libpq-fe\.h|libpq/' central "libpq"
only_in 'archive\.h|archive_entry\.h' pack "libarchive"
only_in 'curl/' net "libcurl"
# dlopen: one loader for the libraries opened on first use (engine/core/dl.c); the modules
# above reach their library only through it.
only_in 'dlfcn\.h' core "dlopen"
# libspeechd: one file, not only one module (the voice's back end, engine/ui/speech.c).
hits=$(grep -rlE "#[[:space:]]*include[[:space:]]*[<\"](libspeechd\.h|speech-dispatcher/)" \
       --include='*.c' --include='*.h' . | grep -v "^\./ui/speech\.c$" || true)
if [ -n "$hits" ]; then echo "FAIL: libspeechd outside engine/ui/speech.c: $hits" >&2; fail=1; fi
# Lower modules never include higher ones.
below() { # dir forbidden-dirs...
  d=$1; shift
  for up in "$@"; do
    if grep -rqE "#include \"\.\./$up/" "$d"; then echo "FAIL: engine/$d includes engine/$up" >&2; fail=1; fi
  done
}
below core crypto pack scenario score script session store central net ui app
below crypto pack scenario score script session store central net ui app
below pack scenario score script session store central net ui app
below scenario crypto pack score script session store central net ui app
below score crypto pack script session store central net ui app
below script crypto pack score session store central net ui app
below session crypto pack store central net ui app
below store pack script session central net ui app
below central script session net ui app
below net script session central ui app
below ui app
[ $fail -eq 0 ] && echo "1 passed, 0 failed"
exit $fail
