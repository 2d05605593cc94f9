// query's filter over the agent's own chain (holochain_zome_types::query).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "hdk/codec.hpp"
#include "hdk/types/action.hpp"
#include "hdk/types/hash.hpp"

namespace hdk {

namespace chain_query_filter_range {
struct Unbounded {
  HDK_UNIT_VARIANT(Unbounded);
};
/// Inclusive seq range.
struct ActionSeqRange {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  HDK_TUPLE_VARIANT(ActionSeqRange, start, end);
};
struct ActionHashRange {
  ActionHash start;
  ActionHash end;
  HDK_TUPLE_VARIANT(ActionHashRange, start, end);
};
struct ActionHashTerminated {
  ActionHash end;
  std::uint32_t count = 0;
  HDK_TUPLE_VARIANT(ActionHashTerminated, end, count);
};
}  // namespace chain_query_filter_range
using ChainQueryFilterRange =
    std::variant<chain_query_filter_range::Unbounded, chain_query_filter_range::ActionSeqRange,
                 chain_query_filter_range::ActionHashRange,
                 chain_query_filter_range::ActionHashTerminated>;

struct ChainQueryFilter {
  ChainQueryFilterRange sequence_range = chain_query_filter_range::Unbounded{};
  std::optional<std::vector<EntryType>> entry_type;
  std::optional<std::vector<EntryHash>> entry_hashes;  // a HashSet in Holochain
  std::optional<std::vector<ActionType>> action_type;
  bool include_entries = false;
  bool order_descending = false;
  HDK_STRUCT(sequence_range, entry_type, entry_hashes, action_type, include_entries,
             order_descending);
};

}  // namespace hdk
