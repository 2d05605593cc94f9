// The policy wasm-c-api applies before every instantiation and call, tested
// without a wasm-c-api library.
#include <chrono>
#include <string>

#include <catch2/catch.hpp>

#include "hdk_host/uninterruptible.hpp"

using hdk_host::FaultKind;
using hdk_host::Limits;

TEST_CASE("uninterruptible: a deadline the engine cannot keep is refused, naming the opt-in") {
  Limits limits;  // the default 30 s deadline
  limits.allow_uninterruptible = false;
  const auto refused = hdk_host::refuse_unenforceable_deadline("wasm-c-api", limits);
  REQUIRE(refused);
  CHECK(refused->kind() == FaultKind::EngineUnavailable);
  const std::string message = refused->what();
  CHECK_THAT(message, Catch::Contains("wasm-c-api") && Catch::Contains("30000 ms") &&
                          Catch::Contains("allow_uninterruptible"));
}

TEST_CASE("uninterruptible: the opt-in, or no deadline at all, lets the call run") {
  Limits opted_in;
  opted_in.allow_uninterruptible = true;
  CHECK_FALSE(hdk_host::refuse_unenforceable_deadline("wasm-c-api", opted_in));

  Limits no_deadline;
  no_deadline.deadline = std::chrono::milliseconds(0);
  CHECK_FALSE(hdk_host::refuse_unenforceable_deadline("wasm-c-api", no_deadline));

  Limits short_deadline;
  short_deadline.deadline = std::chrono::milliseconds(1);
  short_deadline.allow_uninterruptible = false;
  CHECK(hdk_host::refuse_unenforceable_deadline("wasm-c-api", short_deadline));
}
