#include "hdk_host/abi_rules.hpp"

#include <string_view>

#include <hdk/release.hpp>

#include "hdk_host/host_fn_list.hpp"
#include "hdk_host/host_functions.hpp"

namespace hdk_host {
namespace {

const FuncType kZomeFunction{{ValType::I32, ValType::I32}, {ValType::I64}};
const FuncType kAllocate{{ValType::I32}, {ValType::I32}};
const FuncType kDeallocate{{ValType::I32, ValType::I32}, {}};
const FuncType kConstFunction{{}, {ValType::I32}};

bool is_const_function(std::string_view name) {
  return name == "__num_entry_types" || name == "__num_link_types";
}

}  // namespace

AbiReport check_zome_abi(const std::vector<ImportDesc>& imports,
                         const std::vector<ExportDesc>& exports) {
  AbiReport report;
  for (const auto& imp : imports) {
    const std::string full = imp.module + "." + imp.name;
    if (imp.module != "env" || imp.name.rfind("__hc__", 0) != 0) {
      std::string why = "imports " + full + " (" + std::string(to_string(imp.kind)) +
                        "): a Holochain conductor provides only env.__hc__* host functions";
      if (imp.module.rfind("wasi", 0) == 0) why += " (WASI is not available to zomes)";
      report.errors.push_back({FaultKind::UnknownImport, why});
      continue;
    }
    if (imp.kind != ExternKind::Func) {
      report.errors.push_back({FaultKind::UnknownImport, "imports " + full + " as a " +
                                                             std::string(to_string(imp.kind)) +
                                                             "; host functions are functions"});
      continue;
    }
    const std::optional<HostFnId> id = find_host_fn(imp.name);
    if (!id) {
      // A conductor fails to instantiate a module importing what it does not link.
      if (const AbsentHostFnInfo* absent = find_absent_host_fn(imp.name)) {
        report.errors.push_back(
            {FaultKind::UnknownImport, "imports " + full + ", which " + hdk::release::kName +
                                           " does not provide (" + std::string(absent->why) + ")"});
      } else {
        report.errors.push_back(
            {FaultKind::UnknownImport,
             "imports " + full + ", which is not a " + hdk::release::kName + " host function"});
      }
      continue;
    }
    if (!stub_implements(*id)) report.unprovided_host_functions.push_back(imp.name);
    if (!(imp.type == kZomeFunction)) {
      report.errors.push_back(
          {FaultKind::BadSignature, "imports " + full + " as " + describe(imp.type) +
                                        "; host functions are (i32, i32) -> i64"});
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
        report.errors.push_back(
            {FaultKind::BadSignature,
             "exports __hc__allocate_1 as " + describe(exp.type) + "; it must be (i32) -> i32"});
      continue;
    }
    if (exp.name == "__hc__deallocate_1") {
      has_deallocate = true;
      if (!(exp.type == kDeallocate))
        report.errors.push_back({FaultKind::BadSignature, "exports __hc__deallocate_1 as " +
                                                              describe(exp.type) +
                                                              "; it must be (i32, i32) -> ()"});
      continue;
    }
    if (is_const_function(exp.name)) {
      if (exp.type == kConstFunction)
        report.const_functions.push_back(exp.name);
      else
        report.errors.push_back(
            {FaultKind::BadSignature, "exports " + exp.name + " as " + describe(exp.type) +
                                          "; Holochain reads it as a () -> i32 const function"});
      continue;
    }
    if (!(exp.type == kZomeFunction)) {
      report.errors.push_back(
          {FaultKind::BadSignature, "exports function " + exp.name + " as " + describe(exp.type) +
                                        "; zome functions are (i32, i32) -> i64"});
      continue;
    }
    report.zome_functions.push_back(exp.name);
  }
  if (!has_memory)
    report.errors.push_back({FaultKind::MissingExport, "does not export its memory as `memory`"});
  if (!has_allocate)
    report.errors.push_back({FaultKind::MissingExport, "does not export __hc__allocate_1"});
  if (!has_deallocate)
    report.errors.push_back({FaultKind::MissingExport, "does not export __hc__deallocate_1"});
  return report;
}

}  // namespace hdk_host
