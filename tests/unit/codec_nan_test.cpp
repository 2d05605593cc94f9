// The HDK writes every NaN as the canonical quiet NaN, at either width and
// wherever the float sits, and reads a NaN's bits as they are.
#include <bit>
#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "hdk/codec.hpp"

namespace {

struct Reading {
  std::string sensor;
  double value = 0;
  std::optional<float> low;
  std::vector<double> history;
  HDK_STRUCT(sensor, value, low, history);
};

constexpr std::uint64_t kF64Nans[] = {
    0x7ff8000000000000,  // canonical
    0xfff8000000000000,  // negative: what x86 makes of 0.0 / 0.0
    0x7ff8000000001234,  // quiet with a payload
    0x7ff0000000000001,  // signalling
    0xffffffffffffffff,  // every bit
};
constexpr std::uint32_t kF32Nans[] = {0x7fc00000, 0xffc00000, 0x7fc01234, 0x7f800001, 0xffffffff};

std::vector<std::uint8_t> f64_bytes(std::uint64_t bits) {
  std::vector<std::uint8_t> out{0xcb};
  for (int i = 7; i >= 0; --i) out.push_back(static_cast<std::uint8_t>(bits >> (8 * i)));
  return out;
}

std::vector<std::uint8_t> f32_bytes(std::uint32_t bits) {
  std::vector<std::uint8_t> out{0xca};
  for (int i = 3; i >= 0; --i) out.push_back(static_cast<std::uint8_t>(bits >> (8 * i)));
  return out;
}

}  // namespace

TEST_CASE("codec: every f64 NaN is written as 0x7ff8000000000000", "[codec][nan]") {
  for (std::uint64_t bits : kF64Nans) {
    CAPTURE(bits);
    CHECK(hdk::encode_to_vector(std::bit_cast<double>(bits)) == f64_bytes(0x7ff8000000000000));
  }
}

TEST_CASE("codec: every f32 NaN is written as 0x7fc00000", "[codec][nan]") {
  for (std::uint32_t bits : kF32Nans) {
    CAPTURE(bits);
    CHECK(hdk::encode_to_vector(std::bit_cast<float>(bits)) == f32_bytes(0x7fc00000));
  }
}

TEST_CASE("codec: floats that are not NaN keep their bits", "[codec][nan]") {
  for (std::uint64_t bits :
       {std::uint64_t{0x7ff0000000000000}, std::uint64_t{0xfff0000000000000},
        std::uint64_t{0x8000000000000000}, std::uint64_t{0x7fefffffffffffff}, std::uint64_t{1}}) {
    CAPTURE(bits);
    CHECK(hdk::encode_to_vector(std::bit_cast<double>(bits)) == f64_bytes(bits));
  }
  for (std::uint32_t bits : {0x7f800000u, 0xff800000u, 0x80000000u, 1u}) {
    CAPTURE(bits);
    CHECK(hdk::encode_to_vector(std::bit_cast<float>(bits)) == f32_bytes(bits));
  }
}

TEST_CASE("codec: NaNs inside structs, options and vectors are canonical too", "[codec][nan]") {
  const auto nan_a = std::bit_cast<double>(std::uint64_t{0xfff8000000000000});
  const auto nan_b = std::bit_cast<double>(std::uint64_t{0x7ff8000000000042});
  const Reading odd{"t1", nan_a, std::bit_cast<float>(0xffc00001u), {1.5, nan_b}};
  const Reading plain{"t1",
                      std::numeric_limits<double>::quiet_NaN(),
                      std::numeric_limits<float>::quiet_NaN(),
                      {1.5, std::numeric_limits<double>::quiet_NaN()}};
  CHECK(hdk::encode_to_vector(odd) == hdk::encode_to_vector(plain));
}

TEST_CASE("codec: decoding keeps a NaN's bits; writing it again canonicalises", "[codec][nan]") {
  for (std::uint64_t bits : kF64Nans) {
    CAPTURE(bits);
    double value = 0;
    hdk::DecodeError err;
    REQUIRE(hdk::decode(f64_bytes(bits), value, err));
    CHECK(std::bit_cast<std::uint64_t>(value) == bits);
    CHECK(hdk::encode_to_vector(value) == f64_bytes(0x7ff8000000000000));
  }
  for (std::uint32_t bits : kF32Nans) {
    CAPTURE(bits);
    float value = 0;
    hdk::DecodeError err;
    REQUIRE(hdk::decode(f32_bytes(bits), value, err));
    CHECK(std::bit_cast<std::uint32_t>(value) == bits);
    CHECK(hdk::encode_to_vector(value) == f32_bytes(0x7fc00000));
  }
}
