// aot and tcc: modules translated to C by wasm2c (wabt's C writer, in this
// process), compiled by a C compiler, and called through the glue. The two
// engines differ only in their back-end (aot/code_store.hpp):
// - aot: the system C compiler (cc -O2 -fPIC -shared) builds a shared object
//   with wabt's runtime compiled once per toolchain (toolchain), stored under
//   a key (object_store) and dlopen()ed (library);
// - tcc: libtcc compiles the same C into this process's memory in tens of
//   milliseconds, code that runs ~2.5x slower than cc -O2's (tcc_compiler);
//   the C is kept on disk, the code in memory (tcc_store).
// Before either: a tick call in every loop (loop_ticks), the translation and
// the glue C (c_translation, glue). This file maps the Engine/Module/Instance
// contract onto the glue's functions (glue.hpp explains the C side: traps,
// state, checks), the same for both back-ends.
//
// Caches. In memory, per engine: the same bytes give the same Module. On
// disk, shared by engines and processes: aot keeps <cache dir>/aot/<key>.so,
// the key hashing the module bytes and the toolchain (compiler path and
// --version, flags, wabt's version, the runtime sources, the glue text). Each
// object carries a checksum (checked before dlopen; a damaged one is rebuilt)
// and the module's imports and exports, so a hit neither recompiles nor
// re-reads the wasm. tcc keeps <cache dir>/tcc/<key>.c the same way. The
// cache dir is AotOptions::cache_dir, else as engine.hpp says; aot's
// optimisation flags are -O2 unless $HDK_AOT_CFLAGS says otherwise.
// Module::origin() is "file cache" for an aot module from disk.
//
// Deadline. Chosen: a fuel counter in the instance, ticked by every function
// prologue and (through the loop ticks) every loop iteration, that reads the
// clock once every aot::kFuelSlice ticks and traps past the deadline; the
// clock is also read whenever a host function returns. Every check is at a
// point of the guest's own control flow, so stopping it is an ordinary trap:
// nothing is interrupted halfway (a malloc inside memory.grow, a host
// function), no signal handler or timer is shared by the process, and
// instances on other threads are unaffected. A timer signal would cost
// nothing per iteration, but its handler would have to longjmp out of
// arbitrary code, know whether that code is the guest's, and defer to the
// host function's return otherwise. The price here is a decrement and two
// compare-and-branches per loop iteration (measured: a tight loop runs ~1.4x
// slower than stock wasm2c output; calls are faster than stock, whose depth
// counter is a global), and a guest blocked inside a host function is only
// stopped when that function returns. An instance stopped by its deadline
// refuses further calls (the contract), though its state is consistent.
//
// Memory limit: the glue caps the memory's maximum at the limit when the
// memory is allocated, so memory.grow past it returns -1; an initial size
// over it is Fault(MemoryLimit). wasm-rt-impl computes byte sizes in 32 bits,
// so a memory is capped at 65535 pages (4 GiB less 64 KiB).
//
// Snapshots. A fresh instance is a restore, not an instantiation: the first
// instantiation of a module instantiates one instance (data segments, start
// function) and calls its allocator once (__hc__allocate_1 then
// __hc__deallocate_1: wasi-libc's malloc sets itself up, growing memory, on
// its first use), with host functions that fail, and images its globals,
// memory and tables. Every instance after is a block of the module's pool
// (or a new one) made equal to that image. wasm2c's stores, bulk-memory
// helpers and growth mark the 1 KiB blocks they write (glue.hpp), the host's
// writes through memory()/memory_to_write() too, and a restore copies back
// only those (a noop zome call writes three), where a new instance would
// have zeroed and filled all of its memory. Chosen over copy-on-write
// mappings (memfd + MAP_PRIVATE, reset by madvise): on this project's VM a
// page fault costs ~3.5 us, and a call writes several pages. The price is a
// byte store per guest store, on every call (measured in docs/performance.md).
// A module whose set-up calls the host, traps, or has a member the glue
// cannot image (an imported memory, table or global) is instantiated as
// before; so is an instance whose memory limit is under the image's size.
//
// Call stack: each prologue compares its frame address with a floor 256 KiB
// above the low end of the thread's stack (kept for host functions), and
// traps "call stack exhausted" below it. Sibling-call optimisation is off so
// that endless tail recursion reaches that floor instead of becoming a loop.
#include <pthread.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../guest_transfer.hpp"
#include "aot/code_store.hpp"
#include "aot/glue.hpp"
#include "aot/library.hpp"
#include "aot/module_description.hpp"
#include "aot/object_store.hpp"
#include "aot/tcc_compiler.hpp"
#include "aot/tcc_store.hpp"
#include "aot/toolchain.hpp"
#include "compiled_engine.hpp"
#include "fault_words.hpp"
#include "hdk_host/engine.hpp"
#include "hdk_host/module_info.hpp"

