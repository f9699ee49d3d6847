#!/usr/bin/env bash
# Runs warta extract over the real news sample (../shared/corpus) and checks
# that every input record gives exactly one output line; warta's summary
# (articles, errors, warnings by kind, seconds) goes to stderr as usual.
# Publication-date coverage and the date shapes left unread are reported by
# the test NewsSampleDates (build/tests/warta_tests --gtest_filter='NewsSample*').
# Usage: check-news-sample.sh WARTA [SHARED]
set -euo pipefail
warta=$1
shared=${2:-../shared}
sample=$shared/corpus/news-sample.jsonl.gz
if [ ! -e "$sample" ]; then
  echo "news-sample: skipped ($sample not present)"
  exit 0
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT

status=0
"$warta" extract "$sample" -o "$out" || status=$?
records=$(gzip -dc "$sample" | wc -l)
lines=$(wc -l < "$out")
published=$(grep -c '"published":"' "$out" || true)
errors=$(grep -c '"error":' "$out" || true)
echo "news-sample: $records records, $lines output lines, $published with a publication date, $errors with an error (exit $status)"
[ "$records" -eq "$lines" ] && [ "$status" -le 1 ]
