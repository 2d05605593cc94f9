// wabt's interpreter behind the interp engine (C++17, see interp_wabt.hpp).
//
// How it maps onto wabt:
// - Every wabt object lives in a Store, and a Store is not thread-safe. A module may be shared
//   between threads, so WabtModule keeps only the decoded ModuleDesc. An instance runs in a
//   Runtime of its own: a Store holding a wabt Module built from a copy of that desc, with the
//   memory's maximum lowered to the instance's limit so that memory.grow past it returns -1 as
//   the spec says. When the instance goes, its Runtime goes back to a small pool; the next
//   instance of the same module and limits reuses its Module and interpreter threads, which
//   were most of an instance's cost.
// - wabt has no public way to run a call for a bounded number of steps (Thread::Run(n) needs a
//   frame that only a private method pushes), so the instruction budget and the deadline are
//   metered in the code itself: a second variant of the module, built on first use, charges a
//   fuel global at every function entry and loop header. Fuel comes in slices of kFuelSlice
//   instructions; when a slice runs out the code calls the host (through a one-slot table the
//   variant adds, so that no function index moves), which takes the next slice from the budget
//   and reads the clock, or traps with BudgetExhausted or DeadlineExceeded. The clock is thus
//   read once per slice, not per instruction. Instances with neither a budget nor a deadline
//   run the unmodified code.
// - libwabt is built without exceptions, so nothing may unwind through it. A host function's
//   exception is caught in its trampoline, parked on the instance and turned into a trap; the
//   call that started the guest rethrows it once wabt has returned.
#include "interp_wabt.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <iterator>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <utility>

#include <wabt/binary-reader-ir.h>
#include <wabt/binary-reader.h>
#include <wabt/binary-writer.h>
#include <wabt/cast.h>
#include <wabt/error.h>
#include <wabt/feature.h>
#include <wabt/interp/binary-reader-interp.h>
#include <wabt/interp/interp.h>
#include <wabt/ir.h>
#include <wabt/stream.h>

#include "fault_words.hpp"

