// Guest memory the host can use: `__hc__allocate_1` and `__hc__deallocate_1`,
// defined once per zome (weak, so any number of translation units may
// include this), plus the hand-over of regions between guest and host.
//
// Ownership, as Holochain's guest and host agree:
//   host -> guest (zome call input): the host allocates and writes; the guest
//     frees the region once it has decoded it.
//   guest -> host (zome call result, host call input): the guest allocates;
//     the host copies the bytes out and frees them with __hc__deallocate_1.
//   host -> guest (host call result): the host allocates through
//     __hc__allocate_1 and writes; the guest frees after decoding.
#pragma once

#include <cstdint>
#include <cstdlib>

#include "hdk/abi.hpp"
#include "hdk/codec.hpp"
#include "hdk/large_region.hpp"
#include "hdk/memory.hpp"
#include "hdk/runtime.hpp"

namespace hdk::alloc {

/// Where a zero-length region lives: a valid address that is never freed
/// (Rust gives an empty Vec a dangling, never-freed pointer the same way).
inline std::uint8_t* empty_region() {
  static std::uint8_t sentinel;
  return &sentinel;
}

/// `Err(WasmError { module_path: "hdk", line: 0, error: Memory })`, kept in
/// static memory so a guest that cannot allocate its result can still answer.
/// Bytes: 81 a3 "Err" | 83 ab "module_path" a3 "hdk" a4 "line" 00 a5 "error" a6 "Memory"
inline constexpr std::uint8_t kOutOfMemoryResult[] = {
    0x81, 0xa3, 'E', 'r', 'r',  0x83, 0xab, 'm', 'o',  'd', 'u', 'l', 'e', '_',
    'p',  'a',  't', 'h', 0xa3, 'h',  'd',  'k', 0xa4, 'l', 'i', 'n', 'e', 0x00,
    0xa5, 'e',  'r', 'r', 'o',  'r',  0xa6, 'M', 'e',  'm', 'o', 'r', 'y'};

inline bool is_static_region(const void* p) {
  return p == empty_region() || p == static_cast<const void*>(kOutOfMemoryResult);
}

/// Reserves `len` bytes; nullptr when the request can never fit in wasm32
/// memory or the allocator has no room. Zero bytes give the empty region.
inline void* allocate(std::uint64_t len) {
  if (len == 0) return empty_region();
  if (!memory::fits_wasm32(len)) return nullptr;
  if (large_region::is_large(len)) return large_region::allocate(len);
  return std::malloc(static_cast<std::size_t>(len));
}

/// Releases a region from `allocate` (or a result the guest handed over).
inline void deallocate(void* p) {
  if (p == nullptr || is_static_region(p)) return;
  large_region::free_block(p);
}

#if HDK_WASM
inline GuestPtr to_guest(const void* p) {
  return static_cast<GuestPtr>(reinterpret_cast<std::uintptr_t>(p));
}
inline std::uint8_t* from_guest(GuestPtr p) {
  return reinterpret_cast<std::uint8_t*>(static_cast<std::uintptr_t>(p));
}

/// Gives an encoded buffer to the host as a packed (ptr, len). A buffer that
/// ran out of memory becomes the static out-of-memory result.
inline GuestPtrLen hand_over(OutBuffer&& buffer) {
  if (buffer.failed() || buffer.size() == 0)
    return merge(to_guest(kOutOfMemoryResult), static_cast<Len>(sizeof kOutOfMemoryResult));
  const auto len = static_cast<Len>(buffer.size());
  return merge(to_guest(buffer.release()), len);
}
#endif

}  // namespace hdk::alloc

#if HDK_WASM
extern "C" {
/// Called by the host to place bytes in this guest. 0 means the guest could
/// not allocate (`len` past what wasm32 memory can ever hold, or no room).
__attribute__((weak)) HDK_EXPORT("__hc__allocate_1") hdk::GuestPtr hdk_allocate_1(hdk::Len len) {
  hdk::runtime::ensure_initialized();
  return hdk::alloc::to_guest(hdk::alloc::allocate(len));
}

/// Called by the host to release a region from allocate or from a result.
__attribute__((weak))
HDK_EXPORT("__hc__deallocate_1") void hdk_deallocate_1(hdk::GuestPtr ptr, hdk::Len /*len*/) {
  hdk::alloc::deallocate(hdk::alloc::from_guest(ptr));
}
}
#endif
