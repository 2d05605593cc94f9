// Where encoded msgpack goes: a buffer that records running out of memory
// instead of throwing, and msgpack-cxx's packer writing into it.
#pragma once

#ifndef MSGPACK_NO_BOOST
#define MSGPACK_NO_BOOST
#endif
// msgpack-cxx's parser reserves room for 32 levels of nesting on every parse:
// a heap allocation even for a lone scalar. In a zome it grows on demand
// instead, so decoding a scalar, string or bin allocates nothing.
#if defined(__wasm__) && !defined(MSGPACK_EMBED_STACK_SIZE)
#define MSGPACK_EMBED_STACK_SIZE 0
#endif

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <msgpack.hpp>

#include <utility>
#include <vector>
#include "hdk/large_region.hpp"

namespace hdk {

// Output buffer: msgpack-cxx's sbuffer throws when malloc fails; this one
// records the failure instead, so the caller can answer with an error.
//
// A message is encoded twice: once into a counting buffer, which keeps no
// bytes and only adds up their number, then into a buffer of exactly that
// size. One allocation, no growth by doubling and no copy of what was written.
class OutBuffer {
 public:
  OutBuffer() = default;
  /// A buffer that only counts what is written to it.
  static OutBuffer counting() {
    OutBuffer counter;
    counter.counting_ = true;
    return counter;
  }
  OutBuffer(const OutBuffer&) = delete;
  OutBuffer& operator=(const OutBuffer&) = delete;
  OutBuffer(OutBuffer&& other) noexcept { swap(other); }
  OutBuffer& operator=(OutBuffer&& other) noexcept {
    OutBuffer tmp(std::move(other));
    swap(tmp);
    return *this;
  }
  ~OutBuffer() { large_region::free_block(data_); }

  void write(const char* bytes, std::size_t n) {
    if (failed_ || n == 0) return;
    if (counting_) {
      if (n > kMaxSize - size_) {
        fail();
        return;
      }
      size_ += n;
      return;
    }
    if (n > capacity_ - size_ && !reserve(size_ + n)) return;
    std::memcpy(data_ + size_, bytes, n);
    size_ += n;
  }
  /// Ends a counting buffer's first pass: allocates exactly the bytes
  /// counted plus `extra`, empty and ready for the second pass. False (and
  /// failed()) when they cannot be had.
  bool start_writing(std::size_t extra = 0) {
    const std::size_t counted = size_;
    counting_ = false;
    size_ = 0;
    if (failed_ || extra > kMaxSize - counted) return fail();
    return reserve_exact(counted + extra);
  }
  /// Room for exactly `wanted` bytes, allocated once.
  bool reserve_exact(std::size_t wanted) {
    if (wanted <= capacity_) return true;
    if (wanted > kMaxSize) return fail();
    char* grown = static_cast<char*>(large_region::resize_block(data_, size_, wanted));
    if (!grown) return fail();
    data_ = grown;
    capacity_ = wanted;
    return true;
  }
  bool reserve(std::size_t wanted) {
    if (wanted <= capacity_) return true;
    if (wanted > kMaxSize) return fail();
    std::size_t cap = capacity_ ? capacity_ : 64;
    while (cap < wanted) cap = cap > kMaxSize / 2 ? kMaxSize : cap * 2;
    char* grown = static_cast<char*>(large_region::resize_block(data_, size_, cap));
    if (!grown) return fail();
    data_ = grown;
    capacity_ = cap;
    return true;
  }
  /// Records a failure found before writing (a value too large to encode).
  void mark_failed() { failed_ = true; }
  const char* data() const { return data_; }
  std::size_t size() const { return size_; }
  bool failed() const { return failed_; }
  /// Hands the bytes to the caller, who frees them with
  /// large_region::free_block (alloc::deallocate does).
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
    std::swap(counting_, o.counting_);
  }
  char* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
  bool failed_ = false;
  bool counting_ = false;
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

}  // namespace hdk
