// The host stub's world: what a conductor keeps for one DNA, in memory.
// Agents' source chains, the DHT they share, their keys, and the workspace of
// the zome call in progress (committed only when the call succeeds).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <hdk/host_fn_access.hpp>
#include <hdk/types.hpp>

namespace hdk_host {
class CallResult;
}

namespace hdk_host::world {

// ---- crypto (libsodium) ----

/// blake2b with a 32-byte output.
std::array<std::uint8_t, 32> blake2b_256(std::span<const std::uint8_t> data);
/// The DHT location of a 32-byte digest: the four 4-byte words of its
/// 16-byte blake2b, XORed together.
std::array<std::uint8_t, 4> dht_location(std::span<const std::uint8_t, 32> digest);
/// prefix + digest + location.
std::array<std::uint8_t, 39> holo_hash_bytes(const hdk::hash_prefix::Prefix& prefix,
                                             std::span<const std::uint8_t, 32> digest);

template <hdk::HashType Type>
hdk::HoloHash<Type> make_hash(const hdk::hash_prefix::Prefix& prefix,
                              std::span<const std::uint8_t, 32> digest) {
  return hdk::HoloHash<Type>{holo_hash_bytes(prefix, digest)};
}

/// An entry's hash: blake2b-256 of its msgpack; an Agent entry hashes to its key.
hdk::EntryHash hash_entry(const hdk::Entry& entry);
/// An action's hash: blake2b-256 of its msgpack.
hdk::ActionHash hash_action(const hdk::Action& action);

/// An Ed25519 key pair; the public half is the agent's key.
struct Keypair {
  hdk::AgentPubKey agent;
  std::array<std::uint8_t, 64> secret{};
};
Keypair generate_keypair();
/// The key pair Ed25519 makes from a 32-byte seed (the same seed, the same keys).
Keypair keypair_from_seed(std::span<const std::uint8_t, 32> seed);
hdk::Signature sign(const Keypair& keys, std::span<const std::uint8_t> data);
bool verify(const hdk::AgentPubKey& key, const hdk::Signature& signature,
            std::span<const std::uint8_t> data);

// ---- the DHT ----

/// Every record any agent committed, and the indexes get/get_links read.
class Dht {
 public:
  void put(const hdk::Record& record);
  const hdk::Record* record(const hdk::ActionHash& hash) const;
  /// The live record that created `entry` (first one not deleted), or any;
  /// only records whose entry the DHT holds (a private entry is not there).
  const hdk::Record* record_for_entry(const hdk::EntryHash& entry) const;
  /// Live links from `base` (not deleted), in commit order.
  std::vector<hdk::Link> links_from(const hdk::AnyLinkableHash& base) const;
  bool is_deleted(const hdk::ActionHash& hash) const { return deleted_.count(hash) != 0; }
  std::size_t size() const { return records_.size(); }
  /// Every record, in the order the DHT received them.
  std::vector<const hdk::Record*> records_in_arrival_order() const;

