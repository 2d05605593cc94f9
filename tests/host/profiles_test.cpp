// The profiles example (examples/profiles): host randomness, time and
// signatures, on every runtime.
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "../../examples/profiles/profiles_types.hpp"
#include "hdk_host/scenario.hpp"
#include "support/engines.hpp"
#include "support/paths.hpp"

using profiles::Profile;
using profiles::SignedStatement;

namespace {

struct ProfilesRuntime {
  std::string label;
  std::string runtime;
  hdk_host::DnaSpec dna;
};

std::vector<ProfilesRuntime> profiles_runtimes() {
  std::vector<ProfilesRuntime> out;
  out.push_back({"native",
                 "native",
                 {"profiles",
                  "",
                  {"profiles_integrity", hdk_test::native_zome_path("profiles_integrity")},
                  {{"profiles", hdk_test::native_zome_path("profiles")}}}});
  for (const auto& [toolchain, dir] : hdk_test::zome_dirs())
    for (const auto& engine : hdk_test::engine_names())
      out.push_back({toolchain + "/" + engine,
                     engine,
                     {"profiles",
                      "",
                      {"profiles_integrity", dir / "profiles_integrity.wasm"},
                      {{"profiles", dir / "profiles.wasm"}}}});
  return out;
}

}  // namespace

TEST_CASE("profiles: random nonces, host time, signatures checked by another agent") {
  for (const auto& rt : profiles_runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      hdk_host::Scenario scenario(rt.runtime);
      scenario.install(rt.dna);
      const auto alice = scenario.add_agent("alice");
      const auto bob = scenario.add_agent("bob");

      const auto first = scenario.call(alice, "profiles", "create_profile", std::string("alice"));
      INFO(first.describe());
      REQUIRE(first.ok());
      const auto a = first.value<Profile>();
      const auto b =
          scenario.call(bob, "profiles", "create_profile", std::string("alice")).value<Profile>();
      CHECK(a.nonce.size() == profiles::kNonceBytes);
      // Same nickname, different agents: the nonces (16 random bytes) differ.
      CHECK(a.nonce != b.nonce);
      // The host's clock, in microseconds since 1970: after 2020, and not going back.
      CHECK(a.created_at.micros > 1'577'836'800'000'000);
      CHECK_FALSE(b.created_at < a.created_at);

      // Each agent's profile is found through its key; the committed one is the one returned.
      const auto found =
          scenario.call(bob, "profiles", "get_profile", alice.key).value<std::optional<Profile>>();
      REQUIRE(found);
      CHECK(found->nonce == a.nonce);
      CHECK(found->created_at == a.created_at);

      // Validation: an empty nickname is refused.
      const auto nameless = scenario.call(alice, "profiles", "create_profile", std::string());
      REQUIRE_FALSE(nameless.ok());
      REQUIRE(nameless.wasm_error());
      CHECK_THAT(nameless.wasm_error()->message(), Catch::Contains("a nickname has 1 to 50 bytes"));

      // alice signs; bob checks the signature with alice's public key only.
      const auto signed_call =
          scenario.call(alice, "profiles", "sign_statement", std::string("I wrote this"));
      INFO(signed_call.describe());
      REQUIRE(signed_call.ok());
      auto statement = signed_call.value<SignedStatement>();
      CHECK(statement.author == alice.key);
      CHECK(statement.signature.bytes.size() == 64);
      CHECK(scenario.call(bob, "profiles", "verify_statement", statement).value<bool>());

      SignedStatement altered = statement;
      altered.statement = "I wrote that";
      CHECK_FALSE(scenario.call(bob, "profiles", "verify_statement", altered).value<bool>());
      SignedStatement impostor = statement;
      impostor.author = bob.key;
      CHECK_FALSE(scenario.call(bob, "profiles", "verify_statement", impostor).value<bool>());
    }
  }
}
