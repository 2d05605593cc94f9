// tiered: a first tier now (aot's cached object, tcc, or interp), aot when
// its background compile is done. tiered.hpp says what is promised.
#include "hdk_host/tiered.hpp"

#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

#include "aot/process.hpp"
#include "compiled_engine.hpp"

namespace hdk_host {
namespace {

using AotFuture = std::shared_future<std::shared_ptr<Module>>;

constexpr int kBackgroundNice = 10;

// A tier a module moves to when its background compile is done.
struct Upgrade {
  std::string_view tier;  // a literal: "tcc", "aot"
  AotFuture module;
};

class TieredModuleImpl final : public TieredModule {
 public:
  TieredModuleImpl(std::shared_ptr<Module> first, std::string_view first_tier,
                   std::vector<Upgrade> upgrades)
      : first_(std::move(first)), first_tier_(first_tier), upgrades_(std::move(upgrades)) {}

  const std::vector<ImportDesc>& imports() const override { return first_->imports(); }
  const std::vector<ExportDesc>& exports() const override { return first_->exports(); }
  std::string_view origin() const override { return first_->origin(); }

  using Module::instantiate;
  std::unique_ptr<Instance> instantiate(HostFunctionTable host_functions,
                                        const Limits& limits) override {
    const auto [module, tier] = newest();
    return module->instantiate(host_functions, limits);
  }

  std::string_view current_tier() const override { return newest().second; }

  bool wait_for_tier(std::string_view tier, std::chrono::milliseconds timeout) override {
    const AotFuture* upgrade = nullptr;
    for (const Upgrade& candidate : upgrades_)
      if (candidate.tier == tier) upgrade = &candidate.module;
    if (!upgrade) return first_tier_ == tier;
    if (upgrade->wait_for(timeout) != std::future_status::ready) return false;
    return ready(*upgrade) != nullptr;
  }

 private:
  static std::shared_ptr<Module> ready(const AotFuture& future) {
    if (future.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return nullptr;
    try {
      return future.get();
    } catch (const Fault&) {
      return nullptr;  // that tier could not build it (or was stopped): the others serve
    }
  }

  // The best tier ready now: the last upgrade that is done, else the first tier.
  std::pair<std::shared_ptr<Module>, std::string_view> newest() const {
    for (auto it = upgrades_.rbegin(); it != upgrades_.rend(); ++it)
      if (std::shared_ptr<Module> module = ready(it->module)) return {module, it->tier};
    return {first_, first_tier_};
  }

  std::shared_ptr<Module> first_;
  std::string_view first_tier_;  // a literal
  std::vector<Upgrade> upgrades_;
};

// The engine's one background thread: compiles for the upper tiers, one at
// a time (aot's uses every core for a large module already). A promise, not std::async:
// the future of std::async would make whoever drops the last copy wait.
//
// Dropping the engine never waits for the compile running then: aot's
// compiler process is killed, but tcc compiles inside this process and
// cannot be stopped midway, so the thread is let go. It owns what it uses
// (the queue's state, its job's engine and bytes), finishes that one job,
// and ends without taking another.
class Background {
 public:
  Background() = default;
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;

  ~Background() {
    std::deque<Job> abandoned;
    {
      std::lock_guard lock(state_->mutex);
      state_->stopping = true;
      abandoned.swap(state_->queue);
    }
    state_->cancellation.cancel();  // kills the compiler process of the job running now
    state_->wake.notify_all();
    if (thread_.joinable()) thread_.detach();
    for (Job& job : abandoned) job.promise.set_exception(stopped());
  }

  AotFuture submit(std::shared_ptr<Engine> engine,
                   std::shared_ptr<const std::vector<std::uint8_t>> wasm, std::string label) {
    Job job{std::move(engine), std::move(wasm), std::move(label), {}};
    AotFuture future = job.promise.get_future().share();
    std::lock_guard lock(state_->mutex);
    if (state_->stopping) {
      job.promise.set_exception(stopped());
      return future;
    }
    state_->queue.push_back(std::move(job));
    if (!thread_.joinable()) thread_ = std::thread(run, state_);
    state_->wake.notify_one();
    return future;
  }

