// wasm-c-api: the standard C API. (placeholder until the engine lands)
#include "hdk_host/engine.hpp"

namespace hdk_host {
std::unique_ptr<Engine> make_wasm_c_api_engine() {
  throw Fault(FaultKind::EngineUnavailable, "wasm-c-api engine not built yet");
}
}  // namespace hdk_host
