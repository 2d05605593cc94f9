// The scenario: a conductor for one DNA, in memory. Genesis, init, the
// workspace of each call, validation before commit, commit.
#include "hdk_host/scenario.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <tuple>

#include "hdk_host/engine.hpp"
#include "hdk_host/fault.hpp"

namespace hdk_host {
namespace {

CallResult error_result(std::string message) {
  const hdk::ExternResult<hdk::ExternIO> err(
      hdk::make_wasm_error(hdk::wasm_error_inner::Host{std::move(message)}, "hdk_host", 0));
  return CallResult::from_result_bytes(hdk::encode_to_vector(err), "scenario");
}

bool exports(const Zome& zome, std::string_view function) {
  const auto& fns = zome.functions();
  return std::find(fns.begin(), fns.end(), function) != fns.end();
}

std::string describe(const hdk::UnresolvedDependencies& dependencies) {
  if (const auto* activity =
          std::get_if<hdk::unresolved_dependencies::AgentActivity>(&dependencies))
    return "the chain of " + hdk::to_b64(activity->author) + " from " +
           hdk::to_b64(activity->filter.chain_top);
  std::string out;
  for (const auto& hash : std::get<hdk::unresolved_dependencies::Hashes>(dependencies).hashes)
    out += (out.empty() ? "" : ", ") + hdk::to_b64(hash);
  return out;
}

std::vector<std::uint8_t> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Fault(FaultKind::InvalidModule, path.string() + ": cannot open");
  return std::vector<std::uint8_t>((std::istreambuf_iterator<char>(in)), {});
}

}  // namespace

Scenario::Scenario(std::string runtime, HostOptions options,
                   std::optional<world::FixedInputs> fixed)
    : runtime_(std::move(runtime)), inputs_(fixed ? world::Inputs(*fixed) : world::Inputs()) {
  if (runtime_ != "native")
    host_ = std::make_shared<Host>(make_engine(runtime_), std::move(options));
}

Scenario::~Scenario() = default;

std::shared_ptr<Zome> Scenario::load(const ZomeSource& source) {
  if (!host_) return Host::load_native(source.path, source.name);
  return host_->load_wasm_file(source.path, source.name);
}

std::size_t Scenario::zome_index(std::string_view name) const {
  for (std::size_t i = 0; i < zomes_.size(); ++i)
    if (zomes_[i]->name() == name) return i;
  throw Fault(FaultKind::MissingExport, "no zome named `" + std::string(name) + "` in the DNA");
}

void Scenario::install(const DnaSpec& spec) {
  zomes_.clear();
  zomes_.push_back(load(spec.integrity));
  for (const auto& c : spec.coordinators) zomes_.push_back(load(c));

  dna_ = world::DnaShape{};
  dna_.name = spec.name;
  dna_.network_seed = spec.network_seed;
  dna_.properties = spec.properties;
  dna_.init_properties = spec.init_properties;
  for (const auto& z : zomes_) dna_.zome_names.push_back(z->name());
  // Holochain's DNA hash: the seed, the properties and the integrity zome's
  // code, nothing of the coordinators. A native zome's code is its library.
  const std::vector<std::uint8_t> integrity_code =
      read_file(spec.integrity.wasm.empty() ? spec.integrity.path : spec.integrity.wasm);
  dna_.hash = world::dna_hash(dna_.network_seed, dna_.properties,
                              {{zomes_.front()->name(), world::wasm_hash(integrity_code), {}}});

  // Entry and link type counts, as a conductor reads them at install: from
  // the integrity zome's const functions, 0 when one is not exported.
  Zome& integrity = *zomes_.front();
  const auto count = [&](std::string_view name) -> std::uint8_t {
    const std::optional<std::int32_t> value = integrity.const_value(name);
    if (value && (*value < 0 || *value > 255))
      throw Fault(FaultKind::HostError, "install: integrity zome `" + integrity.name() +
                                            "`: " + std::string(name) + " returned " +
                                            std::to_string(*value) + ", not a count of 0 to 255");
    return static_cast<std::uint8_t>(value.value_or(0));
  };
  dna_.entry_type_count = count("__num_entry_types");
  dna_.link_type_count = count("__num_link_types");
  dna_.entry_defs = {};
  if (exports(integrity, "entry_defs")) {
    CallContext context;
    context.callback = hdk::host_fn_access::Callback::EntryDefs;
    const CallResult r = integrity.call("entry_defs", extern_input(hdk::Unit{}), context);
    hdk::EntryDefsCallbackResult answer;
    hdk::DecodeError err;
    if (!r.ok() || !decode(r.output(), answer, err))
      throw Fault(FaultKind::HostError, "install: the entry_defs callback of `" + integrity.name() +
                                            "` failed: " + r.describe());
    dna_.entry_defs = std::get<hdk::entry_defs_callback_result::Defs>(answer).defs;
  }
  dna_.extern_fns.clear();
  for (const auto& z : zomes_) {
    std::vector<std::string> fns = z->functions();
    std::sort(fns.begin(), fns.end());
    dna_.extern_fns.push_back(std::move(fns));
  }
}

