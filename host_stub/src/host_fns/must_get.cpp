// hdi's validation-time reads: must_get_entry, must_get_action,
// must_get_valid_record. What a conductor cannot find ends init or validate
// with UnresolvedDependencies (a short circuit) and fails a zome call.
#include "hdk_host/host_functions.hpp"
#include "world_access.hpp"

namespace hdk_host::host_fns {
namespace {

template <class Answer, class Missing>
std::vector<std::uint8_t> unresolved(const hdk::AnyDhtHash& hash) {
  const Answer answer = Missing{hdk::unresolved_dependencies::Hashes{{hash}}};
  return hdk::encode_to_vector(hdk::ExternResult<hdk::ExternIO>(hdk::ExternIO::from(answer)));
}

/// The answer for a hash nobody wrote, by what the conductor is running.
template <class T>
hdk::ExternResult<T> not_found(const world::CallEnv& env, const hdk::AnyDhtHash& hash,
                               const std::string& what) {
  using Role = world::CallEnv::Role;
  if (env.role == Role::Validate)
    throw ShortCircuit{unresolved<hdk::ValidateCallbackResult,
                                  hdk::validate_callback_result::UnresolvedDependencies>(hash)};
  if (env.role == Role::Init)
    throw ShortCircuit{
        unresolved<hdk::InitCallbackResult, hdk::init_callback_result::UnresolvedDependencies>(
            hash)};
  return host_error("Failed to get " + what + " " + hdk::to_b64(hash));
}

}  // namespace

hdk::ExternResult<hdk::EntryHashed> must_get_entry_1(CallContext& context,
                                                     const hdk::MustGetEntryInput& input) {
  hdk::WasmError error;
  world::CallEnv* env = world_of(context, "must_get_entry", error);
  if (!env) return error;
  // Any action that wrote the entry will do, deleted or not.
  const hdk::Record* record = env->find_entry_record(input.hash);
  const hdk::Entry* entry = record ? record->entry_if_present() : nullptr;
  if (!entry) return not_found<hdk::EntryHashed>(*env, hdk::to_any_dht(input.hash), "EntryHashed");
  return hdk::EntryHashed{*entry, input.hash};
}

hdk::ExternResult<hdk::SignedActionHashed> must_get_action_1(CallContext& context,
                                                             const hdk::MustGetActionInput& input) {
  hdk::WasmError error;
  world::CallEnv* env = world_of(context, "must_get_action", error);
  if (!env) return error;
  const hdk::Record* record = env->find_record(input.hash);
  if (!record)
    return not_found<hdk::SignedActionHashed>(*env, hdk::to_any_dht(input.hash),
                                              "SignedActionHashed");
  return record->signed_action;
}

hdk::ExternResult<hdk::Record> must_get_valid_record_1(CallContext& context,
                                                       const hdk::MustGetValidRecordInput& input) {
  hdk::WasmError error;
  world::CallEnv* env = world_of(context, "must_get_valid_record", error);
  if (!env) return error;
  // The stub commits only records that validated, so any it holds is Valid.
  const hdk::Record* record = env->find_record(input.hash);
  if (!record) return not_found<hdk::Record>(*env, hdk::to_any_dht(input.hash), "Record");
  // Assigned in place: GCC 12 warns (falsely) of an uninitialized variant
  // when a Record is copied straight into the result.
  hdk::ExternResult<hdk::Record> out{hdk::Record{}};
  out.value() = *record;
  return out;
}

}  // namespace hdk_host::host_fns
