#!/usr/bin/env bash
# The CLI as a process: NDJSON in, one verdict line per input line out, in order.
# usage: moderate.sh <etalase-binary> <source-dir>
source "$(dirname "$0")/cli_test.bash" "$@"

cat > "$tmp/lex.tsv" <<'LEX'
@lang	id
@suffixes	nya lah
anjing	insult	3	word
bego	insult	2	word
babi guling	allow
LEX

printf '%s\n' \
  '{"id":"c1","user":"budi","text":"dasar 4nj1ng","ts":12.5}' \
  '{"id":"c2","user":"sari","text":"halo kak, ready size M?"}' \
  '' \
  'this is not json' \
  '{"id":"c5","user":"x"}' \
  '{"id":"c6","text":"wa 0812-3456-7890 ya"}' \
  '{"id":"c7","text":"caf\u00e9 \ud83d\ude00 \u0430nj\u0456ng"}' \
  '{"id":"c8","text":"babi guling enak, bego"}' \
  '{"id":9,"text":"cek bit.ly/abc","extra":{"nested":[1,2,{"a":"}"}]},"ts":null}' \
  '{"id":"c10","text":"quote \" back\\ nl\n tab\t"}' \
  '{"id":"c11","text":12}' \
  '{"id":"c12","text":"lone \udc00 surrogate"}' \
  '{"id":"c13","text":"shopee.co.id/x ok"}' \
  '{"id":"c14","text":"trailing"} junk' \
  > "$tmp/in.ndjson"

"$bin" moderate --no-builtin --lexicon "$tmp/lex.tsv" --level 2 < "$tmp/in.ndjson" > "$tmp/out.ndjson" 2> "$tmp/err"
check_eq "exit code" 0 $?
mapfile -t out < "$tmp/out.ndjson"
check_eq "line count (blank line skipped)" 13 "${#out[@]}"
check_eq c1 '{"id":"c1","action":"mask","categories":["insult"],"spans":[[6,12,"lexicon.id.insult"]],"masked":"dasar ******"}' "${out[0]}"
check_eq c2 '{"id":"c2","action":"allow","categories":[],"spans":[],"masked":"halo kak, ready size M?"}' "${out[1]}"
check_eq "broken line" '{"error":"line 4: invalid JSON: not a JSON object"}' "${out[2]}"
check_eq "missing text" '{"error":"line 5: missing \"text\""}' "${out[3]}"
check_eq c6 '{"id":"c6","action":"block","categories":["contact"],"spans":[[3,17,"contact.phone"]],"masked":"wa ************** ya"}' "${out[4]}"
# café 😀 аnjіng: the emoji is two UTF-16 units, so the word starts at 8
check_eq c7 '{"id":"c7","action":"mask","categories":["insult"],"spans":[[8,14,"lexicon.id.insult"]],"masked":"café 😀 ******"}' "${out[5]}"
# bego is severity 2: the default level 2 masks it; babi guling is allowed anyway
check_eq c8 '{"id":"c8","action":"mask","categories":["insult"],"spans":[[18,22,"lexicon.id.insult"]],"masked":"babi guling enak, ****"}' "${out[6]}"
check_eq c9 '{"id":"9","action":"hold","categories":["link"],"spans":[[4,14,"link.domain"]],"masked":"cek **********"}' "${out[7]}"
check_eq c10 '{"id":"c10","action":"allow","categories":[],"spans":[],"masked":"quote \" back\\ nl\u000a tab\u0009"}' "${out[8]}"
check_eq "text not a string" '{"error":"line 11: \"text\" must be a string"}' "${out[9]}"
check_eq c12 '{"id":"c12","action":"allow","categories":[],"spans":[],"masked":"lone � surrogate"}' "${out[10]}"
check_eq c13 '{"id":"c13","action":"allow","categories":[],"spans":[],"masked":"shopee.co.id/x ok"}' "${out[11]}"
check_eq "trailing junk" '{"error":"line 14: invalid JSON: trailing characters after the object"}' "${out[12]}"

# Level 4 holds what the lower levels mask; terms file: a blocked term and a permitted one.
printf '# terms\n-promo*\n+anjing\nmur\n' > "$tmp/terms.txt"
printf '%s\n' '{"id":"a","text":"dasar bego"}' '{"id":"b","text":"promonya mur anjing"}' \
  | "$bin" moderate --no-builtin --lexicon "$tmp/lex.tsv" --level 4 --terms "$tmp/terms.txt" > "$tmp/out2" 2>&1
mapfile -t out2 < "$tmp/out2"
check_eq "level 4" '{"id":"a","action":"hold","categories":["insult"],"spans":[[6,10,"lexicon.id.insult"]],"masked":"dasar ****"}' "${out2[0]}"
check_eq "terms" '{"id":"b","action":"hold","categories":[],"spans":[[0,8,"term.block"],[9,12,"term.block"]],"masked":"******** *** anjing"}' "${out2[1]}"

# --allow-domain adds to the defaults.
out3=$(printf '%s\n' '{"id":"d","text":"cek toko.example.com dan tokopedia.com"}' | "$bin" moderate --allow-domain example.com)
check_eq "allow-domain" '{"id":"d","action":"allow","categories":[],"spans":[],"masked":"cek toko.example.com dan tokopedia.com"}' "$out3"

# The built-in lexicons are there by default.
out4=$(printf '%s\n' '{"id":"e","text":"dasar anjing"}' | "$bin" moderate)
case "$out4" in
  *'"action":"mask"'*'"insult"'*) ;;
  *) echo "FAIL built-in lexicons: $out4"; fail=1 ;;
