#!/bin/sh
# run-fuzz.sh: builds the CSV-import fuzzer with clang and runs it.
#
#   tests/fuzz/run-fuzz.sh [SECONDS] [-- LIBFUZZER_OPTIONS...]
#
# SECONDS defaults to 60; .ci/run calls it with 30. It compiles
# tests/fuzz/fuzz-import.c against the core's sources directly
# (clang -fsanitize=fuzzer,address,undefined), seeds a corpus from
# tests/fixtures/import/, and prints the libFuzzer summary: executions,
# coverage and the corpus size. A crash leaves crash-* in the work
# folder and exits non-zero.
#
# Environment:
#   BP_FUZZ_DIR=DIR   work folder (default _build-fuzz): binary, corpus, crashes
#   CC=clang          the compiler (must be clang, with libclang-rt-14-dev)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
seconds=${1:-60}
[ $# -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift
work=${BP_FUZZ_DIR:-$top/_build-fuzz}
cc=${CC:-clang}
case $cc in *clang*) ;; *) cc=clang ;; esac

command -v "$cc" >/dev/null 2>&1 || { echo "run-fuzz: clang is not installed (tools/install-deps.sh)" >&2; exit 1; }
mkdir -p "$work/corpus"

# The core is built from source here, with the same sanitizers as the
# target (the files of core_sources in src/core/meson.build); libcsv, GLib
# and SQLite are the system's.
flags=$(pkg-config --cflags --libs glib-2.0 gobject-2.0 gio-2.0 sqlite3)
sources=$(sed -n "/^core_sources = files(/,/^)/s/^ *'\([^']*\.c\)'.*/\1/p" "$top/src/core/meson.build" |
  sed "s#^#$top/src/core/#")
[ -n "$sources" ] || { echo "run-fuzz: no core_sources in src/core/meson.build" >&2; exit 1; }
bin=$work/fuzz-import
if [ ! -x "$bin" ] || [ -n "$(find "$top/src/core" "$here/fuzz-import.c" -newer "$bin" -name '*.[ch]' 2>/dev/null | head -1)" ]; then
  echo "run-fuzz: building $bin"
  # shellcheck disable=SC2086
  "$cc" -g -O1 -fno-omit-frame-pointer \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -DGETTEXT_PACKAGE='"boardpack"' -DLOCALEDIR='"/usr/share/locale"' -DBP_VERSION='"fuzz"' \
    -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74 \
    -I"$top/src/core" "$here/fuzz-import.c" $sources \
    $flags -lcsv -lm -o "$bin"
fi

# Seeds: each fixture under the kind it is for (the first byte).
seed() { kind=$1; file=$2; out="$work/corpus/seed-$(basename "$file" .csv)-$kind"
  [ -f "$out" ] || { printf "\\$(printf '%03o' "$kind")" > "$out"; cat "$file" >> "$out"; }; }
for f in "$top"/tests/fixtures/import/*.csv; do
  case $(basename "$f") in
    risks*|bad-impact*) seed 1 "$f" ;;
    scorecard*) seed 2 "$f"; seed 6 "$f" ;;
    updates*) seed 3 "$f" ;;
    *) seed 0 "$f"; seed 4 "$f" ;;
  esac
done

cd "$work"
echo "run-fuzz: fuzzing for ${seconds}s in $work"
# -rss_limit_mb: the import reads the whole source; inputs are small.
exec "$bin" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
  -dict="$here/import.dict" -print_final_stats=1 "$@" corpus
