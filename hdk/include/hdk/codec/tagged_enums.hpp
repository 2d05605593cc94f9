// Enums: C++ enums by enumerator name (HDK_ENUM), std::variant as an
// externally tagged Rust enum, and TaggedVariant for serde's internally and
// adjacently tagged ones.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

#include "hdk/codec/core.hpp"
#include "hdk/codec/shapes.hpp"

namespace hdk {

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

}  // namespace hdk
