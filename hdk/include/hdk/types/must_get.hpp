// hdi's validation-time reads (holochain_integrity_types::entry): each input
// is a newtype over the hash it asks for.
#pragma once

#include "hdk/codec.hpp"
#include "hdk/types/hash.hpp"

namespace hdk {

struct MustGetEntryInput {
  EntryHash hash;
  HDK_NEWTYPE(hash);
};

struct MustGetActionInput {
  ActionHash hash;
  HDK_NEWTYPE(hash);
};

struct MustGetValidRecordInput {
  ActionHash hash;
  HDK_NEWTYPE(hash);
};

}  // namespace hdk