namespace hdk_host::interp {
namespace {

namespace wi = wabt::interp;

wabt::ReadBinaryOptions read_options() {
  return wabt::ReadBinaryOptions(wabt::Features{}, nullptr, /*read_debug_names=*/false,
                                 /*stop_on_first_error=*/true,
                                 /*fail_on_custom_section_error=*/false);
}

std::string first_error(const wabt::Errors& errors) {
  return errors.empty() ? std::string("unreadable") : errors.front().message;
}

// As engine.hpp's describe(FuncType) says it, which this C++17 file cannot include.
std::string describe(const wi::FuncType& type) {
  const auto list = [](const wi::ValueTypes& types) {
    std::string out = "(";
    for (std::size_t i = 0; i < types.size(); ++i) {
      if (i > 0) out += ", ";
      out += wi::GetName(types[i]);
    }
    return out + ")";
  };
  if (type.results.size() == 1) return list(type.params) + " -> " + wi::GetName(type.results[0]);
  return list(type.params) + " -> " + list(type.results);
}

// As engine.hpp's to_string(ExternKind) says it.
std::string_view kind_name(wabt::ExternalKind kind) {
  switch (kind) {
    case wabt::ExternalKind::Func:
      return "function";
    case wabt::ExternalKind::Table:
      return "table";
    case wabt::ExternalKind::Memory:
      return "memory";
    case wabt::ExternalKind::Global:
      return "global";
    case wabt::ExternalKind::Tag:
      return "tag";
  }
  return "extern";
}

using fault_words::TrapReason;

// wabt's Trap carries no code, only one of the interpreter's fixed reasons (interp.cc), each a
// constant string that starts the message: they are its trap codes.
TrapReason trap_reason(std::string_view message) {
  struct Code {
    std::string_view prefix;
    TrapReason reason;
  };
  static constexpr Code kCodes[] = {
      {"unreachable executed", TrapReason::Unreachable},
      {"integer divide by zero", TrapReason::DivideByZero},
      {"integer overflow", TrapReason::IntegerOverflow},
      {"invalid conversion to integer", TrapReason::InvalidConversion},
      {"out of bounds memory access", TrapReason::OutOfBounds},
      {"out of bounds table access", TrapReason::OutOfBounds},
      {"undefined table index", TrapReason::IndirectCall},
      {"uninitialized table element", TrapReason::IndirectCall},
      {"indirect call signature mismatch", TrapReason::IndirectCall},
      {"call stack exhausted", TrapReason::CallStackExhausted},
      {"value stack exhausted", TrapReason::CallStackExhausted},
  };
  for (const Code& code : kCodes) {
    if (message.substr(0, code.prefix.size()) == code.prefix) return code.reason;
  }
  return TrapReason::Unknown;
}

const wi::FuncType kHostCallType({wabt::Type::I32, wabt::Type::I32}, {wabt::Type::I64});
const wi::FuncType kCallI64Type({wabt::Type::I32, wabt::Type::I32}, {wabt::Type::I64});
const wi::FuncType kCallI32Type({wabt::Type::I32}, {wabt::Type::I32});
const wi::FuncType kConstI32Type({}, {wabt::Type::I32});
const wi::FuncType kCallVoidType({wabt::Type::I32, wabt::Type::I32}, {});

std::string import_name(const wi::ModuleDesc& desc, std::size_t index) {
  const wi::ImportType& type = desc.imports[index].type;
  return type.module + "." + type.name;
}

bool same_type(const wi::FuncType& a, const wi::FuncType& b) {
  return a.params == b.params && a.results == b.results;
}

// ---- instruction metering -------------------------------------------------------------------
//
// Instructions are counted as in the wasm text format (a block, loop or if counts once; end and
// else do not). A function's entry charges every instruction of its body outside loops, a loop
// header every instruction of the loop body outside nested loops. Each of those runs at most once
// before execution passes the next charge, so a charge is an upper bound (untaken branches are
// charged too) and a call never runs more instructions than its budget. Host functions are free.

// Where the metered variant keeps its fuel and how it asks the host for more.
struct Meter {
  wabt::Index fuel_global = 0;   // i64, what is left of the current slice
  wabt::Index refuel_table = 0;  // one funcref slot: the host's refuel function
  wabt::Index refuel_type = 0;   // (i64) -> i64: overdrawn fuel in, fuel out
};

// fuel -= cost; if (fuel < 0) fuel = refuel(fuel);
void prepend_charge(wabt::ExprList& exprs, const Meter& meter, std::uint64_t cost) {
  using namespace wabt;
  const Var fuel_var(meter.fuel_global, Location());
  ExprList charge;
  charge.push_back(std::make_unique<GlobalGetExpr>(fuel_var));
  charge.push_back(std::make_unique<ConstExpr>(Const::I64(cost)));
  charge.push_back(std::make_unique<BinaryExpr>(Opcode::I64Sub));
  charge.push_back(std::make_unique<GlobalSetExpr>(fuel_var));
  charge.push_back(std::make_unique<GlobalGetExpr>(fuel_var));
  charge.push_back(std::make_unique<ConstExpr>(Const::I64(0)));
  charge.push_back(std::make_unique<CompareExpr>(Opcode::I64LtS));
  auto out_of_fuel = std::make_unique<IfExpr>();
  ExprList& refuel = out_of_fuel->true_.exprs;
  refuel.push_back(std::make_unique<GlobalGetExpr>(fuel_var));
  refuel.push_back(std::make_unique<ConstExpr>(Const::I32(0)));
  auto call = std::make_unique<CallIndirectExpr>();
  call->decl.has_func_type = true;
  call->decl.type_var = Var(meter.refuel_type, Location());
  call->decl.sig.param_types = {Type::I64};
  call->decl.sig.result_types = {Type::I64};
  call->table = Var(meter.refuel_table, Location());
  refuel.push_back(std::move(call));
  refuel.push_back(std::make_unique<GlobalSetExpr>(fuel_var));
  charge.push_back(std::move(out_of_fuel));
  exprs.splice(exprs.begin(), charge);
}

// Meters every loop inside `exprs` and returns what `exprs` costs outside them.
std::uint64_t meter(wabt::ExprList& exprs, const Meter& fuel) {
  using namespace wabt;
  std::uint64_t cost = 0;
  for (Expr& expr : exprs) {
    ++cost;
    switch (expr.type()) {
      case ExprType::Block:
        cost += meter(cast<BlockExpr>(&expr)->block.exprs, fuel);
        break;
      case ExprType::If: {
        auto* if_expr = cast<IfExpr>(&expr);
        cost += meter(if_expr->true_.exprs, fuel) + meter(if_expr->false_, fuel);
        break;
      }
      case ExprType::Try: {
        auto* try_expr = cast<TryExpr>(&expr);
        cost += meter(try_expr->block.exprs, fuel);
        for (Catch& handler : try_expr->catches) cost += meter(handler.exprs, fuel);
        break;
      }
      case ExprType::Loop: {
        ExprList& body = cast<LoopExpr>(&expr)->block.exprs;
        const std::uint64_t body_cost = meter(body, fuel);
        if (body_cost > 0) prepend_charge(body, fuel, body_cost);
        break;
      }
      default:
        break;
    }
  }
  return cost;
}

struct MeteredDesc {
  wi::ModuleDesc desc;
  Meter meter;
};

// The module with a fuel global appended (after every other global, so no index moves) and
// charges inserted, decoded back through the binary format by wabt's own reader.
MeteredDesc build_metered(const std::vector<std::uint8_t>& wasm, const std::string& label) {
  const auto fail = [&](const std::string& why) {
    return Fault(FaultKind::Compile, label + ": cannot meter instructions: " + why);
  };
  wabt::Errors errors;
  wabt::Module ir;
  if (wabt::Failed(wabt::ReadBinaryIr(label.c_str(), wasm.data(), wasm.size(), read_options(),
                                      &errors, &ir))) {
    throw fail(first_error(errors));
  }

  // Each appended after its kind's last, so no index of the module moves.
  MeteredDesc out;
  out.meter.fuel_global = static_cast<wabt::Index>(ir.globals.size());
  auto global = std::make_unique<wabt::GlobalModuleField>();
  global->global.type = wabt::Type::I64;
  global->global.mutable_ = true;
  global->global.init_expr.push_back(std::make_unique<wabt::ConstExpr>(wabt::Const::I64(0)));
  ir.AppendField(std::move(global));

  out.meter.refuel_table = static_cast<wabt::Index>(ir.tables.size());
  auto table = std::make_unique<wabt::TableModuleField>();
  table->table.elem_limits.initial = 1;
  table->table.elem_limits.max = 1;
  table->table.elem_limits.has_max = true;
  ir.AppendField(std::move(table));

  out.meter.refuel_type = static_cast<wabt::Index>(ir.types.size());
  auto type = std::make_unique<wabt::TypeModuleField>();
  auto func_type = std::make_unique<wabt::FuncType>();
  func_type->sig.param_types = {wabt::Type::I64};
  func_type->sig.result_types = {wabt::Type::I64};
  type->type = std::move(func_type);
  ir.AppendField(std::move(type));

  for (wabt::Index i = ir.num_func_imports; i < ir.funcs.size(); ++i) {
    wabt::ExprList& body = ir.funcs[i]->exprs;
    const std::uint64_t cost = meter(body, out.meter);
    if (cost > 0) prepend_charge(body, out.meter, cost);
  }

  wabt::MemoryStream stream;
  if (wabt::Failed(wabt::WriteBinaryModule(&stream, &ir, wabt::WriteBinaryOptions()))) {
    throw fail("cannot write the metered module");
  }
  const std::vector<std::uint8_t>& bytes = stream.output_buffer().data;
  if (wabt::Failed(wi::ReadBinaryInterp(label, bytes.data(), bytes.size(), read_options(), &errors,
                                        &out.desc))) {
    throw fail(first_error(errors));
  }
  return out;
}

}  // namespace

// ---- module ---------------------------------------------------------------------------------

class WabtModule {
 public:
  WabtModule(std::string label, const std::uint8_t* wasm, std::size_t size, wi::ModuleDesc desc)
      : id_(next_id_++),
        label_(std::move(label)),
        wasm_(wasm, wasm + size),
        plain_(std::move(desc)) {
    for (std::size_t i = 0; i < plain_.exports.size(); ++i) {
      export_positions_.emplace(plain_.exports[i].type.name, i);
    }
  }

