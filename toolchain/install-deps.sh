#!/usr/bin/env bash
# Installs, through apt, only the Debian 12 packages hdk-cpp needs that are missing.
# Idempotent and silent when everything is present.
set -euo pipefail

packages=(
  # native build
  cmake ninja-build g++ pkg-config
  # the style check (ctest "style: ...")
  clang-format
  # wasm32 toolchain from Debian: our wasi-sdk equivalent
  clang lld wasi-libc libc++-14-dev-wasm32 libc++abi-14-dev-wasm32 libclang-rt-14-dev-wasm32
  # second wasm toolchain
  emscripten
  # the fuzz targets and the sanitizer build (clang's libFuzzer, ASan, UBSan)
  clang-14 libfuzzer-14-dev
  # wasm tools and engines (interpreter, wasm2c, wasm.h)
  wabt
  # the tcc engine (libtcc compiles in memory; tcc ships its runtime library)
  tcc libtcc-dev
  # the benchmark's V8 peer and its chart
  nodejs python3-matplotlib
  # libraries
  libmsgpack-cxx-dev catch2 libsodium-dev nlohmann-json3-dev libbenchmark-dev
  # bundles (.dna, .happ): gzip in the host library; yaml: hdk-pack's manifests, hdk-run's scenarios
  zlib1g-dev libyaml-cpp-dev
  # the wire format's ground truth: rmp-serde itself, built offline by cargo
  rustc cargo librust-rmp-serde-dev librust-serde-derive-dev librust-serde-bytes-dev
  # blake2b for the worked hashes: blake2b_simd, the crate Holochain itself hashes with
  librust-blake2b-simd-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# A rustc/cargo on PATH from elsewhere serves as well as Debian's.
if command -v cargo >/dev/null 2>&1 && command -v rustc >/dev/null 2>&1; then
  kept=()
  for p in "${missing[@]}"; do [[ $p == rustc || $p == cargo ]] || kept+=("$p"); done
  missing=("${kept[@]+"${kept[@]}"}")
fi

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages: ${missing[*]}" >&2
  echo "install-deps: run as root (or install them with apt) and try again" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
