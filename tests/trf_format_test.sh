#!/bin/sh
# trf_format_test.sh — TRF(STR_X) keeps -Wformat checking a table format against the call's
# arguments (see i18n.h): a call with the right arguments compiles under -Werror, one with a
# wrong argument type or a missing argument does not, and a table format with no conversions
# passes -Wformat-security while the same text through tr() would not.
#   sh tests/trf_format_test.sh CC SOURCE_ROOT
set -u
CC=$1
ROOT=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
FLAGS="-std=c11 -Wall -Wextra -Wpedantic -Wformat=2 -Wno-format-nonliteral -Werror -I$ROOT/engine/core"

try() { # try NAME EXPECT(ok|error) BODY
  printf '#include <stdio.h>\n#include "i18n.h"\nvoid f(const char *s, int n);\nvoid f(const char *s, int n)\n{\n    (void)s; (void)n;\n    %s;\n}\n' "$3" >"$T/$1.c"
  if "$CC" $FLAGS -c "$T/$1.c" -o "$T/$1.o" 2>"$T/$1.log"; then got=ok; else got=error; fi
  if [ "$got" = "$2" ]; then
    echo "ok: $1"
  else
    echo "FAIL: $1: expected $2, got $got"; cat "$T/$1.log"; fail=1
  fi
}

# STR_LOAD_OUT_OF_RANGE: "значение %s вне допустимых пределов: от %s до %s"
try right_args ok 'printf(TRF(STR_LOAD_OUT_OF_RANGE), s, s, s)'
try wrong_type error 'printf(TRF(STR_LOAD_OUT_OF_RANGE), s, n, s)'
try missing_arg error 'printf(TRF(STR_LOAD_OUT_OF_RANGE), s, s)'
# STR_LOAD_EXPECTED_OBJECT: "ожидался объект" (no conversions)
try no_args_trf ok 'printf(TRF(STR_LOAD_EXPECTED_OBJECT))'
try no_args_tr error 'printf(tr(STR_LOAD_EXPECTED_OBJECT))'
# a format from another part of the table (STR_SYNC_READ_ENTRY: "чтение записи %lld журнала: %s")
try other_part error 'printf(TRF(STR_SYNC_READ_ENTRY), n, s)'
exit $fail