namespace hdk_host {
namespace {

namespace fs = std::filesystem;
using aot::GlueApi;
using aot::TrapCode;

const FuncType kCallI64Type{{ValType::I32, ValType::I32}, {ValType::I64}};
const FuncType kCallI32Type{{ValType::I32}, {ValType::I32}};
const FuncType kConstI32Type{{}, {ValType::I32}};
const FuncType kCallVoidType{{ValType::I32, ValType::I32}, {}};
const FuncType& kHostFunctionType = kCallI64Type;

constexpr std::uint32_t kMaxPages = 65535;  // see "Memory limit" above

using fault_words::TrapReason;

// The glue reports wasm2c's wasm_rt_trap_t codes unchanged.
TrapReason trap_reason(TrapCode code) {
  switch (code) {
    case TrapCode::OutOfBounds:
      return TrapReason::OutOfBounds;
    case TrapCode::IntOverflow:
      return TrapReason::IntegerOverflow;
    case TrapCode::DivByZero:
      return TrapReason::DivideByZero;
    case TrapCode::InvalidConversion:
      return TrapReason::InvalidConversion;
    case TrapCode::Unreachable:
      return TrapReason::Unreachable;
    case TrapCode::CallIndirect:
      return TrapReason::IndirectCall;
    case TrapCode::UncaughtException:
      return TrapReason::UncaughtException;
    case TrapCode::Exhaustion:
      return TrapReason::CallStackExhausted;
    default:
      return TrapReason::Unknown;
  }
}

std::uint64_t monotonic_ns() {
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);  // the clock the glue compares with
  return static_cast<std::uint64_t>(now.tv_sec) * 1'000'000'000u +
         static_cast<std::uint64_t>(now.tv_nsec);
}

// The lowest frame address guest code may use on this thread.
std::uintptr_t stack_floor() {
  thread_local const std::uintptr_t floor = [] {
    constexpr std::uintptr_t kReserve = 256 * 1024;
    pthread_attr_t attr;
    void* low = nullptr;
    std::size_t size = 0;
    bool known = false;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
      known = pthread_attr_getstack(&attr, &low, &size) == 0;
      pthread_attr_destroy(&attr);
    }
    if (known && size > 0)
      return reinterpret_cast<std::uintptr_t>(low) + std::min<std::uintptr_t>(kReserve, size / 2);
    // Unknown bounds: allow a conservative 1 MiB below the first call.
    return reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0)) - (1u << 20);
  }();
  return floor;
}

// A per-user directory under the system's temporary one: where the cache goes
// when the usual place cannot be used (no HOME, a read-only one).
fs::path fallback_cache_dir() {
  return fs::temp_directory_path() / ("hdk-cpp-cache-" + std::to_string(getuid()));
}

fs::path default_cache_dir() {
  if (const char* dir = std::getenv("HDK_CACHE_DIR"); dir && *dir) return dir;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
    return fs::path(xdg) / "hdk-cpp";
  if (const char* home = std::getenv("HOME"); home && *home)
    return fs::path(home) / ".cache" / "hdk-cpp";
  return fallback_cache_dir();
}

// A store in the cache dir the options name; without one, in the default
// dir or, if that cannot be created, the fallback (rather than no engine).
template <typename Store, typename Tool>
std::unique_ptr<aot::CodeStore> make_store(const AotOptions& options, const char* subdir,
                                           Tool tool) {
  if (!options.cache_dir.empty())
    return std::make_unique<Store>(fs::path(options.cache_dir) / subdir, std::move(tool));
  try {
    return std::make_unique<Store>(default_cache_dir() / subdir, tool);
  } catch (const Fault&) {
    return std::make_unique<Store>(fallback_cache_dir() / subdir, std::move(tool));
  }
}

// ---- module ---------------------------------------------------------------------------------

