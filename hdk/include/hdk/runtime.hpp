// The pieces of the C and C++ runtime that would otherwise pull imports a
// Holochain conductor does not provide (it has no WASI and no Emscripten JS).
// Weak definitions: one per zome whichever translation units include this.
#pragma once

#if defined(__wasm__)

#include <wasi/api.h>
#include <cstddef>
#include <cstdint>

extern "C" {

// libc++ and libc++abi reach stdio (abort messages, assert, string errors);
// the bytes have nowhere to go, so writes report success and are dropped.
__attribute__((weak)) __wasi_errno_t __wasi_fd_write(__wasi_fd_t, const __wasi_ciovec_t* iovs,
                                                     size_t iovs_len, __wasi_size_t* written) {
  __wasi_size_t total = 0;
  for (size_t i = 0; i < iovs_len; ++i) total += static_cast<__wasi_size_t>(iovs[i].buf_len);
  *written = total;
  return __WASI_ERRNO_SUCCESS;
}
__attribute__((weak)) __wasi_errno_t __wasi_fd_close(__wasi_fd_t) { return __WASI_ERRNO_SUCCESS; }
__attribute__((weak)) __wasi_errno_t __wasi_fd_seek(__wasi_fd_t, __wasi_filedelta_t,
                                                    __wasi_whence_t, __wasi_filesize_t*) {
  return __WASI_ERRNO_SPIPE;
}
// exit() and abort() paths end the call the only way a guest can: a trap.
__attribute__((weak, noreturn)) void __wasi_proc_exit(__wasi_exitcode_t) { __builtin_trap(); }

// Zomes build without exceptions, but msgpack-cxx still contains throws on
// paths the HDK guards against (it checks before converting). Should one be
// reached anyway, the call traps: the host reports a guest trap.
__attribute__((weak)) void* __cxa_allocate_exception(size_t) { __builtin_trap(); }
__attribute__((weak, noreturn)) void __cxa_throw(void*, void*, void (*)(void*)) {
  __builtin_trap();
}

#if defined(__EMSCRIPTEN__)
// Emscripten's allocator tells its JS runtime about growth; there is none.
__attribute__((weak)) void emscripten_notify_memory_growth(size_t) {}
#endif

// Static constructors, run by the HDK itself: Holochain never calls
// `_initialize`, so zomes link without start files and every entry point
// runs this first.
void __wasm_call_ctors(void);
}

namespace hdk::runtime {
inline void ensure_initialized() {
  static bool initialized = false;
  if (!initialized) {
    initialized = true;
    __wasm_call_ctors();
  }
}
}  // namespace hdk::runtime

#else

namespace hdk::runtime {
// Natively the loader runs static constructors.
inline void ensure_initialized() {}
}  // namespace hdk::runtime

#endif
