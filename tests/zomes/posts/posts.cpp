// The forum's coordinator zome: one function per host function it exercises.
#include "../posts_integrity/posts_types.hpp"

using posts::EntryTypes;
using posts::LinkTypes;
using posts::Post;
using posts::UpdatePost;

namespace {

/// Where every post is linked from: the hash of a well-known entry.
hdk::ExternResult<hdk::AnyLinkableHash> all_posts_anchor() {
  HDK_TRY(const hdk::EntryHash anchor, hdk::hash_entry(std::string("all_posts")));
  return hdk::to_any_linkable(anchor);
}

}  // namespace

hdk::ExternResult<hdk::InitCallbackResult> init() {
  HDK_DEBUG("init for %s", "posts");
  // Only init may read the properties the app gave this cell's role.
  HDK_TRY(const auto properties, hdk::get_init_properties());
  HDK_DEBUG("init properties: %zu bytes", properties ? properties->bytes.size() : std::size_t{0});
  return hdk::InitCallbackResult{hdk::init_callback_result::Pass{}};
}
HDK_EXTERN(init);

/// Creates a post and links it from the anchor and from its author.
hdk::ExternResult<hdk::ActionHash> create_post(Post post) {
  HDK_TRY(const hdk::ActionHash hash, hdk::create_entry<EntryTypes>(post));
  HDK_TRY(const auto anchor, all_posts_anchor());
  HDK_TRY(const auto me, hdk::agent_info());
  HDK_TRY(const auto l1, hdk::create_link(anchor, hdk::to_any_linkable(hash), LinkTypes::AllPosts,
                                          hdk::LinkTag::from_string(post.title)));
  HDK_TRY(const auto l2, hdk::create_link(hdk::to_any_linkable(me.agent_initial_pubkey),
                                          hdk::to_any_linkable(hash), LinkTypes::AuthorToPost));
  (void)l1;
  (void)l2;
  HDK_TRY(const auto sent, hdk::emit_signal(post.title));
  (void)sent;
  return hash;
}
HDK_EXTERN(create_post);

hdk::ExternResult<std::optional<Post>> get_post(hdk::ActionHash hash) {
  HDK_TRY(const auto record, hdk::get(hash));
  if (!record) return std::optional<Post>{};
  return record->entry_as<Post>();
}
HDK_EXTERN(get_post);

hdk::ExternResult<std::optional<hdk::Record>> get_record(hdk::ActionHash hash) {
  return hdk::get(hash);
}
HDK_EXTERN(get_record);

hdk::ExternResult<std::vector<hdk::Link>> all_posts() {
  HDK_TRY(const auto anchor, all_posts_anchor());
  return hdk::get_links(anchor, LinkTypes::AllPosts);
}
HDK_EXTERN(all_posts);

hdk::ExternResult<std::vector<hdk::Link>> posts_by(hdk::AgentPubKey author) {
  return hdk::get_links(hdk::to_any_linkable(author), LinkTypes::AuthorToPost);
}
HDK_EXTERN(posts_by);

hdk::ExternResult<std::uint64_t> count_posts() {
  HDK_TRY(const auto anchor, all_posts_anchor());
  return hdk::count_links(anchor, LinkTypes::AllPosts);
}
HDK_EXTERN(count_posts);

hdk::ExternResult<hdk::ActionHash> update_post(UpdatePost input) {
  return hdk::update_entry(input.original, input.post);
}
HDK_EXTERN(update_post);

hdk::ExternResult<hdk::ActionHash> delete_post(hdk::ActionHash original) {
  return hdk::delete_entry(original);
}
HDK_EXTERN(delete_post);

hdk::ExternResult<hdk::Record> must_get_record(hdk::ActionHash hash) {
  return hdk::must_get_valid_record(hash);
}
HDK_EXTERN(must_get_record);

hdk::ExternResult<hdk::SignedActionHashed> must_get_signed_action(hdk::ActionHash hash) {
  return hdk::must_get_action(hash);
}
HDK_EXTERN(must_get_signed_action);

hdk::ExternResult<hdk::EntryHashed> must_get_post_entry(hdk::EntryHash hash) {
  return hdk::must_get_entry(hash);
}
HDK_EXTERN(must_get_post_entry);

hdk::ExternResult<std::optional<hdk::Details>> get_post_details(hdk::AnyDhtHash hash) {
  return hdk::get_details(hash);
}
HDK_EXTERN(get_post_details);

hdk::ExternResult<hdk::ActionHash> remove_link(hdk::ActionHash create_link_hash) {
  return hdk::delete_link(create_link_hash);
}
HDK_EXTERN(remove_link);

