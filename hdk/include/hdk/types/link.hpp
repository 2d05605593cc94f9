// Links and the inputs of create_link/delete_link/get_links/count_links
// (holochain_integrity_types::link, holochain_zome_types::link and ::query).
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "hdk/codec.hpp"
#include "hdk/types/entry.hpp"
#include "hdk/types/hash.hpp"
#include "hdk/types/timestamp.hpp"

namespace hdk {

/// A link type's index within its integrity zome, in declaration order.
struct LinkType {
  std::uint8_t value = 0;
  HDK_NEWTYPE(value);
  friend bool operator==(LinkType a, LinkType b) { return a.value == b.value; }
};

/// Arbitrary bytes on a link (serde_bytes: bin).
struct LinkTag {
  Bytes bytes;
  HDK_NEWTYPE(bytes);
  static LinkTag from_string(std::string_view s) { return LinkTag{Bytes(s.begin(), s.end())}; }
};

struct Link {
  AgentPubKey author;
  AnyLinkableHash base;
  AnyLinkableHash target;
  Timestamp timestamp;
  ZomeIndex zome_index;
  LinkType link_type;
  LinkTag tag;
  ActionHash create_link_hash;
  HDK_STRUCT(author, base, target, timestamp, zome_index, link_type, tag, create_link_hash);
};

namespace link_type_filter {
/// (integrity zome, its link types) pairs.
struct Types {
  std::vector<std::pair<ZomeIndex, std::vector<LinkType>>> types;
  HDK_NEWTYPE_VARIANT(Types, types);
};
/// Every link type of these zomes.
struct Dependencies {
  std::vector<ZomeIndex> zomes;
  HDK_NEWTYPE_VARIANT(Dependencies, zomes);
};
}  // namespace link_type_filter
using LinkTypeFilter = std::variant<link_type_filter::Types, link_type_filter::Dependencies>;

struct CreateLinkInput {
  AnyLinkableHash base_address;
  AnyLinkableHash target_address;
  ZomeIndex zome_index;
  LinkType link_type;
  LinkTag tag;
  ChainTopOrdering chain_top_ordering = ChainTopOrdering::Strict;
  HDK_STRUCT(base_address, target_address, zome_index, link_type, tag, chain_top_ordering);
};

/// `get_options` says how the host looks up the CreateLink being deleted.
struct DeleteLinkInput {
  ActionHash address;
  ChainTopOrdering chain_top_ordering = ChainTopOrdering::Strict;
  GetOptions get_options;
  HDK_STRUCT(address, chain_top_ordering, get_options);
};

struct GetLinksInput {
  AnyLinkableHash base_address;
  LinkTypeFilter link_type;
  GetOptions get_options;
  std::optional<LinkTag> tag_prefix;
  std::optional<Timestamp> after;
  std::optional<Timestamp> before;
  std::optional<AgentPubKey> author;
  HDK_STRUCT(base_address, link_type, get_options, tag_prefix, after, before, author);
};

template <class T>
class ExternResult;  // hdk/error.hpp

/// What get_links, get_links_details and count_links read: the links of
/// some types from `base`, narrowed by tag prefix, time and author
/// (holochain_zome_types::query::LinkQuery; count_links' wire input). Built
/// as hdk 0.7 builds it:
///
///   HDK_TRY(auto query, hdk::LinkQuery::try_new(base, LinkTypes::AllPosts));
///   query = query.with_tag_prefix(hdk::LinkTag::from_string("a")).with_author(alice);
///
/// Rust's `.tag_prefix(..)`, `.before(..)`, `.after(..)`, `.author(..)` are
/// `with_*` here: C++ cannot name a method after the field it sets. Note the
/// wire order: `before` then `after`, the reverse of GetLinksInput.
struct LinkQuery {
  AnyLinkableHash base;
  LinkTypeFilter link_type;
  std::optional<LinkTag> tag_prefix;
  std::optional<Timestamp> before;
  std::optional<Timestamp> after;
  std::optional<AgentPubKey> author;
  HDK_STRUCT(base, link_type, tag_prefix, before, after, author);

  /// Every link that `filter` admits from `base` (Rust's `LinkQuery::new`).
  static LinkQuery of(AnyLinkableHash base, LinkTypeFilter filter) {
    return LinkQuery{std::move(base), std::move(filter), {}, {}, {}, {}};
  }
  /// The links of this coordinator's link type `type` (an HDK_LINK_TYPES
  /// enumerator), or of several, from `base`: Rust's `LinkQuery::try_new`.
  /// It fails when the zome has no integrity zome to own the types.
  /// Defined in hdk/api.hpp (it asks zome_info which zome that is).
  template <class LinkTypes>
  static ExternResult<LinkQuery> try_new(const AnyLinkableHash& base, LinkTypes type);
  template <class LinkTypes>
  static ExternResult<LinkQuery> try_new(const AnyLinkableHash& base,
                                         const std::vector<LinkTypes>& types);

  /// Only links whose tag starts with `prefix`.
  LinkQuery with_tag_prefix(LinkTag prefix) const {
    LinkQuery out = *this;
    out.tag_prefix = std::move(prefix);
    return out;
  }
  /// Only links created before `time` (strictly).
  LinkQuery with_before(Timestamp time) const {
    LinkQuery out = *this;
    out.before = time;
    return out;
  }
  /// Only links created at or after `time`.
  LinkQuery with_after(Timestamp time) const {
    LinkQuery out = *this;
    out.after = time;
    return out;
  }
  /// Only links `agent` created.
  LinkQuery with_author(AgentPubKey agent) const {
    LinkQuery out = *this;
    out.author = std::move(agent);
    return out;
  }
};

/// The get_links / get_links_details wire input for `query`, looked up with
/// `strategy` and otherwise the conductor's default options (hdk 0.7's
/// `GetLinksInput::from_query`).
inline GetLinksInput get_links_input_from_query(const LinkQuery& query, GetStrategy strategy) {
  GetOptions options;
  options.strategy = strategy;
  return GetLinksInput{query.base,  query.link_type, options,     query.tag_prefix,
                       query.after, query.before,    query.author};
}

}  // namespace hdk
