#!/bin/sh
# Installs the Debian 12 packages the build and tests need, when any is missing.
# As root it runs apt-get; otherwise through sudo when that works without a password;
# otherwise it prints the exact command to run and fails.
set -eu
PKGS="cmake make gcc pkg-config libsdl2-dev libsdl2-ttf-dev liblua5.4-dev libcjson-dev \
libsqlite3-dev libsdl2-image-dev libsodium-dev fonts-dejavu-core clang libclang-rt-14-dev valgrind \
dpkg-dev lintian xvfb xauth desktop-file-utils appstream bash-completion \
libreoffice-calc-nogui chromium poppler-utils postgresql libpq-dev sqlite3 jq python3 \
python3-jsonschema libarchive-dev clang-format \
libcurl4-openssl-dev curl \
libspeechd-dev speech-dispatcher speech-dispatcher-espeak-ng espeak-ng"
# Node.js and npm run the real LRS of the lrs push tests (Learning Locker's statement service).
# A machine that already has them (e.g. NodeSource's nodejs, which carries its own npm) keeps
# them: Debian's npm would conflict with it.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  PKGS="$PKGS nodejs npm"
fi
missing=""
for p in $PKGS; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0
echo "Installing missing packages:$missing"
cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" -eq 0 ]; then
  sh -c "$cmd"
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo sh -c "$cmd"
else
  echo "Cannot install packages without root. Run this, then try again:" >&2
  echo "  sudo sh -c '$cmd'" >&2
  exit 1
fi
