// ExternIO: the payload of every zome call and callback, msgpack bytes
// wrapped once more as a msgpack bin (serde_bytes newtype in Holochain).
#pragma once

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

}  // namespace hdk
