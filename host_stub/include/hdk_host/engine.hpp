// The engine interface: what the host needs from a wasm engine, and nothing
// engine-specific. One implementation per engine under src/engines/.
//
// Conventions for the whole interface:
// - Failures throw hdk_host::Fault (fault.hpp); nothing returns error codes.
// - A Module is immutable after compile and may be shared between threads
//   and instances; an Instance belongs to one thread at a time.
// - Host functions run re-entrantly: inside one, the host may call the
//   instance's allocate/deallocate and read or write its memory.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hdk_host/fault.hpp"

namespace hdk_host {

enum class ValType { I32, I64, F32, F64, V128, Ref };
enum class ExternKind { Func, Memory, Table, Global, Tag };

struct FuncType {
  std::vector<ValType> params;
  std::vector<ValType> results;
  friend bool operator==(const FuncType&, const FuncType&) = default;
};

/// "i32", "function", "(i32, i32) -> i64": how messages and tools name wasm types.
std::string_view to_string(ValType type);
std::string_view to_string(ExternKind kind);
std::string describe(const FuncType& type);

struct ImportDesc {
  std::string module;
  std::string name;
  ExternKind kind = ExternKind::Func;
  FuncType type;  // meaningful for Func
};

struct ExportDesc {
  std::string name;
  ExternKind kind = ExternKind::Func;
  FuncType type;  // meaningful for Func
};

/// Per-instance limits. Zero means "no limit" for budget and deadline. The
/// defaults end a runaway loop within half a minute, as Holochain's
/// metering (100 giga-ops per call) ends it eventually.
struct Limits {
  /// Most pages guest memory may grow to (65536 = the whole 4 GiB).
  std::uint32_t max_memory_pages = 65536;
  /// interp: instructions a single outermost call may run (BudgetExhausted).
  /// 10^9: the deadline, not the budget, is what bounds wall-clock time
  /// (`loop (br 0)` runs 5-16 M counted instructions a second, so 10^9 would
  /// take over a minute and the 30 s deadline ends it first; a loop with a
  /// 200-instruction body runs ~44 M/s and the budget ends it in ~23 s).
  /// Measured as a floor: 1.5 x 10^8 refused an honest 3 MiB echo from an
  /// emscripten zome. Budget and deadline both 0 run unmetered code, ~1.4x faster.
  std::uint64_t instruction_budget = 1'000'000'000;
  /// interp and aot: wall-clock time one outermost call may run
  /// (DeadlineExceeded). wasm-c-api cannot interrupt a call: see docs/engines.md.
  std::chrono::milliseconds deadline{30'000};
  /// wasm-c-api cannot interrupt a call. Set this to false and it refuses a
  /// call under a deadline (EngineUnavailable) instead of letting a runaway
  /// guest hang the caller; true (the default) runs it like every other
  /// engine, with the deadline unkept.
  bool allow_uninterruptible = true;
};

class Instance;

/// A host import of the ABI's one shape, (i32 ptr, i32 len) -> i64. It may
/// throw Fault: the engine turns that into a trap of the running call, and
/// the same Fault (kind and message) comes out of the outer call.
using HostFunction =
    std::function<std::uint64_t(Instance& caller, std::uint32_t ptr, std::uint32_t len)>;

/// The host functions of a module's imports (`[i]` serves `imports()[i]`),
/// bound once per module and shared by all its instances: an instance keeps
/// the pointer, not a copy. What differs per call reaches a host function
/// through Instance::host_data().
using HostFunctionTable = std::shared_ptr<const std::vector<HostFunction>>;

/// A zome function resolved once against its module (Module::resolve_zome_call)
/// and then called on any instance of it: the function and the guest's
/// allocator and deallocator, as indices into Module::exports() and by name.
/// The names view the module's own export list.
struct ZomeCallEntry {
  std::uint32_t function = 0;
  std::uint32_t allocate = 0;
  std::uint32_t deallocate = 0;
  std::string_view function_name;
  std::string_view allocate_name;
  std::string_view deallocate_name;
};

/// Which guest entry of a zome call failed, for messages.
enum class ZomeCallStep { Allocate, Call, Deallocate };

class Instance {
 public:
  virtual ~Instance() = default;

  /// Calls export `name` of type (i32, i32) -> i64 and returns its result.
  /// Throws MissingExport / BadSignature when there is no such function,
  /// Trap, OutOfBounds, MemoryLimit, BudgetExhausted or DeadlineExceeded when
  /// the guest fails, or the Fault a host function threw.
  virtual std::uint64_t call_i64(std::string_view name, std::uint32_t a, std::uint32_t b) = 0;

  /// Calls export `name` of type (i32) -> i32 (the guest allocator).
  virtual std::uint32_t call_i32(std::string_view name, std::uint32_t a) = 0;

  /// Calls export `name` of type (i32, i32) -> () (the guest deallocator).
  virtual void call_void(std::string_view name, std::uint32_t a, std::uint32_t b) = 0;

  /// Calls export `name` of type () -> i32: Holochain's "const functions"
  /// (`__num_entry_types`, `__num_link_types`), read once at install.
  virtual std::uint32_t call_const_i32(std::string_view name) = 0;

  /// The guest's linear memory as it is now. Valid until the next call into
  /// the guest (which may grow and move it). Empty if the module has none.
  virtual std::span<std::uint8_t> memory() = 0;

