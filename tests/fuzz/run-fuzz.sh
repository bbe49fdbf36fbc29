#!/bin/sh
# run-fuzz.sh: builds Boardpack's libFuzzer targets with clang and runs each.
#
#   tests/fuzz/run-fuzz.sh [SECONDS] [-- LIBFUZZER_OPTIONS...]
#
# SECONDS (default 60) is each target's run; .ci/run calls it with 30;
# 0 builds the targets and writes the seeds without running them.
# Longer runs by hand, one fuzzer at a time, in the background:
#
#   nohup tests/fuzz/run-fuzz.sh 3600 > _build-fuzz/run.log 2>&1 &
#   BP_FUZZ_TARGETS=open tests/fuzz/run-fuzz.sh 600
#
# The targets (each file's header says more):
#
#   import  tests/fuzz/fuzz-import.c: a CSV through the real import path
#           (encoding and delimiter detection, header recognition, every
#           cell parser, validation, the window's preview) and a dry run
#           of the write into an in-memory programme, rolled back. The
#           first byte chooses the kind and options. Seeds:
#           tests/fixtures/import/*.csv; dictionary: import.dict.
#   workbook tests/fuzz/fuzz-workbook.c: the .xlsx and .ods reader, and
#           the import's choice of sheet and header from it. The first
#           byte says whether the rest is a whole file or one part (a
#           sheet, the shared strings, the styles, workbook.xml, an .ods's
#           content.xml) of an archive otherwise whole, since most
#           mutations of a zip only break its checksums. Seeds:
#           tests/fixtures/workbooks, whole and part by part; dictionary:
#           workbook.dict.
#   open    tests/fuzz/fuzz-open.c: the bytes as a .boardpack file in
#           /dev/shm, through what `boardpack check`, `export` and `pack`
#           do with it: open read-only, upgrade an older file,
#           integrity_check, the summary counts; the three exports as CSV;
#           the pack laid out in memory; for one input in eight the HTML
#           export, for another the PDF and the XLSX exports. Seeds:
#           fuzz-open-seeds.c writes a small programme (512-byte pages,
#           about 75 KiB) with its header fields changed, bytes flipped,
#           pages truncated, zeroed and swapped, and rows the schema
#           forbids; dictionary: open.dict. The sample programme's damaged
#           copies, too large to mutate, are run once each before the
#           fuzzing, with every output (log: _build-fuzz/open-sample.log). Inputs that reach a known bug not
#           yet fixed (text that is not UTF-8; a negative user_version)
#           skip that step unless BP_FUZZ_OPEN_STRICT=1 (fuzz-open.c).
#
# Speed on a 2-core machine, ASan and UBSan: import about 900 executions
# a second, open about 100 (most mutations of a SQLite file are refused
# at open; one that opens costs some 30 ms, the HTML export 100 ms more).
#
# A crash, a leak, a sanitizer report (ASan, UBSan), a timeout or a GLib
# warning or critical (made fatal by the targets) stops that target and
# leaves its input as _build-fuzz/artifacts/TARGET-crash-* (or -leak-,
# -timeout-, -oom-); reproduce with `_build-fuzz/fuzz-TARGET FILE`. At the
# end each target's executions, exec/s and crashes are printed, and the
# script exits non-zero when any target found one. The corpora
# (_build-fuzz/corpus-TARGET) grow from run to run.
#
# Everything is built from source here with the same sanitizers
# (clang -fsanitize=fuzzer-no-link,address,undefined): the files of
# core_sources and report_sources in src/{core,report}/meson.build, into
# _build-fuzz/libbp-fuzz.a, rebuilt when a source is newer; GLib, SQLite,
# cairo, pango, qpdf, libxlsxwriter and libcsv are the system's.
#
# Environment:
#   BP_FUZZ_DIR=DIR          work folder (default _build-fuzz)
#   BP_FUZZ_TARGETS="A B"    which targets, in order (default "import open workbook")
#   CC=clang                 the compiler (must be clang, with libclang-rt-14-dev)
#
# shellcheck disable=SC2086,SC2089,SC2090,SC3013
# (flags are lists split on purpose, with the quotes of -DNAME="value" meant
# for the compiler; dash's test has -nt.)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
seconds=${1:-60}
[ $# -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift
work=${BP_FUZZ_DIR:-$top/_build-fuzz}
targets=${BP_FUZZ_TARGETS:-import open workbook}
cc=${CC:-clang}
case $cc in *clang*) ;; *) cc=clang ;; esac

command -v "$cc" >/dev/null 2>&1 || { echo "run-fuzz: clang is not installed (tools/install-deps.sh)" >&2; exit 1; }
mkdir -p "$work/artifacts" "$work/obj" "$work/gen"

