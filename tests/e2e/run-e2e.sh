#!/bin/sh
# The end-to-end test: the real application, under a private X server
# (xvfb-run) and a private session bus (dbus-run-session, which starts the
# AT-SPI bus and registry on demand), driven through the accessibility tree
# by test-e2e.py (python3-dogtail). Exits 0 when the test passes, 1 when it
# fails or a tool it needs is missing (tools/install-deps.sh installs them:
# a missing tool is a failure, not a skip).
#
#   tests/e2e/run-e2e.sh BOARDPACK      (the built src/boardpack)
#
# The meson test `e2e` (suite e2e) runs it with the build tree's schemas;
# run by hand, it finds them next to BOARDPACK (BUILDDIR/data).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
boardpack=${1:?usage: run-e2e.sh BOARDPACK}
case $boardpack in /*) ;; *) boardpack=$PWD/$boardpack ;; esac
python=/usr/bin/python3  # Debian's, where python3-dogtail lives

missing=""
for tool in xvfb-run dbus-run-session timeout; do
  command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
[ -x "$python" ] && "$python" -c 'import dogtail, pyatspi' 2>/dev/null \
  || missing="$missing python3-dogtail/python3-pyatspi"
if [ -n "$missing" ]; then
  echo "e2e: missing:$missing (tools/install-deps.sh)"
  exit 1
fi

if [ -z "${GSETTINGS_SCHEMA_DIR:-}" ]; then
  GSETTINGS_SCHEMA_DIR=$(cd "$(dirname "$boardpack")/../data" 2>/dev/null && pwd) || true
fi
export GSETTINGS_SCHEMA_DIR
export GSETTINGS_BACKEND="${GSETTINGS_BACKEND:-memory}"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/boardpack-e2e.XXXXXX")
cleanup() {
  # The inner shell kills the application when it ends; this is for a
  # timeout that killed the inner shell first.
  if [ -s "$tmp/app.pid" ]; then
    kill "$(cat "$tmp/app.pid")" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
mkdir -p "$tmp/home"

# A fixed environment: English names in the accessibility tree, a known
# time zone for "today", a home of its own (recent files), the build's
# schemas, and no accessibility bus inherited from a desktop session.
export LC_ALL=C.UTF-8 TZ=UTC
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/config" XDG_DATA_HOME="$tmp/home/data" \
  XDG_CACHE_HOME="$tmp/home/cache" XDG_RUNTIME_DIR="$tmp/home/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset GTK_A11Y NO_AT_BRIDGE AT_SPI_BUS_ADDRESS DBUS_SESSION_BUS_ADDRESS LANGUAGE
export GSK_RENDERER=cairo GDK_BACKEND=x11
# Under AddressSanitizer GTK's own leaks at exit are no concern here.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"

sample=$tmp/sample.boardpack
today=$(date +%F)
"$boardpack" sample "$sample" >/dev/null
red_before=$("$boardpack" check --as-of "$today" "$sample" | sed -n 's/^actions\.red: *//p')
[ -n "$red_before" ] || { echo "e2e: boardpack check printed no actions.red"; exit 1; }
echo "e2e: $sample, $red_before red actions as of $today"

# Inside the X server and the bus: start the application on the file, run
# the script against it, and never leave the application behind.
cat >"$tmp/inner.sh" <<'EOF'
set -u
boardpack=$1 sample=$2 tmp=$3 script=$4 python=$5 red_before=$6 today=$7
"$boardpack" "$sample" >"$tmp/app.log" 2>&1 &
app=$!
echo "$app" >"$tmp/app.pid"
trap 'kill "$app" 2>/dev/null || true' EXIT
timeout -k 5 120 "$python" "$script" --boardpack "$boardpack" --file "$sample" \
  --app-pid "$app" --red-before "$red_before" --as-of "$today"
status=$?
[ "$status" -eq 124 ] && echo "e2e: FAIL: the test script timed out"
if [ "$status" -ne 0 ]; then
  echo "e2e: the application's output:"
  sed 's/^/  | /' "$tmp/app.log"
fi
exit "$status"
EOF

start=$(date +%s)
status=0
timeout -k 10 160 xvfb-run -a -s "-screen 0 1280x800x24" \
  dbus-run-session -- sh "$tmp/inner.sh" "$boardpack" "$sample" "$tmp" \
  "$here/test-e2e.py" "$python" "$red_before" "$today" || status=$?
echo "e2e: finished in $(( $(date +%s) - start )) s with status $status"
[ "$status" -eq 0 ] || exit 1
echo "e2e: PASS"
