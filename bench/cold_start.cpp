// hdk-cold-bench: what a zome's first call costs on each tier, from nothing
// cached, from the file cache and from the memory cache.
//   hdk-cold-bench [--tiers interp,tcc,...] [--no-tier-up] OUT.json ZOME.wasm...
// For each zome and tier, in a fresh cache directory:
//   compile_cold       the load (read, ABI check, compile) with nothing cached
//   first_call         that load plus instantiating and calling `noop` (or the
//                      zome's first function)
//   load_file_cache    a new engine over the same cache dir loading it again
//   load_memory_cache  the same host loading it once more
//   tier_up            (tiered) until new instances run on aot (not with --no-tier-up,
//                      for a module whose aot compile takes many minutes)
// Writes the records as JSON ({name, engine, value, unit, zome, origin}) and
// prints a line per figure, so a long run shows its progress.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "hdk_host/engine.hpp"
#include "hdk_host/host.hpp"
#include "hdk_host/module_cache.hpp"
#include "hdk_host/tiered.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}
// CPU time of this thread and of the child processes it waited for (aot's
// compiler): on a machine shared with other work, wall time says more about
// the others than about us; this does not.
double cpu_ms() {
  timespec thread{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &thread);
  rusage children{};
  getrusage(RUSAGE_CHILDREN, &children);
  const auto tv_ms = [](const timeval& tv) { return tv.tv_sec * 1e3 + tv.tv_usec / 1e3; };
  return thread.tv_sec * 1e3 + thread.tv_nsec / 1e6 + tv_ms(children.ru_utime) +
         tv_ms(children.ru_stime);
}