Agent Scenario::add_agent(std::string name) {
  if (zomes_.empty()) throw Fault(FaultKind::HostError, "add_agent: install a DNA first");
  auto cell = std::make_unique<world::Cell>();
  cell->name = name;
  cell->keys = inputs_.agent_keys(cells_.size());
  // Genesis: Dna, AgentValidationPkg, then the agent's key as an entry.
  world::CallEnv env(*cell, dht_, dna_, inputs_, 0);
  env.append(hdk::action::Dna{dna_.hash}, std::nullopt);
  env.append(hdk::action::AgentValidationPkg{std::nullopt}, std::nullopt);
  env.append(
      hdk::action::Create{hdk::entry_type::AgentPubKey{}, hdk::agent_entry_hash(cell->keys.agent)},
      hdk::Entry(hdk::entry::Agent{cell->keys.agent}));
  commit(env);
  cells_.push_back(std::move(cell));
  return Agent{cells_.size() - 1, std::move(name), cells_.back()->keys.agent};
}

CallResult Scenario::run(world::CallEnv& env, std::size_t zome, std::string_view function,
                         std::span<const std::uint8_t> extern_input) {
  CallContext context;
  context.world = &env;
  context.callback = env.role;
  context.zome = zomes_[zome]->name();
  const std::uint8_t saved = env.zome_index();
  env.set_zome_index(static_cast<std::uint8_t>(zome));
  CallResult result = zomes_[zome]->call(function, extern_input, context);
  env.set_zome_index(saved);
  last_trace_.insert(last_trace_.end(), context.trace.begin(), context.trace.end());
  return result;
}

std::optional<CallResult> Scenario::ensure_initialized(world::Cell& cell) {
  if (cell.initialized) return std::nullopt;
  world::CallEnv env(cell, dht_, dna_, inputs_, 0);
  env.role = world::CallEnv::Role::Init;
  for (std::size_t z = 1; z < zomes_.size(); ++z) {
    if (!exports(*zomes_[z], "init")) continue;
    const CallResult r = run(env, z, "init", extern_input(hdk::Unit{}));
    if (!r.ok())
      return error_result("init of zome `" + zomes_[z]->name() + "` failed: " + r.describe());
    hdk::InitCallbackResult answer;
    hdk::DecodeError err;
    if (!decode(r.output(), answer, err))
      return error_result("init of zome `" + zomes_[z]->name() +
                          "` answered no InitCallbackResult");
    if (const auto* fail = std::get_if<hdk::init_callback_result::Fail>(&answer))
      return error_result("init of zome `" + zomes_[z]->name() + "` failed: " + fail->reason);
    if (const auto* missing =
            std::get_if<hdk::init_callback_result::UnresolvedDependencies>(&answer))
      return error_result("init of zome `" + zomes_[z]->name() +
                          "` has unresolved dependencies: " + describe(missing->dependencies));
  }
  env.append(hdk::action::InitZomesComplete{}, std::nullopt);
  if (auto invalid = validate(env)) return invalid;
  commit(env);
  cell.initialized = true;
  return std::nullopt;
}

std::optional<CallResult> Scenario::validate(world::CallEnv& env) {
  if (!exports(*zomes_.front(), "validate")) return std::nullopt;
  // validate sees the workspace but may not write.
  world::CallEnv view(env.cell(), dht_, dna_, inputs_, 0);
  view.pending() = env.pending();
  view.read_only = true;
  view.role = world::CallEnv::Role::Validate;
  for (const hdk::Record& record : env.pending()) {
    for (const hdk::Op& op : world::ops_of(record, view)) {
      const CallResult r = run(view, 0, "validate", extern_input(op));
      if (!r.ok()) return error_result("validate failed: " + r.describe());
      hdk::ValidateCallbackResult answer;
      hdk::DecodeError err;
      if (!decode(r.output(), answer, err))
        return error_result("validate answered no ValidateCallbackResult: " + err.message);
      if (const auto* invalid = std::get_if<hdk::validate_callback_result::Invalid>(&answer))
        return error_result("invalid commit: " + invalid->reason);
      // The stub's DHT is complete and consistent: what validation cannot
      // find does not exist, so the commit can never become valid.
      if (const auto* missing =
              std::get_if<hdk::validate_callback_result::UnresolvedDependencies>(&answer))
        return error_result("invalid commit: validation has unresolved dependencies: " +
                            describe(missing->dependencies));
    }
  }
  return std::nullopt;
}

