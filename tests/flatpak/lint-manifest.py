#!/usr/bin/env python3
"""Lints the Flatpak manifest without building it.

Building needs the GNOME runtime and SDK, which this machine cannot
download, so the test checks what can be checked offline and would
otherwise only fail on a builder, or, worse, pass there with too much
access:

- the file is strict JSON (no comments, no duplicate keys), so any tool
  reads it the same way flatpak-builder does;
- the application id, command and runtime agree with the build (the
  runtime is GNOME 43 or newer: GTK 4.8 and libadwaita 1.2 are what the
  code is written against);
- the sandbox stays narrow: display, GPU and IPC only; no file-system,
  network, bus or device access beyond that, because files reach the app
  through the portal (GtkFileChooserNative) and it works offline;
- every library the meson files ask for is either in the GNOME runtime or
  built as a module before Boardpack, with a build system flatpak-builder
  knows, and every downloaded source is pinned by a SHA-256 or a commit.

flatpak-builder --show-manifest (a separate test, where installed) checks
the property names against flatpak-builder's own types.

usage: lint-manifest.py MANIFEST APP_ID SOURCE_ROOT
"""

import json
import pathlib
import re
import sys

MIN_GNOME = 43

# What the GNOME runtime (and the freedesktop runtime under it) provides,
# by pkg-config name or library name.
RUNTIME = {
    "glib-2.0", "gobject-2.0", "gio-2.0", "gio-unix-2.0", "gmodule-2.0",
    "gtk4", "libadwaita-1", "cairo", "cairo-pdf", "cairo-svg", "cairo-png",
    "pango", "pangocairo", "pangoft2", "fontconfig", "freetype2", "harfbuzz",
    "json-glib-1.0", "libxml-2.0", "zlib", "m", "dl", "pthread",
}

# Libraries built as modules: dependency or library name -> module name.
MODULES = {
    "sqlite3": "sqlite",
    "libqpdf": "qpdf",
    "xlsxwriter": "libxlsxwriter",
    "libxlsxwriter": "libxlsxwriter",
    "csv": "libcsv",
    "libcsv": "libcsv",
    "libgsf-1": "libgsf",
}

BUILDSYSTEMS = {"autotools", "cmake", "cmake-ninja", "meson", "simple", "qmake"}

REQUIRED_ARGS = {"--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"}
ALLOWED_ARGS = REQUIRED_ARGS

errors = []


def error(message):
    errors.append(message)


def no_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"duplicate key {key!r}")
        seen[key] = value
    return seen


def meson_dependencies(root):
    """The pkg-config and library names the build asks for."""
    names = set()
    for path in root.rglob("meson.build"):
        if any(part.startswith(("_build", ".")) or part == "node_modules" for part in path.parts):
            continue
        text = path.read_text(encoding="utf-8")
        names.update(re.findall(r"\bdependency\(\s*'([^']+)'", text))
        names.update(re.findall(r"\bfind_library\(\s*'([^']+)'", text))
    return names


def check_sources(module):
    for source in module.get("sources", []):
        kind = source.get("type")
        where = f"module {module.get('name')}: {kind} source"
        if kind in ("archive", "file"):
            if "url" in source and not re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")):
                error(f"{where} {source['url']} has no sha256")
            if "url" in source and not source["url"].startswith("https://"):
                error(f"{where} {source['url']} is not https")
        elif kind == "git":
            if not re.fullmatch(r"[0-9a-f]{40}", source.get("commit", "")):
                error(f"{where} {source.get('url')} is not pinned to a commit")
        elif kind == "dir":
            pass
        elif kind != "patch":
            error(f"{where}: unexpected source type")


def main():
    manifest_path, app_id, root = pathlib.Path(sys.argv[1]), sys.argv[2], pathlib.Path(sys.argv[3])
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"), object_pairs_hook=no_duplicates)
    except ValueError as e:
        print(f"{manifest_path}: not strict JSON: {e}", file=sys.stderr)
        return 1

    if (manifest.get("id") or manifest.get("app-id")) != app_id:
        error(f"id is {manifest.get('id') or manifest.get('app-id')!r}, expected {app_id!r}")
    if manifest.get("command") != "boardpack":
        error(f"command is {manifest.get('command')!r}, expected 'boardpack'")
    if manifest.get("runtime") != "org.gnome.Platform":
        error("runtime is not org.gnome.Platform")
    if manifest.get("sdk") != "org.gnome.Sdk":
        error("sdk is not org.gnome.Sdk")
    version = str(manifest.get("runtime-version", ""))
    if not version.isdigit() or int(version) < MIN_GNOME:
        error(f"runtime-version {version!r}: GNOME {MIN_GNOME} or newer (GTK 4.8, libadwaita 1.2) is needed")

    args = manifest.get("finish-args", [])
    for arg in args:
        if arg.startswith("--filesystem"):
            error(f"finish-arg {arg}: files come through the portal, no file-system access")
        elif arg not in ALLOWED_ARGS:
            error(f"finish-arg {arg} is wider than Boardpack needs")
    for arg in sorted(REQUIRED_ARGS - set(args)):
        error(f"finish-arg {arg} is missing")

    modules = manifest.get("modules", [])
    names = [m.get("name") if isinstance(m, dict) else None for m in modules]
    if None in names:
        error("every module must be an inline object with a name")
    if len(set(names)) != len(names):
        error(f"module names repeat: {names}")
    for module in modules:
        if not isinstance(module, dict):
            continue
        if module.get("buildsystem", "autotools") not in BUILDSYSTEMS:
            error(f"module {module.get('name')}: unknown buildsystem {module.get('buildsystem')!r}")
        if not module.get("sources"):
            error(f"module {module.get('name')} has no sources")
        check_sources(module)

    if not names or names[-1] != "boardpack":
        error("the last module must be boardpack")
    else:
        app = modules[-1]
        if app.get("buildsystem") != "meson":
            error("module boardpack must use the meson buildsystem")
        if not any(s.get("type") == "dir" and s.get("path") == ".." for s in app.get("sources", [])):
            error("module boardpack must build this source tree (type dir, path ..)")

    for dep in sorted(meson_dependencies(root)):
        if dep in RUNTIME:
            continue
        module = MODULES.get(dep)
        if module is None:
            error(f"meson asks for {dep!r}: add a module for it, or list it in RUNTIME if the GNOME runtime has it")
        elif module not in names[:-1]:
            error(f"meson asks for {dep!r} but no {module!r} module builds it before boardpack")
    if "libxlsxwriter" not in names:
        error("libxlsxwriter must be built as a module (XLSX export)")

    for message in errors:
        print(f"{manifest_path}: {message}", file=sys.stderr)
    if errors:
        return 1
    print(f"{manifest_path}: {len(modules)} modules ({', '.join(names)}), finish-args {' '.join(args)}: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