/// A long tag the integrity zome refuses.
hdk::ExternResult<hdk::ActionHash> link_with_long_tag(hdk::ActionHash target) {
  HDK_TRY(const auto anchor, all_posts_anchor());
  return hdk::create_link(anchor, hdk::to_any_linkable(target), LinkTypes::AllPosts,
                          hdk::LinkTag{hdk::Bytes(100, 'x')});
}
HDK_EXTERN(link_with_long_tag);

/// Writes, then fails: nothing may be committed.
hdk::ExternResult<hdk::ActionHash> create_then_fail(Post post) {
  HDK_TRY(const hdk::ActionHash hash, hdk::create_entry<EntryTypes>(post));
  (void)hash;
  return HDK_ERROR("failing after a write");
}
HDK_EXTERN(create_then_fail);

hdk::ExternResult<std::vector<hdk::Record>> my_chain() {
  hdk::ChainQueryFilter filter;
  filter.include_entries = true;
  return hdk::query(filter);
}
HDK_EXTERN(my_chain);

hdk::ExternResult<std::vector<hdk::Record>> my_creates() {
  hdk::ChainQueryFilter filter;
  filter.action_type = std::vector<hdk::ActionType>{hdk::ActionType::Create};
  return hdk::query(filter);
}
HDK_EXTERN(my_creates);

hdk::ExternResult<hdk::AgentInfo> whoami() { return hdk::agent_info(); }
HDK_EXTERN(whoami);

hdk::ExternResult<hdk::DnaInfo> dna() { return hdk::dna_info(); }
HDK_EXTERN(dna);

hdk::ExternResult<hdk::DnaInfoV1> dna_v1() { return hdk::host_fn::dna_info_1(hdk::Unit{}); }
HDK_EXTERN(dna_v1);

/// A zome call may not read the init properties: only init may.
hdk::ExternResult<std::optional<hdk::InitProperties>> init_properties_in_a_call() {
  return hdk::get_init_properties();
}
HDK_EXTERN(init_properties_in_a_call);

/// Every link from the anchor, deleted ones too, with their deletes.
hdk::ExternResult<hdk::LinkDetails> all_posts_details() {
  HDK_TRY(const auto anchor, all_posts_anchor());
  return hdk::get_links_details(anchor, LinkTypes::AllPosts);
}
HDK_EXTERN(all_posts_details);

hdk::ExternResult<hdk::ZomeInfo> zome() { return hdk::zome_info(); }
HDK_EXTERN(zome);

hdk::ExternResult<hdk::CallInfo> callinfo() { return hdk::call_info(); }
HDK_EXTERN(callinfo);

hdk::ExternResult<hdk::EntryHash> hash_post(Post post) { return hdk::hash_entry(post); }
HDK_EXTERN(hash_post);

struct Ping {
  std::vector<hdk::AgentPubKey> to;
  std::string text;
  HDK_STRUCT(to, text);
};

/// Lets every agent send this agent remote signals: a remote signal is a
/// call of recv_remote_signal, which the conductor checks against grants.
hdk::ExternResult<hdk::ActionHash> accept_signals() {
  hdk::ZomeCallCapGrant grant;
  grant.tag = "signals";
  grant.access = hdk::cap_access::Unrestricted{};
  grant.functions = hdk::granted_functions::Listed{{{"posts", "recv_remote_signal"}}};
  return hdk::create_cap_grant(std::move(grant));
}
HDK_EXTERN(accept_signals);

hdk::ExternResult<hdk::Unit> ping(Ping input) {
  return hdk::send_remote_signal(input.text, input.to);
}
HDK_EXTERN(ping);

/// Another agent's ping: shown to this agent's UI, answered once with a pong.
hdk::ExternResult<hdk::Unit> recv_remote_signal(std::string text) {
  HDK_TRY(const auto shown, hdk::emit_signal("got " + text));
  (void)shown;
  if (text.rfind("pong", 0) == 0) return hdk::Unit{};
  HDK_TRY(const auto caller, hdk::call_info());
  return hdk::send_remote_signal("pong to " + text, {caller.provenance});
}
HDK_EXTERN(recv_remote_signal);

hdk::ExternResult<hdk::EntryHash> hash_string(std::string text) { return hdk::hash_entry(text); }
HDK_EXTERN(hash_string);

struct SignCheck {
  hdk::Signature signature;
  bool verifies = false;
  bool tampered_verifies = true;
  HDK_STRUCT(signature, verifies, tampered_verifies);
};

