// A zome that makes NaNs by arithmetic, for the determinism tests: which NaN
// an operation makes is the one thing wasm leaves to the engine (and, in
// native mode, to the CPU). The operands arrive as input, so the compiler
// cannot fold the operations away.
#include <hdk/hdk.hpp>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace {

struct Operands {
  double zero = 0;
  double one = 0;
  double minus_one = 0;
  /// A NaN with a payload, sent as its bits: an encoder that canonicalises
  /// NaNs (the HDK's does) would send any NaN as the canonical one.
  std::uint64_t payload_nan64 = 0;
  float zero32 = 0;
  float one32 = 0;
  float minus_one32 = 0;
  std::uint32_t payload_nan32 = 0;
  HDK_STRUCT(zero, one, minus_one, payload_nan64, zero32, one32, minus_one32, payload_nan32);
};

struct F64Result {
  std::string op;
  double value = 0;
};
struct F32Result {
  std::string op;
  float value = 0;
};
struct Results {
  std::vector<F64Result> f64;
  std::vector<F32Result> f32;
};

template <class To, class From>
To bits_as(From from) {
  static_assert(sizeof(To) == sizeof(From));
  To to;
  std::memcpy(&to, &from, sizeof to);
  return to;
}

Results compute(const Operands& in) {
  // Volatile copies: even where the inputs' values could be known (a test
  // calling natively with constants), each operation happens at run time.
  volatile double zero = in.zero, one = in.one, minus_one = in.minus_one;
  volatile double inf = one / zero;  // exact: no NaN yet
  volatile double payload = bits_as<double>(in.payload_nan64);
  volatile float zero32 = in.zero32, one32 = in.one32, minus_one32 = in.minus_one32;
  volatile float inf32 = one32 / zero32;
  volatile float payload32 = bits_as<float>(in.payload_nan32);
  Results r;
  r.f64 = {
      {"0/0", zero / zero},
      {"inf-inf", inf - inf},
      {"inf*0", inf * zero},
      {"sqrt(-1)", __builtin_sqrt(minus_one)},
      {"payload+1", payload + one},
      {"1*payload", one * payload},
      {"payload+(0/0)", payload + zero / zero},
      {"promote(payload32)", static_cast<double>(payload32)},
  };
  r.f32 = {
      {"0/0", zero32 / zero32},
      {"inf-inf", inf32 - inf32},
      {"inf*0", inf32 * zero32},
      {"sqrt(-1)", __builtin_sqrtf(minus_one32)},
      {"payload+1", payload32 + one32},
      {"1*payload", one32 * payload32},
      {"payload+(0/0)", payload32 + zero32 / zero32},
      {"demote(payload64)", static_cast<float>(payload)},
  };
  return r;
}

struct NanBits {
  std::string op;  // "f64 0/0", "f32 sqrt(-1)", ...
  std::uint64_t bits = 0;
  HDK_STRUCT(op, bits);
};

struct NanValue {
  std::string op;
  std::optional<double> f64;
  std::optional<float> f32;
  HDK_STRUCT(op, f64, f32);
};

}  // namespace

/// Each operation's result as its bits (an integer, which no encoder touches).
hdk::ExternResult<std::vector<NanBits>> nan_bits(Operands operands) {
  const Results r = compute(operands);
  std::vector<NanBits> out;
  for (const auto& [op, value] : r.f64) out.push_back({"f64 " + op, bits_as<std::uint64_t>(value)});
  for (const auto& [op, value] : r.f32) out.push_back({"f32 " + op, bits_as<std::uint32_t>(value)});
  return out;
}
HDK_EXTERN(nan_bits);

/// Each operation's result as a float, serialized by the HDK.
hdk::ExternResult<std::vector<NanValue>> nan_values(Operands operands) {
  const Results r = compute(operands);
  std::vector<NanValue> out;
  for (const auto& [op, value] : r.f64) out.push_back({"f64 " + op, value, std::nullopt});
  for (const auto& [op, value] : r.f32) out.push_back({"f32 " + op, std::nullopt, value});
  return out;
}
HDK_EXTERN(nan_values);

/// Integer arithmetic only.
hdk::ExternResult<std::uint64_t> checksum(hdk::Bytes bytes) {
  std::uint64_t sum = 1469598103934665603u;
  for (std::uint8_t b : bytes) sum = (sum ^ b) * 1099511628211u;
  return sum;
}
HDK_EXTERN(checksum);

/// Validation that divides: the kind an integrity zome must not have, which
/// hdk-check --determinism warns about (this zome takes the integrity role
/// only for that check). An op's share of a 4 KiB budget, as a float.
hdk::ExternResult<hdk::ValidateCallbackResult> validate(hdk::Op op) {
  const double share = static_cast<double>(hdk::encode_to_vector(op).size()) / 4096.0;
  if (share > 1.0) return hdk::invalid("op larger than 4 KiB");
  return hdk::valid();
}
HDK_EXTERN(validate);
