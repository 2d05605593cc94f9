// HoloHashes computed in the guest, as hdi 0.8 computes them (holo_hash's
// HoloHashed::from_content_sync): blake2b-256 of the content's msgpack, the
// type's 3-byte prefix before it and the 4-byte DHT location after it.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>

#include "hdk/blake2b.hpp"
#include "hdk/codec.hpp"
#include "hdk/types/action.hpp"
#include "hdk/types/entry.hpp"
#include "hdk/types/hash.hpp"

namespace hdk::hashing {

/// The DHT location of a 32-byte digest: its 16-byte blake2b, folded by XOR
/// into 4 bytes (holo_hash's holo_dht_location_bytes).
inline std::array<std::uint8_t, 4> dht_location(const std::uint8_t* digest32) {
  const auto wide = blake2b::hash<16>(digest32, 32);
  std::array<std::uint8_t, 4> out{};
  for (std::size_t i = 0; i < wide.size(); ++i) out[i % 4] ^= wide[i];
  return out;
}

/// prefix + digest + location.
template <HashType Type>
HoloHash<Type> from_digest(const hash_prefix::Prefix& prefix, const std::uint8_t* digest32) {
  HoloHash<Type> out;
  std::memcpy(out.bytes.data(), prefix.data(), 3);
  std::memcpy(out.bytes.data() + 3, digest32, 32);
  const auto location = dht_location(digest32);
  std::memcpy(out.bytes.data() + 35, location.data(), 4);
  return out;
}

/// The hash of `len` content bytes (the blake2b-256 of them).
template <HashType Type>
HoloHash<Type> of_bytes(const hash_prefix::Prefix& prefix, const std::uint8_t* data,
                        std::size_t len) {
  const auto digest = blake2b::hash<32>(data, len);
  return from_digest<Type>(prefix, digest.data());
}

/// The msgpack of `value` hashed as `Type`; false when it could not be
/// encoded (out of memory).
template <HashType Type, class T>
bool of_value(const hash_prefix::Prefix& prefix, const T& value, HoloHash<Type>& out) {
  const OutBuffer encoded = encode(value);
  if (encoded.failed()) return false;
  out =
      of_bytes<Type>(prefix, reinterpret_cast<const std::uint8_t*>(encoded.data()), encoded.size());
  return true;
}

/// An entry's hash. An Agent entry is its key, retyped: its hash is the
/// key's own 36 bytes under the entry prefix.
inline bool entry_hash(const Entry& entry, EntryHash& out) {
  if (const auto* agent = std::get_if<entry::Agent>(&entry.as_variant())) {
    out = agent_entry_hash(agent->key);
    return true;
  }
  return of_value(hash_prefix::kEntry, entry, out);
}

/// An action's hash: of its msgpack, header and data.
inline bool action_hash(const Action& action, ActionHash& out) {
  return of_value(hash_prefix::kAction, action, out);
}

}  // namespace hdk::hashing
