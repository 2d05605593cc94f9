// ChainQueryFilter over one chain: every field, every sequence_range variant.
#include "chain_query.hpp"

#include <algorithm>
#include <optional>
#include <utility>

namespace hdk_host::host_fns {
namespace {

using SeqRange = std::pair<std::uint32_t, std::uint32_t>;  // inclusive

std::optional<std::uint32_t> seq_of(const std::vector<const hdk::Record*>& chain,
                                    const hdk::ActionHash& hash) {
  for (const hdk::Record* r : chain)
    if (r->action_address() == hash) return r->action().action_seq();
  return std::nullopt;
}

/// The seqs `range` admits; none when it names a hash the chain lacks.
std::optional<SeqRange> seq_range(const std::vector<const hdk::Record*>& chain,
                                  const hdk::ChainQueryFilterRange& range) {
  namespace r = hdk::chain_query_filter_range;
  if (std::holds_alternative<r::Unbounded>(range)) return SeqRange{0, UINT32_MAX};
  if (const auto* seqs = std::get_if<r::ActionSeqRange>(&range))
    return SeqRange{seqs->start, seqs->end};
  if (const auto* hashes = std::get_if<r::ActionHashRange>(&range)) {
    const auto start = seq_of(chain, hashes->start);
    const auto end = seq_of(chain, hashes->end);
    if (!start || !end) return std::nullopt;
    return SeqRange{*start, *end};
  }
  // ActionHashTerminated: the action `end` and the `count` before it.
  const auto& terminated = std::get<r::ActionHashTerminated>(range);
  const auto end = seq_of(chain, terminated.end);
  if (!end) return std::nullopt;
  return SeqRange{*end > terminated.count ? *end - terminated.count : 0, *end};
}

bool passes(const hdk::ChainQueryFilter& filter, const hdk::Record& record) {
  const hdk::Action& action = record.action();
  if (filter.action_type && std::find(filter.action_type->begin(), filter.action_type->end(),
                                      action.action_type()) == filter.action_type->end())
    return false;
  if (filter.entry_hashes) {
    const auto hash = action.entry_hash();
    if (!hash || std::find(filter.entry_hashes->begin(), filter.entry_hashes->end(), *hash) ==
                     filter.entry_hashes->end())
      return false;
  }
  if (filter.entry_type) {
    const hdk::EntryType* type = action.entry_type();
    if (!type) return false;
    // EntryType has no operator==; its wire bytes say the same.
    const auto bytes = hdk::encode_to_vector(*type);
    return std::any_of(
        filter.entry_type->begin(), filter.entry_type->end(),
        [&](const hdk::EntryType& want) { return hdk::encode_to_vector(want) == bytes; });
  }
  return true;
}

}  // namespace

std::vector<const hdk::Record*> select_from_chain(const std::vector<const hdk::Record*>& chain,
                                                  const hdk::ChainQueryFilter& filter) {
  std::vector<const hdk::Record*> out;
  const auto range = seq_range(chain, filter.sequence_range);
  if (!range) return out;
  for (const hdk::Record* record : chain) {
    const std::uint32_t seq = record->action().action_seq();
    if (seq < range->first || seq > range->second || !passes(filter, *record)) continue;
    out.push_back(record);
  }
  if (filter.order_descending) std::reverse(out.begin(), out.end());
  return out;
}

std::vector<const hdk::Record*> chain_of(const std::vector<const hdk::Record*>& records,
                                         const hdk::AgentPubKey& agent) {
  std::vector<const hdk::Record*> out;
  for (const hdk::Record* r : records)
    if (r->action().author() == agent) out.push_back(r);
  std::stable_sort(out.begin(), out.end(), [](const hdk::Record* a, const hdk::Record* b) {
    return a->action().action_seq() < b->action().action_seq();
  });
  return out;
}

}  // namespace hdk_host::host_fns
