// The HDK's msgpack against rmp-serde itself. tests/vectors/rmp_serde_vectors.json
// holds the bytes Holochain's encoder writes (rmp-serde with struct maps) for
// a set of values, and what Holochain's decoder (rmp_serde::from_slice) does
// with a set of inputs; tests/vectors/generator wrote it. Here each value is
// rebuilt with the HDK's types: encoding must give exactly those bytes,
// decoding them must give the value back, and each decode case must be
// accepted or refused as rmp-serde does, except for the few differences
// listed (and asserted) in kExpectedDifferences.
#include <bit>
#include <catch2/catch.hpp>
#include <concepts>
#include <cstdint>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <variant>
#include <vector>

#include "hdk/codec.hpp"
#include "hdk/error.hpp"
#include "hdk/extern_io.hpp"
#include "hdk/types.hpp"

namespace {

using ByteVec = std::vector<std::uint8_t>;

// ---------------------------------------------------------------------------
// The generator's test-only Rust types, mirrored.

struct Point {
  std::int32_t x = 0;
  std::int32_t y = 0;
  HDK_STRUCT(x, y);
  bool operator==(const Point&) const = default;
};

struct Empty {
  HDK_STRUCT();
  bool operator==(const Empty&) const = default;
};

// Rust's `struct UnitStruct;`: rmp-serde writes it as an empty array.
struct UnitStruct {
  HDK_TUPLE();
  bool operator==(const UnitStruct&) const = default;
};

struct Meters {
  std::uint32_t value = 0;
  HDK_NEWTYPE(value);
  bool operator==(const Meters&) const = default;
};

struct Label {
  std::string value;
  HDK_NEWTYPE(value);
  bool operator==(const Label&) const = default;
};

struct Wrapped {
  Point point;
  HDK_NEWTYPE(point);
  bool operator==(const Wrapped&) const = default;
};

struct Pair {
  std::uint8_t first = 0;
  std::string second;
  HDK_TUPLE(first, second);
  bool operator==(const Pair&) const = default;
};

struct WithOpt {
  std::uint8_t a = 0;
  std::optional<std::uint8_t> b;
  HDK_STRUCT(a, b);
  bool operator==(const WithOpt&) const = default;
};

struct WithBytes {
  std::vector<std::uint8_t> plain;
  hdk::Bytes bytes;
  HDK_STRUCT(plain, bytes);
  bool operator==(const WithBytes&) const = default;
};

struct Fifteen {
  std::uint8_t f00 = 0, f01 = 0, f02 = 0, f03 = 0, f04 = 0, f05 = 0, f06 = 0, f07 = 0;
  std::uint8_t f08 = 0, f09 = 0, f10 = 0, f11 = 0, f12 = 0, f13 = 0, f14 = 0;
  HDK_STRUCT(f00, f01, f02, f03, f04, f05, f06, f07, f08, f09, f10, f11, f12, f13, f14);
  bool operator==(const Fifteen&) const = default;
};

struct Sixteen {
  std::uint8_t f00 = 0, f01 = 0, f02 = 0, f03 = 0, f04 = 0, f05 = 0, f06 = 0, f07 = 0;
  std::uint8_t f08 = 0, f09 = 0, f10 = 0, f11 = 0, f12 = 0, f13 = 0, f14 = 0, f15 = 0;
  HDK_STRUCT(f00, f01, f02, f03, f04, f05, f06, f07, f08, f09, f10, f11, f12, f13, f14, f15);
  bool operator==(const Sixteen&) const = default;
};

namespace sample {
struct UnitCase {
  HDK_UNIT_VARIANT(Unit);
  bool operator==(const UnitCase&) const = default;
};
struct Newtype {
  std::uint32_t value = 0;
  HDK_NEWTYPE_VARIANT(Newtype, value);
  bool operator==(const Newtype&) const = default;
};
struct NewtypeUnit {
  hdk::Unit value;
  HDK_NEWTYPE_VARIANT(NewtypeUnit, value);
  bool operator==(const NewtypeUnit&) const = default;
};
struct NewtypeOpt {
  std::optional<std::uint8_t> value;
  HDK_NEWTYPE_VARIANT(NewtypeOpt, value);
  bool operator==(const NewtypeOpt&) const = default;
};
struct Tuple {
  std::uint8_t a = 0;
  std::string b;
  HDK_TUPLE_VARIANT(Tuple, a, b);
  bool operator==(const Tuple&) const = default;
};
struct Struct {
  std::uint8_t a = 0;
  std::string b;
  HDK_STRUCT_VARIANT(Struct, a, b);
  bool operator==(const Struct&) const = default;
};
}  // namespace sample

using Sample = std::variant<sample::UnitCase, sample::Newtype, sample::NewtypeUnit,
                            sample::NewtypeOpt, sample::Tuple, sample::Struct>;

struct Mixed {
  std::uint64_t id = 0;
  std::string name;
  std::vector<std::string> tags;
  hdk::Bytes blob;
  std::vector<Point> points;
  Sample kind;
  std::optional<Point> maybe;
  hdk::Level level = hdk::Level::INFO;
  hdk::Timestamp at;
  HDK_STRUCT(id, name, tags, blob, points, kind, maybe, level, at);
  bool operator==(const Mixed&) const = default;
};

/// Nested arrays `[[[...]]]`, for the depth limit.
struct Deep {
  std::vector<Deep> inner;
  HDK_NEWTYPE(inner);
};

// ---------------------------------------------------------------------------
// The generator's deterministic contents.

std::string letters(std::size_t n) {
  std::string out(n, ' ');
  for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<char>('a' + i % 26);
  return out;
}

ByteVec byte_pattern(std::size_t n) {
  ByteVec out(n);
  for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<std::uint8_t>(i % 251);
  return out;
}

hdk::WasmError wasm_error(hdk::WasmErrorInner inner) {
  return hdk::WasmError{"zome", 7, std::move(inner)};
}

// ---------------------------------------------------------------------------
// The vector file.

std::string to_hex(const ByteVec& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (std::uint8_t b : bytes) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 15]);
  }
  return out;
}

