// The two kinds of Zome the host loads (internal to the host stub).
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "hdk_host/host.hpp"

namespace hdk_host {

/// A wasm module on an engine. Each call gets a fresh instance unless
/// `options.reuse_instances` is set.
std::shared_ptr<Zome> make_wasm_zome(std::string name, std::shared_ptr<Module> module,
                                     std::string engine_name, std::vector<std::string> functions,
                                     HostOptions options);

/// A native-mode zome library loaded with dlopen.
std::shared_ptr<Zome> make_native_zome(const std::filesystem::path& path, std::string name);

}  // namespace hdk_host
