#!/usr/bin/env bash
# The disguised set (tests/corpora/adversarial/): written by its generator from the current
# lexicons, caught at the default level with recall 0.99 or more in every disguise class, and
# not one of its clean look-alike lines acted on.
# usage: adversarial.sh <etalase-binary> <source-dir>
source "$(dirname "$0")/cli_test.bash" "$@"

node "$src/tests/corpora/adversarial.mjs" --check || fail=1
node "$src/tests/corpora/adversarial.mjs" --verify "$bin" --min 0.99 || fail=1
[ $fail -eq 0 ] && echo "adversarial.sh: ok"
exit $fail
