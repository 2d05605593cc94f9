// Wasm page math, done by the guest itself: Holochain's host never grows a
// guest's memory, so the guest must know what a request costs in pages and
// whether it can ever fit in the 4 GiB a wasm32 memory can address.
#pragma once

#include <cstdint>

#include "hdk/abi.hpp"

namespace hdk::memory {

inline constexpr std::uint64_t kPageSize = 65536;
/// A wasm32 memory has at most 65536 pages: exactly 4 GiB.
inline constexpr std::uint64_t kMaxPages = 65536;
inline constexpr std::uint64_t kMaxBytes = kPageSize * kMaxPages;

/// Pages needed to hold `bytes` bytes (rounded up; 0 bytes need 0 pages).
constexpr std::uint64_t pages_for_bytes(std::uint64_t bytes) {
  return bytes / kPageSize + (bytes % kPageSize != 0 ? 1 : 0);
}

constexpr std::uint64_t bytes_for_pages(std::uint64_t pages) { return pages * kPageSize; }

/// Pages a memory of `current_pages` must grow by so that addresses
/// [0, end_byte) are inside it; 0 when it already is.
constexpr std::uint64_t pages_to_grow(std::uint64_t current_pages, std::uint64_t end_byte) {
  const std::uint64_t needed = pages_for_bytes(end_byte);
  return needed > current_pages ? needed - current_pages : 0;
}

/// True when a memory could ever grow to hold [0, end_byte).
constexpr bool fits_wasm32(std::uint64_t end_byte) { return end_byte <= kMaxBytes; }

/// True when `len` more bytes could be added to a memory of `current_pages`
/// pages without passing the wasm32 limit, counting only whole new pages (the
/// allocator may also find room inside the pages it already has).
constexpr bool can_grow_by(std::uint64_t current_pages, std::uint64_t len) {
  return current_pages <= kMaxPages && pages_for_bytes(len) <= kMaxPages - current_pages;
}

/// Current size of this module's memory in pages. Natively there is no wasm
/// memory: 0.
inline std::uint64_t current_pages() {
#if HDK_WASM
  return __builtin_wasm_memory_size(0);
#else
  return 0;
#endif
}

/// Grows memory by `pages`; false when the engine refuses (limit reached).
inline bool grow_pages(std::uint64_t pages) {
#if HDK_WASM
  if (pages > kMaxPages) return false;
  return __builtin_wasm_memory_grow(0, static_cast<unsigned long>(pages)) !=
         static_cast<unsigned long>(-1);
#else
  (void)pages;
  return false;
#endif
}

}  // namespace hdk::memory
