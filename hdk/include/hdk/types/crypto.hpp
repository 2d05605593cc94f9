// hash, sign, verify_signature (holochain_integrity_types::hash / ::signature,
// holochain_zome_types::signature).
#pragma once

#include <cstdint>

#include "hdk/codec.hpp"
#include "hdk/types/action.hpp"
#include "hdk/types/entry.hpp"
#include "hdk/types/hash.hpp"
#include "hdk/types/record.hpp"

namespace hdk {

namespace hash_input {
struct Entry {
  ::hdk::Entry entry;
  HDK_NEWTYPE_VARIANT(Entry, entry);
};
struct Action {
  ::hdk::Action action;
  HDK_NEWTYPE_VARIANT(Action, action);
};
/// Blake2b of `bytes` with an output of `length` bytes.
struct Blake2B {
  Bytes bytes;
  std::uint8_t length = 32;
  HDK_TUPLE_VARIANT(Blake2B, bytes, length);
};
}  // namespace hash_input
/// The sha2/sha3/keccak variants are not modelled (the host stub has no
/// implementation of them).
using HashInput = std::variant<hash_input::Entry, hash_input::Action, hash_input::Blake2B>;

namespace hash_output {
struct Entry {
  EntryHash hash;
  HDK_NEWTYPE_VARIANT(Entry, hash);
};
struct Action {
  ActionHash hash;
  HDK_NEWTYPE_VARIANT(Action, hash);
};
struct External {
  ExternalHash hash;
  HDK_NEWTYPE_VARIANT(External, hash);
};
struct Blake2B {
  Bytes bytes;
  HDK_NEWTYPE_VARIANT(Blake2B, bytes);
};
}  // namespace hash_output
using HashOutput = std::variant<hash_output::Entry, hash_output::Action, hash_output::External,
                                hash_output::Blake2B>;

/// sign's input: the agent's key and the bytes to sign (serde_bytes ByteBuf).
struct Sign {
  AgentPubKey key;
  Bytes data;
  HDK_STRUCT(key, data);
};

struct VerifySignature {
  AgentPubKey key;
  Signature signature;
  Bytes data;
  HDK_STRUCT(key, signature, data);
};

}  // namespace hdk