  /// Unique in the process, unlike the address, which a later module may reuse.
  std::uint64_t id() const { return id_; }
  const std::string& label() const { return label_; }
  const wi::ModuleDesc& plain_desc() const { return plain_; }

  /// The position of export `name`: wabt indexes an instance's exports by position, not by
  /// function index.
  std::optional<std::size_t> export_position(std::string_view name) const {
    const auto it = export_positions_.find(name);
    if (it == export_positions_.end()) return std::nullopt;
    return it->second;
  }

  /// The metered variant, built by the first instance that has a budget.
  const MeteredDesc& metered_desc() const {
    std::call_once(metered_once_, [this] { metered_ = build_metered(wasm_, label_); });
    return *metered_;
  }

 private:
  static inline std::atomic<std::uint64_t> next_id_{1};
  std::uint64_t id_;
  std::string label_;
  std::vector<std::uint8_t> wasm_;  // for the metered variant
  wi::ModuleDesc plain_;
  std::map<std::string, std::size_t, std::less<>> export_positions_;
  mutable std::once_flag metered_once_;
  mutable std::optional<MeteredDesc> metered_;
};

std::shared_ptr<const WabtModule> decode(const std::uint8_t* wasm, std::size_t size,
                                         const std::string& label) {
  // ReadBinaryInterp validates while it decodes.
  wabt::Errors errors;
  wi::ModuleDesc desc;
  if (wabt::Failed(wi::ReadBinaryInterp(label, wasm, size, read_options(), &errors, &desc))) {
    throw Fault(FaultKind::InvalidModule,
                label + ": not a valid wasm module: " + first_error(errors));
  }
  return std::make_shared<const WabtModule>(label, wasm, size, std::move(desc));
}

// ---- runtimes --------------------------------------------------------------------------------

namespace {

/// What an instance's wabt Module is built from.
struct Variant {
  std::uint64_t module_id = 0;
  bool metered = false;
  std::uint32_t max_memory_pages = 0;

