// interp: wabt's interpreter, the deterministic reference engine (the role wasmi plays for
// Holochain). The work happens in interp_wabt.cpp; this file adapts it to the Engine interface.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hdk_host/engine.hpp"
#include "hdk_host/module_info.hpp"
#include "interp_wabt.hpp"

namespace hdk_host {
namespace {

class InterpInstance final : public Instance {
 public:
  InterpInstance(std::shared_ptr<const interp::WabtModule> module, HostFunctionTable host_functions,
                 const Limits& limits)
      : host_functions_(std::move(host_functions)) {
    // Host functions see this adapter as their caller, so they re-enter through the same
    // interface as everyone else.
    std::vector<interp::HostCall> calls;
    if (host_functions_)
      for (const HostFunction& fn : *host_functions_) {
        if (!fn) {
          calls.emplace_back();
          continue;
        }
        calls.emplace_back(
            [this, &fn](std::uint32_t ptr, std::uint32_t len) { return fn(*this, ptr, len); });
      }
    wabt_ = std::make_unique<interp::WabtInstance>(
        std::move(module), std::move(calls),
        interp::RunLimits{limits.max_memory_pages, limits.instruction_budget, limits.deadline});
    wabt_->run_start();
  }

  std::uint64_t call_i64(std::string_view name, std::uint32_t a, std::uint32_t b) override {
    return wabt_->call_i64(name, a, b);
  }
  std::uint32_t call_i32(std::string_view name, std::uint32_t a) override {
    return wabt_->call_i32(name, a);
  }
  void call_void(std::string_view name, std::uint32_t a, std::uint32_t b) override {
    wabt_->call_void(name, a, b);
  }
  std::uint32_t call_const_i32(std::string_view name) override {
    return wabt_->call_const_i32(name);
  }
  std::span<std::uint8_t> memory() override { return {wabt_->memory_data(), wabt_->memory_size()}; }

 protected:
  // A zome call's entries by their resolved position: no name lookup, no type check per call.
  std::uint32_t call_export_i32(std::uint32_t index, std::string_view name,
                                std::uint32_t a) override {
    return wabt_->call_export_i32(index, name, a);
  }
  std::uint64_t call_export_i64(std::uint32_t index, std::string_view name, std::uint32_t a,
                                std::uint32_t b) override {
    return wabt_->call_export_i64(index, name, a, b);
  }
  void call_export_void(std::uint32_t index, std::string_view name, std::uint32_t a,
                        std::uint32_t b) override {
    wabt_->call_export_void(index, name, a, b);
  }

 private:
  HostFunctionTable host_functions_;  // the calls above refer to it
  std::unique_ptr<interp::WabtInstance> wabt_;
};

class InterpModule final : public Module {
 public:
  InterpModule(ModuleInfo info, std::shared_ptr<const interp::WabtModule> wabt)
      : info_(std::move(info)), wabt_(std::move(wabt)) {}

  const std::vector<ImportDesc>& imports() const override { return info_.imports; }
  const std::vector<ExportDesc>& exports() const override { return info_.exports; }

  using Module::instantiate;
  std::unique_ptr<Instance> instantiate(HostFunctionTable host_functions,
                                        const Limits& limits) override {
    return std::make_unique<InterpInstance>(wabt_, std::move(host_functions), limits);
  }

 private:
  ModuleInfo info_;
  std::shared_ptr<const interp::WabtModule> wabt_;
};

class InterpEngine final : public Engine {
 public:
  std::string_view name() const override { return "interp"; }

  std::shared_ptr<Module> compile(std::span<const std::uint8_t> wasm,
                                  std::string_view label) override {
    // decode validates (and reports an invalid module as read_module_info
    // would); the interface is then read from the sections before the code.
    auto wabt = interp::decode(wasm.data(), wasm.size(), std::string(label));
    return std::make_shared<InterpModule>(read_module_interface(wasm, label), std::move(wabt));
  }
};

}  // namespace

std::unique_ptr<Engine> make_interp_engine() { return std::make_unique<InterpEngine>(); }

}  // namespace hdk_host
