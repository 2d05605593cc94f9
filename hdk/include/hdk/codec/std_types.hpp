// Standard containers: sequences, fixed arrays, Option as nil, maps, tuples,
// and Bytes (serde_bytes, a bin).
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "hdk/codec/core.hpp"
#include "hdk/codec/primitives.hpp"

namespace hdk {

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
struct Codec<BytesView> {
  static void encode(Packer& p, const BytesView& v) {
    p.pack_bin(static_cast<std::uint32_t>(v.size()));
    p.pack_bin_body(reinterpret_cast<const char*>(v.data()), static_cast<std::uint32_t>(v.size()));
  }
  /// A bin or str where it lies; false (`out` untouched) for anything else.
  static bool read_in_place(const msgpack::object& o, BytesView& out) {
    if (o.type == msgpack::type::BIN) {
      out = BytesView(reinterpret_cast<const std::uint8_t*>(o.via.bin.ptr), o.via.bin.size);
      return true;
    }
    if (o.type == msgpack::type::STR) {
      out = BytesView(reinterpret_cast<const std::uint8_t*>(o.via.str.ptr), o.via.str.size);
      return true;
    }
    return false;
  }
  static bool decode(const msgpack::object& o, BytesView& out, DecodeError& err) {
    if (read_in_place(o, out)) return true;
    return codec_detail::mismatch(o, "a bin (a BytesView reads bin or str in place)", err);
  }
};

template <>
struct Codec<Bytes> {
  static void encode(Packer& p, const Bytes& v) { Codec<BytesView>::encode(p, BytesView(v)); }
  // serde_bytes reads bin, str or a sequence of u8.
  static bool decode(const msgpack::object& o, Bytes& out, DecodeError& err) {
    // Assigned from uint8_t pointers, not char*: from the same type the copy
    // is one memmove (one memory.copy in a zome), where char* converts byte
    // by byte; and unlike resize() then memcpy, nothing is zero-filled first.
    BytesView view;
    if (Codec<BytesView>::read_in_place(o, view)) {
      out.assign(view.begin(), view.end());
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

}  // namespace hdk
