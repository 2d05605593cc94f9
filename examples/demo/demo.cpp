// ./run demo: runs the example zomes, built to wasm, on every engine of the
// harness and natively, and shows each call: function, input, output, time.
// Every engine must return the very same bytes; the demo fails if not.
// Then it plays the forum example's two-agent scenario on interp, aot and
// natively, showing who called what, what each call committed and what
// validation said; with fixed agent keys and clock, every runtime must make
// the same bytes: results, chains and DHT.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <hdk/release.hpp>
#include <nlohmann/json.hpp>

#include "../forum/forum_types.hpp"
#include "hdk_host/engine.hpp"
#include "hdk_host/host.hpp"
#include "hdk_host/scenario.hpp"
#include "hdk_host/world.hpp"
#include "hdk_host/world_inputs.hpp"

namespace {

struct DemoCall {
  std::string function;
  std::string input_json;
};

struct DemoZome {
  std::string name;
  std::vector<DemoCall> calls;
};

const std::vector<DemoZome> kZomes = {
    {"hello",
     {{"hello", "null"},
      {"greet", R"({"name":"Ada","times":2})"},
      {"greet", R"({"name":"","times":1})"},
      {"echo", R"({"text":"round trip","numbers":[1,-2,300000],"note":null,"blob":[1,2,3]})"}}},
    {"compute",
     {{"sort_and_hash", R"({"count":1000,"seed":42})"},
      {"sort_and_hash", R"({"count":100000,"seed":42})"}}},
};

// msgpack bin has no JSON form: show it as hex.
nlohmann::json readable(const nlohmann::json& j) {
  if (j.is_binary()) {
    static const char* kHex = "0123456789abcdef";
    std::string hex = "0x";
    for (std::uint8_t b : j.get_binary()) {
      hex.push_back(kHex[b >> 4]);
      hex.push_back(kHex[b & 15]);
    }
    return hex;
  }
  if (j.is_array() || j.is_object()) {
    nlohmann::json out = j;
    for (auto it = out.begin(); it != out.end(); ++it) *it = readable(*it);
    return out;
  }
  return j;
}

std::string show_duration(std::chrono::nanoseconds d) {
  char buf[32];
  const double us = static_cast<double>(d.count()) / 1e3;
  if (us >= 1000) {
    std::snprintf(buf, sizeof buf, "%8.2f ms", us / 1000);
  } else {
    std::snprintf(buf, sizeof buf, "%8.1f us", us);
  }
  return buf;
}

std::string show_result(const hdk_host::CallResult& r) {
  if (!r.ok()) return r.describe();
  try {
    return readable(nlohmann::json::from_msgpack(r.output())).dump();
  } catch (const std::exception&) {
    return "<" + std::to_string(r.output().size()) + " bytes of msgpack>";
  }
}

// ---- the forum scenario ----

/// One scenario's trace: each call with its agent, input, answer and commits.
class ForumTrace {
 public:
  explicit ForumTrace(hdk_host::Scenario& scenario) : scenario_(scenario) {}

  void name(const hdk_host::Agent& agent) { names_[agent.key.bytes] = agent.name; }

  template <class In>
  hdk_host::CallResult call(const hdk_host::Agent& who, const std::string& function,
                            const In& input) {
    const std::size_t before = scenario_.chain(who).size();
    hdk_host::CallResult result = scenario_.call(who, "forum", function, input);
    results_.insert(results_.end(), result.raw().begin(), result.raw().end());
    const auto& chain = scenario_.chain(who);
    std::cout << "  " << who.name << std::string(7 - std::min<std::size_t>(who.name.size(), 6), ' ')
              << "forum::" << function << "(" << show(hdk::encode_to_vector(input)) << ")\n";
    if (result.ok()) {
      std::cout << "         -> " << show(result.output()) << "\n";
      std::string committed;
      for (std::size_t i = before; i < chain.size(); ++i)
        committed += (i > before ? ", " : "") + std::string(chain[i].action().type_name());
      if (committed.empty())
        std::cout << "         committed: nothing  (a read)\n";
      else
        std::cout << "         committed: " << committed << "  (" << who.name << "'s chain "
                  << before << " -> " << chain.size() << " records)\n";
      outcomes_.push_back("ok");
    } else {
      const std::string message =
          result.wasm_error() ? result.wasm_error()->message() : result.describe();
      const bool refused = message.find("invalid commit: ") != std::string::npos;
      std::cout << "         -> " << (refused ? "validation said: " : "error: ") << message << "\n"
                << "         committed: nothing  (" << who.name << "'s chain stays at "
                << chain.size() << " records)\n";
      outcomes_.push_back(message);
    }
    return result;
  }