class AotModule final : public Module, public std::enable_shared_from_this<AotModule> {
 public:
  AotModule(std::string label, ModuleInfo info, std::shared_ptr<const aot::Library> library,
            std::string_view origin)
      : label_(std::move(label)),
        info_(std::move(info)),
        library_(std::move(library)),
        origin_(origin) {
    const GlueApi& glue = api();
    if (glue.import_count() != info_.imports.size() || glue.export_count() != info_.exports.size())
      throw Fault(FaultKind::Compile, label_ + ": the compiled object does not match the module");
    for (std::uint32_t i = 0; i < info_.exports.size(); ++i) {
      export_index_.emplace(info_.exports[i].name, i);
      functions_.push_back(glue.export_function(i));
    }
  }

  const std::vector<ImportDesc>& imports() const override { return info_.imports; }
  const std::vector<ExportDesc>& exports() const override { return info_.exports; }
  std::string_view origin() const override { return origin_; }

  using Module::instantiate;
  std::unique_ptr<Instance> instantiate(HostFunctionTable host_functions,
                                        const Limits& limits) override;

  ~AotModule() override {
    const GlueApi& glue = api();
    for (void* block : pool_) glue.destroy(block);
    if (snapshot_) glue.snapshot_free(snapshot_);
  }

  AotModule(const AotModule&) = delete;
  AotModule& operator=(const AotModule&) = delete;

  const std::string& label() const { return label_; }
  const GlueApi& api() const { return library_->api(); }

  /// The module's instance after instantiation and its allocator's first use,
  /// taken by the first call (within `limits`' deadline); null when the
  /// module cannot have one (see "Snapshots" above).
  const void* snapshot(const Limits& limits) const;

  /// A block a finished instance left, to restore; null when none is left.
  void* pooled_block() const {
    std::lock_guard lock(pool_mutex_);
    if (pool_.empty()) return nullptr;
    void* block = pool_.back();
    pool_.pop_back();
    return block;
  }

  /// Keeps a restored instance's block for the next one, or destroys it when
  /// the pool is full or its memory grew far past the snapshot's.
  void return_block(void* block, std::uint64_t memory_size) const {
    if (memory_size <= std::max<std::uint64_t>(kPoolMemoryBytes, 4 * snapshot_memory_size_)) {
      std::lock_guard lock(pool_mutex_);
      if (pool_.size() < kPoolSize) {
        pool_.push_back(block);
        return;
      }
    }
    api().destroy(block);
  }
  /// Export i (exports() order) as a guest function; null if not a function.
  GlueApi::GuestFn function_at(std::uint32_t i) const { return functions_.at(i); }

  /// Export `name` as a function of `type`; throws MissingExport or BadSignature.
  GlueApi::GuestFn function(std::string_view name, const FuncType& type) const {
    const auto it = export_index_.find(name);
    if (it == export_index_.end()) throw fault_words::missing_export(label_, name);
    const ExportDesc& exp = info_.exports[it->second];
    if (exp.kind != ExternKind::Func)
      throw fault_words::export_not_a_function(label_, name, to_string(exp.kind), describe(type));
    if (exp.type != type)
      throw fault_words::export_of_wrong_type(label_, name, describe(exp.type), describe(type));
    return functions_[it->second];
  }

 private:
  std::string label_;
  ModuleInfo info_;
  std::shared_ptr<const aot::Library> library_;
  std::string_view origin_;  // a literal
  std::map<std::string, std::uint32_t, std::less<>> export_index_;
  std::vector<GlueApi::GuestFn> functions_;

  static constexpr std::size_t kPoolSize = 16;
  static constexpr std::uint64_t kPoolMemoryBytes = 16u << 20;
  mutable std::mutex snapshot_mutex_;
  mutable bool snapshot_tried_ = false;
  mutable void* snapshot_ = nullptr;  // the glue's image
  mutable std::uint64_t snapshot_memory_size_ = 0;
  mutable std::mutex pool_mutex_;
  mutable std::vector<void*> pool_;  // blocks of finished instances
};

// ---- instance -------------------------------------------------------------------------------

class AotInstance final : public Instance {
 public:
  AotInstance(std::shared_ptr<const AotModule> module, HostFunctionTable host_functions,
              const Limits& limits)
      : module_(std::move(module)),
        api_(module_->api()),
        host_functions_(std::move(host_functions)),
        limits_(limits) {}

