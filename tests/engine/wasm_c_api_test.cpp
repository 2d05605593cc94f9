// The wasm-c-api engine's library loading: what a user sees when no library
// is there or the one they named is wrong. (Where a library loads, every
// HDK_FOR_EACH_ENGINE test runs on it as well.)
#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>

#include <catch2/catch.hpp>

#include "hdk_host/engine.hpp"

namespace {

/// Sets (or, with nullptr, unsets) an environment variable for one scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value)
      setenv(name, value, 1);
    else
      unsetenv(name);
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;
  ~ScopedEnv() {
    if (old_)
      setenv(name_.c_str(), old_->c_str(), 1);
    else
      unsetenv(name_.c_str());
  }

 private:
  std::string name_;
  std::optional<std::string> old_;
};

/// The Fault make_wasm_c_api_engine() throws, if it throws one.
std::optional<hdk_host::Fault> load_fault() {
  try {
    hdk_host::make_wasm_c_api_engine();
  } catch (const hdk_host::Fault& fault) {
    return fault;
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("wasm-c-api: without a library it is unavailable and says how to provide one") {
  const ScopedEnv library("HDK_WASM_C_API_LIBRARY", nullptr);
  const ScopedEnv wasmer("WASMER_DIR", nullptr);
  const ScopedEnv wasmtime("WASMTIME_DIR", nullptr);
  std::unique_ptr<hdk_host::Engine> engine;
  try {
    engine = hdk_host::make_wasm_c_api_engine();
  } catch (const hdk_host::Fault& fault) {
    CHECK(fault.kind() == hdk_host::FaultKind::EngineUnavailable);
    const std::string message = fault.what();
    CHECK_THAT(message, Catch::Contains("HDK_WASM_C_API_LIBRARY"));
    CHECK_THAT(message, Catch::Contains("WASMER_DIR"));
    CHECK_THAT(message, Catch::Contains("libwasmer.so"));
    return;
  }
  // This machine has a library the engine finds by itself (configured or on
  // the loader's path); then the engine must be the real thing.
  CHECK(engine->name() == "wasm-c-api");
}

TEST_CASE("wasm-c-api: a library path that does not exist is named in the error") {
  const std::string path = "/nonexistent-hdk-dir/libwasmer.so";
  const ScopedEnv library("HDK_WASM_C_API_LIBRARY", path.c_str());
  const auto fault = load_fault();
  REQUIRE(fault);
  CHECK(fault->kind() == hdk_host::FaultKind::EngineUnavailable);
  const std::string message = fault->what();
  CHECK_THAT(message, Catch::Contains(path + ": cannot open"));
  // The variable names the one library to use: no other is tried.
  CHECK_THAT(message, !Catch::Contains("libwasmtime.so"));
}

TEST_CASE("wasm-c-api: a library that is not a wasm C API library is named in the error") {
  const ScopedEnv library("HDK_WASM_C_API_LIBRARY", "libc.so.6");
  const auto fault = load_fault();
  REQUIRE(fault);
  CHECK(fault->kind() == hdk_host::FaultKind::EngineUnavailable);
  const std::string message = fault->what();
  CHECK_THAT(message, Catch::Contains("libc.so.6 is not a WebAssembly C API library"));
  CHECK_THAT(message, Catch::Contains("wasm_engine_new"));

  // The registry sees the same: the engine is not offered.
  const auto names = hdk_host::available_engines();
  CHECK(std::find(names.begin(), names.end(), "wasm-c-api") == names.end());
  CHECK_THROWS_AS(hdk_host::make_engine("wasm-c-api"), hdk_host::Fault);
}