  const std::vector<std::string>& outcomes() const { return outcomes_; }
  const std::vector<std::uint8_t>& results() const { return results_; }

 private:
  /// msgpack as JSON, hashes shortened and agents' keys shown by name.
  std::string show(std::span<const std::uint8_t> msgpack) const {
    try {
      return shorten(nlohmann::json::from_msgpack(msgpack)).dump();
    } catch (const std::exception&) {
      return "<" + std::to_string(msgpack.size()) + " bytes of msgpack>";
    }
  }
  nlohmann::json shorten(const nlohmann::json& j) const {
    if (j.is_binary() && j.get_binary().size() == hdk::AnyDhtHash::kSize) {
      hdk::AnyDhtHash hash;
      std::copy(j.get_binary().begin(), j.get_binary().end(), hash.bytes.begin());
      const auto named = names_.find(hash.bytes);
      if (named != names_.end()) return named->second;
      const std::string b64 = hdk::to_b64(hash);
      return b64.substr(0, 5) + "..." + b64.substr(b64.size() - 6);
    }
    if (j.is_array() || j.is_object()) {
      nlohmann::json out = j;
      for (auto it = out.begin(); it != out.end(); ++it) *it = shorten(*it);
      return out;
    }
    return readable(j);
  }

  hdk_host::Scenario& scenario_;
  std::map<std::array<std::uint8_t, hdk::AgentPubKey::kSize>, std::string> names_;
  std::vector<std::string> outcomes_;
  std::vector<std::uint8_t> results_;
};

struct ScenarioRun {
  std::vector<std::string> outcomes;
  std::vector<std::uint8_t> results;  // every call's result bytes, in order
  std::vector<std::uint8_t> state;    // Scenario::state_bytes at the end
};

std::string hex_prefix(std::span<const std::uint8_t> bytes, std::size_t n) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n && i < bytes.size(); ++i) {
    out.push_back(kHex[bytes[i] >> 4]);
    out.push_back(kHex[bytes[i] & 15]);
  }
  return out;
}