  ~AotInstance() override {
    if (!state_) return;
    if (!restored_) {
      api_.destroy(state_);
      return;
    }
    std::uint64_t size = 0;
    api_.memory(state_, &size);
    module_->return_block(state_, size);
  }

  AotInstance(const AotInstance&) = delete;
  AotInstance& operator=(const AotInstance&) = delete;

  /// Checks the imports, then creates and instantiates the wasm2c instance
  /// (data segments, start function). Separate from the constructor so host
  /// functions the start function calls see a complete Instance.
  void start() {
    const auto& imports = module_->imports();
    static const std::vector<HostFunction> kNone;
    const std::vector<HostFunction>& host_functions = host_functions_ ? *host_functions_ : kNone;
    for (std::size_t i = 0; i < imports.size(); ++i) {
      const ImportDesc& imp = imports[i];
      if (imp.kind == ExternKind::Func && i < host_functions.size() && host_functions[i] &&
          imp.type == kHostFunctionType)
        continue;
      const std::string name = imp.module + "." + imp.name;
      if (imp.kind != ExternKind::Func || i >= host_functions.size() || !host_functions[i])
        throw Fault(
            FaultKind::UnknownImport,
            label() + ": the host does not provide import `" + name + "`" +
                (imp.kind != ExternKind::Func ? " (a " + std::string(to_string(imp.kind)) + ")"
                                              : ""));
      if (imp.type != kHostFunctionType)
        throw Fault(FaultKind::BadSignature, label() + ": import `" + name + "` has type " +
                                                 describe(imp.type) + ", host functions are " +
                                                 describe(kHostFunctionType));
    }
    const std::uint32_t max_pages = std::min(limits_.max_memory_pages, kMaxPages);
    if (const void* image = module_->snapshot(limits_)) {
      void* block = module_->pooled_block();
      if (!block) block = api_.create(this, &AotInstance::dispatch, max_pages);
      if (block && api_.restore(block, image, this, &AotInstance::dispatch, max_pages) == 0) {
        state_ = block;
        restored_ = true;
        return;
      }
      // Over this instance's memory limit, or out of memory: instantiated
      // as without a snapshot, which reports which.
      if (block) api_.destroy(block);
    }
    state_ = api_.create(this, &AotInstance::dispatch, max_pages);
    if (!state_) throw Fault(FaultKind::HostError, label() + ": out of memory for an instance");
    run("instantiation", /*instantiating=*/true, [&](std::uintptr_t floor, std::uint64_t deadline) {
      return api_.instantiate(state_, floor, deadline);
    });
  }

  std::uint64_t call_i64(std::string_view name, std::uint32_t a, std::uint32_t b) override {
    const GlueApi::GuestFn fn = module_->function(name, kCallI64Type);
    std::uint64_t result = 0;
    run(name, false, [&](std::uintptr_t floor, std::uint64_t deadline) {
      return api_.call_ii_j(state_, fn, a, b, &result, floor, deadline);
    });
    return result;
  }

  std::uint32_t call_i32(std::string_view name, std::uint32_t a) override {
    const GlueApi::GuestFn fn = module_->function(name, kCallI32Type);
    std::uint32_t result = 0;
    run(name, false, [&](std::uintptr_t floor, std::uint64_t deadline) {
      return api_.call_i_i(state_, fn, a, &result, floor, deadline);
    });
    return result;
  }

  void call_void(std::string_view name, std::uint32_t a, std::uint32_t b) override {
    const GlueApi::GuestFn fn = module_->function(name, kCallVoidType);
    run(name, false, [&](std::uintptr_t floor, std::uint64_t deadline) {
      return api_.call_ii_v(state_, fn, a, b, floor, deadline);
    });
  }

  std::uint32_t call_const_i32(std::string_view name) override {
    const GlueApi::GuestFn fn = module_->function(name, kConstI32Type);
    std::uint32_t result = 0;
    run(name, false, [&](std::uintptr_t floor, std::uint64_t deadline) {
      return api_.call_v_i(state_, fn, &result, floor, deadline);
    });
    return result;
  }

