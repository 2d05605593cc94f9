// Capabilities (holochain_integrity_types::capability): who may call which
// zome functions. A grant or claim is also an entry (Entry::CapGrant,
// Entry::CapClaim), and CallInfo names the grant a call runs under.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "hdk/codec.hpp"
#include "hdk/types/hash.hpp"

namespace hdk {

/// A capability secret: 64 bytes, serialized as bin (secure_primitive!).
struct CapSecret {
  Bytes bytes;
  HDK_NEWTYPE(bytes);
  friend bool operator==(const CapSecret& a, const CapSecret& b) { return a.bytes == b.bytes; }
};

/// #[serde(tag = "type", content = "value", rename_all = "snake_case")]:
/// {"type": "unrestricted"} or {"type": "transferable", "value": {"secret": ..}}.
namespace cap_access {
struct Unrestricted {
  HDK_UNIT_VARIANT(unrestricted);
};
struct Transferable {
  CapSecret secret;
  HDK_STRUCT_VARIANT(transferable, secret);
};
struct Assigned {
  CapSecret secret;
  std::vector<AgentPubKey> assignees;  // a BTreeSet upstream: keep it sorted
  HDK_STRUCT_VARIANT(assigned, secret, assignees);
};
}  // namespace cap_access
struct CapAccess
    : TaggedVariant<cap_access::Unrestricted, cap_access::Transferable, cap_access::Assigned> {
  using TaggedVariant::TaggedVariant;
  HDK_ADJACENTLY_TAGGED("type", "value");
};

/// (zome name, function name).
using GrantedFunction = std::pair<std::string, std::string>;

namespace granted_functions {
struct All {
  HDK_UNIT_VARIANT(all);
};
/// A HashSet upstream, so a conductor writes it in no particular order.
struct Listed {
  std::vector<GrantedFunction> functions;
  HDK_NEWTYPE_VARIANT(listed, functions);
};
}  // namespace granted_functions
struct GrantedFunctions : TaggedVariant<granted_functions::All, granted_functions::Listed> {
  using TaggedVariant::TaggedVariant;
  HDK_ADJACENTLY_TAGGED("type", "value");
};

/// A grant to other agents; as an entry, a CapGrant entry.
struct ZomeCallCapGrant {
  std::string tag;
  CapAccess access = cap_access::Unrestricted{};
  GrantedFunctions functions = granted_functions::All{};
  HDK_STRUCT(tag, access, functions);
};

/// A secret someone granted this agent; as an entry, a CapClaim entry.
struct CapClaim {
  std::string tag;
  AgentPubKey grantor;
  CapSecret secret;
  HDK_STRUCT(tag, grantor, secret);
};

/// The grant a zome call runs under (CallInfo::cap_grant).
namespace cap_grant {
/// The cell's own agent calls: everything is allowed.
struct ChainAuthor {
  AgentPubKey agent;
  HDK_NEWTYPE_VARIANT(ChainAuthor, agent);
};
struct RemoteAgent {
  ZomeCallCapGrant grant;
  HDK_NEWTYPE_VARIANT(RemoteAgent, grant);
};
}  // namespace cap_grant
using CapGrant = std::variant<cap_grant::ChainAuthor, cap_grant::RemoteAgent>;

}  // namespace hdk
