// The Holochain release whose wire the HDK speaks, named once. Every shape
// in hdk/types/, every line of hdk/host_fns.def and the hashes in
// hdk/hashing.hpp follow it; the host stub, hdk-check and the docs quote it
// from here. A retarget starts by changing the four versions below.
#pragma once

// Macros only so that the strings below can be spliced from them.
#define HDK_RELEASE_HOLOCHAIN "0.7.0"
#define HDK_RELEASE_HDK "0.7.0"
#define HDK_RELEASE_HDI "0.8.0"
#define HDK_RELEASE_HOLOCHAIN_WASMER "0.0.103"
#define HDK_RELEASE_SERIALIZED_BYTES "0.0.57"

namespace hdk::release {

/// The conductor a built zome loads into.
inline constexpr const char kHolochain[] = HDK_RELEASE_HOLOCHAIN;
/// The Rust crates whose zome-facing API and types the HDK mirrors.
inline constexpr const char kHdk[] = HDK_RELEASE_HDK;
inline constexpr const char kHdi[] = HDK_RELEASE_HDI;
/// The guest ABI (allocation, (ptr, len) packing, WasmError's fields).
inline constexpr const char kHolochainWasmer[] = HDK_RELEASE_HOLOCHAIN_WASMER;
/// The msgpack encoder (rmp-serde 1.3.0 with struct maps).
inline constexpr const char kHolochainSerializedBytes[] = HDK_RELEASE_SERIALIZED_BYTES;

/// "Holochain 0.7.0", for messages.
inline constexpr const char kName[] = "Holochain " HDK_RELEASE_HOLOCHAIN;
/// Everything above in one line, for `--version` output.
inline constexpr const char kSummary[] =
    "Holochain " HDK_RELEASE_HOLOCHAIN " (hdk " HDK_RELEASE_HDK ", hdi " HDK_RELEASE_HDI
    ", holochain_wasmer " HDK_RELEASE_HOLOCHAIN_WASMER
    ", holochain_serialized_bytes " HDK_RELEASE_SERIALIZED_BYTES ")";

}  // namespace hdk::release
