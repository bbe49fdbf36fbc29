#!/bin/sh
# run-bench.sh: the speed and memory figures of DESIGN.md section 8.
#
#   bench/run-bench.sh [BUILD_DIR]        (default: _build)
#
# Builds bp-generate, bp-bench-writes and boardpack if needed (only those;
# boardpack wherever meson says it is), writes the generated programme
# (50,000 actions, 500,000 updates ...) to bench/out/ unless it is already
# there, then prints `key: value` lines:
#
#   generator time (and microseconds per action and per update) and file
#   size; `boardpack check` wall time (median of 5 runs, page cache warm)
#   and peak memory, on the generated file and on the sample programme;
#   the write path through the core (bp-bench-writes: 100,000 actions,
#   100,000 updates and 10,000 edits in one transaction, microseconds per
#   row); and, when the sqlite3 shell is installed, how check's time
#   splits between PRAGMA integrity_check, PRAGMA quick_check and the
#   counts.
#
# Environment:
#   BP_BENCH_OUT=DIR    where the files go (default bench/out)
#   BP_BENCH_REGEN=1    write the generated file again even if present
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

big=$out/generated-50k.boardpack
big_log=$out/generated-50k.log
sample=$out/sample.boardpack

die() { echo "run-bench: $*" >&2; exit 1; }

[ -f "$build/build.ninja" ] || die "$build is not a meson build directory (meson setup $build)"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing (Debian package: time)"
mkdir -p "$out"

