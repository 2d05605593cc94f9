// Names of wasm types, shared by every engine's messages and the tools.
#include <string>

#include "hdk_host/engine.hpp"

namespace hdk_host {

std::string_view to_string(ValType type) {
  switch (type) {
    case ValType::I32:
      return "i32";
    case ValType::I64:
      return "i64";
    case ValType::F32:
      return "f32";
    case ValType::F64:
      return "f64";
    case ValType::V128:
      return "v128";
    case ValType::Ref:
      return "ref";
  }
  return "?";
}

std::string_view to_string(ExternKind kind) {
  switch (kind) {
    case ExternKind::Func:
      return "function";
    case ExternKind::Memory:
      return "memory";
    case ExternKind::Table:
      return "table";
    case ExternKind::Global:
      return "global";
    case ExternKind::Tag:
      return "tag";
  }
  return "extern";
}

std::string describe(const FuncType& type) {
  const auto list = [](const std::vector<ValType>& types) {
    std::string out = "(";
    for (std::size_t i = 0; i < types.size(); ++i) {
      if (i) out += ", ";
      out += to_string(types[i]);
    }
    return out + ")";
  };
  // A single result reads without parentheses: (i32, i32) -> i64.
  if (type.results.size() == 1)
    return list(type.params) + " -> " + std::string(to_string(type.results[0]));
  return list(type.params) + " -> " + list(type.results);
}

}  // namespace hdk_host
