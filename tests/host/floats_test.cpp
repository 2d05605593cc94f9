// NaNs made by arithmetic (tests/zomes/floats) on every runtime: each engine
// may pick its NaN's bits, and the HDK writes every NaN as the canonical one,
// so the floats a zome returns are the same bytes everywhere.
#include <bit>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support/zomes.hpp"

namespace {

// The floats zome's input and outputs, mirrored.
struct Operands {
  double zero = 0;
  double one = 1;
  double minus_one = -1;
  std::uint64_t payload_nan64 = 0x7ff8000000001234;
  float zero32 = 0;
  float one32 = 1;
  float minus_one32 = -1;
  std::uint32_t payload_nan32 = 0x7fc01234;
  HDK_STRUCT(zero, one, minus_one, payload_nan64, zero32, one32, minus_one32, payload_nan32);
};

struct NanBits {
  std::string op;
  std::uint64_t bits = 0;
  HDK_STRUCT(op, bits);
};

struct NanValue {
  std::string op;
  std::optional<double> f64;
  std::optional<float> f32;
  HDK_STRUCT(op, f64, f32);
};

bool is_nan(const NanBits& n) {
  if (n.op.rfind("f64 ", 0) == 0)
    return (n.bits & 0x7ff0000000000000u) == 0x7ff0000000000000u &&
           (n.bits & 0x000fffffffffffffu) != 0;
  return n.bits <= 0xffffffffu && (n.bits & 0x7f800000u) == 0x7f800000u &&
         (n.bits & 0x007fffffu) != 0;
}

}  // namespace

TEST_CASE("floats: every runtime makes a NaN of each operation, bits as it likes") {
  for (auto& z : hdk_test::load_everywhere("floats")) {
    INFO(z.label);
    const auto r = hdk_test::call(*z.zome, "nan_bits", Operands{});
    INFO(r.describe());
    REQUIRE(r.ok());
    const auto bits = r.value<std::vector<NanBits>>();
    CHECK(bits.size() == 16);
    for (const auto& n : bits) {
      INFO(n.op << " = 0x" << std::hex << n.bits);
      CHECK(is_nan(n));
    }
  }
}

TEST_CASE("floats: the HDK writes each NaN as the canonical NaN, the same bytes everywhere") {
  std::optional<std::vector<std::uint8_t>> reference;
  std::string reference_label;
  for (auto& z : hdk_test::load_everywhere("floats")) {
    INFO(z.label);
    const auto r = hdk_test::call(*z.zome, "nan_values", Operands{});
    INFO(r.describe());
    REQUIRE(r.ok());
    const auto values = r.value<std::vector<NanValue>>();
    CHECK(values.size() == 16);
    for (const auto& v : values) {
      INFO(v.op);
      REQUIRE(v.f64.has_value() != v.f32.has_value());
      if (v.f64) CHECK(std::bit_cast<std::uint64_t>(*v.f64) == 0x7ff8000000000000u);
      if (v.f32) CHECK(std::bit_cast<std::uint32_t>(*v.f32) == 0x7fc00000u);
    }
    if (!reference) {
      reference = r.raw();
      reference_label = z.label;
    }
    INFO("against " << reference_label);
    CHECK(r.raw() == *reference);
  }
}
