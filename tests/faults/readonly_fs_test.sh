#!/bin/sh
# A results database that cannot be written is said to be so (issue #16, finding 9): on a disk
# mounted read-only, play, report and verify once called a database of ours "damaged or
# foreign". The condition is real, not mocked: a tmpfs mounted read-only, which stops root as
# well as anyone (a read-only bind mount of a tmpfs; chmod does not stop root, and the tests run as root in CI). It needs the
# right to mount: as root, or in a user namespace of one's own (unshare -rm); with neither the
# test is skipped (exit 77) and says why. The rights case (chmod 0444) runs as an unprivileged
# user: this one when not root, else "nobody" through setpriv when that can run the program.
# Usage: readonly_fs_test.sh MFC_TRAINER SOURCE_DIR
set -u
EXE=$1
SRC=$2

if [ "${MFC_RO_INNER:-}" = "" ]; then
  TMP=$(mktemp -d)
  trap 'umount "$TMP/ro" 2>/dev/null; umount "$TMP/mnt" 2>/dev/null; rm -rf "$TMP"' EXIT
  mkdir "$TMP/mnt"
  if mount -t tmpfs -o size=8m tmpfs "$TMP/mnt" 2>/dev/null; then
    umount "$TMP/mnt"
    MFC_RO_INNER=$TMP sh "$0" "$@"
    exit $?
  fi
  if unshare -rm true 2>/dev/null; then
    MFC_RO_INNER=$TMP unshare -rm sh "$0" "$@"
    exit $?
  fi
  echo "SKIP: cannot mount a read-only file system here (not root, and no user namespaces)"
  exit 77
fi

TMP=$MFC_RO_INNER
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
expect_exit() { # expected-code description command...
  want=$1; shift; what=$1; shift
  "$@" >"$TMP/out" 2>"$TMP/err"
  got=$?
  if [ "$got" -eq "$want" ]; then ok; else bad "$what: exit $got, expected $want"; cat "$TMP/err" >&2; fi
}
expect_err() { # needle description
  if grep -qF -- "$1" "$TMP/err"; then ok; else bad "$2: stderr lacks «$1»"; cat "$TMP/err" >&2; fi
}
expect_no_err() { # needle description
  if grep -qF -- "$1" "$TMP/err"; then bad "$2: stderr has «$1»"; cat "$TMP/err" >&2; else ok; fi
}

S="--scenarios $SRC/scenarios"
M=$TMP/mnt
mount -t tmpfs -o size=8m tmpfs "$M" || { echo "FAIL: mount" >&2; exit 1; }
"$EXE" $S play passport-lost --random --seed 3 --db "$M/r.db" >/dev/null 2>&1 || bad "first attempt"
[ -f "$M/r.db" ] && ok || bad "no database made"
# A read-only view of it (a bind mount made read-only works in a user namespace too, where
# remounting the tmpfs itself is refused).
R=$TMP/ro
mkdir "$R"
mount --bind "$M" "$R" && mount -o remount,bind,ro "$R" || {
  umount "$R" 2>/dev/null; umount "$M"; echo "FAIL: a read-only bind mount" >&2; exit 1; }

FS="на диске, подключённом только для чтения"
for cmd in "play passport-lost --random --seed 3" "report" "verify"; do
  expect_exit 1 "$cmd on a read-only disk" "$EXE" $S $cmd --db "$R/r.db"
  expect_err "база результатов $R/r.db $FS" "$cmd on a read-only disk"
  expect_no_err "повреждён или чужой" "$cmd on a read-only disk"
done
# A new database where none can be made.
expect_exit 1 "a new database on a read-only disk" "$EXE" $S play passport-lost --random --seed 3 --db "$R/new.db"
expect_err "база результатов $R/new.db $FS" "a new database on a read-only disk"
umount "$R"
umount "$M"

# The rights case: a file and folder that this user may not write.
RIGHTS="открывается только для чтения (нет права на запись в файл или его папку)"
run_as=""
if [ "$(id -u)" != 0 ]; then
  run_as=" "
elif command -v setpriv >/dev/null && \
     setpriv --reuid=65534 --regid=65534 --clear-groups "$EXE" --version >/dev/null 2>&1; then
  run_as="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
if [ -n "$run_as" ]; then
  mkdir -p "$TMP/rights"
  "$EXE" $S play passport-lost --random --seed 3 --db "$TMP/rights/r.db" >/dev/null 2>&1 || bad "rights: first attempt"
  chmod 0755 "$TMP" "$TMP/rights"; chmod 0444 "$TMP/rights/r.db" "$TMP/rights/r.db.key"
  expect_exit 1 "report on a file without write rights" $run_as "$EXE" $S report --db "$TMP/rights/r.db"
  expect_err "база результатов $TMP/rights/r.db $RIGHTS" "report on a file without write rights"
  expect_no_err "повреждён или чужой" "report on a file without write rights"
else
  echo "note: the rights case needs an unprivileged user that can run $EXE; not run"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
