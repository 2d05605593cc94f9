// The codec's vocabulary: the Codec<T> template every type specialises, the
// error a decode reports, the two wire types with no std counterpart (Bytes,
// Unit), the checks every decoder shares, and whole-message encoding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hdk/codec/buffer.hpp"

namespace hdk {

/// Bytes that cross as msgpack bin (a serde_bytes field on the Rust side).
/// A plain std::vector<std::uint8_t> crosses as an array of integers instead,
/// as a Vec<u8> without serde_bytes does.
struct Bytes : std::vector<std::uint8_t> {
  using std::vector<std::uint8_t>::vector;
  Bytes() = default;
  explicit Bytes(std::vector<std::uint8_t> v) : std::vector<std::uint8_t>(std::move(v)) {}
};

/// Bytes read where they are: a zome function taking a `BytesView` sees its
/// payload in the input the host wrote, with no copy, so a payload can fill
/// nearly all of a zome's 4 GiB. The view is valid until the function's
/// result is encoded (the wrapper releases the input only then), which also
/// lets the function return the view itself. It crosses as a bin, as Bytes
/// does; bytes sent as an array of integers have nothing to point at, so a
/// BytesView does not decode from one (take Bytes for that).
class BytesView {
 public:
  constexpr BytesView() = default;
  constexpr BytesView(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  explicit BytesView(const Bytes& bytes) : data_(bytes.data()), size_(bytes.size()) {}

  constexpr const std::uint8_t* data() const { return data_; }
  constexpr std::size_t size() const { return size_; }
  constexpr bool empty() const { return size_ == 0; }
  constexpr const std::uint8_t* begin() const { return data_; }
  constexpr const std::uint8_t* end() const { return data_ + size_; }
  constexpr std::uint8_t operator[](std::size_t i) const { return data_[i]; }
  /// An owning copy.
  Bytes to_bytes() const { return Bytes(data_, data_ + size_); }

 private:
  const std::uint8_t* data_ = nullptr;
  std::size_t size_ = 0;
};

/// True for argument types that point into the call's input (BytesView): the
/// extern wrapper then keeps the input until the result is encoded.
template <class T>
inline constexpr bool borrows_input = false;
template <>
inline constexpr bool borrows_input<BytesView> = true;

/// Rust's `()`: nil on the wire.
struct Unit {
  friend constexpr bool operator==(Unit, Unit) { return true; }
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

/// Encodes `value` into a buffer of exactly its size (see OutBuffer: the
/// first pass counts, the second writes). `failed()` is true when memory ran
/// out or the encoding would not fit a wasm32 length.
template <class T>
OutBuffer encode(const T& value) {
  OutBuffer buffer = OutBuffer::counting();
  Packer packer(buffer);
  encode_value(packer, value);
  if (buffer.start_writing()) encode_value(packer, value);
  return buffer;
}

template <class T>
std::vector<std::uint8_t> encode_to_vector(const T& value) {
  return encode(value).to_vector();
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

}  // namespace codec_detail

}  // namespace hdk