 private:
  std::map<hdk::ActionHash, hdk::Record> records_;
  std::vector<hdk::ActionHash> arrival_order_;
  std::multimap<hdk::EntryHash, hdk::ActionHash> entry_creators_;
  std::vector<hdk::ActionHash> create_links_;
  std::set<hdk::ActionHash> deleted_;
};

// ---- cells ----

class Inputs;  // hdk_host/world_inputs.hpp

struct Cell {
  std::string name;  // "alice", for messages
  Keypair keys;
  std::vector<hdk::Record> chain;  // committed, seq order
  bool initialized = false;        // init callbacks ran and InitZomesComplete is on the chain
  std::vector<std::vector<std::uint8_t>> signals;  // emit_signal payloads (the ExternIO content)
  /// A function a committed call scheduled: due at the next tick while
  /// `current` is none, then as its last answer says.
  struct ScheduledFn {
    std::string zome;
    std::string fn;
    std::optional<hdk::Schedule> current;
    std::int64_t due_micros = 0;  // for an Ephemeral schedule
  };
  std::vector<ScheduledFn> scheduled;
};

/// What the DNA's zomes declared, read at install.
struct DnaShape {
  std::string name;
  hdk::DnaHash hash;
  std::string network_seed;
  hdk::Bytes properties{0xc0};  // SerializedBytes of the DNA's properties: `()` by default
  /// What init's get_init_properties answers (none unless the app gave some).
  std::optional<hdk::Bytes> init_properties;
  std::vector<std::string> zome_names;  // integrity zome first (index 0), then coordinators
  std::uint8_t entry_type_count = 0;
  std::uint8_t link_type_count = 0;
  /// The integrity zome's entry_defs callback answer (empty without one).
  hdk::EntryDefs entry_defs;
  /// Per zome index, its zome functions and callbacks, sorted (zome_info's extern_fns).
  std::vector<std::vector<std::string>> extern_fns;
};

/// A DNA's hash as Holochain computes it (DnaDef's HashableContent): the
/// blake2b-256 of the msgpack of {"modifiers": {"network_seed", "properties"},
/// "integrity_zomes": [[name, {"Wasm": {"wasm_hash", "dependencies"}}]...]}.
/// Coordinator zomes and the DNA's name are not part of it.
struct IntegrityZomeHashInput {
  std::string name;
  hdk::WasmHash wasm_hash;
  std::vector<std::string> dependencies;
};
hdk::DnaHash dna_hash(const std::string& network_seed, const hdk::Bytes& properties,
                      const std::vector<IntegrityZomeHashInput>& integrity_zomes);
/// The bytes dna_hash hashes.
std::vector<std::uint8_t> dna_hash_content(
    const std::string& network_seed, const hdk::Bytes& properties,
    const std::vector<IntegrityZomeHashInput>& integrity_zomes);
/// A zome's code hash: blake2b-256 of the wasm bytes.
hdk::WasmHash wasm_hash(std::span<const std::uint8_t> code);

/// One zome call's view of the world: the host functions read and write
/// through it. New records go to `pending` and reach the chain and the DHT
/// only through the scenario's commit.
class CallEnv {
 public:
  CallEnv(Cell& cell, const Dht& dht, const DnaShape& dna, Inputs& inputs, std::uint8_t zome_index)
      : cell_(cell),
        dht_(dht),
        dna_(dna),
        inputs_(inputs),
        zome_index_(zome_index),
        start_head_(head_info()) {}

  Cell& cell() { return cell_; }
  const Dht& dht() const { return dht_; }
  const DnaShape& dna() const { return dna_; }
  /// Where the call's time and randomness come from.
  Inputs& inputs() { return inputs_; }
  std::uint8_t zome_index() const { return zome_index_; }
  const hdk::ChainTop& start_head() const { return start_head_; }

  /// Makes the next action of this chain from `data` (the header is the
  /// cell's key, the time, the next seq and the head's hash), signs and
  /// hashes it, and appends it with its entry to the workspace.
  const hdk::Record& append(hdk::ActionData data, std::optional<hdk::Entry> entry);

  /// Records written by this call, not yet committed.
  const std::vector<hdk::Record>& pending() const { return pending_; }
  std::vector<hdk::Record>& pending() { return pending_; }
  /// The record of `hash` as this call sees it: its own writes, then the DHT.
  const hdk::Record* find_record(const hdk::ActionHash& hash) const;
  const hdk::Record* find_entry_record(const hdk::EntryHash& hash) const;
  /// Links from `base`, including this call's own creates and deletes.
  std::vector<hdk::Link> links_from(const hdk::AnyLinkableHash& base) const;
  /// Every record this call can see: the DHT's in arrival order, then its own writes.
  std::vector<const hdk::Record*> visible_records() const;
  /// The whole chain as this call sees it (committed + pending).
  std::vector<const hdk::Record*> chain_view() const;
  hdk::ChainTop head_info() const;

