// wasm-c-api: any engine that implements the standard WebAssembly C API
// (`wasm.h`): wasmer, wasmtime.
//
// Every build compiles this engine; none links an implementation. The library
// is found at run time with dlopen, so a user who has wasmer gets a third
// engine without rebuilding, and a build without one only loses this engine:
//   1. $HDK_WASM_C_API_LIBRARY (a path; when set, nothing else is tried),
//   2. $WASMER_DIR/lib/libwasmer.so, $WASMTIME_DIR/lib/libwasmtime.so,
//   3. the library CMake found when configuring (HDK_WASM_C_API_DEFAULT_LIBRARY),
//   4. libwasmer.so, libwasmtime.so on the loader's search path.
// Every function this file uses is looked up with dlsym into one table, so
// nothing here depends on an implementation at link time.
//
// What the standard C API cannot do, and what this engine does instead:
// - It cannot limit memory growth. A memory's declared maximum does, so
//   under a Limits::max_memory_pages below it the engine instantiates a copy
//   of the module whose memory section declares the limit (compiled once per
//   limit): memory.grow past it returns -1, as on the other engines. Where
//   that copy cannot be made (shared or 64-bit memories), the size of memory
//   is checked after every call into the guest and whenever the guest calls
//   the host, and the call fails with MemoryLimit past the limit.
// - It cannot interrupt a running call, so it refuses a call under a
//   Limits::deadline (EngineUnavailable) unless Limits::allow_uninterruptible
//   accepts that a guest that loops forever hangs its caller (use aot or
//   interp for untrusted guests). Limits::instruction_budget is interp's alone.
// - A trap is only a message: "out of bounds memory access" makes it
//   OutOfBounds, anything else Trap.
#include <dlfcn.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "fault_words.hpp"
#include "hdk_host/engine.hpp"
#include "hdk_host/uninterruptible.hpp"

// The standard header, as Debian's wabt ships it: only its declarations are
// used. Included last because it defines the macro `own`.
#include <wabt/wasm.h>
#undef own

namespace hdk_host {
namespace {

// ---- the function table ----------------------------------------------------

// Functions whose signature is the same in every revision of wasm.h: their
// types come from the header itself.
#define HDK_WASM_C_API_FUNCTIONS(X)    \
  X(wasm_engine_new)                   \
  X(wasm_engine_delete)                \
  X(wasm_store_new)                    \
  X(wasm_store_delete)                 \
  X(wasm_byte_vec_delete)              \
  X(wasm_module_new)                   \
  X(wasm_module_delete)                \
  X(wasm_module_imports)               \
  X(wasm_module_exports)               \
  X(wasm_importtype_vec_delete)        \
  X(wasm_importtype_module)            \
  X(wasm_importtype_name)              \
  X(wasm_importtype_type)              \
  X(wasm_exporttype_vec_delete)        \
  X(wasm_exporttype_name)              \
  X(wasm_exporttype_type)              \
  X(wasm_externtype_kind)              \
  X(wasm_externtype_as_functype_const) \
  X(wasm_functype_params)              \
  X(wasm_functype_results)             \
  X(wasm_valtype_kind)                 \
  X(wasm_func_delete)                  \
  X(wasm_func_as_extern)               \
  X(wasm_instance_delete)              \
  X(wasm_instance_exports)             \
  X(wasm_extern_vec_delete)            \
  X(wasm_extern_kind)                  \
  X(wasm_extern_as_func)               \
  X(wasm_extern_as_memory)             \
  X(wasm_trap_new)                     \
  X(wasm_trap_delete)                  \
  X(wasm_trap_message)                 \
  X(wasm_memory_data)                  \
  X(wasm_memory_data_size)

// The 2020 revision of the standard ("use vectors for calls and imports")
// passes arguments, results and imports as vectors instead of arrays. Every
// current wasmer and wasmtime implements that revision, but the wasm.h that
// Debian's wabt ships predates it, so these three are declared here as the
// libraries define them; the vector types are the header's own.
using HostCallback = wasm_trap_t* (*)(void* env, const wasm_val_vec_t* args,
                                      wasm_val_vec_t* results);
using FuncNewWithEnv = wasm_func_t* (*)(wasm_store_t*, const wasm_functype_t*, HostCallback,
                                        void* env, void (*finalizer)(void*));
using FuncCall = wasm_trap_t* (*)(const wasm_func_t*, const wasm_val_vec_t* args,
                                  wasm_val_vec_t* results);
using InstanceNew = wasm_instance_t* (*)(wasm_store_t*, const wasm_module_t*,
                                         const wasm_extern_vec_t* imports, wasm_trap_t** trap);
#define HDK_WASM_C_API_REVISED_FUNCTIONS(X) \
  X(wasm_func_new_with_env, FuncNewWithEnv) \
  X(wasm_func_call, FuncCall)               \
  X(wasm_instance_new, InstanceNew)

struct Api {
#define HDK_WASM_C_API_MEMBER(name) decltype(&::name) name = nullptr;
  HDK_WASM_C_API_FUNCTIONS(HDK_WASM_C_API_MEMBER)
#undef HDK_WASM_C_API_MEMBER
#define HDK_WASM_C_API_MEMBER(name, type) type name = nullptr;
  HDK_WASM_C_API_REVISED_FUNCTIONS(HDK_WASM_C_API_MEMBER)
#undef HDK_WASM_C_API_MEMBER

