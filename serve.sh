#!/usr/bin/env bash
# Sets up what is missing, builds the site into build/site/ and serves it on 127.0.0.1.
#   ./serve.sh            PORT=8080 by default
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source scripts/build_env.sh
cmake --preset wasm >/dev/null
cmake --build --preset wasm --target site
exec node scripts/serve.mjs build/site
