// The aot engine's own behaviour: its file and memory caches, recovery from
// damaged cache files, deadlines, the memory limit, and instances on several
// threads. (The engine contract itself is tested for every engine elsewhere.)
#include <sys/stat.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>

#include "engine_test_support.hpp"
#include "hdk_host/engine.hpp"

using Catch::Matchers::Contains;
using hdk_host::AotOptions;
using hdk_host::Engine;
using hdk_host::FaultKind;
using hdk_host::HostFunction;
using hdk_host::Instance;
using hdk_host::Limits;
using hdk_test::fault_of;

namespace fs = std::filesystem;

namespace {

/// A fresh cache directory per test, removed afterwards.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "hdk-aot-test-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::unique_ptr<Engine> aot_engine(const TempDir& cache) {
  AotOptions options;
  options.cache_dir = cache.path().string();
  return hdk_host::make_aot_engine(options);
}

/// Compiled modules in the cache (one shared object each).
std::vector<fs::path> cached_objects(const TempDir& cache) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(cache.path() / "aot"))
    if (entry.path().extension() == ".so") out.push_back(entry.path());
  return out;
}

/// The file's inode: a rebuilt cache file is a new file (it is renamed into place).
ino_t inode_of(const fs::path& path) {
  struct stat info {};
  REQUIRE(stat(path.c_str(), &info) == 0);
  return info.st_ino;
}

/// The host function the test module imports: answers `answer`.
std::vector<HostFunction> host_answering(std::uint64_t answer) {
  return {[answer](Instance&, std::uint32_t, std::uint32_t) { return answer; }};
}

/// The smallest valid module, to have bytes that differ from aot_guest.
const std::vector<std::uint8_t> kEmptyModule = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};

Limits with_deadline(std::chrono::milliseconds deadline) {
  Limits limits;
  limits.deadline = deadline;
  return limits;
}

}  // namespace

TEST_CASE("aot: one engine compiles the same bytes once", "[engine][aot]") {
  TempDir cache;
  auto engine = aot_engine(cache);
  const auto bytes = hdk_test::module_bytes("aot_guest");
  const auto first = engine->compile(bytes, "aot_guest");
  CHECK(first->origin() == "compiled");
  CHECK(engine->compile(bytes, "aot_guest") == first);
  CHECK(engine->compile(bytes, "another label") == first);
  CHECK(cached_objects(cache).size() == 1);
}

TEST_CASE("aot: another engine with the same cache dir loads the file cache", "[engine][aot]") {
  TempDir cache;
  const auto bytes = hdk_test::module_bytes("aot_guest");
  auto first_engine = aot_engine(cache);
  const auto first = first_engine->compile(bytes, "aot_guest");
  REQUIRE(first->origin() == "compiled");
  const auto objects = cached_objects(cache);
  REQUIRE(objects.size() == 1);
  const ino_t inode = inode_of(objects[0]);

  auto second_engine = aot_engine(cache);
  const auto second = second_engine->compile(bytes, "aot_guest");
  CHECK(second != first);
  CHECK(second->origin() == "file cache");
  CHECK(inode_of(objects[0]) == inode);  // loaded, not rebuilt
  // The same description as read from the wasm, without reading it again.
  REQUIRE(second->imports().size() == first->imports().size());
  for (std::size_t i = 0; i < first->imports().size(); ++i) {
    const auto& [a, b] = std::tie(first->imports()[i], second->imports()[i]);
    CHECK((a.module == b.module && a.name == b.name && a.kind == b.kind && a.type == b.type));
  }
  REQUIRE(second->exports().size() == first->exports().size());
  for (std::size_t i = 0; i < first->exports().size(); ++i) {
    const auto& [a, b] = std::tie(first->exports()[i], second->exports()[i]);
    CHECK((a.name == b.name && a.kind == b.kind && a.type == b.type));
  }
  auto instance = second->instantiate(host_answering(41), Limits{});
  CHECK(instance->call_i64("add", 40, 2) == 42);
  CHECK(instance->call_i64("call_host", 0, 0) == 42);
}

