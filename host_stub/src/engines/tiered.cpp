// tiered: interp now, aot when its background compile is done. Only the two
// engines' public interface is used here.
#include "hdk_host/tiered.hpp"

#include <future>
#include <mutex>
#include <string>
#include <vector>

namespace hdk_host {
namespace {

class TieredModuleImpl final : public TieredModule {
 public:
  TieredModuleImpl(std::shared_ptr<Module> interp, std::shared_future<std::shared_ptr<Module>> aot)
      : interp_(std::move(interp)), aot_(std::move(aot)) {}

  const std::vector<ImportDesc>& imports() const override { return interp_->imports(); }
  const std::vector<ExportDesc>& exports() const override { return interp_->exports(); }
  std::string_view origin() const override { return "compiled (interp; aot in the background)"; }

  std::unique_ptr<Instance> instantiate(const std::vector<HostFunction>& host_functions,
                                        const Limits& limits) override {
    if (std::shared_ptr<Module> aot = ready_aot()) return aot->instantiate(host_functions, limits);
    return interp_->instantiate(host_functions, limits);
  }

  std::string_view current_tier() const override { return ready_aot() ? "aot" : "interp"; }

  bool wait_for_aot(std::chrono::milliseconds timeout) override {
    if (aot_.wait_for(timeout) != std::future_status::ready) return false;
    return ready_aot() != nullptr;
  }

 private:
  std::shared_ptr<Module> ready_aot() const {
    if (aot_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return nullptr;
    try {
      return aot_.get();
    } catch (const Fault&) {
      return nullptr;  // aot could not build it: interp serves for good
    }
  }

  std::shared_ptr<Module> interp_;
  std::shared_future<std::shared_ptr<Module>> aot_;
};

class TieredEngine final : public Engine {
 public:
  explicit TieredEngine(const AotOptions& options)
      : interp_(make_interp_engine()), aot_(make_aot_engine(options)) {}

  std::string_view name() const override { return "tiered"; }

  std::shared_ptr<Module> compile(std::span<const std::uint8_t> wasm,
                                  std::string_view label) override {
    std::shared_ptr<Module> interp = interp_->compile(wasm, label);
    // The background compile owns copies of everything it reads.
    auto bytes = std::make_shared<std::vector<std::uint8_t>>(wasm.begin(), wasm.end());
    std::shared_future<std::shared_ptr<Module>> aot =
        std::async(std::launch::async, [aot = aot_, bytes, name = std::string(label)] {
          return aot->compile(*bytes, name);
        }).share();
    return std::make_shared<TieredModuleImpl>(std::move(interp), std::move(aot));
  }

 private:
  std::shared_ptr<Engine> interp_;
  std::shared_ptr<Engine> aot_;
};

}  // namespace

std::unique_ptr<Engine> make_tiered_engine(const AotOptions& options) {
  return std::make_unique<TieredEngine>(options);
}

}  // namespace hdk_host
