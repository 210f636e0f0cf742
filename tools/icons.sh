#!/bin/sh
# Renders styles/icon.svg to the PNG icons the web app manifest names (192 and 512 px),
# with headless Chromium (the browser the tests use, so the PNGs look like the SVG does).
# The PNGs are committed; run this again only when icon.svg changes.
set -eu
cd "$(dirname "$0")/.."
svg="$PWD/styles/icon.svg"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for size in 192 512; do
  printf '<!doctype html><body style="margin:0"><img src="file://%s" width="%s" height="%s">' \
    "$svg" "$size" "$size" > "$work/page.html"
  chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars \
    --default-background-color=00000000 --window-size="$size,$size" \
    --user-data-dir="$work/profile" --screenshot="$PWD/styles/icon-$size.png" \
    "file://$work/page.html" 2>/dev/null
  [ -s "styles/icon-$size.png" ] || { echo "icons.sh: styles/icon-$size.png not written" >&2; exit 1; }
done
echo "wrote styles/icon-192.png styles/icon-512.png"
