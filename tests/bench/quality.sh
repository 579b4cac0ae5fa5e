#!/usr/bin/env bash
# Moderation quality on labelled NDJSON (see tests/bench/quality.mjs): markdown tables of
# precision, recall, F1 and false positives per source and level, then the misses.
#   tests/bench/quality.sh [--bin PATH] [--level N] [--top N] [FILE.ndjson...]
# With no files: the golden corpora, and ../shared/data/*/train.ndjson when present.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# Builds the native CLI only when it is missing and no other binary was given.
if [[ " $* " != *" --bin "* && ! -x "$root/build/native/etalase" ]]; then
  (cd "$root" && cmake --preset native && cmake --build --preset native --target etalase) >/dev/null
fi
exec node "$root/tests/bench/quality.mjs" "$@"
