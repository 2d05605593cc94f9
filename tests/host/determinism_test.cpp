// With FixedInputs a scenario repeats byte for byte: every example zome call,
// the chains and the DHT, hashes and signatures included, are the same bytes
// natively and on every engine (docs/determinism.md).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "../../examples/forum/forum_types.hpp"
#include "../../examples/profiles/profiles_types.hpp"
#include "hdk_host/scenario.hpp"
#include "hdk_host/world_inputs.hpp"
#include "support/engines.hpp"
#include "support/paths.hpp"

namespace {

/// What one run did, as bytes: each call's result, then the scenario's state.
struct Transcript {
  std::vector<std::string> labels;
  std::vector<std::vector<std::uint8_t>> results;
  std::vector<std::uint8_t> state;
};

class Recorder {
 public:
  explicit Recorder(hdk_host::Scenario& scenario) : scenario_(scenario) {}

  template <class In>
  hdk_host::CallResult call(const hdk_host::Agent& who, const std::string& zome,
                            const std::string& fn, const In& input) {
    return record(who, zome, fn, scenario_.call(who, zome, fn, input));
  }
  hdk_host::CallResult call_json(const hdk_host::Agent& who, const std::string& zome,
                                 const std::string& fn, const std::string& json) {
    const auto input = nlohmann::json::to_msgpack(nlohmann::json::parse(json));
    return record(who, zome, fn, scenario_.call_bytes(who, zome, fn, input));
  }
  Transcript finish() {
    out_.state = scenario_.state_bytes();
    return std::move(out_);
  }

 private:
  hdk_host::CallResult record(const hdk_host::Agent& who, const std::string& zome,
                              const std::string& fn, hdk_host::CallResult result) {
    INFO(who.name << " " << zome << "::" << fn << ": " << result.describe());
    CHECK(!result.fault());
    out_.labels.push_back(who.name + " " + zome + "::" + fn);
    out_.results.push_back(result.raw());
    return result;
  }
  hdk_host::Scenario& scenario_;
  Transcript out_;
};

struct Runtime {
  std::string label;  // "native", "wasi/interp", ...
  std::string runtime;
  std::filesystem::path wasm_dir;  // the toolchain's zomes (the native run hashes them)
};

hdk_host::ZomeSource source(const Runtime& rt, const std::string& name) {
  const auto wasm = rt.wasm_dir / (name + ".wasm");
  if (rt.runtime == "native") return {name, hdk_test::native_zome_path(name), wasm};
  return {name, wasm};
}

/// The demo's forum scenario, with the hello and compute zomes in the same DNA.
Transcript forum_run(const Runtime& rt, const hdk_host::world::FixedInputs& fixed) {
  hdk_host::Scenario scenario(rt.runtime, {}, fixed);
  scenario.install({"forum",
                    "demo",
                    source(rt, "forum_integrity"),
                    {source(rt, "forum"), source(rt, "hello"), source(rt, "compute")}});
  const auto alice = scenario.add_agent("alice");
  const auto bob = scenario.add_agent("bob");
  Recorder r(scenario);

  const auto created = r.call(alice, "forum", "create_post", forum::Post{"Hello", "first post"});
  const auto post = created.ok() ? created.value<hdk::ActionHash>() : hdk::ActionHash{};
  r.call(bob, "forum", "list_posts", hdk::Unit{});
  r.call(bob, "forum", "comment_on_post", forum::Comment{post, "Welcome!"});
  r.call(alice, "forum", "list_comments", post);
  r.call(alice, "forum", "create_post", forum::Post{"", "no title"});
  r.call(bob, "forum", "update_post", forum::UpdatePostInput{post, forum::Post{"Mine now", ""}});
  const auto edited =
      r.call(alice, "forum", "update_post",
             forum::UpdatePostInput{post, forum::Post{"Hello, edited", "first post"}});
  if (edited.ok()) r.call(bob, "forum", "get_post", edited.value<hdk::ActionHash>());
  r.call(alice, "forum", "delete_post", post);
  r.call(bob, "forum", "list_posts", hdk::Unit{});

  r.call_json(alice, "hello", "hello", "null");
  r.call_json(alice, "hello", "greet", R"({"name":"Ada","times":2})");
  r.call_json(bob, "hello", "greet", R"({"name":"","times":1})");
  r.call_json(bob, "hello", "echo",
              R"({"text":"round trip","numbers":[1,-2,300000],"note":null,"blob":[1,2,3]})");
  r.call_json(alice, "hello", "now", "null");
  r.call_json(bob, "hello", "now", "null");
  r.call_json(alice, "compute", "sort_and_hash", R"({"count":1000,"seed":42})");
  r.call(alice, "compute", "echo", hdk::Bytes{1, 2, 3});
  r.call(bob, "compute", "noop", hdk::Unit{});
  return r.finish();
}

/// The profiles example: random nonces, the clock and signatures.
Transcript profiles_run(const Runtime& rt, const hdk_host::world::FixedInputs& fixed) {
  hdk_host::Scenario scenario(rt.runtime, {}, fixed);
  scenario.install({"profiles", "", source(rt, "profiles_integrity"), {source(rt, "profiles")}});
  const auto alice = scenario.add_agent("alice");
  const auto bob = scenario.add_agent("bob");
  Recorder r(scenario);
  r.call(alice, "profiles", "create_profile", std::string("alice"));
  r.call(bob, "profiles", "create_profile", std::string("bob"));
  r.call(bob, "profiles", "get_profile", alice.key);
  const auto signed_statement =
      r.call(alice, "profiles", "sign_statement", std::string("I am alice"));
  if (signed_statement.ok())
    r.call(bob, "profiles", "verify_statement",
           signed_statement.value<profiles::SignedStatement>());
  return r.finish();
}

std::vector<Runtime> runtimes_of(const std::filesystem::path& dir, const std::string& toolchain) {
  std::vector<Runtime> out;
  for (const auto& engine : hdk_test::engine_names())
    out.push_back({toolchain + "/" + engine, engine, dir});
  out.push_back({"native (as " + toolchain + ")", "native", dir});
  return out;
}

void check_same(const Transcript& reference, const std::string& reference_label,
                const Transcript& other, const std::string& label) {
  INFO(label << " against " << reference_label);
  REQUIRE(other.results.size() == reference.results.size());
  for (std::size_t i = 0; i < reference.results.size(); ++i) {
    INFO("call " << i << ": " << reference.labels[i]);
    CHECK(other.results[i] == reference.results[i]);
  }
  CHECK(other.state.size() == reference.state.size());
  CHECK(other.state == reference.state);
}

}  // namespace

