#!/usr/bin/env bash
# Renders the application icon from irw.svg (the source; edit that one) into the PNGs that the window
# (resources/irw/ui/icons, on the class path) and jpackage (the 256 px one: menu entry, file types)
# use. Needs rsvg-convert (Debian: apt-get install librsvg2-bin). The PNGs are committed, so building
# a package does not need it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/../../resources/irw/ui/icons"
mkdir -p "$out"
for size in 32 48 256; do
  rsvg-convert -w "$size" -h "$size" "$here/irw.svg" -o "$out/irw-$size.png"
done
echo "rendered: $(cd "$out" && ls irw-*.png | tr '\n' ' ')"