# ------------------------------------------------------------------ build
pkgs="glib-2.0 gobject-2.0 gio-2.0 sqlite3 cairo cairo-pdf cairo-svg pangocairo libqpdf xlsxwriter libgsf-1 libxml-2.0"
cflags="-g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
  -DGETTEXT_PACKAGE=\"boardpack\" -DLOCALEDIR=\"/usr/share/locale\" -DBP_VERSION=\"fuzz\"
  -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74
  -I$top/src/core -I$top/src/report -I$work/gen $(pkg-config --cflags $pkgs)"
libs="$(pkg-config --libs $pkgs) -lcsv -lm"

sources_of() { # VARIABLE DIR: the .c files of VARIABLE = files(...) in DIR/meson.build
  sed -n "/^$1 = files(/,/^)/s/^ *'\([^']*\.c\)'.*/\1/p" "$top/$2/meson.build" | sed "s#^#$top/$2/#"
}
core=$(sources_of core_sources src/core)
report=$(sources_of report_sources src/report)
[ -n "$core" ] && [ -n "$report" ] || { echo "run-fuzz: no core_sources or report_sources in the meson files" >&2; exit 1; }

# Whether $1 is missing or older than any source or header given after it.
stale() {
  out=$1; shift
  [ ! -e "$out" ] || [ -n "$(find "$@" -newer "$out" \( -name '*.[ch]' -o -name '*.xml' -o -name '*.po' -o -name meson.build \) 2>/dev/null | head -1)" ]
}

