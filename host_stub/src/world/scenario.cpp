// The scenario: a conductor for one DNA, in memory. Genesis, init, the
// workspace of each call, validation before commit, commit.
#include "hdk_host/scenario.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <tuple>

#include "hdk_host/cron.hpp"
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
  if (!host_) {
    if (source.path.empty())
      throw Fault(FaultKind::InvalidModule, "zome `" + source.name +
                                                "`: a native scenario loads a zome library; " +
                                                "set its ZomeSource::path");
    return Host::load_native(source.path, source.name);
  }
  if (!source.code.empty()) return host_->load_wasm(source.code, source.name);
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
      !spec.integrity.code.empty()
          ? std::vector<std::uint8_t>(spec.integrity.code)
          : read_file(spec.integrity.wasm.empty() ? spec.integrity.path : spec.integrity.wasm);
  dna_.hash = world::dna_hash(
      dna_.network_seed, dna_.properties,
      {{zomes_.front()->name(), world::wasm_hash(integrity_code), spec.integrity.dependencies}});

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

void Scenario::genesis_self_check(world::Cell& cell,
                                  const std::optional<hdk::Bytes>& membrane_proof) {
  // hdi exports the callback under its newest version's name; a zome
  // without it accepts every agent.
  constexpr std::string_view kCallback = "genesis_self_check_2";
  Zome& integrity = *zomes_.front();
  if (!exports(integrity, kCallback)) return;
  world::CallEnv env(cell, dht_, dna_, inputs_, 0);
  env.role = world::CallEnv::Role::GenesisSelfCheck;
  env.read_only = true;
  const CallResult r = run(
      env, 0, kCallback, extern_input(hdk::GenesisSelfCheckData{membrane_proof, cell.keys.agent}));
  if (!r.ok())
    throw GenesisSelfCheckFailed(integrity.name(), "the callback failed: " + r.describe());
  hdk::ValidateCallbackResult answer;
  hdk::DecodeError err;
  if (!decode(r.output(), answer, err))
    throw GenesisSelfCheckFailed(integrity.name(),
                                 "it answered no ValidateCallbackResult: " + err.message);
  if (const auto* invalid = std::get_if<hdk::validate_callback_result::Invalid>(&answer))
    throw GenesisSelfCheckFailed(integrity.name(), invalid->reason);
  // Nothing is on the network yet: what the check cannot find, it never will.
  if (const auto* missing =
          std::get_if<hdk::validate_callback_result::UnresolvedDependencies>(&answer))
    throw GenesisSelfCheckFailed(integrity.name(),
                                 "unresolved dependencies: " + describe(missing->dependencies));
}

