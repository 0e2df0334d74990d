#!/bin/sh
# The Debian package (issue #15): built with CPack from this build tree, checked by lintian
# (no errors), unpacked into a temporary root with `dpkg-deb -x` (installing into the real
# system is left to a person: see docs/install-guide.md), and the installed program run from
# that tree: it finds its data from its prefix (not ./scenarios), refuses an exam on the
# development key, trusts a root-owned key in ROOT/etc/mfc-trainer/keys/, plays an exam in the
# window (Xvfb when present, else SDL's dummy driver) with the same result as `play`, and
# takes the administrator's PIN.
# Usage: deb_install_test.sh CPACK BUILD_DIR SOURCE_DIR
set -u
CPACK=$1 BUILD=$2 SRC=$3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
for tool in dpkg-deb dpkg-shlibdeps; do
  command -v $tool >/dev/null 2>&1 || { echo "SKIP: $tool is not installed (apt-get install dpkg-dev)"; exit 0; }
done

# ---- build and lint -------------------------------------------------------------------------
"$CPACK" -G DEB -B "$TMP/pkg" --config "$BUILD/CPackConfig.cmake" >"$TMP/cpack.log" 2>&1 ||
  { cat "$TMP/cpack.log"; echo "FAIL: cpack"; exit 1; }
DEB=$(ls "$TMP"/pkg/mfc-trainer_*.deb 2>/dev/null | head -1)
[ -n "$DEB" ] && ok || { echo "FAIL: no mfc-trainer_*.deb"; exit 1; }
dpkg-deb -f "$DEB" Depends >"$TMP/depends"
for lib in libc6 libsdl2-2.0-0 libsdl2-ttf-2.0-0 libsdl2-image-2.0-0 liblua5.4-0 libsqlite3-0 \
  libsodium23 libcjson1 libspeechd2 libpq5 libcurl4 libarchive13 fonts-dejavu-core; do
  grep -q "$lib" "$TMP/depends" && ok || bad "Depends lacks $lib: $(cat "$TMP/depends")"
done
# The voice: the library is needed, the daemon and its Russian voice only recommended.
dpkg-deb -f "$DEB" Recommends | grep -q "speech-dispatcher-espeak-ng" && ok ||
  bad "Recommends lacks speech-dispatcher-espeak-ng: $(dpkg-deb -f "$DEB" Recommends)"
if command -v lintian >/dev/null 2>&1; then
  lintian --fail-on error "$DEB" >"$TMP/lintian" 2>&1 && ok || { bad "lintian reports errors"; cat "$TMP/lintian" >&2; }
else
  echo "note: lintian is not installed; the package was not linted"
fi

# ---- unpack into a temporary root ---------------------------------------------------------------
ROOT=$TMP/root
dpkg-deb -x "$DEB" "$ROOT" || { echo "FAIL: dpkg-deb -x"; exit 1; }
for f in usr/bin/mfc-trainer usr/share/mfc-trainer/scenarios/pack.sig \
  usr/share/mfc-trainer/scenarios/data/rules.json usr/share/mfc-trainer/scripts \
  usr/share/mfc-trainer/mfc-trainer.png usr/share/applications/mfc-trainer.desktop \
  usr/share/metainfo/ru.mfc.trainer.metainfo.xml usr/share/icons/hicolor/scalable/apps/mfc-trainer.svg \
  usr/share/icons/hicolor/48x48/apps/mfc-trainer.png usr/share/icons/hicolor/256x256/apps/mfc-trainer.png \
  usr/share/man/man1/mfc-trainer.1.gz usr/share/bash-completion/completions/mfc-trainer \
  usr/share/doc/mfc-trainer/copyright usr/share/doc/mfc-trainer/install-guide.md etc/mfc-trainer/keys; do
  [ -e "$ROOT/$f" ] && ok || bad "the package lacks /$f"
done
# The development key is not part of an installed program.
if find "$ROOT" -name '*.pub' -o -name '*.key' | grep -q .; then bad "the package carries a key"; else ok; fi
dpkg-deb --ctrl-tarfile "$DEB" | tar -t | grep -q postrm && ok || bad "no postrm (purge)"
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$ROOT/usr/share/applications/mfc-trainer.desktop" && ok || bad "desktop entry"
fi
if command -v appstreamcli >/dev/null 2>&1; then
  appstreamcli validate --no-net "$ROOT/usr/share/metainfo/ru.mfc.trainer.metainfo.xml" >"$TMP/as" 2>&1 &&
    ok || { bad "AppStream metadata"; cat "$TMP/as" >&2; }
