#!/bin/sh
# run-pack-bench.sh: how long the board pack takes, and its peak memory.
#
#   bench/run-pack-bench.sh [BUILD_DIR]        (default: _build)
#
# Makes the pack of the sample programme and of a generated programme of
# 5,000 actions (20,000 updates, 200 risks, 40 measures), each timed over
# several runs (median), and prints `key: value` lines: wall time, peak
# resident memory (/usr/bin/time -v) and the number of pages.
#
# Environment: BP_BENCH_OUT=DIR (default bench/out), BP_BENCH_RUNS=N (5).
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
generate=$build/bench/bp-generate

if ! ninja -C "$build" src/boardpack bench/bp-generate >/dev/null; then
  [ -x "$boardpack" ] && [ -x "$generate" ] || { echo "run-pack-bench: build failed" >&2; exit 1; }
  echo "run-pack-bench: build failed; timing the binaries already built" >&2
fi
mkdir -p "$out"

sample=$out/pack-sample.boardpack
big=$out/pack-5k.boardpack
rm -f "$sample" "$sample-wal" "$sample-shm"
"$boardpack" sample "$sample" >/dev/null
if [ ! -f "$big" ]; then
  "$generate" "$big" --actions 5000 --updates 20000 --risks 200 --measures 40 --periods 12 \
    --meetings 4 >/dev/null
fi

# median of the wall times (seconds) of $runs runs of the command
median_time() {
  for i in $(seq "$runs"); do
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l
  done | sort -n | awk '{ t[NR] = $1 } END { printf "%.3f", t[int((NR + 1) / 2)] }'
}

for name in sample 5k; do
  if [ $name = sample ]; then file=$sample; else file=$big; fi
  pdf=$out/pack-$name.pdf
  "$boardpack" pack "$file" -o "$pdf" >/dev/null   # warm the page cache
  echo "pack.$name.time: $(median_time "$boardpack" pack "$file" -o "$pdf") s (median of $runs)"
  rss=$(/usr/bin/time -v "$boardpack" pack "$file" -o "$pdf" 2>&1 >/dev/null \
        | awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }')
  echo "pack.$name.peak_rss: $rss KiB"
  echo "pack.$name.pages: $(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')"
  echo "pack.$name.size: $(stat -c %s "$pdf") bytes"
done
