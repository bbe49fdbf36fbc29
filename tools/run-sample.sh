#!/bin/sh
# Builds Boardpack and opens the sample programme in the window.
set -eu
cd "$(dirname "$0")/.."
./tools/install-deps.sh
[ -f _build/build.ninja ] || meson setup _build
meson compile -C _build
sample=_build/sample.boardpack
rm -f "$sample" "$sample-wal" "$sample-shm"
./_build/src/boardpack sample "$sample"
./_build/src/boardpack check "$sample"
# The settings schema is compiled in the build folder until installed.
GSETTINGS_SCHEMA_DIR="$PWD/_build/data" exec ./_build/src/boardpack "$sample"
