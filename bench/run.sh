#!/usr/bin/env bash
# Runs the benchmarks and the peers, then the report (bench/report.py):
# one table, bench/results/latest.json and bench/results/latest.png.
set -euo pipefail
build=${1:-build}
shift || true
here=$(cd "$(dirname "$0")" && pwd)
results="$here/results"
zomes="$build/wasm-wasi/zomes"
mkdir -p "$results"
# Debian's matplotlib is installed for Debian's python3.
python=python3
[ -x /usr/bin/python3 ] && python=/usr/bin/python3

echo "[1/4] zome calls, payloads and compute on every engine (Google Benchmark)"
"$build/bench/hdk-bench" --benchmark_out="$results/zome_bench.json" --benchmark_out_format=json "$@"

echo "[2/4] cold start: every zome on every tier (the large one takes minutes on aot)"
cold_zomes=("$zomes/hello.wasm" "$zomes/compute.wasm" "$zomes/forum.wasm")
[ -f "$zomes/large.wasm" ] && cold_zomes+=("$zomes/large.wasm")
"$build/bench/hdk-cold-bench" "$results/cold_start.json" "${cold_zomes[@]}"

echo "[3/4] hdk-run, process start included"
"$python" "$here/cli_bench.py" "$build" "$results/cli.json"

echo "[4/4] the V8 peer"
rm -f "$results/v8.json"
if command -v node >/dev/null 2>&1; then
  node "$here/v8/zome_host.mjs" "$zomes/compute.wasm" >"$results/v8.json"
else
  echo "skipping the V8 peer: node not found (Debian: apt-get install nodejs)"
fi

"$python" "$here/report.py" "$results"