double ms(std::chrono::nanoseconds d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

struct Tier {
  std::string name;                                                        // as in the records
  std::function<std::shared_ptr<hdk_host::Engine>(const fs::path&)> make;  // over a cache dir
};

hdk_host::AotOptions in(const fs::path& dir) {
  hdk_host::AotOptions options;
  options.cache_dir = dir.string();
  return options;
}

// aot with other optimisation flags: the engine reads $HDK_AOT_CFLAGS when made.
std::shared_ptr<hdk_host::Engine> aot_with(const char* flags, const fs::path& dir) {
  setenv("HDK_AOT_CFLAGS", flags, 1);
  std::shared_ptr<hdk_host::Engine> engine = hdk_host::make_aot_engine(in(dir));
  unsetenv("HDK_AOT_CFLAGS");
  return engine;
}

std::vector<Tier> tiers() {
  return {
      {"interp", [](const fs::path&) { return hdk_host::make_interp_engine(); }},
      {"tcc", [](const fs::path& dir) { return hdk_host::make_tcc_engine(in(dir)); }},
      {"aot-O1", [](const fs::path& dir) { return aot_with("-O1", dir); }},
      {"aot", [](const fs::path& dir) { return aot_with("-O2", dir); }},
      {"tiered", [](const fs::path& dir) { return hdk_host::make_tiered_engine(in(dir)); }},
  };
}

std::vector<std::uint8_t> read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

struct Recorder {
  nlohmann::json records = nlohmann::json::array();
  void add(const std::string& zome, const std::string& engine, const std::string& metric,
           double value, const std::string& unit, const std::string& origin = {}, double cpu = -1) {
    nlohmann::json r = {{"name", metric + "_" + zome},
                        {"engine", engine},
                        {"metric", metric},
                        {"zome", zome},
                        {"value", value},
                        {"unit", unit}};
    if (!origin.empty()) r["origin"] = origin;
    if (cpu >= 0) r["cpu_ms"] = cpu;
    records.push_back(r);
    std::fprintf(stderr, "  %-8s %-8s %-18s %12.3f %-3s", zome.c_str(), engine.c_str(),
                 metric.c_str(), value, unit.c_str());
    if (cpu >= 0) std::fprintf(stderr, " (cpu %.1f ms)", cpu);
    std::fprintf(stderr, " %s\n", origin.c_str());
  }
};

void measure(Recorder& out, const Tier& tier, const std::string& zome_name,
             const std::vector<std::uint8_t>& wasm, bool tier_up) {
  const fs::path cache =
      fs::temp_directory_path() / ("hdk-cold-bench-" + std::to_string(getpid()) + "-" + tier.name);
  fs::remove_all(cache);
  hdk_host::HostOptions unlimited;
  unlimited.limits.instruction_budget = 0;
  try {
    {
      hdk_host::ModuleCache::global().clear();
      const auto start = Clock::now();
      const double cpu_start = cpu_ms();
      std::shared_ptr<hdk_host::Engine> engine = tier.make(cache);
      hdk_host::Host host(engine, unlimited);
      auto zome = host.load_wasm(wasm, zome_name);
      const auto load = host.last_load();
      // `noop` where the zome has one, else its first function with `()`: a
      // zome's own error answer (a wrong input) is still a call it served.
      const auto& functions = zome->functions();
      const bool has_noop =
          std::find(functions.begin(), functions.end(), "noop") != functions.end();
      const std::string function = has_noop || functions.empty() ? "noop" : functions.front();
      const auto result = host.call(*zome, function, hdk::Unit{});
      const double first_call = ms_since(start);
      const double first_call_cpu = cpu_ms() - cpu_start;
      if (result.fault()) throw std::runtime_error(result.describe());
      out.add(zome_name, tier.name, "compile_cold", ms(load.duration), "ms", load.origin);
      out.add(zome_name, tier.name, "first_call", first_call, "ms", load.origin, first_call_cpu);

      auto tiered =
          std::dynamic_pointer_cast<hdk_host::TieredModule>(engine->compile(wasm, zome_name));
      if (tiered && !tier_up) {
        std::fprintf(stderr, "  %-8s %-8s started on %s; not waiting for aot\n", zome_name.c_str(),
                     tier.name.c_str(), std::string(tiered->current_tier()).c_str());
        hdk_host::ModuleCache::global().clear();
        fs::remove_all(cache);
        return;  // (dropping the engine stops its background compiles)
      }
      if (tiered) {
        const auto waited = Clock::now();
        if (tiered->wait_for_aot(std::chrono::hours(1)))
          out.add(zome_name, tier.name, "tier_up", first_call + ms_since(waited), "ms", "aot");
      }

      host.load_wasm(wasm, zome_name);
      out.add(zome_name, tier.name, "load_memory_cache", ms(host.last_load().duration), "ms",
              host.last_load().origin);
    }
    hdk_host::ModuleCache::global().clear();  // and with it the first engine's modules
    if (tier.name != "interp") {
      const double cpu_start = cpu_ms();
      hdk_host::Host again(tier.make(cache), unlimited);
      again.load_wasm(wasm, zome_name);
      out.add(zome_name, tier.name, "load_file_cache", ms(again.last_load().duration), "ms",
              again.last_load().origin, cpu_ms() - cpu_start);
    }
  } catch (const std::exception& error) {
    std::fprintf(stderr, "  %-8s %-8s skipped: %s\n", zome_name.c_str(), tier.name.c_str(),
                 error.what());
  }
  hdk_host::ModuleCache::global().clear();
  fs::remove_all(cache);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string only;
  bool tier_up = true;
  while (!args.empty() && args.front().starts_with("--")) {
    if (args.front() == "--tiers" && args.size() > 1) {
      only = "," + args[1] + ",";
      args.erase(args.begin(), args.begin() + 2);
    } else if (args.front() == "--no-tier-up") {
      tier_up = false;
      args.erase(args.begin());
    } else {
      break;
    }
  }
  if (args.size() < 2) {
    std::fprintf(stderr,
                 "usage: hdk-cold-bench [--tiers interp,tcc,...] [--no-tier-up] OUT.json "
                 "ZOME.wasm...\n");
    return 2;
  }
  Recorder out;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const fs::path path = args[i];
    const std::vector<std::uint8_t> wasm = read_bytes(path);
    if (wasm.empty()) {
      std::fprintf(stderr, "skipping %s: cannot read it\n", path.c_str());
      continue;
    }
    const std::string zome = path.stem().string();
    std::fprintf(stderr, "[%zu/%zu] %s (%.1f KB)\n", i, args.size() - 1, zome.c_str(),
                 static_cast<double>(wasm.size()) / 1e3);
    out.add(zome, "-", "zome_size", static_cast<double>(wasm.size()) / 1e3, "KB");
    for (const Tier& tier : tiers())
      if (only.empty() || only.find("," + tier.name + ",") != std::string::npos)
        measure(out, tier, zome, wasm, tier_up);
  }
  std::ofstream(args[0]) << out.records.dump(2) << "\n";
  return 0;
}
