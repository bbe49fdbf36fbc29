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
# Then the comparison: LibreOffice converting the same programme's
# actions, as CSV (`boardpack export --what actions --format csv`), to
# PDF (`soffice --headless --convert-to pdf`), against the sample's whole
# pack, the two run in turn (pack, LibreOffice, pack, ...) so that a
# change in the machine's load falls on both; the medians and their
# ratio. Skipped, with a line saying so, when soffice is not installed.
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
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.6f\n", b - a }'
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

# Against LibreOffice: interleaved runs, then the medians and the ratio.
median() { sort -n | awk '{ t[NR] = $1 } END { printf "%.3f", t[int((NR + 1) / 2)] }'; }
elapsed() {
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.6f\n", b - a }'
}
soffice=$(command -v soffice || command -v libreoffice || true)
if [ -z "$soffice" ]; then
  echo "libreoffice: not installed (Debian: libreoffice-calc-nogui); no comparison"
  exit 0
fi
csv=$out/pack-sample-actions.csv
lo_out=$out/lo
profile=$out/lo-profile
mkdir -p "$lo_out"
"$boardpack" export "$sample" --what actions --format csv -o "$csv" >/dev/null
lo() {
  "$soffice" -env:UserInstallation=file://$profile --headless --norestore \
    --convert-to pdf --outdir "$lo_out" "$csv"
}
lo >/dev/null 2>&1   # the profile's first start, not timed
pdf=$out/pack-sample.pdf
pack_times=$out/pack-times.txt
lo_times=$out/lo-times.txt
: >"$pack_times"
: >"$lo_times"
for i in $(seq "$runs"); do
  elapsed "$boardpack" pack "$sample" -o "$pdf" >>"$pack_times"
  elapsed lo >>"$lo_times"
done
pack_median=$(median <"$pack_times")
lo_median=$(median <"$lo_times")
echo "libreoffice.csv_to_pdf.time: $lo_median s (median of $runs, $(($(wc -l <"$csv") - 1)) actions)"
echo "pack.sample.time_interleaved: $pack_median s (median of $runs)"
echo "pack.sample.vs_libreoffice: $(awk -v l="$lo_median" -v p="$pack_median" 'BEGIN { printf "%.1f", l / p }')x faster"
