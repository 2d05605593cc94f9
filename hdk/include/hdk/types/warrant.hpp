// Warrants: one agent's signed proof that another broke the rules
// (holochain_zome_types::warrant). get_agent_activity answers them.
#pragma once

#include <cstdint>
#include <string>
#include <utility>

#include "hdk/codec.hpp"
#include "hdk/types/hash.hpp"
#include "hdk/types/record.hpp"
#include "hdk/types/timestamp.hpp"

namespace hdk {

/// The kinds of op a record produces (holochain_zome_types::op::ChainOpType).
enum class ChainOpType {
  CreateRecord,
  CreateEntry,
  AgentActivity,
  UpdateEntry,
  UpdateRecord,
  DeleteRecord,
  DeleteEntry,
  CreateLink,
  DeleteLink
};
HDK_ENUM(ChainOpType, CreateRecord, CreateEntry, AgentActivity, UpdateEntry, UpdateRecord,
         DeleteRecord, DeleteEntry, CreateLink, DeleteLink);

/// An action's hash and its author's signature of it.
using ActionHashAndSig = std::pair<ActionHash, Signature>;

namespace chain_integrity_warrant {
/// The author wrote an action that fails validation as `chain_op_type`.
struct InvalidChainOp {
  AgentPubKey action_author;
  ActionHashAndSig action;
  ChainOpType chain_op_type = ChainOpType::CreateRecord;
  std::string reason;  // for people; not part of the warrant's identity
  HDK_STRUCT_VARIANT(InvalidChainOp, action_author, action, chain_op_type, reason);
};
/// Two actions at the same seq: the chain forked.
struct ChainFork {
  AgentPubKey chain_author;
  std::pair<ActionHashAndSig, ActionHashAndSig> action_pair;
  std::uint32_t seq = 0;
  HDK_STRUCT_VARIANT(ChainFork, chain_author, action_pair, seq);
};
}  // namespace chain_integrity_warrant
using ChainIntegrityWarrant =
    std::variant<chain_integrity_warrant::InvalidChainOp, chain_integrity_warrant::ChainFork>;

namespace warrant_proof {
struct ChainIntegrity {
  ChainIntegrityWarrant warrant;
  HDK_NEWTYPE_VARIANT(ChainIntegrity, warrant);
};
}  // namespace warrant_proof
using WarrantProof = std::variant<warrant_proof::ChainIntegrity>;

struct Warrant {
  WarrantProof proof;
  AgentPubKey author;  // who issues the warrant
  Timestamp timestamp;
  AgentPubKey warrantee;  // who it is against
  HDK_STRUCT(proof, author, timestamp, warrantee);
};

using SignedWarrant = Signed<Warrant>;

}  // namespace hdk