  bool operator==(const Variant& other) const {
    return module_id == other.module_id && metered == other.metered &&
           max_memory_pages == other.max_memory_pages;
  }
};

// A Store with the threads that ran in it and the wabt Module last instantiated in it, kept
// between instances (one per zome call): building those was most of an instance's cost. A wabt
// Thread reserves 128 KiB of stacks, and a wabt Module copies every function's description.
struct Runtime {
  wi::Store store;
  // Declared after the store they unregister from.
  std::vector<std::unique_ptr<wi::Thread>> idle_threads;  // each finished a call cleanly
  std::optional<Variant> variant;
  wi::Module::Ptr module;  // built for `variant`
};

class RuntimePool {
 public:
  /// A runtime, preferably one that already holds `variant`.
  std::unique_ptr<Runtime> acquire(const Variant& variant) {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      if (!idle_.empty()) {
        auto it = std::find_if(idle_.rbegin(), idle_.rend(),
                               [&](const auto& runtime) { return runtime->variant == variant; });
        auto pick = it != idle_.rend() ? std::prev(it.base()) : std::prev(idle_.end());
        std::unique_ptr<Runtime> runtime = std::move(*pick);
        idle_.erase(pick);
        return runtime;
      }
    }
    return std::make_unique<Runtime>();
  }

