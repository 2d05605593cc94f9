// Whole-message decoding: msgpack-cxx's parser runs with a visitor that
// records failures instead of throwing and refuses declared sizes the input
// cannot hold; typed decoders then check every object's type before reading it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "hdk/codec/core.hpp"
#include "hdk/codec/primitives.hpp"

namespace hdk {

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
