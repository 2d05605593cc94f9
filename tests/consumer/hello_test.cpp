// The consumer project's own test (hdk_add_zome_test): hello's greet, on the
// runtime this run of the program tests, must answer the same everywhere.
#include <cstdint>
#include <optional>
#include <string>

#include <catch2/catch.hpp>
#include <hdk/codec.hpp>
#include <hdk_host/host.hpp>
#include <hdk_host/zome_test.hpp>

namespace {

struct Greeting {
  std::string name;
  std::optional<std::uint32_t> times;
  HDK_STRUCT(name, times);
};

hdk_host::CallResult greet(const Greeting& greeting) {
  const auto& rt = hdk_host::zome_test::runtime();
  const auto source = rt.zome("hello");
  if (rt.engine == "native") {
    auto zome = hdk_host::Host::load_native(source.path);
    hdk_host::CallContext context;
    return zome->call("greet", hdk_host::extern_input(greeting), context);
  }
  hdk_host::Host host(hdk_host::make_engine(rt.engine));
  auto zome = host.load_wasm_file(source.path);
  return host.call(*zome, "greet", greeting);
}

}  // namespace

TEST_CASE("hello greets on this runtime, and refuses an empty name") {
  const auto twice = greet({"Ada", 2});
  INFO(twice.describe());
  REQUIRE(twice.ok());
  CHECK(twice.value<std::string>() == "Hello, Ada! Hello, Ada!");
  const auto empty = greet({"", std::nullopt});
  REQUIRE(empty.wasm_error());
  CHECK_THAT(empty.wasm_error()->message(), Catch::Contains("name must not be empty"));
}

TEST_CASE("a zome the test was not given is a typed error") {
  CHECK_THROWS_AS(hdk_host::zome_test::runtime().zome("nope"), hdk_host::Fault);
}
