#!/bin/sh
# Rebuilds the vector generator offline and checks that its output is, byte
# for byte, the committed rmp_serde_vectors.json. Exits 77 (ctest's skip
# code) when cargo or the packaged crates it builds against are missing.
#   check_vectors.sh CARGO GENERATOR_DIR COMMITTED_JSON WORK_DIR
set -eu
cargo=$1
generator=$2
committed=$3
work=$4

if ! command -v "$cargo" >/dev/null 2>&1; then
  echo "SKIP: cargo not found; the committed vectors were not regenerated"
  exit 77
fi
# The crate directory the generator's cargo config points at.
registry=$(sed -n 's/^directory *= *"\(.*\)"/\1/p' "$generator/.cargo/config.toml")
for crate in rmp-serde-1 blake2b_simd-1; do
  if ! ls -d "$registry/$crate".* >/dev/null 2>&1; then
    echo "SKIP: no packaged $crate.* under $registry; the committed vectors were not regenerated"
    exit 77
  fi
done

# Build from a copy so that nothing (Cargo.lock, target/) lands in the source tree.
rm -rf "$work/generator"
mkdir -p "$work/generator"
cp -R "$generator/Cargo.toml" "$generator/src" "$generator/.cargo" "$work/generator/"
cd "$work/generator"
CARGO_TARGET_DIR="$work/target" "$cargo" run --offline --quiet >"$work/rmp_serde_vectors.json"

if cmp -s "$work/rmp_serde_vectors.json" "$committed"; then
  echo "generator output matches $committed"
  exit 0
fi
echo "FAIL: the generator's output differs from the committed vectors:"
diff "$committed" "$work/rmp_serde_vectors.json" | cut -c 1-200 | head -n 40
exit 1
