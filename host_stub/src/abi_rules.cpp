#include "hdk_host/abi_rules.hpp"

#include <string_view>

#include "hdk_host/host_fn_list.hpp"

namespace hdk_host {
namespace {

const FuncType kZomeFunction{{ValType::I32, ValType::I32}, {ValType::I64}};
const FuncType kAllocate{{ValType::I32}, {ValType::I32}};
const FuncType kDeallocate{{ValType::I32, ValType::I32}, {}};

std::string_view name_of(ValType t) {
  switch (t) {
    case ValType::I32: return "i32";
    case ValType::I64: return "i64";
    case ValType::F32: return "f32";
    case ValType::F64: return "f64";
    case ValType::V128: return "v128";
    case ValType::Ref: return "ref";
  }
  return "?";
}

std::string_view name_of(ExternKind k) {
  switch (k) {
    case ExternKind::Func: return "function";
    case ExternKind::Memory: return "memory";
    case ExternKind::Table: return "table";
    case ExternKind::Global: return "global";
    case ExternKind::Tag: return "tag";
  }
  return "?";
}

}  // namespace

std::string describe(const FuncType& type) {
  std::string out = "(";
  for (std::size_t i = 0; i < type.params.size(); ++i) {
    if (i) out += ", ";
    out += name_of(type.params[i]);
  }
  out += ") -> ";
  if (type.results.empty()) return out + "()";
  if (type.results.size() == 1) return out + std::string(name_of(type.results[0]));
  out += "(";
  for (std::size_t i = 0; i < type.results.size(); ++i) {
    if (i) out += ", ";
    out += name_of(type.results[i]);
  }
  return out + ")";
}

AbiReport check_zome_abi(const std::vector<ImportDesc>& imports,
                         const std::vector<ExportDesc>& exports) {
  AbiReport report;
  for (const auto& imp : imports) {
    const std::string full = imp.module + "." + imp.name;
    if (imp.module != "env" || imp.name.rfind("__hc__", 0) != 0) {
      std::string why = "imports " + full + " (" + std::string(name_of(imp.kind)) +
                        "): a Holochain conductor provides only env.__hc__* host functions";
      if (imp.module.rfind("wasi", 0) == 0) why += " (WASI is not available to zomes)";
      report.errors.push_back(why);
      continue;
    }
    if (imp.kind != ExternKind::Func) {
      report.errors.push_back("imports " + full + " as a " + std::string(name_of(imp.kind)) +
                              "; host functions are functions");
      continue;
    }
    if (!find_host_fn(imp.name)) {
      report.errors.push_back("imports " + full + ", which no host function in this HDK provides");
      continue;
    }
    if (!(imp.type == kZomeFunction)) {
      report.errors.push_back("imports " + full + " as " + describe(imp.type) +
                              "; host functions are (i32, i32) -> i64");
    }
  }

  bool has_memory = false;
  bool has_allocate = false;
  bool has_deallocate = false;
  for (const auto& exp : exports) {
    if (exp.kind == ExternKind::Memory) {
      if (exp.name == "memory") has_memory = true;
      continue;
    }
    if (exp.kind != ExternKind::Func) continue;
    if (exp.name == "__hc__allocate_1") {
      has_allocate = true;
      if (!(exp.type == kAllocate))
        report.errors.push_back("exports __hc__allocate_1 as " + describe(exp.type) +
                                "; it must be (i32) -> i32");
      continue;
    }
    if (exp.name == "__hc__deallocate_1") {
      has_deallocate = true;
      if (!(exp.type == kDeallocate))
        report.errors.push_back("exports __hc__deallocate_1 as " + describe(exp.type) +
                                "; it must be (i32, i32) -> ()");
      continue;
    }
    if (!(exp.type == kZomeFunction)) {
      report.errors.push_back("exports function " + exp.name + " as " + describe(exp.type) +
                              "; zome functions are (i32, i32) -> i64");
      continue;
    }
    report.zome_functions.push_back(exp.name);
  }
  if (!has_memory) report.errors.push_back("does not export its memory as `memory`");
  if (!has_allocate) report.errors.push_back("does not export __hc__allocate_1");
  if (!has_deallocate) report.errors.push_back("does not export __hc__deallocate_1");
  return report;
}

}  // namespace hdk_host
