#!/usr/bin/env bash
# `etalase lint-catalog` as localizers run it: the shipped catalogs are clean, and each kind
# of broken catalog is named with its file, line and key, in one line per problem.
# usage: lint_catalog.sh <etalase-binary> <source-dir>
source "$(dirname "$0")/cli_test.bash" "$@"

# The shipped catalogs have no errors (warnings allowed: the console speaks id and en only).
out=$("$bin" lint-catalog "$src"/i18n/*.json); rc=$?
check_eq "shipped catalogs exit" 0 $rc
check_eq "shipped catalogs summary" "0 errors" "$(tail -n1 <<<"$out" | cut -d, -f1)"

cat > "$tmp/en.json" <<'JSON'
{
  "card.stock": "{n, plural, one {# left} other {# left}}",
  "chat.hello": "Hello, {name}!",
  "console.a": "A",
  "console.b": "B",
  "sheet.add": "Add to cart"
}
JSON

# A message ICU cannot parse, an argument English does not have, a key twice, a key
# English lacks, a missing key, a missing group.
cat > "$tmp/xx.json" <<'JSON'
{
  "card.stock": "Sisa {n, plural, other {#}",
  "chat.hello": "Halo, {nama}!",
  "chat.hello": "Halo, {nama}!",
  "old.key": "lama"
}
JSON
out=$("$bin" lint-catalog "$tmp/xx.json"); rc=$?
check_eq "broken exit" 1 $rc
expected="$tmp/xx.json:4: \"chat.hello\" is there twice (the last one wins)
$tmp/xx.json:2: \"card.stock\": message does not parse at offset 16 (U_PATTERN_SYNTAX_ERROR)
$tmp/xx.json:3: \"chat.hello\": uses {nama}, which the English message does not (it has {name}); the page would show it raw
$tmp/xx.json:5: warning: \"old.key\" is not in $tmp/en.json (no page uses it)
$tmp/xx.json: warning: all 2 \"console.*\" keys are missing (shown in English until translated)
$tmp/xx.json: warning: \"sheet.add\" is missing (shown in English until translated)
3 errors, 3 warnings"
check_eq "broken report" "$expected" "$out"

# Not JSON: the line of the mistake. Not an object, not strings: said as such.
printf '{\n  "a": "x",\n  "b": "y"\n  "c": "z"\n}\n' > "$tmp/comma.json"
out=$("$bin" lint-catalog --reference "$tmp/en.json" "$tmp/comma.json"); rc=$?
check_eq "no comma exit" 1 $rc
case "$(head -n1 <<<"$out")" in
  "$tmp/comma.json:4: not valid JSON: parse error at line 4, column"*) ;;
  *) echo "FAIL no comma: $out"; fail=1 ;;
esac
printf '["a"]' > "$tmp/array.json"
check_eq "array" "$tmp/array.json:1: a catalog is one JSON object of \"key\": \"message\" pairs" \
  "$("$bin" lint-catalog --reference "$tmp/en.json" "$tmp/array.json" | head -n1)"
printf '{"card.stock": 3}' > "$tmp/number.json"
check_eq "number" "$tmp/number.json:1: \"card.stock\": the message must be a string" \
  "$("$bin" lint-catalog --reference "$tmp/en.json" "$tmp/number.json" | head -n1)"

# Invalid UTF-8 and a missing file are errors, never a crash.
printf '{"a": "\xff\xfe"}' > "$tmp/bytes.json"
"$bin" lint-catalog --reference "$tmp/en.json" "$tmp/bytes.json" > "$tmp/bytes.out"; rc=$?
check_eq "invalid UTF-8 exit" 1 $rc
grep -q "not valid JSON" "$tmp/bytes.out" || { echo "FAIL invalid UTF-8: $(cat "$tmp/bytes.out")"; fail=1; }
check_eq "missing file" "$tmp/nope.json: cannot read the file" \
  "$("$bin" lint-catalog --reference "$tmp/en.json" "$tmp/nope.json" | head -n1)"
"$bin" lint-catalog > /dev/null 2>&1; check_eq "no file" 2 $?

[ $fail -eq 0 ] && echo "lint_catalog.sh: ok"
exit $fail
