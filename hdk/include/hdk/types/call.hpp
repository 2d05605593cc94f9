// call (zome to zome) and emit_signal (holochain_zome_types::call, ::signal,
// ::zome_io::ZomeCallResponse).
#pragma once

#include <optional>
#include <string>
#include <tuple>

#include "hdk/codec.hpp"
#include "hdk/extern_io.hpp"
#include "hdk/types/hash.hpp"
#include "hdk/types/record.hpp"

namespace hdk {

/// (DnaHash, AgentPubKey) as a serde tuple struct.
using CellId = std::tuple<DnaHash, AgentPubKey>;

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
  std::optional<Bytes> cap_secret;  // CapSecret: 64 bytes as bin
  ExternIO payload;
  HDK_STRUCT(target, zome_name, fn_name, cap_secret, payload);
};

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
struct NetworkError {
  std::string message;
  HDK_NEWTYPE_VARIANT(NetworkError, message);
};
struct CountersigningSession {
  std::string message;
  HDK_NEWTYPE_VARIANT(CountersigningSession, message);
};
}  // namespace zome_call_response
/// Holochain's Unauthorized(..) variant is not modelled: local calls run as the chain author.
using ZomeCallResponse =
    std::variant<zome_call_response::Ok, zome_call_response::AuthenticationFailed,
                 zome_call_response::NetworkError, zome_call_response::CountersigningSession>;

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
