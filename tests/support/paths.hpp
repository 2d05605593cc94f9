// Where the build put the modules and zomes tests load.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace hdk_test {

/// A test module assembled from tests/modules/NAME.wat.
inline std::filesystem::path module_path(const std::string& name) {
  return std::filesystem::path(HDK_TEST_MODULE_DIR) / (name + ".wasm");
}

/// (toolchain, directory of built .wasm zomes) for each wasm toolchain built.
inline std::vector<std::pair<std::string, std::filesystem::path>> zome_dirs() {
  std::vector<std::pair<std::string, std::filesystem::path>> out;
  const std::string all = HDK_TEST_ZOME_DIRS;
  std::size_t pos = 0;
  while (pos < all.size()) {
    std::size_t end = all.find('|', pos);
    if (end == std::string::npos) end = all.size();
    const std::string entry = all.substr(pos, end - pos);
    const auto eq = entry.find('=');
    if (eq != std::string::npos) out.emplace_back(entry.substr(0, eq), entry.substr(eq + 1));
    pos = end + 1;
  }
  return out;
}

/// A zome built with `toolchain` ("wasi" or "emscripten").
inline std::filesystem::path zome_path(const std::string& toolchain, const std::string& name) {
  for (const auto& [tc, dir] : zome_dirs())
    if (tc == toolchain) return dir / (name + ".wasm");
  return {};
}

/// The native-mode library of zome `name`.
inline std::filesystem::path native_zome_path(const std::string& name) {
  return std::filesystem::path(HDK_TEST_NATIVE_ZOME_DIR) / ("lib" + name + ".so");
}

}  // namespace hdk_test
