// A hApp laid out the way `hc scaffold` lays one out: entry types with
// revisions, a global collection through a path, a by-author collection and
// a link type between entries. Shared by its integrity zome and coordinator.
#pragma once

#include <hdk/hdk.hpp>

#include <string>

namespace recipes {

struct Recipe {
  std::string name;
  std::string instructions;
  HDK_STRUCT(name, instructions);
  friend bool operator==(const Recipe& a, const Recipe& b) {
    return a.name == b.name && a.instructions == b.instructions;
  }
};

struct Comment {
  hdk::ActionHash recipe_hash;
  std::string text;
  HDK_STRUCT(recipe_hash, text);
};

HDK_ENTRY_TYPES(EntryTypes, Recipe, Comment);
HDK_LINK_TYPES(LinkTypes, RecipeUpdates, AllRecipes, RecipesByAuthor, RecipeToComments);

/// The path all recipes are linked from (scaffold's global collection).
inline constexpr const char* kAllRecipesPath = "all_recipes";

/// update_recipe's input, as scaffold names it.
struct UpdateRecipeInput {
  hdk::ActionHash original_recipe_hash;
  hdk::ActionHash previous_recipe_hash;
  Recipe updated_recipe;
  HDK_STRUCT(original_recipe_hash, previous_recipe_hash, updated_recipe);
};

/// Scaffold's Signal is #[serde(tag = "type")]: a struct whose first field is
/// `type` has its shape. Link signals carry no app_entry.
struct Signal {
  std::string type;
  hdk::SignedActionHashed action;
  std::optional<Recipe> app_entry;
  HDK_STRUCT(type, action, app_entry);
};

/// A call to another agent's read_recipes, with the secret it was shared.
struct RemoteRead {
  hdk::AgentPubKey agent;
  std::optional<hdk::CapSecret> cap_secret;
  HDK_STRUCT(agent, cap_secret);
};

}  // namespace recipes