  /// The next action's time: the clock's, and never before the head's.
  hdk::Timestamp next_timestamp();
  /// The zome whose code is running (a `call` switches it for the callee).
  void set_zome_index(std::uint8_t index) { zome_index_ = index; }

  /// Runs another zome function of this cell (the `call` host function).
  std::function<CallResult(std::string_view zome, std::string_view fn,
                           std::span<const std::uint8_t> extern_input)>
      call_zome;
  /// Runs a zome call on a cell in a workspace of its own, as a conductor
  /// does for `call` to another cell, `call_remote`, and any `call` from
  /// post_commit: the callee's grants are checked, and its writes commit
  /// (or not) on its own. An Err fails the caller's host call.
  std::function<hdk::ExternResult<hdk::ZomeCallResponse>(const hdk::Call& call)> call_other;
  /// The grant this call runs under (call_info's cap_grant); ChainAuthor when unset.
  std::optional<hdk::CapGrant> cap_grant;
  /// (zome, function) pairs this call scheduled, registered if it commits.
  std::vector<std::pair<std::string, std::string>> scheduled;
  /// Signals emitted during this call (ExternIO contents).
  std::vector<std::vector<std::uint8_t>> signals;
  /// Who made the call (call_info's provenance): the cell's own agent, or the
  /// sender of a remote signal.
  std::optional<hdk::AgentPubKey> provenance;
  /// Remote signals sent during this call, delivered when it ends.
  struct RemoteSignalOut {
    std::string zome;
    hdk::AgentPubKey from;
    hdk::AgentPubKey to;
    std::vector<std::uint8_t> payload;  // the ExternIO content
  };
  std::vector<RemoteSignalOut> remote_signals;
  /// Whether writes are allowed (not in validate).
  bool read_only = false;
  /// What the conductor is running: it decides which host functions may
  /// run, and how a must_get_* that finds nothing answers (Err in a zome
  /// call, UnresolvedDependencies in init or validate).
  using Role = hdk::host_fn_access::Callback;
  Role role = Role::ZomeCall;

 private:
  const hdk::Record* head() const;
  /// The record of `hash` on this cell's committed chain.
  const hdk::Record* own_record(const hdk::ActionHash& hash) const;

  Cell& cell_;
  const Dht& dht_;
  const DnaShape& dna_;
  Inputs& inputs_;
  std::uint8_t zome_index_;
  std::vector<hdk::Record> pending_;
  hdk::ChainTop start_head_;
};

/// The grant under which `caller` may call `zome`.`function` of the cell whose
/// agent is `callee` and whose committed chain is `chain`, checked as a
/// conductor does: the chain's author always passes (ChainAuthor); another
/// agent needs a live CapGrant (not deleted, not updated) listing the
/// function or granting All, that is unrestricted, or whose secret is
/// `secret` (transferable), or whose secret is `secret` and whose assignees
/// include `caller` (assigned). None: the conductor answers Unauthorized.
std::optional<hdk::CapGrant> authorize(const std::vector<hdk::Record>& chain,
                                       const hdk::AgentPubKey& callee,
                                       const hdk::AgentPubKey& caller, std::string_view zome,
                                       std::string_view function,
                                       const std::optional<hdk::CapSecret>& secret);

/// Whether the record's entry stays on its author's chain: an app entry of a
/// Private entry def, a CapGrant or a CapClaim. The DHT holds the action
/// with the entry Hidden; only the author reads the entry.
bool is_private_entry(const hdk::Record& record);

/// The link a CreateLink record makes (null if it is another kind of action).
std::optional<hdk::Link> link_of(const hdk::Record& record);

/// The ops a conductor validates for one record: CreateRecord and
/// AgentActivity always, then CreateEntry (when the entry is present),
/// Update, Delete, CreateLink or DeleteLink as the action's kind has them.
/// (A conductor sends Update and Delete twice, once per DHT basis; the stub
/// validates each once.)
std::vector<hdk::Op> ops_of(const hdk::Record& record, const CallEnv& env);

}  // namespace hdk_host::world
