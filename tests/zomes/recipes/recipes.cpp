// The recipes hApp's coordinator, in the shape `hc scaffold` generates: CRUD
// with revisions for Recipe, a global collection through a path, a by-author
// collection, comments linked from their recipe, post_commit's signal_action,
// plus a capability-gated remote read and a scheduled digest.
#include "../recipes_integrity/recipes_types.hpp"

#include <algorithm>

using recipes::Comment;
using recipes::EntryTypes;
using recipes::LinkTypes;
using recipes::Recipe;
using recipes::RemoteRead;
using recipes::Signal;
using recipes::UpdateRecipeInput;

namespace {

/// What the global collection's links hang from: the path's hash. As in
/// scaffold the path itself is never ensured (its own link from the root
/// would have to pass AllRecipes' validation, which wants a recipe target).
hdk::ExternResult<hdk::AnyLinkableHash> all_recipes_collection() {
  HDK_TRY(const hdk::EntryHash hash, hdk::Path::from(recipes::kAllRecipesPath).path_entry_hash());
  return hdk::to_any_linkable(hash);
}

hdk::ExternResult<hdk::Record> record_of(const hdk::ActionHash& hash) {
  HDK_TRY(const auto record, hdk::get(hash));
  if (!record) return HDK_ERROR("could not find the newly created record");
  return *record;
}

}  // namespace

// ---- Recipe: create, read (original, latest, revisions), update, delete ----

hdk::ExternResult<hdk::Record> create_recipe(Recipe recipe) {
  HDK_TRY(const hdk::ActionHash hash, hdk::create_entry<EntryTypes>(recipe));
  HDK_TRY(const hdk::AnyLinkableHash collection, all_recipes_collection());
  HDK_TRY(const hdk::ActionHash to_all,
          hdk::create_link(collection, hdk::to_any_linkable(hash), LinkTypes::AllRecipes));
  HDK_TRY(const hdk::AgentInfo me, hdk::agent_info());
  HDK_TRY(const hdk::ActionHash by_author,
          hdk::create_link(hdk::to_any_linkable(me.agent_initial_pubkey),
                           hdk::to_any_linkable(hash), LinkTypes::RecipesByAuthor));
  (void)to_all;
  (void)by_author;
  return record_of(hash);
}
HDK_EXTERN(create_recipe);

hdk::ExternResult<std::optional<hdk::Record>> get_original_recipe(hdk::ActionHash original) {
  return hdk::get(original);
}
HDK_EXTERN(get_original_recipe);

/// The newest revision: the last RecipeUpdates link from the original, by time.
hdk::ExternResult<std::optional<hdk::Record>> get_latest_recipe(hdk::ActionHash original) {
  HDK_TRY(const auto links,
          hdk::get_links(hdk::to_any_linkable(original), LinkTypes::RecipeUpdates));
  const auto latest = std::max_element(
      links.begin(), links.end(),
      [](const hdk::Link& a, const hdk::Link& b) { return a.timestamp < b.timestamp; });
  if (latest == links.end()) return hdk::get(original);
  HDK_TRY(const hdk::ActionHash hash, hdk::into_action_hash(latest->target));
  return hdk::get(hash);
}
HDK_EXTERN(get_latest_recipe);

hdk::ExternResult<std::vector<hdk::Record>> get_all_revisions_for_recipe(hdk::ActionHash original) {
  HDK_TRY(const auto first, hdk::get(original));
  if (!first) return std::vector<hdk::Record>{};
  std::vector<hdk::Record> revisions{*first};
  HDK_TRY(const auto links,
          hdk::get_links(hdk::to_any_linkable(original), LinkTypes::RecipeUpdates));
  for (const auto& link : links) {
    HDK_TRY(const hdk::ActionHash hash, hdk::into_action_hash(link.target));
    HDK_TRY(const auto record, hdk::get(hash));
    if (record) revisions.push_back(*record);
  }
  return revisions;
}
HDK_EXTERN(get_all_revisions_for_recipe);

