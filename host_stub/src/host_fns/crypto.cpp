// Host functions over keys: sign, verify_signature.
#include "hdk_host/host_functions.hpp"
#include "world_access.hpp"

namespace hdk_host::host_fns {

hdk::ExternResult<hdk::Signature> sign_1(CallContext& context, const hdk::Sign& input) {
  hdk::WasmError error;
  world::CallEnv* env = world_of(context, "sign", error);
  if (!env) return error;
  // The keystore holds only this cell's agent key.
  if (!(input.key == env->cell().keys.agent))
    return host_error("sign: the keystore has no private key for that agent");
  return world::sign(env->cell().keys, input.data);
}

hdk::ExternResult<bool> verify_signature_1(CallContext&, const hdk::VerifySignature& input) {
  return world::verify(input.key, input.signature, input.data);
}

}  // namespace hdk_host::host_fns