  // wasmer's own error channel (not in the standard): wasm_module_new and
  // wasm_instance_new return NULL without a reason, wasmer keeps it here.
  int (*wasmer_last_error_length)() = nullptr;
  int (*wasmer_last_error_message)(char* buffer, int length) = nullptr;

  std::string library;  // the path it was loaded from, for messages
};

/// The last error wasmer recorded, or "" for other implementations.
std::string last_library_error(const Api& api) {
  if (!api.wasmer_last_error_length || !api.wasmer_last_error_message) return {};
  const int length = api.wasmer_last_error_length();
  if (length <= 0) return {};
  std::string text(static_cast<std::size_t>(length), '\0');
  const int written = api.wasmer_last_error_message(text.data(), length);
  if (written <= 0) return {};
  text.resize(static_cast<std::size_t>(written));
  while (!text.empty() && text.back() == '\0') text.pop_back();
  return text;
}

template <typename Fn>
Fn symbol(void* handle, const char* name) {
  return reinterpret_cast<Fn>(dlsym(handle, name));
}

/// Opens `path` and fills a table from it; on failure returns nullopt and
/// says why in `problem`.
std::optional<Api> open_library(const std::string& path, std::string& problem) {
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* why = dlerror();
    problem = why ? why : path + ": cannot be opened";
    return std::nullopt;
  }
  Api api;
  api.library = path;
  std::vector<std::string> missing;
#define HDK_WASM_C_API_RESOLVE(name)                    \
  api.name = symbol<decltype(api.name)>(handle, #name); \
  if (!api.name) missing.emplace_back(#name);
  HDK_WASM_C_API_FUNCTIONS(HDK_WASM_C_API_RESOLVE)
#undef HDK_WASM_C_API_RESOLVE
#define HDK_WASM_C_API_RESOLVE(name, type) \
  api.name = symbol<type>(handle, #name);  \
  if (!api.name) missing.emplace_back(#name);
  HDK_WASM_C_API_REVISED_FUNCTIONS(HDK_WASM_C_API_RESOLVE)
#undef HDK_WASM_C_API_RESOLVE

  if (!missing.empty()) {
    problem = path + " is not a WebAssembly C API library: it does not export " + missing.front();
    if (missing.size() > 1)
      problem += " (nor " + std::to_string(missing.size() - 1) + " other functions it needs)";
    dlclose(handle);
    return std::nullopt;
  }
  // WAMR implements the API but adds fields to every wasm_xxx_vec_t, so
  // vectors built against the standard layout would be misread (and vectors
  // it writes back would overrun ours).
  const bool is_wamr = dlsym(handle, "wasm_runtime_init") && !dlsym(handle, "wasmer_version") &&
                       !dlsym(handle, "wasmtime_store_new");
  if (is_wamr) {
    problem = path +
              " looks like WAMR, whose wasm.h changes the layout of every vector: "
              "not supported (use wasmer or wasmtime)";
    dlclose(handle);
    return std::nullopt;
  }
  api.wasmer_last_error_length = symbol<int (*)()>(handle, "wasmer_last_error_length");
  api.wasmer_last_error_message = symbol<int (*)(char*, int)>(handle, "wasmer_last_error_message");
  // The handle stays open for the life of the process: unloading a runtime
  // with live threads or thread-local state is not safe.
  return api;
}

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

/// The libraries to try, in order (see the top of this file).
std::vector<std::string> candidate_libraries() {
  if (auto chosen = environment("HDK_WASM_C_API_LIBRARY"); !chosen.empty()) return {chosen};
  std::vector<std::string> candidates;
  const auto add = [&](std::string path) {
    if (std::find(candidates.begin(), candidates.end(), path) == candidates.end())
      candidates.push_back(std::move(path));
  };
  if (auto dir = environment("WASMER_DIR"); !dir.empty()) add(dir + "/lib/libwasmer.so");
  if (auto dir = environment("WASMTIME_DIR"); !dir.empty()) add(dir + "/lib/libwasmtime.so");
#ifdef HDK_WASM_C_API_DEFAULT_LIBRARY
  add(HDK_WASM_C_API_DEFAULT_LIBRARY);
#endif
  add("libwasmer.so");
  add("libwasmtime.so");
  return candidates;
}

/// The table of the first library that loads. Tables live for the process;
/// the environment is read on every call, so a later call may pick another.
const Api& load_api() {
  // Never destroyed: an engine held by some static object may be deleted
  // after this function's statics would be, and still needs its table.
  static auto* const mutex = new std::mutex;
  static auto* const loaded = new std::map<std::string, Api>;
  const std::lock_guard lock(*mutex);

  std::string problems;
  for (const std::string& path : candidate_libraries()) {
    if (auto it = loaded->find(path); it != loaded->end()) return it->second;
    std::string problem;
    if (auto api = open_library(path, problem))
      return loaded->emplace(path, std::move(*api)).first->second;
    problems += problems.empty() ? "" : "; ";
    problems += problem;
  }
  throw Fault(FaultKind::EngineUnavailable,
              "wasm-c-api engine: no WebAssembly C API library could be loaded (" + problems +
                  "). Install wasmer (its release archive has lib/libwasmer.so) and set "
                  "HDK_WASM_C_API_LIBRARY to the path of libwasmer.so, or set WASMER_DIR to "
                  "the wasmer directory (at configure time or at run time).");
}

// ---- ownership helpers -----------------------------------------------------

/// Owns one `own wasm_xxx_t*` and deletes it with the library's deleter.
template <typename T>
class Owned {
 public:
  using Deleter = void (*)(T*);
  Owned() = default;
  Owned(T* object, Deleter deleter) : object_(object), deleter_(deleter) {}
  Owned(Owned&& other) noexcept
      : object_(std::exchange(other.object_, nullptr)), deleter_(other.deleter_) {}
  Owned& operator=(Owned&& other) noexcept {
    std::swap(object_, other.object_);
    std::swap(deleter_, other.deleter_);
    return *this;
  }
  ~Owned() {
    if (object_) deleter_(object_);
  }
  T* get() const { return object_; }
  explicit operator bool() const { return object_ != nullptr; }

 private:
  T* object_ = nullptr;
  Deleter deleter_ = nullptr;
};

/// Owns an `own wasm_xxx_vec_t` the library filled (an `out` parameter):
/// deleting it deletes its elements too.
template <typename Vec>
class OwnedVec {
 public:
  using Deleter = void (*)(Vec*);
  explicit OwnedVec(Deleter deleter) : deleter_(deleter) {}
  OwnedVec(const OwnedVec&) = delete;
  OwnedVec& operator=(const OwnedVec&) = delete;
  ~OwnedVec() {
    if (vec_.data) deleter_(&vec_);
  }
  Vec* out() { return &vec_; }
  const Vec& operator*() const { return vec_; }
  const Vec* operator->() const { return &vec_; }

 private:
  Vec vec_{0, nullptr};
  Deleter deleter_;
};

std::string to_string(const wasm_name_t* name) {
  if (!name || !name->data) return {};
  return std::string(name->data, name->size);
}

using fault_words::TrapReason;

/// What a trap was, from its message: the standard API has no trap codes.
/// These are the phrases of wasmer's and wasmtime's trap codes (both word
/// them after the spec's trap conditions).
TrapReason trap_reason(std::string_view message) {
  struct Phrase {
    std::string_view text;
    TrapReason reason;
  };
  static constexpr Phrase kPhrases[] = {
      {"unreachable", TrapReason::Unreachable},
      {"divide by zero", TrapReason::DivideByZero},
      {"integer overflow", TrapReason::IntegerOverflow},
      {"invalid conversion to integer", TrapReason::InvalidConversion},
      {"out of bounds", TrapReason::OutOfBounds},
      {"indirect call", TrapReason::IndirectCall},
      {"uninitialized element", TrapReason::IndirectCall},
      {"call stack exhausted", TrapReason::CallStackExhausted},
      {"stack overflow", TrapReason::CallStackExhausted},
  };
  for (const Phrase& phrase : kPhrases) {
    if (message.find(phrase.text) != std::string_view::npos) return phrase.reason;
  }
  return TrapReason::Unknown;
}

/// A trap's message, which the API null-terminates.
std::string trap_message(const Api& api, const wasm_trap_t* trap) {
  OwnedVec<wasm_message_t> message(api.wasm_byte_vec_delete);
  api.wasm_trap_message(trap, message.out());
  std::string text = to_string(&*message);
  while (!text.empty() && text.back() == '\0') text.pop_back();
  return text.empty() ? "trap" : text;
}

// ---- types -----------------------------------------------------------------

ValType to_val_type(wasm_valkind_t kind) {
  switch (kind) {
    case WASM_I32:
      return ValType::I32;
    case WASM_I64:
      return ValType::I64;
    case WASM_F32:
      return ValType::F32;
    case WASM_F64:
      return ValType::F64;
    default:
      return kind >= WASM_ANYREF ? ValType::Ref : ValType::V128;
  }
}

ExternKind to_extern_kind(wasm_externkind_t kind) {
  switch (kind) {
    case WASM_EXTERN_FUNC:
      return ExternKind::Func;
    case WASM_EXTERN_GLOBAL:
      return ExternKind::Global;
    case WASM_EXTERN_TABLE:
      return ExternKind::Table;
    case WASM_EXTERN_MEMORY:
      return ExternKind::Memory;
    default:
      return ExternKind::Tag;  // wasmer numbers tags 4; nothing else is defined
  }
}

std::vector<ValType> to_val_types(const Api& api, const wasm_valtype_vec_t* types) {
  std::vector<ValType> out;
  if (!types) return out;
  for (std::size_t i = 0; i < types->size; ++i)
    out.push_back(to_val_type(api.wasm_valtype_kind(types->data[i])));
  return out;
}

FuncType to_func_type(const Api& api, const wasm_externtype_t* type) {
  const wasm_functype_t* func = api.wasm_externtype_as_functype_const(type);
  if (!func) return {};
  return {to_val_types(api, api.wasm_functype_params(func)),
          to_val_types(api, api.wasm_functype_results(func))};
}

const FuncType kHostFunctionType{{ValType::I32, ValType::I32}, {ValType::I64}};
const FuncType kCallI64Type{{ValType::I32, ValType::I32}, {ValType::I64}};
const FuncType kCallI32Type{{ValType::I32}, {ValType::I32}};
const FuncType kConstI32Type{{}, {ValType::I32}};
const FuncType kCallVoidType{{ValType::I32, ValType::I32}, {}};
constexpr std::size_t kPageSize = 65536;

wasm_val_t i32_val(std::uint32_t value) {
  wasm_val_t val{};
  val.kind = WASM_I32;
  val.of.i32 = static_cast<std::int32_t>(value);
  return val;
}

// ---- capping the memory's maximum -------------------------------------------

// The API has no way to limit memory.grow, but a memory's declared maximum
// does it in every engine: growth past it returns -1 and the guest carries
// on. So for a limit below the declared maximum the engine compiles a copy
// of the module whose memory section declares the limit as its maximum.

/// The module's own memory (its memory section), as far as capping needs it.
struct DefinedMemory {
  std::size_t section_begin = 0;  // offset of the section's id byte
  std::size_t section_end = 0;
  std::uint64_t min_pages = 0;
  std::optional<std::uint64_t> max_pages;
  bool cappable = false;  // exactly one unshared 32-bit memory
};

class ByteReader {
 public:
  ByteReader(std::span<const std::uint8_t> bytes, std::size_t pos) : bytes_(bytes), pos_(pos) {}
  bool ok() const { return ok_; }
  std::size_t pos() const { return pos_; }
  std::uint8_t byte() {
    if (pos_ >= bytes_.size()) return fail();
    return bytes_[pos_++];
  }
  std::uint64_t leb(unsigned max_bits) {
    std::uint64_t value = 0;
    for (unsigned shift = 0; shift < max_bits; shift += 7) {
      const std::uint8_t b = byte();
      value |= std::uint64_t{b & 0x7fu} << shift;
      if (!(b & 0x80)) return value;
    }
    return fail();
  }

 private:
  std::uint8_t fail() {
    ok_ = false;
    pos_ = bytes_.size();
    return 0;
  }
  std::span<const std::uint8_t> bytes_;
  std::size_t pos_;
  bool ok_ = true;
};

/// The memory section of `wasm`, if it has one and the bytes parse that far.
std::optional<DefinedMemory> find_defined_memory(std::span<const std::uint8_t> wasm) {
  constexpr std::size_t kHeader = 8;  // "\0asm" and the version
  constexpr std::uint8_t kMemorySection = 5;
  ByteReader reader(wasm, kHeader);
  while (wasm.size() > kHeader && reader.pos() < wasm.size()) {
    const std::size_t begin = reader.pos();
    const std::uint8_t id = reader.byte();
    const std::uint64_t size = reader.leb(32);
    if (!reader.ok() || size > wasm.size() - reader.pos()) return std::nullopt;
    const std::size_t end = reader.pos() + size;
    if (id == kMemorySection) {
      DefinedMemory memory;
      memory.section_begin = begin;
      memory.section_end = end;
      const std::uint64_t count = reader.leb(32);
      if (count == 0) return std::nullopt;
      const std::uint64_t flags = reader.leb(32);  // bit 0: has max, 1: shared, 2: 64-bit
      memory.min_pages = reader.leb(64);
      if (flags & 1) memory.max_pages = reader.leb(64);
      memory.cappable = count == 1 && flags <= 1 && reader.ok() && reader.pos() == end;
      return memory;
    }
    reader = ByteReader(wasm, end);
  }
  return std::nullopt;
}

void append_leb(std::vector<std::uint8_t>& out, std::uint64_t value) {
  do {
    std::uint8_t b = value & 0x7f;
    value >>= 7;
    if (value) b |= 0x80;
    out.push_back(b);
  } while (value);
}

/// `wasm` with its (cappable) memory declaring `max_pages` as its maximum.
std::vector<std::uint8_t> with_memory_maximum(std::span<const std::uint8_t> wasm,
                                              const DefinedMemory& memory,
                                              std::uint32_t max_pages) {
  std::vector<std::uint8_t> section;
  section.push_back(1);  // one memory
  section.push_back(1);  // flags: has a maximum
  append_leb(section, memory.min_pages);
  append_leb(section, max_pages);

  std::vector<std::uint8_t> out(wasm.begin(), wasm.begin() + memory.section_begin);
  out.push_back(wasm[memory.section_begin]);  // the section id
  append_leb(out, section.size());
  out.insert(out.end(), section.begin(), section.end());
  out.insert(out.end(), wasm.begin() + memory.section_end, wasm.end());
  return out;
}

// ---- engine, module, instance ----------------------------------------------

/// The library and the one wasm_engine_t of an Engine, kept alive by every
/// module and instance made from it.
struct Runtime {
  const Api& api;
  Owned<wasm_engine_t> engine;
};

class CapiModule;

class CapiInstance final : public Instance {
 public:
  CapiInstance(std::shared_ptr<const CapiModule> module, HostFunctionTable host_functions,
               const Limits& limits);

  std::uint64_t call_i64(std::string_view name, std::uint32_t a, std::uint32_t b) override {
    wasm_val_t args[] = {i32_val(a), i32_val(b)};
    wasm_val_t results[1] = {};
    call(name, kCallI64Type, args, results);
    return static_cast<std::uint64_t>(results[0].of.i64);
  }

  std::uint32_t call_i32(std::string_view name, std::uint32_t a) override {
    wasm_val_t args[] = {i32_val(a)};
    wasm_val_t results[1] = {};
    call(name, kCallI32Type, args, results);
    return static_cast<std::uint32_t>(results[0].of.i32);
  }

  void call_void(std::string_view name, std::uint32_t a, std::uint32_t b) override {
    wasm_val_t args[] = {i32_val(a), i32_val(b)};
    call(name, kCallVoidType, args, {});
  }

  std::uint32_t call_const_i32(std::string_view name) override {
    wasm_val_t results[1] = {};
    call(name, kConstI32Type, {}, results);
    return static_cast<std::uint32_t>(results[0].of.i32);
  }

  std::span<std::uint8_t> memory() override {
    if (!memory_) return {};
    auto* data = reinterpret_cast<std::uint8_t*>(api_.wasm_memory_data(memory_));
    return {data, api_.wasm_memory_data_size(memory_)};
  }

 protected:
  // A zome call's entries by their resolved position (the instance's exports
  // are the module's, in order: checked at instantiation).
  std::uint32_t call_export_i32(std::uint32_t index, std::string_view name,
                                std::uint32_t a) override {
    wasm_val_t args[] = {i32_val(a)};
    wasm_val_t results[1] = {};
    call_func(export_at(index), name, args, results);
    return static_cast<std::uint32_t>(results[0].of.i32);
  }
  std::uint64_t call_export_i64(std::uint32_t index, std::string_view name, std::uint32_t a,
                                std::uint32_t b) override {
    wasm_val_t args[] = {i32_val(a), i32_val(b)};
    wasm_val_t results[1] = {};
    call_func(export_at(index), name, args, results);
    return static_cast<std::uint64_t>(results[0].of.i64);
  }
  void call_export_void(std::uint32_t index, std::string_view name, std::uint32_t a,
                        std::uint32_t b) override {
    wasm_val_t args[] = {i32_val(a), i32_val(b)};
    call_func(export_at(index), name, args, {});
  }

 private:
  /// What a host import's env points at: stable for the store's life.
  struct ImportBinding {
    CapiInstance* instance;
    const HostFunction* function;
    std::string name;  // "module.name", for messages
  };

  static wasm_trap_t* host_trampoline(void* env, const wasm_val_vec_t* args,
                                      wasm_val_vec_t* results);
  wasm_trap_t* run_host_function(const ImportBinding& binding, const wasm_val_vec_t* args,
                                 wasm_val_vec_t* results) noexcept;
  void call(std::string_view name, const FuncType& type, std::span<wasm_val_t> args,
            std::span<wasm_val_t> results);
  void call_func(const wasm_func_t* func, std::string_view name, std::span<wasm_val_t> args,
                 std::span<wasm_val_t> results);
  const wasm_func_t* export_at(std::uint32_t index) const {
    return api_.wasm_extern_as_func(exports_->data[index]);
  }
  const wasm_func_t* export_function(std::string_view name, const FuncType& type) const;
  void throw_pending_fault();
  void check_memory_limit(const std::string& context) const;
  std::string where(std::string_view name) const;

  std::shared_ptr<const CapiModule> module_;
  const Api& api_;
  Limits limits_;
  HostFunctionTable host_functions_;
  std::vector<ImportBinding> bindings_;
  // Declared in creation order so they are deleted in reverse: the exports
  // and the instance before the functions, all of them before their store,
  // and the store (which may call into bindings_) before bindings_.
  Owned<wasm_store_t> store_;
  std::vector<Owned<wasm_func_t>> host_funcs_;
  Owned<wasm_instance_t> instance_;
  OwnedVec<wasm_extern_vec_t> exports_;
  wasm_memory_t* memory_ = nullptr;  // borrowed from exports_
  // A Fault a host function threw, carried across the guest's frames (which
  // an exception must not unwind) to the call that entered them.
  std::optional<Fault> pending_fault_;
};

/// One wasm_module_t and the store it was compiled in. Modules belong to the
/// engine in wasmer and wasmtime and may be instantiated in any of its
/// stores; the store only exists for wasm_module_new, and lives as long as
/// the module in case an implementation ties them.
struct Compiled {
  Owned<wasm_store_t> store;
  Owned<wasm_module_t> module;  // deleted before its store (members go in reverse)
};

Compiled compile_bytes(const Runtime& runtime, std::span<const std::uint8_t> wasm,
                       const std::string& label) {
  const Api& api = runtime.api;
  Compiled compiled;
  compiled.store =
      Owned<wasm_store_t>(api.wasm_store_new(runtime.engine.get()), api.wasm_store_delete);
  if (!compiled.store)
    throw Fault(FaultKind::Compile, label + ": the wasm C API library made no store");
  wasm_byte_vec_t binary{
      wasm.size(), const_cast<wasm_byte_t*>(reinterpret_cast<const wasm_byte_t*>(wasm.data()))};
  compiled.module = Owned<wasm_module_t>(api.wasm_module_new(compiled.store.get(), &binary),
                                         api.wasm_module_delete);
  if (!compiled.module) {
    const std::string why = last_library_error(api);
    throw Fault(FaultKind::InvalidModule,
                label + ": not a valid wasm module" + (why.empty() ? "" : ": " + why));
  }
  return compiled;
}

class CapiModule final : public Module, public std::enable_shared_from_this<CapiModule> {
 public:
  CapiModule(std::shared_ptr<const Runtime> runtime, std::span<const std::uint8_t> wasm,
             std::string label)
      : runtime_(std::move(runtime)),
        label_(std::move(label)),
        import_types_(api().wasm_importtype_vec_delete) {
    const Api& api = this->api();
    if (wasm.empty()) throw Fault(FaultKind::InvalidModule, label_ + ": empty module");
    compiled_ = compile_bytes(*runtime_, wasm, label_);
    memory_ = find_defined_memory(wasm);
    if (memory_ && memory_->cappable) wasm_.assign(wasm.begin(), wasm.end());

    api.wasm_module_imports(compiled_.module.get(), import_types_.out());
    for (std::size_t i = 0; i < import_types_->size; ++i) {
      const wasm_importtype_t* import = import_types_->data[i];
      const wasm_externtype_t* type = api.wasm_importtype_type(import);
      ImportDesc desc;
      desc.module = to_string(api.wasm_importtype_module(import));
      desc.name = to_string(api.wasm_importtype_name(import));
      desc.kind = to_extern_kind(api.wasm_externtype_kind(type));
      if (desc.kind == ExternKind::Func) desc.type = to_func_type(api, type);
      imports_.push_back(std::move(desc));
    }

    OwnedVec<wasm_exporttype_vec_t> export_types(api.wasm_exporttype_vec_delete);
    api.wasm_module_exports(compiled_.module.get(), export_types.out());
    for (std::size_t i = 0; i < export_types->size; ++i) {
      const wasm_exporttype_t* exported = export_types->data[i];
      const wasm_externtype_t* type = api.wasm_exporttype_type(exported);
      ExportDesc desc;
      desc.name = to_string(api.wasm_exporttype_name(exported));
      desc.kind = to_extern_kind(api.wasm_externtype_kind(type));
      if (desc.kind == ExternKind::Func) desc.type = to_func_type(api, type);
      exports_.push_back(std::move(desc));
    }
  }

  const std::vector<ImportDesc>& imports() const override { return imports_; }
  const std::vector<ExportDesc>& exports() const override { return exports_; }

  using Module::instantiate;
  std::unique_ptr<Instance> instantiate(HostFunctionTable host_functions,
                                        const Limits& limits) override {
    return std::make_unique<CapiInstance>(shared_from_this(), std::move(host_functions), limits);
  }

  const Api& api() const { return runtime_->api; }
  wasm_engine_t* engine() const { return runtime_->engine.get(); }
  const std::string& label() const { return label_; }
  /// The type of import `index`, borrowed from the module's import list.
  const wasm_functype_t* import_func_type(std::size_t index) const {
    return api().wasm_externtype_as_functype_const(
        api().wasm_importtype_type(import_types_->data[index]));
  }

  /// The module to instantiate under a memory limit of `max_pages`: this one,
  /// or a copy whose memory cannot grow past the limit (compiled once per
  /// limit). Throws MemoryLimit when the memory starts above the limit.
  const wasm_module_t* module_for(std::uint32_t max_pages) const {
    if (!memory_) return compiled_.module.get();
    if (memory_->min_pages > max_pages)
      throw Fault(FaultKind::MemoryLimit,
                  label_ + ": memory starts at " + std::to_string(memory_->min_pages) +
                      " pages, over the limit of " + std::to_string(max_pages));
    constexpr std::uint64_t kAllPages = 65536;
    const std::uint64_t declared = memory_->max_pages.value_or(kAllPages);
    if (!memory_->cappable || declared <= max_pages) return compiled_.module.get();

    const std::lock_guard lock(capped_mutex_);
    auto& capped = capped_[max_pages];
    if (!capped.module)
      capped = compile_bytes(*runtime_, with_memory_maximum(wasm_, *memory_, max_pages), label_);
    return capped.module.get();
  }

 private:
  std::shared_ptr<const Runtime> runtime_;
  std::string label_;
  Compiled compiled_;
  OwnedVec<wasm_importtype_vec_t> import_types_;  // kept: host functions take their types
  std::vector<ImportDesc> imports_;
  std::vector<ExportDesc> exports_;
  std::optional<DefinedMemory> memory_;
  std::vector<std::uint8_t> wasm_;  // kept when capped copies may be needed
  mutable std::mutex capped_mutex_;
  mutable std::map<std::uint32_t, Compiled> capped_;  // by memory limit
};

CapiInstance::CapiInstance(std::shared_ptr<const CapiModule> module,
                           HostFunctionTable host_functions, const Limits& limits)
    : module_(std::move(module)),
      api_(module_->api()),
      limits_(limits),
      host_functions_(std::move(host_functions)),
      exports_(api_.wasm_extern_vec_delete) {
  // Instantiating runs the start function, which it cannot interrupt either.
  if (auto refused = refuse_unenforceable_deadline("wasm-c-api", limits_)) throw *refused;
  const auto& imports = module_->imports();
  for (std::size_t i = 0; i < imports.size(); ++i) {
    const ImportDesc& import = imports[i];
    const std::string name = import.module + "." + import.name;
    if (import.kind != ExternKind::Func)
      throw Fault(FaultKind::UnknownImport, module_->label() + ": import `" + name + "` is a " +
                                                std::string(to_string(import.kind)) +
                                                "; the host provides only functions");
    if (!host_functions_ || i >= host_functions_->size() || !(*host_functions_)[i])
      throw Fault(FaultKind::UnknownImport,
                  module_->label() + ": no host function for import `" + name + "`");
    if (import.type != kHostFunctionType)
      throw Fault(FaultKind::BadSignature,
                  module_->label() + ": import `" + name + "` is not of type (i32, i32) -> i64");
    bindings_.push_back({this, &(*host_functions_)[i], name});
  }
  const wasm_module_t* compiled = module_->module_for(limits.max_memory_pages);

  store_ = Owned<wasm_store_t>(api_.wasm_store_new(module_->engine()), api_.wasm_store_delete);
  if (!store_)
    throw Fault(FaultKind::HostError, module_->label() + ": the wasm C API library made no store");

  std::vector<wasm_extern_t*> externs;
  for (std::size_t i = 0; i < bindings_.size(); ++i) {
    // No finalizer: bindings_ outlives the store, which owns the functions.
    Owned<wasm_func_t> func(
        api_.wasm_func_new_with_env(store_.get(), module_->import_func_type(i),
                                    &CapiInstance::host_trampoline, &bindings_[i], nullptr),
        api_.wasm_func_delete);
    if (!func)
      throw Fault(FaultKind::HostError, module_->label() +
                                            ": the wasm C API library could not "
                                            "make host function `" +
                                            bindings_[i].name + "`");
    externs.push_back(api_.wasm_func_as_extern(func.get()));  // borrowed
    host_funcs_.push_back(std::move(func));
  }

  wasm_extern_t* no_extern = nullptr;  // never a null data pointer (see call)
  wasm_extern_vec_t imports_vec{externs.size(), externs.empty() ? &no_extern : externs.data()};
  wasm_trap_t* raw_trap = nullptr;
  instance_ = Owned<wasm_instance_t>(
      api_.wasm_instance_new(store_.get(), compiled, &imports_vec, &raw_trap),
      api_.wasm_instance_delete);
  const Owned<wasm_trap_t> trap(raw_trap, api_.wasm_trap_delete);
  if (!instance_ || trap) {
    throw_pending_fault();  // a host function the start function called failed
    const std::string why = trap ? trap_message(api_, trap.get()) : last_library_error(api_);
    throw fault_words::instantiation_failed(module_->label(), trap_reason(why), why);
  }

  api_.wasm_instance_exports(instance_.get(), exports_.out());
  const auto& exports = module_->exports();
  if (exports_->size != exports.size())
    throw Fault(FaultKind::HostError, module_->label() + ": the instance has " +
                                          std::to_string(exports_->size) + " exports, the module " +
                                          std::to_string(exports.size()));
  for (std::size_t i = 0; i < exports.size(); ++i)
    if (exports[i].kind == ExternKind::Memory && exports[i].name == "memory")
      memory_ = api_.wasm_extern_as_memory(exports_->data[i]);
  check_memory_limit(module_->label() + ": instantiation");
}

wasm_trap_t* CapiInstance::host_trampoline(void* env, const wasm_val_vec_t* args,
                                           wasm_val_vec_t* results) {
  const auto& binding = *static_cast<const ImportBinding*>(env);
  return binding.instance->run_host_function(binding, args, results);
}

wasm_trap_t* CapiInstance::run_host_function(const ImportBinding& binding,
                                             const wasm_val_vec_t* args,
                                             wasm_val_vec_t* results) noexcept {
  // No exception may unwind through the library's frames: a failure becomes
  // pending_fault_ plus a trap, and the call that entered the guest rethrows.
  try {
    if (!args || args->size != 2 || !results || results->size != 1)
      throw Fault(FaultKind::HostError,
                  where(binding.name) + ": called with the wrong number of values");
    // The guest may have grown memory since the call began.
    check_memory_limit(where(binding.name));
    const auto ptr = static_cast<std::uint32_t>(args->data[0].of.i32);
    const auto len = static_cast<std::uint32_t>(args->data[1].of.i32);
    const std::uint64_t result = (*binding.function)(*this, ptr, len);
    results->data[0].kind = WASM_I64;
    results->data[0].of.i64 = static_cast<std::int64_t>(result);
    return nullptr;
  } catch (const Fault& fault) {
    pending_fault_ = fault;
  } catch (const std::exception& error) {
    pending_fault_ = Fault(FaultKind::HostError, where(binding.name) + ": " + error.what());
  } catch (...) {
    pending_fault_ = Fault(FaultKind::HostError, where(binding.name) + ": unknown exception");
  }
  // The message only has to stop the guest (the pending fault carries the
  // real one); it is plain ASCII because wasmer rejects a message that is not
  // UTF-8 by returning no trap, which would mean success.
  static const char kMessage[] = "host function failed";
  wasm_message_t message{sizeof kMessage, const_cast<wasm_byte_t*>(kMessage)};
  return api_.wasm_trap_new(store_.get(), &message);
}

void CapiInstance::call(std::string_view name, const FuncType& type, std::span<wasm_val_t> args,
                        std::span<wasm_val_t> results) {
  // Refused before the lookup, so a refused call says why whatever it names.
  if (auto refused = refuse_unenforceable_deadline("wasm-c-api", limits_)) throw *refused;
  call_func(export_function(name, type), name, args, results);
}

void CapiInstance::call_func(const wasm_func_t* func, std::string_view name,
                             std::span<wasm_val_t> args, std::span<wasm_val_t> results) {
  if (auto refused = refuse_unenforceable_deadline("wasm-c-api", limits_)) throw *refused;
  // Never a null data pointer, even for no values: some implementations
  // build a slice from it unconditionally.
  wasm_val_t none{};
  wasm_val_vec_t args_vec{args.size(), args.empty() ? &none : args.data()};
  wasm_val_vec_t results_vec{results.size(), results.empty() ? &none : results.data()};
  const Owned<wasm_trap_t> trap(api_.wasm_func_call(func, &args_vec, &results_vec),
                                api_.wasm_trap_delete);
  // A host function's fault comes first: its trap only carried it here. It
  // is rethrown at the innermost call that entered the guest, so a host
  // function that calls the guest sees it, and if it lets it go, the next
  // call out sees it again, up to the outermost.
  throw_pending_fault();
  if (trap) {
    const std::string message = trap_message(api_, trap.get());
    throw fault_words::trap(where(name), trap_reason(message), message);
  }
  check_memory_limit(where(name));
}

const wasm_func_t* CapiInstance::export_function(std::string_view name,
                                                 const FuncType& type) const {
  const auto& exports = module_->exports();
  for (std::size_t i = 0; i < exports.size(); ++i) {
    if (exports[i].name != name) continue;
    if (exports[i].kind != ExternKind::Func)
      throw fault_words::export_not_a_function(module_->label(), name, to_string(exports[i].kind),
                                               describe(type));
    if (exports[i].type != type)
      throw fault_words::export_of_wrong_type(module_->label(), name, describe(exports[i].type),
                                              describe(type));
    return api_.wasm_extern_as_func(exports_->data[i]);
  }
  throw fault_words::missing_export(module_->label(), name);
}

void CapiInstance::throw_pending_fault() {
  if (!pending_fault_) return;
  Fault fault = std::move(*pending_fault_);
  pending_fault_.reset();
  throw fault;
}

void CapiInstance::check_memory_limit(const std::string& context) const {
  if (!memory_) return;
  const std::size_t pages = api_.wasm_memory_data_size(memory_) / kPageSize;
  if (pages > limits_.max_memory_pages)
    throw Fault(FaultKind::MemoryLimit, context + ": memory is " + std::to_string(pages) +
                                            " pages, over the limit of " +
                                            std::to_string(limits_.max_memory_pages));
}

std::string CapiInstance::where(std::string_view name) const {
  return fault_words::call_site(module_->label(), name);
}

class CapiEngine final : public Engine {
 public:
  explicit CapiEngine(const Api& api) {
    auto runtime = std::make_shared<Runtime>(
        Runtime{api, Owned<wasm_engine_t>(api.wasm_engine_new(), api.wasm_engine_delete)});
    if (!runtime->engine)
      throw Fault(FaultKind::EngineUnavailable,
                  "wasm-c-api engine: " + api.library + " made no engine");
    runtime_ = std::move(runtime);
  }

  std::string_view name() const override { return "wasm-c-api"; }

  std::shared_ptr<Module> compile(std::span<const std::uint8_t> wasm,
                                  std::string_view label) override {
    return std::make_shared<CapiModule>(runtime_, wasm, std::string(label));
  }

 private:
  std::shared_ptr<const Runtime> runtime_;
};

}  // namespace

std::unique_ptr<Engine> make_wasm_c_api_engine() {
  return std::make_unique<CapiEngine>(load_api());
}

}  // namespace hdk_host
