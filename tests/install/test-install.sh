#!/bin/sh
# Installs the build into a scratch DESTDIR, checks that every file a
# desktop needs lands where the freedesktop specifications look for it,
# validates what was installed (not the sources), and runs the installed
# binary on a programme it writes itself.
#
# usage: test-install.sh MESON BUILDDIR SRCDIR PREFIX BINDIR DATADIR LOCALEDIR APP_ID
set -eu

meson=$1 builddir=$2 srcdir=$3 prefix=$4 bindir=$5 datadir=$6 localedir=$7 app_id=$8

tmp=$(mktemp -d "${TMPDIR:-/tmp}/boardpack-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
ok() {
  echo "ok: $*"
}

# An option may be relative to the prefix or absolute.
under_prefix() {
  case $1 in
    /*) echo "$tmp/root$1" ;;
    *) echo "$tmp/root$prefix/$1" ;;
  esac
}

"$meson" install -C "$builddir" --destdir "$tmp/root" --no-rebuild >"$tmp/install.log" 2>&1 || {
  cat "$tmp/install.log" >&2
  echo "FAIL: meson install" >&2
  exit 1
}
ok "meson install --destdir"

bin=$(under_prefix "$bindir")
data=$(under_prefix "$datadir")
locale=$(under_prefix "$localedir")

# ------------------------------------------------------------------ paths
expect() {
  if [ -f "$1" ]; then ok "installed ${1#"$tmp/root"}"; else fail "missing ${1#"$tmp/root"}"; fi
}

if [ -x "$bin/boardpack" ]; then ok "installed ${bin#"$tmp/root"}/boardpack"; else fail "no executable $bin/boardpack"; fi
desktop="$data/applications/$app_id.desktop"
metainfo="$data/metainfo/$app_id.metainfo.xml"
schema="$data/glib-2.0/schemas/$app_id.gschema.xml"
mime="$data/mime/packages/$app_id.xml"
icon="$data/icons/hicolor/scalable/apps/$app_id.svg"
symbolic="$data/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
for f in "$desktop" "$metainfo" "$schema" "$mime" "$icon" "$symbolic"; do
  expect "$f"
done

# LINGUAS may name several languages on a line: words, not lines.
# shellcheck disable=SC2013
for lang in $(sed -e 's/#.*//' "$srcdir/po/LINGUAS"); do
  expect "$locale/$lang/LC_MESSAGES/boardpack.mo"
done

# A schema compiled in the prefix would be stale for the next install; the
# post-install trigger (skipped under DESTDIR) is the one to compile it.
if [ -e "$data/glib-2.0/schemas/gschemas.compiled" ]; then
  fail "gschemas.compiled installed under DESTDIR"
fi

# ------------------------------------------------------------- validators
# A missing tool is reported (its own test in the suite shows SKIP), not
# counted as a failure of the install.
validate() {
  what=$1
  shift
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "skip: $1 is not installed, $what not checked"
  elif "$@"; then
    ok "$what"
  else
    fail "$what"
  fi
}
validate "desktop-file-validate" desktop-file-validate "$desktop"
validate "appstreamcli validate --no-net" appstreamcli validate --no-net "$metainfo"
validate "glib-compile-schemas --strict" glib-compile-schemas --strict --dry-run "$data/glib-2.0/schemas"
validate "xmllint" xmllint --noout "$mime" "$metainfo" "$icon" "$symbolic"

# update-mime-database reads the definition as the desktop will, and warns
# about what it does not understand.
if ! command -v update-mime-database >/dev/null 2>&1; then
  echo "skip: update-mime-database is not installed"
elif XDG_DATA_DIRS="$data:/usr/share" update-mime-database "$data/mime" >"$tmp/mime.log" 2>&1 \
  && [ ! -s "$tmp/mime.log" ]; then
  ok "update-mime-database"
else
  cat "$tmp/mime.log" >&2
  fail "update-mime-database"
fi

# ---------------------------------------------------- the pieces agree
key() {
  sed -n "s/^$1=//p" "$desktop" | head -n 1
}
[ "$(key Icon)" = "$app_id" ] || fail "Icon=$(key Icon), expected $app_id"
exec_cmd=$(key Exec | cut -d' ' -f1)
[ -x "$bin/$exec_cmd" ] || fail "Exec=$exec_cmd is not the installed binary"
key MimeType | grep -q '^application/x-boardpack;' || fail "desktop MimeType lacks application/x-boardpack"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" \
  || fail "metainfo launchable is not $app_id.desktop"
grep -q "<id>$app_id</id>" "$metainfo" || fail "metainfo id is not $app_id"
grep -q '<mime-type type="application/x-boardpack">' "$mime" || fail "MIME definition lacks application/x-boardpack"
ok "desktop file, metainfo, icon, binary and MIME type name one another"

# ------------------------------------------------- the installed binary
mkdir -p "$tmp/work"
programme="$tmp/work/sample.boardpack"
"$bin/boardpack" sample "$programme" >/dev/null || fail "installed boardpack sample"
"$bin/boardpack" check "$programme" >"$tmp/check.out" || fail "installed boardpack check"
if grep -qx 'integrity: ok' "$tmp/check.out"; then
  ok "installed boardpack check: integrity: ok"
else
  cat "$tmp/check.out" >&2
  fail "installed boardpack check did not print integrity: ok"
fi

# The pack's Welsh is built into the binary: this one runs outside its
# prefix, where no installed catalogue could be found.
if command -v pdftotext >/dev/null 2>&1; then
  if env -u BOARDPACK_LOCALEDIR "$bin/boardpack" pack "$programme" -o "$tmp/work/cy.pdf" \
       --language cy >/dev/null \
     && pdftotext "$tmp/work/cy.pdf" - | grep -q 'Adroddiad eithriadau'; then
    ok "installed boardpack pack --language cy: in Welsh"
  else
    fail "installed boardpack pack --language cy is not in Welsh"
  fi
else
  echo "skip: pdftotext is not installed, the Welsh pack not checked"
fi

# ------------------------------------------- the MIME type, as GIO sees it
# A programme by name, a programme by content alone (no extension: the
# application id at byte 68 decides), and a plain SQLite database, which
# must stay application/vnd.sqlite3.
if [ -f "$data/mime/mime.cache" ] && command -v gio >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1; then
  cp "$programme" "$tmp/work/no-extension"
  python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("create table t(x)"); c.commit()' \
    "$tmp/work/plain.db"
  mkdir -p "$tmp/home"
  content_type() {
    XDG_DATA_HOME="$tmp/home" XDG_DATA_DIRS="$data:/usr/local/share:/usr/share" GIO_USE_VFS=local \
      gio info -a standard::content-type "$1" | sed -n 's/^ *standard::content-type: //p'
  }
  for pair in "sample.boardpack application/x-boardpack" "no-extension application/x-boardpack" \
              "plain.db application/vnd.sqlite3"; do
    file=${pair% *} want=${pair#* }
    got=$(content_type "$tmp/work/$file")
    if [ "$got" = "$want" ]; then ok "content type of $file: $got"; else fail "content type of $file: $got, expected $want"; fi
  done
else
  echo "skip: no MIME cache, gio or python3: MIME sniffing not checked"
fi

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "install into a scratch prefix: all checks passed"
