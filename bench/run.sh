#!/usr/bin/env bash
# Runs the benchmarks and writes machine-readable results under bench/results/.
set -euo pipefail
build=${1:-build}
shift || true
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$here/results"
raw="$here/results/zome_bench.json"
"$build/bench/hdk-bench" --benchmark_out="$raw" --benchmark_out_format=json "$@"
python3 "$here/report.py" "$raw" "$here/results/summary.json"