 private:
  struct Job {
    std::shared_ptr<Engine> engine;
    std::shared_ptr<const std::vector<std::uint8_t>> wasm;
    std::string label;
    std::promise<std::shared_ptr<Module>> promise;
  };

  struct State {
    aot::Cancellation cancellation;
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<Job> queue;
    bool stopping = false;
  };

  static std::exception_ptr stopped() {
    return std::make_exception_ptr(
        Fault(FaultKind::EngineUnavailable, "tiered: the engine was dropped before aot finished"));
  }

  static void run(std::shared_ptr<State> state) {
    // Below the threads that serve calls (Linux gives each thread its own
    // nice value, and the compiler processes inherit it): on a busy machine
    // the background compile takes the CPU the calls leave.
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), kBackgroundNice);
    aot::current_cancellation() = &state->cancellation;
    for (;;) {
      Job job;
      {
        std::unique_lock lock(state->mutex);
        state->wake.wait(lock, [&] { return state->stopping || !state->queue.empty(); });
        if (state->stopping) break;
        job = std::move(state->queue.front());
        state->queue.pop_front();
      }
      try {
        job.promise.set_value(job.engine->compile(*job.wasm, job.label));
      } catch (const Fault&) {
        job.promise.set_exception(std::current_exception());
      } catch (const std::exception& error) {
        job.promise.set_exception(
            std::make_exception_ptr(Fault(FaultKind::Compile, job.label + ": " + error.what())));
      }
    }
    aot::current_cancellation() = nullptr;
  }

  std::shared_ptr<State> state_ = std::make_shared<State>();
  std::thread thread_;
};

std::shared_ptr<CompiledEngine> optional_tcc(const AotOptions& options) {
  try {
    return make_compiled_tcc_engine(options);
  } catch (const Fault&) {
    return nullptr;  // no libtcc here: the interpreter is the first tier
  }
}

// From this size of wasm on, the interpreter is the first tier and tcc the second.
constexpr std::size_t kInterpretFirst = 2u << 20;

class TieredEngine final : public Engine {
 public:
  explicit TieredEngine(const AotOptions& options)
      : aot_(make_compiled_aot_engine(options)),
        tcc_(optional_tcc(options)),
        interp_(make_interp_engine()),
        background_(std::make_unique<Background>()) {}

  std::string_view name() const override { return "tiered"; }

  std::shared_ptr<Module> compile(std::span<const std::uint8_t> wasm,
                                  std::string_view label) override {
    if (std::shared_ptr<Module> cached = aot_->load_cached(wasm, label))
      return std::make_shared<TieredModuleImpl>(cached, "aot", std::vector<Upgrade>{});
    auto bytes = std::make_shared<const std::vector<std::uint8_t>>(wasm.begin(), wasm.end());
    const std::string name(label);
    std::vector<Upgrade> upgrades;
    // A large module starts on the interpreter, which is ready soonest (tcc
    // translates and compiles megabytes of C first), and moves up twice.
    std::shared_ptr<Module> first;
    std::string_view tier = "interp";
    if (tcc_ && wasm.size() >= kInterpretFirst) {
      first = interp_->compile(wasm, label);
      upgrades.push_back({"tcc", background_->submit(tcc_, bytes, name)});
    } else if (tcc_) {
      try {
        first = tcc_->compile(wasm, label);  // validates the bytes: an invalid module fails now
        tier = "tcc";
      } catch (const Fault& fault) {
        if (fault.kind() != FaultKind::Compile) throw;  // tcc cannot build it: interp can
      }
    }
    if (!first) first = interp_->compile(wasm, label);
    upgrades.push_back({"aot", background_->submit(aot_, bytes, name)});
    return std::make_shared<TieredModuleImpl>(std::move(first), tier, std::move(upgrades));
  }

 private:
  std::shared_ptr<CompiledEngine> aot_;
  std::shared_ptr<CompiledEngine> tcc_;
  std::shared_ptr<Engine> interp_;
  std::unique_ptr<Background> background_;  // last member: stopped first
};

}  // namespace

std::unique_ptr<Engine> make_tiered_engine(const AotOptions& options) {
  return std::make_unique<TieredEngine>(options);
}

}  // namespace hdk_host