hdk::ExternResult<hdk::Record> update_recipe(UpdateRecipeInput input) {
  HDK_TRY(const hdk::ActionHash updated,
          hdk::update_entry(input.previous_recipe_hash, input.updated_recipe));
  HDK_TRY(const hdk::ActionHash linked,
          hdk::create_link(hdk::to_any_linkable(input.original_recipe_hash),
                           hdk::to_any_linkable(updated), LinkTypes::RecipeUpdates));
  (void)linked;
  return record_of(updated);
}
HDK_EXTERN(update_recipe);

/// Deletes the recipe and takes it out of both collections.
hdk::ExternResult<hdk::ActionHash> delete_recipe(hdk::ActionHash original) {
  HDK_TRY(const auto record, hdk::get(original));
  if (!record) return HDK_ERROR("recipe not found");
  HDK_TRY(const hdk::AnyLinkableHash collection, all_recipes_collection());
  HDK_TRY(const auto in_all, hdk::get_links(collection, LinkTypes::AllRecipes));
  HDK_TRY(const auto by_author, hdk::get_links(hdk::to_any_linkable(record->action().author()),
                                               LinkTypes::RecipesByAuthor));
  for (const auto* links : {&in_all, &by_author}) {
    for (const auto& link : *links) {
      if (link.target != hdk::to_any_linkable(original)) continue;
      HDK_TRY(const hdk::ActionHash unlinked, hdk::delete_link(link.create_link_hash));
      (void)unlinked;
    }
  }
  return hdk::delete_entry(original);
}
HDK_EXTERN(delete_recipe);

hdk::ExternResult<std::optional<std::vector<hdk::SignedActionHashed>>> get_all_deletes_for_recipe(
    hdk::ActionHash original) {
  HDK_TRY(const auto details, hdk::get_details(original));
  const hdk::RecordDetails* record = details ? details->record_details() : nullptr;
  if (!record) return std::optional<std::vector<hdk::SignedActionHashed>>{};
  return std::optional<std::vector<hdk::SignedActionHashed>>{record->deletes};
}
HDK_EXTERN(get_all_deletes_for_recipe);

// ---- the collections ----

hdk::ExternResult<std::vector<hdk::Link>> get_all_recipes() {
  HDK_TRY(const hdk::AnyLinkableHash collection, all_recipes_collection());
  return hdk::get_links(collection, LinkTypes::AllRecipes);
}
HDK_EXTERN(get_all_recipes);

hdk::ExternResult<std::vector<hdk::Link>> get_recipes_by_author(hdk::AgentPubKey author) {
  return hdk::get_links(hdk::to_any_linkable(author), LinkTypes::RecipesByAuthor);
}
HDK_EXTERN(get_recipes_by_author);

// ---- Comment, linked from its recipe ----

hdk::ExternResult<hdk::Record> create_comment(Comment comment) {
  HDK_TRY(const hdk::ActionHash hash, hdk::create_entry<EntryTypes>(comment));
  HDK_TRY(const hdk::ActionHash linked,
          hdk::create_link(hdk::to_any_linkable(comment.recipe_hash), hdk::to_any_linkable(hash),
                           LinkTypes::RecipeToComments));
  (void)linked;
  return record_of(hash);
}
HDK_EXTERN(create_comment);

hdk::ExternResult<std::vector<hdk::Link>> get_comments_for_recipe(hdk::ActionHash recipe) {
  return hdk::get_links(hdk::to_any_linkable(recipe), LinkTypes::RecipeToComments);
}
HDK_EXTERN(get_comments_for_recipe);

// ---- sharing: a grant for one agent, and the remote read it allows ----

