#!/usr/bin/env bash
# The checked-in golden verdicts (tests/corpora/golden/) match what this CLI says about every
# corpus line at levels 2 and 4; a difference prints the first changed lines and how to update.
# usage: golden.sh <etalase-binary> <source-dir>
source "$(dirname "$0")/cli_test.bash" "$@"

node "$src/tests/corpora/golden.mjs" --bin "$bin" --check || fail=1
[ $fail -eq 0 ] && echo "golden.sh: ok"
exit $fail