TEST_CASE("aot: different bytes get different cache entries", "[engine][aot]") {
  TempDir cache;
  auto engine = aot_engine(cache);
  const auto guest = engine->compile(hdk_test::module_bytes("aot_guest"), "aot_guest");
  const auto empty = engine->compile(kEmptyModule, "empty");
  CHECK(guest != empty);
  CHECK(cached_objects(cache).size() == 2);
  CHECK(empty->exports().empty());
  CHECK(empty->instantiate(nullptr, Limits{})->memory().empty());
}

TEST_CASE("aot: a damaged cache file is detected and rebuilt", "[engine][aot]") {
  const std::string damage = GENERATE("truncated", "one byte flipped", "garbage", "empty");
  CAPTURE(damage);
  TempDir cache;
  const auto bytes = hdk_test::module_bytes("aot_guest");
  fs::path object;
  {
    // Dropped before the file is touched: it is mapped while loaded.
    auto engine = aot_engine(cache);
    engine->compile(bytes, "aot_guest");
    const auto objects = cached_objects(cache);
    REQUIRE(objects.size() == 1);
    object = objects[0];
  }

  const auto size = fs::file_size(object);
  if (damage == "truncated") {
    fs::resize_file(object, size / 2);
  } else if (damage == "one byte flipped") {
    std::fstream file(object, std::ios::in | std::ios::out | std::ios::binary);
    file.seekg(static_cast<std::streamoff>(size / 2));
    const char byte = static_cast<char>(file.get());
    file.seekp(static_cast<std::streamoff>(size / 2));
    file.put(static_cast<char>(~byte));
  } else {
    std::ofstream(object, std::ios::binary | std::ios::trunc)
        << (damage == "garbage" ? "this is not a shared object" : "");
  }

  auto engine = aot_engine(cache);
  const auto module = engine->compile(bytes, "aot_guest");
  CHECK(module->origin() == "compiled");
  CHECK(module->instantiate(host_answering(0), Limits{})->call_i64("add", 1, 2) == 3);
  CHECK(aot_engine(cache)->compile(bytes, "aot_guest")->origin() == "file cache");
}

TEST_CASE("aot: a deadline stops an endless loop; the module stays usable", "[engine][aot]") {
  TempDir cache;
  auto engine = aot_engine(cache);
  const auto module = engine->compile(hdk_test::module_bytes("aot_guest"), "aot_guest");
  auto instance =
      module->instantiate(host_answering(0), with_deadline(std::chrono::milliseconds(50)));

  const auto fault = fault_of([&] { instance->call_i64("spin", 0, 0); });
  REQUIRE(fault);
  CHECK(fault->kind() == FaultKind::DeadlineExceeded);
  CHECK_THAT(fault->what(), Contains("spin") && Contains("aot_guest"));

  // The stopped instance refuses further calls...
  const auto again = fault_of([&] { instance->call_i64("add", 1, 2); });
  REQUIRE(again);
  CHECK(again->kind() == FaultKind::DeadlineExceeded);
  // ...while new instances of the module, with or without a deadline, work.
  auto fresh = module->instantiate(host_answering(0), with_deadline(std::chrono::seconds(60)));
  CHECK(fresh->call_i64("add", 1, 2) == 3);
  CHECK(module->instantiate(host_answering(0), Limits{})->call_i64("fib", 20, 0) == 6765);
}

TEST_CASE("aot: a deadline stops runaway recursion that has no loop", "[engine][aot]") {
  TempDir cache;
  auto engine = aot_engine(cache);
  const auto module = engine->compile(hdk_test::module_bytes("aot_guest"), "aot_guest");
  auto instance =
      module->instantiate(host_answering(0), with_deadline(std::chrono::milliseconds(50)));
  const auto fault = fault_of([&] { instance->call_i64("fib", 90, 0); });  // ~10^18 calls
  REQUIRE(fault);
  CHECK(fault->kind() == FaultKind::DeadlineExceeded);
  CHECK_THAT(fault->what(), Contains("fib"));
}

