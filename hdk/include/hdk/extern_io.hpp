// ExternIO: the payload of every zome call and callback, msgpack bytes
// wrapped once more as a msgpack bin (serde_bytes newtype in Holochain).
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>

#include "hdk/codec.hpp"

namespace hdk {

struct ExternIO {
  Bytes bytes;
  HDK_NEWTYPE(bytes);

  /// Wraps the msgpack encoding of `value`.
  template <class T>
  static ExternIO from(const T& value) {
    return ExternIO{Bytes(encode_to_vector(value))};
  }
  /// Decodes the wrapped bytes as a T.
  template <class T>
  bool decode(T& out, DecodeError& err) const {
    return hdk::decode(bytes.data(), bytes.size(), out, err);
  }
};

/// An ExternIO read in place: its bytes where they are in the input, not a
/// copy of them. Only when they came as an array of integers (which
/// serde_bytes also reads) are they gathered into `owned`.
struct ExternIOView {
  const std::uint8_t* data = nullptr;
  std::size_t size = 0;
  Bytes owned;

  /// Reads the ExternIO that fills `len` bytes at `input` (which must outlive this view).
  bool read(const std::uint8_t* input, std::size_t len, DecodeError& err) {
    DecodeArena arena;
    msgpack::object object;
    if (!parse_object(input, len, arena, object, err)) return false;
    if (object.type == msgpack::type::BIN) {
      data = reinterpret_cast<const std::uint8_t*>(object.via.bin.ptr);
      size = object.via.bin.size;
      return true;
    }
    if (object.type == msgpack::type::STR) {
      data = reinterpret_cast<const std::uint8_t*>(object.via.str.ptr);
      size = object.via.str.size;
      return true;
    }
    if (!decode_value(object, owned, err)) return false;
    data = owned.data();
    size = owned.size();
    return true;
  }
  /// Decodes the wrapped bytes as a T.
  template <class T>
  bool decode(T& out, DecodeError& err) const {
    return hdk::decode(data, size, out, err);
  }
};

}  // namespace hdk
