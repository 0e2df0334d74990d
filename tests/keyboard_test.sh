#!/bin/sh
# The catalogue by keyboard (issue #14): Tab goes from the cards to the service chips, to
# «Справочник» and to «Смена» and back; ←→ choose a chip, Enter opens the book or begins a
# shift; each has a visible focus frame (the theme's focus colour around it in the screenshot),
# and the mouse reaches the same controls. The same for the text size's ◀ ▶ in the settings,
# «Справочник» in the office's top bar and the office PC's «Справочник · F1» tab and buttons;
# the compare picker's documents and «Отмена», the book's «Закрыть», the manager area's tabs and
# column headings (Shift+Tab goes back). Usage: keyboard_test.sh MFC_TRAINER CONTRAST_CHECK SOURCE_DIR
set -u
EXE=$1 CHECK=$2 SRC=$3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
gui() { # keys-file db
  SDL_VIDEODRIVER=dummy MFC_LAYOUT_CHECK=1 "$EXE" --scenarios "$SRC/scenarios" gui --seed 1 \
    --size 1280x720 --db "$TMP/$2" --input-script "$1" --screenshots "$TMP" >"$TMP/out" 2>&1
}
cat >"$TMP/tab.keys" <<'KEYS'
key Return
expect catalog [карточки]
shot cards
key Tab
expect catalog [фильтр Все услуги]
shot chips
key Right
expect catalog [фильтр Выдача результатов услуг]
key Right
key Left
expect catalog [фильтр Выдача результатов услуг]
key Return
expect catalog [карточки]
key Tab
key Tab
expect catalog [назад]
shot back
key Tab
expect catalog [справочник]
shot book
key Return
expect book
key Escape
expect catalog [справочник]
key Tab
expect catalog [смена]
shot shift
key Tab
expect catalog [карточки]
key Shift+Tab
expect catalog [смена]
key Left
key Left
expect catalog [назад]
key Return
expect start
KEYS
if gui "$TMP/tab.keys" t.db; then ok; else bad "Tab through the catalogue: $(cat "$TMP/out")"; fi
# A visible focus: the focus colour (#E08A00) frames the control Tab is on, and only then.
ring() { # shot text want(0|1) [which drawing of the text, 1 unless told]
  box=$(awk -v t="$2" -v n="${4:-1}" '$1 == "T" { s = ""; for (i = 6; i <= NF; i++) s = s (i > 6 ? " " : "") $i;
        if (s == t && ++seen == n) { printf "%d %d %d %d\n", $2 - 14, $3 - 14, $4 + 28, $5 + 28; exit } }' "$TMP/$1.png.txt")
  [ -n "$box" ] || { bad "$1: no «$2» drawn"; return; }
  if "$CHECK" --ring E08A00 $box "$TMP/$1.png" >/dev/null; then got=1; else got=0; fi
  [ "$got" = "$3" ] && ok || bad "$1: focus frame around «$2» is $got, want $3"
}
ring cards "Все услуги" 0
ring chips "Все услуги" 1
ring book "Справочник · F1" 1
ring cards "Справочник · F1" 0
ring shift "Смена · F2" 1
ring back "Назад · Esc" 1
ring book "Назад · Esc" 0
ring book "Смена · F2" 0
# The mouse reaches the same: a chip, then «Справочник», from the catalogue; «Назад» goes back
# to the start.
back=$(awk '$1 == "T" { s = ""; for (i = 6; i <= NF; i++) s = s (i > 6 ? " " : "") $i;
       if (s == "Назад · Esc") { printf "click %d %d\n", $2 + $4 / 2, $3 + $5 / 2; exit } }' "$TMP/cards.png.txt")
