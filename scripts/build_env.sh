# Sourced by serve.sh and tests/run.sh: installs what is missing, then exports what the
# builds need. Safe to source repeatedly.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$here/scripts/setup.sh"
export NODE_PATH=/usr/share/nodejs   # Emscripten's optimised links need acorn from here
ETALASE_WASM_DEPS=$("$here/scripts/wasm_deps.sh")
export ETALASE_WASM_DEPS