  // The default's sequence in one guest entry: one trap frame, one limit
  // setup, no export lookups, messages only on a failure.
  void zome_call(const ZomeCallEntry& entry, std::span<const std::uint8_t> input,
                 std::vector<std::uint8_t>& result) override {
    if (input.size() > 0xffffffffu) throw payload_too_large(kZomeCallInput, input.size());
    const AotModule& module = *module_;
    aot::ZomeCallStatus status;
    ResultSink sink{&result, this};
    try {
      run_checked(
          [&](std::uintptr_t floor, std::uint64_t deadline) {
            return api_.zome_call(state_, module.function_at(entry.allocate),
                                  module.function_at(entry.function),
                                  module.function_at(entry.deallocate), input.data(),
                                  static_cast<std::uint32_t>(input.size()), &ResultSink::reserve,
                                  &sink, &status, floor, deadline);
          },
          entry.function_name);
    } catch (const StepFailure& failure) {
      const std::string_view step = status.step == 0   ? entry.allocate_name
                                    : status.step == 1 ? entry.function_name
                                                       : entry.deallocate_name;
      switch (failure.code) {
        case TrapCode::AllocationFailed:
          throw allocation_failed(kZomeCallInput, status.len);
        case TrapCode::InputOutOfBounds:
          throw region_out_of_bounds(kZomeCallInput, status.ptr, status.len, status.memory_size);
        case TrapCode::ResultOutOfBounds:
          throw region_out_of_bounds(kZomeCallResult, status.ptr, status.len, status.memory_size);
        default:
          throw fault_of(failure.code, step, false);
      }
    }
  }

  std::span<std::uint8_t> memory() override {
    const std::span<std::uint8_t> all = current_memory();
    api_.memory_written(state_, 0, all.size());  // the caller may write any of it
    return all;
  }

  std::span<const std::uint8_t> memory_to_read() override { return current_memory(); }

  std::span<std::uint8_t> memory_to_write(std::uint32_t offset, std::uint32_t len) override {
    const std::span<std::uint8_t> all = current_memory();
    if (static_cast<std::uint64_t>(offset) + len > all.size()) return {};
    api_.memory_written(state_, offset, len);
    return all.subspan(offset, len);
  }

 private:
  const std::string& label() const { return module_->label(); }

  std::span<std::uint8_t> current_memory() {
    std::uint64_t size = 0;
    std::uint8_t* data = api_.memory(state_, &size);
    if (!data) return {};
    return {data, static_cast<std::size_t>(size)};
  }

  // Enters the guest through a glue trampoline (`enter`), turning what it
  // returns into the contract's Faults.
  template <typename Enter>
  void run(std::string_view what, bool instantiating, Enter&& enter) {
    try {
      run_checked(enter, what);
    } catch (const StepFailure& failure) {
      throw fault_of(failure.code, what, instantiating);
    }
  }

  // A trampoline's non-zero code, before it is worded.
  struct StepFailure {
    TrapCode code;
  };

  template <typename Enter>
  void run_checked(Enter&& enter, std::string_view what = {}) {
    if (stopped_)
      throw Fault(FaultKind::DeadlineExceeded,
                  label() + ": `" + std::string(what) +
                      "`: the instance was stopped by its deadline and cannot run again");
    if (depth_ == 0) pending_.reset();
    const auto limit = limits_.deadline.count();
    const std::uint64_t deadline =
        limit > 0 ? monotonic_ns() + static_cast<std::uint64_t>(limit) * 1'000'000u : 0;
    ++depth_;
    const int code = enter(stack_floor(), deadline);
    --depth_;
    if (code != 0) throw StepFailure{static_cast<TrapCode>(code)};
  }

  // Where the zome call trampoline copies the result: the caller's vector.
  struct ResultSink {
    std::vector<std::uint8_t>* bytes;
    AotInstance* instance;
    static std::uint8_t* reserve(void* sink, std::uint32_t len) noexcept {
      auto& self = *static_cast<ResultSink*>(sink);
      try {
        static std::uint8_t empty;
        self.bytes->resize(len);
        return len ? self.bytes->data() : &empty;  // null means a failure
      } catch (const std::exception&) {
        self.instance->pending_ =
            Fault(FaultKind::HostError, self.instance->label() + ": no memory for a result of " +
                                            std::to_string(len) + " bytes");
        return nullptr;
      }
    }
  };