printf 'key Return\nclick 300 121\nexpect catalog [фильтр Выдача результатов услуг]\nclick 980 46\nexpect book\nkey Escape\n%s\nexpect start\n' "$back" >"$TMP/mouse.keys"
if gui "$TMP/mouse.keys" m.db; then ok; else bad "the chips and «Справочник» by mouse: $(cat "$TMP/out")"; fi
# Settings: Tab goes from the text size's row to ◀, to ▶, on down the rows and «Готово», and
# round again; Enter and Space press the focused arrow.
cat >"$TMP/size.keys" <<'KEYS'
key S
expect settings 100 %
shot set_row
key Tab
shot set_less
key Return
expect settings 100 %
key Tab
shot set_more
key Return
expect settings 110 %
key Space
expect settings 120 %
key Tab
key Tab
key Tab
key Tab
key Tab
key Tab
key Tab
key Return
expect settings 110 %
KEYS
if gui "$TMP/size.keys" s.db; then ok; else bad "the text size's ◀ ▶ by Tab: $(cat "$TMP/out")"; fi
ring set_row "Размер текста" 1
ring set_less "Размер текста" 0
ring set_less "◀" 1
ring set_less "▶" 0
ring set_more "▶" 1
ring set_more "◀" 0
# The office: Tab goes from the answers to the desk, the PC and «Справочник» in the top bar;
# Enter there opens the book, Esc comes back to the same focus. In the PC, Tab goes from the
# services to its «Справочник · F1» tab (Enter opens the book), «Выбрать услугу» and «Закрыть».
cat >"$TMP/office.keys" <<'KEYS'
key Return
key Return
expect office [приём]
wait 900
shot of_answers
key Tab
key Tab
key Tab
shot of_book
key Return
expect book
key Escape
expect office [приём]
key Return
expect book
key Escape
key p
expect office [программа]
shot pc_list
key Tab
shot pc_book
key Return
expect book
key Escape
expect office [программа]
key Tab
shot pc_choose
key Tab
shot pc_close
key Return
expect office [приём]
KEYS
if gui "$TMP/office.keys" o.db; then ok; else bad "«Справочник» in the office by Tab: $(cat "$TMP/out")"; fi
ring of_answers "Справочник · F1" 0
ring of_book "Справочник · F1" 1
ring pc_list "Справочник · F1" 0 2
ring pc_book "Справочник · F1" 1 2
ring pc_choose "Выбрать услугу" 1
ring pc_book "Выбрать услугу" 0
ring pc_close "Закрыть · Esc" 1
# The mouse: «Справочник» in the office's top bar opens the book.
box=$(awk '$1 == "T" { s = ""; for (i = 6; i <= NF; i++) s = s (i > 6 ? " " : "") $i;
      if (s == "Справочник · F1") { printf "click %d %d\n", $2 + $4 / 2, $3 + $5 / 2; exit } }' "$TMP/of_answers.png.txt")
printf 'key Return\nkey Return\nexpect office\n%s\nexpect book\n' "$box" >"$TMP/hud.keys"
if [ -n "$box" ] && gui "$TMP/hud.keys" h.db; then ok; else bad "«Справочник» in the top bar by mouse: $(cat "$TMP/out")"; fi
# «Выйти · Esc» in the top bar: the next Tab stop after «Справочник»; Enter there, or a click,
# asks «Прервать приём?» as Esc does.
printf 'key Return\nkey Return\nexpect office [приём]\nwait 900\nkey Tab\nkey Tab\nkey Tab\nkey Tab\nshot of_leave\nkey Return\nexpect office [прервать]\nkey Escape\nexpect office [приём]\n' >"$TMP/leave.keys"
if gui "$TMP/leave.keys" lv.db; then ok; else bad "«Выйти» by Tab: $(cat "$TMP/out")"; fi
ring of_leave "Выйти · Esc" 1
ring of_book "Выйти · Esc" 0
printf 'key Return\nkey Return\nexpect office\n%s\nexpect office [прервать]\n' \
  "$(awk '$1 == "T" { s = ""; for (i = 6; i <= NF; i++) s = s (i > 6 ? " " : "") $i;
          if (s == "Выйти · Esc") { printf "click %d %d", $2 + $4 / 2, $3 + $5 / 2; exit } }' "$TMP/of_answers.png.txt")" >"$TMP/leave2.keys"
