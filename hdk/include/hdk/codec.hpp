// msgpack in Holochain's rules (rmp-serde with struct maps, as
// holochain_serialized_bytes encodes): structs as maps keyed by field name,
// enums externally tagged by variant name, serde_bytes as bin, Option as nil,
// integers in their smallest form, floats always at their own width (every
// NaN as the canonical quiet NaN, so that bytes do not depend on the engine).
//
// Decoding never throws: msgpack-cxx's parser runs with a visitor that records
// failures and refuses declared sizes the input cannot hold, then typed
// decoders check every object's type before reading it.
#pragma once

#ifndef MSGPACK_NO_BOOST
#define MSGPACK_NO_BOOST
#endif

#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <map>
#include <msgpack.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace hdk {

/// Bytes that cross as msgpack bin (a serde_bytes field on the Rust side).
/// A plain std::vector<std::uint8_t> crosses as an array of integers instead,
/// as a Vec<u8> without serde_bytes does.
struct Bytes : std::vector<std::uint8_t> {
  using std::vector<std::uint8_t>::vector;
  Bytes() = default;
  explicit Bytes(std::vector<std::uint8_t> v) : std::vector<std::uint8_t>(std::move(v)) {}
};

/// Rust's `()`: nil on the wire.
struct Unit {
  friend constexpr bool operator==(Unit, Unit) { return true; }
};

/// How a type maps onto msgpack, set by the one-line macros below.
enum class Shape {
  Struct,          // map of field name -> value
  Newtype,         // the single field alone
  Tuple,           // array of fields
  UnitVariant,     // "Name"
  NewtypeVariant,  // {"Name": field}
  TupleVariant,    // {"Name": [fields...]}
  StructVariant,   // {"Name": {field: value, ...}}
};

// ---------------------------------------------------------------------------
// The one-line declarations zome authors write inside a type's body.
//   struct Post { std::string title; std::string body; HDK_STRUCT(title, body); };
//   struct Guest { std::string msg; HDK_NEWTYPE_VARIANT(Guest, msg); };
// Field names on the wire are the member names as written.
#define HDK_DETAIL_SHAPE_(shape_value, ...)                            \
  static constexpr ::hdk::Shape hdk_shape = ::hdk::Shape::shape_value; \
  static constexpr std::string_view hdk_field_list = #__VA_ARGS__;     \
  auto hdk_tie() { return std::tie(__VA_ARGS__); }                     \
  auto hdk_tie() const { return std::tie(__VA_ARGS__); }

#define HDK_DETAIL_VARIANT_(shape_value, name, ...)           \
  static constexpr std::string_view hdk_variant_name = #name; \
  HDK_DETAIL_SHAPE_(shape_value, __VA_ARGS__)

/// A struct: a map of its fields by name (serde's default with struct maps).
#define HDK_STRUCT(...) HDK_DETAIL_SHAPE_(Struct, __VA_ARGS__) static_assert(true)
/// A newtype struct `struct T(U)`: encoded as its one field alone.
#define HDK_NEWTYPE(field) HDK_DETAIL_SHAPE_(Newtype, field) static_assert(true)
/// A tuple struct `struct T(A, B)`: an array of its fields.
#define HDK_TUPLE(...) HDK_DETAIL_SHAPE_(Tuple, __VA_ARGS__) static_assert(true)
/// Enum alternatives, used as the types of a std::variant (see Codec<std::variant>).
#define HDK_UNIT_VARIANT(name) HDK_DETAIL_VARIANT_(UnitVariant, name) static_assert(true)
#define HDK_NEWTYPE_VARIANT(name, field) \
  HDK_DETAIL_VARIANT_(NewtypeVariant, name, field) static_assert(true)
#define HDK_TUPLE_VARIANT(name, ...) \
  HDK_DETAIL_VARIANT_(TupleVariant, name, __VA_ARGS__) static_assert(true)
#define HDK_STRUCT_VARIANT(name, ...) \
  HDK_DETAIL_VARIANT_(StructVariant, name, __VA_ARGS__) static_assert(true)

