#!/usr/bin/env bash
# Runs the example zomes (built by ./run demo) on every engine and natively.
set -euo pipefail
build=${1:-build}
exec "$build/examples/demo/hdk-demo" "$build/wasm-wasi/zomes" "$build/native-zomes"
