#!/bin/sh
# Builds Boardpack and opens the sample programme.
set -eu
cd "$(dirname "$0")/.."
./tools/install-deps.sh
[ -f _build/build.ninja ] || meson setup _build
meson compile -C _build
sample=_build/sample.boardpack
rm -f "$sample" "$sample-wal" "$sample-shm"
./_build/src/cli/boardpack sample "$sample"
# Until the window exists, show what the sample holds.
./_build/src/cli/boardpack check "$sample"