  /// Takes back a runtime whose instance dropped every reference into its store.
  void release(std::unique_ptr<Runtime> runtime) {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      if (idle_.size() >= kMaxIdle) return;
    }
    // Frees every object of the old instance. Idle threads hold no references, but their
    // bookkeeping of reference slots can be stale, so they stay out of the marking.
    std::set<wi::Thread*> threads;
    threads.swap(runtime->store.threads());
    runtime->store.Collect();
    threads.swap(runtime->store.threads());

    const std::lock_guard<std::mutex> lock(mutex_);
    if (idle_.size() < kMaxIdle) idle_.push_back(std::move(runtime));
  }

 private:
  static constexpr std::size_t kMaxIdle = 8;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Runtime>> idle_;
};

RuntimePool& runtime_pool() {
  // Never destroyed: instances that outlive static destruction still return their runtime.
  static RuntimePool* const pool = new RuntimePool;
  return *pool;
}

}  // namespace

// ---- instance -------------------------------------------------------------------------------

struct WabtInstance::State {
  explicit State(const Variant& variant)
      : runtime(runtime_pool().acquire(variant)), store(runtime->store) {}
  ~State() {
    instance.reset();
    memory.reset();
    fuel.reset();
    runtime_pool().release(std::move(runtime));
  }
  State(const State&) = delete;
  State& operator=(const State&) = delete;

  std::shared_ptr<const WabtModule> module;
  std::vector<HostCall> host_calls;
  RunLimits limits;
  std::unique_ptr<Runtime> runtime;
  wi::Store& store;
  // References into `store`, all released before the runtime goes back to the pool.
  wi::Instance::Ptr instance;
  wi::Memory::Ptr memory;
  wi::Global::Ptr fuel;  // set when metered
  int depth = 0;         // guest calls in progress (host functions re-enter)
  std::optional<Fault> pending;
  // The outermost call's budget beyond the fuel in the global, and its deadline.
  std::uint64_t reserve = 0;
  std::chrono::steady_clock::time_point deadline;
  std::string running;           // what the outermost call runs, for messages
  std::optional<Fault> stopped;  // why the outermost call may run no further

  const std::string& label() const { return module->label(); }
  std::string import_name(std::size_t index) const {
    return ::hdk_host::interp::import_name(module->plain_desc(), index);
  }

  wi::Values invoke(std::string_view name, const wi::FuncType& type, const wi::Values& params);
  wi::Values invoke_at(std::size_t position, std::string_view name, const wi::Values& params);
  wi::Values run(const wi::Func::Ptr& func, const std::string& what, const wi::Values& params);
  wabt::Result call_host(std::size_t index, wi::Thread& thread, const wi::Values& params,
                         wi::Values& results, wi::Trap::Ptr* out_trap);
  wabt::Result refuel(wi::Thread& thread, const wi::Values& params, wi::Values& results,
                      wi::Trap::Ptr* out_trap);
  /// `what`: the export that ran, or empty for the start function.
  Fault fault_of_trap(const std::string& what, const wi::Trap::Ptr& trap) const;
  std::string where_running() const;
};