TEST_CASE("determinism: fixed inputs give the same bytes on every engine and natively") {
  const hdk_host::world::FixedInputs fixed;
  for (const auto& [toolchain, dir] : hdk_test::zome_dirs()) {
    DYNAMIC_SECTION(toolchain) {
      const auto runtimes = runtimes_of(dir, toolchain);
      const Transcript forum = forum_run(runtimes.front(), fixed);
      const Transcript profiles = profiles_run(runtimes.front(), fixed);
      CHECK(forum.results.size() == 19);
      CHECK(profiles.results.size() == 5);
      for (std::size_t i = 1; i < runtimes.size(); ++i) {
        check_same(forum, runtimes.front().label, forum_run(runtimes[i], fixed), runtimes[i].label);
        check_same(profiles, runtimes.front().label, profiles_run(runtimes[i], fixed),
                   runtimes[i].label);
      }
    }
  }
}

TEST_CASE("determinism: without fixed inputs, or with another seed, the bytes differ") {
  const auto [toolchain, dir] = hdk_test::zome_dirs().front();
  const Runtime rt{toolchain + "/interp", "interp", dir};
  const hdk_host::world::FixedInputs fixed;
  hdk_host::world::FixedInputs other_seed;
  other_seed.seed = "another seed";

  const Transcript a = profiles_run(rt, fixed);
  const Transcript again = profiles_run(rt, fixed);
  CHECK(a.state == again.state);
  CHECK(a.results == again.results);
  CHECK(profiles_run(rt, other_seed).state != a.state);

  // Fresh keys and the system clock: two runs cannot agree.
  const auto fresh = [&] {
    hdk_host::Scenario scenario(rt.runtime);
    scenario.install({"profiles", "", source(rt, "profiles_integrity"), {source(rt, "profiles")}});
    scenario.add_agent("alice");
    return scenario.state_bytes();
  };
  CHECK(fresh() != fresh());
}

TEST_CASE("determinism: a fixed clock starts where asked and moves one step per reading") {
  hdk_host::world::FixedInputs fixed;
  fixed.clock_start_micros = 1'000'000;
  fixed.clock_step_micros = 5;
  hdk_host::world::Inputs inputs(fixed);
  CHECK(inputs.now().micros == 1'000'000);
  CHECK(inputs.now().micros == 1'000'005);
  CHECK(inputs.now().micros == 1'000'010);

  // Keys from the seed: the same agent index, the same keys, which sign and verify.
  const hdk_host::world::Inputs again(fixed);
  CHECK(inputs.agent_keys(0).agent == again.agent_keys(0).agent);
  CHECK(inputs.agent_keys(0).secret == again.agent_keys(0).secret);
  CHECK_FALSE(inputs.agent_keys(0).agent == inputs.agent_keys(1).agent);
  const std::vector<std::uint8_t> data{1, 2, 3};
  const auto keys = inputs.agent_keys(3);
  CHECK(hdk_host::world::verify(keys.agent, hdk_host::world::sign(keys, data), data));

  // Randomness from the seed: the same draws in the same order, each draw new.
  hdk_host::world::Inputs r1(fixed), r2(fixed);
  std::vector<std::uint8_t> a(32), b(32), c(32);
  r1.random(a);
  r2.random(b);
  CHECK(a == b);
  r1.random(c);
  CHECK(c != a);
}
