// Moving bytes across the boundary the way holochain_wasmer's host does:
// through the guest's own allocator, with every region the guest names
// checked against its memory. Shared by the zome call (Instance::zome_call,
// and the aot engine's one-entry version of it) and the host functions, so
// a bad region reads the same wherever it is found.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "hdk_host/engine.hpp"
#include "hdk_host/fault.hpp"

namespace hdk_host {

inline constexpr std::string_view kGuestAllocate = "__hc__allocate_1";
inline constexpr std::string_view kGuestDeallocate = "__hc__deallocate_1";

/// OutOfBounds: `what` (ptr, len) lies outside guest memory of `memory_size` bytes.
Fault region_out_of_bounds(std::string_view what, std::uint32_t ptr, std::uint32_t len,
                           std::uint64_t memory_size);
/// AllocationFailed: the guest allocator returned 0 for `len` bytes of `what`.
Fault allocation_failed(std::string_view what, std::uint64_t len);
/// PayloadTooLarge: `size` bytes of `what` cannot be addressed by wasm32.
Fault payload_too_large(std::string_view what, std::uint64_t size);

/// What the zome call's regions are called in messages.
inline constexpr std::string_view kZomeCallInput = "zome call input";
inline constexpr std::string_view kZomeCallResult = "the zome call's result";

/// The bytes [ptr, ptr + len) of guest memory to read, or OutOfBounds.
std::span<const std::uint8_t> guest_region(Instance& instance, std::uint32_t ptr, std::uint32_t len,
                                           std::string_view what);

/// The same bytes for the host to write (Instance::memory_to_write), or OutOfBounds.
std::span<std::uint8_t> guest_region_to_write(Instance& instance, std::uint32_t ptr,
                                              std::uint32_t len, std::string_view what);

/// Places `bytes` in the guest through its allocator; returns the packed (ptr, len).
std::uint64_t write_to_guest(Instance& instance, std::span<const std::uint8_t> bytes,
                             std::string_view what);

}  // namespace hdk_host
