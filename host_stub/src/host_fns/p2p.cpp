// Host functions that talk beyond the zome: emit_signal, send_remote_signal, call.
#include "hdk_host/host.hpp"
#include "hdk_host/host_functions.hpp"
#include "world_access.hpp"

namespace hdk_host::host_fns {

hdk::ExternResult<hdk::Unit> emit_signal_1(CallContext& context, const hdk::AppSignal& signal) {
  hdk::WasmError error;
  world::CallEnv* env = world_of(context, "emit_signal", error);
  if (!env) return error;
  env->signals.push_back(signal.payload.bytes);
  return hdk::Unit{};
}

hdk::ExternResult<hdk::Unit> send_remote_signal_1(CallContext& context,
                                                  const hdk::RemoteSignal& signal) {
  hdk::WasmError error;
  world::CallEnv* env = world_of(context, "send_remote_signal", error);
  if (!env) return error;
  // The zome sending is the zome receiving, as in Holochain.
  for (const auto& agent : signal.agents)
    env->remote_signals.push_back(
        {context.zome, env->cell().keys.agent, agent, signal.signal.bytes});
  return hdk::Unit{};
}

hdk::ExternResult<std::vector<hdk::ZomeCallResponse>> call_1(CallContext& context,
                                                             const std::vector<hdk::Call>& calls) {
  hdk::WasmError error;
  world::CallEnv* env = writable_world_of(context, "call", error);
  if (!env) return error;
  if (!env->call_zome) return host_error("call: this cell cannot run zome calls");
  std::vector<hdk::ZomeCallResponse> out;
  for (const auto& c : calls) {
    const auto* cell = std::get_if<hdk::call_target::ConductorCell>(&c.target);
    if (!cell || !std::holds_alternative<hdk::call_target_cell::Local>(cell->cell)) {
      out.push_back(hdk::zome_call_response::NetworkError{
          "the host stub runs calls within the same cell only"});
      continue;
    }
    const auto input = hdk::encode_to_vector(c.payload);
    const CallResult result = env->call_zome(c.zome_name, c.fn_name, input);
    // A failed local call fails the caller too, as Holochain's `call` host function does.
    if (!result.ok())
      return host_error("call " + c.zome_name + "." + c.fn_name + ": " + result.describe());
    out.push_back(hdk::zome_call_response::Ok{
        hdk::ExternIO{hdk::Bytes(result.output().begin(), result.output().end())}});
  }
  return out;
}

}  // namespace hdk_host::host_fns
