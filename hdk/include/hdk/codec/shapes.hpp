// User types, declared with one line in their body (HDK_STRUCT, HDK_NEWTYPE,
// HDK_TUPLE, HDK_*_VARIANT): structs as maps by field name (or arrays, which
// rmp-serde also reads), newtypes as their field, tuples as arrays, and
// enum variants in the externally tagged forms.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include "hdk/codec/core.hpp"

namespace hdk {

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
// Field names on the wire are the member names as written. (maybe_unused:
// clang warns of a type in an anonymous namespace that is never encoded.)
#define HDK_DETAIL_SHAPE_(shape_value, ...)                                             \
  [[maybe_unused]] static constexpr ::hdk::Shape hdk_shape = ::hdk::Shape::shape_value; \
  [[maybe_unused]] static constexpr std::string_view hdk_field_list = #__VA_ARGS__;     \
  auto hdk_tie() { return std::tie(__VA_ARGS__); }                                      \
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

namespace codec_detail {

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

/// Where field `name` (declared `index`-th) is in `map`: false with the error
/// when it is given twice; `value` stays null when it is absent. Not a
/// template, so each field type's decoder below is only the decode itself.
inline bool find_field(const msgpack::object& map, std::string_view name, std::size_t index,
                       const msgpack::object*& value, DecodeError& err) {
  value = nullptr;
  for (std::uint32_t k = 0; k < map.via.map.size; ++k) {
    if (!identifier_is(map.via.map.ptr[k].key, name, index)) continue;
    // serde's derive refuses a field given twice.
    if (value) {
      err.message = "duplicate field `" + std::string(name) + "`";
      return false;
    }
    value = &map.via.map.ptr[k].val;
  }
  return true;
}

inline bool fail_in_field(std::string_view name, DecodeError& err) {
  err.message = "field `" + std::string(name) + "`: " + err.message;
  return false;
}

inline bool fail_missing_field(std::string_view name, DecodeError& err) {
  err.message = "missing field `" + std::string(name) + "`";
  return false;
}

template <class F>
bool decode_one_field(const msgpack::object& map, std::string_view name, std::size_t index,
                      F& field, DecodeError& err) {
  const msgpack::object* value = nullptr;
  if (!find_field(map, name, index, value, err)) return false;
  if (value) return decode_value(*value, field, err) || fail_in_field(name, err);
  // serde's derive treats a missing Option field as None.
  if constexpr (is_optional<F>::value) {
    field.reset();
    return true;
  } else {
    return fail_missing_field(name, err);
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

}  // namespace codec_detail

/// Types declared with the HDK_* shape macros.
template <class T>
struct Codec<T, std::enable_if_t<codec_detail::has_shape<T>::value>> {
  static void encode(Packer& p, const T& v) { codec_detail::encode_shaped(p, v); }
  static bool decode(const msgpack::object& o, T& out, DecodeError& err) {
    return codec_detail::decode_shaped(o, out, err);
  }
};

}  // namespace hdk
