#!/bin/sh
# Reload from the window: a copy of a scenario is edited while the window plays it (the input
# script's `copy` replaces its files). An edit that still loads restarts the attempt and replays
# the actions up to the first that no longer applies; broken JSON and broken Lua show the error
# screen with FILE:LINE:COL; fixing the file returns to the same step; F5 reloads by hand; the
# finished attempt equals `play` of the same actions. Then a scenario broken at start-up is
# fixed and loaded again from the catalogue (F5), while the others stay playable. Reading the
# «Справочник» from the office PC in between leaves the attempt as it was.
# Usage: reload_test.sh MFC_TRAINER SOURCE_DIR
set -u
EXE=$1 SRC=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/scenarios"
cp -r "$SRC/scenarios/data" "$SRC/scenarios/passport-45-late" "$SRC/scenarios/zagran-grandmother" \
  "$TMP/scenarios/" && cp -r "$SRC/scripts" "$TMP/scripts" || { echo "FAIL: copy"; exit 1; }
S=scenarios/passport-45-late
cd "$TMP" || exit 1
cp $S/scenario.json orig.json && cp $S/script.lua orig.lua
# Still loads, but the third action is gone (renamed).
sed 's/"explain-time"/"explain-time-renamed"/' orig.json >edited.json
# JSON with a missing comma after "id" (line 3).
sed '3s/,$//' orig.json >broken.json
# Lua that does not compile.
{ cat orig.lua; echo 'local x = = 1'; } >broken.lua
ACTS="greet-standard,ask-name,explain-time,inspect:passport,inspect:photos,inspect:receipt,inspect:marriage,flag:passport.birth_date:expired,start-check,explain-overdue,calm-explain,receipt-ok,service:passport-45,ask-marks,form-application,consent-explain,finish-standard"
cat >run.keys <<KEYS
act greet-standard
act ask-name
act explain-time
expect office
copy edited.json $S/scenario.json
wait 900
expect office действие «explain-time» больше не подходит
copy broken.json $S/scenario.json
wait 900
expect reload-error $S/scenario.json:4:
shot reload-error
key F5
expect reload-error $S/scenario.json:4:
copy orig.json $S/scenario.json
wait 900
expect office Ваши действия повторены: 2 из 2
copy broken.lua $S/script.lua
wait 900
expect reload-error script.lua
copy orig.lua $S/script.lua
wait 900
expect office повторены: 2 из 2
key F5
expect office повторены: 2 из 2
key P
key F1
expect book
key Escape
expect office
key Escape
$(echo "$ACTS" | tr ',' '\n' | tail -n +3 | sed 's/^/act /')
expect office
key Return
expect debrief
KEYS
mkdir shots
SDL_VIDEODRIVER=dummy "$EXE" gui --scenarios scenarios --db r.db --seed 5 --scenario passport-45-late \
  --input-script run.keys --screenshots shots --result gui.json || { echo "FAIL: the reload run"; exit 1; }
[ -s shots/reload-error.png ] || { echo "FAIL: no screenshot of the error screen"; exit 1; }
"$EXE" play passport-45-late --scenarios scenarios --seed 5 --json --actions "$ACTS" >play.json
cmp -s gui.json play.json || { echo "FAIL: the reloaded attempt differs from play"; diff gui.json play.json | head; exit 1; }

# A scenario broken at start-up: shown on the start screen, fixed, loaded again with F5.
cp broken.json $S/scenario.json
cat >broken.keys <<KEYS
key Return
expect catalog
copy orig.json $S/scenario.json
key F5
expect catalog Загружено снова: 1 из 1
key Return
expect office
KEYS
SDL_VIDEODRIVER=dummy "$EXE" gui --scenarios scenarios --db r.db --seed 5 \
  --input-script broken.keys 2>/dev/null || { echo "FAIL: fixing a scenario broken at start-up"; exit 1; }
echo "2 passed, 0 failed"
