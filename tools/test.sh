#!/bin/sh
# Builds Boardpack and runs every test: a normal build with warnings as
# errors, then a build with AddressSanitizer and UndefinedBehaviorSanitizer.
set -eu
cd "$(dirname "$0")/.."
./tools/install-deps.sh
# The HTML accessibility check's npm packages (axe-core, playwright-core),
# pinned by the lock file; Debian's nodejs may come without npm.
command -v npm >/dev/null 2>&1 || apt-get install -y -q --no-install-recommends npm
npm ci --prefix tests/a11y --no-audit --no-fund

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
