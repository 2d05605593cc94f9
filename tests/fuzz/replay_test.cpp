// Every input the fuzzers ever failed on (regressions/<target>/) and the
// seed corpus (corpus/<target>/), run through the same targets in an
// ordinary build: a fixed bug stays fixed without libFuzzer.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz_target.hpp"

namespace {

std::vector<std::filesystem::path> inputs_in(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> out;
  if (!std::filesystem::is_directory(dir)) return out;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().filename().string().front() != '.')
      out.push_back(entry.path());
  return out;
}

std::vector<std::uint8_t> read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

std::size_t replay(const std::string& subdir) {
  std::size_t count = 0;
  for (const hdk_fuzz::Target& target : hdk_fuzz::targets()) {
    for (const auto& path :
         inputs_in(std::filesystem::path(HDK_FUZZ_SOURCE_DIR) / subdir / target.name)) {
      INFO(target.name << ": " << path.string());
      const auto bytes = read_bytes(path);
      CHECK_NOTHROW(target.run(bytes));
      ++count;
    }
  }
  return count;
}

}  // namespace

TEST_CASE("every fuzz target has a seed corpus, and it replays cleanly") {
  REQUIRE(!hdk_fuzz::targets().empty());
  for (const hdk_fuzz::Target& target : hdk_fuzz::targets()) {
    INFO(target.name);
    CHECK(!inputs_in(std::filesystem::path(HDK_FUZZ_SOURCE_DIR) / "corpus" / target.name).empty());
  }
  CHECK(replay("corpus") > 0);
}

TEST_CASE("the inputs the fuzzers failed on replay cleanly") { replay("regressions"); }
