#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang, ASan and UBSan, and runs
# each for SECONDS (default 60). Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
#
# Seeds come from corpus/articles and rules/ (fuzz/make_seeds.cpp); what the
# fuzzers learn is kept in $BUILD/fuzz-corpus/<target> for the next run.
# A crash leaves its input in $BUILD/fuzz-crashes/<target>/ and makes the
# script fail; replay it with `$BUILD/fuzz/<target> FILE`, then turn it into
# a test in tests/robustness/.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(fuzz_ingest fuzz_normalize fuzz_extract fuzz_rules)
build=${FUZZ_BUILD:-build-fuzz}
jobs=${JOBS:-$(nproc)}

bash scripts/install-deps.sh fuzz
cmake -S . -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DWARTA_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -j "$jobs" --target warta make_seeds "${targets[@]}"
# The rules as they were when the targets were built: an edit made while
# the fuzzers run must not turn into crashes of every input.
rm -rf "$build/fuzz-rules"
cp -r rules "$build/fuzz-rules"
"$build/warta" rules check --rules "$build/fuzz-rules" >/dev/null
export WARTA_RULES=$build/fuzz-rules
"$build/fuzz/make_seeds" "$build/fuzz-seeds"

# Flags of each target: the longest input (short texts for date and count
# reading, a whole article or feed for ingest and normalize, a whole rule
# file, at full length from the start) and a dictionary of the words its
# code looks for.
flags() {
  case "$1" in
    fuzz_ingest) echo "-max_len=20000 -dict=fuzz/ingest.dict" ;;
    fuzz_normalize) echo "-max_len=20000" ;;
    fuzz_extract) echo "-max_len=2048 -dict=fuzz/extract.dict" ;;
    fuzz_rules) echo "-max_len=40000 -len_control=0" ;;
  esac
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
failed=()
for t in "${targets[@]}"; do
  corpus="$build/fuzz-corpus/$t"
  crashes="$build/fuzz-crashes/$t"
  log="$build/fuzz-$t.log"
  mkdir -p "$corpus" "$crashes"
  echo "== $t: ${seconds}s (log: $log)"
  # shellcheck disable=SC2046
  if "$build/fuzz/$t" -max_total_time="$seconds" $(flags "$t") -timeout=25 -rss_limit_mb=4096 \
      -print_final_stats=1 -artifact_prefix="$crashes/" "$corpus" "$build/fuzz-seeds/$t" >"$log" 2>&1; then
    grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$log" | sed "s/^/   /" || true
    grep -E '^#[0-9]+ +DONE' "$log" | tail -n 1 | sed "s/^/   /" || true
  else
    echo "   CRASH: $(grep -m1 -E 'ERROR: |fuzz invariant broken|runtime error' "$log" || tail -n 3 "$log")"
    echo "   input: $(grep -m1 -o "Test unit written to .*" "$log" | sed "s/Test unit written to //" || echo "(see $log)")"
    failed+=("$t")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: crashes in ${failed[*]}"
  exit 1
fi
echo "fuzz: ${#targets[@]} target(s), ${seconds}s each, no crash"
