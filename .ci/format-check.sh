#!/bin/sh
# Checks that the C sources are laid out as .clang-format says, with clang-format 14 (Debian 12
# package clang-format; another version formats differently). Lists each file that differs
# with the number of its lines clang-format would change, then the total; exit 0 when every
# file agrees, 1 when any differs, 2 when clang-format is missing or not version 14.
#   sh .ci/format-check.sh          engine/, tests/, bench/ and fuzz/ (what `make format` rewrites)
#   sh .ci/format-check.sh FILE...  those files
#   FORMAT_DIFF=1 sh .ci/format-check.sh   also print the changes themselves
set -u
cd "$(dirname "$0")/.."
CF=${CLANG_FORMAT:-clang-format}
if ! command -v "$CF" >/dev/null 2>&1; then
  echo "format-check: $CF not found (apt-get install clang-format)" >&2
  exit 2
fi
if ! "$CF" --version | grep -q 'version 14\.'; then
  echo "format-check: $("$CF" --version) is not clang-format 14, which .clang-format is written for" >&2
  exit 2
fi
if [ $# -gt 0 ]; then
  files="$*"
else
  files=$(git ls-files 'engine/*.c' 'engine/*.h' 'tests/*.c' 'tests/*.h' 'bench/*.c' 'bench/*.h' 'fuzz/*.c' 'fuzz/*.h')
fi
total=0
nfiles=0
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
for f in $files; do
  "$CF" --style=file "$f" | diff -u "$f" - >"$tmp"
  n=$(grep -c '^-[^-]' "$tmp")
  if [ "$n" -gt 0 ]; then
    echo "$f: $n lines"
    [ "${FORMAT_DIFF:-0}" = 1 ] && cat "$tmp"
    total=$((total + n))
    nfiles=$((nfiles + 1))
  fi
done
if [ "$total" -gt 0 ]; then
  echo "format-check: $nfiles files, $total lines differ from .clang-format (make format rewrites them)"
  exit 1
fi
echo "format-check: every file agrees with .clang-format"
