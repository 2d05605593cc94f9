// A coordinator of the posts DNA that talks to other agents and cells:
// capability grants and claims, call_remote, call to another cell, and
// post_commit signalling each committed action as `hc scaffold` writes it.
#include "../posts_integrity/posts_types.hpp"

using posts::EntryTypes;
using posts::LinkTypes;
using posts::Post;

// ---- grants and claims ----

hdk::ExternResult<hdk::ActionHash> grant(hdk::ZomeCallCapGrant grant) {
  return hdk::create_cap_grant(std::move(grant));
}
HDK_EXTERN(grant);

struct RegrantInput {
  hdk::ActionHash original;
  hdk::ZomeCallCapGrant grant;
  HDK_STRUCT(original, grant);
};

hdk::ExternResult<hdk::ActionHash> regrant(RegrantInput input) {
  return hdk::update_cap_grant(input.original, std::move(input.grant));
}
HDK_EXTERN(regrant);

hdk::ExternResult<hdk::ActionHash> revoke_grant(hdk::ActionHash grant) {
  return hdk::delete_cap_grant(grant);
}
HDK_EXTERN(revoke_grant);

hdk::ExternResult<hdk::ActionHash> claim(hdk::CapClaim claim) {
  return hdk::create_cap_claim(std::move(claim));
}
HDK_EXTERN(claim);

hdk::ExternResult<hdk::CapSecret> new_secret() { return hdk::generate_cap_secret(); }
HDK_EXTERN(new_secret);

// ---- what a caller reaches ----

/// Who called, and under which grant.
hdk::ExternResult<hdk::CallInfo> who_calls() { return hdk::call_info(); }
HDK_EXTERN(who_calls);

/// Writes a post on the callee's chain.
hdk::ExternResult<hdk::ActionHash> write_post(Post post) {
  return hdk::create_entry<EntryTypes>(post);
}
HDK_EXTERN(write_post);

hdk::ExternResult<hdk::Unit> fail() { return HDK_ERROR("this function always fails"); }
HDK_EXTERN(fail);

// ---- calling out ----

struct RemoteCall {
  hdk::AgentPubKey agent;
  std::string fn_name;
  std::optional<hdk::CapSecret> cap_secret;
  Post payload;  // what write_post gets; ignored by the others
  HDK_STRUCT(agent, fn_name, cap_secret, payload);
};

namespace {

/// write_post takes the post; the other functions called here take ().
hdk::ExternResult<hdk::ZomeCallResponse> call_remote_with(const RemoteCall& input,
                                                          std::optional<hdk::CapSecret> secret) {
  if (input.fn_name == "write_post")
    return hdk::call_remote(input.agent, "social", input.fn_name, std::move(secret), input.payload);
  return hdk::call_remote(input.agent, "social", input.fn_name, std::move(secret), hdk::Unit{});
}

}  // namespace

hdk::ExternResult<hdk::ZomeCallResponse> remote_call(RemoteCall input) {
  return call_remote_with(input, input.cap_secret);
}
HDK_EXTERN(remote_call);

/// Calls `fn_name` of `agent` with the secret of this agent's claim on it.
hdk::ExternResult<hdk::ZomeCallResponse> call_with_claim(RemoteCall input) {
  hdk::ChainQueryFilter filter;
  filter.entry_type = std::vector<hdk::EntryType>{hdk::entry_type::CapClaim{}};
  filter.include_entries = true;
  HDK_TRY(const auto records, hdk::query(filter));
  for (const auto& record : records) {
    const hdk::Entry* entry = record.entry_if_present();
    const auto* held = entry ? std::get_if<hdk::entry::CapClaim>(&entry->as_variant()) : nullptr;
    if (held && held->claim.grantor == input.agent)
      return call_remote_with(input, held->claim.secret);
  }
  return HDK_ERROR("no claim on that agent");
}
HDK_EXTERN(call_with_claim);

struct CellCall {
  hdk::CellId cell;
  std::string fn_name;
  std::optional<hdk::CapSecret> cap_secret;
  HDK_STRUCT(cell, fn_name, cap_secret);
};

hdk::ExternResult<hdk::ZomeCallResponse> cell_call(CellCall input) {
  return hdk::call(hdk::call_target_cell::OtherCell{input.cell}, "social", input.fn_name,
                   input.cap_secret, hdk::Unit{});
}
HDK_EXTERN(cell_call);

hdk::ExternResult<hdk::ZomeCallResponse> role_call(std::string role) {
  return hdk::call(hdk::call_target_cell::OtherRole{role}, "social", "who_calls", std::nullopt,
                   hdk::Unit{});
}
HDK_EXTERN(role_call);

/// The callee's CallInfo, decoded from its answer (or the reason there is none).
hdk::ExternResult<hdk::CallInfo> remote_who_calls(RemoteCall input) {
  HDK_TRY(const auto response,
          hdk::call_remote(input.agent, "social", "who_calls", input.cap_secret, hdk::Unit{}));
  return hdk::zome_call_output<hdk::CallInfo>(response);
}
HDK_EXTERN(remote_who_calls);