  Fault fault_of(TrapCode code, std::string_view what, bool instantiating) {
    const std::string where =
        instantiating ? label() + ": instantiation" : fault_words::call_site(label(), what);
    switch (code) {
      case TrapCode::HostFault:
        if (pending_) {
          Fault fault = std::move(*pending_);
          pending_.reset();
          return fault;
        }
        return Fault(FaultKind::HostError, where + ": a host function failed");
      case TrapCode::Deadline:
        stopped_ = true;
        return fault_words::deadline_exceeded(where, limits_.deadline);
      case TrapCode::MemoryLimit:
        return Fault(FaultKind::MemoryLimit, where + ": the initial memory is over the limit of " +
                                                 std::to_string(limits_.max_memory_pages) +
                                                 " pages or cannot be allocated");
      case TrapCode::UnsupportedImport:
        return Fault(FaultKind::UnknownImport,
                     where + " called an import the host does not provide");
      default:
        break;
    }
    if (instantiating) return fault_words::instantiation_failed(label(), trap_reason(code));
    return fault_words::trap(where, trap_reason(code));
  }

  // Called by the glue for every import of the ABI's shape. Nothing may
  // unwind into the C frames below: a failure is parked in pending_ and
  // reported through `failed`, and the glue traps the guest.
  static std::uint64_t dispatch(void* host, std::uint32_t index, std::uint32_t ptr,
                                std::uint32_t len, int* failed) noexcept {
    auto& self = *static_cast<AotInstance*>(host);
    try {
      return (*self.host_functions_)[index](self, ptr, len);
    } catch (const Fault& fault) {
      self.pending_ = fault;
    } catch (const std::exception& error) {
      self.pending_ =
          Fault(FaultKind::HostError, self.label() + ": host function `" + self.import_name(index) +
                                          "` failed: " + error.what());
    } catch (...) {
      self.pending_ = Fault(FaultKind::HostError, self.label() + ": host function `" +
                                                      self.import_name(index) + "` failed");
    }
    *failed = 1;
    return 0;
  }

  std::string import_name(std::uint32_t index) const {
    const ImportDesc& imp = module_->imports()[index];
    return imp.module + "." + imp.name;
  }

  std::shared_ptr<const AotModule> module_;
  const GlueApi& api_;
  HostFunctionTable host_functions_;
  Limits limits_;
  void* state_ = nullptr;  // the glue's instance
  bool restored_ = false;  // from the module's snapshot: its block goes back to the pool
  int depth_ = 0;          // guest calls in progress (host functions re-enter)
  bool stopped_ = false;   // by a deadline
  std::optional<Fault> pending_;
};

std::unique_ptr<Instance> AotModule::instantiate(HostFunctionTable host_functions,
                                                 const Limits& limits) {
  auto instance =
      std::make_unique<AotInstance>(shared_from_this(), std::move(host_functions), limits);
  instance->start();
  return instance;
}

// What a host function called while the snapshot is taken gets: a failure,
// so a module whose set-up needs the host gets no snapshot.
std::uint64_t refuse_host_call(void*, std::uint32_t, std::uint32_t, std::uint32_t,
                               int* failed) noexcept {
  *failed = 1;
  return 0;
}

const void* AotModule::snapshot(const Limits& limits) const {
  std::lock_guard lock(snapshot_mutex_);
  if (snapshot_tried_) return snapshot_;
  snapshot_tried_ = true;
  const GlueApi& glue = api();
  if (!glue.snapshot_supported()) return nullptr;
  void* block = glue.create(nullptr, &refuse_host_call, kMaxPages);
  if (!block) return nullptr;
  const auto limit = limits.deadline.count();
  const std::uint64_t deadline =
      limit > 0 ? monotonic_ns() + static_cast<std::uint64_t>(limit) * 1'000'000u : 0;
  const std::uintptr_t floor = stack_floor();
  int code = glue.instantiate(block, floor, deadline);
  // The allocator's first use: wasi-libc's malloc sets itself up (and grows
  // memory) then, which would otherwise be done again by every call.
  const auto allocate = export_index_.find(kGuestAllocate);
  const auto deallocate = export_index_.find(kGuestDeallocate);
  if (code == 0 && allocate != export_index_.end() && deallocate != export_index_.end() &&
      info_.exports[allocate->second].type == kCallI32Type &&
      info_.exports[deallocate->second].type == kCallVoidType) {
    constexpr std::uint32_t kFirstAllocation = 16;
    std::uint32_t ptr = 0;
    code =
        glue.call_i_i(block, functions_[allocate->second], kFirstAllocation, &ptr, floor, deadline);
    if (code == 0 && ptr != 0)
      code = glue.call_ii_v(block, functions_[deallocate->second], ptr, kFirstAllocation, floor,
                            deadline);
  }
  if (code == 0) snapshot_ = glue.snapshot_take(block);
  if (snapshot_) glue.memory(block, &snapshot_memory_size_);
  glue.destroy(block);
  return snapshot_;
}