ByteVec from_hex(const std::string& hex) {
  ByteVec out(hex.size() / 2);
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = static_cast<std::uint8_t>(std::stoul(hex.substr(2 * i, 2), nullptr, 16));
  return out;
}

/// Empty when equal; otherwise where they part, short enough to print (some
/// vectors are 64 KiB).
std::string first_difference(const std::string& actual_hex, const std::string& expected_hex) {
  if (actual_hex == expected_hex) return {};
  std::size_t at = 0;
  while (at < actual_hex.size() && at < expected_hex.size() && actual_hex[at] == expected_hex[at])
    ++at;
  at -= at % 2;
  const std::size_t from = at > 16 ? at - 16 : 0;
  return "byte " + std::to_string(at / 2) + " of " + std::to_string(expected_hex.size() / 2) +
         ": expected ..." + expected_hex.substr(from, 48) + " got ..." +
         actual_hex.substr(from, 48) + " (got " + std::to_string(actual_hex.size() / 2) + " bytes)";
}

struct EncodeVector {
  std::string name;
  std::string hex;
  bool roundtrip = true;
};

struct DecodeCase {
  std::string name;
  std::string type;
  std::string hex;
  bool accepted = false;
  std::string reencoded;  // when accepted
  std::string error;      // rmp-serde's message, when refused
};

struct VectorFile {
  std::vector<EncodeVector> encode;
  std::vector<DecodeCase> decode;
};

const VectorFile& vector_file() {
  static const VectorFile file = [] {
    std::ifstream in(std::string(HDK_TEST_SOURCE_DIR) + "/tests/vectors/rmp_serde_vectors.json");
    REQUIRE(in.good());
    const auto json = nlohmann::json::parse(in);
    VectorFile out;
    for (const auto& e : json.at("encode"))
      out.encode.push_back({e.at("name"), e.at("hex"), e.at("roundtrip")});
    for (const auto& d : json.at("decode")) {
      DecodeCase c{d.at("name"), d.at("type"), d.at("hex"), d.at("accepted"), {}, {}};
      if (c.accepted)
        c.reencoded = d.at("reencoded");
      else
        c.error = d.at("error");
      out.decode.push_back(std::move(c));
    }
    return out;
  }();
  return file;
}

// ---------------------------------------------------------------------------
// Encode vectors: name -> the C++ value and its check.

