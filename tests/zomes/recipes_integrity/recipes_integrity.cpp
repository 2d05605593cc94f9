// The recipes hApp's rules, one function per op kind as scaffold writes
// them, over op.flattened<EntryTypes, LinkTypes>().
#include "recipes_types.hpp"

using recipes::Comment;
using recipes::EntryTypes;
using recipes::LinkTypes;
using recipes::Recipe;

HDK_INTEGRITY_TYPES(EntryTypes, LinkTypes);

namespace {

using Flat = hdk::FlatOp<EntryTypes, LinkTypes>;

hdk::ExternResult<hdk::ValidateCallbackResult> validate_entry(const EntryTypes::Value& entry) {
  if (const auto* recipe = std::get_if<Recipe>(&entry)) {
    if (recipe->name.empty()) return hdk::invalid("a recipe needs a name");
    return hdk::valid();
  }
  const auto& comment = std::get<Comment>(entry);
  if (comment.text.empty()) return hdk::invalid("a comment needs some text");
  // The recipe it comments on must exist, and be a recipe.
  HDK_TRY(const hdk::Record record, hdk::must_get_valid_record(comment.recipe_hash));
  if (!record.entry_as<Recipe>()) return hdk::invalid("a comment must be on a recipe");
  return hdk::valid();
}

/// Only a recipe's author may revise or delete it; comments are final.
hdk::ValidateCallbackResult validate_change(
    const hdk::AgentPubKey& changer, const hdk::TypedAction<hdk::EntryCreationData>& original,
    const EntryTypes::Value& original_entry, const char* verb) {
  if (!std::holds_alternative<Recipe>(original_entry))
    return hdk::invalid(std::string("comments cannot be ") + verb + "d");
  if (original.author() != changer)
    return hdk::invalid(std::string("only its author may ") + verb + " a recipe");
  return hdk::valid();
}

/// A link's target must be an action hash of the right entry type.
template <class T>
hdk::ExternResult<hdk::ValidateCallbackResult> validate_target_is(const hdk::AnyLinkableHash& t) {
  HDK_TRY(const hdk::ActionHash target, hdk::into_action_hash(t));
  HDK_TRY(const hdk::Record record, hdk::must_get_valid_record(target));
  if (!record.entry_as<T>()) return hdk::invalid("a link to the wrong kind of entry");
  return hdk::valid();
}

hdk::ExternResult<hdk::ValidateCallbackResult> validate_create_link(
    LinkTypes type, const hdk::TypedAction<hdk::CreateLinkData>& action) {
  switch (type) {
    case LinkTypes::RecipeUpdates:
    case LinkTypes::AllRecipes:
    case LinkTypes::RecipesByAuthor:
      return validate_target_is<Recipe>(action->target_address);
    case LinkTypes::RecipeToComments:
      return validate_target_is<Comment>(action->target_address);
  }
  return hdk::invalid("an unknown link type");
}

}  // namespace

hdk::ExternResult<hdk::ValidateCallbackResult> validate(hdk::Op op) {
  HDK_TRY(const Flat flat, (op.flattened<EntryTypes, LinkTypes>()));
  if (const auto* create = flat.get_if<Flat::OpEntry::CreateEntry>())
    return validate_entry(create->app_entry);
  if (const auto* update = flat.get_if<Flat::OpEntry::UpdateEntry>())
    return validate_entry(update->app_entry);
  if (const auto* update = flat.get_if<Flat::OpUpdate::Entry>())
    return validate_change(update->action.author(), update->original_action,
                           update->original_app_entry, "update");
  if (const auto* del = flat.get_if<Flat::OpDelete::Entry>())
    return validate_change(del->action.author(), del->original_action, del->original_app_entry,
                           "delete");
  if (const auto* link = flat.get_if<Flat::OpLink::CreateLink>())
    return validate_create_link(link->link_type, link->action);
  if (const auto* unlink = flat.get_if<Flat::OpLink::DeleteLink>()) {
    if (unlink->action.author() != unlink->original_action.author())
      return hdk::invalid("only its creator may delete a link");
  }
  return hdk::valid();
}
HDK_EXTERN(validate);
