// Holochain's text form of a hash and of raw bytes: a HoloHash prints as 'u'
// + URL-safe base64 without padding of its 39 bytes (holo_hash's
// HoloHashB64); other bytes print as standard base64. Tools read and print
// hashes with these (hdk-run's JSON, a bundle's DNA hash).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <hdk/types.hpp>

namespace hdk_host {

/// The name of the hash type whose 3-byte prefix starts `bytes` ("ActionHash",
/// "AgentPubKey", ...), or nullptr when no primitive hash type has it.
const char* holo_hash_type_name(std::span<const std::uint8_t> bytes);

/// Whether `bytes` are a hash as holo_hash prints one: 39 bytes with a known prefix.
bool is_holo_hash(std::span<const std::uint8_t> bytes);

/// 'u' + base64url without padding of a hash's 39 bytes ("uhCkk...").
std::string holo_hash_to_base64(std::span<const std::uint8_t> hash39);

/// Whether `text` starts as a hash's base64 does: "uhC" and a known type's
/// two characters ("uhCkk", "uhCAk", ...). Such text is meant as a hash, so
/// it must then decode as one (holo_hash_from_base64).
bool looks_like_holo_hash(std::string_view text);

/// The 39 bytes of a hash's base64 form, checked as holo_hash_decode checks
/// them: the 'u', the base64, the size, a known prefix and the location
/// bytes (the folded blake2b-128 of the digest). On failure, nullopt and
/// `error` says which check failed.
std::optional<std::array<std::uint8_t, 39>> holo_hash_from_base64(std::string_view text,
                                                                  std::string& error);

/// A typed hash's base64 form.
template <hdk::HashType Type>
std::string to_base64(const hdk::HoloHash<Type>& hash) {
  return holo_hash_to_base64(hash.bytes);
}

/// holo_hash_from_base64, and the prefix must be one a `Type` may carry.
template <hdk::HashType Type>
std::optional<hdk::HoloHash<Type>> parse_hash(std::string_view text, std::string& error) {
  const auto raw = holo_hash_from_base64(text, error);
  if (!raw) return std::nullopt;
  if (!hdk::hash_prefix::accepts(Type, raw->data())) {
    error = "it is a hash of another type (" + std::string(holo_hash_type_name(*raw)) + ")";
    return std::nullopt;
  }
  hdk::HoloHash<Type> hash;
  hash.bytes = *raw;
  return hash;
}

/// Standard base64 (RFC 4648 section 4) with padding.
std::string base64_encode(std::span<const std::uint8_t> bytes);
/// Standard or URL-safe base64, padded or not; nullopt if it is neither.
std::optional<std::vector<std::uint8_t>> base64_decode(std::string_view text);

}  // namespace hdk_host
