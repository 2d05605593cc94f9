// The compute example's kernel: plain C++ with no HDK in it, so the very same
// code runs inside the zome and natively (the benchmarks compare the two).
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace compute {

/// `count` pseudo-random records from `seed` (xorshift64*: deterministic everywhere).
inline std::vector<std::uint64_t> make_records(std::uint32_t count, std::uint64_t seed) {
  std::vector<std::uint64_t> records(count);
  std::uint64_t x = seed ? seed : 0x9e3779b97f4a7c15ull;
  for (auto& r : records) {
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    r = x * 0x2545f4914f6cdd1dull;
  }
  return records;
}

/// FNV-1a over the records' bytes, little-endian.
inline std::uint64_t fnv1a(const std::vector<std::uint64_t>& records) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (std::uint64_t r : records) {
    for (int i = 0; i < 8; ++i) {
      h ^= (r >> (8 * i)) & 0xff;
      h *= 0x100000001b3ull;
    }
  }
  return h;
}

/// Sorts `count` generated records and hashes the sorted sequence: the same
/// answer on every engine and natively.
inline std::uint64_t sort_and_hash(std::uint32_t count, std::uint64_t seed) {
  std::vector<std::uint64_t> records = make_records(count, seed);
  std::sort(records.begin(), records.end());
  return fnv1a(records);
}

}  // namespace compute
