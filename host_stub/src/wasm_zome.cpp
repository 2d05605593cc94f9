// One zome call on a wasm instance, as Holochain's host makes it: allocate
// and write the input through the guest's allocator, call, bounds-check and
// copy the result, free it, decode it. Host imports read their input the
// same way and answer through __hc__allocate_1.
#include <atomic>
#include <chrono>
#include <cstring>
#include <mutex>
#include <optional>
#include <thread>

#include <hdk/abi.hpp>

#include "hdk_host/host_fn_list.hpp"
#include "hdk_host/host_functions.hpp"
#include "zomes.hpp"

namespace hdk_host {
namespace {

constexpr std::string_view kAllocate = "__hc__allocate_1";
constexpr std::string_view kDeallocate = "__hc__deallocate_1";

/// The bytes [ptr, ptr + len) of guest memory, or OutOfBounds.
std::span<std::uint8_t> guest_region(Instance& instance, std::uint32_t ptr, std::uint32_t len,
                                     std::string_view what) {
  const std::span<std::uint8_t> memory = instance.memory();
  if (static_cast<std::uint64_t>(ptr) + len > memory.size()) {
    throw Fault(FaultKind::OutOfBounds, std::string(what) + " (ptr " + std::to_string(ptr) +
                                            ", len " + std::to_string(len) +
                                            ") lies outside guest memory of " +
                                            std::to_string(memory.size()) + " bytes");
  }
  return memory.subspan(ptr, len);
}

/// Places `bytes` in the guest through its allocator; returns the packed pair.
std::uint64_t write_to_guest(Instance& instance, std::span<const std::uint8_t> bytes,
                             std::string_view what) {
  if (bytes.size() > 0xffffffffu)
    throw Fault(FaultKind::PayloadTooLarge, std::string(what) + " of " +
                                                std::to_string(bytes.size()) +
                                                " bytes cannot fit in wasm32 memory");
  const auto len = static_cast<std::uint32_t>(bytes.size());
  const std::uint32_t ptr = instance.call_i32(kAllocate, len);
  if (ptr == 0)
    throw Fault(FaultKind::AllocationFailed, "the guest could not allocate " + std::to_string(len) +
                                                 " bytes for " + std::string(what));
  std::span<std::uint8_t> region = guest_region(instance, ptr, len, what);
  if (len) std::memcpy(region.data(), bytes.data(), len);
  return hdk::merge(ptr, len);
}

/// Per-call state the import closures reach.
struct CallState {
  CallContext* context = nullptr;
  std::optional<std::vector<std::uint8_t>> short_circuit;
};

class WasmZome final : public Zome {
 public:
  WasmZome(std::string name, std::shared_ptr<Module> module, std::string engine_name,
           std::vector<std::string> functions, HostOptions options)
      : Zome(std::move(name)),
        module_(std::move(module)),
        engine_name_(std::move(engine_name)),
        functions_(std::move(functions)),
        options_(std::move(options)) {}

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
          module_->instantiate(bind_imports(state), options_.limits);
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
  std::vector<HostFunction> bind_imports(CallState& state) {
    std::vector<HostFunction> fns;
    for (const ImportDesc& import : module_->imports()) {
      const std::optional<HostFnId> id = find_host_fn(import.name);
      if (import.module != "env" || !id) {
        fns.emplace_back();  // the engine reports it as UnknownImport
        continue;
      }
      const std::string import_name = import.module + "." + import.name;
      fns.emplace_back([&state, id, import_name](Instance& instance, std::uint32_t ptr,
                                                 std::uint32_t len) -> std::uint64_t {
        const std::span<std::uint8_t> region =
            guest_region(instance, ptr, len, "input of host function " + import_name);
        const std::vector<std::uint8_t> input(region.begin(), region.end());
        // The host consumes the input region (holochain-wasmer's rule).
        instance.call_void(kDeallocate, ptr, len);
        std::vector<std::uint8_t> output;
        try {
          output = run_host_fn(*id, *state.context, input);
        } catch (ShortCircuit& sc) {
          state.short_circuit = std::move(sc.result);
          throw Fault(FaultKind::HostError, import_name + " ended the zome call (short circuit)");
        }
        return write_to_guest(instance, output, "result of host function " + import_name);
      });
    }
    return fns;
  }

  CallResult call_on(std::string_view function, std::span<const std::uint8_t> input,
                     CallContext& context, CallState& state, std::unique_ptr<Instance>& instance) {
    using Clock = std::chrono::steady_clock;
    const std::string where = "zome `" + name() + "`, function `" + std::string(function) + "`";
    state.context = &context;
    state.short_circuit.reset();
    if (context.zome.empty()) context.zome = name();
    context.function = std::string(function);
    CallTimings timings;
    try {
      const auto t0 = Clock::now();
      if (!instance) instance = module_->instantiate(bind_imports(state), options_.limits);
      const auto t1 = Clock::now();
      timings.instantiate = t1 - t0;

      const hdk::GuestRegion in = hdk::split(write_to_guest(*instance, input, "zome call input"));
      // The guest owns the input region from here and frees it itself.
      const hdk::GuestRegion out = hdk::split(instance->call_i64(function, in.ptr, in.len));
      const std::span<std::uint8_t> region =
          guest_region(*instance, out.ptr, out.len, "the zome call's result");
      std::vector<std::uint8_t> bytes(region.begin(), region.end());
      instance->call_void(kDeallocate, out.ptr, out.len);
      timings.call = Clock::now() - t1;
      if (!options_.reuse_instances) instance.reset();
      CallResult result = CallResult::from_result_bytes(std::move(bytes), where);
      result.timings = timings;
      return result;
    } catch (const Fault& fault) {
      // A faulted instance may hold leaked regions or a broken stack.
      instance.reset();
      if (state.short_circuit) {
        CallResult result = CallResult::from_result_bytes(std::move(*state.short_circuit), where);
        result.timings = timings;
        return result;
      }
      CallResult result = CallResult::from_fault(Fault(fault.kind(), where + ": " + fault.what()));
      result.timings = timings;
      return result;
    }
  }

  std::shared_ptr<Module> module_;
  std::string engine_name_;
  std::vector<std::string> functions_;
  HostOptions options_;
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
