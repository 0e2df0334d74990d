#!/bin/sh
# The libraries the window does not need at start are opened on first use (issue #14,
# «Performance»; engine/core/dl.h):
#   1. at the first office frame the window has not loaded libpq, libcurl, libarchive,
#      libspeechd, nor SDL_image and its codecs (libtiff, libwebp, libjpeg: the icon is a BMP,
#      SDL_image only writes screenshots) (MFC_MAPS_FILE: its /proc/self/maps at that frame),
#      while SDL2 is there;
#   2. a missing library is a Russian message naming it and the Debian package to install,
#      with the exit code of other I/O errors, never a crash: `enrol`, `sync` and the window's
#      background sync without libpq,
#      `pack build` and `pack install` without libarchive, `lrs push` without libcurl
#      (MFC_SONAME_LIB*=FILE opens FILE instead, here one that does not exist);
#   3. the window without libspeechd says so once (with speech on) and carries on; a
#      screenshot without SDL_image is a message naming its package; with it, a PNG.
# Usage: lazy_libs_test.sh MFC_TRAINER SOURCE_DIR
set -u
EXE=$1 SRC=$2
case $EXE in /*) ;; *) EXE=$PWD/$EXE ;; esac
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
cd "$TMP" || exit 2
: >empty.keys
NO=$TMP/no-such-dir

# 1. What is mapped at the first office frame.
MFC_MAPS_FILE="$TMP/maps" MFC_FIRST_FRAME_EXIT=1 "$EXE" gui --scenarios "$SRC/scenarios" \
  --db a.db --scenario passport-45-late --seed 1 --input-script empty.keys >out 2>&1 ||
  bad "the window did not run: $(cat out)"
if grep -q 'libSDL2-2\.0\.so' maps 2>/dev/null; then ok; else bad "no maps at the first office frame"; fi
for lib in libpq libcurl libarchive libspeechd libSDL2_image libtiff libwebp libjpeg; do
  hits=$(grep -E "/$lib[.-][^/]*$" maps 2>/dev/null | awk '{print $NF}' | sort -u)
  [ -z "$hits" ] && ok || bad "$lib is loaded at the first office frame: $hits"
done

# ... and the program does not link them at all (readelf, from binutils beside the compiler).
if command -v readelf >/dev/null 2>&1; then
  linked=$(readelf -d "$EXE" | grep NEEDED | grep -oE 'lib(pq|curl|archive|speechd|SDL2_image)[^]]*' | tr '\n' ' ')
  [ -z "$linked" ] && ok || bad "still linked: $linked"
fi

# 2. Each command without its library. (a.db has three journal entries from the run above.)
expect_msg() { # what rc-wanted soname package output-file
  if [ "$3" = "$rc" ] && grep -q "не найдена библиотека $NO/$4: установите пакет $5" "$6"; then ok
  else bad "$1: exit $rc (want $3): $(cat "$6")"; fi
}
MFC_SONAME_LIBPQ=$NO/libpq.so.5 "$EXE" enrol --central "dbname=x host=$NO" --office 0101 --db a.db \
  >out 2>&1; rc=$?
expect_msg "enrol without libpq" x 1 libpq.so.5 libpq5 out
MFC_SONAME_LIBPQ=$NO/libpq.so.5 "$EXE" sync --central "dbname=x host=$NO" --db a.db >out 2>&1; rc=$?
expect_msg "sync without libpq" x 1 libpq.so.5 libpq5 out
grep -q "нет связи с центром" out && bad "sync calls a missing libpq no link with the centre" || ok
# The window with a centre configured (and this PC's identity, made by the enrol above): its
# background sync says once, on the start screen's status line, which package to install, and
# the window carries on to the catalogue.
mkdir -p cfg/mfc-trainer
printf 'office = IRK01\ncentral = dbname=x host=%s\n' "$NO" >cfg/mfc-trainer/mfc-trainer.conf
printf 'wait 1500\nexpect start libpq5\nkey Return\nexpect catalog libpq5\n' >central.keys
XDG_CONFIG_HOME=$TMP/cfg MFC_SYSTEM_CONFIG=$TMP/none.conf MFC_SONAME_LIBPQ=$NO/libpq.so.5 \
  "$EXE" gui --scenarios "$SRC/scenarios" --db a.db --seed 1 --input-script central.keys >out 2>&1 &&
  ok || bad "the window with a centre and no libpq: $(cat out)"
KEY=$SRC/assets/dev-signing/development-only.key
MFC_SONAME_LIBARCHIVE=$NO/libarchive.so.13 "$EXE" pack build --key "$KEY" --version 1 --name irk \
  --output x.mfcpack "$SRC/scenarios" >out 2>&1; rc=$?
expect_msg "pack build without libarchive" x 1 libarchive.so.13 libarchive13 out
[ ! -e x.mfcpack ] && ok || bad "pack build without libarchive left x.mfcpack"
# The same pack with libarchive (opened on first use), then installed without it.
"$EXE" pack build --key "$KEY" --version 1 --name irk --output x.mfcpack "$SRC/scenarios" >out 2>&1 &&
  [ -s x.mfcpack ] && ok || bad "pack build with libarchive: $(cat out)"
MFC_SONAME_LIBARCHIVE=$NO/libarchive.so.13 "$EXE" pack install x.mfcpack --packs packs >out 2>&1; rc=$?
expect_msg "pack install without libarchive" x 1 libarchive.so.13 libarchive13 out
MFC_SONAME_LIBCURL=$NO/libcurl.so.4 "$EXE" lrs push --db a.db --endpoint http://127.0.0.1:9/xapi \
  --user u --password p >out 2>&1; rc=$?
expect_msg "lrs push without libcurl" x 1 libcurl.so.4 libcurl4 out

# 3. A screenshot, without SDL_image and with it.
mkdir shots
printf 'shot one\n' >shot.keys
MFC_SONAME_LIBSDL2_IMAGE=$NO/libSDL2_image-2.0.so.0 "$EXE" gui --scenarios "$SRC/scenarios" \
  --db a.db --scenario passport-45-late --seed 1 --input-script shot.keys --screenshots shots \
  >out 2>&1; rc=$?
expect_msg "a screenshot without SDL_image" x 1 libSDL2_image-2.0.so.0 libsdl2-image-2.0-0 out
"$EXE" gui --scenarios "$SRC/scenarios" --db a.db --scenario passport-45-late --seed 1 \
  --input-script shot.keys --screenshots shots >out 2>&1 &&
  [ "$(head -c 4 shots/one.png | tail -c 3)" = PNG ] && ok || bad "no screenshot with SDL_image: $(cat out)"

# The window with speech on and no libspeechd: one notice naming the package, then on.
printf 'key F9\nwait 1500\nexpect start libspeechd2\nkey Return\nexpect catalog\n' >none.keys
MFC_SONAME_LIBSPEECHD=$NO/libspeechd.so.2 "$EXE" gui --scenarios "$SRC/scenarios" --seed 1 \
  --size 1280x720 --db s.db --input-script none.keys >out 2>&1 && ok ||
  bad "the window without libspeechd: $(cat out)"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
