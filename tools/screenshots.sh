#!/bin/sh
# Takes the README's screenshots: the window on the sample programme, one
# picture per view, under a private Xvfb, and the dashboard page of the
# sample's board pack. Re-run it whenever a view changes.
#
#   tools/screenshots.sh [--no-build] [BUILDDIR]   (default _build; writes docs/screenshots/)
set -eu
cd "$(dirname "$0")/.."
root=$PWD
compile=yes
if [ "${1:-}" = "--no-build" ]; then
  compile=no
  shift
fi
build=${1:-_build}
out=$root/docs/screenshots

for tool in xvfb-run xdotool import convert pdfinfo pdftoppm; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "screenshots: $tool is missing; run tools/install-deps.sh" >&2
    exit 1
  }
done

if [ "$compile" = yes ]; then
  [ -f "$build/build.ninja" ] || meson setup "$build"
  meson compile -C "$build" >"${TMPDIR:-/tmp}/boardpack-shots-build.log" 2>&1 || {
    cat "${TMPDIR:-/tmp}/boardpack-shots-build.log" >&2
    echo "screenshots: the build failed" >&2
    exit 1
  }
fi
boardpack=$root/$build/src/boardpack

tmp=$(mktemp -d "${TMPDIR:-/tmp}/boardpack-shots.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$out" "$tmp/home"

sample=$tmp/sample.boardpack
"$boardpack" sample "$sample" >/dev/null

# ------------------------------------------------------------ the pack
# The dashboard page is found by its named destination (language-neutral),
# so that a longer cover or contents does not shift the picture.
"$boardpack" pack "$sample" -o "$tmp/pack.pdf" >/dev/null
pages=$(pdfinfo "$tmp/pack.pdf" | sed -n 's/^Pages: *//p')
dashboard=$(pdfinfo -dests "$tmp/pack.pdf" | awk '$NF == "\"dashboard\"" { print $1; exit }')
dashboard=${dashboard:-4}
pdftoppm -r 60 -f "$dashboard" -l "$dashboard" -png -singlefile "$tmp/pack.pdf" "$out/pack-dashboard"
echo "screenshots: $out/pack-dashboard.png (page $dashboard of $pages)"

# ---------------------------------------------------------- the window
# Everything below runs inside xvfb-run: a fixed 1280x800 screen, the
# schemas from the build tree, settings in memory, no session bus (so a
# Boardpack already running on the desktop is never handed the file).
cat >"$tmp/shoot.sh" <<'EOF'
set -eu
boardpack=$1 sample=$2 out=$3 tmp=$4

"$boardpack" "$sample" >"$tmp/app.log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null || true' EXIT

# The window maps once the file is open; its title is the programme's.
wid=$(timeout 30 xdotool search --sync --onlyvisible --classname boardpack | head -n 1)
if [ -z "$wid" ]; then
  echo "screenshots: the window did not appear" >&2
  cat "$tmp/app.log" >&2
  exit 1
fi
# No window manager here: place and size the window by hand, and give it
# the keyboard so that the view shortcuts reach it.
xdotool windowmove --sync "$wid" 0 0 || true
xdotool windowsize --sync "$wid" 1280 800 || true
xdotool windowfocus --sync "$wid" || true
sleep 2

n=1
for view in overview actions risks scorecard meetings; do
  xdotool key --clearmodifiers "alt+$n"
  # Long enough for the view's first frame and its charts.
  sleep 1.5
  import -window root -crop 1280x800+0+0 +repage "$tmp/$view.png"
  convert "$tmp/$view.png" -strip "$out/$view.png"
  echo "screenshots: $out/$view.png"
  n=$((n + 1))
done
EOF

env -u DBUS_SESSION_BUS_ADDRESS \
  HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/config" XDG_DATA_HOME="$tmp/home/data" \
  XDG_CACHE_HOME="$tmp/home/cache" \
  GSETTINGS_SCHEMA_DIR="$root/$build/data" GSETTINGS_BACKEND=memory \
  GSK_RENDERER=cairo GDK_BACKEND=x11 GTK_A11Y=none LC_ALL=C.UTF-8 TZ=UTC \
  xvfb-run -a -s "-screen 0 1280x800x24" sh "$tmp/shoot.sh" "$boardpack" "$sample" "$out" "$tmp"