hdk::ExternResult<SignCheck> sign_and_verify(std::string message) {
  HDK_TRY(const auto me, hdk::agent_info());
  HDK_TRY(const hdk::Signature signature, hdk::sign(me.agent_initial_pubkey, message));
  HDK_TRY(const bool ok, hdk::verify_signature(me.agent_initial_pubkey, signature, message));
  HDK_TRY(const bool tampered,
          hdk::verify_signature(me.agent_initial_pubkey, signature, message + "!"));
  return SignCheck{signature, ok, tampered};
}
HDK_EXTERN(sign_and_verify);

struct Randomness {
  hdk::Bytes bytes;
  hdk::Timestamp time;
  HDK_STRUCT(bytes, time);
};

hdk::ExternResult<Randomness> random_and_time(std::uint32_t n) {
  HDK_TRY(auto bytes, hdk::random_bytes(n));
  HDK_TRY(auto time, hdk::sys_time());
  HDK_TRY(auto traced, hdk::trace(hdk::Level::INFO, "random_and_time"));
  (void)traced;
  return Randomness{std::move(bytes), time};
}
HDK_EXTERN(random_and_time);

/// Zome to zome: creates the post through this zome's own create_post.
hdk::ExternResult<hdk::ActionHash> create_via_call(Post post) {
  return hdk::call<hdk::ActionHash>("posts", "create_post", post);
}
HDK_EXTERN(create_via_call);

// ---- paths and anchors (hdk/path.hpp) ----

namespace {

/// A path named as the path vectors name it: a dotted string, or
/// "anchor:<type>[:<text>]".
hdk::Path path_of(const std::string& source) {
  const std::string_view prefix = "anchor:";
  if (source.compare(0, prefix.size(), prefix) != 0) return hdk::Path::from(source);
  const std::string rest = source.substr(prefix.size());
  if (rest.empty()) return hdk::Path(std::vector<hdk::Component>{hdk::Component{{0x00, 0x00}}});
  const auto colon = rest.find(':');
  hdk::Anchor anchor{rest.substr(0, colon), std::nullopt};
  if (colon != std::string::npos) anchor.anchor_text = rest.substr(colon + 1);
  return anchor.to_path();
}

}  // namespace

struct PathFacts {
  hdk::Path path;
  hdk::LinkTag tag;
  hdk::EntryHash entry_hash;
  HDK_STRUCT(path, tag, entry_hash);
};

hdk::ExternResult<PathFacts> path_facts(std::string source) {
  const hdk::Path path = path_of(source);
  HDK_TRY(const hdk::EntryHash hash, path.path_entry_hash());
  return PathFacts{path, path.make_tag(), hash};
}
HDK_EXTERN(path_facts);

hdk::ExternResult<hdk::AnyLinkableHash> path_root_hash() { return hdk::root_hash(); }
HDK_EXTERN(path_root_hash);

hdk::ExternResult<hdk::Unit> ensure_path(std::string dotted) {
  return hdk::Path::from(dotted).typed(LinkTypes::PathTree).ensure();
}
HDK_EXTERN(ensure_path);

hdk::ExternResult<bool> path_exists(std::string dotted) {
  return hdk::Path::from(dotted).typed(LinkTypes::PathTree).exists();
}
HDK_EXTERN(path_exists);

hdk::ExternResult<std::vector<hdk::Link>> path_children(std::string dotted) {
  return hdk::Path::from(dotted).typed(LinkTypes::PathTree).children();
}
HDK_EXTERN(path_children);

hdk::ExternResult<std::vector<hdk::Path>> path_children_paths(std::string dotted) {
  HDK_TRY(const auto children, hdk::Path::from(dotted).typed(LinkTypes::PathTree).children_paths());
  std::vector<hdk::Path> out;
  for (const auto& child : children) out.push_back(child.path);
  return out;
}
HDK_EXTERN(path_children_paths);

hdk::ExternResult<hdk::EntryHash> make_anchor(hdk::Anchor anchor) {
  return hdk::anchor(LinkTypes::PathTree, anchor.anchor_type, anchor.anchor_text.value_or(""));
}
HDK_EXTERN(make_anchor);

hdk::ExternResult<std::vector<hdk::AnyLinkableHash>> anchor_types() {
  return hdk::list_anchor_type_addresses(LinkTypes::PathTree);
}
HDK_EXTERN(anchor_types);

hdk::ExternResult<std::vector<hdk::AnyLinkableHash>> anchors_of(std::string anchor_type) {
  return hdk::list_anchor_addresses(LinkTypes::PathTree, anchor_type);
}
HDK_EXTERN(anchors_of);
