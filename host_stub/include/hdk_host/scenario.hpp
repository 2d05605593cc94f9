// Multi-agent tests of a DNA, in the spirit of Holochain's sweettest:
//
//   hdk_host::Scenario scenario("interp");            // or "aot", "native", ...
//   scenario.install({"forum", "", {"posts_integrity", dir / "posts_integrity.wasm"},
//                     {{"posts", dir / "posts.wasm"}}});
//   // or a packed DNA: scenario.install(hdk_host::DnaSpec::from_bundle("forum.dna"));
//   auto alice = scenario.add_agent("alice");
//   auto bob = scenario.add_agent("bob");
//   auto hash = scenario.call(alice, "posts", "create_post", Post{"hi", "..."})
//                   .value<hdk::ActionHash>();
//   auto post = scenario.call(bob, "posts", "get_post", hash).value<std::optional<Post>>();
//
// Agents share one DHT. Each call runs `init` first if the agent has not
// run it yet, runs in a workspace, has every new record validated by the
// integrity zome's `validate`, and commits only if all of that succeeded;
// then the zome's `post_commit` gets the committed actions. Calls between
// agents (`call_remote`), to another cell (`call` with OtherCell) and remote
// signals pass the callee's capability grants as in a conductor
// (world::authorize).
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <hdk/codec.hpp>
#include <hdk/types.hpp>

#include "hdk_host/call_context.hpp"
#include "hdk_host/host.hpp"
#include "hdk_host/world.hpp"
#include "hdk_host/world_inputs.hpp"

namespace hdk_host {

/// A zome's code: a .wasm file, or (for a "native" scenario) the native-mode library.
struct ZomeSource {
  std::string name;
  std::filesystem::path path;
  /// For a native zome: the .wasm it is built from. The DNA hash takes the
  /// integrity zome's wasm hash; given this, a native scenario has the DNA
  /// hash (and so the chains) of the wasm one, else it hashes the library.
  std::filesystem::path wasm{};
  /// The wasm itself, when it is no file of its own (a zome of a .dna):
  /// loaded and hashed from here. A native scenario still loads `path`.
  hdk::Bytes code{};
  /// An integrity zome's dependencies as its DNA manifest names them (part of the DNA hash).
  std::vector<std::string> dependencies{};
};

struct DnaSpec {
  std::string name = "test_dna";
  std::string network_seed;
  ZomeSource integrity;                  // zome index 0
  std::vector<ZomeSource> coordinators;  // zome indexes 1, 2, ...
  /// The DNA's properties, as msgpack (SerializedBytes): dna_info answers
  /// them and they are part of the DNA hash. `()` unless given.
  hdk::Bytes properties{0xc0};
  /// What init's get_init_properties answers, as msgpack; none unless given.
  std::optional<hdk::Bytes> init_properties = std::nullopt;

  /// The DNA of a .dna bundle (`hdk-pack dna`, `hc dna pack`): its name,
  /// network seed, properties and zomes' wasm, as a conductor installs it.
  /// A scenario runs one integrity zome; a bundle with another count, or a
  /// file that is no DNA bundle, throws bundle::BundleError. For a native
  /// scenario, set each zome's `path` to its library afterwards (the wasm
  /// in `code` still gives the DNA hash).
  static DnaSpec from_bundle(const std::filesystem::path& dna_file);

  /// Sets the DNA's properties to `value`'s msgpack: what the zome reads
  /// with hdk::try_from_dna_properties<T>() (a conductor's DNA modifiers).
  template <class T>
  DnaSpec& with_properties(const T& value) {
    properties = hdk::Bytes(hdk::encode_to_vector(value));
    return *this;
  }
  /// Sets what init reads with hdk::init_properties<T>() (an app's role settings).
  template <class T>
  DnaSpec& with_init_properties(const T& value) {
    init_properties = hdk::Bytes(hdk::encode_to_vector(value));
    return *this;
  }
};

/// A handle on one agent (cell) of the scenario.
struct Agent {
  std::size_t index = 0;
  std::string name;
  hdk::AgentPubKey key;
};

class Scenario {
 public:
  /// `runtime` is "native" or an engine name (hdk_host::available_engines());
  /// by default "tiered" (make_tiered_engine: compiled code from the first call).
  /// With `fixed`, agents' keys, the clock and random_bytes come from it, so
  /// the same calls give the same bytes on every run and runtime
  /// (hdk_host/world_inputs.hpp); without, they are fresh each run.
  explicit Scenario(std::string runtime = "tiered", HostOptions options = {},
                    std::optional<world::FixedInputs> fixed = std::nullopt);
  ~Scenario();
  Scenario(const Scenario&) = delete;
  Scenario& operator=(const Scenario&) = delete;

  /// Loads the zomes, computes the DNA hash as Holochain does (from the
  /// seed, the properties and the integrity zome's code: see
  /// world::dna_hash), and reads the integrity zome's entry and link type
  /// counts (its __num_entry_types and __num_link_types exports). Throws Fault.
  void install(const DnaSpec& dna);
  /// A new agent with its own key pair and genesis records (Dna,
  /// AgentValidationPkg with `membrane_proof`, Create of its agent key).
  /// First the integrity zome's genesis_self_check (its export
  /// `genesis_self_check_2`) sees the proof and the key, as at a
  /// conductor's install; if it answers Invalid or fails, no agent is added
  /// and GenesisSelfCheckFailed (a Fault of kind GenesisFailed) is thrown.
  Agent add_agent(std::string name, std::optional<hdk::Bytes> membrane_proof = std::nullopt);
  /// add_agent with `proof`'s msgpack as the membrane proof.
  template <class Proof>
  Agent add_agent_with_proof(std::string name, const Proof& proof) {
    return add_agent(std::move(name), hdk::Bytes(hdk::encode_to_vector(proof)));
  }

