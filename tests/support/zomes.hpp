// A zome loaded every way this build can run it: natively, and built by each
// wasm toolchain on each available engine. Host-level tests loop over these.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "hdk_host/host.hpp"
#include "support/engines.hpp"
#include "support/paths.hpp"

namespace hdk_test {

struct LoadedZome {
  std::string label;  // "native", "wasi/interp", "emscripten/aot", ...
  std::shared_ptr<hdk_host::Host> host;
  std::shared_ptr<hdk_host::Zome> zome;
  bool is_wasm() const { return host != nullptr; }
};

inline std::vector<LoadedZome> load_everywhere(const std::string& name,
                                               const hdk_host::HostOptions& options = {},
                                               bool with_native = true) {
  std::vector<LoadedZome> out;
  if (with_native)
    out.push_back({"native", nullptr, hdk_host::Host::load_native(native_zome_path(name))});
  for (const auto& [toolchain, dir] : zome_dirs()) {
    for (const auto& engine : engine_names()) {
      auto host = std::make_shared<hdk_host::Host>(hdk_host::make_engine(engine), options);
      auto zome = host->load_wasm_file(dir / (name + ".wasm"));
      out.push_back({toolchain + "/" + engine, host, zome});
    }
  }
  return out;
}

/// Calls `function` with `input` (any serializable value) on `zome`.
template <class In>
hdk_host::CallResult call(hdk_host::Zome& zome, const std::string& function, const In& input,
                          hdk_host::CallContext* context = nullptr) {
  hdk_host::CallContext local;
  return zome.call(function, hdk_host::extern_input(input), context ? *context : local);
}

}  // namespace hdk_test
