// Records: a signed, hashed action and its entry (holochain_integrity_types::record).
#pragma once

#include <optional>

#include "hdk/codec.hpp"
#include "hdk/types/action.hpp"
#include "hdk/types/entry.hpp"
#include "hdk/types/hash.hpp"

namespace hdk {

/// An Ed25519 signature: 64 bytes, serialized as bin (secure_primitive!).
struct Signature {
  Bytes bytes;
  HDK_NEWTYPE(bytes);
  friend bool operator==(const Signature& a, const Signature& b) { return a.bytes == b.bytes; }
};

/// Content with its hash (holo_hash::HoloHashed): {"content": .., "hash": ..}.
template <class C, class H>
struct HoloHashed {
  C content;
  H hash;
  HDK_STRUCT(content, hash);
};

/// Hashed content and the author's signature of its bytes (SignedHashed<T>).
template <class C, class H = ActionHash>
struct SignedHashed {
  HoloHashed<C, H> hashed;
  Signature signature;
  HDK_STRUCT(hashed, signature);
  const H& hash() const { return hashed.hash; }
  const C& content() const { return hashed.content; }
  // SignedActionHashed's accessors, as hdi names them.
  const C& action() const { return hashed.content; }
  const H& action_address() const { return hashed.hash; }
};

/// A value and a signature of it, unhashed (holochain_zome_types::Signed<T>):
/// {"data": .., "signature": ..}.
template <class T>
struct Signed {
  T data;
  Signature signature;
  HDK_STRUCT(data, signature);
};

using ActionHashed = HoloHashed<Action, ActionHash>;
using SignedActionHashed = SignedHashed<Action>;
using EntryHashed = HoloHashed<Entry, EntryHash>;

namespace record_entry {
struct Present {
  Entry entry;
  HDK_NEWTYPE_VARIANT(Present, entry);
};
/// The action's entry is private and this agent may not see it.
struct Hidden {
  HDK_UNIT_VARIANT(Hidden);
};
/// The action has no entry.
struct NA {
  HDK_UNIT_VARIANT(NA);
};
/// The entry exists but was not stored here.
struct NotStored {
  HDK_UNIT_VARIANT(NotStored);
};
}  // namespace record_entry
using RecordEntry = std::variant<record_entry::Present, record_entry::Hidden, record_entry::NA,
                                 record_entry::NotStored>;

struct Record {
  SignedActionHashed signed_action;
  RecordEntry entry = record_entry::NA{};
  HDK_STRUCT(signed_action, entry);

  const Action& action() const { return signed_action.hashed.content; }
  const ActionHash& action_address() const { return signed_action.hashed.hash; }
  const Entry* entry_if_present() const {
    const auto* present = std::get_if<record_entry::Present>(&entry);
    return present ? &present->entry : nullptr;
  }
  /// Decodes the record's app entry as T (Rust's `record.entry().to_app_option()`).
  template <class T>
  std::optional<T> entry_as() const {
    const Entry* e = entry_if_present();
    T out{};
    if (!e || !e->decode_app(out)) return std::nullopt;
    return out;
  }
};

}  // namespace hdk