// ---- engine ---------------------------------------------------------------------------------

// The imports and exports a cached object describes, if they are consistent
// with it. (It was built from the bytes its key stands for, which were read
// and validated then; this spares doing that again on every load.)
std::optional<ModuleInfo> description_of(const aot::Library& library) {
  const GlueApi& glue = library.api();
  std::optional<ModuleInfo> info = aot::parse_module_description(glue.module_info());
  if (!info || info->imports.size() != glue.import_count() ||
      info->exports.size() != glue.export_count())
    return std::nullopt;
  return info;
}

class AotEngine final : public CompiledEngine {
 public:
  AotEngine(std::string_view name, std::unique_ptr<aot::CodeStore> store)
      : name_(name), store_(std::move(store)) {}

  std::string_view name() const override { return name_; }

  std::shared_ptr<Module> compile(std::span<const std::uint8_t> wasm,
                                  std::string_view label) override {
    const std::string key = store_->key_of(wasm);
    const std::string name(label);
    if (std::shared_ptr<Module> module = find_or_load(key, name)) return module;
    // One build at a time per engine: a second caller of the same bytes
    // then finds the first one's module instead of building it again.
    std::lock_guard build_lock(build_mutex_);
    if (std::shared_ptr<Module> module = find(key)) return module;
    ModuleInfo info = read_module_info(wasm, label);
    std::shared_ptr<const aot::Library> library = store_->build(wasm, key, info, name);
    return remember(
        key, std::make_shared<AotModule>(name, std::move(info), std::move(library), "compiled"));
  }

  std::shared_ptr<Module> load_cached(std::span<const std::uint8_t> wasm,
                                      std::string_view label) override {
    return find_or_load(store_->key_of(wasm), std::string(label));
  }

 private:
  std::shared_ptr<Module> find(const std::string& key) {
    std::lock_guard lock(modules_mutex_);
    const auto it = modules_.find(key);
    return it == modules_.end() ? nullptr : it->second;
  }

  std::shared_ptr<Module> remember(const std::string& key, std::shared_ptr<AotModule> module) {
    std::lock_guard lock(modules_mutex_);
    return modules_.emplace(key, std::move(module)).first->second;  // the first one stays
  }

  // The module from this engine's map or from the store; null when neither has it.
  std::shared_ptr<Module> find_or_load(const std::string& key, const std::string& name) {
    if (std::shared_ptr<Module> module = find(key)) return module;
    aot::CodeStore::Loaded loaded = store_->load(key, name);
    if (!loaded.library) return nullptr;
    if (std::optional<ModuleInfo> info = description_of(*loaded.library))
      return remember(key, std::make_shared<AotModule>(name, std::move(*info),
                                                       std::move(loaded.library), loaded.origin));
    loaded.library.reset();
    store_->discard(key);
    return nullptr;
  }

  std::string name_;
  std::unique_ptr<aot::CodeStore> store_;
  std::mutex build_mutex_;
  std::mutex modules_mutex_;
  std::map<std::string, std::shared_ptr<AotModule>> modules_;
};

}  // namespace

std::unique_ptr<CompiledEngine> make_compiled_aot_engine(const AotOptions& options) {
  return std::make_unique<AotEngine>(
      "aot", make_store<aot::ObjectStore>(options, "aot", aot::Toolchain::find(options)));
}

std::unique_ptr<CompiledEngine> make_compiled_tcc_engine(const AotOptions& options) {
  return std::make_unique<AotEngine>(
      "tcc", make_store<aot::TccStore>(options, "tcc", aot::TccCompiler::find()));
}

std::unique_ptr<Engine> make_aot_engine(const AotOptions& options) {
  return make_compiled_aot_engine(options);
}

std::unique_ptr<Engine> make_tcc_engine(const AotOptions& options) {
  return make_compiled_tcc_engine(options);
}

}  // namespace hdk_host
