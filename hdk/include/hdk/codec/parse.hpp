// Whole-message decoding: msgpack-cxx's parser runs with a visitor that
// records failures instead of throwing and refuses declared sizes the input
// cannot hold; typed decoders then check every object's type before reading it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <new>
#include <optional>
#include <vector>

#include "hdk/codec/core.hpp"
#include "hdk/codec/primitives.hpp"

namespace hdk {

/// Nesting deeper than this is refused. rmp-serde's default limit is 1024,
/// counted down per array or map and failing when it reaches zero, so 1023
/// levels is the most Holochain reads.
inline constexpr std::size_t kMaxDepth = 1023;

namespace codec_detail {

#if defined(__wasm__)
/// The zone that a zome's decodes share, built on first use in static
/// storage (no global constructor, and never destroyed: an instance's memory
/// goes with it). Cleared after each decode, it keeps its first chunk, so
/// after the first call a decode of a map or array allocates nothing more.
struct SharedZone {
  alignas(msgpack::zone) unsigned char storage[sizeof(msgpack::zone)];
  bool built;
  bool in_use;
};
inline SharedZone& shared_zone() {
  static SharedZone zone;  // zero-initialised: no constructor runs
  return zone;
}
#endif

}  // namespace codec_detail

/// Where one decode builds the tree of a map or array of a map or array: in a zome, the zone
/// the zome's decodes share (a per-call arena, emptied when the decode ends);
/// natively, or in a decode nested in another, a zone of its own.
class DecodeArena {
 public:
  DecodeArena() = default;
  DecodeArena(const DecodeArena&) = delete;
  DecodeArena& operator=(const DecodeArena&) = delete;
  ~DecodeArena() {
#if defined(__wasm__)
    if (shared_) {
      zone_->clear();
      codec_detail::shared_zone().in_use = false;
    }
#endif
  }

  msgpack::zone& zone() {
    if (zone_) return *zone_;
#if defined(__wasm__)
    codec_detail::SharedZone& shared = codec_detail::shared_zone();
    if (!shared.in_use) {
      if (!shared.built) {
        new (shared.storage) msgpack::zone();
        shared.built = true;
      }
      shared.in_use = true;
      shared_ = true;
      zone_ = std::launder(reinterpret_cast<msgpack::zone*>(shared.storage));
      return *zone_;
    }
#endif
    own_.emplace();
    zone_ = &*own_;
    return *zone_;
  }

 private:
  msgpack::zone* zone_ = nullptr;
  [[maybe_unused]] bool shared_ = false;  // the zome's shared zone (wasm builds only)
  std::optional<msgpack::zone> own_;
};

namespace codec_detail {

/// msgpack-cxx's object builder, with f32 widened on the bits (see widen_f32).
class TreeBuilder : public msgpack::v2::detail::create_object_visitor {
 public:
  TreeBuilder() : create_object_visitor(&reference_everything, nullptr, msgpack::unpack_limit()) {}
  bool visit_float32(float f) {
    msgpack::object* obj = m_stack.back();
    obj->type = msgpack::type::FLOAT32;
    obj->via.f64 = widen_f32(f);
    return true;
  }

 private:
  static bool reference_everything(msgpack::type::object_type, std::size_t, void*) { return true; }
};

/// The visitor of every parse, with every throwing path replaced by a
/// recorded failure: bad bytes, truncation, sizes the input cannot hold, and
/// nesting past kMaxDepth stop the parse instead of throwing.
///
/// A lone scalar, string, bin or ext (ExternIO is a bin; so are most of the
/// values zome calls carry) is read in place into one object, with no tree
/// and no allocation. Only at the first array or map header is msgpack-cxx's
/// object builder started, building in the decode's arena.
class CheckedObjectVisitor : public msgpack::v2::null_visitor {
 public:
  CheckedObjectVisitor(std::size_t input_size, DecodeArena& arena)
      : input_size_(input_size), arena_(arena) {}

