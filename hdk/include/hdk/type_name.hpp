// The name of a type or a function, as the compiler spells it, for messages
// (which type a decode expected, which zome function it was for). C++17 has
// no reflection; the compiler's __PRETTY_FUNCTION__ of a template names its
// argument, and clang (the wasm toolchains) and gcc both write it
// `... [T = name]` or `... [with T = name; ...]`.
#pragma once

#include <string_view>

namespace hdk {
namespace type_name_detail {

constexpr std::string_view argument_of(std::string_view pretty, std::string_view marker) {
  const std::size_t at = pretty.find(marker);
  if (at == std::string_view::npos) return "?";
  const std::size_t start = at + marker.size();
  std::size_t end = pretty.find(';', start);
  if (end == std::string_view::npos) end = pretty.rfind(']');
  if (end == std::string_view::npos || end < start) return "?";
  return pretty.substr(start, end - start);
}

template <class T>
constexpr std::string_view type_pretty() {
#if defined(__clang__) || defined(__GNUC__)
  return __PRETTY_FUNCTION__;
#else
  return "";
#endif
}

template <auto F>
constexpr std::string_view value_pretty() {
#if defined(__clang__) || defined(__GNUC__)
  return __PRETTY_FUNCTION__;
#else
  return "";
#endif
}

}  // namespace type_name_detail

/// `posts::Post`, `std::vector<hdk::HoloHash<hdk::HashType::Action>>`, ...
/// ("?" with a compiler that does not name template arguments).
template <class T>
constexpr std::string_view type_name() {
  return type_name_detail::argument_of(type_name_detail::type_pretty<T>(), "T = ");
}

/// The unqualified name of the function `F` points to: `create_post`.
template <auto F>
constexpr std::string_view function_name() {
  std::string_view name =
      type_name_detail::argument_of(type_name_detail::value_pretty<F>(), "F = ");
  const std::size_t colon = name.rfind("::");
  if (colon != std::string_view::npos) name.remove_prefix(colon + 2);
  if (!name.empty() && name.front() == '&') name.remove_prefix(1);
  return name;
}

}  // namespace hdk
