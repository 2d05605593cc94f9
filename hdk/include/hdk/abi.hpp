// The wasm32 boundary as Holochain defines it: guest pointers and lengths are
// u32, and a (pointer, length) pair crosses as one u64 with the pointer in the
// high half.
#pragma once

#include <cstdint>
#include <optional>

namespace hdk {

using GuestPtr = std::uint32_t;
using Len = std::uint32_t;
using GuestPtrLen = std::uint64_t;

static_assert(sizeof(GuestPtr) == 4, "guest pointers are wasm32 u32");
static_assert(sizeof(Len) == 4, "guest lengths are wasm32 u32");
static_assert(sizeof(GuestPtrLen) == sizeof(GuestPtr) + sizeof(Len),
              "a packed (ptr, len) pair is exactly one u64");

/// A guest region as a pair; `merge`/`split` convert to and from the u64.
struct GuestRegion {
  GuestPtr ptr = 0;
  Len len = 0;
  friend constexpr bool operator==(GuestRegion a, GuestRegion b) {
    return a.ptr == b.ptr && a.len == b.len;
  }
};

constexpr GuestPtrLen merge(GuestPtr ptr, Len len) {
  return (static_cast<GuestPtrLen>(ptr) << 32) | static_cast<GuestPtrLen>(len);
}
constexpr GuestPtrLen merge(GuestRegion region) { return merge(region.ptr, region.len); }

constexpr GuestRegion split(GuestPtrLen packed) {
  return GuestRegion{static_cast<GuestPtr>(packed >> 32), static_cast<Len>(packed & 0xffffffffu)};
}

/// Splits a pair given as wider integers, as a host does before trusting it.
/// Empty when either half does not fit in u32 (Holochain's PointerMap error).
constexpr std::optional<GuestRegion> split_checked(std::uint64_t ptr, std::uint64_t len) {
  if (ptr > 0xffffffffu || len > 0xffffffffu) return std::nullopt;
  return GuestRegion{static_cast<GuestPtr>(ptr), static_cast<Len>(len)};
}

}  // namespace hdk

// Attribute macros: attributes only, no logic. Import and export names are the
// wasm names, independent of C++ mangling.
#if defined(__wasm__)
#define HDK_WASM 1
#define HDK_IMPORT(name) __attribute__((import_module("env"), import_name(name)))
#define HDK_EXPORT(name) __attribute__((export_name(name)))
#else
#define HDK_WASM 0
#define HDK_IMPORT(name)
#define HDK_EXPORT(name)
#endif
