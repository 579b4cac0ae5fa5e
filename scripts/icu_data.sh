#!/usr/bin/env bash
# Trims ICU's full data archive to the items named in a keep-list.
# usage: icu_data.sh FULL.dat KEEP.txt OUT/icudt72l.dat
# The output keeps the name icudt72l.dat: ICU checks item prefixes against it.
set -euo pipefail
full=$1 keep=$2 out=$3
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp "$full" "$work/icudt72l.dat"
icupkg -l "$work/icudt72l.dat" | sed 's#^icudt72l/##' > "$work/all.txt"
grep -vE '^\s*(#|$)' "$keep" > "$work/patterns.txt"
grep -vEf "$work/patterns.txt" "$work/all.txt" > "$work/remove.txt" || true
(cd "$work" && icupkg --ignore-deps -r remove.txt icudt72l.dat >/dev/null)
mkdir -p "$(dirname "$out")"
cp "$work/icudt72l.dat" "$out"
echo "icu_data: kept $(( $(wc -l < "$work/all.txt") - $(wc -l < "$work/remove.txt") )) of $(wc -l < "$work/all.txt") items, $(du -k "$out" | cut -f1) KB" >&2
