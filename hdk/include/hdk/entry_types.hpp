// Entry and link types, declared by a zome author in one line each, in a
// header both the integrity zome and its coordinators include:
//
//   struct Post { std::string title; HDK_STRUCT(title); };
//   struct Comment { std::string text; HDK_STRUCT(text); };
//   HDK_ENTRY_TYPES(EntryTypes, Post, Comment);       // Post is index 0, Comment 1
//   (with attributes: hdk::entry_def<Comment, hdk::visibility::Private>, below)
//   HDK_LINK_TYPES(LinkTypes, AllPosts, PostToComment); // an enum class
//
// The integrity zome then exports what the conductor reads at install with
//   HDK_INTEGRITY_TYPES(EntryTypes, LinkTypes);
// (the entry_defs callback and the type counts; see docs/host-functions.md).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "hdk/codec.hpp"
#include "hdk/error.hpp"
#include "hdk/extern.hpp"
#include "hdk/types/callbacks.hpp"
#include "hdk/types/entry.hpp"
#include "hdk/types/link.hpp"

namespace hdk {

// ---- entry-def attributes (hdi's #[entry_type(...)]) ----
//
//   HDK_ENTRY_TYPES(EntryTypes, Post,
//                   hdk::entry_def<Note, hdk::visibility::Private>,         // visibility =
//                   "private" hdk::entry_def<Vote, hdk::required_validations<7>,      //
//                   required_validations = 7
//                                  hdk::cache_at_agent_activity>);          //
//                                  cache_at_agent_activity = true
//
// An entry type without attributes is Public, needs 5 validations and is not
// cached with agent activity, as hdi's defaults are.

/// An entry type of the list with its entry-def attributes.
template <class T, class... Attributes>
struct entry_def {};

namespace visibility {
/// Published to the DHT (the default).
struct Public {};
/// Kept on the author's source chain only: never published.
struct Private {};
}  // namespace visibility

/// How many validation receipts the author wants for each op of the entry.
template <std::uint8_t N>
struct required_validations {};

/// Agent activity authorities keep the entry with the action.
struct cache_at_agent_activity {};

namespace entry_types_detail {

template <class A>
struct attribute {
  static_assert(sizeof(A) == 0,
                "hdk: an entry_def attribute is hdk::visibility::Public or Private, "
                "hdk::required_validations<N> or hdk::cache_at_agent_activity");
};
template <>
struct attribute<visibility::Public> {
  static constexpr void apply(EntryVisibility& v, std::uint8_t&, bool&) {
    v = EntryVisibility::Public;
  }
};
template <>
struct attribute<visibility::Private> {
  static constexpr void apply(EntryVisibility& v, std::uint8_t&, bool&) {
    v = EntryVisibility::Private;
  }
};
template <std::uint8_t N>
struct attribute<required_validations<N>> {
  static constexpr void apply(EntryVisibility&, std::uint8_t& r, bool&) { r = N; }
};
template <>
struct attribute<cache_at_agent_activity> {
  static constexpr void apply(EntryVisibility&, std::uint8_t&, bool& c) { c = true; }
};

/// What an element of the list declares: its type and its entry def's attributes.
struct Attributes {
  EntryVisibility visibility = EntryVisibility::Public;
  std::uint8_t required_validations = RequiredValidations{}.value;
  bool cache_at_agent_activity = false;
};

template <class E>
struct element {
  using type = E;
  static constexpr Attributes attributes() { return {}; }
};
template <class T, class... As>
struct element<entry_def<T, As...>> {
  using type = T;
  static constexpr Attributes attributes() {
    Attributes a;
    (attribute<As>::apply(a.visibility, a.required_validations, a.cache_at_agent_activity), ...);
    return a;
  }
};

}  // namespace entry_types_detail

/// The entry types of an integrity zome, in index order. An element is a
/// type, or hdk::entry_def<Type, attributes...>.
template <class... Es>
struct EntryTypeList {
  static constexpr std::size_t kCount = sizeof...(Es);
  /// An entry of one of these types (what Rust's EntryTypes enum holds).
  using Value = std::variant<typename entry_types_detail::element<Es>::type...>;
  using List = EntryTypeList;

