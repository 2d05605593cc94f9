// Host functions over hashes and keys: hash, sign, verify_signature.
#include <sodium.h>

#include "hdk_host/host_functions.hpp"
#include "world_access.hpp"

namespace hdk_host::host_fns {

hdk::ExternResult<hdk::HashOutput> hash_1(CallContext&, const hdk::HashInput& input) {
  if (const auto* e = std::get_if<hdk::hash_input::Entry>(&input))
    return hdk::HashOutput{hdk::hash_output::Entry{world::hash_entry(e->entry)}};
  if (const auto* a = std::get_if<hdk::hash_input::Action>(&input))
    return hdk::HashOutput{hdk::hash_output::Action{world::hash_action(a->action)}};
  const auto& b = std::get<hdk::hash_input::Blake2B>(input);
  if (b.length < crypto_generichash_BYTES_MIN || b.length > crypto_generichash_BYTES_MAX)
    return host_error("hash: blake2b output length must be 16..64 bytes");
  if (sodium_init() < 0) return host_error("libsodium failed to initialise");
  hdk::Bytes out(b.length);
  crypto_generichash(out.data(), out.size(), b.bytes.data(), b.bytes.size(), nullptr, 0);
  return hdk::HashOutput{hdk::hash_output::Blake2B{std::move(out)}};
}

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
