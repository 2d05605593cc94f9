// The host functions of the release that the host stub links but does not
// implement: each answers Err(Host) naming itself (unprovided_host_fn_error),
// as a module that imports but never calls them expects nothing of them.
// Implementing one moves it from this list to its own file.
#include "hdk_host/host_functions.hpp"

namespace hdk_host::host_fns {
// One line per host function the stub lacks.
#define HDK_STUB_LACKS_ALL(X)                                       \
  /* issue-sized pieces of Holochain the stub does not model yet */ \
  X(close_chain, 1)                                                 \
  X(open_chain, 1)                                                  \
  X(get_validation_receipts, 1)                                     \
  X(sign_ephemeral, 1)                                              \
  X(create_x25519_keypair, 1)                                       \
  X(x_salsa20_poly1305_shared_secret_create_random, 1)              \
  X(x_salsa20_poly1305_shared_secret_export, 1)                     \
  X(x_salsa20_poly1305_shared_secret_ingest, 1)                     \
  X(x_salsa20_poly1305_encrypt, 1)                                  \
  X(x_salsa20_poly1305_decrypt, 1)                                  \
  X(x_25519_x_salsa20_poly1305_encrypt, 1)                          \
  X(x_25519_x_salsa20_poly1305_decrypt, 1)                          \
  X(ed_25519_x_salsa20_poly1305_encrypt, 1)                         \
  X(ed_25519_x_salsa20_poly1305_decrypt, 1)                         \
  X(create_clone_cell, 1)                                           \
  X(disable_clone_cell, 1)                                          \
  X(enable_clone_cell, 1)                                           \
  X(delete_clone_cell, 1)                                           \
  /* unimplemented in Holochain itself (a call panics there) */     \
  X(capability_claims, 1)                                           \
  X(capability_grants, 1)                                           \
  X(capability_info, 1)

#define HDK_STUB_LACKS(name, version)                                          \
  hdk::ExternResult<host_fn_types::name##_##version::Output> name##_##version( \
      CallContext&, const host_fn_types::name##_##version::Input&) {           \
    return unprovided_host_fn_error("__hc__" #name "_" #version);              \
  }
HDK_STUB_LACKS_ALL(HDK_STUB_LACKS)
#undef HDK_STUB_LACKS

}  // namespace hdk_host::host_fns

namespace hdk_host {

bool stub_implements(HostFnId id) {
  switch (id) {
#define HDK_STUB_LACKS(name, version) case HostFnId::name##_##version:
    HDK_STUB_LACKS_ALL(HDK_STUB_LACKS)
#undef HDK_STUB_LACKS
    return false;
    default:
      return true;
  }
}

}  // namespace hdk_host
