#!/usr/bin/env bash
# Builds what the benchmark measures (native release + wasm site), then prints its tables.
#   tests/bench/run.sh [--count N] [--memory N]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source scripts/build_env.sh
{ cmake --preset native && cmake --build --preset native --target etalase; } >/dev/null
{ cmake --preset wasm && cmake --build --preset wasm --target site; } >/dev/null
node --expose-gc tests/bench/bench.mjs "$@"
node tests/bench/viewer_bench.mjs
