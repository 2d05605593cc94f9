// BLAKE2b (RFC 7693), unkeyed, for hashing inside the guest: hdk 0.7 hashes
// entries and actions in the zome (Holochain 0.7 has no hash host function),
// and no packaged BLAKE2b builds for wasm32 with the zome toolchains
// (libsodium and libb2 ship only host binaries). Written from the RFC; the
// host checks it against libsodium (tests/unit/blake2b_test.cpp).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace hdk::blake2b {

inline constexpr std::size_t kBlockBytes = 128;
inline constexpr std::size_t kMaxOutBytes = 64;

inline constexpr std::size_t kMaxKeyBytes = 64;

/// An incremental BLAKE2b hash with an output of 1 to 64 bytes, optionally
/// keyed (Holochain hashes unkeyed; the key is there for RFC 7693's self-test).
class State {
 public:
  /// `out_len` outside 1..64 is clamped into it, a key past 64 bytes cut to
  /// 64 (callers pass constants).
  explicit State(std::size_t out_len, const std::uint8_t* key = nullptr, std::size_t key_len = 0) {
    out_len_ = out_len == 0 ? 1 : (out_len > kMaxOutBytes ? kMaxOutBytes : out_len);
    if (key_len > kMaxKeyBytes) key_len = kMaxKeyBytes;
    h_ = kIv;
    // Parameter block: digest length, key length, fanout 1, depth 1.
    h_[0] ^= 0x01010000u ^ (static_cast<std::uint64_t>(key_len) << 8) ^
             static_cast<std::uint64_t>(out_len_);
    // A key is the first block, zero-padded.
    if (key_len > 0) {
      std::memcpy(buffer_.data(), key, key_len);
      buffered_ = kBlockBytes;
    }
  }

  void update(const std::uint8_t* data, std::size_t len) {
    while (len > 0) {
      // The last block must be compressed with the final flag, so a full
      // buffer is only compressed once more input is known to follow.
      if (buffered_ == kBlockBytes) {
        count(kBlockBytes);
        compress(buffer_.data(), false);
        buffered_ = 0;
      }
      const std::size_t take = len < kBlockBytes - buffered_ ? len : kBlockBytes - buffered_;
      std::memcpy(buffer_.data() + buffered_, data, take);
      buffered_ += take;
      data += take;
      len -= take;
    }
  }

  /// Writes the digest (out_len bytes) to `out`. The state is spent afterwards.
  void finish(std::uint8_t* out) {
    count(buffered_);
    std::memset(buffer_.data() + buffered_, 0, kBlockBytes - buffered_);
    compress(buffer_.data(), true);
    for (std::size_t i = 0; i < out_len_; ++i)
      out[i] = static_cast<std::uint8_t>(h_[i / 8] >> (8 * (i % 8)));
  }

 private:
  static constexpr std::array<std::uint64_t, 8> kIv = {
      0x6a09e667f3bcc908u, 0xbb67ae8584caa73bu, 0x3c6ef372fe94f82bu, 0xa54ff53a5f1d36f1u,
      0x510e527fade682d1u, 0x9b05688c2b3e6c1fu, 0x1f83d9abfb41bd6bu, 0x5be0cd19137e2179u};

  static constexpr std::uint8_t kSigma[12][16] = {
      {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
      {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
      {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
      {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
      {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
      {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
      {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
      {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
      {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
      {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
      {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
      {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3}};

  static constexpr std::uint64_t rotr(std::uint64_t x, unsigned n) {
    return (x >> n) | (x << (64 - n));
  }

  static std::uint64_t load64(const std::uint8_t* p) {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];  // little-endian, whatever the host
    return v;
  }

  // The byte counter t is 128 bits; messages here never pass 2^64 bytes,
  // but the carry is kept as the RFC has it.
  void count(std::size_t n) {
    t_[0] += n;
    if (t_[0] < n) ++t_[1];
  }

  void compress(const std::uint8_t* block, bool last) {
    std::uint64_t m[16];
    for (int i = 0; i < 16; ++i) m[i] = load64(block + 8 * i);
    std::uint64_t v[16];
    for (int i = 0; i < 8; ++i) v[i] = h_[i], v[i + 8] = kIv[i];
    v[12] ^= t_[0];
    v[13] ^= t_[1];
    if (last) v[14] = ~v[14];
    const auto g = [&v](int a, int b, int c, int d, std::uint64_t x, std::uint64_t y) {
      v[a] = v[a] + v[b] + x;
      v[d] = rotr(v[d] ^ v[a], 32);
      v[c] = v[c] + v[d];
      v[b] = rotr(v[b] ^ v[c], 24);
      v[a] = v[a] + v[b] + y;
      v[d] = rotr(v[d] ^ v[a], 16);
      v[c] = v[c] + v[d];
      v[b] = rotr(v[b] ^ v[c], 63);
    };
    for (const auto& s : kSigma) {
      g(0, 4, 8, 12, m[s[0]], m[s[1]]);
      g(1, 5, 9, 13, m[s[2]], m[s[3]]);
      g(2, 6, 10, 14, m[s[4]], m[s[5]]);
      g(3, 7, 11, 15, m[s[6]], m[s[7]]);
      g(0, 5, 10, 15, m[s[8]], m[s[9]]);
      g(1, 6, 11, 12, m[s[10]], m[s[11]]);
      g(2, 7, 8, 13, m[s[12]], m[s[13]]);
      g(3, 4, 9, 14, m[s[14]], m[s[15]]);
    }
    for (int i = 0; i < 8; ++i) h_[i] ^= v[i] ^ v[i + 8];
  }

  std::array<std::uint64_t, 8> h_{};
  std::uint64_t t_[2] = {0, 0};
  std::array<std::uint8_t, kBlockBytes> buffer_{};
  std::size_t buffered_ = 0;
  std::size_t out_len_ = 0;
};

/// BLAKE2b of `len` bytes with an output of N bytes (1 to 64).
template <std::size_t N>
std::array<std::uint8_t, N> hash(const std::uint8_t* data, std::size_t len) {
  static_assert(N >= 1 && N <= kMaxOutBytes, "BLAKE2b digests are 1 to 64 bytes");
  State state(N);
  state.update(data, len);
  std::array<std::uint8_t, N> out{};
  state.finish(out.data());
  return out;
}

}  // namespace hdk::blake2b
