// aot: wasm2c + the C compiler. (placeholder until the engine lands)
#include "hdk_host/engine.hpp"

namespace hdk_host {
std::unique_ptr<Engine> make_aot_engine(const AotOptions&) {
  throw Fault(FaultKind::EngineUnavailable, "aot engine not built yet");
}
}  // namespace hdk_host
