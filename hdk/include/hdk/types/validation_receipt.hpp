// get_validation_receipts: which agents validated the ops of an action
// (holochain_zome_types::validate).
#pragma once

#include <string>
#include <vector>

#include "hdk/codec.hpp"
#include "hdk/types/details.hpp"
#include "hdk/types/hash.hpp"

namespace hdk {

struct GetValidationReceiptsInput {
  ActionHash action_hash;
  HDK_STRUCT(action_hash);
};

struct ValidationReceiptInfo {
  ValidationStatus validation_status = ValidationStatus::Valid;
  std::vector<AgentPubKey> validators;
  HDK_STRUCT(validation_status, validators);
};

/// The receipts of one op of the action.
struct ValidationReceiptSet {
  DhtOpHash op_hash;
  std::string op_type;  // a ChainOpType's name
  bool receipts_complete = false;
  std::vector<ValidationReceiptInfo> receipts;
  HDK_STRUCT(op_hash, op_type, receipts_complete, receipts);
};

}  // namespace hdk
