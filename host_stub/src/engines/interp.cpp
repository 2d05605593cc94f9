// interp: wabt's interpreter. (placeholder until the engine lands)
#include "hdk_host/engine.hpp"

namespace hdk_host {
std::unique_ptr<Engine> make_interp_engine() {
  throw Fault(FaultKind::EngineUnavailable, "interp engine not built yet");
}
}  // namespace hdk_host