if gui "$TMP/leave2.keys" lv2.db; then ok; else bad "«Выйти» by mouse: $(cat "$TMP/out")"; fi
# A card with an attempt to resume has «Начать заново · N» (what N does): Tab reaches it from
# the cards, Enter there — or a click — starts the scenario over, where Enter on the card
# resumes it («Попытка продолжена…»).
{ printf 'key N\ntext Иванова\nkey Tab\ntext Мария\nkey Tab\ntext 10457\nkey Return\nexpect start\n'
  printf 'key Return\nkey Return\nexpect office\nact greet-apologise\nkey Escape\nkey Return\nexpect catalog\n'; } >"$TMP/left.keys"
{ cat "$TMP/left.keys"; printf 'shot re_cards\nkey Tab\nexpect catalog [заново]\nshot re_focus\nkey Return\nexpect office\nshot re_over\n'; } >"$TMP/re.keys"
if gui "$TMP/re.keys" re.db; then ok; else bad "«Начать заново» by Tab: $(cat "$TMP/out")"; fi
ring re_cards "Начать заново · N" 0
ring re_focus "Начать заново · N" 1
grep -q "Попытка продолжена" "$TMP/re_over.png.txt" && bad "«Начать заново» resumed the attempt" || ok
{ cat "$TMP/left.keys"; printf 'key Return\nexpect office\nshot re_resumed\n'; } >"$TMP/re2.keys"
if gui "$TMP/re2.keys" re2.db && grep -q "Попытка продолжена" "$TMP/re_resumed.png.txt"; then ok
else bad "Enter on the card did not resume: $(cat "$TMP/out")"; fi
{ cat "$TMP/left.keys"; awk '$1 == "T" { s = ""; for (i = 6; i <= NF; i++) s = s (i > 6 ? " " : "") $i;
      if (s == "Начать заново · N") { printf "click %d %d\n", $2 + $4 / 2, $3 + $5 / 2; exit } }' "$TMP/re_cards.png.txt"
  printf 'expect office\nshot re_click\n'; } >"$TMP/re3.keys"
if gui "$TMP/re3.keys" re3.db && ! grep -q "Попытка продолжена" "$TMP/re_click.png.txt"; then ok
else bad "«Начать заново» by mouse: $(cat "$TMP/out")"; fi
# The PIN's on-screen keypad: a Tab stop after «Отмена» (Shift+Tab from the first field), the
# arrows move on it, Enter presses the key; «Отмена» by Enter leaves (it does not try the PIN).
cat >"$TMP/pad.keys" <<'KEYS'
key M
expect pin
key Shift+Tab
shot pn_pad
key Return
key Right
key Return
key Right
key Return
key Down
key Left
key Left
shot pn_four
key Return
key Tab
key Tab
key 1
key 2
key 3
key 4
key Return
expect manager
key Escape
expect start
key M
expect pin
key Tab
key Tab
shot pn_cancel
key Return
expect start
KEYS
if gui "$TMP/pad.keys" pad.db; then ok; else bad "the PIN keypad by keyboard: $(cat "$TMP/out")"; fi
ring pn_pad "1" 1
ring pn_pad "2" 0
ring pn_four "4" 1
ring pn_cancel "Отмена" 1
# The reasons of a flagged field: Tab goes from the list to «Отметить» and «Отмена»; Enter on
# «Отмена» goes back to the document, on «Отметить» flags the field with the chosen reason.
cat >"$TMP/reason.keys" <<'KEYS'
key Return
key Return
expect office [приём]
key Tab
key Return
expect office [документ]
key Return
expect office [причина]
shot rs_list
key Tab
key Tab
shot rs_cancel
key Return
expect office [документ]
shot rs_cancelled
key Return
expect office [причина]
key Down
key Tab
shot rs_flag
key Return
expect office [документ]
shot rs_flagged
KEYS
if gui "$TMP/reason.keys" rs.db; then ok; else bad "the reasons' buttons by Tab: $(cat "$TMP/out")"; fi
grep -q "Отмечено:" "$TMP/rs_cancelled.png.txt" && bad "«Отмена» flagged the field" || ok
grep -q "Отмечено:" "$TMP/rs_flagged.png.txt" && ok || bad "«Отметить» did not flag the field"
ring rs_list "Отмена" 0
ring rs_cancel "Отмена" 1
ring rs_flag "Отметить" 1
ring rs_flag "Отмена" 0
# The replay of an attempt (the manager area): Tab goes through «◀ Назад», «Вперёд ▶» and «К
# попыткам», Enter presses the focused one. The screenshot tour's own way there (an attempt, the
# PIN), with the tour's three scenarios.
sed -n '1,/^shot replay$/p' "$SRC/tests/screens/tour.keys" | grep -v '^shot ' >"$TMP/replay.keys"
printf 'expect replay\nshot rp_none\nkey Tab\nshot rp_prev\nkey Tab\nkey Tab\nshot rp_back\nkey Return\nexpect trainee\n' >>"$TMP/replay.keys"
mkdir -p "$TMP/rp/scenarios" && for d in data passport-45-late rosreestr-poa-plain zagran-grandmother; do
  cp -r "$SRC/scenarios/$d" "$TMP/rp/scenarios/"; done && cp -r "$SRC/scripts" "$TMP/rp/"
