#!/usr/bin/env bash
# etalase lint-lexicon: FILE:LINE: message per problem, exit 1 if any, 0 when clean.
# usage: lint_lexicon.sh <etalase-binary> <source-dir>
source "$(dirname "$0")/cli_test.bash" "$@"

printf '@lang\tid\nanjing\tinsult\t3\tword\nbego\tinsult\t2\tword\n' > "$tmp/good.tsv"
"$bin" lint-lexicon "$tmp/good.tsv" > "$tmp/out" 2>&1
rc=$?
[ $rc -eq 0 ] || { echo "FAIL clean file: exit $rc"; cat "$tmp/out"; fail=1; }
[ ! -s "$tmp/out" ] || { echo "FAIL clean file printed something"; cat "$tmp/out"; fail=1; }

printf '@lang\tid\nanjing\tinsult\t3\tword\nx\tinsul\t3\tword\ny\tinsult\t5\tword\nz\tinsult\t3\teverywhere\nANJING\tinsult\t3\tword\n' > "$tmp/bad.tsv"
"$bin" lint-lexicon "$tmp/good.tsv" "$tmp/bad.tsv" > "$tmp/out" 2>&1
rc=$?
[ $rc -eq 1 ] || { echo "FAIL bad file: exit $rc"; fail=1; }
expected="$tmp/bad.tsv:3: unknown category 'insul'
$tmp/bad.tsv:4: severity must be 1-4, got '5'
$tmp/bad.tsv:5: unknown scope 'everywhere' (word or any)
$tmp/bad.tsv:6: term 'ANJING' should be lowercase
$tmp/bad.tsv:6: 'ANJING' duplicates line 2 once folded"
if [ "$(cat "$tmp/out")" != "$expected" ]; then
  echo "FAIL bad file output:"; cat "$tmp/out"; echo "expected:"; echo "$expected"; fail=1
fi

"$bin" lint-lexicon "$tmp/nope.tsv" > "$tmp/out" 2>&1
[ $? -eq 1 ] || { echo "FAIL missing file exit"; fail=1; }
grep -q "nope.tsv: cannot read" "$tmp/out" || { echo "FAIL missing file message"; fail=1; }
"$bin" lint-lexicon > /dev/null 2>&1
[ $? -eq 2 ] || { echo "FAIL no files: usage exit"; fail=1; }

# The shipped lexicons: hard errors would break the build's moderator; report them here.
if ls "$src"/assets/lexicons/*.tsv > /dev/null 2>&1; then
  "$bin" lint-lexicon "$src"/assets/lexicons/*.tsv > "$tmp/shipped" 2>&1
  if grep -qE "unknown|severity|missing @lang|expected|directive" "$tmp/shipped"; then
    echo "FAIL shipped lexicons have errors:"; cat "$tmp/shipped"; fail=1
  fi
fi

[ $fail -eq 0 ] && echo "lint_lexicon.sh: ok"
exit $fail