WabtInstance::WabtInstance(std::shared_ptr<const WabtModule> module,
                           std::vector<HostCall> host_calls, const RunLimits& limits) {
  const wi::ModuleDesc& plain = module->plain_desc();
  const std::string& label = module->label();

  for (const wi::MemoryDesc& memory : plain.memories) {
    if (memory.type.limits.initial > limits.max_memory_pages) {
      throw Fault(FaultKind::MemoryLimit,
                  label + ": memory starts at " + std::to_string(memory.type.limits.initial) +
                      " pages, over the limit of " + std::to_string(limits.max_memory_pages));
    }
  }
  for (std::size_t i = 0; i < plain.imports.size(); ++i) {
    const wi::ImportType& type = plain.imports[i].type;
    if (type.type->kind != wabt::ExternalKind::Func || i >= host_calls.size() || !host_calls[i]) {
      throw Fault(FaultKind::UnknownImport,
                  label + ": the host does not provide import `" + import_name(plain, i) + "`");
    }
    const auto& func_type = *wabt::cast<wi::FuncType>(type.type.get());
    if (!same_type(func_type, kHostCallType)) {
      throw Fault(FaultKind::BadSignature, label + ": import `" + import_name(plain, i) +
                                               "` has type " + describe(func_type) +
                                               ", host functions are " + describe(kHostCallType));
    }
  }

  const bool metered = limits.instruction_budget > 0 || limits.deadline.count() > 0;
  const MeteredDesc* metered_desc = metered ? &module->metered_desc() : nullptr;
  const Variant variant{module->id(), metered, limits.max_memory_pages};
  state_ = std::make_unique<State>(variant);
  State& s = *state_;
  s.module = std::move(module);
  s.host_calls = std::move(host_calls);
  s.limits = limits;

  Runtime& runtime = *s.runtime;
  if (!runtime.module || !(runtime.variant == variant)) {
    runtime.module.reset();
    runtime.variant.reset();
    wi::ModuleDesc desc = metered ? metered_desc->desc : plain;
    for (wi::MemoryDesc& memory : desc.memories) {
      wabt::Limits& pages = memory.type.limits;
      if (!pages.has_max || pages.max > limits.max_memory_pages) {
        pages.max = limits.max_memory_pages;
        pages.has_max = true;
      }
    }
    // run_start() runs them as ordinary calls, with the budget and Fault handling of any call.
    desc.starts.clear();
    runtime.module = wi::Module::New(s.store, std::move(desc));
    runtime.variant = variant;
  }

  wi::RefVec imports;
  for (std::size_t i = 0; i < plain.imports.size(); ++i) {
    const auto& func_type = *wabt::cast<wi::FuncType>(plain.imports[i].type.type.get());
    auto callback = [&s, i](wi::Thread& thread, const wi::Values& params, wi::Values& results,
                            wi::Trap::Ptr* out_trap) {
      return s.call_host(i, thread, params, results, out_trap);
    };
    imports.push_back(wi::HostFunc::New(s.store, func_type, std::move(callback)).ref());
  }

  wi::Trap::Ptr trap;
  s.instance = wi::Instance::Instantiate(s.store, runtime.module.ref(), imports, &trap);
  if (!s.instance) {
    const std::string message = trap ? trap->message() : std::string("unknown trap");
    throw fault_words::instantiation_failed(label, trap_reason(message), message);
  }
  if (!s.instance->memories().empty()) {
    s.memory = wi::Memory::Ptr(s.store, s.instance->memories()[0]);
  }
  if (metered) {
    const Meter& meter = metered_desc->meter;
    s.fuel = wi::Global::Ptr(s.store, s.instance->globals()[meter.fuel_global]);
    const wi::FuncType refuel_type({wabt::Type::I64}, {wabt::Type::I64});
    auto refuel = [&s](wi::Thread& thread, const wi::Values& params, wi::Values& results,
                       wi::Trap::Ptr* out_trap) {
      return s.refuel(thread, params, results, out_trap);
    };
    const wi::HostFunc::Ptr func = wi::HostFunc::New(s.store, refuel_type, std::move(refuel));
    wi::Table::Ptr table(s.store, s.instance->tables()[meter.refuel_table]);
    if (wabt::Failed(table->Set(s.store, 0, func.ref()))) {
      throw Fault(FaultKind::Compile, label + ": cannot install the instruction meter");
    }
  }
}

WabtInstance::~WabtInstance() = default;