  /// memory() for reading only. An engine that restores instances from a
  /// snapshot (aot, tcc) counts all of memory() as written by the host, to be
  /// copied back before the instance is used again; this view counts nothing.
  virtual std::span<const std::uint8_t> memory_to_read() { return memory(); }

  /// Bytes [offset, offset + len) of memory() for the host to write; empty
  /// when they lie outside it. Only this range counts as written.
  virtual std::span<std::uint8_t> memory_to_write(std::uint32_t offset, std::uint32_t len) {
    const std::span<std::uint8_t> all = memory();
    if (static_cast<std::uint64_t>(offset) + len > all.size()) return {};
    return all.subspan(offset, len);
  }

  /// One whole zome call, as Holochain's host makes it: allocate the input
  /// through the guest's allocator, copy it in, call, bounds-check the region
  /// the function returns, copy it into `result`, free it. Throws the Faults
  /// of the calls above, AllocationFailed when the allocator returns 0, and
  /// OutOfBounds for a region outside guest memory (guest_transfer.hpp words
  /// them). The default makes three guest entries; an engine that can do the
  /// whole sequence in one entry (one trap frame, one limit setup) overrides it.
  virtual void zome_call(const ZomeCallEntry& entry, std::span<const std::uint8_t> input,
                         std::vector<std::uint8_t>& result);

 protected:
  /// The default zome_call's three guest entries, by their index in
  /// Module::exports() (resolved and type-checked once, by resolve_zome_call)
  /// and by name for the engines that only call by name (the defaults).
  virtual std::uint32_t call_export_i32(std::uint32_t /*index*/, std::string_view name,
                                        std::uint32_t a) {
    return call_i32(name, a);
  }
  virtual std::uint64_t call_export_i64(std::uint32_t /*index*/, std::string_view name,
                                        std::uint32_t a, std::uint32_t b) {
    return call_i64(name, a, b);
  }
  virtual void call_export_void(std::uint32_t /*index*/, std::string_view name, std::uint32_t a,
                                std::uint32_t b) {
    call_void(name, a, b);
  }

 public:
  /// What the host attached to this instance (its per-call state), for the
  /// host functions of a shared HostFunctionTable.
  void* host_data() const { return host_data_; }
  void set_host_data(void* data) { host_data_ = data; }

 private:
  void* host_data_ = nullptr;
};

class Module {
 public:
  virtual ~Module() = default;
  virtual const std::vector<ImportDesc>& imports() const = 0;
  virtual const std::vector<ExportDesc>& exports() const = 0;

  /// A fresh instance. `(*host_functions)[i]` serves `imports()[i]` (null:
  /// no host functions); every import must be a function and have one
  /// (UnknownImport otherwise).
  /// Throws Trap if the start function or data segments fail.
  virtual std::unique_ptr<Instance> instantiate(HostFunctionTable host_functions,
                                                const Limits& limits) = 0;
  /// The same with a table of its own (tests, tools: one instance per table).
  std::unique_ptr<Instance> instantiate(std::vector<HostFunction> host_functions,
                                        const Limits& limits) {
    return instantiate(std::make_shared<const std::vector<HostFunction>>(std::move(host_functions)),
                       limits);
  }

  /// Export `function`, which must be of type (i32, i32) -> i64, with the
  /// ABI's allocator and deallocator, resolved once for calls on any
  /// instance. Throws MissingExport or BadSignature in every engine's words,
  /// naming `label`.
  ZomeCallEntry resolve_zome_call(std::string_view function, std::string_view label) const;

  /// How compile() produced this module, for timing reports: "compiled" by
  /// default; an engine with a disk cache says "file cache" on a hit.
  virtual std::string_view origin() const { return "compiled"; }
};

class Engine {
 public:
  virtual ~Engine() = default;
  /// "interp", "tcc", "aot", "wasm-c-api", "tiered".
  virtual std::string_view name() const = 0;
  /// Compiles (or loads from its cache) `wasm`. `label` names the module in
  /// messages. Throws InvalidModule for bytes that are not valid wasm,
  /// Compile or EngineUnavailable when the engine cannot build it.
  virtual std::shared_ptr<Module> compile(std::span<const std::uint8_t> wasm,
                                          std::string_view label) = 0;
};

/// Engine factories. Each throws EngineUnavailable when it cannot run here.
std::unique_ptr<Engine> make_interp_engine();
struct AotOptions {
  /// Where compiled objects are cached; empty: $HDK_CACHE_DIR or
  /// $XDG_CACHE_HOME/hdk-cpp or ~/.cache/hdk-cpp.
  std::string cache_dir;
  /// The C compiler; empty: $CC or "cc".
  std::string compiler;
};
std::unique_ptr<Engine> make_aot_engine(const AotOptions& options = {});
/// The baseline compiler: the same C as aot's, compiled by libtcc into memory
/// in milliseconds (code ~2.5x slower than aot's). Uses options.cache_dir
/// (for the C), not options.compiler.
std::unique_ptr<Engine> make_tcc_engine(const AotOptions& options = {});
std::unique_ptr<Engine> make_wasm_c_api_engine();

/// Engine names this machine can construct (wasm-c-api only when its library
/// loads, tcc only where libtcc is), in the order tests and benchmarks show them.
std::vector<std::string> available_engines();
/// Constructs an engine by name; throws EngineUnavailable for others.
std::unique_ptr<Engine> make_engine(std::string_view name);

}  // namespace hdk_host
