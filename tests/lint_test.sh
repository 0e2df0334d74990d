#!/bin/sh
# check's lint rules, one fixture per rule: tests/lint/<rule>/ is the template scenario with one
# defect, and tests/lint/<rule>/expect names the severity and a piece of the message. Each must
# be reported as FILE:LINE:COL: SEVERITY: … with `check --strict` exiting 1; tests/lint/clean
# must pass. Usage: lint_test.sh MFC_TRAINER SOURCE_DIR
set -u
EXE=$1 SRC=$2
pass=0 fail=0
for dir in "$SRC"/tests/lint/*/; do
  name=$(basename "$dir")
  [ -f "$dir/expect" ] || continue
  sev=$(cut -f1 "$dir/expect") needle=$(cut -f2 "$dir/expect")
  out=$("$EXE" check --strict "$dir" 2>&1)
  rc=$?
  if [ "$sev" = ok ]; then
    if [ $rc -eq 0 ]; then pass=$((pass + 1)); else
      echo "FAIL: $name should pass (exit $rc):"; echo "$out"; fail=$((fail + 1)); fi
    continue
  fi
  if [ $rc -eq 1 ] && echo "$out" | grep -E "^[^ ]+:[1-9][0-9]*:[1-9][0-9]*: $sev: " | grep -qF -- "$needle"; then
    pass=$((pass + 1))
  else
    echo "FAIL: $name: expected exit 1 and a $sev with «$needle», got exit $rc:"; echo "$out"
    fail=$((fail + 1))
  fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -ge 14 ]
