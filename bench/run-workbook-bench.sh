#!/bin/sh
# run-workbook-bench.sh: importing a 100,000-row plan from an .xlsx, against
# what users do today (LibreOffice's "Save As CSV", then the CSV import).
#
#   bench/run-workbook-bench.sh [BUILD_DIR]        (default: _build)
#
# The plan is bench-import's 100,000-row CSV (UK dates, RAG words, updates
# over two lines), made into a workbook once by LibreOffice reading it as
# en-GB (so that its dates are real date cells, its text shared strings,
# as Excel saves a plan). Then, interleaved so that a change in the
# machine's load falls on each the same:
#
#   xlsx.dry_run       `boardpack import --dry-run` of the .xlsx: every
#                      cell read and checked, nothing written
#   xlsx.import        `boardpack import` of the .xlsx into a new file
#   csv.import         `boardpack import` of the same plan's CSV
#   libreoffice.to_csv `soffice --headless --convert-to csv` of the .xlsx,
#                      the step users take before a CSV import
#
# each as the median of the runs' wall times, with its peak resident
# memory (/usr/bin/time -v). Needs soffice (libreoffice-calc-nogui) and
# /usr/bin/time (time).
#
# Environment: BP_BENCH_OUT=DIR (default bench/out), BP_BENCH_RUNS=N (3),
# BP_BENCH_ROWS=N (100000).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
build=${1:-_build}
case $build in
  /*) ;;
  *) build=$top/$build ;;
esac
out=${BP_BENCH_OUT:-$top/bench/out}/workbook
runs=${BP_BENCH_RUNS:-3}
rows=${BP_BENCH_ROWS:-100000}
boardpack=$build/src/boardpack
soffice=$(command -v soffice || command -v libreoffice || true)
[ -n "$soffice" ] || { echo "run-workbook-bench: soffice is not installed (Debian: libreoffice-calc-nogui)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "run-workbook-bench: /usr/bin/time is not installed (Debian: time)" >&2; exit 1; }
ninja -C "$build" src/boardpack bench/bench-import >/dev/null
mkdir -p "$out"
profile=$out/lo-profile
lo() { "$soffice" -env:UserInstallation=file://$profile --headless --norestore "$@"; }

csv=$out/plan-100k.csv
xlsx=$out/plan-100k.xlsx
if [ ! -f "$xlsx" ] || [ "$(cat "$out/rows" 2>/dev/null)" != "$rows" ]; then
  echo "run-workbook-bench: writing the plan ($rows rows) and its workbook"
  "$build/bench/bench-import" --rows "$rows" --dir "$out" --keep >/dev/null
  rm -f "$xlsx"
  # 44 comma, 34 quote, 76 UTF-8, first line 1, standard columns, en-GB.
  lo --infilter="CSV:44,34,76,1,,2057" --convert-to xlsx --outdir "$out" "$csv" >/dev/null 2>&1
  [ -f "$xlsx" ] || { echo "run-workbook-bench: LibreOffice wrote no workbook" >&2; exit 1; }
  echo "$rows" >"$out/rows"
fi
echo "workbook.rows: $rows"
echo "workbook.bytes: $(stat -c %s "$xlsx")"
echo "csv.bytes: $(stat -c %s "$csv")"

# One run of a step: its wall seconds and peak RSS (KiB) on one line.
step() {
  name=$1; shift
  rm -f "$out/t.boardpack" "$out/t.boardpack-wal" "$out/t.boardpack-shm" "$out/lo/plan-100k.csv"
  "$boardpack" new "$out/t.boardpack" >/dev/null
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$out/time.txt" "$@" >/dev/null 2>"$out/$name.err" || {
    echo "run-workbook-bench: $name failed:" >&2; tail -5 "$out/$name.err" >&2; exit 1; }
  end=$(date +%s.%N)
  rss=$(awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' "$out/time.txt")
  awk -v a="$start" -v b="$end" -v r="$rss" 'BEGIN { printf "%.6f %s\n", b - a, r }' >>"$out/$name.times"
}
names="xlsx.dry_run xlsx.import csv.import libreoffice.to_csv"
for n in $names; do : >"$out/$n.times"; done
mkdir -p "$out/lo"
lo --convert-to csv --outdir "$out/lo" "$xlsx" >/dev/null 2>&1   # LibreOffice's first start, not timed
for i in $(seq "$runs"); do
  step xlsx.dry_run "$boardpack" import "$out/t.boardpack" "$xlsx" --dry-run --date 2025-06-30
  step xlsx.import "$boardpack" import "$out/t.boardpack" "$xlsx" --date 2025-06-30
  step csv.import "$boardpack" import "$out/t.boardpack" "$csv" --date 2025-06-30
  step libreoffice.to_csv lo --convert-to csv --outdir "$out/lo" "$xlsx"
done
median() { sort -n | awk '{ t[NR] = $1; r[NR] = $2 } END { m = int((NR + 1) / 2); printf "%.3f %d", t[m], r[m] }'; }
for n in $names; do
  set -- $(median <"$out/$n.times")
  echo "$n.time: $1 s (median of $runs)"
  echo "$n.peak_rss: $(($2 / 1024)) MiB"
  eval "t_$(echo "$n" | tr . _)=$1"
done
# What a user waits for: LibreOffice's conversion then the CSV import,
# against the workbook imported as it is.
awk -v x="$t_xlsx_import" -v c="$t_csv_import" -v l="$t_libreoffice_to_csv" 'BEGIN {
  printf "save_as_csv_then_import.time: %.3f s\n", l + c
  printf "xlsx.import.vs_save_as_csv_then_import: %.1fx faster\n", (l + c) / x
  printf "xlsx.import.vs_libreoffice_to_csv: %.1fx faster\n", l / x
}'
