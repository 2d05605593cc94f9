// The posts DNA (tests/zomes/posts_integrity + posts) installed every way
// this build can run it: natively, and built by each wasm toolchain on each
// available engine.
#pragma once

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "../zomes/posts_integrity/posts_types.hpp"
#include "hdk_host/scenario.hpp"
#include "support/engines.hpp"
#include "support/paths.hpp"

namespace world_test {

struct Runtime {
  std::string label;    // "native", "wasi/interp", ...
  std::string runtime;  // "native" or the engine name
  hdk_host::DnaSpec dna;
};

inline hdk_host::DnaSpec posts_dna_native() {
  return hdk_host::DnaSpec{"forum",
                           "seed",
                           {"posts_integrity", hdk_test::native_zome_path("posts_integrity")},
                           {{"posts", hdk_test::native_zome_path("posts")}}};
}

inline std::vector<Runtime> runtimes() {
  std::vector<Runtime> out;
  out.push_back({"native", "native", posts_dna_native()});
  for (const auto& [toolchain, dir] : hdk_test::zome_dirs()) {
    for (const auto& engine : hdk_test::engine_names()) {
      out.push_back({toolchain + "/" + engine, engine,
                     hdk_host::DnaSpec{"forum",
                                       "seed",
                                       {"posts_integrity", dir / "posts_integrity.wasm"},
                                       {{"posts", dir / "posts.wasm"}}}});
    }
  }
  return out;
}

/// The posts DNA with the social coordinator (tests/zomes/social) beside posts.
inline std::vector<Runtime> social_runtimes() {
  std::vector<Runtime> out = runtimes();
  for (auto& rt : out) {
    auto path = rt.dna.coordinators.front().path;
    path.replace_filename(rt.runtime == "native" ? "libsocial.so" : "social.wasm");
    rt.dna.coordinators.push_back({"social", path});
  }
  return out;
}

/// The posts DNA with the coordinator `zome` (a zome of tests/zomes) beside posts.
inline std::vector<Runtime> runtimes_with(const std::string& zome) {
  std::vector<Runtime> out = runtimes();
  for (auto& rt : out) {
    auto path = rt.dna.coordinators.front().path;
    path.replace_filename(rt.runtime == "native" ? "lib" + zome + ".so" : zome + ".wasm");
    rt.dna.coordinators.push_back({zome, path});
  }
  return out;
}

/// The DNA `name` of the test zomes `integrity` and `coordinator` (each one
/// of tests/zomes), every way this build runs it.
inline std::vector<Runtime> dna_runtimes(const std::string& name, const std::string& integrity,
                                         const std::string& coordinator) {
  std::vector<Runtime> out = runtimes();
  for (auto& rt : out) {
    const auto file = [&](const std::string& zome) {
      auto path = rt.dna.integrity.path;
      return path.replace_filename(rt.runtime == "native" ? "lib" + zome + ".so" : zome + ".wasm");
    };
    rt.dna.name = name;
    rt.dna.coordinators = {{coordinator, file(coordinator)}};
    rt.dna.integrity = {integrity, file(integrity)};
  }
  return out;
}

/// A scenario with the runtime's DNA installed (the posts DNA unless changed).
inline std::unique_ptr<hdk_host::Scenario> install(const Runtime& rt) {
  auto scenario = std::make_unique<hdk_host::Scenario>(rt.runtime);
  scenario->install(rt.dna);
  return scenario;
}

/// The value of a call that must succeed.
template <class T>
T ok_value(const hdk_host::CallResult& r) {
  INFO(r.describe());
  REQUIRE(r.ok());
  return r.value<T>();
}

/// The message of the Err(Host) a call must have ended with.
inline std::string host_error_of(const hdk_host::CallResult& r) {
  INFO(r.describe());
  REQUIRE(r.wasm_error());
  const auto* host = std::get_if<hdk::wasm_error_inner::Host>(&r.wasm_error()->error);
  REQUIRE(host);
  return host->message;
}

inline hdk::ActionHash action_hash_of(const hdk::AnyLinkableHash& h) {
  return hdk::ActionHash{h.bytes};
}

}  // namespace world_test