  /// T's EntryDefIndex (a compile error if T is not listed).
  template <class T>
  static constexpr EntryDefIndex index_of() {
    static_assert((std::is_same_v<T, typename entry_types_detail::element<Es>::type> || ...),
                  "hdk: this type is not in the entry type list");
    std::uint8_t index = 0;
    std::uint8_t found = 0;
    ((std::is_same_v<T, typename entry_types_detail::element<Es>::type> ? (found = index, ++index)
                                                                        : ++index),
     ...);
    return EntryDefIndex{found};
  }

  /// The attributes of each entry type, in index order.
  static constexpr std::array<entry_types_detail::Attributes, kCount> attributes() {
    return {entry_types_detail::element<Es>::attributes()...};
  }

  /// Whether T's entries are published (Public) or stay on the author's chain (Private).
  template <class T>
  static constexpr EntryVisibility visibility_of() {
    return attributes()[index_of<T>().value].visibility;
  }
};

namespace entry_types_detail {

/// The elements of a stringized type list, split at the commas outside <...>.
inline std::vector<std::string_view> split_elements(std::string_view list) {
  std::vector<std::string_view> out;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= list.size(); ++i) {
    const char c = i < list.size() ? list[i] : ',';
    if (c == '<' || c == '(') ++depth;
    if (c == '>' || c == ')') --depth;
    if (c == ',' && depth == 0) {
      out.push_back(list.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower_or_digit(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

/// An identifier in snake case, as heck's to_snake_case (which hdk_derive
/// names entry defs with) writes it: `PrivateNote` is `private_note`,
/// `HTTPRequest` is `http_request`.
inline std::string snake_case(std::string_view name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (c == '_') {
      if (!out.empty() && out.back() != '_') out += '_';
      continue;
    }
    if (is_upper(c) && i > 0 && !out.empty() && out.back() != '_') {
      const bool after_lower = is_lower_or_digit(name[i - 1]);
      const bool ends_acronym =
          is_upper(name[i - 1]) && i + 1 < name.size() && is_lower_or_digit(name[i + 1]);
      if (after_lower || ends_acronym) out += '_';
    }
    out += is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

/// The entry def name of one element, as hdi names the variant `Name(Name)`:
/// the type's own name (without namespaces or attributes), in snake case.
inline std::string entry_def_name(std::string_view element) {
  const std::size_t open = element.find('<');
  if (open != std::string_view::npos) {
    // hdk::entry_def<Type, attributes...>: the first argument.
    element.remove_prefix(open + 1);
    element = split_elements(element).front();
    const std::size_t close = element.find('>');
    if (close != std::string_view::npos) element = element.substr(0, close);
  }
  while (!element.empty() && (element.front() == ' ' || element.front() == '\n'))
    element.remove_prefix(1);
  while (!element.empty() && (element.back() == ' ' || element.back() == '\n'))
    element.remove_suffix(1);
  const std::size_t colon = element.rfind("::");
  if (colon != std::string_view::npos) element.remove_prefix(colon + 2);
  return snake_case(element);
}

template <class List>
EntryDefs entry_defs(std::string_view names) {
  const std::vector<std::string_view> elements = split_elements(names);
  constexpr auto attributes = List::attributes();
  EntryDefs defs;
  for (std::size_t i = 0; i < List::kCount && i < elements.size(); ++i)
    defs.defs.push_back(EntryDef{entry_def_id::App{AppEntryName{entry_def_name(elements[i])}},
                                 attributes[i].visibility,
                                 RequiredValidations{attributes[i].required_validations},
                                 attributes[i].cache_at_agent_activity});
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
