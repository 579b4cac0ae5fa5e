#!/usr/bin/env bash
# Every test Etalase has, from a fresh machine: set-up, native build + unit/CLI tests, the
# same under ASan + UBSan, bounded fuzzing, the wasm build + its tests under node, and the
# browser tests in headless Chromium. Ends with "N passed, M failed"; non-zero on any failure.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
logs="$root/build/test-logs"
mkdir -p "$logs"
passed=0
failed=0
failures=()

note_fail() { failed=$((failed + 1)); failures+=("$1"); echo "FAILED: $1"; }

# Runs ctest for a preset and adds its counts.
run_ctest() {
  local preset=$1 log="$logs/ctest-$1.log"
  shift
  ctest --preset "$preset" "$@" >"$log" 2>&1
  local line total bad
  line=$(grep -E '[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n1)
  if [ -z "$line" ]; then note_fail "ctest $preset (no result; see $log)"; tail -n 30 "$log"; return; fi
  total=$(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"$line")
  bad=$(sed -E 's/.* ([0-9]+) tests? failed.*/\1/' <<<"$line")
  passed=$((passed + total - bad))
  failed=$((failed + bad))
  echo "ctest $preset: $line"
  if [ "$bad" != 0 ]; then
    failures+=("ctest $preset")
    grep -E '^\s+[0-9]+ - ' "$log"
    grep -B2 -A25 -E 'ERROR:|FAILED|\*\*\*Failed' "$log" | head -n 120
  fi
}

# Runs node's test runner over a folder and adds its counts.
run_node_tests() {
  local name=$1 dir=$2 log="$logs/node-$1.log"
  node --test --test-reporter=spec "$dir"/*.test.mjs >"$log" 2>&1
  local rc=$? p f
  p=$(grep -E '^ℹ pass [0-9]+' "$log" | tail -n1 | awk '{print $3}')
  f=$(grep -E '^ℹ fail [0-9]+' "$log" | tail -n1 | awk '{print $3}')
  if [ -z "$p" ]; then note_fail "node $name (no result; see $log)"; tail -n 40 "$log"; return; fi
  passed=$((passed + p))
  failed=$((failed + f))
  echo "node $name: $p passed, $f failed"
  if [ "$f" != 0 ] || [ $rc != 0 ]; then
    failures+=("node $name")
    grep -E -A30 '^✖|failing tests' "$log" | head -n 150
    [ "$f" != 0 ] || failed=$((failed + 1))
  fi
}

build() { # preset [extra cmake args]
  local preset=$1; shift
  local log="$logs/build-$preset.log"
  echo "== build $preset"
  if ! { cmake --preset "$preset" "$@" && cmake --build --preset "$preset"; } >"$log" 2>&1; then
    note_fail "build $preset (see $log)"
    grep -E -A5 'error|Error' "$log" | head -n 60
    return 1
  fi
}

t0=$SECONDS
echo "== set-up"
if ! source scripts/build_env.sh; then
  echo "set-up failed"; echo "0 passed, 1 failed"; exit 1
fi
echo "set-up done in $((SECONDS - t0)) s (wasm deps: $ETALASE_WASM_DEPS)"

build native && run_ctest native
build asan && run_ctest asan
if build fuzz; then
  run_ctest fuzz -V
  # What the fuzzers reached: libFuzzer's last status line per target (edges covered).
  grep -E 'Test command: |#[0-9]+[[:space:]]+DONE ' "$logs/ctest-fuzz.log" |
    sed -nE 's|.*Test command: .*/([a-z_]+_fuzzer) .*|\1|p; s|.*DONE[[:space:]]+cov: ([0-9]+) ft: ([0-9]+).*|  covered \1 edges, \2 features|p' |
    paste -sd' \n'
fi
if build wasm; then
  run_ctest wasm
  run_node_tests wasm tests/wasm
  run_node_tests e2e tests/e2e
  # One build, one verdict: GCC release, clang ASan + UBSan and wasm agree byte for byte.
  log="$logs/builds-agree.log"
  if node tests/corpora/builds_agree.mjs build/native/etalase build/fuzz/etalase build/site >"$log" 2>&1; then
    passed=$((passed + 1)); tail -n 1 "$log"
  else
    note_fail "builds agree (see $log)"; tail -n 20 "$log"
  fi
fi

echo "== done in $((SECONDS - t0)) s"
[ ${#failures[@]} -eq 0 ] || printf 'failed: %s\n' "${failures[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
