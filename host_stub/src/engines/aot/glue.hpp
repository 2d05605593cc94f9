// The C side of the aot engine: the text compiled next to wasm2c's output,
// and the C++ view of the functions it exports to the host.
//
// A compiled module is one shared object holding
// - wasm2c's translation of the module (m.c, m.h; module name "m"),
// - wabt's runtime (wasm-rt-impl.c, compiled once per toolchain and cached),
// - the glue generated here: import definitions, export table, and the
//   trampolines every call from the host goes through.
// Everything is hidden except the hdk_aot_* functions bound in GlueApi.
//
// Per-instance state (hdk_aot_state) sits in front of wasm2c's instance struct
// in one allocation, so code that only has wasm2c's `instance` pointer finds it
// at a fixed offset. The prelude, force-included before wasm2c's output, uses
// that to hook three things without editing the generated code:
// - wasm2c's function prologue (`++wasm_rt_call_stack_depth >
//   WASM_RT_MAX_CALL_STACK_DEPTH`) becomes a native stack check plus a fuel
//   tick that looks at the clock every kFuelSlice ticks (the deadline);
// - wasm_rt_allocate_memory gets the instance's page limit as its maximum.
// The depth counter of wasm-rt-impl is a process-wide global, which is why it
// is replaced: instances on different threads would share it.
//
// Traps: wasm-rt-impl is built with WASM_RT_TRAP_HANDLER=hdk_aot_trap, which
// longjmp()s to the innermost trampoline of the calling thread (a thread-local
// jmp_buf pointer, not wasm-rt-impl's global one). Only C frames lie between:
// host functions are called through a dispatcher that catches everything.
// Memory accesses are bounds-checked in code (WASM_RT_MEMCHECK_SIGNAL_HANDLER
// = 0): the guard-page scheme installs one process-wide SIGSEGV handler per
// copy of the runtime, and every loaded module has its own copy.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "hdk_host/module_info.hpp"

namespace hdk_host::aot {

/// Bump whenever the glue's generated parts or the functions below change: it
/// is part of every cache key, and a loaded object must report it.
inline constexpr std::uint32_t kGlueVersion = 7;

/// The module name given to wasm2c (-n): symbols are Z_m_..., Z_mZ_...
inline constexpr std::string_view kModuleName = "m";

/// Ticks (function entries and loop iterations) between two looks at the clock.
inline constexpr std::uint64_t kFuelSlice = 1u << 14;

/// What a trampoline returns: 0, a wasm_rt_trap_t (asserted equal to these in
/// the generated C), or one of the glue's own reasons.
enum class TrapCode : int {
  None = 0,
  OutOfBounds = 1,
  IntOverflow = 2,
  DivByZero = 3,
  InvalidConversion = 4,
  Unreachable = 5,
  CallIndirect = 6,
  UncaughtException = 7,
  Exhaustion = 8,
  HostFault = 100,          // a host function failed; the host holds its Fault
  Deadline = 101,           // the call ran past its deadline
  MemoryLimit = 102,        // initial memory over the limit, or not allocatable
  UnsupportedImport = 103,  // a stub for an import the host does not serve ran
  // The zome call trampoline's own failures (ZomeCallStatus says more):
  AllocationFailed = 104,   // the guest allocator returned 0 for the input
  InputOutOfBounds = 105,   // it returned a region outside guest memory
  ResultOutOfBounds = 106,  // the function returned one
};

/// What the zome call trampoline reports beside its TrapCode; the C side's
/// hdk_aot_zome_call_status, field for field.
struct ZomeCallStatus {
  std::uint32_t step = 0;  // 0 allocate, 1 the function, 2 deallocate
  std::uint32_t ptr = 0;
  std::uint32_t len = 0;
  std::uint64_t memory_size = 0;
};

/// wasm2c 1.0.32's name mangling: letters, digits (but 'Z') and '_' stay,
/// every other byte becomes 'Z' and two uppercase hex digits.
std::string mangle(std::string_view name);

/// hdk_aot_prelude.h: force-included (-include) into wasm2c's output and the glue.
std::string_view prelude_header();
inline constexpr std::string_view kPreludeFile = "hdk_aot_prelude.h";

/// hdk_aot_runtime.h: force-included into wasm-rt-impl.c.
std::string_view runtime_header();
inline constexpr std::string_view kRuntimeHeaderFile = "hdk_aot_runtime.h";

/// Preprocessor flags for wasm-rt-impl.c and for the module's own sources.
inline constexpr std::string_view kRuntimeDefines[] = {"-DWASM_RT_MEMCHECK_SIGNAL_HANDLER=0",
                                                       "-DWASM_RT_USE_STACK_DEPTH_COUNT=0",
                                                       "-DWASM_RT_TRAP_HANDLER=hdk_aot_trap"};
inline constexpr std::string_view kModuleDefines[] = {"-DWASM_RT_MEMCHECK_SIGNAL_HANDLER=0",
                                                      "-DWASM_RT_USE_STACK_DEPTH_COUNT=1"};

/// Every fixed piece of C text above and in the glue, and the constants
/// written into it: part of the cache key, so editing them rebuilds objects.
std::string glue_identity();

/// wasm2c's .c for a module with `header`, its stores and bulk-memory helpers
/// made to mark the blocks of memory they write (the snapshot restore copies
/// back only those). Throws Fault(Compile) when the text is not as wabt
/// 1.0.32 writes it.
std::string track_memory_writes(std::string_view module_c, std::string_view header,
                                std::string_view label);

/// The glue for a module, given its imports/exports and the header wasm2c
/// wrote for it (named `header_file`). Throws Fault(Compile) when the header
/// does not declare what this wasm2c version is known to declare.
std::string generate_glue(const ModuleInfo& info, std::string_view header,
                          std::string_view header_file, std::string_view label);

/// The functions a compiled module exports, as the host calls them.
struct GlueApi {
  using GuestFn = void (*)();
  using DispatchFn = std::uint64_t (*)(void* host, std::uint32_t import_index, std::uint32_t ptr,
                                       std::uint32_t len, int* failed);

