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

echo "[1/5] zome calls, payloads and compute on every engine (Google Benchmark)"
"$build/bench/hdk-bench" --benchmark_out="$results/zome_bench.json" --benchmark_out_format=json "$@"

echo "[2/5] cold start: every example zome on every tier"
"$build/bench/hdk-cold-bench" "$results/cold_start.json" \
  "$zomes/hello.wasm" "$zomes/compute.wasm" "$zomes/forum.wasm"
if [ -f "$zomes/large.wasm" ]; then
  # cc -O2 on its 160 MB of C takes ~7 minutes on 2 idle cores: HDK_BENCH_LARGE_AOT=1 adds it.
  large_tiers=interp,tcc,tiered
  [ "${HDK_BENCH_LARGE_AOT:-0}" = 1 ] && large_tiers=interp,tcc,aot,tiered
  echo "      and the generated large zome on $large_tiers (minutes)"
  "$build/bench/hdk-cold-bench" --tiers "$large_tiers" --no-tier-up "$results/cold_start_large.json" \
    "$zomes/large.wasm"
fi

echo "[3/5] hdk-run, process start included"
"$python" "$here/cli_bench.py" "$build" "$results/cli.json"

echo "[4/5] the largest payloads, one way and round trip (minutes: gigabytes per probe)"
"$build/bench/hdk-payload-bench" --engines "${HDK_BENCH_PAYLOAD_ENGINES:-aot,interp}" "$results/payload.json"

echo "[5/5] the V8 peer"
rm -f "$results/v8.json"
if command -v node >/dev/null 2>&1; then
  node "$here/v8/zome_host.mjs" "$zomes/compute.wasm" >"$results/v8.json"
else
  echo "skipping the V8 peer: node not found (Debian: apt-get install nodejs)"
fi

"$python" "$here/report.py" "$results"
