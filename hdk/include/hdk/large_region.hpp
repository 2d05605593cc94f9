// Blocks of 1 GiB and more, taken from sbrk directly. The C library's malloc
// (dlmalloc, in wasi-libc and in Emscripten alike) never asks sbrk for 2 GiB
// or more at once, so with malloc alone a zome cannot hold a payload past
// 2 GiB, although its memory holds 4. The zome call's input (placed by the
// host through __hc__allocate_1), host-call results and every OutBuffer that
// large come from here instead. sbrk'd memory cannot be given back, so a
// released region is kept and reused by the next large request it fits;
// malloc carries on above it (dlmalloc takes the gap as a new segment).
// Natively nothing is large: malloc serves every size.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "hdk/abi.hpp"
#include "hdk/memory.hpp"

#if HDK_WASM
#include <unistd.h>
#endif

namespace hdk::large_region {

inline constexpr std::uint64_t kThreshold = std::uint64_t{1} << 30;

struct Region {
  std::uint8_t* base;
  std::uint64_t bytes;  // 0: the slot is empty
  bool in_use;
};
/// A wasm32 memory holds at most three regions at once; the fourth slot keeps
/// one that stopped growing halfway (memory limit), for a smaller request.
inline constexpr std::size_t kSlots = 4;
// Zero-initialised at compile time: no constructor has to run (a conductor
// never calls _initialize).
inline Region regions[kSlots] = {};
/// Slots filled so far: while none is, every free() and realloc() of the
/// zome's buffers skips the search (most zomes never make a region).
inline std::size_t filled = 0;

constexpr bool is_large(std::uint64_t len) { return HDK_WASM != 0 && len >= kThreshold; }

inline Region* find(const void* p) {
  if (filled == 0) return nullptr;
  for (Region& r : regions)
    if (r.bytes != 0 && r.base == p) return &r;
  return nullptr;
}

/// A 16-byte aligned region of at least `len` bytes; nullptr when memory
/// cannot grow that far.
inline void* allocate(std::uint64_t len) {
#if HDK_WASM
  for (Region& r : regions)
    if (!r.in_use && r.bytes >= len) {
      r.in_use = true;
      return r.base;
    }
  Region* slot = nullptr;
  for (Region& r : regions)
    if (r.bytes == 0) {
      slot = &r;
      break;
    }
  if (slot == nullptr || !memory::fits_wasm32(len + 16)) return nullptr;
  // Whole pages (wasi-libc's sbrk takes nothing else), 16 bytes more for the
  // alignment Emscripten's break may lack, asked for 1 GiB at a time because
  // sbrk's increment is signed.
  const std::uint64_t wanted = memory::bytes_for_pages(memory::pages_for_bytes(len + 16));
  std::uint8_t* start = nullptr;
  std::uint64_t got = 0;
  while (got < wanted) {
    const std::uint64_t step = wanted - got < kThreshold ? wanted - got : kThreshold;
    void* more = sbrk(static_cast<intptr_t>(step));
    if (more == reinterpret_cast<void*>(-1)) break;
    if (start == nullptr) start = static_cast<std::uint8_t*>(more);
    if (static_cast<std::uint8_t*>(more) != start + got) break;  // not contiguous: stop here
    got += step;
  }
  if (start == nullptr || got <= 16) return nullptr;
  const auto aligned = (reinterpret_cast<std::uintptr_t>(start) + 15) & ~std::uintptr_t{15};
  const std::uint64_t usable = got - (aligned - reinterpret_cast<std::uintptr_t>(start));
  *slot = Region{reinterpret_cast<std::uint8_t*>(aligned), usable, usable >= len};
  ++filled;
  return usable >= len ? slot->base : nullptr;
#else
  (void)len;
  return nullptr;
#endif
}

/// Marks a region free for reuse; false when `p` is not a region.
inline bool release(const void* p) {
  Region* r = p ? find(p) : nullptr;
  if (r == nullptr) return false;
  r->in_use = false;
  return true;
}

/// free() for a block from malloc or from a region.
inline void free_block(void* p) {
  if (!release(p)) std::free(p);
}

/// realloc() for a block that may grow past the threshold: a region once it
/// is large. `used` bytes are kept. nullptr (and `p` untouched) on failure.
inline void* resize_block(void* p, std::size_t used, std::size_t size) {
  Region* r = p ? find(p) : nullptr;
  if (r != nullptr && r->bytes >= size) return p;
  if (r == nullptr && !is_large(size)) return std::realloc(p, size);
  void* moved = allocate(size);
  if (moved == nullptr) return nullptr;
  if (p != nullptr) {
    std::memcpy(moved, p, used);
    free_block(p);
  }
  return moved;
}

}  // namespace hdk::large_region