  /// Initialises the module once per load; returns kGlueVersion as built.
  std::uint32_t (*init)();
  /// Frees what init allocated (wasm2c's function-type registry, which lives
  /// in the loaded code's own copy of wasm-rt-impl.c), before it is unloaded.
  void (*fini)();
  /// The module's imports and exports (module_description.hpp).
  const char* (*module_info)();
  std::uint32_t (*import_count)();
  std::uint32_t (*export_count)();
  /// Export i (module order) if it is a function, else null.
  GuestFn (*export_function)(std::uint32_t index);

  /// An uninstantiated instance; null when out of memory.
  void* (*create)(void* host, DispatchFn dispatch, std::uint32_t max_pages);
  void (*destroy)(void* instance);
  /// The instance's memory and its size in bytes; null when it has none.
  std::uint8_t* (*memory)(void* instance, std::uint64_t* size);
  /// The host wrote [offset, offset + len) of it: a restore must copy that back.
  void (*memory_written)(void* instance, std::uint64_t offset, std::uint64_t len);

  // Snapshots. `snapshot_take` images an instantiated instance (its globals,
  // memory and tables); `restore` makes an instance from `create`, or one
  // that was restored and used before, equal to that image again, bound to a
  // new host, copying back only the memory written since its last restore.
  // restore returns 0, or MemoryLimit when the image is over `max_pages` or
  // memory runs out (the instance can then only be destroyed).
  int (*snapshot_supported)();
  void* (*snapshot_take)(void* instance);
  void (*snapshot_free)(void* snapshot);
  int (*restore)(void* instance, const void* snapshot, void* host, DispatchFn dispatch,
                 std::uint32_t max_pages);

  // Trampolines: return a TrapCode. `stack_floor` and `deadline_ns`
  // (CLOCK_MONOTONIC, 0 = none) apply when no call of the instance is running.
  int (*instantiate)(void* instance, std::uintptr_t stack_floor, std::uint64_t deadline_ns);
  int (*call_ii_j)(void* instance, GuestFn fn, std::uint32_t a, std::uint32_t b,
                   std::uint64_t* result, std::uintptr_t stack_floor, std::uint64_t deadline_ns);
  int (*call_i_i)(void* instance, GuestFn fn, std::uint32_t a, std::uint32_t* result,
                  std::uintptr_t stack_floor, std::uint64_t deadline_ns);
  int (*call_ii_v)(void* instance, GuestFn fn, std::uint32_t a, std::uint32_t b,
                   std::uintptr_t stack_floor, std::uint64_t deadline_ns);
  int (*call_v_i)(void* instance, GuestFn fn, std::uint32_t* result, std::uintptr_t stack_floor,
                  std::uint64_t deadline_ns);
  /// A whole zome call (engine.hpp's Instance::zome_call) in one guest entry.
  /// `reserve(sink, len)` returns where the result's len bytes go, or null
  /// when it cannot (the host keeps why; the code is then HostFault).
  using ReserveFn = std::uint8_t* (*)(void* sink, std::uint32_t len);
  int (*zome_call)(void* instance, GuestFn allocate, GuestFn fn, GuestFn deallocate,
                   const std::uint8_t* input, std::uint32_t len, ReserveFn reserve, void* sink,
                   ZomeCallStatus* status, std::uintptr_t stack_floor, std::uint64_t deadline_ns);
};

}  // namespace hdk_host::aot
