#include "loop_ticks.hpp"

#include <memory>

#include <wabt/cast.h>

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

std::size_t add_loop_ticks(wabt::Module& module) {
  const auto tick = static_cast<wabt::Index>(module.funcs.size());
  std::size_t loops = 0;
  for (wabt::Index i = module.num_func_imports; i < module.funcs.size(); ++i)
    loops += tick_loops(module.funcs[i]->exprs, tick);
  if (loops == 0) return 0;

  const wabt::Index type = empty_func_type(module);
  auto field = std::make_unique<wabt::FuncModuleField>();
  field->func.decl.has_func_type = true;
  field->func.decl.type_var = wabt::Var(type, wabt::Location());
  module.AppendField(std::move(field));
  return loops;
}

}  // namespace hdk_host::aot
