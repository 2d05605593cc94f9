#include "hdk_host/module_info.hpp"

#include <string>

#include <wabt/binary-reader-ir.h>
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

}  // namespace

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
