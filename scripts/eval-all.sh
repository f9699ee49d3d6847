#!/usr/bin/env bash
# Scores every gold set of corpus/thresholds.tsv with warta eval and fails
# when one falls below its thresholds. Usage: eval-all.sh WARTA [SHARED]
set -euo pipefail
warta=$1
shared=${2:-../shared}
cd "$(dirname "$0")/.."

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
done < corpus/thresholds.tsv

echo "eval: $scored gold set(s) at or above their thresholds, $failed below"
[ "$failed" -eq 0 ]
