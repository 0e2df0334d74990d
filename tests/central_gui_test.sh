#!/bin/sh
# The window's manager area over the region (issue #12), on a real PostgreSQL started in a
# temporary folder (as the postgres user; a free port of 127.0.0.1), stopped on exit. No mocks:
# two offices sync their results, then the window (dummy video driver, an input script) opens
# the manager area with `central` set and must show the region's rows with the office column,
# filter them by office with the keyboard and the mouse, and lay out without overlaps at 200 %
# text; with `central` on a dead port it must show this computer's results and say so.
#   central_gui_test.sh MFC_TRAINER LAYOUT_CHECK SOURCE_DIR
set -u
B=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
CHECK=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
ROOT=$(cd "$3" && pwd)
PG_TEST=central_gui_test PG_NEEDS=""
. "$(dirname "$0")/pg_server.sh"
BOSS="host=127.0.0.1 port=$PORT user=boss dbname=region"
cd "$W" || exit 1
export XDG_CONFIG_HOME="$W/cfg" XDG_DATA_HOME="$W/data" MFC_SYSTEM_CONFIG="$W/none.conf"
S="--scenarios $ROOT/scenarios"
play() { # DB PERSONNEL NAME SEED
  "$B" play passport-45-late $S --seed "$4" --random --db "$1" --trainee "$2" \
    --trainee-name "$3" >/dev/null 2>play.err || { [ -e "$1" ] || cat play.err >&2; }
}

# ---- the centre, two offices, their PCs synced; a manager's role -------------------------
$PSQL -U mfc -d region -c "CREATE ROLE office_a LOGIN; CREATE ROLE office_b LOGIN; CREATE ROLE boss LOGIN"
"$B" central init --central "$ADMIN" >/dev/null || bad "central init"
$PSQL -U mfc -d region -c "GRANT mfc_manager TO boss"
"$B" central office IRK01 --role office_a --region 38 --central "$ADMIN" >/dev/null || bad "office IRK01"
"$B" central office BRT02 --role office_b --region 03 --central "$ADMIN" >/dev/null || bad "office BRT02"
for s in 1 2 3; do play a.db 1001 "Иванов Иван" $s; done
for s in 4 5; do play b.db 7002 "Петрова Анна" $s; done
"$B" enrol --central "$OA" --office IRK01 --db a.db >/dev/null || bad "enrol A"
"$B" enrol --central "$OB" --office BRT02 --db b.db >/dev/null || bad "enrol B"
"$B" sync --central "$OA" --db a.db >/dev/null || bad "sync A"
"$B" sync --central "$OB" --db b.db >/dev/null || bad "sync B"

# ---- the window: this computer has its own trainee, the centre has the two offices --------
mkdir -p gui/scenarios cfg/mfc-trainer shots
cp -r "$ROOT/scenarios/data" "$ROOT/scenarios/passport-45-late" gui/scenarios/ && cp -r "$ROOT/scripts" gui/scripts
play w.db 5005 "Волкова Ольга" 9
pin='key M\nkey 1\nkey 2\nkey 3\nkey 4\nkey Tab\nkey 1\nkey 2\nkey 3\nkey 4\nkey Return\n'
printf 'central = %s\nsync_interval = 1440\n' "$BOSS" > cfg/mfc-trainer/mfc-trainer.conf
# The region: both offices' trainees with their office; the filter by keyboard. The shots'
# layout records (MFC_LAYOUT_CHECK) list every text drawn.
{ printf "$pin"
  printf 'wait 4000\nexpect manager регион · офисов: 2\n'
  printf 'expect manager Иванов Иван | 1001 | IRK01\nexpect manager Петрова Анна | 7002 | BRT02\n'
  printf 'expect manager Стажёр | Таб. № | Офис\nshot region\n'
  printf 'key Right\nexpect manager Офис: BRT02 (03)\nexpect manager Петрова Анна | 7002 | BRT02\n'
  printf 'shot region-filter\nkey Tab\nkey Tab\nkey Right\nkey Right\nexpect manager Офис | Регион\n'
  printf 'expect manager BRT02 | 03 | 2\nshot region-offices\nkey Escape\n'; } > region.keys
SDL_VIDEODRIVER=dummy MFC_LAYOUT_CHECK=1 "$B" gui --scenarios "$W/gui/scenarios" --db w.db \
  --seed 1 --size 1280x720 --input-script region.keys --screenshots shots >gui.out 2>gui.err
rc=$?
if [ $rc -eq 0 ]; then ok "the manager area shows the region, its office column and the filter"
else bad "region window (rc $rc): $(cat gui.err)"; fi
# A shot's layout record is NAME.png.txt; a missing record fails every check below.
has() { grep -q "^T .*$2" "shots/$1.png.txt"; }
hasnt() { [ -s "shots/$1.png.txt" ] && ! has "$1" "$2"; }
has region 'Иванов Иван' && has region 'IRK01' && has region 'Петрова Анна' && has region 'BRT02' \
  && ok "the region's rows are drawn with their office" || bad "region rows not drawn"
hasnt region 'Волкова' && ok "the table is the centre's, not this computer's" \
  || bad "this computer's own (unsynced) trainee shows in the region"
has region-filter 'Петрова Анна' && hasnt region-filter 'Иванов Иван' \
  && ok "the office filter keeps only that office's rows" || bad "office filter rows"