/// Plays the forum scenario on one runtime, with fixed keys and clock.
ScenarioRun forum_scenario(const std::string& runtime, const hdk_host::DnaSpec& dna) {
  std::cout << "\n== forum scenario on " << runtime << "\n";
  // Fixed agent keys and clock: every runtime must then make the same bytes.
  hdk_host::Scenario scenario(runtime, {}, hdk_host::world::FixedInputs{});
  scenario.install(dna);
  const auto alice = scenario.add_agent("alice");
  const auto bob = scenario.add_agent("bob");
  ForumTrace trace(scenario);
  trace.name(alice);
  trace.name(bob);
  std::cout << "  DNA " << hdk::to_b64(scenario.dna().hash)
            << " (hashed from its seed, properties and integrity zome, as " << hdk::release::kName
            << " does)\n";
  std::cout << "  alice and bob joined (genesis: " << scenario.chain(alice).size()
            << " records each); they share one DHT\n";

  const auto created = trace.call(alice, "create_post", forum::Post{"Hello", "first post"});
  const auto post = created.ok() ? created.value<hdk::ActionHash>() : hdk::ActionHash{};
  trace.call(bob, "list_posts", hdk::Unit{});
  trace.call(bob, "comment_on_post", forum::Comment{post, "Welcome!"});
  trace.call(alice, "list_comments", post);
  trace.call(alice, "create_post", forum::Post{"", "no title"});
  trace.call(bob, "update_post", forum::UpdatePostInput{post, forum::Post{"Mine now", ""}});
  const auto edited =
      trace.call(alice, "update_post",
                 forum::UpdatePostInput{post, forum::Post{"Hello, edited", "first post"}});
  if (edited.ok()) trace.call(bob, "get_post", edited.value<hdk::ActionHash>());
  std::cout << "  the DHT holds " << scenario.dht().size() << " records\n";
  ScenarioRun run{trace.outcomes(), trace.results(), scenario.state_bytes()};
  const auto digest = hdk_host::world::blake2b_256(run.state);
  std::cout << "  chains and DHT: " << run.state.size() << " bytes, blake2b-256 "
            << hex_prefix(digest, digest.size()) << "\n";
  return run;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: hdk-demo ZOME_DIR NATIVE_ZOME_DIR\n";
    return 2;
  }
  const std::filesystem::path zome_dir = argv[1];
  const std::filesystem::path native_dir = argv[2];
  bool all_identical = true;

  std::cout << "hdk-cpp, speaking " << hdk::release::kSummary << "\n";
  std::vector<std::string> engines = hdk_host::available_engines();
  std::cout << "engines: ";
  for (const auto& e : engines) std::cout << e << " ";
  std::cout << "native\n";

  for (const DemoZome& demo : kZomes) {
    const auto wasm = zome_dir / (demo.name + ".wasm");
    std::cout << "\n== zome " << demo.name << " (" << std::filesystem::file_size(wasm)
              << " bytes of wasm)\n";
    std::map<std::string, std::shared_ptr<hdk_host::Zome>> zomes;
    std::map<std::string, std::unique_ptr<hdk_host::Host>> hosts;
    for (const auto& name : engines) {
      hosts[name] = std::make_unique<hdk_host::Host>(hdk_host::make_engine(name));
      zomes[name] = hosts[name]->load_wasm_file(wasm);
      const auto& load = hosts[name]->last_load();
      std::cout << "   load on " << name << ": " << show_duration(load.duration) << " ("
                << load.origin << ")\n";
    }
    zomes["native"] = hdk_host::Host::load_native(native_dir / ("lib" + demo.name + ".so"));

    for (const DemoCall& call : demo.calls) {
      const auto input = nlohmann::json::to_msgpack(nlohmann::json::parse(call.input_json));
      std::cout << "\n  " << demo.name << "::" << call.function << "(" << call.input_json << ")\n";
      std::vector<std::uint8_t> reference;
      bool first = true;
      for (auto& [runtime, zome] : zomes) {
        hdk_host::CallContext context;
        const auto extern_input = hdk_host::extern_input_bytes(input);
        const hdk_host::CallResult result = zome->call(call.function, extern_input, context);
        const bool same = first || result.raw() == reference;
        if (first) reference = result.raw();
        first = false;
        all_identical = all_identical && same && !result.fault();
        std::cout << "    " << runtime
                  << std::string(12 - std::min<std::size_t>(runtime.size(), 11), ' ')
                  << show_duration(result.timings.call) << "  -> " << show_result(result)
                  << (same ? "" : "   [DIFFERENT BYTES]") << "\n";
      }
    }
  }
  std::cout << "\n"
            << (all_identical ? "every engine returned identical bytes" : "ENGINES DISAGREE")
            << "\n";

  // With fixed keys and clock, outcomes, results, chains and DHT are the same bytes.
  std::optional<ScenarioRun> reference;
  bool same_outcomes = true;
  bool same_bytes = true;
  std::vector<std::pair<std::string, hdk_host::DnaSpec>> runtimes;
  for (const auto& name : engines)
    if (name == "interp" || name == "aot")
      runtimes.push_back({name,
                          {"forum",
                           "demo",
                           {"forum_integrity", zome_dir / "forum_integrity.wasm"},
                           {{"forum", zome_dir / "forum.wasm"}}}});
  // The native libraries stand for the same wasm: the DNA hash is the wasm's.
  runtimes.push_back({"native",
                      {"forum",
                       "demo",
                       {"forum_integrity", native_dir / "libforum_integrity.so",
                        zome_dir / "forum_integrity.wasm"},
                       {{"forum", native_dir / "libforum.so", zome_dir / "forum.wasm"}}}});
  for (const auto& [runtime, dna] : runtimes) {
    ScenarioRun run = forum_scenario(runtime, dna);
    if (!reference) reference = run;
    same_outcomes = same_outcomes && run.outcomes == reference->outcomes;
    same_bytes = same_bytes && run.results == reference->results && run.state == reference->state;
  }
  std::cout << "\n"
            << (same_outcomes ? "every runtime reached the same outcomes" : "RUNTIMES DISAGREE")
            << "\n"
            << (same_bytes ? "and made the same bytes: results, chains and DHT, hashes and "
                             "signatures included"
                           : "RUNTIMES MADE DIFFERENT BYTES")
            << "\n";
  return all_identical && same_outcomes && same_bytes ? 0 : 1;
}
