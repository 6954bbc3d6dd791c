#!/usr/bin/env bash
# Vendor the gate page's browser libraries (no CDN at run time) from the npm registry into
# src/salon/access/static/access/vendor/. Versions are pinned exactly; the sha256 lines printed at
# the end are what a reviewer compares with the committed copies.
#
#   scripts/vendor-access-js.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/src/salon/access/static/access/vendor"

# package@version  files-inside-the-package (comma-separated)  folder-in-vendor ("." for the top)
LIBRARIES=(
  "@noble/ed25519@3.2.0 index.js,LICENSE noble-ed25519"
  "@noble/hashes@2.4.0 sha2.js,_md.js,_u64.js,utils.js,LICENSE noble-hashes"
  "jsqr@1.4.0 dist/jsQR.js ."
)

command -v npm >/dev/null || { echo "vendor-access-js: npm is required" >&2; exit 1; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

for entry in "${LIBRARIES[@]}"; do
  read -r spec files folder <<<"$entry"
  (cd "$WORK" && npm pack --silent "$spec" >"$WORK/tarball-name")
  tarball="$WORK/$(tail -n1 "$WORK/tarball-name")"
  mkdir -p "$WORK/unpacked" "$DEST/$folder"
  tar -xzf "$tarball" -C "$WORK/unpacked"
  IFS=',' read -ra inner <<<"$files"
  for file in "${inner[@]}"; do
    cp "$WORK/unpacked/package/$file" "$DEST/$folder/$(basename "$file")"
    (cd "$DEST" && sha256sum "$folder/$(basename "$file")" | sed "s|^|  |; s|\$| ($spec)|")
  done
  rm -rf "$WORK/unpacked" "$tarball"
done