esac

# A last line without a newline is still read; CRLF line ends are accepted.
out5=$(printf '{"id":"f","text":"a"}\r\n{"id":"g","text":"b"}' | "$bin" moderate | wc -l)
check_eq "last line without newline" 2 "$out5"

# Many lines: one output line per input line, in order.
for i in $(seq 1 2000); do printf '{"id":"%d","text":"komentar nomor %d"}\n' "$i" "$i"; done > "$tmp/many"
"$bin" moderate < "$tmp/many" > "$tmp/many.out"
check_eq "many lines" 2000 "$(wc -l < "$tmp/many.out")"
check_eq "order" '{"id":"2000","action":"allow","categories":[],"spans":[],"masked":"komentar nomor 2000"}' "$(tail -n1 "$tmp/many.out")"

# Usage errors exit 2; a bad lexicon exits 1 with its line.
"$bin" > /dev/null 2>&1; check_eq "no command" 2 $?
"$bin" moderate --level 9 < /dev/null > /dev/null 2>&1; check_eq "bad level" 2 $?
"$bin" moderate --bogus < /dev/null > /dev/null 2>&1; check_eq "bad option" 2 $?
"$bin" frobnicate > /dev/null 2>&1; check_eq "bad command" 2 $?
printf '@lang\tid\nx\tinsul\t3\tword\n' > "$tmp/bad.tsv"
msg=$("$bin" moderate --lexicon "$tmp/bad.tsv" < /dev/null 2>&1); rc=$?
check_eq "bad lexicon exit" 1 $rc
check_eq "bad lexicon message" "etalase: id.tsv line 2: unknown category 'insul'" "$msg"
"$bin" moderate --lexicon "$tmp/missing.tsv" < /dev/null > /dev/null 2>&1; check_eq "missing lexicon" 1 $?

# Terms with an expiry: blocked before it, not after; a bad expiry names its line.
printf -- '-murah\t100\n' > "$tmp/terms-exp"
printf '%s\n' '{"id":"t1","text":"murah banget","ts":50}' '{"id":"t2","text":"murah banget","ts":150}' > "$tmp/exp-in"
check_eq "term expiry" "hold allow" \
  "$("$bin" moderate --terms "$tmp/terms-exp" < "$tmp/exp-in" | sed -E 's/.*"action":"([a-z]+)".*/\1/' | tr '\n' ' ' | sed 's/ $//')"
printf -- 'ok\n-murah\tbesok\n' > "$tmp/terms-bad"
msg=$("$bin" moderate --terms "$tmp/terms-bad" < /dev/null 2>&1); rc=$?
check_eq "bad expiry exit" 1 $rc
check_eq "bad expiry message" "$tmp/terms-bad:2: after the tab comes when the term lapses, in comment seconds (ts)" "$msg"

# Flood limits from the command line: --rate 3/10 flags a user's fourth comment in 10 s.
for i in 1 2 3 4; do printf '{"id":"r%d","user":"budi","text":"pesan %d","ts":%d}\n' "$i" "$i" "$i"; done > "$tmp/rate"
check_eq "rate 3/10" "allow allow allow block" \
  "$("$bin" moderate --rate 3/10 < "$tmp/rate" | sed -E 's/.*"action":"([a-z]+)".*/\1/' | tr '\n' ' ' | sed 's/ $//')"
check_eq "default rate" "allow allow allow allow" \
  "$("$bin" moderate < "$tmp/rate" | sed -E 's/.*"action":"([a-z]+)".*/\1/' | tr '\n' ' ' | sed 's/ $//')"
"$bin" moderate --rate 11 < /dev/null > /dev/null 2>&1; check_eq "rate without window" 2 $?
msg=$("$bin" moderate --rate 0/30 < /dev/null 2>&1); rc=$?
check_eq "rate 0 exit" 1 $rc
check_eq "rate 0 message" "etalase: flood: messages per window must be 1 to 1000 (got 0)" "$msg"

# A byte order mark before the first line is not JSON's business; the system says why a file
# cannot be read.
check_eq "BOM" '{"id":"b1","action":"allow","categories":[],"spans":[],"masked":"halo"}' \
  "$(printf '\xEF\xBB\xBF{"id":"b1","text":"halo"}\n' | "$bin" moderate)"
msg=$("$bin" moderate --lexicon "$tmp/missing.tsv" < /dev/null 2>&1); rc=$?
check_eq "unreadable lexicon exit" 1 $rc
check_eq "unreadable lexicon message" "etalase: cannot read $tmp/missing.tsv: No such file or directory" "$msg"

# GNU conventions: --opt=value, a two-line usage error, --version, moderate --help.
check_eq "--level=4" '{"id":"g1","action":"hold","categories":["insult"],"spans":[[6,12,"lexicon.id.insult"]],"masked":"dasar ******"}' \
  "$(printf '%s\n' '{"id":"g1","text":"dasar goblok"}' | "$bin" moderate --level=4)"
msg=$("$bin" moderate --level=9 < /dev/null 2>&1); rc=$?
check_eq "usage error exit" 2 $rc
check_eq "usage error message" "etalase: --level must be 0-4
Try 'etalase --help' for more information." "$msg"
check_eq "version" "etalase" "$("$bin" --version | cut -d' ' -f1)"
"$bin" moderate --help | grep -q -- '--terms FILE' || { echo "FAIL moderate --help"; fail=1; }

if [ $fail -ne 0 ]; then
  echo "--- stderr of the main run:"; cat "$tmp/err"
  exit 1
fi
echo "moderate.sh: ok"
