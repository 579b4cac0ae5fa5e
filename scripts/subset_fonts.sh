#!/usr/bin/env bash
# Cuts DejaVu Sans (regular and bold, from Debian's fonts-dejavu-core) down to the code
# points the overlay draws (wasm/overlay/font.cpp, kRanges), without hinting or layout
# tables, which stb_truetype does not use: about a tenth of the bytes the first frame waits
# for. The output is committed; rerun this only when the ranges change.
#   apt-get install fonts-dejavu-core python3-fonttools && scripts/subset_fonts.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
src=/usr/share/fonts/truetype/dejavu
# Keep in step with kRanges in wasm/overlay/font.cpp (first, count) -> first-last.
ranges="U+0020-007E,U+00A0-017F,U+01A0-01BF,U+0300-030F,U+1EA0-1EF9,U+2010-203F,U+20A0-20BF,U+2665"
for name in DejaVuSans DejaVuSans-Bold; do
  /usr/bin/python3 -m fontTools.subset "$src/$name.ttf" --unicodes="$ranges" --output-file="assets/fonts/$name.ttf" \
    --no-hinting --layout-features='' --name-IDs='*' --name-legacy --name-languages='*' --notdef-outline
  ls -l "assets/fonts/$name.ttf"
done