// ---- post_commit: hc scaffold's signal_action ----

/// Scaffold's Signal enum is #[serde(tag = "type")]: {"type": "EntryCreated", "action": ..,
/// "app_entry": ..}; a struct whose first field is `type` has that shape.
struct Signal {
  std::string type;
  hdk::SignedActionHashed action;
  std::optional<Post> app_entry;
  HDK_STRUCT(type, action, app_entry);
};

/// Post titles that make post_commit misbehave, to show it cannot undo the call.
inline constexpr const char* kFailInPostCommit = "post_commit fails";
inline constexpr const char* kWriteInPostCommit = "post_commit writes";
inline constexpr const char* kCallInPostCommit = "post_commit calls";

namespace {

hdk::ExternResult<std::optional<Post>> post_of(const hdk::ActionHash& hash) {
  HDK_TRY(const auto record, hdk::get(hash));
  if (!record) return std::optional<Post>{};
  return record->entry_as<Post>();
}

hdk::ExternResult<hdk::Unit> signal_action(const hdk::SignedActionHashed& action) {
  const hdk::Action& content = action.content();
  if (content.is<hdk::action::Create>()) {
    HDK_TRY(const auto post, post_of(action.hashed.hash));
    if (!post) return hdk::Unit{};  // a grant, a claim: nothing to show
    HDK_TRY(const auto sent, hdk::emit_signal(Signal{"EntryCreated", action, post}));
    (void)sent;
    if (post->title == kFailInPostCommit) return HDK_ERROR("post_commit failing on purpose");
    if (post->title == kWriteInPostCommit) {
      // post_commit may not write: this is refused, and post_commit fails.
      HDK_TRY(const auto written, hdk::create_entry<EntryTypes>(Post{"from post_commit", ""}));
      (void)written;
    }
    if (post->title == kCallInPostCommit) {
      // ... but a zome function it calls may: that is a call of its own.
      HDK_TRY(const auto response,
              hdk::call(hdk::call_target_cell::Local{}, "social", "write_post", std::nullopt,
                        Post{"written by a call from post_commit", ""}));
      HDK_TRY(const auto hash, hdk::zome_call_output<hdk::ActionHash>(response));
      (void)hash;
    }
    return hdk::Unit{};
  }
  if (content.is<hdk::action::Delete>())
    return hdk::emit_signal(Signal{"EntryDeleted", action, std::nullopt});
  return hdk::Unit{};
}

}  // namespace

/// Runs after every call of this zome that committed, with its actions.
hdk::ExternResult<hdk::Unit> post_commit(std::vector<hdk::SignedActionHashed> committed) {
  for (const auto& action : committed) {
    HDK_TRY(const hdk::Unit done, signal_action(action));
    (void)done;
  }
  return hdk::Unit{};
}
HDK_EXTERN(post_commit);

hdk::ExternResult<hdk::ActionHash> delete_post(hdk::ActionHash original) {
  return hdk::delete_entry(original);
}
HDK_EXTERN(delete_post);

// ---- schedules ----

hdk::ExternResult<hdk::Unit> start_schedules() {
  HDK_TRY(const hdk::Unit ephemeral, hdk::schedule("every_ten_seconds"));
  HDK_TRY(const hdk::Unit persisted, hdk::schedule("every_minute"));
  (void)ephemeral;
  (void)persisted;
  return hdk::Unit{};
}
HDK_EXTERN(start_schedules);

inline constexpr const char* kTickTitle = "ephemeral tick";

/// Ephemeral: writes a post at each run, and asks to run again 10 s later until it wrote three.
hdk::ExternResult<std::optional<hdk::Schedule>> every_ten_seconds(
    std::optional<hdk::Schedule> current) {
  (void)current;
  HDK_TRY(const hdk::ActionHash written, hdk::create_entry<EntryTypes>(Post{kTickTitle, ""}));
  (void)written;
  hdk::ChainQueryFilter filter;
  filter.action_type = std::vector<hdk::ActionType>{hdk::ActionType::Create};
  filter.include_entries = true;
  HDK_TRY(const auto records, hdk::query(filter));
  int ticks = 0;
  for (const auto& record : records)
    if (const auto post = record.entry_as<Post>(); post && post->title == kTickTitle) ++ticks;
  if (ticks >= 3) return std::optional<hdk::Schedule>{};
  return std::optional<hdk::Schedule>{hdk::schedule_kind::Ephemeral{hdk::Duration{10, 0}}};
}
HDK_EXTERN(every_ten_seconds);

/// Persisted: at second 0 of every minute, for as long as the conductor runs.
hdk::ExternResult<std::optional<hdk::Schedule>> every_minute(std::optional<hdk::Schedule> current) {
  HDK_TRY(const hdk::Unit sent, hdk::emit_signal(std::string(current ? "minute" : "first")));
  (void)sent;
  return std::optional<hdk::Schedule>{hdk::schedule_kind::Persisted{"0 * * * * *"}};
}
HDK_EXTERN(every_minute);
