#!/usr/bin/env bash
# Rewrites tests/corpora/golden/ from the native CLI: run it after changing lexicons, corpora
# or the level policy, and review the diff (the CLI test cli_golden fails until then).
#   tests/corpora/update_golden.sh [--bin PATH]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bin=$root/build/native/etalase
[ "${1:-}" = --bin ] && bin=$2
if [ ! -x "$bin" ]; then
  (cd "$root" && cmake --preset native && cmake --build --preset native --target etalase) >/dev/null
fi
node "$root/tests/corpora/golden.mjs" --bin "$bin"
