#include "hdk_host/float_use.hpp"

#include <algorithm>
#include <set>

#include <wabt/binary-reader-nop.h>
#include <wabt/binary-reader.h>
#include <wabt/error-formatter.h>
#include <wabt/feature.h>
#include <wabt/opcode.h>

#include "hdk_host/fault.hpp"

namespace hdk_host {
namespace {

bool is_float(wabt::Type t) { return t == wabt::Type::F32 || t == wabt::Type::F64; }

bool touches(const wabt::Opcode& op, bool (*pred)(wabt::Type)) {
  return pred(op.GetResultType()) || pred(op.GetParamType1()) || pred(op.GetParamType2()) ||
         pred(op.GetParamType3());
}

bool is_simd(const wabt::Opcode& op) {
  return op.GetPrefix() == 0xfd || touches(op, [](wabt::Type t) { return t == wabt::Type::V128; });
}

/// The scalar instructions that may answer a NaN of the engine's choosing
/// (the spec's nondeterministic NaN propagation). Loads, stores, constants,
/// abs, neg, copysign, compares and conversions are exact.
bool may_make_nan(wabt::Opcode::Enum op) {
  using O = wabt::Opcode;
  switch (op) {
    case O::F32Add:
    case O::F32Sub:
    case O::F32Mul:
    case O::F32Div:
    case O::F32Sqrt:
    case O::F32Min:
    case O::F32Max:
    case O::F32Ceil:
    case O::F32Floor:
    case O::F32Trunc:
    case O::F32Nearest:
    case O::F32DemoteF64:
    case O::F64Add:
    case O::F64Sub:
    case O::F64Mul:
    case O::F64Div:
    case O::F64Sqrt:
    case O::F64Min:
    case O::F64Max:
    case O::F64Ceil:
    case O::F64Floor:
    case O::F64Trunc:
    case O::F64Nearest:
    case O::F64PromoteF32:
      return true;
    default:
      return false;
  }
}

/// Instructions that only move a float's bits (msgpack's parser uses them to
/// carry a float it reads): exact, and not listed.
bool moves_bits(wabt::Opcode::Enum op) {
  using O = wabt::Opcode;
  switch (op) {
    case O::F32Load:
    case O::F64Load:
    case O::F32Store:
    case O::F64Store:
    case O::F32Const:
    case O::F64Const:
    case O::F32ReinterpretI32:
    case O::F64ReinterpretI64:
    case O::I32ReinterpretF32:
    case O::I64ReinterpretF64:
      return true;
    default:
      return false;
  }
}

class FloatUseReader : public wabt::BinaryReaderNop {
 public:
  explicit FloatUseReader(FloatUseReport& report) : report_(report) {}

  wabt::Result OnExport(wabt::Index, wabt::ExternalKind kind, wabt::Index item,
                        std::string_view name) override {
    if (kind != wabt::ExternalKind::Func) return wabt::Result::Ok;
    export_names_.emplace(item, std::string(name));
    static const std::set<std::string_view> kIntegrity = {"validate", "entry_defs",
                                                          "__num_entry_types", "__num_link_types"};
    if (kIntegrity.count(name)) report_.integrity_exports.emplace_back(name);
    return wabt::Result::Ok;
  }
  wabt::Result OnFunctionName(wabt::Index index, std::string_view name) override {
    debug_names_.emplace(index, std::string(name));
    return wabt::Result::Ok;
  }
  wabt::Result BeginFunctionBody(wabt::Index index, wabt::Offset) override {
    current_ = FunctionFloatUse{};
    current_.index = index;
    return wabt::Result::Ok;
  }
  wabt::Result OnOpcode(wabt::Opcode op) override {
    if (is_simd(op)) {
      ++current_.simd_ops[op.GetName()];
      current_.may_make_nans = true;
    } else if (touches(op, is_float) && !moves_bits(op)) {
      ++current_.float_ops[op.GetName()];
      current_.may_make_nans = current_.may_make_nans || may_make_nan(op);
    }
    return wabt::Result::Ok;
  }
  wabt::Result EndFunctionBody(wabt::Index) override {
    if (!current_.float_ops.empty() || !current_.simd_ops.empty())
      report_.functions.push_back(std::move(current_));
    return wabt::Result::Ok;
  }

  /// Names the functions once every section (the name section comes last) is read.
  void name_functions() {
    for (auto& f : report_.functions) {
      if (auto e = export_names_.find(f.index); e != export_names_.end()) {
        f.name = e->second;
      } else if (auto d = debug_names_.find(f.index); d != debug_names_.end()) {
        f.name = d->second;
      } else {
        f.name = "func[" + std::to_string(f.index) + "]";
      }
    }
    report_.integrity = !report_.integrity_exports.empty();
  }

 private:
  FloatUseReport& report_;
  FunctionFloatUse current_;
  std::multimap<wabt::Index, std::string> export_names_;
  std::map<wabt::Index, std::string> debug_names_;
};

}  // namespace

FloatUseReport read_float_use(std::span<const std::uint8_t> wasm, std::string_view label) {
  FloatUseReport report;
  FloatUseReader reader(report);
  wabt::Features features;
  features.EnableAll();  // list what a module uses, whatever a conductor accepts
  const wabt::ReadBinaryOptions options(features, nullptr, /*read_debug_names=*/true,
                                        /*stop_on_first_error=*/true,
                                        /*fail_on_custom_section_error=*/false);
  if (wabt::Failed(wabt::ReadBinary(wasm.data(), wasm.size(), &reader, options)))
    throw Fault(FaultKind::InvalidModule,
                std::string(label) + ": not a valid wasm module (its code cannot be read)");
  reader.name_functions();
  return report;
}

}  // namespace hdk_host
