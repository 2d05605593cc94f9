// The HDK's BLAKE2b (hdk/blake2b.hpp, RFC 7693), which zomes hash with in the
// guest: the RFC's own vectors, and libsodium's BLAKE2b over random inputs.
#include <sodium.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "hdk/blake2b.hpp"

namespace {

std::string hex(const std::uint8_t* bytes, std::size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += kDigits[bytes[i] >> 4], out += kDigits[bytes[i] & 15];
  return out;
}

// RFC 7693 appendix E's input generator.
void selftest_seq(std::uint8_t* out, std::size_t len, std::uint32_t seed) {
  std::uint32_t a = 0xDEAD4BADu * seed;
  std::uint32_t b = 1;
  for (std::size_t i = 0; i < len; ++i) {
    const std::uint32_t t = a + b;
    a = b;
    b = t;
    out[i] = static_cast<std::uint8_t>(t >> 24);
  }
}

std::vector<std::uint8_t> digest(const std::vector<std::uint8_t>& data, std::size_t out_len) {
  hdk::blake2b::State state(out_len);
  state.update(data.data(), data.size());
  std::vector<std::uint8_t> out(out_len);
  state.finish(out.data());
  return out;
}

}  // namespace

TEST_CASE("blake2b: RFC 7693 appendix A, BLAKE2b-512 of \"abc\"") {
  const std::uint8_t abc[] = {'a', 'b', 'c'};
  const auto out = hdk::blake2b::hash<64>(abc, 3);
  CHECK(hex(out.data(), out.size()) ==
        "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
        "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
}

TEST_CASE("blake2b: RFC 7693 appendix E self-test, keyed and unkeyed") {
  // Digests of 20, 32, 48 and 64 bytes over inputs of 0 to 1024 bytes, each
  // unkeyed and keyed, folded into one BLAKE2b-256: the RFC's grand hash.
  const std::size_t out_lens[] = {20, 32, 48, 64};
  const std::size_t in_lens[] = {0, 3, 128, 129, 255, 1024};
  std::uint8_t input[1024];
  std::uint8_t key[64];
  std::uint8_t md[64];
  hdk::blake2b::State grand(32);
  for (std::size_t out_len : out_lens) {
    for (std::size_t in_len : in_lens) {
      selftest_seq(input, in_len, static_cast<std::uint32_t>(in_len));
      hdk::blake2b::State plain(out_len);
      plain.update(input, in_len);
      plain.finish(md);
      grand.update(md, out_len);
      selftest_seq(key, out_len, static_cast<std::uint32_t>(out_len));
      hdk::blake2b::State keyed(out_len, key, out_len);
      keyed.update(input, in_len);
      keyed.finish(md);
      grand.update(md, out_len);
    }
  }
  std::uint8_t result[32];
  grand.finish(result);
  CHECK(hex(result, 32) == "c23a7800d98123bd10f506c61e29da5603d763b8bbad2e737f5e765a7bccd475");
}

TEST_CASE("blake2b: equals libsodium over random inputs, lengths and chunkings") {
  REQUIRE(sodium_init() >= 0);
  std::mt19937 rng(7693);
  for (int round = 0; round < 3000; ++round) {
    // Every length up to three blocks, then random ones up to 5000 bytes.
    const std::size_t len = round < 400 ? static_cast<std::size_t>(round) : rng() % 5000;
    std::vector<std::uint8_t> data(len);
    for (auto& b : data) b = static_cast<std::uint8_t>(rng());
    // libsodium's generichash takes 16 to 64 output bytes.
    const std::size_t out_len =
        crypto_generichash_BYTES_MIN +
        rng() % (crypto_generichash_BYTES_MAX - crypto_generichash_BYTES_MIN + 1);
    std::vector<std::uint8_t> want(out_len);
    crypto_generichash(want.data(), out_len, data.data(), data.size(), nullptr, 0);
    CAPTURE(len, out_len);
    // In one piece, and fed in random pieces (block boundaries land anywhere).
    CHECK(digest(data, out_len) == want);
    hdk::blake2b::State state(out_len);
    std::size_t at = 0;
    while (at < len) {
      const std::size_t n = std::min<std::size_t>(len - at, 1 + rng() % 300);
      state.update(data.data() + at, n);
      at += n;
    }
    std::vector<std::uint8_t> pieces(out_len);
    state.finish(pieces.data());
    CHECK(pieces == want);
  }
}

TEST_CASE("blake2b: the holo_hash sizes, 32 and 16 bytes, match libsodium at block edges") {
  REQUIRE(sodium_init() >= 0);
  for (std::size_t len : {0u, 1u, 127u, 128u, 129u, 255u, 256u, 257u, 100000u}) {
    std::vector<std::uint8_t> data(len, 0xa5);
    for (std::size_t out_len : {16u, 32u}) {
      std::vector<std::uint8_t> want(out_len);
      crypto_generichash(want.data(), out_len, data.data(), data.size(), nullptr, 0);
      CAPTURE(len, out_len);
      CHECK(digest(data, out_len) == want);
    }
  }
}
