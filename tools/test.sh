#!/bin/sh
# Builds Boardpack and runs every test: a normal build with warnings as
# errors, then a build with AddressSanitizer and UndefinedBehaviorSanitizer.
set -eu
cd "$(dirname "$0")/.."
./tools/install-deps.sh

build() {
  dir=$1
  shift
  if [ -f "$dir/build.ninja" ]; then
    meson configure "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$@"
  fi
  meson compile -C "$dir"
  meson test -C "$dir" --print-errorlogs --num-processes 2
}

build _build-test -Dwerror=true
build _build-asan -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug
echo "All tests passed (normal and sanitizer builds)."