# The mouse: a click on the pill's «▶», found in the layout record.
pin='key M\nkey 1\nkey 2\nkey 3\nkey 4\nkey Return\n' # set now: only entered
xy=$(python3 - shots/region.png.txt <<'PY'
import sys
# The layout record: "KIND X Y W H TEXT" per box — find the «▶» of the filter pill.
for line in open(sys.argv[1], encoding="utf-8"):
    p = line.rstrip("\n").split(" ", 5)
    if len(p) == 6 and p[5] == "▶":
        x, y, w, h = (float(v) for v in p[1:5])
        print(int(x + w / 2), int(y + h / 2)); break
PY
)
if [ -n "$xy" ]; then
  { printf "$pin"; printf 'wait 4000\nclick %s\nexpect manager Офис: BRT02\n' "$xy"
    printf 'click %s\nexpect manager Офис: IRK01\n' "$xy"; } > mouse.keys
  SDL_VIDEODRIVER=dummy "$B" gui --scenarios "$W/gui/scenarios" --db w.db --seed 1 --size 1280x720 \
    --input-script mouse.keys >/dev/null 2>mouse.err && ok "a click on «▶» moves the office filter" \
    || bad "mouse filter: $(cat mouse.err)"
else
  bad "no «▶» in the layout record"
fi

# ---- 200 % text: the layout check (no text outside the window, off its panel, or overlapping)
for size in 1280x720 1024x600; do
  rm -rf lshots; mkdir lshots
  { printf 'key S\n'; for i in 1 2 3 4 5 6 7 8 9 10; do printf 'key Right\n'; done
    printf 'key Escape\n'; printf "$pin"
    printf 'wait 4000\nexpect manager Офис\nshot l-trainees\nkey Right\nshot l-filter\n'
    printf 'key Tab\nshot l-scenarios\nkey Tab\nshot l-offices\n'; } > big.keys
  SDL_VIDEODRIVER=dummy MFC_LAYOUT_CHECK=1 "$B" gui --scenarios "$W/gui/scenarios" --db w.db \
    --seed 1 --size $size --input-script big.keys --screenshots lshots >/dev/null 2>big.err \
    || bad "200 % run at $size: $(cat big.err)"
  if "$CHECK" lshots/*.txt; then ok "the region's manager area lays out at 200 % text, $size"
  else bad "layout at 200 % text, $size"; fi
done

# ---- the centre unreachable: this computer's results, with a notice --------------------------
printf 'central = host=127.0.0.1 port=1 dbname=x\nsync_interval = 1440\n' > cfg/mfc-trainer/mfc-trainer.conf
{ printf "$pin"
  printf 'wait 3000\nexpect manager Центр недоступен — показаны результаты этого компьютера\n'
  printf 'shot fallback\n'; } > dead.keys
SDL_VIDEODRIVER=dummy MFC_LAYOUT_CHECK=1 "$B" gui --scenarios "$W/gui/scenarios" --db w.db \
  --seed 1 --size 1280x720 --input-script dead.keys --screenshots shots >/dev/null 2>dead.err \
  && ok "with the centre unreachable the area says so" || bad "fallback notice: $(cat dead.err)"
grep -q '^T .*Волкова' shots/fallback.png.txt && ok "the local table shows meanwhile (this computer's trainee)" \
  || bad "no local table in the fallback"
# A centre that takes the connection and never answers: the window does not wait for it. The
# area opens at once with this computer's results and «Запрос к центру…», keys work meanwhile,
# and after the connect timeout (3 s) the notice says the centre is unreachable.
MUTE=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -c "import socket, time; s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('127.0.0.1', $MUTE)); s.listen(8); time.sleep(40)" &
MUTE_PID=$!
sleep 0.5
printf 'central = host=127.0.0.1 port=%s dbname=x\nsync_interval = 1440\n' "$MUTE" > cfg/mfc-trainer/mfc-trainer.conf
{ printf "$pin"
  printf 'expect manager Запрос к центру\nkey Tab\nexpect manager Запрос к центру\nkey Tab\n'
  printf 'wait 5000\nexpect manager Центр недоступен\n'; } > mute.keys
SDL_VIDEODRIVER=dummy "$B" gui --scenarios "$W/gui/scenarios" --db w.db --seed 1 \
  --input-script mute.keys >/dev/null 2>mute.err \
  && ok "a centre that never answers does not freeze the window" || bad "mute centre: $(cat mute.err)"
kill $MUTE_PID 2>/dev/null; wait $MUTE_PID 2>/dev/null
# An office's role may not read the region: the same fallback, saying why.
printf 'central = %s\nsync_interval = 1440\n' "$OA" > cfg/mfc-trainer/mfc-trainer.conf
{ printf "$pin"; printf 'wait 4000\nexpect manager роль руководителя\n'; } > role.keys
SDL_VIDEODRIVER=dummy "$B" gui --scenarios "$W/gui/scenarios" --db w.db --seed 1 \
  --input-script role.keys >/dev/null 2>role.err \
  && ok "an office's role gets the local results and the reason" || bad "office role: $(cat role.err)"
[ -n "${MFC_REGION_SHOTS:-}" ] && cp shots/*.png "$MFC_REGION_SHOTS"/ 2>/dev/null
echo "central_gui_test: $fails failure(s)"
[ $fails -eq 0 ]