if (cd "$TMP/rp" && SDL_VIDEODRIVER=dummy MFC_LAYOUT_CHECK=1 "$EXE" --scenarios scenarios gui --seed 1 --size 1280x720 \
      --db r.db --input-script "$TMP/replay.keys" --screenshots "$TMP" >"$TMP/out" 2>&1); then ok
else bad "the replay's buttons by Tab: $(cat "$TMP/out")"; fi
ring rp_none "◀ Назад" 0
ring rp_prev "◀ Назад" 1
ring rp_back "К попыткам" 1
ring rp_back "◀ Назад" 0
# The compare picker: Tab goes from the documents to «Отмена» and round (Shift+Tab back), ↓
# moves down the documents; Enter on «Отмена» closes the picker, on a document compares.
cat >"$TMP/compare.keys" <<'KEYS'
key Return
key Return
expect office [приём]
act greet-standard
act ask-name
act explain-time
act inspect:photos
act inspect:receipt
key D
key Return
expect office [документ]
key C
expect office [сравнение]
shot cp_first
key Down
shot cp_second
key Tab
key Tab
shot cp_cancel
key Tab
shot cp_round
key Shift+Tab
shot cp_back
key Return
expect office [документ]
shot cp_closed
key C
key Down
key Space
expect office [документ]
shot cp_compared
KEYS
if (cd "$TMP/rp" && SDL_VIDEODRIVER=dummy MFC_LAYOUT_CHECK=1 "$EXE" --scenarios scenarios gui --seed 1 --size 1280x720 \
      --db cp.db --input-script "$TMP/compare.keys" --screenshots "$TMP" >"$TMP/out" 2>&1); then ok
else bad "the compare picker by Tab: $(cat "$TMP/out")"; fi
ring cp_first "Отмена" 0
ring cp_cancel "Отмена" 1
ring cp_round "Отмена" 0
ring cp_back "Отмена" 1
# The picker's rows: the texts drawn after its heading.
row() { awk -v n="$1" '$1 == "T" { s = ""; for (i = 6; i <= NF; i++) s = s (i > 6 ? " " : "") $i;
        if (s ~ /^Сравнить с документом/) on = 1; else if (on && $6 == n ".") { print s; exit } }' "$TMP/cp_first.png.txt"; }
first=$(row 1) second=$(row 2)
if [ -n "$first" ] && [ -n "$second" ]; then
  ring cp_first "$first" 1
  ring cp_second "$second" 1
  ring cp_cancel "$second" 0