/// A C++ enum whose enumerators are 0, 1, 2, ... in this order, encoded as the
/// enumerator's name (a Rust enum of unit variants). Namespace scope, beside the enum.
#define HDK_ENUM(Type, ...)                                                                  \
  [[maybe_unused]] constexpr std::string_view hdk_enum_names(Type*) { return #__VA_ARGS__; } \
  static_assert(true)

// ---------------------------------------------------------------------------
namespace codec_detail {

/// Splits a stringized, comma-separated identifier list at compile time.
template <std::size_t N>
constexpr std::array<std::string_view, N> split_names(std::string_view list) {
  std::array<std::string_view, N> out{};
  std::size_t index = 0;
  std::size_t pos = 0;
  while (index < N && pos <= list.size()) {
    while (pos < list.size() && (list[pos] == ' ' || list[pos] == '\n' || list[pos] == '\t')) ++pos;
    std::size_t end = pos;
    while (end < list.size() && list[end] != ',' && list[end] != ' ' && list[end] != '\n' &&
           list[end] != '\t')
      ++end;
    out[index++] = list.substr(pos, end - pos);
    while (end < list.size() && list[end] != ',') ++end;
    pos = end + 1;
  }
  return out;
}

template <class T>
constexpr std::size_t field_count() {
  return std::tuple_size_v<decltype(std::declval<T&>().hdk_tie())>;
}

/// The wire names of a struct's fields: the member names, except that one
/// trailing underscore is dropped, so a Rust field named like a C++ keyword
/// (`delete`, `default`) is written `delete_` in C++ and still crosses as `delete`.
template <class T>
constexpr std::array<std::string_view, field_count<T>()> field_names() {
  auto names = split_names<field_count<T>()>(T::hdk_field_list);
  for (auto& name : names)
    if (name.size() > 1 && name.back() == '_') name.remove_suffix(1);
  return names;
}

template <class T, class = void>
struct has_shape : std::false_type {};
template <class T>
struct has_shape<T, std::void_t<decltype(T::hdk_shape)>> : std::true_type {};

template <class E, class = void>
struct is_named_enum : std::false_type {};
template <class E>
struct is_named_enum<E, std::void_t<decltype(hdk_enum_names(static_cast<E*>(nullptr)))>>
    : std::true_type {};

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

/// Counts the comma-separated names in an HDK_ENUM list.
constexpr std::size_t count_names(std::string_view list) {
  if (list.empty()) return 0;
  std::size_t n = 1;
  for (char c : list)
    if (c == ',') ++n;
  return n;
}

}  // namespace codec_detail

// ---------------------------------------------------------------------------
// Output buffer: msgpack-cxx's sbuffer throws when malloc fails; this one
// records the failure instead, so the caller can answer with an error.
class OutBuffer {
 public:
  OutBuffer() = default;
  OutBuffer(const OutBuffer&) = delete;
  OutBuffer& operator=(const OutBuffer&) = delete;
  OutBuffer(OutBuffer&& other) noexcept { swap(other); }
  OutBuffer& operator=(OutBuffer&& other) noexcept {
    OutBuffer tmp(std::move(other));
    swap(tmp);
    return *this;
  }
  ~OutBuffer() { std::free(data_); }

  void write(const char* bytes, std::size_t n) {
    if (failed_ || n == 0) return;
    if (n > capacity_ - size_ && !reserve(size_ + n)) return;
    std::memcpy(data_ + size_, bytes, n);
    size_ += n;
  }
  bool reserve(std::size_t wanted) {
    if (wanted <= capacity_) return true;
    if (wanted > kMaxSize) return fail();
    std::size_t cap = capacity_ ? capacity_ : 64;
    while (cap < wanted) cap = cap > kMaxSize / 2 ? kMaxSize : cap * 2;
    char* grown = static_cast<char*>(std::realloc(data_, cap));
    if (!grown) return fail();
    data_ = grown;
    capacity_ = cap;
    return true;
  }
  const char* data() const { return data_; }
  std::size_t size() const { return size_; }
  bool failed() const { return failed_; }
  /// Hands the malloc'd bytes to the caller (who frees them with free()).
  char* release() {
    char* out = data_;
    data_ = nullptr;
    size_ = capacity_ = 0;
    return out;
  }
  std::vector<std::uint8_t> to_vector() const {
    return std::vector<std::uint8_t>(data_, data_ + size_);
  }

 private:
  // wasm32 lengths are u32.
  static constexpr std::size_t kMaxSize = 0xffffffffu;
  bool fail() {
    failed_ = true;
    return false;
  }
  void swap(OutBuffer& o) noexcept {
    std::swap(data_, o.data_);
    std::swap(size_, o.size_);
    std::swap(capacity_, o.capacity_);
    std::swap(failed_, o.failed_);
  }
  char* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
  bool failed_ = false;
};

/// msgpack-cxx's packer, with access to its buffer for the writes it does
/// not do in rmp-serde's way (floats).
class Packer : public msgpack::packer<OutBuffer> {
 public:
  explicit Packer(OutBuffer& buffer) : msgpack::packer<OutBuffer>(buffer), buffer_(buffer) {}
  OutBuffer& buffer() { return buffer_; }

 private:
  OutBuffer& buffer_;
};

/// Why a decode failed, with the path to the failing value.
struct DecodeError {
  std::string message;
};

/// The codec of one type. Specialisations below cover the standard types and
/// every type declared with the HDK_* macros.
template <class T, class Enable = void>
struct Codec {
  static_assert(sizeof(T) == 0,
                "hdk: this type is not serializable; add HDK_STRUCT(...) (or another "
                "HDK_* shape macro) to it, or HDK_ENUM(...) beside an enum");
};

template <class T>
void encode_value(Packer& p, const T& value) {
  Codec<T>::encode(p, value);
}

template <class T>
bool decode_value(const msgpack::object& o, T& out, DecodeError& err) {
  return Codec<T>::decode(o, out, err);
}

namespace codec_detail {

inline const char* type_name(const msgpack::object& o) {
  switch (o.type) {
    case msgpack::type::NIL:
      return "nil";
    case msgpack::type::BOOLEAN:
      return "bool";
    case msgpack::type::POSITIVE_INTEGER:
      return "unsigned integer";
    case msgpack::type::NEGATIVE_INTEGER:
      return "negative integer";
    case msgpack::type::FLOAT32:
      return "f32";
    case msgpack::type::FLOAT64:
      return "f64";
    case msgpack::type::STR:
      return "string";
    case msgpack::type::BIN:
      return "bin";
    case msgpack::type::ARRAY:
      return "array";
    case msgpack::type::MAP:
      return "map";
    case msgpack::type::EXT:
      return "ext";
  }
  return "unknown";
}

inline bool mismatch(const msgpack::object& o, const char* expected, DecodeError& err) {
  err.message = std::string("invalid type: ") + type_name(o) + ", expected " + expected;
  return false;
}

inline void pack_string(Packer& p, std::string_view s) {
  p.pack_str(static_cast<std::uint32_t>(s.size()));
  p.pack_str_body(s.data(), static_cast<std::uint32_t>(s.size()));
}

inline bool key_is(const msgpack::object& o, std::string_view name) {
  return o.type == msgpack::type::STR && std::string_view(o.via.str.ptr, o.via.str.size) == name;
}

/// serde reads a field or variant identifier from a string, from a bin of the
/// name's bytes, or from an unsigned integer: its index in declaration order.
inline bool is_identifier(const msgpack::object& o) {
  return o.type == msgpack::type::STR || o.type == msgpack::type::BIN ||
         o.type == msgpack::type::POSITIVE_INTEGER;
}

inline bool identifier_is(const msgpack::object& o, std::string_view name, std::size_t index) {
  if (o.type == msgpack::type::STR) return std::string_view(o.via.str.ptr, o.via.str.size) == name;
  if (o.type == msgpack::type::BIN) return std::string_view(o.via.bin.ptr, o.via.bin.size) == name;
  return o.type == msgpack::type::POSITIVE_INTEGER && o.via.u64 == index;
}

inline std::string identifier_text(const msgpack::object& o) {
  if (o.type == msgpack::type::STR) return std::string(o.via.str.ptr, o.via.str.size);
  if (o.type == msgpack::type::BIN) return std::string(o.via.bin.ptr, o.via.bin.size);
  return std::to_string(o.via.u64);
}

/// UTF-8 as Rust's str::from_utf8 checks it: no overlong forms, no
/// surrogates, nothing past U+10FFFF (Rust's String cannot hold them).
inline bool valid_utf8(const char* text, std::size_t size) {
  const auto* p = reinterpret_cast<const unsigned char*>(text);
  std::size_t i = 0;
  while (i < size) {
    const unsigned char lead = p[i];
    if (lead < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    std::uint32_t code = 0;
    std::uint32_t smallest = 0;
    if ((lead & 0xe0) == 0xc0) {
      length = 2, code = lead & 0x1fu, smallest = 0x80;
    } else if ((lead & 0xf0) == 0xe0) {
      length = 3, code = lead & 0x0fu, smallest = 0x800;
    } else if ((lead & 0xf8) == 0xf0) {
      length = 4, code = lead & 0x07u, smallest = 0x10000;
    } else {
      return false;
    }
    if (size - i < length) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((p[i + k] & 0xc0) != 0x80) return false;
      code = (code << 6) | (p[i + k] & 0x3fu);
    }
    if (code < smallest || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return false;
    i += length;
  }
  return true;
}

/// The length of a sequence, or false when `o` is not one. rmp-serde 1.3
/// (the version Holochain pins) reads a bin as the sequence of its bytes
/// wherever a sequence, tuple or struct is expected, so a bin counts too.
inline bool sequence_length(const msgpack::object& o, std::uint32_t& length) {
  if (o.type == msgpack::type::ARRAY) {
    length = o.via.array.size;
    return true;
  }
  if (o.type == msgpack::type::BIN) {
    length = o.via.bin.size;
    return true;
  }
  return false;
}

/// Element `i` of a sequence; of a bin, its byte as an unsigned integer.
inline msgpack::object sequence_element(const msgpack::object& o, std::uint32_t i) {
  if (o.type != msgpack::type::BIN) return o.via.array.ptr[i];
  msgpack::object byte;
  byte.type = msgpack::type::POSITIVE_INTEGER;
  byte.via.u64 = static_cast<unsigned char>(o.via.bin.ptr[i]);
  return byte;
}

// Fields of a struct-shaped value, to and from a map or an array.
template <class T>
void encode_fields_as_map(Packer& p, const T& value) {
  constexpr auto names = field_names<T>();
  p.pack_map(static_cast<std::uint32_t>(names.size()));
  std::size_t i = 0;
  std::apply(
      [&](const auto&... field) { ((pack_string(p, names[i++]), encode_value(p, field)), ...); },
      value.hdk_tie());
}

template <class T>
void encode_fields_as_array(Packer& p, const T& value) {
  p.pack_array(static_cast<std::uint32_t>(field_count<T>()));
  std::apply([&](const auto&... field) { (encode_value(p, field), ...); }, value.hdk_tie());
}

template <class F>
bool decode_one_field(const msgpack::object& map, std::string_view name, std::size_t index,
                      F& field, DecodeError& err) {
  const msgpack::object* value = nullptr;
  for (std::uint32_t k = 0; k < map.via.map.size; ++k) {
    if (!identifier_is(map.via.map.ptr[k].key, name, index)) continue;
    // serde's derive refuses a field given twice.
    if (value) {
      err.message = "duplicate field `" + std::string(name) + "`";
      return false;
    }
    value = &map.via.map.ptr[k].val;
  }
  if (value) {
    if (decode_value(*value, field, err)) return true;
    err.message = "field `" + std::string(name) + "`: " + err.message;
    return false;
  }
  // serde's derive treats a missing Option field as None.
  if constexpr (is_optional<F>::value) {
    field.reset();
    return true;
  } else {
    err.message = "missing field `" + std::string(name) + "`";
    return false;
  }
}

/// A struct reads from a map by field identifier (unknown ones ignored, as
/// serde does) or from an array of its fields in order (rmp-serde accepts both).
template <class T>
bool decode_fields(const msgpack::object& o, T& out, DecodeError& err) {
  constexpr auto names = field_names<T>();
  auto fields = out.hdk_tie();
  std::uint32_t length = 0;
  if (o.type == msgpack::type::MAP) {
    // Every key is read as an identifier, so serde refuses keys that cannot be one.
    for (std::uint32_t k = 0; k < o.via.map.size; ++k)
      if (!is_identifier(o.via.map.ptr[k].key))
        return mismatch(o.via.map.ptr[k].key, "field identifier", err);
    std::size_t i = 0;
    return std::apply(
        [&](auto&... field) {
          return ((decode_one_field(o, names[i], i, field, err) && (++i, true)) && ...);
        },
        fields);
  }
  if (sequence_length(o, length)) {
    if (length != names.size()) {
      err.message = "invalid length " + std::to_string(length) + ", expected " +
                    std::to_string(names.size()) + " fields";
      return false;
    }
    std::uint32_t i = 0;
    return std::apply(
        [&](auto&... field) { return (decode_value(sequence_element(o, i++), field, err) && ...); },
        fields);
  }
  return mismatch(o, "struct (map or array)", err);
}

template <class T>
bool decode_tuple_fields(const msgpack::object& o, T& out, DecodeError& err) {
  std::uint32_t length = 0;
  if (!sequence_length(o, length)) return mismatch(o, "tuple (array)", err);
  constexpr std::size_t n = field_count<T>();
  if (length != n) {
    err.message = "invalid length " + std::to_string(length) + ", expected " + std::to_string(n);
    return false;
  }
  std::uint32_t i = 0;
  return std::apply(
      [&](auto&... field) { return (decode_value(sequence_element(o, i++), field, err) && ...); },
      out.hdk_tie());
}

template <class T>
void encode_shaped(Packer& p, const T& value) {
  constexpr Shape shape = T::hdk_shape;
  if constexpr (shape == Shape::Struct) {
    encode_fields_as_map(p, value);
  } else if constexpr (shape == Shape::Newtype) {
    encode_value(p, std::get<0>(value.hdk_tie()));
  } else if constexpr (shape == Shape::Tuple) {
    encode_fields_as_array(p, value);
  } else if constexpr (shape == Shape::UnitVariant) {
    pack_string(p, T::hdk_variant_name);
  } else {
    p.pack_map(1);
    pack_string(p, T::hdk_variant_name);
    if constexpr (shape == Shape::NewtypeVariant) {
      encode_value(p, std::get<0>(value.hdk_tie()));
    } else if constexpr (shape == Shape::TupleVariant) {
      encode_fields_as_array(p, value);
    } else {
      encode_fields_as_map(p, value);
    }
  }
}

/// Decodes a variant's payload (the value under its name).
template <class T>
bool decode_variant_payload(const msgpack::object& payload, T& out, DecodeError& err) {
  constexpr Shape shape = T::hdk_shape;
  if constexpr (shape == Shape::UnitVariant) {
    if (payload.type != msgpack::type::NIL) return mismatch(payload, "unit variant", err);
    return true;
  } else if constexpr (shape == Shape::NewtypeVariant) {
    return decode_value(payload, std::get<0>(out.hdk_tie()), err);
  } else if constexpr (shape == Shape::TupleVariant) {
    return decode_tuple_fields(payload, out, err);
  } else {
    return decode_fields(payload, out, err);
  }
}

template <class T>
bool decode_shaped(const msgpack::object& o, T& out, DecodeError& err) {
  constexpr Shape shape = T::hdk_shape;
  if constexpr (shape == Shape::Struct) {
    return decode_fields(o, out, err);
  } else if constexpr (shape == Shape::Newtype) {
    return decode_value(o, std::get<0>(out.hdk_tie()), err);
  } else if constexpr (shape == Shape::Tuple) {
    // HDK_TUPLE() with no fields stands for a unit struct `struct T;`, which
    // rmp-serde writes as [] and reads from [] or nil.
    if (field_count<T>() == 0 && o.type == msgpack::type::NIL) return true;
    return decode_tuple_fields(o, out, err);
  } else {
    // A lone alternative (outside a std::variant) still reads its own tag.
    if constexpr (shape == Shape::UnitVariant) {
      if (key_is(o, T::hdk_variant_name)) return true;
    }
    if (o.type != msgpack::type::MAP || o.via.map.size != 1 ||
        !key_is(o.via.map.ptr[0].key, T::hdk_variant_name)) {
      err.message = "expected variant `" + std::string(T::hdk_variant_name) + "`";
      return false;
    }
    return decode_variant_payload(o.via.map.ptr[0].val, out, err);
  }
}

template <class Int>
bool decode_integer(const msgpack::object& o, Int& out, DecodeError& err) {
  if (o.type == msgpack::type::POSITIVE_INTEGER) {
    const std::uint64_t v = o.via.u64;
    if (v > static_cast<std::uint64_t>(std::numeric_limits<Int>::max())) {
      err.message = "integer " + std::to_string(v) + " out of range";
      return false;
    }
    out = static_cast<Int>(v);
    return true;
  }
  if (o.type == msgpack::type::NEGATIVE_INTEGER) {
    const std::int64_t v = o.via.i64;
    if constexpr (std::is_signed_v<Int>) {
      if (v >= static_cast<std::int64_t>(std::numeric_limits<Int>::min())) {
        out = static_cast<Int>(v);
        return true;
      }
    }
    err.message = "integer " + std::to_string(v) + " out of range";
    return false;
  }
  return mismatch(o, "integer", err);
}

/// The one NaN of each width the HDK writes (quiet, positive, no payload).
inline constexpr std::uint64_t kCanonicalNan64 = 0x7ff8000000000000u;
inline constexpr std::uint32_t kCanonicalNan32 = 0x7fc00000u;

/// Writes a float at its own width. msgpack-cxx's pack_double writes a double
/// that holds an integer as an integer; rmp-serde never does.
///
/// A NaN is written as the canonical quiet NaN, whatever its sign and payload:
/// wasm lets arithmetic make a NaN of any bits, engines and CPUs differ, and
/// serialized bytes are hashed and signed (docs/determinism.md). rmp-serde
/// writes NaN bits as they are; decoding here keeps them as they are.
inline void pack_f64(Packer& p, double d) {
  std::uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  if ((bits & 0x7ff0000000000000u) == 0x7ff0000000000000u && (bits & 0x000fffffffffffffu) != 0)
    bits = kCanonicalNan64;
  char buf[9];
  buf[0] = static_cast<char>(0xcb);
  for (int i = 0; i < 8; ++i) buf[1 + i] = static_cast<char>(bits >> (56 - 8 * i));
  p.buffer().write(buf, 9);
}

inline void pack_f32(Packer& p, float f) {
  std::uint32_t bits;
  std::memcpy(&bits, &f, sizeof bits);
  if ((bits & 0x7f800000u) == 0x7f800000u && (bits & 0x007fffffu) != 0) bits = kCanonicalNan32;
  char buf[5];
  buf[0] = static_cast<char>(0xca);
  for (int i = 0; i < 4; ++i) buf[1 + i] = static_cast<char>(bits >> (24 - 8 * i));
  p.buffer().write(buf, 5);
}

// msgpack-cxx keeps an f32 in a double. The two conversions are done on the
// bits, not by the FPU: the FPU's conversion quiets a signalling NaN, while
// rmp-serde hands an f32 to an f32 bit for bit; and a zome that never does
// float arithmetic then has no float instructions at all (the promote and
// demote instructions are ones whose NaNs wasm leaves to the engine, and
// hdk-check --determinism lists them).
inline double widen_f32(float f) {
  std::uint32_t bits;
  std::memcpy(&bits, &f, sizeof bits);
  const std::uint64_t sign = std::uint64_t{bits >> 31} << 63;
  std::uint32_t exponent = (bits >> 23) & 0xffu;
  std::uint64_t mantissa = bits & 0x007fffffu;
  std::uint64_t wide = sign;
  if (exponent == 0xffu) {  // infinity or NaN, payload untouched
    wide |= (std::uint64_t{0x7ff} << 52) | (mantissa << 29);
  } else if (exponent != 0) {  // normal: rebias 127 -> 1023
    wide |= (std::uint64_t{exponent + 896u} << 52) | (mantissa << 29);
  } else if (mantissa != 0) {  // subnormal: normal as an f64
    std::uint32_t e = 897;     // 2^-126's biased f64 exponent, less one per shift
    while ((mantissa & 0x00800000u) == 0) {
      mantissa <<= 1;
      --e;
    }
    wide |= (std::uint64_t{e} << 52) | ((mantissa & 0x007fffffu) << 29);
  }  // else +-0: the sign alone
  double d;
  std::memcpy(&d, &wide, sizeof d);
  return d;
}

/// The f32 a FLOAT32 object holds (the inverse of widen_f32: the double is
/// an f32's exact widening, so nothing needs rounding).
inline float narrow_f32(const msgpack::object& o) {
  std::uint64_t wide;
  std::memcpy(&wide, &o.via.f64, sizeof wide);
  const std::uint32_t sign = static_cast<std::uint32_t>(wide >> 63) << 31;
  const std::uint32_t exponent = static_cast<std::uint32_t>(wide >> 52) & 0x7ffu;
  const std::uint32_t mantissa = static_cast<std::uint32_t>((wide >> 29) & 0x007fffffu);
  std::uint32_t bits = sign;
  if (exponent == 0x7ffu) {
    bits |= 0x7f800000u | mantissa;
  } else if (exponent >= 897) {  // an f32 normal
    bits |= ((exponent - 896u) << 23) | mantissa;
  } else if (exponent >= 874) {  // an f32 subnormal
    bits |= (0x00800000u | mantissa) >> (897u - exponent);
  }  // else zero
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

}  // namespace codec_detail

// ---------------------------------------------------------------------------
// Standard types.

template <>
struct Codec<bool> {
  static void encode(Packer& p, bool v) { v ? p.pack_true() : p.pack_false(); }
  static bool decode(const msgpack::object& o, bool& out, DecodeError& err) {
    if (o.type != msgpack::type::BOOLEAN) return codec_detail::mismatch(o, "bool", err);
    out = o.via.boolean;
    return true;
  }
};

template <class Int>
struct Codec<Int, std::enable_if_t<std::is_integral_v<Int> && !std::is_same_v<Int, bool>>> {
  static void encode(Packer& p, Int v) {
    if constexpr (std::is_signed_v<Int>) {
      p.pack_int64(static_cast<std::int64_t>(v));
    } else {
      p.pack_uint64(static_cast<std::uint64_t>(v));
    }
  }
  static bool decode(const msgpack::object& o, Int& out, DecodeError& err) {
    return codec_detail::decode_integer(o, out, err);
  }
};

template <>
struct Codec<double> {
  static void encode(Packer& p, double v) { codec_detail::pack_f64(p, v); }
  static bool decode(const msgpack::object& o, double& out, DecodeError& err) {
    if (o.type == msgpack::type::FLOAT64) {
      out = o.via.f64;
      return true;
    }
    if (o.type == msgpack::type::FLOAT32) {
      out = o.via.f64;  // the f32 widened exactly (Rust's `as f64`, NaN bits kept)
      return true;
    }
    if (o.type == msgpack::type::POSITIVE_INTEGER) {
      out = static_cast<double>(o.via.u64);
      return true;
    }
    if (o.type == msgpack::type::NEGATIVE_INTEGER) {
      out = static_cast<double>(o.via.i64);
      return true;
    }
    return codec_detail::mismatch(o, "f64", err);
  }
};

template <>
struct Codec<float> {
  static void encode(Packer& p, float v) { codec_detail::pack_f32(p, v); }
  static bool decode(const msgpack::object& o, float& out, DecodeError& err) {
    if (o.type == msgpack::type::FLOAT32) {
      out = codec_detail::narrow_f32(o);
      return true;
    }
    double d = 0;
    if (!Codec<double>::decode(o, d, err)) return false;
    out = static_cast<float>(d);  // Rust's `as f32`, as serde reads an f64 into an f32
    return true;
  }
};

template <>
struct Codec<std::string> {
  static void encode(Packer& p, const std::string& v) { codec_detail::pack_string(p, v); }
  // serde's String takes a str or a bin, if either holds valid UTF-8.
  static bool decode(const msgpack::object& o, std::string& out, DecodeError& err) {
    const char* text = nullptr;
    std::size_t size = 0;
    if (o.type == msgpack::type::STR) {
      text = o.via.str.ptr, size = o.via.str.size;
    } else if (o.type == msgpack::type::BIN) {
      text = o.via.bin.ptr, size = o.via.bin.size;
    } else {
      return codec_detail::mismatch(o, "a string", err);
    }
    if (!codec_detail::valid_utf8(text, size)) {
      err.message = "invalid utf-8 in a string";
      return false;
    }
    out.assign(text, size);
    return true;
  }
};

template <>
struct Codec<Unit> {
  static void encode(Packer& p, Unit) { p.pack_nil(); }
  static bool decode(const msgpack::object& o, Unit&, DecodeError& err) {
    if (o.type != msgpack::type::NIL) return codec_detail::mismatch(o, "unit", err);
    return true;
  }
};

template <class T, std::size_t N>
struct Codec<std::array<T, N>> {
  static void encode(Packer& p, const std::array<T, N>& v) {
    p.pack_array(static_cast<std::uint32_t>(N));
    for (const auto& x : v) encode_value(p, x);
  }
  static bool decode(const msgpack::object& o, std::array<T, N>& out, DecodeError& err) {
    std::uint32_t length = 0;
    if (!codec_detail::sequence_length(o, length))
      return codec_detail::mismatch(o, "an array", err);
    if (length != N) {
      err.message = "invalid length " + std::to_string(length) + ", expected " + std::to_string(N);
      return false;
    }
    for (std::uint32_t i = 0; i < N; ++i)
      if (!decode_value(codec_detail::sequence_element(o, i), out[i], err)) return false;
    return true;
  }
};

template <class T, class A>
struct Codec<std::vector<T, A>> {
  static void encode(Packer& p, const std::vector<T, A>& v) {
    p.pack_array(static_cast<std::uint32_t>(v.size()));
    for (const auto& x : v) encode_value(p, x);
  }
  static bool decode(const msgpack::object& o, std::vector<T, A>& out, DecodeError& err) {
    std::uint32_t length = 0;
    if (!codec_detail::sequence_length(o, length))
      return codec_detail::mismatch(o, "a sequence", err);
    out.clear();
    out.resize(length);
    for (std::uint32_t i = 0; i < length; ++i)
      if (!decode_value(codec_detail::sequence_element(o, i), out[i], err)) return false;
    return true;
  }
};

template <>
struct Codec<Bytes> {
  static void encode(Packer& p, const Bytes& v) {
    p.pack_bin(static_cast<std::uint32_t>(v.size()));
    p.pack_bin_body(reinterpret_cast<const char*>(v.data()), static_cast<std::uint32_t>(v.size()));
  }
  // serde_bytes reads bin, str or a sequence of u8.
  static bool decode(const msgpack::object& o, Bytes& out, DecodeError& err) {
    // memcpy, not assign(): assigning char* to a vector of uint8_t converts
    // byte by byte, which an interpreter pays for at every byte.
    if (o.type == msgpack::type::BIN) {
      out.resize(o.via.bin.size);
      if (o.via.bin.size) std::memcpy(out.data(), o.via.bin.ptr, o.via.bin.size);
      return true;
    }
    if (o.type == msgpack::type::STR) {
      out.resize(o.via.str.size);
      if (o.via.str.size) std::memcpy(out.data(), o.via.str.ptr, o.via.str.size);
      return true;
    }
    if (o.type == msgpack::type::ARRAY) {
      std::vector<std::uint8_t> seq;
      if (!Codec<std::vector<std::uint8_t>>::decode(o, seq, err)) return false;
      out = Bytes(std::move(seq));
      return true;
    }
    return codec_detail::mismatch(o, "a byte array", err);
  }
};

template <class T>
struct Codec<std::optional<T>> {
  static void encode(Packer& p, const std::optional<T>& v) {
    if (v) {
      encode_value(p, *v);
    } else {
      p.pack_nil();
    }
  }
  static bool decode(const msgpack::object& o, std::optional<T>& out, DecodeError& err) {
    if (o.type == msgpack::type::NIL) {
      out.reset();
      return true;
    }
    out.emplace();
    return decode_value(o, *out, err);
  }
};

template <class K, class V, class C, class A>
struct Codec<std::map<K, V, C, A>> {
  static void encode(Packer& p, const std::map<K, V, C, A>& m) {
    p.pack_map(static_cast<std::uint32_t>(m.size()));
    for (const auto& [k, v] : m) {
      encode_value(p, k);
      encode_value(p, v);
    }
  }
  static bool decode(const msgpack::object& o, std::map<K, V, C, A>& out, DecodeError& err) {
    if (o.type != msgpack::type::MAP) return codec_detail::mismatch(o, "a map", err);
    out.clear();
    for (std::uint32_t i = 0; i < o.via.map.size; ++i) {
      K k{};
      V v{};
      if (!decode_value(o.via.map.ptr[i].key, k, err) ||
          !decode_value(o.via.map.ptr[i].val, v, err))
        return false;
      out.insert_or_assign(std::move(k), std::move(v));  // a repeated key: the last wins
    }
    return true;
  }
};

template <class... Ts>
struct Codec<std::tuple<Ts...>> {
  static void encode(Packer& p, const std::tuple<Ts...>& t) {
    p.pack_array(static_cast<std::uint32_t>(sizeof...(Ts)));
    std::apply([&](const auto&... x) { (encode_value(p, x), ...); }, t);
  }
  static bool decode(const msgpack::object& o, std::tuple<Ts...>& out, DecodeError& err) {
    std::uint32_t length = 0;
    if (!codec_detail::sequence_length(o, length)) return codec_detail::mismatch(o, "a tuple", err);
    if (length != sizeof...(Ts)) {
      err.message = "invalid length " + std::to_string(length) + ", expected " +
                    std::to_string(sizeof...(Ts));
      return false;
    }
    std::uint32_t i = 0;
    return std::apply(
        [&](auto&... x) {
          return (decode_value(codec_detail::sequence_element(o, i++), x, err) && ...);
        },
        out);
  }
};

template <class A, class B>
struct Codec<std::pair<A, B>> {
  static void encode(Packer& p, const std::pair<A, B>& v) {
    p.pack_array(2);
    encode_value(p, v.first);
    encode_value(p, v.second);
  }
  static bool decode(const msgpack::object& o, std::pair<A, B>& out, DecodeError& err) {
    std::tuple<A, B> t;
    if (!Codec<std::tuple<A, B>>::decode(o, t, err)) return false;
    out = {std::move(std::get<0>(t)), std::move(std::get<1>(t))};
    return true;
  }
};

/// Types declared with the HDK_* shape macros.
template <class T>
struct Codec<T, std::enable_if_t<codec_detail::has_shape<T>::value>> {
  static void encode(Packer& p, const T& v) { codec_detail::encode_shaped(p, v); }
  static bool decode(const msgpack::object& o, T& out, DecodeError& err) {
    return codec_detail::decode_shaped(o, out, err);
  }
};

/// C++ enums declared with HDK_ENUM: the enumerator's name as a string.
template <class E>
struct Codec<E, std::enable_if_t<std::is_enum_v<E> && codec_detail::is_named_enum<E>::value>> {
  static constexpr std::size_t kCount =
      codec_detail::count_names(hdk_enum_names(static_cast<E*>(nullptr)));
  static constexpr auto kNames =
      codec_detail::split_names<kCount>(hdk_enum_names(static_cast<E*>(nullptr)));
  static void encode(Packer& p, E v) {
    const auto index = static_cast<std::size_t>(v);
    codec_detail::pack_string(p, index < kCount ? kNames[index] : std::string_view("?"));
  }
  static bool decode(const msgpack::object& o, E& out, DecodeError& err) {
    // A unit variant may also arrive as {"Name": nil}.
    const msgpack::object* tag = &o;
    if (o.type == msgpack::type::MAP && o.via.map.size == 1) {
      tag = &o.via.map.ptr[0].key;
      if (o.via.map.ptr[0].val.type != msgpack::type::NIL)
        return codec_detail::mismatch(o.via.map.ptr[0].val, "unit variant", err);
    }
    if (!codec_detail::is_identifier(*tag))
      return codec_detail::mismatch(o, "enum variant name", err);
    for (std::size_t i = 0; i < kCount; ++i) {
      if (codec_detail::identifier_is(*tag, kNames[i], i)) {
        out = static_cast<E>(i);
        return true;
      }
    }
    err.message = "unknown variant `" + codec_detail::identifier_text(*tag) + "`";
    return false;
  }
};

/// std::variant of HDK_*_VARIANT types: an externally tagged Rust enum.
template <class... Alts>
struct Codec<std::variant<Alts...>> {
  static_assert((codec_detail::has_shape<Alts>::value && ...),
                "hdk: each alternative of a serialized std::variant needs an HDK_*_VARIANT line");

  static void encode(Packer& p, const std::variant<Alts...>& v) {
    std::visit([&](const auto& alt) { codec_detail::encode_shaped(p, alt); }, v);
  }

  static bool decode(const msgpack::object& o, std::variant<Alts...>& out, DecodeError& err) {
    const msgpack::object* tag = nullptr;
    const msgpack::object* payload = nullptr;  // none for a bare variant name
    if (o.type == msgpack::type::MAP) {
      if (o.via.map.size != 1)
        return codec_detail::mismatch(o, "enum (variant name or one-entry map)", err);
      tag = &o.via.map.ptr[0].key;
      payload = &o.via.map.ptr[0].val;
    } else {
      tag = &o;
    }
    if (!codec_detail::is_identifier(*tag))
      return codec_detail::mismatch(*tag, "enum (variant name or one-entry map)", err);
    bool found = false;
    bool ok = false;
    try_alts(*tag, payload, out, err, found, ok, std::index_sequence_for<Alts...>{});
    if (!found) err.message = "unknown variant `" + codec_detail::identifier_text(*tag) + "`";
    return found && ok;
  }

 private:
  template <std::size_t... Is>
  static void try_alts(const msgpack::object& tag, const msgpack::object* payload,
                       std::variant<Alts...>& out, DecodeError& err, bool& found, bool& ok,
                       std::index_sequence<Is...>) {
    (try_alt<Alts, Is>(tag, payload, out, err, found, ok), ...);
  }

  template <class Alt, std::size_t Index>
  static void try_alt(const msgpack::object& tag, const msgpack::object* payload,
                      std::variant<Alts...>& out, DecodeError& err, bool& found, bool& ok) {
    if (found || !codec_detail::identifier_is(tag, Alt::hdk_variant_name, Index)) return;
    found = true;
    Alt alt{};
    if (payload) {
      ok = codec_detail::decode_variant_payload(*payload, alt, err);
    } else if constexpr (Alt::hdk_shape == Shape::UnitVariant) {
      ok = true;
    } else {
      // A bare name is a unit variant; serde refuses it for any other kind.
      err.message = "invalid type: unit variant, expected `" + std::string(Alt::hdk_variant_name) +
                    "` with its data";
      ok = false;
    }
    if (ok) out = std::move(alt);
  }
};

// ---------------------------------------------------------------------------
// Internally and adjacently tagged enums: serde's #[serde(tag = "t")] and
// #[serde(tag = "t", content = "c")]. The enum is a struct deriving from
// TaggedVariant<Alts...> with one line naming the tag:
//   struct Action : hdk::TaggedVariant<action::Dna, action::Create> {
//     using TaggedVariant::TaggedVariant;
//     HDK_INTERNALLY_TAGGED("type");
//   };
// Internally tagged: {"type": "Create", <the variant's fields>}; alternatives
// are HDK_STRUCT_VARIANT or HDK_UNIT_VARIANT (serde allows no tuple variant).
// Adjacently tagged: {"t": "Name", "c": <payload as an external tag holds it>},
// a unit variant being {"t": "Name"}.

/// The std::variant a tagged enum derives from (named, so codecs can reach it).
template <class... Alts>
struct TaggedVariant : std::variant<Alts...> {
  using variant_type = std::variant<Alts...>;
  using variant_type::variant_type;
  TaggedVariant() = default;
  const variant_type& as_variant() const { return *this; }
  variant_type& as_variant() { return *this; }
};

#define HDK_INTERNALLY_TAGGED(tag)                       \
  static constexpr std::string_view hdk_tag_field = tag; \
  static constexpr std::string_view hdk_content_field =  \
      {} /* empty content field: internal tagging */

#define HDK_ADJACENTLY_TAGGED(tag, content)              \
  static constexpr std::string_view hdk_tag_field = tag; \
  static constexpr std::string_view hdk_content_field = content

namespace codec_detail {

template <class T, class = void>
struct is_tagged_enum : std::false_type {};
template <class T>
struct is_tagged_enum<T, std::void_t<decltype(T::hdk_tag_field), typename T::variant_type>>
    : std::true_type {};

/// A variant's payload alone (the value an external tag would map to).
template <class Alt>
void encode_variant_payload(Packer& p, const Alt& alt) {
  constexpr Shape shape = Alt::hdk_shape;
  if constexpr (shape == Shape::NewtypeVariant) {
    encode_value(p, std::get<0>(alt.hdk_tie()));
  } else if constexpr (shape == Shape::TupleVariant) {
    encode_fields_as_array(p, alt);
  } else {
    encode_fields_as_map(p, alt);
  }
}

template <class T, class Alt>
void encode_tagged_alt(Packer& p, const Alt& alt) {
  constexpr Shape shape = Alt::hdk_shape;
  if constexpr (T::hdk_content_field.empty()) {
    static_assert(shape == Shape::StructVariant || shape == Shape::UnitVariant,
                  "hdk: internally tagged enums take struct or unit variants only");
    if constexpr (shape == Shape::UnitVariant) {
      p.pack_map(1);
    } else {
      p.pack_map(static_cast<std::uint32_t>(1 + field_count<Alt>()));
    }
    pack_string(p, T::hdk_tag_field);
    pack_string(p, Alt::hdk_variant_name);
    if constexpr (shape == Shape::StructVariant) {
      constexpr auto names = field_names<Alt>();
      std::size_t i = 0;
      std::apply(
          [&](const auto&... field) {
            ((pack_string(p, names[i++]), encode_value(p, field)), ...);
          },
          alt.hdk_tie());
    }
  } else {
    p.pack_map(shape == Shape::UnitVariant ? 1 : 2);
    pack_string(p, T::hdk_tag_field);
    pack_string(p, Alt::hdk_variant_name);
    if constexpr (shape != Shape::UnitVariant) {
      pack_string(p, T::hdk_content_field);
      encode_variant_payload(p, alt);
    }
  }
}

/// The value under `key` in map `o`, or null.
inline const msgpack::object* map_value(const msgpack::object& o, std::string_view key) {
  for (std::uint32_t k = 0; k < o.via.map.size; ++k)
    if (key_is(o.via.map.ptr[k].key, key)) return &o.via.map.ptr[k].val;
  return nullptr;
}

template <class T, class Alt, std::size_t Index>
void decode_tagged_alt(const msgpack::object& o, const msgpack::object& tag,
                       typename T::variant_type& out, DecodeError& err, bool& found, bool& ok) {
  if (found || !identifier_is(tag, Alt::hdk_variant_name, Index)) return;
  found = true;
  Alt alt{};
  if constexpr (T::hdk_content_field.empty()) {
    if constexpr (Alt::hdk_shape == Shape::UnitVariant) {
      ok = true;
    } else {
      ok = decode_fields(o, alt, err);  // the tag is one more key, ignored like any unknown one
    }
  } else {
    const msgpack::object* content = map_value(o, T::hdk_content_field);
    if (content) {
      ok = decode_variant_payload(*content, alt, err);
    } else if constexpr (Alt::hdk_shape == Shape::UnitVariant) {
      ok = true;
    } else {
      err.message = "missing field `" + std::string(T::hdk_content_field) + "`";
      ok = false;
    }
  }
  if (ok) out = std::move(alt);
}

template <class T, class... Alts, std::size_t... Is>
bool decode_tagged(const msgpack::object& o, const msgpack::object& tag, std::variant<Alts...>& out,
                   DecodeError& err, std::index_sequence<Is...>) {
  bool found = false;
  bool ok = false;
  (decode_tagged_alt<T, Alts, Is>(o, tag, out, err, found, ok), ...);
  if (!found) err.message = "unknown variant `" + identifier_text(tag) + "`";
  return found && ok;
}

}  // namespace codec_detail

/// Tagged enums declared with HDK_INTERNALLY_TAGGED / HDK_ADJACENTLY_TAGGED.
template <class T>
struct Codec<T, std::enable_if_t<codec_detail::is_tagged_enum<T>::value>> {
  static void encode(Packer& p, const T& v) {
    std::visit([&](const auto& alt) { codec_detail::encode_tagged_alt<T>(p, alt); },
               v.as_variant());
  }
  static bool decode(const msgpack::object& o, T& out, DecodeError& err) {
    if (o.type != msgpack::type::MAP) return codec_detail::mismatch(o, "a tagged enum (map)", err);
    const msgpack::object* tag = codec_detail::map_value(o, T::hdk_tag_field);
    if (!tag) {
      err.message = "missing field `" + std::string(T::hdk_tag_field) + "`";
      return false;
    }
    if (!codec_detail::is_identifier(*tag))
      return codec_detail::mismatch(*tag, "variant name", err);
    return decode_with(o, *tag, out.as_variant(), err);
  }

 private:
  template <class... Alts>
  static bool decode_with(const msgpack::object& o, const msgpack::object& tag,
                          std::variant<Alts...>& out, DecodeError& err) {
    return codec_detail::decode_tagged<T>(o, tag, out, err, std::index_sequence_for<Alts...>{});
  }
};

// ---------------------------------------------------------------------------
// Whole-message encode and decode.

/// Encodes `value` into a fresh buffer. `failed()` is true when memory ran out.
template <class T>
OutBuffer encode(const T& value) {
  OutBuffer buffer;
  Packer packer(buffer);
  encode_value(packer, value);
  return buffer;
}

template <class T>
std::vector<std::uint8_t> encode_to_vector(const T& value) {
  return encode(value).to_vector();
}

/// Nesting deeper than this is refused. rmp-serde's default limit is 1024,
/// counted down per array or map and failing when it reaches zero, so 1023
/// levels is the most Holochain reads.
inline constexpr std::size_t kMaxDepth = 1023;

namespace codec_detail {

/// msgpack-cxx's object builder with every throwing path replaced by a
/// recorded failure: bad bytes, truncation, sizes the input cannot hold,
/// and nesting past kMaxDepth stop the parse instead of throwing.
class CheckedObjectVisitor : public msgpack::v2::detail::create_object_visitor {
 public:
  explicit CheckedObjectVisitor(std::size_t input_size)
      : create_object_visitor(&reference_everything, nullptr, msgpack::unpack_limit()),
        input_size_(input_size) {}

  bool start_array(std::uint32_t n) {
    // Every element takes at least one byte: a larger count is a lie, and
    // believing it would reserve memory for it.
    if (n > input_size_) return fail("array length exceeds the input");
    if (++depth_ > kMaxDepth) return fail("nesting too deep");
    return create_object_visitor::start_array(n);
  }
  bool end_array() {
    --depth_;
    return create_object_visitor::end_array();
  }
  bool start_map(std::uint32_t n) {
    if (n > input_size_ / 2) return fail("map length exceeds the input");
    if (++depth_ > kMaxDepth) return fail("nesting too deep");
    return create_object_visitor::start_map(n);
  }
  bool end_map() {
    --depth_;
    return create_object_visitor::end_map();
  }
  bool visit_float32(float f) {
    // The base class would widen with the FPU; see widen_f32.
    msgpack::object* obj = m_stack.back();
    obj->type = msgpack::type::FLOAT32;
    obj->via.f64 = widen_f32(f);
    return true;
  }
  void parse_error(std::size_t, std::size_t) { fail("invalid msgpack"); }
  void insufficient_bytes(std::size_t, std::size_t) { fail("unexpected end of input"); }

  const char* error() const { return error_; }

 private:
  static bool reference_everything(msgpack::type::object_type, std::size_t, void*) { return true; }
  bool fail(const char* why) {
    if (!error_) error_ = why;
    return false;
  }
  std::size_t input_size_;
  std::size_t depth_ = 0;
  const char* error_ = nullptr;
};

}  // namespace codec_detail

/// Parses `len` bytes into an object tree that references `data` (which must
/// outlive the tree). Exactly one value must fill the input.
inline bool parse_object(const std::uint8_t* data, std::size_t len, msgpack::zone& zone,
                         msgpack::object& out, DecodeError& err) {
  codec_detail::CheckedObjectVisitor visitor(len);
  visitor.set_zone(zone);
  std::size_t offset = 0;
  const auto ret =
      msgpack::v2::detail::parse_imp(reinterpret_cast<const char*>(data), len, offset, visitor);
  if (ret == msgpack::PARSE_SUCCESS) {
    out = visitor.data();
    return true;
  }
  if (ret == msgpack::PARSE_EXTRA_BYTES) {
    err.message = "trailing bytes after the value";
  } else {
    err.message = visitor.error() ? visitor.error() : "invalid msgpack";
  }
  return false;
}

/// Decodes exactly one T from `len` bytes. Never throws on bad input.
template <class T>
bool decode(const std::uint8_t* data, std::size_t len, T& out, DecodeError& err) {
  msgpack::zone zone;
  msgpack::object object;
  if (!parse_object(data, len, zone, object, err)) return false;
  return decode_value(object, out, err);
}

template <class T>
bool decode(const std::vector<std::uint8_t>& bytes, T& out, DecodeError& err) {
  return decode(bytes.data(), bytes.size(), out, err);
}

}  // namespace hdk
