#!/bin/sh
# run-ui-bench.sh: the window's speed under Xvfb.
#
#   bench/run-ui-bench.sh [BUILD_DIR]        (default: _build)
#
# Prints `key: value` lines: the time from process start to the first
# frame showing the programme (median of 5), for the sample and for the
# generated 50,000-action file (bench/out/generated-50k.boardpack, made by
# bench/run-bench.sh); then the Actions view's filter and sort timings on
# the 50,000-action file (tests/test-ui-actions.c's bench case).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
build=${1:-_build}
case $build in
  /*) ;;
  *) build=$top/$build ;;
esac
out=${BP_BENCH_OUT:-$top/bench/out}
runs=${BP_BENCH_RUNS:-5}
boardpack=$build/src/boardpack
big=$out/generated-50k.boardpack

ninja -C "$build" src/boardpack tests/test-ui-actions >/dev/null
mkdir -p "$out"
sample=$out/ui-sample.boardpack
rm -f "$sample" "$sample-wal" "$sample-shm"
"$boardpack" sample "$sample" >/dev/null
[ -f "$big" ] || { echo "run-ui-bench: $big is missing: run bench/run-bench.sh first" >&2; exit 1; }

first_frame() {
  for i in $(seq "$runs"); do
    BOARDPACK_BENCH_FIRST_FRAME=1 GSETTINGS_BACKEND=memory \
      GSETTINGS_SCHEMA_DIR="$build/data" GSK_RENDERER=cairo GDK_BACKEND=x11 GTK_A11Y=none \
      xvfb-run -a -s "-screen 0 1280x800x24" "$boardpack" "$1" 2>/dev/null \
      | awk '/^first_frame:/ { print $2 }'
  done | sort -n | awk '{ t[NR] = $1 } END { printf "%.3f", t[int((NR + 1) / 2)] }'
}

echo "first_frame.sample: $(first_frame "$sample") s (median of $runs)"
echo "first_frame.50k: $(first_frame "$big") s (median of $runs)"

BP_BENCH_FILE=$big G_TEST_SRCDIR=$top/tests G_TEST_BUILDDIR=$build/tests \
  GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" GSK_RENDERER=cairo \
  GDK_BACKEND=x11 GTK_A11Y=none BOARDPACK="$boardpack" \
  xvfb-run -a -s "-screen 0 1280x800x24" "$build/tests/test-ui-actions" -p /ui/actions/bench 2>&1 \
  | grep -E ' ms' | sed 's/^/actions_view: /' || true