  /// One zome call as the agent; `input_msgpack` is the argument's msgpack.
  CallResult call_bytes(const Agent& agent, std::string_view zome, std::string_view function,
                        std::span<const std::uint8_t> input_msgpack);
  template <class In>
  CallResult call(const Agent& agent, std::string_view zome, std::string_view function,
                  const In& input) {
    const auto bytes = hdk::encode_to_vector(input);
    return call_bytes(agent, zome, function, bytes);
  }

  /// Moves the clock forward by `by`, one scheduler tick per second as a
  /// conductor's scheduler would see it, running every function due at each
  /// tick on every agent's cell: one `schedule` named (first run, input
  /// none), an Ephemeral schedule whose time has come, a Persisted one whose
  /// cron expression names that second. Each run is a zome call as the
  /// cell's agent; an answer of none, a failure or a bad cron expression
  /// ends the schedule.
  void advance(std::chrono::seconds by);
  /// The functions scheduled on the agent's cell, and when they run next.
  const std::vector<world::Cell::ScheduledFn>& schedules(const Agent& agent) const;

  /// The agent's committed source chain, in seq order.
  const std::vector<hdk::Record>& chain(const Agent& agent) const;
  /// Payloads (msgpack) the agent's calls emitted with emit_signal, in order
  /// (including its post_commit's and the calls of its recv_remote_signal
  /// that other agents' signals made).
  const std::vector<std::vector<std::uint8_t>>& signals(const Agent& agent) const;
  template <class T>
  std::vector<T> signals_as(const Agent& agent) const {
    std::vector<T> out;
    for (const auto& bytes : signals(agent)) {
      T value{};
      hdk::DecodeError err;
      if (hdk::decode(bytes, value, err)) out.push_back(std::move(value));
    }
    return out;
  }
  /// What the last call (and its callbacks) traced.
  const std::vector<TraceLine>& last_trace() const { return last_trace_; }
  const world::Dht& dht() const { return dht_; }
  /// Everything the scenario holds, as msgpack: the DNA hash, each agent's
  /// key, chain and signals, and the DHT's records in arrival order. Two
  /// scenarios given the same FixedInputs and calls answer the same bytes.
  std::vector<std::uint8_t> state_bytes() const;
  /// Loads a zome's code with the scenario's host, without installing it:
  /// throws the Fault a bad module gets (InvalidModule, MissingExport, ...).
  std::shared_ptr<Zome> load(const ZomeSource& source);
  const world::DnaShape& dna() const { return dna_; }
  const std::string& runtime() const { return runtime_; }

 private:
  struct LoadedZome;
  std::size_t zome_index(std::string_view name) const;
  CallResult run(world::CallEnv& env, std::size_t zome, std::string_view function,
                 std::span<const std::uint8_t> extern_input);
  /// Runs the integrity zome's genesis_self_check for a joining agent;
  /// throws GenesisSelfCheckFailed if it refuses.
  void genesis_self_check(world::Cell& cell, const std::optional<hdk::Bytes>& membrane_proof);
  /// Runs init on the cell if it has not run; an error result if it failed.
  std::optional<CallResult> ensure_initialized(world::Cell& cell);
  /// Who calls a cell when it is not the cell's own agent.
  struct Caller {
    hdk::AgentPubKey agent;
    std::optional<hdk::CapSecret> secret;
  };
  /// Runs one zome call on a cell: init first, then the capability check
  /// (for a `caller` other than the cell's agent), the call, validation,
  /// commit and post_commit. A call the cell's grants do not cover does not
  /// run: `refused` gets the conductor's Unauthorized answer.
  CallResult call_cell(world::Cell& cell, std::string_view zome, std::string_view function,
                       std::span<const std::uint8_t> extern_input, int signal_depth,
                       const Caller* caller = nullptr,
                       std::optional<hdk::ZomeCallResponse>* refused = nullptr);
  /// `call` to another cell or agent (CallEnv::call_other) from a call on `from`.
  hdk::ExternResult<hdk::ZomeCallResponse> route_call(world::Cell& from, const hdk::Call& call,
                                                      int signal_depth);
  /// Runs the zome's post_commit on the records a call just committed.
  void post_commit(world::Cell& cell, std::size_t zome,
                   const std::vector<hdk::SignedActionHashed>& committed, int signal_depth);
  bool has_zome(std::string_view name) const;
  /// Adds what a committed call scheduled to its cell's schedules.
  void register_schedules(world::CallEnv& env);
  /// Runs the cell's functions due at the tick that moved the clock from
  /// second `from` to second `to`.
  void run_due_schedules(world::Cell& cell, std::int64_t from, std::int64_t to);
  /// Delivers remote signals: each a `recv_remote_signal` call on its agent's cell.
  void deliver(std::vector<world::CallEnv::RemoteSignalOut> signals, int depth);
  /// Validates the workspace's records; an error result if one is invalid.
  std::optional<CallResult> validate(world::CallEnv& env);
  void commit(world::CallEnv& env);

  std::string runtime_;
  std::shared_ptr<Host> host_;  // null for native
  std::vector<std::shared_ptr<Zome>> zomes_;
  world::DnaShape dna_;
  world::Dht dht_;
  std::vector<std::unique_ptr<world::Cell>> cells_;
  std::vector<TraceLine> last_trace_;
  int call_depth_ = 0;  // zome calls in progress, one inside another
  world::Inputs inputs_;
};

}  // namespace hdk_host