Agent Scenario::add_agent(std::string name, std::optional<hdk::Bytes> membrane_proof) {
  if (zomes_.empty()) throw Fault(FaultKind::HostError, "add_agent: install a DNA first");
  last_trace_.clear();
  auto cell = std::make_unique<world::Cell>();
  cell->name = name;
  cell->keys = inputs_.agent_keys(cells_.size());
  genesis_self_check(*cell, membrane_proof);
  // Genesis: Dna, AgentValidationPkg, then the agent's key as an entry.
  world::CallEnv env(*cell, dht_, dna_, inputs_, 0);
  env.append(hdk::action::Dna{dna_.hash}, std::nullopt);
  env.append(hdk::action::AgentValidationPkg{std::move(membrane_proof)}, std::nullopt);
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
  register_schedules(env);
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

namespace {

/// A record as the DHT receives it: a private entry (an app entry of a
/// Private entry def, a grant with its secret, a claim) stays on the
/// author's chain, as a conductor publishes the action but never the entry.
hdk::Record published(const hdk::Record& record) {
  if (!world::is_private_entry(record)) return record;
  return hdk::Record{record.signed_action, hdk::record_entry::Hidden{}};
}

}  // namespace

void Scenario::commit(world::CallEnv& env) {
  for (auto& record : env.pending()) {
    dht_.put(published(record));
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

bool Scenario::has_zome(std::string_view name) const {
  return std::any_of(zomes_.begin(), zomes_.end(),
                     [&](const auto& z) { return z->name() == name; });
}

CallResult Scenario::call_cell(world::Cell& cell, std::string_view zome, std::string_view function,
                               std::span<const std::uint8_t> extern_input, int signal_depth,
                               const Caller* caller,
                               std::optional<hdk::ZomeCallResponse>* refused) {
  const std::size_t index = zome_index(zome);
  if (auto failed = ensure_initialized(cell)) return std::move(*failed);

  world::CallEnv env(cell, dht_, dna_, inputs_, static_cast<std::uint8_t>(index));
  if (caller) {
    env.provenance = caller->agent;
    env.cap_grant = world::authorize(cell.chain, cell.keys.agent, caller->agent, zome, function,
                                     caller->secret);
    if (!env.cap_grant) {
      if (refused)
        *refused = hdk::zome_call_response::Unauthorized{
            hdk::zome_call_authorization::BadCapGrant{}, caller->secret, std::string(zome),
            std::string(function)};
      return error_result("unauthorized: no capability grant of " + cell.name + " covers " +
                          std::string(zome) + "." + std::string(function));
    }
  }
  env.call_zome = [this, &env](std::string_view callee, std::string_view fn,
                               std::span<const std::uint8_t> input) {
    if (!has_zome(callee)) return error_result("no zome named `" + std::string(callee) + "`");
    return run(env, zome_index(callee), fn, input);
  };
  env.call_other = [this, &cell, signal_depth](const hdk::Call& c) {
    return route_call(cell, c, signal_depth);
  };
  ++call_depth_;
  CallResult result = run(env, index, function, extern_input);
  --call_depth_;
  // Signals leave as they are emitted, whatever becomes of the call.
  cell.signals.insert(cell.signals.end(), env.signals.begin(), env.signals.end());
  std::vector<world::CallEnv::RemoteSignalOut> outgoing = std::move(env.remote_signals);
  std::vector<hdk::SignedActionHashed> committed;
  if (result.ok()) {
    if (auto invalid = validate(env)) {
      result = std::move(*invalid);
    } else {
      for (const auto& record : env.pending()) committed.push_back(record.signed_action);
      commit(env);
      register_schedules(env);
    }
  }  // else the workspace is dropped: nothing is committed
  deliver(std::move(outgoing), signal_depth + 1);
  if (!committed.empty()) post_commit(cell, index, committed, signal_depth);
  return result;
}

hdk::ExternResult<hdk::ZomeCallResponse> Scenario::route_call(world::Cell& from, const hdk::Call& c,
                                                              int signal_depth) {
  const auto host_error = [](std::string message) -> hdk::ExternResult<hdk::ZomeCallResponse> {
    return hdk::make_wasm_error(hdk::wasm_error_inner::Host{std::move(message)}, "hdk_host", 0);
  };
  const auto cell_of = [&](const hdk::AgentPubKey& agent) -> world::Cell* {
    for (const auto& cell : cells_)
      if (cell->keys.agent == agent) return cell.get();
    return nullptr;
  };
  world::Cell* target = nullptr;
  const auto* remote = std::get_if<hdk::call_target::NetworkAgent>(&c.target);
  if (remote) {
    target = cell_of(remote->agent);
    if (!target)
      return hdk::ZomeCallResponse{hdk::zome_call_response::NetworkError{
          "no agent " + hdk::to_b64(remote->agent) + " is reachable on this DNA's network"}};
  } else {
    const auto& to = std::get<hdk::call_target::ConductorCell>(c.target).cell;
    if (std::holds_alternative<hdk::call_target_cell::Local>(to)) {
      target = &from;
    } else if (const auto* other = std::get_if<hdk::call_target_cell::OtherCell>(&to)) {
      // The scenario is one conductor running every agent's cell of its DNA.
      const auto& [dna, agent] = other->cell;
      if (dna == dna_.hash) target = cell_of(agent);
      if (!target)
        return host_error("call: no cell " + hdk::to_b64(dna) + " / " + hdk::to_b64(agent) +
                          " in this conductor");
    } else {
      // One role, named after the DNA: the caller's own cell of it.
      const auto& role = std::get<hdk::call_target_cell::OtherRole>(to).role;
      if (role != dna_.name) return host_error("call: no role `" + role + "` in this app");
      target = &from;
    }
  }
  // A call chain that comes back to itself forever would never end; a
  // conductor would let it time out, the stub stops it.
  constexpr int kMaxCallDepth = 16;
  if (call_depth_ >= kMaxCallDepth) return host_error("call: calls nested too deep");
  if (!has_zome(c.zome_name)) {
    if (remote)
      return hdk::ZomeCallResponse{
          hdk::zome_call_response::NetworkError{"no zome named `" + c.zome_name + "`"}};
    return host_error("call: no zome named `" + c.zome_name + "`");
  }
  const Caller caller{from.keys.agent, c.cap_secret};
  std::optional<hdk::ZomeCallResponse> refused;
  const std::vector<TraceLine> caller_trace = last_trace_;
  const CallResult result =
      call_cell(*target, c.zome_name, c.fn_name, hdk::encode_to_vector(c.payload), signal_depth,
                &caller, &refused);
  if (remote) last_trace_ = caller_trace;  // the remote agent's trace is not the caller's
  if (refused) return std::move(*refused);
  if (result.ok())
    return hdk::ZomeCallResponse{hdk::zome_call_response::Ok{
        hdk::ExternIO{hdk::Bytes(result.output().begin(), result.output().end())}}};
  // Over the network, the callee's failure comes back as an error the
  // network carried; in the conductor it fails the caller's host call.
  if (remote)
    return hdk::ZomeCallResponse{hdk::zome_call_response::NetworkError{result.describe()}};
  return host_error("call " + c.zome_name + "." + c.fn_name + ": " + result.describe());
}

void Scenario::post_commit(world::Cell& cell, std::size_t zome,
                           const std::vector<hdk::SignedActionHashed>& committed,
                           int signal_depth) {
  if (!exports(*zomes_[zome], "post_commit")) return;
  // post_commit runs after the call, on its own: it may not write (it may
  // call a zome function that does), and whatever it does cannot undo
  // what was committed.
  world::CallEnv env(cell, dht_, dna_, inputs_, static_cast<std::uint8_t>(zome));
  env.role = world::CallEnv::Role::PostCommit;
  env.call_other = [this, &cell, signal_depth](const hdk::Call& c) {
    return route_call(cell, c, signal_depth);
  };
  ++call_depth_;
  const CallResult result = run(env, zome, "post_commit", extern_input(committed));
  --call_depth_;
  cell.signals.insert(cell.signals.end(), env.signals.begin(), env.signals.end());
  deliver(std::move(env.remote_signals), signal_depth + 1);
  if (!result.ok())
    last_trace_.push_back(TraceLine{
        hdk::Level::ERROR,
        "post_commit of zome `" + zomes_[zome]->name() + "` failed: " + result.describe()});
}

void Scenario::register_schedules(world::CallEnv& env) {
  auto& scheduled = env.cell().scheduled;
  for (auto& request : env.scheduled) {
    // Not a structured binding: clang 14 (the sanitizer build's) cannot
    // capture one in a lambda.
    const bool known = std::any_of(scheduled.begin(), scheduled.end(), [&](const auto& s) {
      return s.zome == request.first && s.fn == request.second;
    });
    if (!known)
      scheduled.push_back({std::move(request.first), std::move(request.second), std::nullopt, 0});
  }
  env.scheduled.clear();
}

void Scenario::advance(std::chrono::seconds by) {
  last_trace_.clear();
  constexpr std::int64_t kSecond = 1'000'000;
  for (std::int64_t tick = 0; tick < by.count(); ++tick) {
    const std::int64_t from = inputs_.peek().micros / kSecond;
    inputs_.advance(kSecond);
    const std::int64_t to = inputs_.peek().micros / kSecond;
    for (const auto& cell : cells_) run_due_schedules(*cell, from, to);
  }
}

void Scenario::run_due_schedules(world::Cell& cell, std::int64_t from, std::int64_t to) {
  const std::int64_t now = inputs_.peek().micros;
  const auto trace_end = [&](const world::Cell::ScheduledFn& s, const std::string& why) {
    last_trace_.push_back(TraceLine{hdk::Level::WARN, "schedule of " + s.zome + "." + s.fn +
                                                          " on " + cell.name + " ended: " + why});
  };
  std::vector<world::Cell::ScheduledFn> due;
  std::vector<world::Cell::ScheduledFn> waiting;
  for (auto& s : cell.scheduled) {
    bool is_due = !s.current;
    if (const auto* after =
            s.current ? std::get_if<hdk::schedule_kind::Ephemeral>(&*s.current) : nullptr) {
      (void)after;
      is_due = now >= s.due_micros;
    } else if (const auto* cron =
                   s.current ? std::get_if<hdk::schedule_kind::Persisted>(&*s.current) : nullptr) {
      std::string error;
      const auto parsed = world::Cron::parse(cron->cron, error);
      if (!parsed) {
        trace_end(s, "bad cron expression `" + cron->cron + "`: " + error);
        continue;
      }
      for (std::int64_t second = from + 1; second <= to && !is_due; ++second)
        is_due = parsed->matches(second);
    }
    (is_due ? due : waiting).push_back(std::move(s));
  }
  cell.scheduled = std::move(waiting);
  for (auto& s : due) {
    if (!has_zome(s.zome)) {
      trace_end(s, "no zome named `" + s.zome + "`");
      continue;
    }
    const CallResult r = call_cell(cell, s.zome, s.fn, extern_input(s.current), 0);
    std::optional<hdk::Schedule> next;
    hdk::DecodeError err;
    if (!r.ok()) {
      trace_end(s, "it failed: " + r.describe());
      continue;
    }
    if (!decode(r.output(), next, err)) {
      trace_end(s, "it answered no Option<Schedule>: " + err.message);
      continue;
    }
    if (!next) continue;  // done, as it asked
    if (const auto* after = std::get_if<hdk::schedule_kind::Ephemeral>(&*next))
      s.due_micros = inputs_.peek().micros +
                     static_cast<std::int64_t>(after->after.secs) * 1'000'000 +
                     after->after.nanos / 1'000;
    s.current = std::move(next);
    // A call during the run may have scheduled it again: keep one.
    const bool again = std::any_of(cell.scheduled.begin(), cell.scheduled.end(),
                                   [&](const auto& o) { return o.zome == s.zome && o.fn == s.fn; });
    if (!again) cell.scheduled.push_back(std::move(s));
  }
}

const std::vector<world::Cell::ScheduledFn>& Scenario::schedules(const Agent& agent) const {
  return cells_.at(agent.index)->scheduled;
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
      // A remote signal is a zome call from the sender, checked against the
      // recipient's grants, fire and forget: refused or failed, it is dropped.
      const Caller caller{signal.from, std::nullopt};
      (void)call_cell(*cell, signal.zome, "recv_remote_signal", extern_input_bytes(signal.payload),
                      depth, &caller);
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
