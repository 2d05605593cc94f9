// Engines by name, for tools and parameterised tests.
#include <string>
#include <vector>

#include "hdk_host/engine.hpp"
#include "hdk_host/tiered.hpp"

namespace hdk_host {

std::unique_ptr<Engine> make_engine(std::string_view name) {
  if (name == "interp") return make_interp_engine();
  if (name == "aot") return make_aot_engine();
  if (name == "tcc") return make_tcc_engine();
  if (name == "wasm-c-api") return make_wasm_c_api_engine();
  if (name == "tiered") return make_tiered_engine();
  throw Fault(FaultKind::EngineUnavailable,
              "unknown engine `" + std::string(name) + "` (interp, tcc, aot, wasm-c-api, tiered)");
}

std::vector<std::string> available_engines() {
  std::vector<std::string> names;
  for (const char* name : {"interp", "tcc", "aot", "wasm-c-api", "tiered"}) {
    try {
      make_engine(name);
      names.emplace_back(name);
    } catch (const Fault&) {
    }
  }
  return names;
}

}  // namespace hdk_host
