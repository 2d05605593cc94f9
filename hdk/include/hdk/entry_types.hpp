// Entry and link types, declared by a zome author in one line each, in a
// header both the integrity zome and its coordinators include:
//
//   struct Post { std::string title; HDK_STRUCT(title); };
//   struct Comment { std::string text; HDK_STRUCT(text); };
//   HDK_ENTRY_TYPES(EntryTypes, Post, Comment);       // Post is index 0, Comment 1
//   HDK_LINK_TYPES(LinkTypes, AllPosts, PostToComment); // an enum class
//
// The integrity zome then exports what the conductor reads at install with
//   HDK_INTEGRITY_TYPES(EntryTypes, LinkTypes);
// (the entry_defs callback and the type counts; see docs/host-functions.md).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

#include "hdk/codec.hpp"
#include "hdk/error.hpp"
#include "hdk/extern.hpp"
#include "hdk/types/callbacks.hpp"
#include "hdk/types/entry.hpp"
#include "hdk/types/link.hpp"

namespace hdk {

/// The entry types of an integrity zome, in index order.
template <class... Ts>
struct EntryTypeList {
  static constexpr std::size_t kCount = sizeof...(Ts);
  /// An entry of one of these types (what Rust's EntryTypes enum holds).
  using Value = std::variant<Ts...>;
  using List = EntryTypeList;

  /// T's EntryDefIndex (a compile error if T is not listed).
  template <class T>
  static constexpr EntryDefIndex index_of() {
    static_assert((std::is_same_v<T, Ts> || ...), "hdk: this type is not in the entry type list");
    std::uint8_t index = 0;
    std::uint8_t found = 0;
    ((std::is_same_v<T, Ts> ? (found = index, ++index) : ++index), ...);
    return EntryDefIndex{found};
  }
};

namespace entry_types_detail {
template <class List>
EntryDefs entry_defs(std::string_view names) {
  const auto split = codec_detail::split_names<List::kCount>(names);
  EntryDefs defs;
  for (const auto& name : split)
    defs.defs.push_back(EntryDef{entry_def_id::App{AppEntryName{std::string(name)}},
                                 EntryVisibility::Public, RequiredValidations{}, false});
  return defs;
}
}  // namespace entry_types_detail

}  // namespace hdk

/// `Name` lists the zome's entry types; `Name::index_of<Post>()` is Post's index.
#define HDK_ENTRY_TYPES(Name, ...)                              \
  struct Name : ::hdk::EntryTypeList<__VA_ARGS__> {             \
    static constexpr std::string_view hdk_names = #__VA_ARGS__; \
  }

/// An enum class of link types, numbered in declaration order, with its count.
#define HDK_LINK_TYPES(Name, ...)                                     \
  enum class Name : std::uint8_t { __VA_ARGS__ };                     \
  [[maybe_unused]] constexpr std::size_t hdk_link_type_count(Name*) { \
    return ::hdk::codec_detail::count_names(#__VA_ARGS__);            \
  }                                                                   \
  static_assert(true)

/// In the integrity zome, what Holochain's hdi macros export: the
/// `entry_defs` callback, and the const functions `__num_entry_types` and
/// `__num_link_types` (() -> i32) from which the conductor numbers the types.
#define HDK_INTEGRITY_TYPES(EntryTypesName, LinkTypesName)                                  \
  static_assert(EntryTypesName::kCount < 256, "hdk: at most 255 entry types per zome");     \
  static_assert(hdk_link_type_count(static_cast<LinkTypesName*>(nullptr)) < 256,            \
                "hdk: at most 255 link types per zome");                                    \
  inline ::hdk::ExternResult<::hdk::EntryDefsCallbackResult> entry_defs() {                 \
    return ::hdk::EntryDefsCallbackResult{::hdk::entry_defs_callback_result::Defs{          \
        ::hdk::entry_types_detail::entry_defs<EntryTypesName>(EntryTypesName::hdk_names)}}; \
  }                                                                                         \
  HDK_EXTERN(entry_defs);                                                                   \
  HDK_CONST_FN(num_entry_types, "__num_entry_types", EntryTypesName::kCount);               \
  HDK_CONST_FN(num_link_types, "__num_link_types",                                          \
               hdk_link_type_count(static_cast<LinkTypesName*>(nullptr)))
