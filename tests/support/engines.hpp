// The parameterised engine fixture: every wasm-level test runs once per
// engine this build can construct, so engines cannot drift apart.
#pragma once

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "hdk_host/engine.hpp"

namespace hdk_test {

/// The available engines, or those of them HDK_TEST_ENGINES names (a comma
/// list): the sanitizer build runs the host under two engines, not all.
inline const std::vector<std::string>& engine_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all = hdk_host::available_engines();
    const char* wanted = std::getenv("HDK_TEST_ENGINES");
    if (!wanted || !*wanted) return all;
    const std::string list = std::string(",") + wanted + ",";
    std::vector<std::string> chosen;
    for (const std::string& name : all)
      if (list.find("," + name + ",") != std::string::npos) chosen.push_back(name);
    return chosen;
  }();
  return names;
}

}  // namespace hdk_test

/// Runs the enclosing test body once per available engine, with
/// `engine_name` (std::string) and `engine` (std::shared_ptr<Engine>) set.
#define HDK_FOR_EACH_ENGINE()                                          \
  auto engine_name = GENERATE(from_range(::hdk_test::engine_names())); \
  CAPTURE(engine_name);                                                \
  std::shared_ptr<::hdk_host::Engine> engine = ::hdk_host::make_engine(engine_name)