TEST_CASE("aot: the deadline is checked when a host function returns", "[engine][aot]") {
  TempDir cache;
  auto engine = aot_engine(cache);
  const auto module = engine->compile(hdk_test::module_bytes("aot_guest"), "aot_guest");
  const auto deadline = std::chrono::milliseconds(20);
  std::vector<HostFunction> slow{[deadline](Instance&, std::uint32_t, std::uint32_t) {
    std::this_thread::sleep_for(deadline * 3);
    return std::uint64_t{1};
  }};
  auto instance = module->instantiate(slow, with_deadline(deadline));
  const auto fault = fault_of([&] { instance->call_i64("call_host", 0, 0); });
  REQUIRE(fault);
  CHECK(fault->kind() == FaultKind::DeadlineExceeded);

  // Without a deadline the same host function is just slow.
  CHECK(module->instantiate(slow, Limits{})->call_i64("call_host", 0, 0) == 2);
}

TEST_CASE("aot: each outermost call gets the whole deadline", "[engine][aot]") {
  TempDir cache;
  auto engine = aot_engine(cache);
  const auto module = engine->compile(hdk_test::module_bytes("aot_guest"), "aot_guest");
  const auto deadline = std::chrono::milliseconds(1000);
  // Each call sleeps for 40% of the deadline: together they take longer than one.
  std::vector<HostFunction> half{[deadline](Instance&, std::uint32_t, std::uint32_t) {
    std::this_thread::sleep_for(deadline * 2 / 5);
    return std::uint64_t{1};
  }};
  auto instance = module->instantiate(half, with_deadline(deadline));
  for (int i = 0; i < 3; ++i) CHECK(instance->call_i64("call_host", 0, 0) == 2);
}

TEST_CASE("aot: the memory limit caps growth and the initial size", "[engine][aot]") {
  TempDir cache;
  auto engine = aot_engine(cache);
  const auto module = engine->compile(hdk_test::module_bytes("aot_guest"), "aot_guest");
  Limits limits;
  limits.max_memory_pages = 4;
  auto instance = module->instantiate(host_answering(0), limits);
  CHECK(instance->call_i32("grow", 3) == 1);
  CHECK(instance->call_i32("grow", 1) == std::numeric_limits<std::uint32_t>::max());
  CHECK(instance->memory().size() == 4 * 65536);

  limits.max_memory_pages = 0;
  const auto fault = fault_of([&] { module->instantiate(host_answering(0), limits); });
  REQUIRE(fault);
  CHECK(fault->kind() == FaultKind::MemoryLimit);
}

TEST_CASE("aot: instances trap and run on several threads at once", "[engine][aot]") {
  TempDir cache;
  auto engine = aot_engine(cache);
  const auto module = engine->compile(hdk_test::module_bytes("aot_guest"), "aot_guest");
  constexpr int kThreads = 3;
  constexpr int kRounds = 200;
  std::vector<int> correct(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto instance = module->instantiate(host_answering(t), Limits{});
      for (int i = 0; i < kRounds; ++i) {
        const auto fault = fault_of([&] { instance->call_i64("trap", 0, 0); });
        const bool trapped = fault && fault->kind() == FaultKind::Trap;
        const bool added = instance->call_i64("add", t, i) == std::uint64_t(t + i);
        const bool called = instance->call_i64("call_host", 0, 0) == std::uint64_t(t + 1);
        if (trapped && added && called) ++correct[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) CHECK(correct[t] == kRounds);
}

TEST_CASE("aot: without a C compiler the engine is unavailable", "[engine][aot]") {
  TempDir cache;
  AotOptions options;
  options.cache_dir = cache.path().string();
  options.compiler = (cache.path() / "no-such-cc").string();
  const auto fault = fault_of([&] { hdk_host::make_aot_engine(options); });
  REQUIRE(fault);
  CHECK(fault->kind() == FaultKind::EngineUnavailable);
  CHECK_THAT(fault->what(), Contains("no-such-cc"));
}

TEST_CASE("aot: a compiler that builds nothing gives a Compile fault", "[engine][aot]") {
  // `true` passes the --version check and then produces no object.
  TempDir cache;
  AotOptions options;
  options.cache_dir = cache.path().string();
  options.compiler = "true";
  auto engine = hdk_host::make_aot_engine(options);
  const auto fault =
      fault_of([&] { engine->compile(hdk_test::module_bytes("aot_guest"), "aot_guest"); });
  REQUIRE(fault);
  CHECK(fault->kind() == FaultKind::Compile);
  CHECK_THAT(fault->what(), Contains("aot_guest"));
  CHECK(cached_objects(cache).empty());
}
