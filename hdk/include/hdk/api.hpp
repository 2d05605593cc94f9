// The zome author's host calls, in the Rust hdk's names.
#pragma once

#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#include "hdk/capabilities.hpp"
#include "hdk/entry_types.hpp"
#include "hdk/hashing.hpp"
#include "hdk/host.hpp"

namespace hdk {

/// Writes a message to the host's trace log at `level`.
template <int = 0>
ExternResult<Unit> trace(Level level, std::string msg) {
  return host_fn::trace(TraceMsg{std::move(msg), level});
}

/// The host's current time.
template <int = 0>
ExternResult<Timestamp> sys_time() {
  return host_fn::sys_time(Unit{});
}

/// `count` cryptographically random bytes from the host.
template <int = 0>
ExternResult<Bytes> random_bytes(std::uint32_t count) {
  return host_fn::random_bytes(count);
}

// ---- info ----

template <int = 0>
ExternResult<AgentInfo> agent_info() {
  return host_fn::agent_info(Unit{});
}
/// DnaInfo (V2, as hdi's dna_info asks for it).
template <int = 0>
ExternResult<DnaInfo> dna_info() {
  return host_fn::dna_info(Unit{});
}
template <int = 0>
ExternResult<ZomeInfo> zome_info() {
  return host_fn::zome_info(Unit{});
}
template <int = 0>
ExternResult<CallInfo> call_info() {
  return host_fn::call_info(Unit{});
}
/// In init only: the properties the app gave this cell's role at install, if any.
template <int = 0>
ExternResult<std::optional<InitProperties>> get_init_properties() {
  return host_fn::get_init_properties(Unit{});
}

namespace api_detail {
/// `bytes` (msgpack) as a T, or the Err(Serialize(Deserialize(..))) that
/// holochain_serialized_bytes answers, naming the type and the field.
template <class T>
ExternResult<T> decode_properties(const Bytes& bytes) {
  T value{};
  DecodeError err;
  if (decode(bytes.data(), bytes.size(), value, err)) return value;
  return HDK_WASM_ERROR(wasm_error_inner::Serialize{
      serialized_bytes_error::Deserialize{std::string(type_name<T>()) + ": " + err.message}});
}
}  // namespace api_detail

/// The DNA's properties as a T (what hdk's #[dna_properties] gives a type:
/// `T::try_from_dna_properties()`), from `dna_info().modifiers.properties`.
template <class T>
ExternResult<T> try_from_dna_properties() {
  HDK_TRY(const DnaInfo info, dna_info());
  return api_detail::decode_properties<T>(info.modifiers.properties);
}

/// In init only: the init properties as a T, or none when the app gave none.
template <class T>
ExternResult<std::optional<T>> init_properties() {
  HDK_TRY(const std::optional<InitProperties> given, get_init_properties());
  if (!given) return std::optional<T>{};
  HDK_TRY(T value, api_detail::decode_properties<T>(given->bytes));
  return std::optional<T>{std::move(value)};
}

namespace api_detail {
/// The integrity zome this coordinator's types belong to: the first one
/// zome_info lists (as the Rust hdk's ScopedZomeTypes lookup does for a
/// coordinator with one dependency).
template <class T>
ExternResult<ZomeIndex> first_dependency(const ScopedZomeTypes<T>& types) {
  if (types.types.empty()) return HDK_ERROR("this zome has no integrity zome dependency");
  return types.types.front().first;
}
}  // namespace api_detail

// ---- the source chain ----

/// Commits `value` as an app entry of its type in `EntryTypes`:
/// `hdk::create_entry<EntryTypes>(post)`. Its visibility is its type's, as
/// declared in the list (hdk::entry_def<T, hdk::visibility::Private>): a
/// private entry stays on the author's chain.
template <class EntryTypes, class T>
ExternResult<ActionHash> create_entry(const T& value) {
  HDK_TRY(const ZomeInfo info, zome_info());
  HDK_TRY(const ZomeIndex zome, api_detail::first_dependency(info.zome_types.entries));
  CreateInput input{
      entry_def_location::App{AppEntryDefLocation{zome, EntryTypes::template index_of<T>()}},
      EntryTypes::template visibility_of<T>(), Entry::app(value), ChainTopOrdering::Strict};
  return host_fn::create(input);
}

/// Commits an Update of the record at `original` with `value` as its new entry.
template <class T>
ExternResult<ActionHash> update_entry(const ActionHash& original, const T& value) {
  return host_fn::update(UpdateInput{original, Entry::app(value), ChainTopOrdering::Strict});
}

/// Deletes the entry that the create or update action `original` wrote.
template <int = 0>
ExternResult<ActionHash> delete_entry(const ActionHash& original) {
  return host_fn::delete_(DeleteInput{original, ChainTopOrdering::Strict});
}

/// Asks the conductor to run this zome's `fn_name` at its next scheduler
/// tick, once this call commits. Declare it
/// `ExternResult<std::optional<Schedule>> fn_name(std::optional<Schedule> current)`:
/// it gets none the first time, then what it last answered; it answers when
/// to run again (`schedule_kind::Ephemeral{duration}` from now, or
/// `schedule_kind::Persisted{cron}`), or none to stop. Scheduling a function
/// already scheduled changes nothing.
template <int = 0>
ExternResult<Unit> schedule(const std::string& fn_name) {
  return host_fn::schedule(fn_name);
}

/// The record at `hash` (an action or entry hash), if the DHT has it.
template <int = 0>
ExternResult<std::optional<Record>> get(const AnyDhtHash& hash, GetOptions options = GetOptions{}) {
  HDK_TRY(auto records, host_fn::get(std::vector<GetInput>{GetInput{hash, options}}));
  if (records.size() != 1)
    return HDK_ERROR("get: the host answered for a different number of hashes");
  return std::move(records.front());
}
template <int = 0>
ExternResult<std::optional<Record>> get(const ActionHash& hash, GetOptions options = GetOptions{}) {
  return get(to_any_dht(hash), options);
}
template <int = 0>
ExternResult<std::optional<Record>> get(const EntryHash& hash, GetOptions options = GetOptions{}) {
  return get(to_any_dht(hash), options);
}

/// The record or entry at `hash` with what the DHT knows about it: for an
/// action hash the updates and deletes naming it, for an entry hash every
/// action that wrote it, their updates and deletes, and whether it is live.
template <int = 0>
ExternResult<std::optional<Details>> get_details(const AnyDhtHash& hash,
                                                 GetOptions options = GetOptions{}) {
  HDK_TRY(auto details, host_fn::get_details(std::vector<GetInput>{GetInput{hash, options}}));
  if (details.size() != 1)
    return HDK_ERROR("get_details: the host answered for a different number of hashes");
  return std::move(details.front());
}
template <int = 0>
ExternResult<std::optional<Details>> get_details(const ActionHash& hash,
                                                 GetOptions options = GetOptions{}) {
  return get_details(to_any_dht(hash), options);
}
template <int = 0>
ExternResult<std::optional<Details>> get_details(const EntryHash& hash,
                                                 GetOptions options = GetOptions{}) {
  return get_details(to_any_dht(hash), options);
}

// ---- validation-time reads (hdi) ----
// In validate, what is missing ends the callback with UnresolvedDependencies
// (the host short-circuits it); in a zome call it is an Err(Host).

/// The entry with hash `hash`, whatever became of the actions that wrote it.
template <int = 0>
ExternResult<EntryHashed> must_get_entry(const EntryHash& hash) {
  return host_fn::must_get_entry(MustGetEntryInput{hash});
}
/// The signed action with hash `hash`.
template <int = 0>
ExternResult<SignedActionHashed> must_get_action(const ActionHash& hash) {
  return host_fn::must_get_action(MustGetActionInput{hash});
}
/// The record of action `hash`, if it was validated as Valid.
template <int = 0>
ExternResult<Record> must_get_valid_record(const ActionHash& hash) {
  return host_fn::must_get_valid_record(MustGetValidRecordInput{hash});
}

/// The actions of `author`'s chain that `filter` selects, from its agent-
/// activity authorities (hdi's must_get_agent_activity; in validate, a
/// stretch not yet held ends the callback with UnresolvedDependencies).
template <int = 0>
ExternResult<std::vector<AgentActivity>> must_get_agent_activity(const AgentPubKey& author,
                                                                 ChainFilter filter) {
  return host_fn::must_get_agent_activity(MustGetAgentActivityInput{author, std::move(filter)});
}

/// Records of this agent's own chain that pass `filter`.
template <int = 0>
ExternResult<std::vector<Record>> query(const ChainQueryFilter& filter) {
  return host_fn::query(filter);
}

/// What the DHT knows of `agent`'s chain: its status, its actions (with
/// `ActivityRequest::Full`) and warrants against it.
template <int = 0>
ExternResult<AgentActivityStatus> get_agent_activity(const AgentPubKey& agent,
                                                     ChainQueryFilter query,
                                                     ActivityRequest request,
                                                     GetOptions options = GetOptions{}) {
  return host_fn::get_agent_activity(
      GetAgentActivityInput{agent, std::move(query), request, std::move(options)});
}

// ---- links ----

/// A link of type `type` (an HDK_LINK_TYPES enumerator) from `base` to `target`.
template <class LinkTypes>
ExternResult<ActionHash> create_link(const AnyLinkableHash& base, const AnyLinkableHash& target,
                                     LinkTypes type, LinkTag tag = LinkTag{}) {
  HDK_TRY(const ZomeInfo info, zome_info());
  HDK_TRY(const ZomeIndex zome, api_detail::first_dependency(info.zome_types.links));
  return host_fn::create_link(CreateLinkInput{base, target, zome,
                                              LinkType{static_cast<std::uint8_t>(type)},
                                              std::move(tag), ChainTopOrdering::Strict});
}

/// Deletes the link that `create_link_hash` created; `options` say how the
/// host finds that CreateLink.
template <int = 0>
ExternResult<ActionHash> delete_link(const ActionHash& create_link_hash,
                                     GetOptions options = GetOptions{}) {
  return host_fn::delete_link(
      DeleteLinkInput{create_link_hash, ChainTopOrdering::Strict, std::move(options)});
}

namespace api_detail {
/// The filter for this coordinator's link types `types`, all of its first
/// integrity zome (as the Rust hdk's LinkTypeFilterExt resolves them).
template <class LinkTypes>
ExternResult<LinkTypeFilter> filter_for(const std::vector<LinkTypes>& types) {
  HDK_TRY(const ZomeInfo info, zome_info());
  HDK_TRY(const ZomeIndex zome, first_dependency(info.zome_types.links));
  std::vector<LinkType> indices;
  for (LinkTypes t : types) indices.push_back(LinkType{static_cast<std::uint8_t>(t)});
  return LinkTypeFilter{link_type_filter::Types{{{zome, std::move(indices)}}}};
}
template <class LinkTypes>
ExternResult<LinkTypeFilter> filter_for(LinkTypes type) {
  return filter_for(std::vector<LinkTypes>{type});
}

/// The one answer to a get_links or get_links_details call of one query.
template <class Answer>
ExternResult<Answer> only_answer(const char* what, ExternResult<std::vector<Answer>> answers) {
  HDK_TRY(auto all, std::move(answers));
  if (all.size() != 1)
    return HDK_ERROR(std::string(what) + ": the host answered for a different number of queries");
  return std::move(all.front());
}
}  // namespace api_detail

template <class LinkTypes>
ExternResult<LinkQuery> LinkQuery::try_new(const AnyLinkableHash& base, LinkTypes type) {
  HDK_TRY(LinkTypeFilter filter, api_detail::filter_for(type));
  return LinkQuery::of(base, std::move(filter));
}
template <class LinkTypes>
ExternResult<LinkQuery> LinkQuery::try_new(const AnyLinkableHash& base,
                                           const std::vector<LinkTypes>& types) {
  HDK_TRY(LinkTypeFilter filter, api_detail::filter_for(types));
  return LinkQuery::of(base, std::move(filter));
}

/// The live links `query` selects, looked up with `strategy` (hdk 0.7's
/// `get_links(query, strategy)`).
template <int = 0>
ExternResult<std::vector<Link>> get_links(const LinkQuery& query,
                                          GetStrategy strategy = GetStrategy::Network) {
  return api_detail::only_answer<std::vector<Link>>(
      "get_links", host_fn::get_links({get_links_input_from_query(query, strategy)}));
}

/// Every link `query` selects, deleted ones too, each with the DeleteLinks
/// of it (hdk 0.7's `get_links_details(query, strategy)`).
template <int = 0>
ExternResult<LinkDetails> get_links_details(const LinkQuery& query,
                                            GetStrategy strategy = GetStrategy::Network) {
  return api_detail::only_answer<LinkDetails>(
      "get_links_details",
      host_fn::get_links_details({get_links_input_from_query(query, strategy)}));
}

/// How many live links `query` selects, counted by the host (hdk 0.7's
/// `count_links(query)`): the links themselves do not cross the boundary.
template <int = 0>
ExternResult<std::uint64_t> count_links(const LinkQuery& query) {
  return host_fn::count_links(query);
}

/// The live links of type `type` from `base`, optionally only those whose
/// tag starts with `tag_prefix`: the short form of
/// `get_links(LinkQuery::try_new(base, type)..., GetStrategy::Network)`.
template <class LinkTypes>
ExternResult<std::vector<Link>> get_links(const AnyLinkableHash& base, LinkTypes type,
                                          std::optional<LinkTag> tag_prefix = std::nullopt) {
  HDK_TRY(LinkQuery query, LinkQuery::try_new(base, type));
  query.tag_prefix = std::move(tag_prefix);
  return get_links(query, GetStrategy::Network);
}

/// Every link of type `type` from `base`, deleted ones too, each with the
/// DeleteLinks of it: the short form of get_links_details(LinkQuery, ...).
template <class LinkTypes>
ExternResult<LinkDetails> get_links_details(const AnyLinkableHash& base, LinkTypes type,
                                            std::optional<LinkTag> tag_prefix = std::nullopt) {
  HDK_TRY(LinkQuery query, LinkQuery::try_new(base, type));
  query.tag_prefix = std::move(tag_prefix);
  return get_links_details(query, GetStrategy::Network);
}

/// How many live links of type `type` leave `base`.
template <class LinkTypes>
ExternResult<std::uint64_t> count_links(const AnyLinkableHash& base, LinkTypes type) {
  HDK_TRY(const LinkQuery query, LinkQuery::try_new(base, type));
  return count_links(query);
}

// ---- hashing and signatures ----
// Hashes are computed here in the guest (BLAKE2b, hdk/hashing.hpp), as
// hdi's hash_entry and hash_action do: no host call.

/// The EntryHash of an entry, or of `value` as an app entry (Rust's `hash_entry`).
template <class T>
ExternResult<EntryHash> hash_entry(const T& value) {
  EntryHash out;
  bool ok = false;
  if constexpr (std::is_same_v<T, Entry>)
    ok = hashing::entry_hash(value, out);
  else
    ok = hashing::entry_hash(Entry::app(value), out);
  if (!ok) return HDK_WASM_ERROR(wasm_error_inner::Memory{});
  return out;
}

/// The ActionHash of an action (Rust's `hash_action`).
template <int = 0>
ExternResult<ActionHash> hash_action(const Action& action) {
  ActionHash out;
  if (!hashing::action_hash(action, out)) return HDK_WASM_ERROR(wasm_error_inner::Memory{});
  return out;
}

/// Signs the msgpack of `value` with `key`'s private key (held by the host).
template <class T>
ExternResult<Signature> sign(const AgentPubKey& key, const T& value) {
  return host_fn::sign(Sign{key, Bytes(encode_to_vector(value))});
}

/// Whether `signature` is `key`'s signature of the msgpack of `value`.
template <class T>
ExternResult<bool> verify_signature(const AgentPubKey& key, const Signature& signature,
                                    const T& value) {
  return host_fn::verify_signature(VerifySignature{key, signature, Bytes(encode_to_vector(value))});
}

// ---- signals and calls ----

/// Sends `value` to the app's clients (a test scenario collects them).
template <class T>
ExternResult<Unit> emit_signal(const T& value) {
  return host_fn::emit_signal(AppSignal{ExternIO::from(value)});
}

/// Sends `value` to other agents of this DNA, fire and forget: each one's
/// `recv_remote_signal` in this zome receives it (declare it as
/// `ExternResult<Unit> recv_remote_signal(T value)`).
template <class T>
ExternResult<Unit> send_remote_signal(const T& value, std::vector<AgentPubKey> agents) {
  return host_fn::send_remote_signal(RemoteSignal{std::move(agents), ExternIO::from(value)});
}

/// Calls `fn_name` of zome `zome_name` in this same cell; the answer decoded as Out.
template <class Out, class In>
ExternResult<Out> call(const std::string& zome_name, const std::string& fn_name,
                       const In& payload) {
  Call c;
  c.zome_name = zome_name;
  c.fn_name = fn_name;
  c.payload = ExternIO::from(payload);
  HDK_TRY(auto responses, host_fn::call(std::vector<Call>{std::move(c)}));
  if (responses.size() != 1)
    return HDK_ERROR("call: the host answered for a different number of calls");
  const auto* ok = std::get_if<zome_call_response::Ok>(&responses.front());
  if (!ok) return HDK_ERROR("call: " + zome_name + "." + fn_name + " did not answer Ok");
  Out out{};
  DecodeError err;
  if (!ok->output.decode(out, err))
    return HDK_ERROR("call: cannot decode the answer: " + err.message);
  return out;
}

/// Calls `fn_name` of zome `zome_name` in the cell `to_cell` (this one:
/// `call_target_cell::Local{}`; another of this conductor: `OtherCell{cell_id}`
/// or `OtherRole{role}`), with `cap_secret` if that cell's agent is not this
/// one: Rust's `call`. The answer is the conductor's: `Ok`, or `Unauthorized`
/// when no grant of the callee covers the call. A callee that fails fails this call.
template <class In>
ExternResult<ZomeCallResponse> call(CallTargetCell to_cell, std::string zome_name,
                                    std::string fn_name, std::optional<CapSecret> cap_secret,
                                    const In& payload) {
  Call c{call_target::ConductorCell{std::move(to_cell)}, std::move(zome_name), std::move(fn_name),
         std::move(cap_secret), ExternIO::from(payload)};
  HDK_TRY(auto responses, host_fn::call(std::vector<Call>{std::move(c)}));
  if (responses.size() != 1)
    return HDK_ERROR("call: the host answered for a different number of calls");
  return std::move(responses.front());
}

/// Calls `fn_name` of zome `zome_name` on `agent`'s cell of this DNA, over
/// the network: Rust's `call_remote`. The callee's conductor checks its
/// grants; a callee that fails answers `NetworkError`.
template <class In>
ExternResult<ZomeCallResponse> call_remote(AgentPubKey agent, std::string zome_name,
                                           std::string fn_name, std::optional<CapSecret> cap_secret,
                                           const In& payload) {
  Call c{call_target::NetworkAgent{std::move(agent)}, std::move(zome_name), std::move(fn_name),
         std::move(cap_secret), ExternIO::from(payload)};
  HDK_TRY(auto responses, host_fn::call(std::vector<Call>{std::move(c)}));
  if (responses.size() != 1)
    return HDK_ERROR("call_remote: the host answered for a different number of calls");
  return std::move(responses.front());
}

/// A call's output decoded as Out, or an error saying why there is none
/// (Unauthorized, NetworkError, ...): `match response { Ok(io) => io.decode() .. }`.
template <class Out>
ExternResult<Out> zome_call_output(const ZomeCallResponse& response) {
  if (const auto* ok = std::get_if<zome_call_response::Ok>(&response)) {
    Out out{};
    DecodeError err;
    if (!ok->output.decode(out, err))
      return HDK_ERROR("the zome call's answer does not decode: " + err.message);
    return out;
  }
  if (const auto* refused = std::get_if<zome_call_response::Unauthorized>(&response))
    return HDK_ERROR("unauthorized: no capability grant covers " + refused->zome_name + "." +
                     refused->fn_name);
  if (const auto* network = std::get_if<zome_call_response::NetworkError>(&response))
    return HDK_ERROR("network error: " + network->message);
  if (std::holds_alternative<zome_call_response::AuthenticationFailed>(response))
    return HDK_ERROR("the zome call's signature did not verify");
  return HDK_ERROR("countersigning session: " +
                   std::get<zome_call_response::CountersigningSession>(response).message);
}

namespace api_detail {
inline std::string format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
inline std::string format(const char* fmt, ...) {
  va_list args;
  va_start(args, fmt);
  char small[256];
  const int n = std::vsnprintf(small, sizeof small, fmt, args);
  va_end(args);
  if (n < 0) return {};
  if (static_cast<std::size_t>(n) < sizeof small)
    return std::string(small, static_cast<std::size_t>(n));
  std::string out(static_cast<std::size_t>(n), '\0');
  va_start(args, fmt);
  std::vsnprintf(out.data(), out.size() + 1, fmt, args);
  va_end(args);
  return out;
}
}  // namespace api_detail

}  // namespace hdk

/// printf-style debug trace, like the Rust hdk's `debug!`: file and line first.
#define HDK_DEBUG(...)                                                                 \
  (void)::hdk::trace(::hdk::Level::DEBUG,                                              \
                     ::hdk::api_detail::format("%s:%d: ", HDK_MODULE_PATH, __LINE__) + \
                         ::hdk::api_detail::format(__VA_ARGS__))
