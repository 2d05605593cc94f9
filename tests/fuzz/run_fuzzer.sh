#!/bin/sh
# run_fuzzer.sh FUZZER SECONDS SEED_DIR WORK_DIR
# Runs one libFuzzer target for SECONDS on its committed seeds (read only)
# and a corpus of its own finds (WORK_DIR/corpus, kept between runs). Prints
# the final stats; on a crash, the report and where the input was saved.
set -eu
fuzzer=$1 seconds=$2 seeds=$3 work=$4
mkdir -p "$work/corpus" "$work/artifacts"
log="$work/last-run.log"
status=0
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} "$fuzzer" -max_total_time="$seconds" -timeout=20 \
  -rss_limit_mb=3072 -max_len=65536 -print_final_stats=1 -artifact_prefix="$work/artifacts/" \
  "$work/corpus" "$seeds" >"$log" 2>&1 || status=$?
name=$(basename "$fuzzer")
if [ "$status" -ne 0 ]; then
  tail -n 80 "$log"
  echo "$name: FAILED (exit $status); the input is in $work/artifacts/" >&2
  echo "$name: add it under tests/fuzz/regressions/<target>/ with the fix" >&2
  exit "$status"
fi
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log")
cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
echo "$name: ${runs:-?} runs in ${secs:-?} s, ${cov:-cov: ?}, corpus $(ls "$work/corpus" | wc -l) found + $(ls "$seeds" | wc -l) seeds"