fi
zcat "$ROOT/usr/share/man/man1/mfc-trainer.1.gz" | grep -q '^\.SS "pin set' && ok || bad "man page"

# ---- run the installed program ------------------------------------------------------------------
EXE=$ROOT/usr/bin/mfc-trainer
mkdir -p "$TMP/cwd/scenarios" "$TMP/home"
cd "$TMP/cwd" || exit 1
export HOME=$TMP/home
unset MFC_SCENARIOS MFC_TRUSTED_KEYS
# An empty ./scenarios next to the user is ignored: the installed pack is checked.
"$EXE" check >"$TMP/out" 2>&1 && ok || { bad "installed check"; tail "$TMP/out" >&2; }
grep -q "Проверено сценариев: 1[0-9]" "$TMP/out" && ok || { bad "installed check did not find the pack"; tail -3 "$TMP/out" >&2; }
"$EXE" -V | grep -q "mfc-trainer 0\." && ok || bad "installed -V"
# The development key is not trusted by the installed program.
"$EXE" play passport-45-late --exam --random --seed 5 --json >"$TMP/out" 2>"$TMP/err"
[ $? -ne 0 ] && grep -q "не доверяет" "$TMP/err" && ok || { bad "exam on the development key was not refused"; cat "$TMP/err" >&2; }
# The region's key placed by the administrator: root-owned, trusted with no environment.
cp "$SRC/assets/keys/development.pub" "$ROOT/etc/mfc-trainer/keys/region.pub"
chmod 644 "$ROOT/etc/mfc-trainer/keys/region.pub"
if [ "$(id -u)" -ne 0 ]; then
  # Not root: the key cannot be root-owned, so it must be refused, saying why.
  "$EXE" play passport-45-late --exam --random --seed 5 --json >"$TMP/out" 2>"$TMP/err"
  grep -q "должны принадлежать root" "$TMP/err" && ok || bad "a key not owned by root was not refused"
  export MFC_TRUSTED_KEYS=$ROOT/etc/mfc-trainer/keys/region.pub
fi
"$EXE" play passport-45-late --exam --random --seed 5 --json >"$TMP/play.json" 2>"$TMP/err" &&
  ok || { bad "exam with the region's key"; cat "$TMP/err" >&2; }
grep -q '"mode": "exam"' "$TMP/play.json" && ok || bad "play --exam did not run an exam"
ACTS=$(sed -n '/"actions"/,/]/p' "$TMP/play.json" | grep '^    "' | tr -d ' ",' | paste -sd, -)
echo "$ACTS" | tr ',' '\n' | sed 's/^/act /' >"$TMP/k"
if command -v xvfb-run >/dev/null 2>&1; then
  RUN="env -u SDL_VIDEODRIVER MFC_SHOW_WINDOW=1 xvfb-run -a"
else
  echo "note: xvfb-run is not installed; the window runs under SDL's dummy driver"
  RUN="env SDL_VIDEODRIVER=dummy"
fi
$RUN "$EXE" gui --scenario passport-45-late --exam --seed 5 --db "$TMP/w.db" --input-script "$TMP/k" \
  --result "$TMP/gui.json" >"$TMP/out" 2>"$TMP/err" && ok || { bad "exam in the window"; cat "$TMP/err" >&2; }
cmp -s "$TMP/gui.json" "$TMP/play.json" && ok || { bad "the window's exam differs from play"; diff "$TMP/gui.json" "$TMP/play.json" | head >&2; }
# No display: a message and exit 2.
env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER "$EXE" gui >"$TMP/out" 2>"$TMP/err"
[ $? -eq 2 ] && grep -q "нет графического сеанса" "$TMP/err" && ok || bad "installed window without a display"
# The administrator's PIN: written into ROOT/etc/mfc-trainer, copied into a user's database
# when the window starts.
printf '2468\n2468\n' | "$EXE" pin set --system >"$TMP/out" 2>"$TMP/err" && ok || { bad "pin set --system"; cat "$TMP/err" >&2; }
if [ -f "$ROOT/etc/mfc-trainer/manager-pin" ]; then
  ok
  if [ "$(id -u)" -eq 0 ]; then
    : >"$TMP/empty"
    SDL_VIDEODRIVER=dummy "$EXE" gui --db "$TMP/p.db" --input-script "$TMP/empty" >/dev/null 2>&1
    grep -aqF "$(cat "$ROOT/etc/mfc-trainer/manager-pin")" "$TMP/p.db" && ok || bad "the system PIN was not copied into the database"
  fi
else
  bad "pin set --system wrote no ROOT/etc/mfc-trainer/manager-pin"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