lib=$work/libbp-fuzz.a
if stale "$lib" "$top/src/core" "$top/src/report" "$top/po" "$here/run-fuzz.sh"; then
  echo "run-fuzz: building $lib"
  rm -f "$work"/obj/*.o "$work"/gen/*
  gen=
  # The catalogues the core builds in (src/core/meson.build compiles them
  # with msgfmt and glib-compile-resources), when it has them.
  for xml in "$top"/src/core/*.gresource.xml; do
    [ -f "$xml" ] || continue
    for mo in $(sed -n 's#.*<file>\([^<]*\)\.mo</file>.*#\1#p' "$xml"); do
      msgfmt "$top/po/$mo.po" -o "$work/gen/$mo.mo"
    done
    name=$(basename "$xml" .gresource.xml)
    cname=$(echo "$name" | tr - _)
    glib-compile-resources --sourcedir="$work/gen" --c-name "$cname" --generate-header \
      --target="$work/gen/$name.h" "$xml"
    glib-compile-resources --sourcedir="$work/gen" --c-name "$cname" --generate-source \
      --target="$work/gen/$name.c" "$xml"
    gen="$gen $work/gen/$name.c"
  done
  (cd "$work/obj" && "$cc" $cflags -fsanitize=fuzzer-no-link -c $core $report $gen)
  rm -f "$lib"
  ar rcs "$lib" "$work"/obj/*.o
fi

link() { # OUTPUT SOURCE [FLAGS]: a program against the library
  out=$1; src=$2; shift 2
  if [ "$lib" -nt "$out" ] || [ "$src" -nt "$out" ] || [ ! -x "$out" ]; then
    echo "run-fuzz: building $out"
    "$cc" $cflags "$@" "$src" "$lib" $libs -o "$out"
  fi
}

# ------------------------------------------------------------------ seeds
seed_import() {
  corpus=$work/corpus-import
  # The folder's name before there were two targets.
  [ ! -d "$work/corpus" ] || [ -d "$corpus" ] || mv "$work/corpus" "$corpus"
  mkdir -p "$corpus"
  # Each fixture under the kind it is for (the first byte).
  seed() { kind=$1; file=$2; out="$corpus/seed-$(basename "$file" .csv)-$kind"
    [ -f "$out" ] || { printf "\\$(printf '%03o' "$kind")" > "$out"; cat "$file" >> "$out"; }; }
  for f in "$top"/tests/fixtures/import/*.csv; do
    case $(basename "$f") in
      risks*|bad-impact*) seed 1 "$f" ;;
      scorecard*) seed 2 "$f"; seed 6 "$f" ;;
      updates*) seed 3 "$f" ;;
      *) seed 0 "$f"; seed 4 "$f" ;;
    esac
  done
}

seed_open() {
  link "$work/fuzz-open-seeds" "$here/fuzz-open-seeds.c"
  if [ ! -d "$work/seeds-open" ] || [ "$work/fuzz-open-seeds" -nt "$work/seeds-open" ]; then
    echo "run-fuzz: writing the seeds of fuzz-open"
    rm -rf "$work/seeds-open" "$work/sample-open"
    "$work/fuzz-open-seeds" "$work/seeds-open" "$work/sample-open"
  fi
  mkdir -p "$work/corpus-open"
}

seed_workbook() {
  corpus=$work/corpus-workbook
  mkdir -p "$corpus"
  # Each workbook whole (slot 0), and each of its parts in its slot:
  # 1 sheets, 2 shared strings, 3 styles, 4 workbook.xml, 5 an .ods's content.
  part() { slot=$1; out=$2; shift 2
    [ -f "$out" ] || { printf "\\$(printf '%03o' "$slot")" > "$out"; cat >> "$out"; }; }
  for f in "$top"/tests/fixtures/workbooks/*.xlsx "$top"/tests/fixtures/workbooks/*.ods \
           "$top"/tests/fixtures/workbooks/*.xls "$top"/tests/fixtures/workbooks/*.zip; do
    b=$(basename "$f")
    part 0 "$corpus/seed-$b" < "$f"
    for p in $(unzip -Z1 "$f" 2>/dev/null); do
      case $p in
        xl/worksheets/*.xml) slot=1 ;;
        xl/sharedStrings.xml) slot=2 ;;
        xl/styles.xml) slot=3 ;;
        xl/workbook.xml) slot=4 ;;
        content.xml) slot=5 ;;
        *) continue ;;
      esac
      unzip -p "$f" "$p" | part $slot "$corpus/seed-$b-$(echo "$p" | tr / _)"
    done
  done
}

# ------------------------------------------------------------------- runs
# Third-party leaks (lsan.supp): fontconfig's cache, cairo 1.16's SVG surface.
LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$here/lsan.supp}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS UBSAN_OPTIONS
summary=
failed=0

# NAME OPTIONS... : runs fuzz-NAME for $seconds and records its figures.
run_target() {
  name=$1; shift
  bin=$work/fuzz-$name
  log=$work/$name.log
  stamp=$work/artifacts/.start-$name
  : > "$stamp"
  echo "run-fuzz: fuzzing $name for ${seconds}s (log: $log)"
  status=0
  (cd "$work" && "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
     -print_final_stats=1 -artifact_prefix="$work/artifacts/$name-" "$@") > "$log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  crashes=$(find "$work/artifacts" -name "$name-*" -newer "$stamp" | wc -l)
  if [ "$status" -ne 0 ] || [ "$crashes" -ne 0 ]; then
    failed=1
    [ "$crashes" -ne 0 ] || crashes=1
    tail -n 60 "$log" >&2
    find "$work/artifacts" -name "$name-*" -newer "$stamp" | sed 's/^/run-fuzz: found /' >&2
  fi
  summary="$summary
$name: executions ${execs:-0}, exec/s ${rate:-0}, crashes $crashes"
}

for target in $targets; do
  case $target in
    import)
      link "$work/fuzz-import" "$here/fuzz-import.c" -fsanitize=fuzzer
      seed_import
      [ "$seconds" -gt 0 ] || continue
      run_target import -max_len=8192 -dict="$here/import.dict" "$@" corpus-import
      ;;
    open)
      link "$work/fuzz-open" "$here/fuzz-open.c" -fsanitize=fuzzer
      seed_open
      [ "$seconds" -gt 0 ] || continue
      # The sample's damaged copies, once each, with every output written.
      echo "run-fuzz: the sample's damaged copies, once each"
      if ! (cd "$work" && BP_FUZZ_OPEN_FULL=1 ./fuzz-open -timeout=60 -rss_limit_mb=2048 \
              -artifact_prefix="$work/artifacts/open-sample-" sample-open/*) > "$work/open-sample.log" 2>&1; then
        failed=1
        tail -n 60 "$work/open-sample.log" >&2
        summary="$summary
open (sample copies): crashed, see $work/open-sample.log"
      fi
      # The largest seed bounds the inputs, with room to grow a little.
      max=$(find "$work/seeds-open" -type f -size +0 -exec wc -c {} + | awk '$2 != "total" && $1 > m { m = $1 } END { print m + 4096 }')
      run_target open -max_len="$max" -dict="$here/open.dict" "$@" corpus-open seeds-open
      ;;
    workbook)
      link "$work/fuzz-workbook" "$here/fuzz-workbook.c" -fsanitize=fuzzer
      seed_workbook
      [ "$seconds" -gt 0 ] || continue
      run_target workbook -max_len=16384 -dict="$here/workbook.dict" "$@" corpus-workbook
      ;;
    *) echo "run-fuzz: unknown target $target (import, open, workbook)" >&2; exit 2 ;;
  esac
done

echo "run-fuzz: summary$summary"
exit $failed