template <class T>
bool same_value(const T& a, const T& b) {
  if constexpr (std::is_same_v<T, float>) {
    return std::bit_cast<std::uint32_t>(a) == std::bit_cast<std::uint32_t>(b);
  } else if constexpr (std::is_same_v<T, double>) {
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
  } else {
    return a == b;
  }
}

/// Where the HDK writes other bytes than rmp-serde on purpose: it writes every
/// NaN as the canonical quiet NaN (hdk/codec.hpp), rmp-serde writes its bits.
/// Decoding still reads a NaN's bits exactly (same_value below checks them).
const std::map<std::string, std::string>& canonicalised_nans() {
  static const std::map<std::string, std::string> table = {
      {"f32/nan_payload", "ca7fc00000"},          {"f32/neg_nan", "ca7fc00000"},
      {"f32/signaling_nan", "ca7fc00000"},        {"f64/nan_payload", "cb7ff8000000000000"},
      {"f64/neg_nan", "cb7ff8000000000000"},      {"f64/signaling_nan", "cb7ff8000000000000"},
      {"decode/f32_signaling_nan", "ca7fc00000"},
  };
  return table;
}

/// The hex the HDK writes for vector `name` whose rmp-serde bytes are `hex`.
std::string hdk_writes(const std::string& name, const std::string& hex) {
  const auto found = canonicalised_nans().find(name);
  if (found == canonicalised_nans().end()) return hex;
  CHECK(found->second != hex);  // else the entry is stale
  return found->second;
}

/// Our bytes must be rmp-serde's (but for canonical NaNs); decoding them must
/// succeed and re-encode to the same bytes; and where C++ can compare values,
/// decoding must give the value back exactly when rmp-serde's does (it does
/// not for Some(None)).
template <class T>
void check_encode_vector(const EncodeVector& v, const T& value) {
  INFO("vector " << v.name);
  const std::string expected = hdk_writes(v.name, v.hex);
  CHECK(first_difference(to_hex(hdk::encode_to_vector(value)), expected) == "");

  T decoded{};
  hdk::DecodeError err;
  const bool ok = hdk::decode(from_hex(v.hex), decoded, err);
  INFO("decode error: " << err.message);
  CHECK(ok);
  if (!ok) return;
  CHECK(first_difference(to_hex(hdk::encode_to_vector(decoded)), expected) == "");
  if constexpr (std::equality_comparable<T>) CHECK(same_value(decoded, value) == v.roundtrip);
}

class EncodeCases {
 public:
  template <class T>
  void add(const std::string& name, T value) {
    const bool fresh =
        checks_
            .emplace(name, [value = std::move(value)](
                               const EncodeVector& v) { check_encode_vector(v, value); })
            .second;
    REQUIRE(fresh);
  }
  const std::map<std::string, std::function<void(const EncodeVector&)>>& checks() const {
    return checks_;
  }

 private:
  std::map<std::string, std::function<void(const EncodeVector&)>> checks_;
};

