#include "hdk_host/module_info.hpp"

#include <optional>
#include <string>

#include <wabt/binary-reader-ir.h>
#include <wabt/binary-reader-nop.h>
#include <wabt/binary-reader.h>
#include <wabt/cast.h>
#include <wabt/error-formatter.h>
#include <wabt/feature.h>
#include <wabt/ir.h>
#include <wabt/validator.h>

namespace hdk_host {
namespace {

ValType to_val_type(wabt::Type t) {
  switch (t) {
    case wabt::Type::I32:
      return ValType::I32;
    case wabt::Type::I64:
      return ValType::I64;
    case wabt::Type::F32:
      return ValType::F32;
    case wabt::Type::F64:
      return ValType::F64;
    case wabt::Type::V128:
      return ValType::V128;
    default:
      return ValType::Ref;
  }
}

FuncType to_func_type(const wabt::FuncSignature& sig) {
  FuncType type;
  for (auto t : sig.param_types) type.params.push_back(to_val_type(t));
  for (auto t : sig.result_types) type.results.push_back(to_val_type(t));
  return type;
}

ExternKind to_kind(wabt::ExternalKind kind) {
  switch (kind) {
    case wabt::ExternalKind::Func:
      return ExternKind::Func;
    case wabt::ExternalKind::Table:
      return ExternKind::Table;
    case wabt::ExternalKind::Memory:
      return ExternKind::Memory;
    case wabt::ExternalKind::Global:
      return ExternKind::Global;
    case wabt::ExternalKind::Tag:
      return ExternKind::Tag;
  }
  return ExternKind::Func;
}

// Collects what read_module_interface returns and stops the reader at the
// code section: every section declaring imports, functions and exports
// comes before it.
class InterfaceReader final : public wabt::BinaryReaderNop {
 public:
  ModuleInfo info;
  bool reached_code = false;
  std::optional<std::string> error;

  bool OnError(const wabt::Error& e) override {
    if (!error) error = e.message;
    return true;  // handled: the reader prints nothing
  }
  wabt::Result OnFuncType(wabt::Index, wabt::Index param_count, wabt::Type* params,
                          wabt::Index result_count, wabt::Type* results) override {
    FuncType type;
    for (wabt::Index i = 0; i < param_count; ++i) type.params.push_back(to_val_type(params[i]));
    for (wabt::Index i = 0; i < result_count; ++i) type.results.push_back(to_val_type(results[i]));
    types_.push_back(std::move(type));
    return wabt::Result::Ok;
  }
  wabt::Result OnImport(wabt::Index, wabt::ExternalKind kind, std::string_view module_name,
                        std::string_view field_name) override {
    info.imports.push_back({std::string(module_name), std::string(field_name), to_kind(kind), {}});
    return wabt::Result::Ok;
  }
  wabt::Result OnImportFunc(wabt::Index, std::string_view, std::string_view, wabt::Index,
                            wabt::Index sig_index) override {
    info.imports.back().type = type_at(sig_index);
    function_types_.push_back(sig_index);
    return wabt::Result::Ok;
  }
  wabt::Result OnFunction(wabt::Index, wabt::Index sig_index) override {
    function_types_.push_back(sig_index);
    return wabt::Result::Ok;
  }
  wabt::Result OnExport(wabt::Index, wabt::ExternalKind kind, wabt::Index item_index,
                        std::string_view name) override {
    ExportDesc desc{std::string(name), to_kind(kind), {}};
    if (kind == wabt::ExternalKind::Func && item_index < function_types_.size())
      desc.type = type_at(function_types_[item_index]);
    info.exports.push_back(std::move(desc));
    return wabt::Result::Ok;
  }
  wabt::Result BeginCodeSection(wabt::Offset) override {
    reached_code = true;
    return wabt::Result::Error;  // stop: nothing after this is needed
  }

 private:
  FuncType type_at(wabt::Index index) const {
    return index < types_.size() ? types_[index] : FuncType{};
  }
  std::vector<FuncType> types_;
  std::vector<wabt::Index> function_types_;  // imported functions first, as wasm numbers them
};

}  // namespace

ModuleInfo read_module_interface(std::span<const std::uint8_t> wasm, std::string_view label) {
  InterfaceReader reader;
  wabt::Features features;
  const wabt::ReadBinaryOptions options(features, nullptr, /*read_debug_names=*/false,
                                        /*stop_on_first_error=*/true,
                                        /*fail_on_custom_section_error=*/false);
  const wabt::Result result = wabt::ReadBinary(wasm.data(), wasm.size(), &reader, options);
  if (wabt::Failed(result) && !reader.reached_code) {
    throw Fault(FaultKind::InvalidModule, std::string(label) + ": not a valid wasm module: " +
                                              reader.error.value_or("unreadable"));
  }
  return std::move(reader.info);
}

ModuleInfo read_module_info(std::span<const std::uint8_t> wasm, std::string_view label) {
  wabt::Errors errors;
  wabt::Module module;
  wabt::Features features;
  const wabt::ReadBinaryOptions options(features, nullptr, /*read_debug_names=*/false,
                                        /*stop_on_first_error=*/true,
                                        /*fail_on_custom_section_error=*/false);
  wabt::Result result = wabt::ReadBinaryIr(std::string(label).c_str(), wasm.data(), wasm.size(),
                                           options, &errors, &module);
  if (wabt::Succeeded(result)) {
    wabt::ValidateOptions validate_options(features);
    result = wabt::ValidateModule(&module, &errors, validate_options);
  }
  if (wabt::Failed(result)) {
    std::string first = errors.empty() ? std::string("unreadable") : errors.front().message;
    throw Fault(FaultKind::InvalidModule,
                std::string(label) + ": not a valid wasm module: " + first);
  }

  ModuleInfo info;
  for (const wabt::Import* imp : module.imports) {
    ImportDesc desc{imp->module_name, imp->field_name, to_kind(imp->kind()), {}};
    if (auto* func = wabt::dyn_cast<wabt::FuncImport>(imp))
      desc.type = to_func_type(func->func.decl.sig);
    info.imports.push_back(std::move(desc));
  }
  for (const wabt::Export* exp : module.exports) {
    ExportDesc desc{exp->name, to_kind(exp->kind), {}};
    if (exp->kind == wabt::ExternalKind::Func) {
      if (const wabt::Func* func = module.GetFunc(exp->var))
        desc.type = to_func_type(func->decl.sig);
    }
    info.exports.push_back(std::move(desc));
  }
  return info;
}

}  // namespace hdk_host