void WabtInstance::run_start() {
  State& s = *state_;
  for (const wi::StartDesc& start : s.module->plain_desc().starts) {
    // An empty name: the start function is part of instantiation, and faults say so.
    s.run(wi::Func::Ptr(s.store, s.instance->funcs()[start.func_index]), std::string(), {});
  }
}

std::uint64_t WabtInstance::call_i64(std::string_view name, std::uint32_t a, std::uint32_t b) {
  const wi::Values results =
      state_->invoke(name, kCallI64Type, {wi::Value::Make(a), wi::Value::Make(b)});
  return results[0].Get<wi::u64>();
}

std::uint32_t WabtInstance::call_i32(std::string_view name, std::uint32_t a) {
  const wi::Values results = state_->invoke(name, kCallI32Type, {wi::Value::Make(a)});
  return results[0].Get<wi::u32>();
}

std::uint32_t WabtInstance::call_const_i32(std::string_view name) {
  const wi::Values results = state_->invoke(name, kConstI32Type, {});
  return results[0].Get<wi::u32>();
}

void WabtInstance::call_void(std::string_view name, std::uint32_t a, std::uint32_t b) {
  state_->invoke(name, kCallVoidType, {wi::Value::Make(a), wi::Value::Make(b)});
}

std::uint8_t* WabtInstance::memory_data() {
  return state_->memory ? state_->memory->UnsafeData() : nullptr;
}

std::size_t WabtInstance::memory_size() {
  return state_->memory ? static_cast<std::size_t>(state_->memory->ByteSize()) : 0;
}

std::uint64_t WabtInstance::call_export_i64(std::size_t position, std::string_view name,
                                            std::uint32_t a, std::uint32_t b) {
  return state_->invoke_at(position, name, {wi::Value::Make(a), wi::Value::Make(b)})[0]
      .Get<wi::u64>();
}

std::uint32_t WabtInstance::call_export_i32(std::size_t position, std::string_view name,
                                            std::uint32_t a) {
  return state_->invoke_at(position, name, {wi::Value::Make(a)})[0].Get<wi::u32>();
}

void WabtInstance::call_export_void(std::size_t position, std::string_view name, std::uint32_t a,
                                    std::uint32_t b) {
  state_->invoke_at(position, name, {wi::Value::Make(a), wi::Value::Make(b)});
}

wi::Values WabtInstance::State::invoke_at(std::size_t position, std::string_view name,
                                          const wi::Values& params) {
  return run(wi::Func::Ptr(store, instance->exports()[position]), std::string(name), params);
}

wi::Values WabtInstance::State::invoke(std::string_view name, const wi::FuncType& type,
                                       const wi::Values& params) {
  const std::optional<std::size_t> position = module->export_position(name);
  if (!position) throw fault_words::missing_export(label(), name);

  const wi::ExternType& export_type = *module->plain_desc().exports[*position].type.type;
  const auto* func_type = wabt::dyn_cast<wi::FuncType>(&export_type);
  if (!func_type) {
    throw fault_words::export_not_a_function(label(), name, kind_name(export_type.kind),
                                             describe(type));
  }
  if (!same_type(*func_type, type)) {
    throw fault_words::export_of_wrong_type(label(), name, describe(*func_type), describe(type));
  }
  return run(wi::Func::Ptr(store, instance->exports()[*position]), std::string(name), params);
}

