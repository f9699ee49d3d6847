#!/usr/bin/env bash
# Scores every gold set of corpus/thresholds.tsv with warta eval and fails
# when one falls below its thresholds. Usage: eval-all.sh WARTA [SHARED]
set -euo pipefail
warta=$1
shared=${2:-../shared}
cd "$(dirname "$0")/.."

# F1 of the tuned and the held-out part (corpus/holdout.tsv) of a gold set,
# side by side: a gap between them is a rule fitted to the articles it saw.
report_parts() {
  local part tmp
  tmp=$(mktemp -d)
  for part in tuned held; do
    python3 scripts/holdout.py part "$1" "$part" > "$tmp/$part.jsonl"
    [ -s "$tmp/$part.jsonl" ] || continue
    "$warta" eval --json --gold "$tmp/$part.jsonl" "$2" | python3 -c '
import json, sys
r = json.load(sys.stdin)
t = r["types"]
print("   %-5s %2d articles: " % (sys.argv[1], r["gold_articles"]) +
      "  ".join("%s %.3f" % (k, t[k]["f1"]) for k in ("agency", "award", "date", "location", "count", "record")))' "$part"
  done
  rm -rf "$tmp"
}

failed=0
scored=0
while IFS=$'\t' read -r gold articles thresholds; do
  case "$gold" in ''|'#'*) continue ;; esac
  gold=${gold//'${SHARED}'/$shared}
  articles=${articles//'${SHARED}'/$shared}
  if [ ! -e "$gold" ] || [ ! -e "$articles" ]; then
    echo "eval: skipped $gold (not present)"
    continue
  fi
  echo "== warta eval --gold $gold $articles --min $thresholds"
  if "$warta" eval --gold "$gold" --min "$thresholds" "$articles" | sed -n '1,14p'; then
    scored=$((scored + 1))
  else
    failed=$((failed + 1))
  fi
  report_parts "$gold" "$articles"
done < corpus/thresholds.tsv

echo "eval: $scored gold set(s) at or above their thresholds, $failed below"
[ "$failed" -eq 0 ]
