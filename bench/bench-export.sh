#!/bin/sh
# bench-export.sh: `boardpack export` of the generated 50,000-action
# programme to CSV and XLSX (issue 5's targets: under 2 s each), with the
# HTML page and the risk register and scorecard sheets for comparison.
#
#   bench/bench-export.sh [BUILD_DIR]        (default: _build)
#
# Uses bench/out/generated-50k.boardpack, writing it with bp-generate first
# when it is missing (about a minute and a half). Prints `key: value`
# lines: for each export its median wall time over BP_BENCH_RUNS runs
# (default 5, after one warm-up run, so the page cache is warm), its peak
# memory and the size of what it wrote, and whether it met the target.
#
# Environment:
#   BP_BENCH_OUT=DIR    where the files go (default bench/out)
#   BP_BENCH_RUNS=N     runs per timing (default 5)
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
as_of=2025-06-30
target=2.0

big=$out/generated-50k.boardpack
big_log=$out/generated-50k.log

die() { echo "bench-export: $*" >&2; exit 1; }

[ -f "$build/build.ninja" ] || die "$build is not a meson build directory (meson setup $build)"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing (Debian package: time)"
mkdir -p "$out"

boardpack_rel=$(meson introspect --targets "$build" 2>/dev/null | python3 -c '
import json, os, sys
for t in json.load(sys.stdin):
    if t["name"] == "boardpack" and t["type"] == "executable":
        print(os.path.relpath(t["filename"][0], sys.argv[1]))
        break
' "$build" 2>/dev/null) || boardpack_rel=""
[ -n "$boardpack_rel" ] || boardpack_rel=src/boardpack
boardpack=$build/$boardpack_rel
generate=$build/bench/bp-generate

ninja -C "$build" bench/bp-generate "$boardpack_rel" >"$out/ninja-export.log" 2>&1 \
  || { cat "$out/ninja-export.log" >&2; die "the build failed"; }
rm -f "$out/ninja-export.log"

if [ ! -f "$big" ]; then
  echo "bench-export: writing $big (about a minute and a half)" >&2
  rm -f "$big-wal" "$big-shm"
  "$generate" "$big" >"$big_log.tmp" || { cat "$big_log.tmp" >&2; rm -f "$big_log.tmp"; die "bp-generate failed"; }
  mv "$big_log.tmp" "$big_log"
fi

now() { date +%s.%N; }

# median_time CMD...: one warm-up run, then $runs runs; the median wall
# time in seconds.
median_time() {
  "$@" >/dev/null 2>&1 || die "failed: $*"
  i=0
  times=""
  while [ $i -lt "$runs" ]; do
    t0=$(now)
    "$@" >/dev/null 2>&1 || die "failed: $*"
    t1=$(now)
    times="$times$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')
"
    i=$((i + 1))
  done
  printf '%s' "$times" | sort -n | awk '{ t[NR] = $1 } END {
    if (NR % 2) m = t[(NR + 1) / 2]; else m = (t[NR / 2] + t[NR / 2 + 1]) / 2;
    printf "%.3f\n", m }'
}

# rss_cpu CMD...: "PEAK_RSS_KIB CPU_SECONDS" of one run. The CPU time
# (user + system) shows what the export costs when other work on the
# machine stretches the wall time.
rss_cpu() {
  /usr/bin/time -f '%M %U %S' "$@" 2>&1 >/dev/null | tail -1 | awk '{ printf "%s %.2f\n", $1, $2 + $3 }'
}

echo "file: $big"
echo "actions: $(awk -F': ' '$1 == "actions" { print $2 }' "$big_log" 2>/dev/null || echo '?')"
echo "runs: $runs (median, after a warm-up run)"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine stretches wall times)"

status=0
# bench WHAT FORMAT [TARGETED]
bench() {
  what=$1
  format=$2
  file=$out/export-$what.$format
  t=$(median_time "$boardpack" export "$big" --what "$what" --format "$format" --as-of "$as_of" -o "$file")
  set -- $(rss_cpu "$boardpack" export "$big" --what "$what" --format "$format" --as-of "$as_of" -o "$file") "${3:-}"
  echo "export.$what.$format.time: $t s"
  echo "export.$what.$format.cpu: $2 s (user + system, one run)"
  echo "export.$what.$format.peak_rss: $1 KiB"
  echo "export.$what.$format.size: $(stat -c %s "$file") bytes"
  if [ "${3:-}" = targeted ]; then
    if awk -v t="$t" -v m="$target" 'BEGIN { exit !(t < m) }'; then
      echo "export.$what.$format.target: met (under $target s)"
    else
      echo "export.$what.$format.target: MISSED (over $target s)"
      status=1
    fi
  fi
  rm -f "$file"
}

bench actions csv targeted
bench actions xlsx targeted
bench actions html
bench risks xlsx
bench scorecard xlsx
exit $status