/// This agent's recipes, read from its own chain (a remote caller needs a grant).
hdk::ExternResult<std::vector<Recipe>> read_recipes() {
  hdk::ChainQueryFilter filter;
  filter.action_type = std::vector<hdk::ActionType>{hdk::ActionType::Create};
  filter.include_entries = true;
  HDK_TRY(const auto records, hdk::query(filter));
  std::vector<Recipe> out;
  for (const auto& record : records)
    if (auto recipe = record.entry_as<Recipe>()) out.push_back(std::move(*recipe));
  return out;
}
HDK_EXTERN(read_recipes);

/// Lets `reader` call read_recipes with the secret this answers.
hdk::ExternResult<hdk::CapSecret> share_recipes_with(hdk::AgentPubKey reader) {
  HDK_TRY(hdk::CapSecret secret, hdk::generate_cap_secret());
  hdk::ZomeCallCapGrant grant;
  grant.tag = "recipe readers";
  grant.access = hdk::cap_access::Assigned{secret, {std::move(reader)}};
  grant.functions = hdk::granted_functions::Listed{{{"recipes", "read_recipes"}}};
  HDK_TRY(const hdk::ActionHash granted, hdk::create_cap_grant(std::move(grant)));
  (void)granted;
  return secret;
}
HDK_EXTERN(share_recipes_with);

hdk::ExternResult<hdk::ZomeCallResponse> read_remote_recipes(RemoteRead input) {
  return hdk::call_remote(input.agent, "recipes", "read_recipes", input.cap_secret, hdk::Unit{});
}
HDK_EXTERN(read_remote_recipes);

// ---- post_commit: scaffold's signal_action ----

namespace {

hdk::ExternResult<std::optional<Recipe>> recipe_at(const hdk::ActionHash& hash) {
  HDK_TRY(const auto record, hdk::get(hash));
  if (!record) return std::optional<Recipe>{};
  return record->entry_as<Recipe>();
}

hdk::ExternResult<hdk::Unit> signal_action(const hdk::SignedActionHashed& action) {
  const hdk::Action& content = action.content();
  if (content.is<hdk::action::CreateLink>())
    return hdk::emit_signal(Signal{"LinkCreated", action, std::nullopt});
  if (content.is<hdk::action::DeleteLink>())
    return hdk::emit_signal(Signal{"LinkDeleted", action, std::nullopt});
  if (content.is<hdk::action::Delete>())
    return hdk::emit_signal(Signal{"EntryDeleted", action, std::nullopt});
  const bool created = content.is<hdk::action::Create>();
  if (!created && !content.is<hdk::action::Update>()) return hdk::Unit{};
  HDK_TRY(const auto recipe, recipe_at(action.hashed.hash));
  if (!recipe) return hdk::Unit{};  // a comment, a grant: no recipe to show
  return hdk::emit_signal(Signal{created ? "EntryCreated" : "EntryUpdated", action, recipe});
}

}  // namespace

hdk::ExternResult<hdk::Unit> post_commit(std::vector<hdk::SignedActionHashed> committed) {
  for (const auto& action : committed) {
    HDK_TRY(const hdk::Unit done, signal_action(action));
    (void)done;
  }
  return hdk::Unit{};
}
HDK_EXTERN(post_commit);

// ---- a scheduled digest ----

hdk::ExternResult<hdk::Unit> start_digest() { return hdk::schedule("publish_digest"); }
HDK_EXTERN(start_digest);

/// Every 30 s: signals how many recipes the collection holds.
hdk::ExternResult<std::optional<hdk::Schedule>> publish_digest(
    std::optional<hdk::Schedule> current) {
  (void)current;
  HDK_TRY(const auto all, get_all_recipes());
  HDK_TRY(const hdk::Unit sent,
          hdk::emit_signal("digest: " + std::to_string(all.size()) + " recipes"));
  (void)sent;
  return std::optional<hdk::Schedule>{hdk::schedule_kind::Ephemeral{hdk::Duration{30, 0}}};
}
HDK_EXTERN(publish_digest);