void Scenario::commit(world::CallEnv& env) {
  for (auto& record : env.pending()) {
    dht_.put(record);
    env.cell().chain.push_back(std::move(record));
  }
  env.pending().clear();
}

CallResult Scenario::call_bytes(const Agent& agent, std::string_view zome,
                                std::string_view function,
                                std::span<const std::uint8_t> input_msgpack) {
  last_trace_.clear();
  if (agent.index >= cells_.size()) return error_result("no such agent");
  return call_cell(*cells_[agent.index], zome, function, extern_input_bytes(input_msgpack), 0);
}

CallResult Scenario::call_cell(world::Cell& cell, std::string_view zome, std::string_view function,
                               std::span<const std::uint8_t> extern_input, int signal_depth,
                               const hdk::AgentPubKey* provenance) {
  const std::size_t index = zome_index(zome);
  if (auto failed = ensure_initialized(cell)) return std::move(*failed);

  world::CallEnv env(cell, dht_, dna_, inputs_, static_cast<std::uint8_t>(index));
  if (provenance) env.provenance = *provenance;
  env.call_zome = [this, &env](std::string_view callee, std::string_view fn,
                               std::span<const std::uint8_t> input) {
    return run(env, zome_index(callee), fn, input);
  };
  CallResult result = run(env, index, function, extern_input);
  // Signals leave as they are emitted, whatever becomes of the call.
  cell.signals.insert(cell.signals.end(), env.signals.begin(), env.signals.end());
  std::vector<world::CallEnv::RemoteSignalOut> outgoing = std::move(env.remote_signals);
  if (result.ok()) {
    if (auto invalid = validate(env))
      result = std::move(*invalid);
    else
      commit(env);
  }  // else the workspace is dropped: nothing is committed
  deliver(std::move(outgoing), signal_depth + 1);
  return result;
}

void Scenario::deliver(std::vector<world::CallEnv::RemoteSignalOut> signals, int depth) {
  // Signals answering signals could go on forever; a conductor would let
  // them, the stub stops after a few hops so that a test cannot hang.
  constexpr int kMaxSignalHops = 8;
  if (signals.empty() || depth > kMaxSignalHops) return;
  // The recipients' traces are not the caller's.
  const std::vector<TraceLine> caller_trace = last_trace_;
  for (const auto& signal : signals) {
    for (const auto& cell : cells_) {
      if (cell->keys.agent != signal.to) continue;
      if (!exports(*zomes_[zome_index(signal.zome)], "recv_remote_signal")) continue;
      // Fire and forget, as in Holochain: the recipient's failure is its own.
      (void)call_cell(*cell, signal.zome, "recv_remote_signal", extern_input_bytes(signal.payload),
                      depth, &signal.from);
    }
  }
  last_trace_ = caller_trace;
}

const std::vector<hdk::Record>& Scenario::chain(const Agent& agent) const {
  return cells_.at(agent.index)->chain;
}

const std::vector<std::vector<std::uint8_t>>& Scenario::signals(const Agent& agent) const {
  return cells_.at(agent.index)->signals;
}

}  // namespace hdk_host

namespace hdk_host {

std::vector<std::uint8_t> Scenario::state_bytes() const {
  using AgentState = std::tuple<hdk::AgentPubKey, std::vector<hdk::Record>,
                                std::vector<std::vector<std::uint8_t>>>;
  std::vector<AgentState> agents;
  for (const auto& cell : cells_) agents.emplace_back(cell->keys.agent, cell->chain, cell->signals);
  std::vector<hdk::Record> dht;
  for (const hdk::Record* record : dht_.records_in_arrival_order()) dht.push_back(*record);
  return hdk::encode_to_vector(std::make_tuple(dna_.hash, agents, dht));
}

}  // namespace hdk_host
