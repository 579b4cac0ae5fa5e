# Sourced by the CLI tests (tests/cli/*.sh): arguments, a scratch folder removed on exit, and
# check_eq. usage in a test: source "$(dirname "$0")/cli_test.bash" "$@"
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

check_eq() {  # name expected actual
  if [ "$2" != "$3" ]; then
    echo "FAIL $1"
    echo "  expected: $2"
    echo "  actual:   $3"
    fail=1
  fi
}
