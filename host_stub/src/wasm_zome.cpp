// One zome call on a wasm instance, as Holochain's host makes it: allocate
// and write the input through the guest's allocator, call, bounds-check and
// copy the result, free it, decode it. Host imports read their input the
// same way and answer through __hc__allocate_1.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <thread>

#include <hdk/abi.hpp>

#include "guest_transfer.hpp"
#include "hdk_host/host_fn_list.hpp"
#include "hdk_host/host_functions.hpp"
#include "zomes.hpp"

namespace hdk_host {
namespace {

/// Per-call state the host functions reach, through Instance::host_data().
struct CallState {
  CallContext* context = nullptr;
  std::optional<std::vector<std::uint8_t>> short_circuit;
};

/// The module's imports bound to the host's functions, once per zome: every
/// instance shares the table, and a call's state comes from its instance.
HostFunctionTable bind_imports(const Module& module) {
  auto table = std::make_shared<std::vector<HostFunction>>();
  for (const ImportDesc& import : module.imports()) {
    const std::optional<HostFnId> id = find_host_fn(import.name);
    if (import.module != "env" || !id) {
      table->emplace_back();  // the engine reports it as UnknownImport
      continue;
    }
    table->emplace_back(
        [id = *id](Instance& instance, std::uint32_t ptr, std::uint32_t len) -> std::uint64_t {
          auto& state = *static_cast<CallState*>(instance.host_data());
          const std::string_view name = host_fn_info(id).import_name;
          const auto what = [&](std::string_view role) {
            return std::string(role) + " of host function env." + std::string(name);
          };
          std::vector<std::uint8_t> input;
          {
            const std::span<const std::uint8_t> memory = instance.memory_to_read();
            if (static_cast<std::uint64_t>(ptr) + len > memory.size())
              throw region_out_of_bounds(what("input"), ptr, len, memory.size());
            input.assign(memory.begin() + ptr, memory.begin() + ptr + len);
          }
          // The host consumes the input region (holochain-wasmer's rule).
          instance.call_void(kGuestDeallocate, ptr, len);
          std::vector<std::uint8_t> output;
          try {
            output = run_host_fn(id, *state.context, input);
          } catch (ShortCircuit& sc) {
            state.short_circuit = std::move(sc.result);
            throw Fault(FaultKind::HostError,
                        "env." + std::string(name) + " ended the zome call (short circuit)");
          }
          return write_to_guest(instance, output, what("result"));
        });
  }
  return table;
}

/// The guest's answer; the message names the call only when it is malformed.
template <typename Where>
CallResult read_result(std::vector<std::uint8_t> bytes, const Where& where) {
  CallResult result = CallResult::from_result_bytes(std::move(bytes), {});
  if (const std::optional<Fault>& fault = result.fault())
    return CallResult::from_fault(Fault(fault->kind(), where() + ": " + fault->what()));
  return result;
}

class WasmZome final : public Zome {
 public:
  WasmZome(std::string name, std::shared_ptr<Module> module, std::string engine_name,
           std::vector<std::string> functions, HostOptions options)
      : Zome(std::move(name)),
        module_(std::move(module)),
        engine_name_(std::move(engine_name)),
        functions_(std::move(functions)),
        options_(std::move(options)),
        host_functions_(bind_imports(*module_)) {
    // Every export of a zome function's type, resolved once. (The ABI check
    // the host ran before this guarantees the allocator; without one, each
    // call resolves and reports it.)
    const FuncType zome_fn_type{{ValType::I32, ValType::I32}, {ValType::I64}};
    try {
      for (const ExportDesc& exp : module_->exports())
        if (exp.kind == ExternKind::Func && exp.type == zome_fn_type)
          entries_.emplace_back(exp.name, module_->resolve_zome_call(exp.name, this->name()));
    } catch (const Fault&) {
      entries_.clear();
    }
    std::sort(entries_.begin(), entries_.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
  }

  const std::vector<std::string>& functions() const override { return functions_; }
  std::string_view runtime() const override { return engine_name_; }

  std::optional<std::int32_t> const_value(std::string_view name) override {
    const FuncType const_type{{}, {ValType::I32}};
    bool exported = false;
    for (const ExportDesc& exp : module_->exports())
      exported =
          exported || (exp.name == name && exp.kind == ExternKind::Func && exp.type == const_type);
    if (!exported) return std::nullopt;
    // Holochain gives const functions a blank context: a host call gets an error.
    CallContext blank;
    CallState state;
    state.context = &blank;
    try {
      const std::unique_ptr<Instance> instance =
          module_->instantiate(host_functions_, options_.limits);
      instance->set_host_data(&state);
      return static_cast<std::int32_t>(instance->call_const_i32(name));
    } catch (const Fault& fault) {
      throw Fault(fault.kind(), "zome `" + this->name() + "`, const function `" +
                                    std::string(name) + "`: " + fault.what());
    }
  }

  CallResult call(std::string_view function, std::span<const std::uint8_t> input,
                  CallContext& context) override {
    // A zome that calls itself (the `call` host function) re-enters while its
    // reused instance is busy on this thread: that inner call gets a fresh
    // instance, as every call gets one in Holochain.
    if (options_.reuse_instances && reuse_owner_.load() != std::this_thread::get_id()) {
      std::lock_guard lock(reuse_mutex_);
      reuse_owner_ = std::this_thread::get_id();
      CallResult result = call_on(function, input, context, reused_state_, reused_instance_);
      reuse_owner_ = std::thread::id{};
      return result;
    }
    CallState state;
    std::unique_ptr<Instance> instance;
    return call_on(function, input, context, state, instance);
  }

 private:
  const ZomeCallEntry& entry_of(std::string_view function) const {
    const auto it = std::lower_bound(entries_.begin(), entries_.end(), function,
                                     [](const auto& e, std::string_view f) { return e.first < f; });
    if (it == entries_.end() || it->first != function)
      // Throws MissingExport or BadSignature: a callable one would be listed.
      (void)module_->resolve_zome_call(function, name());
    return it->second;
  }

  CallResult call_on(std::string_view function, std::span<const std::uint8_t> input,
                     CallContext& context, CallState& state, std::unique_ptr<Instance>& instance) {
    using Clock = std::chrono::steady_clock;
    const auto where = [&] {
      return "zome `" + name() + "`, function `" + std::string(function) + "`";
    };
    state.context = &context;
    state.short_circuit.reset();
    if (context.zome.empty()) context.zome = name();
    context.function = function;
    CallTimings timings;
    try {
      const ZomeCallEntry& entry = entry_of(function);
      const auto t0 = Clock::now();
      if (!instance) {
        instance = module_->instantiate(host_functions_, options_.limits);
        instance->set_host_data(&state);
      }
      const auto t1 = Clock::now();
      timings.instantiate = t1 - t0;
      std::vector<std::uint8_t> bytes;
      instance->zome_call(entry, input, bytes);
      timings.call = Clock::now() - t1;
      if (!options_.reuse_instances) instance.reset();
      CallResult result = read_result(std::move(bytes), where);
      result.timings = timings;
      return result;
    } catch (const Fault& fault) {
      // A faulted instance may hold leaked regions or a broken stack.
      instance.reset();
      if (state.short_circuit) {
        CallResult result = read_result(std::move(*state.short_circuit), where);
        result.timings = timings;
        return result;
      }
      CallResult result =
          CallResult::from_fault(Fault(fault.kind(), where() + ": " + fault.what()));
      result.timings = timings;
      return result;
    }
  }

  std::shared_ptr<Module> module_;
  std::string engine_name_;
  std::vector<std::string> functions_;
  HostOptions options_;
  HostFunctionTable host_functions_;
  std::vector<std::pair<std::string, ZomeCallEntry>> entries_;  // by name
  std::mutex reuse_mutex_;
  std::atomic<std::thread::id> reuse_owner_{};
  CallState reused_state_;
  std::unique_ptr<Instance> reused_instance_;
};

}  // namespace

std::shared_ptr<Zome> make_wasm_zome(std::string name, std::shared_ptr<Module> module,
                                     std::string engine_name, std::vector<std::string> functions,
                                     HostOptions options) {
  return std::make_shared<WasmZome>(std::move(name), std::move(module), std::move(engine_name),
                                    std::move(functions), std::move(options));
}

}  // namespace hdk_host
