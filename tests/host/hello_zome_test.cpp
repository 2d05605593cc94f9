// The hello example through the whole boundary, on every runtime.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>

#include <hdk/codec.hpp>

#include "hdk_host/abi_rules.hpp"
#include "hdk_host/module_info.hpp"
#include "support/zomes.hpp"

namespace {

struct Greeting {
  std::string name;
  std::uint32_t times = 1;
  HDK_STRUCT(name, times);
};

struct Echo {
  std::string text;
  std::vector<std::int64_t> numbers;
  std::optional<std::string> note;
  hdk::Bytes blob;
  HDK_STRUCT(text, numbers, note, blob);
  bool operator==(const Echo&) const = default;
};

}  // namespace

TEST_CASE("hello: every runtime answers the same bytes") {
  const auto zomes = hdk_test::load_everywhere("hello");
  REQUIRE(zomes.size() >= 3);  // native + at least one engine for each of two toolchains
  std::vector<std::uint8_t> reference;
  for (const auto& z : zomes) {
    DYNAMIC_SECTION(z.label) {
      const auto r = hdk_test::call(*z.zome, "greet", Greeting{"Ada", 2});
      INFO(r.describe());
      REQUIRE(r.ok());
      CHECK(r.value<std::string>() == "Hello, Ada! Hello, Ada!");
    }
  }
  for (const auto& z : zomes) {
    const auto r = hdk_test::call(*z.zome, "greet", Greeting{"Bo", 1});
    if (reference.empty()) reference = r.raw();
    CHECK(r.raw() == reference);
  }
  // Ok(ExternIO("Hello, Bo!")) = 81 a2 "Ok" c4 0b ab "Hello, Bo!"
  const std::vector<std::uint8_t> expected = {0x81, 0xa2, 'O', 'k', 0xc4, 0x0b, 0xaa, 'H', 'e',
                                              'l',  'l',  'o', ',', ' ',  'B',  'o',  '!'};
  CHECK(reference == expected);
}

TEST_CASE("hello: a user struct round-trips through every runtime") {
  const Echo input{"round trip", {1, -2, 300000, INT64_MIN}, std::nullopt, hdk::Bytes{0, 1, 255}};
  for (const auto& z : hdk_test::load_everywhere("hello")) {
    DYNAMIC_SECTION(z.label) {
      const auto r = hdk_test::call(*z.zome, "echo", input);
      INFO(r.describe());
      REQUIRE(r.ok());
      CHECK(r.value<Echo>() == input);
      CHECK(std::ranges::equal(r.output(), hdk::encode_to_vector(input)));
    }
  }
}

TEST_CASE("hello: a Guest error comes back as Err(WasmError)") {
  for (const auto& z : hdk_test::load_everywhere("hello")) {
    DYNAMIC_SECTION(z.label) {
      const auto r = hdk_test::call(*z.zome, "greet", Greeting{"", 1});
      REQUIRE(r.wasm_error());
      CHECK(r.wasm_error()->kind() == "Guest");
      CHECK(r.wasm_error()->message() == "name must not be empty");
      CHECK(r.wasm_error()->module_path == "hello.cpp");
      CHECK(r.wasm_error()->line > 0);
    }
  }
}

TEST_CASE("hello: undecodable input gives Deserialize, not a trap") {
  for (const auto& z : hdk_test::load_everywhere("hello")) {
    DYNAMIC_SECTION(z.label) {
      hdk_host::CallContext context;
      // Not an ExternIO at all: Deserialize carries every input byte.
      const std::vector<std::uint8_t> garbage = {0xc1, 0x01, 0x02};
      auto r = z.zome->call("greet", garbage, context);
      REQUIRE(r.wasm_error());
      CHECK(r.wasm_error()->kind() == "Deserialize");
      const auto& inner = std::get<hdk::wasm_error_inner::Deserialize>(r.wasm_error()->error);
      CHECK(std::vector<std::uint8_t>(inner.bytes.begin(), inner.bytes.end()) == garbage);

      // No bytes at all: the guest gets an empty region and says so.
      r = z.zome->call("greet", std::vector<std::uint8_t>{}, context);
      REQUIRE(r.wasm_error());
      CHECK(r.wasm_error()->kind() == "Deserialize");
      CHECK(std::get<hdk::wasm_error_inner::Deserialize>(r.wasm_error()->error).bytes.empty());

      // A valid ExternIO whose content is the wrong type: Deserialize(content).
      const auto wrong = hdk_host::extern_input(std::string("not a Greeting"));
      r = z.zome->call("greet", wrong, context);
      REQUIRE(r.wasm_error());
      CHECK(r.wasm_error()->kind() == "Deserialize");
      const auto& content = std::get<hdk::wasm_error_inner::Deserialize>(r.wasm_error()->error);
      CHECK(std::vector<std::uint8_t>(content.bytes.begin(), content.bytes.end()) ==
            hdk::encode_to_vector(std::string("not a Greeting")));
    }
  }
}

TEST_CASE("hello: the built zomes pass the conductor's ABI rules with no stray imports") {
  for (const auto& [toolchain, dir] : hdk_test::zome_dirs()) {
    for (const char* name : {"hello", "boundary"}) {
      DYNAMIC_SECTION(toolchain << "/" << name) {
        std::ifstream in(dir / (std::string(name) + ".wasm"), std::ios::binary);
        REQUIRE(in);
        const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), {});
        const auto info = hdk_host::read_module_info(bytes, name);
        const auto report = hdk_host::check_zome_abi(info.imports, info.exports);
        for (const auto& e : report.errors) FAIL_CHECK(e.text);
        for (const auto& imp : info.imports) {
          CHECK(imp.module == "env");
          CHECK(imp.name.rfind("__hc__", 0) == 0);
        }
      }
    }
  }
}
