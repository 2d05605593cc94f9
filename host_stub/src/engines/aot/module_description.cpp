#include "module_description.hpp"

#include <sstream>

namespace hdk_host::aot {
namespace {

constexpr std::string_view kKinds = "fmtgx";   // ExternKind order
constexpr std::string_view kTypes = "iIfFvr";  // ValType order
constexpr std::string_view kHex = "0123456789abcdef";

std::string hex(std::string_view text) {
  std::string out = "h";  // never empty, so fields stay separated
  for (unsigned char c : text) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

std::optional<std::string> unhex(std::string_view text) {
  if (text.empty() || text[0] != 'h' || text.size() % 2 != 1) return std::nullopt;
  std::string out;
  for (std::size_t i = 1; i < text.size(); i += 2) {
    const auto high = kHex.find(text[i]);
    const auto low = kHex.find(text[i + 1]);
    if (high == std::string_view::npos || low == std::string_view::npos) return std::nullopt;
    out.push_back(static_cast<char>(high * 16 + low));
  }
  return out;
}

std::string types(const std::vector<ValType>& list) {
  std::string out;
  for (ValType type : list) out.push_back(kTypes[static_cast<int>(type)]);
  return out;
}

std::optional<std::vector<ValType>> parse_types(std::string_view text) {
  std::vector<ValType> out;
  for (char c : text) {
    const auto index = kTypes.find(c);
    if (index == std::string_view::npos) return std::nullopt;
    out.push_back(static_cast<ValType>(index));
  }
  return out;
}

std::string line(char what, ExternKind kind, const FuncType& type, std::string_view module,
                 std::string_view name) {
  return std::string(1, what) + " " + kKinds[static_cast<int>(kind)] + " " + types(type.params) +
         ":" + types(type.results) + " " + hex(module) + " " + hex(name) + "\n";
}

}  // namespace

std::string describe_module(const ModuleInfo& info) {
  std::string out;
  for (const ImportDesc& imp : info.imports)
    out += line('I', imp.kind, imp.type, imp.module, imp.name);
  for (const ExportDesc& exp : info.exports) out += line('E', exp.kind, exp.type, "", exp.name);
  return out;
}

std::optional<ModuleInfo> parse_module_description(std::string_view text) {
  ModuleInfo info;
  std::istringstream lines{std::string(text)};
  std::string what, kind, type, module, name;
  while (lines >> what >> kind >> type >> module >> name) {
    const auto kind_index = kKinds.find(kind);
    const auto colon = type.find(':');
    if (kind.size() != 1 || kind_index == std::string_view::npos || colon == std::string::npos)
      return std::nullopt;
    auto params = parse_types(std::string_view(type).substr(0, colon));
    auto results = parse_types(std::string_view(type).substr(colon + 1));
    auto module_name = unhex(module);
    auto field_name = unhex(name);
    if (!params || !results || !module_name || !field_name) return std::nullopt;
    const FuncType func{std::move(*params), std::move(*results)};
    const auto extern_kind = static_cast<ExternKind>(kind_index);
    if (what == "I" && info.exports.empty()) {
      info.imports.push_back({std::move(*module_name), std::move(*field_name), extern_kind, func});
    } else if (what == "E") {
      info.exports.push_back({std::move(*field_name), extern_kind, func});
    } else {
      return std::nullopt;
    }
  }
  if (!lines.eof()) return std::nullopt;
  return info;
}

}  // namespace hdk_host::aot
