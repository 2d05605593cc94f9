// HoloHash: 39 bytes (3-byte type prefix, 32-byte blake2b-256 digest, 4-byte
// DHT location), on the wire as a msgpack bin of those 39 bytes (holo_hash's
// own Serialize). One template, one alias per hash type Holochain names.
// Computing one (blake2b in the guest) is hdk/hashing.hpp's job.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

#include "hdk/codec.hpp"

namespace hdk {

/// Holochain's hash types. AnyDht and AnyLinkable are composites: they hold
/// one of several primitive prefixes.
enum class HashType : std::uint8_t {
  Agent,
  Entry,
  DhtOp,
  Action,
  Wasm,
  Inline,
  Warrant,
  Dna,
  External,
  AnyDht,
  AnyLinkable
};

namespace hash_prefix {
using Prefix = std::array<std::uint8_t, 3>;
inline constexpr Prefix kAgent = {0x84, 0x20, 0x24};
inline constexpr Prefix kEntry = {0x84, 0x21, 0x24};
inline constexpr Prefix kDhtOp = {0x84, 0x24, 0x24};
inline constexpr Prefix kDna = {0x84, 0x2d, 0x24};
inline constexpr Prefix kAction = {0x84, 0x29, 0x24};
inline constexpr Prefix kWasm = {0x84, 0x2a, 0x24};
inline constexpr Prefix kInline = {0x84, 0x2b, 0x24};  // an inline zome's code
inline constexpr Prefix kWarrant = {0x84, 0x2c, 0x24};
inline constexpr Prefix kExternal = {0x84, 0x2f, 0x24};

/// Whether a hash of type `type` may carry `prefix` (holo_hash's try_from_prefix).
constexpr bool accepts(HashType type, const std::uint8_t* p) {
  auto is = [p](const Prefix& want) {
    return p[0] == want[0] && p[1] == want[1] && p[2] == want[2];
  };
  switch (type) {
    case HashType::Agent:
      return is(kAgent);
    case HashType::Entry:
      return is(kEntry);
    case HashType::DhtOp:
      return is(kDhtOp);
    case HashType::Action:
      return is(kAction);
    case HashType::Wasm:
      return is(kWasm);
    case HashType::Inline:
      return is(kInline);
    case HashType::Warrant:
      return is(kWarrant);
    case HashType::Dna:
      return is(kDna);
    case HashType::External:
      return is(kExternal);
    case HashType::AnyDht:
      return is(kEntry) || is(kAction);
    case HashType::AnyLinkable:
      return is(kEntry) || is(kAction) || is(kExternal);
  }
  return false;
}
}  // namespace hash_prefix

template <HashType Type>
struct HoloHash {
  static constexpr std::size_t kSize = 39;
  std::array<std::uint8_t, kSize> bytes{};

  /// The 32-byte digest (holo_hash's get_raw_32).
  const std::uint8_t* digest() const { return bytes.data() + 3; }
  /// The 4-byte DHT location.
  const std::uint8_t* location() const { return bytes.data() + 35; }

  /// The same 36 bytes under another hash type's prefix (holo_hash's retype).
  template <HashType To>
  HoloHash<To> retype(const hash_prefix::Prefix& prefix) const {
    HoloHash<To> out;
    out.bytes = bytes;
    std::copy(prefix.begin(), prefix.end(), out.bytes.begin());
    return out;
  }
  /// Into a composite type, keeping the prefix (EntryHash -> AnyDhtHash...).
  template <HashType To>
  HoloHash<To> widen() const {
    HoloHash<To> out;
    out.bytes = bytes;
    return out;
  }

  friend bool operator==(const HoloHash& a, const HoloHash& b) { return a.bytes == b.bytes; }
  friend bool operator!=(const HoloHash& a, const HoloHash& b) { return a.bytes != b.bytes; }
  friend bool operator<(const HoloHash& a, const HoloHash& b) { return a.bytes < b.bytes; }
};

using AgentPubKey = HoloHash<HashType::Agent>;
using EntryHash = HoloHash<HashType::Entry>;
using DhtOpHash = HoloHash<HashType::DhtOp>;
using ActionHash = HoloHash<HashType::Action>;
using WasmHash = HoloHash<HashType::Wasm>;
using InlineHash = HoloHash<HashType::Inline>;
using WarrantHash = HoloHash<HashType::Warrant>;
using DnaHash = HoloHash<HashType::Dna>;
using ExternalHash = HoloHash<HashType::External>;
using AnyDhtHash = HoloHash<HashType::AnyDht>;
using AnyLinkableHash = HoloHash<HashType::AnyLinkable>;

/// Holochain's conversions into the composite hashes. An agent key counts as
/// an entry (its Agent entry hashes to itself), so it is retyped to the entry prefix.
inline AnyDhtHash to_any_dht(const EntryHash& h) { return h.widen<HashType::AnyDht>(); }
inline AnyDhtHash to_any_dht(const ActionHash& h) { return h.widen<HashType::AnyDht>(); }
inline AnyDhtHash to_any_dht(const AgentPubKey& h) {
  return h.retype<HashType::AnyDht>(hash_prefix::kEntry);
}
inline AnyLinkableHash to_any_linkable(const EntryHash& h) {
  return h.widen<HashType::AnyLinkable>();
}
inline AnyLinkableHash to_any_linkable(const ActionHash& h) {
  return h.widen<HashType::AnyLinkable>();
}
inline AnyLinkableHash to_any_linkable(const ExternalHash& h) {
  return h.widen<HashType::AnyLinkable>();
}
inline AnyLinkableHash to_any_linkable(const AgentPubKey& h) {
  return h.retype<HashType::AnyLinkable>(hash_prefix::kEntry);
}
inline EntryHash agent_entry_hash(const AgentPubKey& h) {
  return h.retype<HashType::Entry>(hash_prefix::kEntry);
}

/// Holochain's printed form: 'u' + URL-safe base64 without padding (agents start "uhCAk").
template <HashType Type>
std::string to_b64(const HoloHash<Type>& h) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out = "u";
  for (std::size_t i = 0; i < h.bytes.size(); i += 3) {  // 39 bytes: whole groups only
    const std::uint32_t n =
        (std::uint32_t{h.bytes[i]} << 16) | (std::uint32_t{h.bytes[i + 1]} << 8) | h.bytes[i + 2];
    for (int k = 18; k >= 0; k -= 6) out += kAlphabet[(n >> k) & 63];
  }
  return out;
}

template <HashType Type>
struct Codec<HoloHash<Type>> {
  static void encode(Packer& p, const HoloHash<Type>& h) {
    p.pack_bin(HoloHash<Type>::kSize);
    p.pack_bin_body(reinterpret_cast<const char*>(h.bytes.data()), HoloHash<Type>::kSize);
  }
  // holo_hash reads bytes (or a sequence of them), 39 long, with a prefix its type allows.
  static bool decode(const msgpack::object& o, HoloHash<Type>& out, DecodeError& err) {
    Bytes raw;
    if (!Codec<Bytes>::decode(o, raw, err)) return false;
    if (raw.size() != HoloHash<Type>::kSize) {
      err.message = "HoloHash serialized representation must be exactly 39 bytes";
      return false;
    }
    if (!hash_prefix::accepts(Type, raw.data())) {
      err.message = "HoloHash error: BadPrefix";
      return false;
    }
    std::copy(raw.begin(), raw.end(), out.bytes.begin());
    return true;
  }
};

}  // namespace hdk
