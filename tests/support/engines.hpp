// The parameterised engine fixture: every wasm-level test runs once per
// engine this build can construct, so engines cannot drift apart.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "hdk_host/engine.hpp"

namespace hdk_test {

inline const std::vector<std::string>& engine_names() {
  static const std::vector<std::string> names = hdk_host::available_engines();
  return names;
}

}  // namespace hdk_test

/// Runs the enclosing test body once per available engine, with
/// `engine_name` (std::string) and `engine` (std::shared_ptr<Engine>) set.
#define HDK_FOR_EACH_ENGINE()                                          \
  auto engine_name = GENERATE(from_range(::hdk_test::engine_names())); \
  CAPTURE(engine_name);                                                \
  std::shared_ptr<::hdk_host::Engine> engine = ::hdk_host::make_engine(engine_name)