wi::Values WabtInstance::State::run(const wi::Func::Ptr& func, const std::string& what,
                                    const wi::Values& params) {
  if (depth == 0) {
    pending.reset();
    stopped.reset();
    running = what;
    if (fuel) {
      const std::uint64_t budget = limits.instruction_budget > 0
                                       ? limits.instruction_budget
                                       : std::numeric_limits<std::uint64_t>::max();
      const std::uint64_t slice = std::min<std::uint64_t>(budget, kFuelSlice);
      reserve = budget - slice;
      deadline = std::chrono::steady_clock::now() + limits.deadline;
      fuel->UnsafeSet(wi::Value::Make(slice));
    }
  }
  wi::Values results;
  wi::Trap::Ptr trap;
  wabt::Result result;
  // Every call, nested ones too, runs on a thread of its own: a trapped thread keeps its
  // frames, so it is dropped, and a host function that handles the Fault of a nested call must
  // not leave those frames under the outer call's.
  std::vector<std::unique_ptr<wi::Thread>>& idle_threads = runtime->idle_threads;
  std::unique_ptr<wi::Thread> thread;
  if (idle_threads.empty()) {
    thread = std::make_unique<wi::Thread>(store);
  } else {
    thread = std::move(idle_threads.back());
    idle_threads.pop_back();
  }
  ++depth;
  result = func->Call(*thread, params, results, &trap);
  --depth;
  if (wabt::Succeeded(result)) {
    idle_threads.push_back(std::move(thread));
    return results;
  }

  if (pending) {
    Fault fault = std::move(*pending);
    pending.reset();
    throw fault;
  }
  throw fault_of_trap(what, trap);
}

// Called by the metered code when a slice of fuel is spent (`params[0]` is the overdrawn fuel,
// below 0): hands out the next slice of the budget, or stops the call.
wabt::Result WabtInstance::State::refuel(wi::Thread& thread, const wi::Values& params,
                                         wi::Values& results, wi::Trap::Ptr* out_trap) {
  const std::int64_t overdrawn = params[0].Get<wi::s64>();
  const std::uint64_t debt = static_cast<std::uint64_t>(-(overdrawn + 1)) + 1;
  const std::uint64_t grant = std::min(reserve, std::max<std::uint64_t>(kFuelSlice, debt));
  reserve -= grant;
  if (!stopped) {
    const std::string where = where_running();
    if (grant < debt) {
      stopped = fault_words::budget_exhausted(where, limits.instruction_budget);
    } else if (limits.deadline.count() > 0 && std::chrono::steady_clock::now() >= deadline) {
      stopped = fault_words::deadline_exceeded(where, limits.deadline);
    } else {
      results[0] = wi::Value::Make(static_cast<wi::s64>(grant - debt));
      return wabt::Result::Ok;
    }
  }
  // The outermost call stays stopped: a host function that handles the Fault of a nested call
  // returns into guest code that stops at its next charge.
  pending = stopped;
  *out_trap = wi::Trap::New(thread.store(), pending->what());
  return wabt::Result::Error;
}

Fault WabtInstance::State::fault_of_trap(const std::string& what, const wi::Trap::Ptr& trap) const {
  const std::string message = trap ? trap->message() : std::string("unknown trap");
  const TrapReason reason = trap_reason(message);
  if (what.empty()) return fault_words::instantiation_failed(label(), reason, message);
  return fault_words::trap(fault_words::call_site(label(), what), reason, message);
}

std::string WabtInstance::State::where_running() const {
  return running.empty() ? label() + ": instantiation" : fault_words::call_site(label(), running);
}

wabt::Result WabtInstance::State::call_host(std::size_t index, wi::Thread& thread,
                                            const wi::Values& params, wi::Values& results,
                                            wi::Trap::Ptr* out_trap) {
  try {
    const std::uint64_t packed =
        host_calls[index](params[0].Get<wi::u32>(), params[1].Get<wi::u32>());
    results[0] = wi::Value::Make(packed);
    return wabt::Result::Ok;
  } catch (const Fault& fault) {
    pending = fault;
  } catch (const std::exception& e) {
    pending = Fault(FaultKind::HostError,
                    label() + ": host function `" + import_name(index) + "` failed: " + e.what());
  } catch (...) {
    pending = Fault(FaultKind::HostError,
                    label() + ": host function `" + import_name(index) + "` failed");
  }
  *out_trap = wi::Trap::New(thread.store(), pending->what());
  return wabt::Result::Error;
}

}  // namespace hdk_host::interp
