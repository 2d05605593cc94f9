// query's filter over the agent's own chain, and get_agent_activity's input
// and answer (holochain_zome_types::query, ::agent_activity).
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "hdk/codec.hpp"
#include "hdk/types/action.hpp"
#include "hdk/types/entry.hpp"
#include "hdk/types/hash.hpp"
#include "hdk/types/warrant.hpp"

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

/// How much get_agent_activity should answer: the chain's status only, or
/// its actions too.
enum class ActivityRequest { Status, Full };
HDK_ENUM(ActivityRequest, Status, Full);

struct GetAgentActivityInput {
  AgentPubKey agent_pubkey;
  ChainQueryFilter chain_query_filter;
  ActivityRequest activity_request = ActivityRequest::Status;
  GetOptions get_options;
  HDK_STRUCT(agent_pubkey, chain_query_filter, activity_request, get_options);
};

/// An action at the top of a chain (holochain_zome_types::query::ChainHead).
struct ChainHead {
  std::uint32_t action_seq = 0;
  ActionHash hash;
  HDK_STRUCT(action_seq, hash);
};

struct ChainFork {
  std::uint32_t fork_seq = 0;
  ActionHash first_action;
  ActionHash second_action;
  HDK_STRUCT(fork_seq, first_action, second_action);
};

namespace chain_status {
struct Empty {
  HDK_UNIT_VARIANT(Empty);
};
struct Valid {
  ChainHead head;
  HDK_NEWTYPE_VARIANT(Valid, head);
};
struct Forked {
  ChainFork fork;
  HDK_NEWTYPE_VARIANT(Forked, fork);
};
struct Invalid {
  ChainHead head;
  HDK_NEWTYPE_VARIANT(Invalid, head);
};
/// The chain ended with a CloseChain action.
struct Closed {
  ChainHead head;
  HDK_NEWTYPE_VARIANT(Closed, head);
};
}  // namespace chain_status
using ChainStatus = std::variant<chain_status::Empty, chain_status::Valid, chain_status::Forked,
                                 chain_status::Invalid, chain_status::Closed>;

/// The highest seq an authority has seen, and every action seen there.
struct HighestObserved {
  std::uint32_t action_seq = 0;
  std::vector<ActionHash> hash;
  HDK_STRUCT(action_seq, hash);
};

/// get_agent_activity's answer.
struct AgentActivityStatus {
  std::vector<std::pair<std::uint32_t, ActionHash>> valid_activity;
  std::vector<std::pair<std::uint32_t, ActionHash>> rejected_activity;
  ChainStatus status = chain_status::Empty{};
  std::optional<HighestObserved> highest_observed;
  std::vector<SignedWarrant> warrants;
  HDK_STRUCT(valid_activity, rejected_activity, status, highest_observed, warrants);
};

}  // namespace hdk
