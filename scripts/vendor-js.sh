#!/usr/bin/env bash
# Vendor the browser libraries the UI serves (no CDN at run time) from the npm registry.
# Versions are pinned exactly; re-running gives the same files, and the sha256 printed at the
# end is what a reviewer compares against the committed copy.
#
#   scripts/vendor-js.sh            # fetch, extract and copy into src/salon/static/vendor/
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/src/salon/static/vendor"

# package@version  file-inside-the-package  name-in-static/vendor
LIBRARIES=(
  "htmx.org@2.0.11 dist/htmx.min.js htmx.min.js"
)

command -v npm >/dev/null || { echo "vendor-js: npm is required" >&2; exit 1; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$DEST"

for entry in "${LIBRARIES[@]}"; do
  read -r spec inner target <<<"$entry"
  (cd "$WORK" && npm pack --silent "$spec" >"$WORK/tarball-name")
  tarball="$WORK/$(tail -n1 "$WORK/tarball-name")"
  mkdir -p "$WORK/unpacked"
  tar -xzf "$tarball" -C "$WORK/unpacked"
  cp "$WORK/unpacked/package/$inner" "$DEST/$target"
  rm -rf "$WORK/unpacked" "$tarball"
  (cd "$DEST" && sha256sum "$target" | sed "s|\$| ($spec)|")
done