# Where the boardpack executable is built (it has moved before): ask meson,
# else look in the places it has been.
boardpack_rel=$(meson introspect --targets "$build" 2>/dev/null | python3 -c '
import json, os, sys
for t in json.load(sys.stdin):
    if t["name"] == "boardpack" and t["type"] == "executable":
        print(os.path.relpath(t["filename"][0], sys.argv[1]))
        break
' "$build" 2>/dev/null) || boardpack_rel=""
if [ -z "$boardpack_rel" ]; then
  boardpack_rel=src/boardpack
  [ -x "$build/src/cli/boardpack" ] && boardpack_rel=src/cli/boardpack
fi
generate=$build/bench/bp-generate
bench_writes=$build/bench/bp-bench-writes
boardpack=$build/$boardpack_rel

if ! ninja -C "$build" bench/bp-generate bench/bp-bench-writes "$boardpack_rel" >"$out/ninja.log" 2>&1; then
  if [ -x "$generate" ] && [ -x "$bench_writes" ] && [ -x "$boardpack" ]; then
    echo "run-bench: the build failed (see $out/ninja.log); using the binaries already built" >&2
  else
    cat "$out/ninja.log" >&2
    die "the build failed"
  fi
fi
rm -f "$out/ninja.log"

# Seconds since the epoch, with nanoseconds.
now() { date +%s.%N; }

# quote ARG...: the arguments as one shell command line (for hyperfine).
quote() {
  for a in "$@"; do
    printf "'%s' " "$(printf '%s' "$a" | sed "s/'/'\\\\''/g")"
  done
}

# median_time CMD...: runs CMD (output discarded) once to warm the page
# cache, then $runs times, and prints the median wall time in seconds.
median_time() {
  if command -v hyperfine >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1; then
    json=$(mktemp)
    hyperfine --warmup 1 --runs "$runs" --style none --export-json "$json" "$(quote "$@")" \
      >/dev/null 2>&1 \
      || { rm -f "$json"; die "failed: $*"; }
    python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$json"
    rm -f "$json"
    return
  fi
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

# peak_rss CMD...: the maximum resident set size of CMD, in KiB.
peak_rss() {
  /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }'
}


# ------------------------------------------------------------ generated

if [ "${BP_BENCH_REGEN:-0}" = 1 ] || [ ! -f "$big" ] || [ ! -f "$big_log" ]; then
  rm -f "$big" "$big-wal" "$big-shm" "$big_log"
  echo "run-bench: writing $big (about 20 seconds)" >&2
  "$generate" "$big" >"$big_log.tmp" || { cat "$big_log.tmp" >&2; rm -f "$big_log.tmp"; die "bp-generate failed"; }
  mv "$big_log.tmp" "$big_log"
  gen_note=""
else
  gen_note=" (from the earlier run; BP_BENCH_REGEN=1 to write it again)"
fi

echo "generated.file: $big"
echo "generated.actions: $(awk -F': ' '$1 == "actions" { print $2 }' "$big_log")"
echo "generated.updates: $(awk -F': ' '$1 == "updates" { print $2 }' "$big_log")"
echo "generator.time: $(awk -F': ' '$1 == "time.total" { print $2 }' "$big_log")$gen_note"
echo "generator.time.updates: $(awk -F': ' '$1 == "time.updates" { print $2 }' "$big_log")"
echo "generator.time.commit: $(awk -F': ' '$1 == "time.commit" { print $2 }' "$big_log")"
echo "generator.per_action: $(awk -F': ' '$1 == "per_row.actions" { print $2 }' "$big_log")"
echo "generator.per_update: $(awk -F': ' '$1 == "per_row.updates" { print $2 }' "$big_log")"
size=$(stat -c %s "$big")
echo "file.size: $size bytes ($(awk -v s="$size" 'BEGIN { printf "%.1f", s / 1048576 }') MiB)"

"$boardpack" check --as-of "$as_of" "$big" >/dev/null || die "boardpack check $big failed"
echo "check.time: $(median_time "$boardpack" check --as-of "$as_of" "$big") s (median of $runs)"
echo "check.peak_rss: $(peak_rss "$boardpack" check --as-of "$as_of" "$big") KiB"

# --------------------------------------------------------------- sample

rm -f "$sample" "$sample-wal" "$sample-shm"
"$boardpack" sample "$sample" >/dev/null || die "boardpack sample failed"
echo "sample.file.size: $(stat -c %s "$sample") bytes"
echo "sample.check.time: $(median_time "$boardpack" check --as-of "$as_of" "$sample") s (median of $runs)"
echo "sample.check.peak_rss: $(peak_rss "$boardpack" check --as-of "$as_of" "$sample") KiB"

# ---------------------------------------------------------------- writes

writes=$out/writes.boardpack
writes_log=$out/writes.log
rm -f "$writes" "$writes-wal" "$writes-shm"
"$bench_writes" "$writes" >"$writes_log" || { cat "$writes_log" >&2; die "bp-bench-writes failed"; }
for key in actions updates edits all single; do
  echo "writes.per_row.$key: $(awk -F': ' -v k="per_row.$key" '$1 == k { print $2 }' "$writes_log")"
done
echo "writes.time.commit: $(awk -F': ' '$1 == "time.commit" { print $2 }' "$writes_log")"
echo "writes.time.transaction: $(awk -F': ' '$1 == "time.transaction" { print $2 }' "$writes_log")"
rm -f "$writes" "$writes-wal" "$writes-shm"

# ------------------------------------------------ where check's time goes

if command -v sqlite3 >/dev/null 2>&1; then
  counts="SELECT rag, count(*) FROM action GROUP BY rag; SELECT count(*) FROM priority;
    SELECT count(*) FROM action WHERE rag <> 'B' AND coalesce(revised_due_date, due_date) < '$as_of';
    SELECT count(*) FROM milestone; SELECT count(*) FROM progress_update; SELECT count(*) FROM risk;
    SELECT count(*) FROM measure; SELECT count(*) FROM meeting; SELECT count(*) FROM snapshot;"
  # A read-write connection, as `boardpack check` opens, verifies CHECK
  # constraints row by row; a read-only one leaves them out of its schema.
  echo "sqlite.integrity_check: $(median_time sqlite3 "$big" 'PRAGMA integrity_check') s"
  echo "sqlite.quick_check: $(median_time sqlite3 "$big" 'PRAGMA quick_check') s"
  echo "sqlite.integrity_check.no_check_constraints: $(median_time sqlite3 "$big" \
    'PRAGMA ignore_check_constraints = ON; PRAGMA integrity_check') s"
  echo "sqlite.quick_check.no_check_constraints: $(median_time sqlite3 "$big" \
    'PRAGMA ignore_check_constraints = ON; PRAGMA quick_check') s"
  echo "sqlite.integrity_check.read_only: $(median_time sqlite3 -readonly "$big" 'PRAGMA integrity_check') s"
  echo "sqlite.quick_check.read_only: $(median_time sqlite3 -readonly "$big" 'PRAGMA quick_check') s"
  echo "sqlite.counts: $(median_time sqlite3 "$big" "$counts") s"
  echo "sqlite.open: $(median_time sqlite3 "$big" 'SELECT count(*) FROM sqlite_schema') s"
fi
