#include "loop_ticks.hpp"

#include <memory>

#include <wabt/binary-reader-ir.h>
#include <wabt/binary-reader.h>
#include <wabt/binary-writer.h>
#include <wabt/cast.h>
#include <wabt/error.h>
#include <wabt/feature.h>
#include <wabt/ir.h>
#include <wabt/stream.h>

#include "hdk_host/fault.hpp"

namespace hdk_host::aot {
namespace {

// Puts a call to `tick` first in every loop body in `exprs`; returns how many loops it saw.
std::size_t tick_loops(wabt::ExprList& exprs, wabt::Index tick) {
  using namespace wabt;
  std::size_t loops = 0;
  for (Expr& expr : exprs) {
    switch (expr.type()) {
      case ExprType::Block:
        loops += tick_loops(cast<BlockExpr>(&expr)->block.exprs, tick);
        break;
      case ExprType::If: {
        auto* if_expr = cast<IfExpr>(&expr);
        loops += tick_loops(if_expr->true_.exprs, tick) + tick_loops(if_expr->false_, tick);
        break;
      }
      case ExprType::Try: {
        auto* try_expr = cast<TryExpr>(&expr);
        loops += tick_loops(try_expr->block.exprs, tick);
        for (Catch& handler : try_expr->catches) loops += tick_loops(handler.exprs, tick);
        break;
      }
      case ExprType::Loop: {
        ExprList& body = cast<LoopExpr>(&expr)->block.exprs;
        loops += 1 + tick_loops(body, tick);
        body.push_front(std::make_unique<CallExpr>(Var(tick, Location())));
        break;
      }
      default:
        break;
    }
  }
  return loops;
}

// The index of a () -> () type, added at the end of the type section if there is none.
wabt::Index empty_func_type(wabt::Module& module) {
  for (wabt::Index i = 0; i < module.types.size(); ++i) {
    const auto* type = wabt::dyn_cast<wabt::FuncType>(module.types[i]);
    if (type && type->sig.param_types.empty() && type->sig.result_types.empty()) return i;
  }
  auto field = std::make_unique<wabt::TypeModuleField>();
  field->type = std::make_unique<wabt::FuncType>();
  module.AppendField(std::move(field));
  return static_cast<wabt::Index>(module.types.size() - 1);
}

}  // namespace

std::optional<std::vector<std::uint8_t>> add_loop_ticks(std::span<const std::uint8_t> wasm,
                                                        const std::string& label) {
  const auto fail = [&](const std::string& why) {
    return Fault(FaultKind::Compile, label + ": cannot add deadline checks: " + why);
  };
  const wabt::Features features;
  const wabt::ReadBinaryOptions read_options(features, nullptr, /*read_debug_names=*/false,
                                             /*stop_on_first_error=*/true,
                                             /*fail_on_custom_section_error=*/false);
  wabt::Errors errors;
  wabt::Module module;
  if (wabt::Failed(wabt::ReadBinaryIr(label.c_str(), wasm.data(), wasm.size(), read_options,
                                      &errors, &module))) {
    throw fail(errors.empty() ? std::string("unreadable") : errors.front().message);
  }

  const auto tick = static_cast<wabt::Index>(module.funcs.size());
  std::size_t loops = 0;
  for (wabt::Index i = module.num_func_imports; i < module.funcs.size(); ++i)
    loops += tick_loops(module.funcs[i]->exprs, tick);
  if (loops == 0) return std::nullopt;

  const wabt::Index type = empty_func_type(module);
  auto field = std::make_unique<wabt::FuncModuleField>();
  field->func.decl.has_func_type = true;
  field->func.decl.type_var = wabt::Var(type, wabt::Location());
  module.AppendField(std::move(field));

  wabt::MemoryStream stream;
  const wabt::WriteBinaryOptions write_options(features, /*canonicalize_lebs=*/true,
                                               /*relocatable=*/false,
                                               /*write_debug_names=*/false);
  if (wabt::Failed(wabt::WriteBinaryModule(&stream, &module, write_options)))
    throw fail("wabt could not write the module back");
  return std::move(stream.output_buffer().data);
}

}  // namespace hdk_host::aot