  bool visit_nil() { return tree_ ? tree_->visit_nil() : top(msgpack::type::NIL); }
  bool visit_boolean(bool v) {
    if (tree_) return tree_->visit_boolean(v);
    object_.via.boolean = v;
    return top(msgpack::type::BOOLEAN);
  }
  bool visit_positive_integer(std::uint64_t v) {
    if (tree_) return tree_->visit_positive_integer(v);
    object_.via.u64 = v;
    return top(msgpack::type::POSITIVE_INTEGER);
  }
  bool visit_negative_integer(std::int64_t v) {
    if (tree_) return tree_->visit_negative_integer(v);
    // The signed forms may hold a non-negative value: an unsigned integer.
    if (v >= 0) return visit_positive_integer(static_cast<std::uint64_t>(v));
    object_.via.i64 = v;
    return top(msgpack::type::NEGATIVE_INTEGER);
  }
  bool visit_float32(float f) {
    if (tree_) return tree_->visit_float32(f);
    object_.via.f64 = widen_f32(f);
    return top(msgpack::type::FLOAT32);
  }
  bool visit_float64(double d) {
    if (tree_) return tree_->visit_float64(d);
    object_.via.f64 = d;
    return top(msgpack::type::FLOAT64);
  }
  bool visit_str(const char* v, std::uint32_t size) {
    if (tree_) return tree_->visit_str(v, size);
    object_.via.str.ptr = v;
    object_.via.str.size = size;
    return top(msgpack::type::STR);
  }
  bool visit_bin(const char* v, std::uint32_t size) {
    if (tree_) return tree_->visit_bin(v, size);
    object_.via.bin.ptr = v;
    object_.via.bin.size = size;
    return top(msgpack::type::BIN);
  }
  bool visit_ext(const char* v, std::uint32_t size) {
    if (tree_) return tree_->visit_ext(v, size);
    object_.via.ext.ptr = v;
    object_.via.ext.size = size - 1;  // the first byte is the ext's type
    return top(msgpack::type::EXT);
  }

  bool start_array(std::uint32_t n) {
    // Every element takes at least one byte: a larger count is a lie, and
    // believing it would reserve memory for it.
    if (n > input_size_) return fail("array length exceeds the input");
    if (++depth_ > kMaxDepth) return fail("nesting too deep");
    return tree().start_array(n);
  }
  bool start_array_item() { return tree_->start_array_item(); }
  bool end_array_item() { return tree_->end_array_item(); }
  bool end_array() {
    --depth_;
    return tree_->end_array();
  }
  bool start_map(std::uint32_t n) {
    if (n > input_size_ / 2) return fail("map length exceeds the input");
    if (++depth_ > kMaxDepth) return fail("nesting too deep");
    return tree().start_map(n);
  }
  bool start_map_key() { return tree_->start_map_key(); }
  bool end_map_key() { return tree_->end_map_key(); }
  bool start_map_value() { return tree_->start_map_value(); }
  bool end_map_value() { return tree_->end_map_value(); }
  bool end_map() {
    --depth_;
    return tree_->end_map();
  }
  void parse_error(std::size_t, std::size_t) { fail("invalid msgpack"); }
  void insufficient_bytes(std::size_t, std::size_t) { fail("unexpected end of input"); }

  const msgpack::object& data() const { return tree_ ? tree_->data() : object_; }
  const char* error() const { return error_; }

 private:
  bool top(msgpack::type::object_type type) {
    object_.type = type;
    return true;
  }
  TreeBuilder& tree() {
    if (!tree_) {
      tree_.emplace();
      tree_->set_zone(arena_.zone());
    }
    return *tree_;
  }
  bool fail(const char* why) {
    if (!error_) error_ = why;
    return false;
  }
  std::size_t input_size_;
  DecodeArena& arena_;
  std::optional<TreeBuilder> tree_;
  msgpack::object object_;
  std::size_t depth_ = 0;
  const char* error_ = nullptr;
};

}  // namespace codec_detail

/// Parses `len` bytes into an object that references `data` (which must
/// outlive it). A scalar, string or bin is read in place; the tree of a map
/// or array is built in `arena`. Exactly one value must fill the input.
inline bool parse_object(const std::uint8_t* data, std::size_t len, DecodeArena& arena,
                         msgpack::object& out, DecodeError& err) {
  codec_detail::CheckedObjectVisitor visitor(len, arena);
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
  DecodeArena arena;
  msgpack::object object;
  if (!parse_object(data, len, arena, object, err)) return false;
  return decode_value(object, out, err);
}

template <class T>
bool decode(const std::vector<std::uint8_t>& bytes, T& out, DecodeError& err) {
  return decode(bytes.data(), bytes.size(), out, err);
}

}  // namespace hdk