else bad "the picker lists no documents: $(grep '^T' "$TMP/cp_first.png.txt" | tail -5)"; fi
grep -q "Убрать сравнение" "$TMP/cp_closed.png.txt" && bad "«Отмена» compared" || ok
grep -q "Убрать сравнение" "$TMP/cp_compared.png.txt" && ok || bad "Space on a document did not compare"
# The «Справочник»: Tab goes through its three sections to «Закрыть» (a visible focus), Enter
# there closes it; Shift+Tab from the first section reaches «Закрыть» too.
printf 'key Return\nkey F1\nexpect book\nshot bk_list\nkey Tab\nkey Tab\nkey Tab\nshot bk_close\nkey Return\nexpect catalog\nkey F1\nkey Shift+Tab\nkey Shift+Tab\nkey Shift+Tab\nshot bk_back\nkey Space\nexpect catalog\n' >"$TMP/book.keys"
if gui "$TMP/book.keys" bk.db; then ok; else bad "«Закрыть» in the book by Tab: $(cat "$TMP/out")"; fi
ring bk_list "Закрыть" 0
ring bk_close "Закрыть" 1
ring bk_back "Закрыть" 1
# The manager area: Tab reaches «Назад», the tabs (←→ switch them), then each column heading
# (Enter sorts by it), then the rows; every stop shows the focus.
sed -n '1,/^shot manager$/p' "$SRC/tests/screens/tour.keys" | grep -v '^shot ' >"$TMP/mgr.keys"
cat >>"$TMP/mgr.keys" <<'KEYS'
expect manager
shot mg_rows
key Tab
shot mg_back
key Tab
shot mg_tabs
key Right
shot mg_scen
key Left
key Tab
shot mg_col1
key Tab
key Tab
shot mg_col3
key Return
shot mg_sorted
key Shift+Tab
shot mg_col2
key Down
shot mg_down
key Return
expect trainee
shot tr_rows
key Tab
shot tr_back
key Space
expect manager
KEYS
if (cd "$TMP/rp" && SDL_VIDEODRIVER=dummy MFC_LAYOUT_CHECK=1 "$EXE" --scenarios scenarios gui --seed 1 --size 1280x720 \
      --db m.db --input-script "$TMP/mgr.keys" --screenshots "$TMP" >"$TMP/out" 2>&1); then ok
else bad "the manager area by Tab: $(cat "$TMP/out")"; fi
grep -q "Частая ошибка" "$TMP/mg_scen.png.txt" && ok || bad "→ on the tabs did not show «Сценарии»"
ring mg_scen "Сценарии" 1
ring mg_rows "Стажёры" 0
ring mg_rows "Назад · Esc" 0
ring mg_back "Назад · Esc" 1
ring mg_tabs "Назад · Esc" 0
ring mg_tabs "Стажёры" 1
ring mg_col1 "Стажёры" 0
ring mg_col1 "1 Стажёр ▲" 1
ring mg_col3 "3 Попыток" 1
ring mg_col3 "1 Стажёр ▲" 0
ring mg_sorted "3 Попыток" 1
grep -q "^T .*▼$" "$TMP/mg_sorted.png.txt" && ! grep -q "^T .*▼$" "$TMP/mg_col3.png.txt" && ok ||
  bad "Enter on «3 Попыток» did not sort by it (descending)"
ring mg_col2 "2 Таб. №" 1
ring mg_down "2 Таб. №" 0
ring tr_rows "Назад · Esc" 0
ring tr_back "Назад · Esc" 1
# By mouse: «Назад» on a trainee's page goes to the area, and from the area to the start.
click_on() { awk -v t="$2" '$1 == "T" { s = ""; for (i = 6; i <= NF; i++) s = s (i > 6 ? " " : "") $i;
             if (s == t) { printf "click %d %d\n", $2 + $4 / 2, $3 + $5 / 2; exit } }' "$TMP/$1.png.txt"; }
sed -n '1,/^shot manager$/p' "$SRC/tests/screens/tour.keys" | grep -v '^shot ' >"$TMP/mgr2.keys"
printf 'expect manager\nkey Return\nexpect trainee\n%s\nexpect manager\n%s\nexpect start\n' \
  "$(click_on tr_rows "Назад · Esc")" "$(click_on mg_rows "Назад · Esc")" >>"$TMP/mgr2.keys"
if (cd "$TMP/rp" && SDL_VIDEODRIVER=dummy "$EXE" --scenarios scenarios gui --seed 1 --size 1280x720 \
      --db m2.db --input-script "$TMP/mgr2.keys" >"$TMP/out" 2>&1); then ok
else bad "«Назад» by mouse: $(cat "$TMP/out")"; fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
