// call (zome to zome) and emit_signal (holochain_zome_types::call, ::signal,
// ::zome_io::ZomeCallResponse).
#pragma once

#include <optional>
#include <string>
#include <tuple>

#include "hdk/codec.hpp"
#include "hdk/extern_io.hpp"
#include "hdk/types/capability.hpp"
#include "hdk/types/clone.hpp"
#include "hdk/types/hash.hpp"
#include "hdk/types/record.hpp"

namespace hdk {

namespace call_target_cell {
struct OtherCell {
  CellId cell;
  HDK_NEWTYPE_VARIANT(OtherCell, cell);
};
struct OtherRole {
  std::string role;
  HDK_NEWTYPE_VARIANT(OtherRole, role);
};
struct Local {
  HDK_UNIT_VARIANT(Local);
};
}  // namespace call_target_cell
using CallTargetCell =
    std::variant<call_target_cell::OtherCell, call_target_cell::OtherRole, call_target_cell::Local>;

namespace call_target {
struct NetworkAgent {
  AgentPubKey agent;
  HDK_NEWTYPE_VARIANT(NetworkAgent, agent);
};
struct ConductorCell {
  CallTargetCell cell;
  HDK_NEWTYPE_VARIANT(ConductorCell, cell);
};
}  // namespace call_target
using CallTarget = std::variant<call_target::NetworkAgent, call_target::ConductorCell>;

struct Call {
  CallTarget target = call_target::ConductorCell{call_target_cell::Local{}};
  std::string zome_name;
  std::string fn_name;
  std::optional<CapSecret> cap_secret;
  ExternIO payload;
  HDK_STRUCT(target, zome_name, fn_name, cap_secret, payload);
};

/// Why a zome call was refused (holochain_zome_types::zome_io).
namespace zome_call_authorization {
struct Authorized {
  HDK_UNIT_VARIANT(Authorized);
};
struct BadCapGrant {
  HDK_UNIT_VARIANT(BadCapGrant);
};
struct BadNonce {
  std::string message;
  HDK_NEWTYPE_VARIANT(BadNonce, message);
};
struct BlockedProvenance {
  HDK_UNIT_VARIANT(BlockedProvenance);
};
}  // namespace zome_call_authorization
using ZomeCallAuthorization =
    std::variant<zome_call_authorization::Authorized, zome_call_authorization::BadCapGrant,
                 zome_call_authorization::BadNonce, zome_call_authorization::BlockedProvenance>;

namespace zome_call_response {
struct Ok {
  ExternIO output;
  HDK_NEWTYPE_VARIANT(Ok, output);
};
struct AuthenticationFailed {
  Signature signature;
  AgentPubKey agent;
  HDK_TUPLE_VARIANT(AuthenticationFailed, signature, agent);
};
/// The callee's grants do not cover this call.
struct Unauthorized {
  ZomeCallAuthorization why;
  std::optional<CapSecret> cap_secret;
  std::string zome_name;
  std::string fn_name;
  HDK_TUPLE_VARIANT(Unauthorized, why, cap_secret, zome_name, fn_name);
};
struct NetworkError {
  std::string message;
  HDK_NEWTYPE_VARIANT(NetworkError, message);
};
struct CountersigningSession {
  std::string message;
  HDK_NEWTYPE_VARIANT(CountersigningSession, message);
};
}  // namespace zome_call_response
/// Variants in Holochain's order.
using ZomeCallResponse =
    std::variant<zome_call_response::Ok, zome_call_response::AuthenticationFailed,
                 zome_call_response::Unauthorized, zome_call_response::NetworkError,
                 zome_call_response::CountersigningSession>;

/// emit_signal's input: #[serde(transparent)] over ExternIO, so a bin.
struct AppSignal {
  ExternIO payload;
  HDK_NEWTYPE(payload);
};

/// send_remote_signal's input: the signal goes to each agent's cell of this
/// DNA as a call of this zome's `recv_remote_signal` with `signal` as payload.
struct RemoteSignal {
  std::vector<AgentPubKey> agents;
  ExternIO signal;
  HDK_STRUCT(agents, signal);
};

}  // namespace hdk