void add_holochain_types(EncodeCases& c) {
  using namespace hdk::wasm_error_inner;
  namespace sbe = hdk::serialized_bytes_error;
  c.add("holochain/wasm_error/PointerMap", wasm_error(PointerMap{}));
  c.add("holochain/wasm_error/Deserialize", wasm_error(Deserialize{hdk::Bytes{0xc1, 0x01, 0xff}}));
  c.add("holochain/wasm_error/Serialize/Serialize", wasm_error(Serialize{sbe::Serialize{"boom"}}));
  c.add("holochain/wasm_error/Serialize/Deserialize",
        wasm_error(Serialize{sbe::Deserialize{"bad"}}));
  c.add("holochain/wasm_error/ErrorWhileError", wasm_error(ErrorWhileError{}));
  c.add("holochain/wasm_error/Memory", wasm_error(Memory{}));
  c.add("holochain/wasm_error/Guest", wasm_error(Guest{"bad"}));
  c.add("holochain/wasm_error/Host", wasm_error(Host{"host says no"}));
  c.add("holochain/wasm_error/HostShortCircuit",
        wasm_error(HostShortCircuit{{0x81, 0xa2, 'O', 'k', 0xc0, 0xcc}}));
  c.add("holochain/wasm_error/ModuleBuild", wasm_error(ModuleBuild{"mb"}));
  c.add("holochain/wasm_error/ModuleSerialize", wasm_error(ModuleSerialize{"ms"}));
  c.add("holochain/wasm_error/ModuleDeserialize", wasm_error(ModuleDeserialize{"md"}));
  c.add("holochain/wasm_error/CallError", wasm_error(CallError{"ce"}));
  c.add("holochain/wasm_error/line_max",
        hdk::WasmError{"my_zome::coordinator::posts", std::numeric_limits<std::uint32_t>::max(),
                       Guest{""}});
  c.add("holochain/wasm_error/deserialize_empty", wasm_error(Deserialize{hdk::Bytes{}}));
  c.add("holochain/wasm_error/deserialize_300",
        wasm_error(Deserialize{hdk::Bytes(byte_pattern(300))}));
  c.add("holochain/wasm_error/host_short_circuit_empty", wasm_error(HostShortCircuit{{}}));

  c.add("holochain/result/ok_string", hdk::ExternResult<std::string>("hi"));
  c.add("holochain/result/ok_unit", hdk::ExternResult<hdk::Unit>(hdk::Unit{}));
  c.add("holochain/result/ok_extern_io",
        hdk::ExternResult<hdk::ExternIO>(hdk::ExternIO::from(std::string("hi"))));
  c.add("holochain/result/ok_extern_io_valid",
        hdk::ExternResult<hdk::ExternIO>(hdk::ExternIO::from(std::string("Valid"))));
  c.add("holochain/result/ok_timestamp",
        hdk::ExternResult<hdk::Timestamp>(hdk::Timestamp{1'700'000'000'000'000}));
  c.add("holochain/result/err_guest", hdk::ExternResult<std::string>(wasm_error(Guest{"bad"})));
  c.add("holochain/result/err_deserialize",
        hdk::ExternResult<hdk::ExternIO>(wasm_error(Deserialize{hdk::Bytes{0x01, 0x02}})));

  c.add("holochain/extern_io/empty", hdk::ExternIO{});
  c.add("holochain/extern_io/hi", hdk::ExternIO::from(std::string("hi")));
  c.add("holochain/extern_io/unit", hdk::ExternIO::from(hdk::Unit{}));
  c.add("holochain/extern_io/point", hdk::ExternIO::from(Point{1, -2}));
  c.add("holochain/extern_io/300_bytes", hdk::ExternIO{hdk::Bytes(byte_pattern(300))});

  const std::pair<const char*, hdk::Level> levels[] = {{"ERROR", hdk::Level::ERROR},
                                                       {"WARN", hdk::Level::WARN},
                                                       {"INFO", hdk::Level::INFO},
                                                       {"DEBUG", hdk::Level::DEBUG},
                                                       {"TRACE", hdk::Level::TRACE}};
  for (const auto& [name, level] : levels) {
    std::string lower = name;
    for (char& ch : lower) ch = static_cast<char>(ch - 'A' + 'a');
    c.add(std::string("holochain/level/") + name, level);
    c.add(std::string("holochain/trace_msg/") + name, hdk::TraceMsg{lower + " message", level});
  }

  const std::pair<const char*, std::int64_t> stamps[] = {
      {"zero", 0},
      {"2023", 1'700'000'000'000'000},
      {"minus_one", -1},
      {"min", std::numeric_limits<std::int64_t>::min()},
      {"max", std::numeric_limits<std::int64_t>::max()}};
  for (const auto& [name, micros] : stamps)
    c.add(std::string("holochain/timestamp/") + name, hdk::Timestamp{micros});
}

// Every msgpack integer form's edges, for every integer type each fits in
// (the generator's candidate list, split by sign).
constexpr std::uint64_t kNonNegativeEdges[] = {0,
                                               1,
                                               127,
                                               128,
                                               255,
                                               256,
                                               32767,
                                               32768,
                                               65535,
                                               65536,
                                               2147483647,
                                               2147483648,
                                               4294967295,
                                               4294967296,
                                               9223372036854775807u,
                                               18446744073709551615u};
constexpr std::int64_t kNegativeEdges[] = {
    -1, -32, -33, -128, -129, -32768, -32769, -2147483648, -2147483649, INT64_MIN, -4294967296};

template <class Int>
void add_integers(EncodeCases& c, const std::string& type_name) {
  for (std::uint64_t v : kNonNegativeEdges)
    if (v <= static_cast<std::uint64_t>(std::numeric_limits<Int>::max()))
      c.add("int/" + type_name + "/" + std::to_string(v), static_cast<Int>(v));
  if constexpr (std::is_signed_v<Int>) {
    for (std::int64_t v : kNegativeEdges)
      if (v >= static_cast<std::int64_t>(std::numeric_limits<Int>::min()))
        c.add("int/" + type_name + "/" + std::to_string(v), static_cast<Int>(v));
  }
}

void add_floats(EncodeCases& c) {
  const std::pair<const char*, std::uint32_t> f32_bits[] = {
      {"zero", 0x00000000},         {"neg_zero", 0x80000000},     {"one", 0x3f800000},
      {"one_and_half", 0x3fc00000}, {"neg_two", 0xc0000000},      {"large_1e30", 0x7149f2ca},
      {"max", 0x7f7fffff},          {"min_positive", 0x00800000}, {"smallest_subnormal", 0x1},
      {"inf", 0x7f800000},          {"neg_inf", 0xff800000},      {"nan", 0x7fc00000},
      {"nan_payload", 0x7fc01234},  {"neg_nan", 0xffc00000},      {"signaling_nan", 0x7f800001}};
  for (const auto& [name, bits] : f32_bits)
    c.add(std::string("f32/") + name, std::bit_cast<float>(bits));

  const std::pair<const char*, std::uint64_t> f64_bits[] = {
      {"zero", 0x0000000000000000},         {"neg_zero", 0x8000000000000000},
      {"one", 0x3ff0000000000000},          {"one_and_half", 0x3ff8000000000000},
      {"forty_two", 0x4045000000000000},    {"two_pow_53", 0x4340000000000000},
      {"large_1e300", 0x7e37e43c8800759c},  {"max", 0x7fefffffffffffff},
      {"min_positive", 0x0010000000000000}, {"smallest_subnormal", 0x0000000000000001},
      {"inf", 0x7ff0000000000000},          {"neg_inf", 0xfff0000000000000},
      {"nan", 0x7ff8000000000000},          {"nan_payload", 0x7ff8000000001234},
      {"neg_nan", 0xfff8000000000000},      {"signaling_nan", 0x7ff0000000000001}};
  for (const auto& [name, bits] : f64_bits)
    c.add(std::string("f64/") + name, std::bit_cast<double>(bits));
}

void add_scalars_and_text(EncodeCases& c) {
  c.add("bool/true", true);
  c.add("bool/false", false);
  c.add("unit", hdk::Unit{});

  for (std::size_t n : {0, 1, 31, 32, 255, 256, 65535, 65536})
    c.add("str/len_" + std::to_string(n), letters(n));
  c.add("str/utf8", std::string("h\xc3\xa9llo \xe2\x9c\x93 \xf0\x9f\xa6\x80"));
  std::string e_acute_15;
  for (int i = 0; i < 15; ++i) e_acute_15 += "\xc3\xa9";
  c.add("str/utf8_31_bytes", e_acute_15 + "a");
  c.add("str/utf8_32_bytes", e_acute_15 + "\xc3\xa9");

  for (std::size_t n : {0, 1, 255, 256, 65535, 65536})
    c.add("bin/len_" + std::to_string(n), hdk::Bytes(byte_pattern(n)));
  for (std::size_t n : {0, 3, 15, 16, 200})
    c.add("vec_u8/len_" + std::to_string(n), byte_pattern(n));
  for (std::size_t n : {65535, 65536})
    c.add("vec_u8/zeros_len_" + std::to_string(n), ByteVec(n, 0));
  c.add("struct/with_bytes", WithBytes{{1, 2, 200}, hdk::Bytes{1, 2, 200}});
}

void add_containers(EncodeCases& c) {
  std::vector<std::uint16_t> thousands;
  for (std::uint16_t i = 0; i < 16; ++i) thousands.push_back(static_cast<std::uint16_t>(i * 1000));
  c.add("array/u16_len_16", thousands);
  thousands.pop_back();
  c.add("array/u16_len_15", thousands);
  c.add("array/strings", std::vector<std::string>{"a", "", letters(40)});
  c.add("array/points", std::vector<Point>{{1, 2}, {-200, 70000}});
  c.add("array/nested", std::vector<ByteVec>{{1}, {}, {2, 3}});
  c.add("array/options",
        std::vector<std::optional<std::uint8_t>>{std::uint8_t{1}, std::nullopt, std::uint8_t{255}});
  c.add("array/fixed_4", std::array<std::uint8_t, 4>{9, 8, 7, 200});
  c.add("array/empty_points", std::vector<Point>{});

  for (std::size_t n : {0, 1, 15, 16}) {
    std::map<std::string, std::uint8_t> map;
    for (std::size_t i = 0; i < n; ++i)
      map[(i < 10 ? "k0" : "k") + std::to_string(i)] = static_cast<std::uint8_t>(i);
    c.add("map/string_u8_len_" + std::to_string(n), map);
  }
  c.add("map/u32_string",
        std::map<std::uint32_t, std::string>{{1, "one"}, {300, "three hundred"}, {70000, ""}});
  c.add("map/string_points",
        std::map<std::string, std::vector<Point>>{{"a", {Point{0, 0}}}, {"b", {}}});

  c.add("tuple/u8_string_bool", std::tuple<std::uint8_t, std::string, bool>{5, "five", true});
  c.add("tuple/units", std::tuple<hdk::Unit, hdk::Unit>{});

  using OptU8 = std::optional<std::uint8_t>;
  c.add("option/u8_none", OptU8{});
  c.add("option/u8_some_0", OptU8{0});
  c.add("option/u8_some_200", OptU8{200});
  c.add("option/string_some", std::optional<std::string>{"x"});
  c.add("option/unit_none", std::optional<hdk::Unit>{});
  c.add("option/unit_some", std::optional<hdk::Unit>{hdk::Unit{}});
  c.add("option/nested_none", std::optional<OptU8>{});
  c.add("option/nested_some_none", std::optional<OptU8>{OptU8{}});
  c.add("option/nested_some_some", std::optional<OptU8>{OptU8{7}});
  c.add("option/triple_some_some_none",
        std::optional<std::optional<OptU8>>{std::optional<OptU8>{OptU8{}}});
  c.add("option/point_some", std::optional<Point>{Point{3, 4}});
  c.add("option/vec_some_empty", std::optional<ByteVec>{ByteVec{}});
}

void add_shapes(EncodeCases& c) {
  c.add("struct/point", Point{1, 2});
  c.add("struct/point_negative", Point{-33, std::numeric_limits<std::int32_t>::min()});
  c.add("struct/empty", Empty{});
  c.add("struct/unit", UnitStruct{});
  c.add("struct/with_opt_none", WithOpt{1, std::nullopt});
  c.add("struct/with_opt_some", WithOpt{1, 2});
  c.add("struct/fifteen_fields", Fifteen{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14});
  c.add("struct/sixteen_fields", Sixteen{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15});
  hdk::Bytes blob;
  for (int i = 0; i < 16; ++i) blob.push_back(static_cast<std::uint8_t>(250 + i));
  c.add("struct/mixed", Mixed{std::uint64_t{1} << 40,
                              "mixed",
                              {"t1", "t2"},
                              blob,
                              {{1, 2}},
                              sample::Struct{1, "b"},
                              std::nullopt,
                              hdk::Level::WARN,
                              hdk::Timestamp{-5}});

  c.add("newtype/meters", Meters{70000});
  c.add("newtype/label", Label{"lbl"});
  c.add("newtype/wrapped_point", Wrapped{{5, 6}});
  c.add("tuple_struct/pair", Pair{200, "p"});

  c.add("enum/unit", Sample{sample::UnitCase{}});
  c.add("enum/newtype", Sample{sample::Newtype{300}});
  c.add("enum/newtype_unit", Sample{sample::NewtypeUnit{}});
  c.add("enum/newtype_opt_none", Sample{sample::NewtypeOpt{}});
  c.add("enum/newtype_opt_some", Sample{sample::NewtypeOpt{9}});
  c.add("enum/tuple", Sample{sample::Tuple{1, "t"}});
  c.add("enum/struct", Sample{sample::Struct{2, "s"}});
  c.add("enum/in_vec",
        std::vector<Sample>{sample::UnitCase{}, sample::Newtype{1}, sample::Tuple{2, ""}});
}

const EncodeCases& encode_cases() {
  static const EncodeCases cases = [] {
    EncodeCases c;
    add_holochain_types(c);
    add_integers<std::uint8_t>(c, "u8");
    add_integers<std::uint16_t>(c, "u16");
    add_integers<std::uint32_t>(c, "u32");
    add_integers<std::uint64_t>(c, "u64");
    add_integers<std::int8_t>(c, "i8");
    add_integers<std::int16_t>(c, "i16");
    add_integers<std::int32_t>(c, "i32");
    add_integers<std::int64_t>(c, "i64");
    add_floats(c);
    add_scalars_and_text(c);
    add_containers(c);
    add_shapes(c);
    return c;
  }();
  return cases;
}

void run_encode_vectors(const std::string& prefix) {
  std::size_t ran = 0;
  for (const auto& v : vector_file().encode) {
    if (v.name.rfind(prefix, 0) != 0) continue;
    const auto found = encode_cases().checks().find(v.name);
    if (found == encode_cases().checks().end()) {
      FAIL_CHECK("vector " << v.name << " has no C++ counterpart");
      continue;
    }
    found->second(v);
    ++ran;
  }
  CHECK(ran > 0);
}

// ---------------------------------------------------------------------------
// Decode cases: the Rust type name -> decode as the C++ mirror.

struct Outcome {
  bool accepted = false;
  ByteVec reencoded;
  std::string error;
};

template <class T>
Outcome try_decode(const ByteVec& bytes) {
  T value{};
  hdk::DecodeError err;
  Outcome out;
  out.accepted = hdk::decode(bytes, value, err);
  if (out.accepted) out.reencoded = hdk::encode_to_vector(value);
  out.error = err.message;
  return out;
}

const std::map<std::string, Outcome (*)(const ByteVec&)>& decoders() {
  static const std::map<std::string, Outcome (*)(const ByteVec&)> table = {
      {"()", &try_decode<hdk::Unit>},
      {"bool", &try_decode<bool>},
      {"u8", &try_decode<std::uint8_t>},
      {"u32", &try_decode<std::uint32_t>},
      {"u64", &try_decode<std::uint64_t>},
      {"i8", &try_decode<std::int8_t>},
      {"i32", &try_decode<std::int32_t>},
      {"i64", &try_decode<std::int64_t>},
      {"f32", &try_decode<float>},
      {"f64", &try_decode<double>},
      {"String", &try_decode<std::string>},
      {"Vec<u8>", &try_decode<ByteVec>},
      {"ByteBuf", &try_decode<hdk::Bytes>},
      {"[u8; 2]", &try_decode<std::array<std::uint8_t, 2>>},
      {"Option<u8>", &try_decode<std::optional<std::uint8_t>>},
      {"Option<Option<u8>>", &try_decode<std::optional<std::optional<std::uint8_t>>>},
      {"BTreeMap<String, u8>", &try_decode<std::map<std::string, std::uint8_t>>},
      {"Point", &try_decode<Point>},
      {"Empty", &try_decode<Empty>},
      {"UnitStruct", &try_decode<UnitStruct>},
      {"WithOpt", &try_decode<WithOpt>},
      {"Meters", &try_decode<Meters>},
      {"Pair", &try_decode<Pair>},
      {"Sample", &try_decode<Sample>},
      {"Deep", &try_decode<Deep>},
      {"Level", &try_decode<hdk::Level>},
      {"ExternIO", &try_decode<hdk::ExternIO>},
      {"WasmError", &try_decode<hdk::WasmError>},
      {"Result<String, WasmError>", &try_decode<hdk::ExternResult<std::string>>},
  };
  return table;
}

/// Where the HDK's decoder deliberately answers otherwise than the rmp-serde
/// the vectors were made with. Each is asserted (the opposite answer), so a
/// change on either side shows up.
struct ExpectedDifference {
  const char* name;
  const char* why;
};
constexpr ExpectedDifference kExpectedDifferences[] = {
    {"decode/trailing_bytes",
     "hdk::decode wants exactly one value in its input and refuses bytes after it; "
     "rmp_serde::from_slice stops after the value and ignores the rest"},
    {"decode/trailing_bytes_after_nil", "as decode/trailing_bytes"},
    {"decode/bin_for_plain_vec",
     "rmp-serde 1.3 (the version Holochain pins) reads a bin as a sequence of u8 wherever a "
     "sequence, tuple or struct is expected, so Holochain accepts it; the vectors come from "
     "Debian's rmp-serde 1.1, which refuses it. The HDK follows Holochain"},
    {"decode/bin_for_fixed_array", "as decode/bin_for_plain_vec"},
    {"decode/wasm_error_short_circuit_from_bin", "as decode/bin_for_plain_vec"},
};

const ExpectedDifference* expected_difference(const std::string& name) {
  for (const auto& d : kExpectedDifferences)
    if (name == d.name) return &d;
  return nullptr;
}

}  // namespace

// ---------------------------------------------------------------------------

TEST_CASE("rmp-serde vectors: every vector has a C++ counterpart and vice versa", "[codec]") {
  const auto& file = vector_file();
  REQUIRE(file.encode.size() > 200);
  REQUIRE(file.decode.size() > 50);

  std::set<std::string> in_file;
  for (const auto& v : file.encode) {
    INFO("encode vector " << v.name);
    CHECK(encode_cases().checks().count(v.name) == 1);
    in_file.insert(v.name);
  }
  for (const auto& [name, check] : encode_cases().checks()) {
    INFO("C++ case " << name << " is not in the vector file");
    CHECK(in_file.count(name) == 1);
  }
  for (const auto& d : file.decode) {
    INFO("decode case " << d.name << " names type " << d.type);
    CHECK(decoders().count(d.type) == 1);
    in_file.insert(d.name);
  }
  for (const auto& d : kExpectedDifferences) {
    INFO("expected difference " << d.name << " is not a decode case in the vector file");
    CHECK(in_file.count(d.name) == 1);
  }
}

TEST_CASE("rmp-serde vectors: Holochain's wire types encode byte for byte", "[codec]") {
  run_encode_vectors("holochain/");
}

TEST_CASE("rmp-serde vectors: integers take rmp's smallest form at every edge", "[codec]") {
  run_encode_vectors("int/");
}

TEST_CASE("rmp-serde vectors: floats keep their width and bits, NaNs written canonical",
          "[codec]") {
  run_encode_vectors("f32/");
  run_encode_vectors("f64/");
}

TEST_CASE("rmp-serde vectors: bool, unit, strings and bytes at every length edge", "[codec]") {
  run_encode_vectors("bool/");
  run_encode_vectors("unit");
  run_encode_vectors("str/");
  run_encode_vectors("bin/");
  run_encode_vectors("vec_u8/");
}

TEST_CASE("rmp-serde vectors: arrays, maps, tuples and options", "[codec]") {
  run_encode_vectors("array/");
  run_encode_vectors("map/");
  run_encode_vectors("tuple/");
  run_encode_vectors("option/");
}

TEST_CASE("rmp-serde vectors: structs, newtypes, tuple structs and enum variants", "[codec]") {
  run_encode_vectors("struct/");
  run_encode_vectors("newtype/");
  run_encode_vectors("tuple_struct/");
  run_encode_vectors("enum/");
}

TEST_CASE("rmp-serde vectors: our decoder accepts and refuses what rmp_serde::from_slice does",
          "[codec]") {
  for (const auto& d : vector_file().decode) {
    INFO("decode case " << d.name << " as " << d.type << ": " << d.hex.substr(0, 64));
    const auto decoder = decoders().find(d.type);
    REQUIRE(decoder != decoders().end());
    const Outcome ours = decoder->second(from_hex(d.hex));
    INFO("ours: " << (ours.accepted ? "accepted" : "refused (" + ours.error + ")")
                  << "; rmp-serde: " << (d.accepted ? "accepted" : "refused (" + d.error + ")"));
    if (const auto* difference = expected_difference(d.name)) {
      INFO("expected difference: " << difference->why);
      CHECK(ours.accepted != d.accepted);
      continue;
    }
    CHECK(ours.accepted == d.accepted);
    if (ours.accepted && d.accepted) {
      // The value read must be the one rmp-serde read.
      CHECK(first_difference(to_hex(ours.reencoded), hdk_writes(d.name, d.reencoded)) == "");
    }
    if (!ours.accepted) CHECK_FALSE(ours.error.empty());
  }
}
