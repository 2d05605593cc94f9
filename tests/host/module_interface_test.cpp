// The host checks a module's interface before any engine compiles it, from
// the sections before the code (read_module_interface); what it reads must be
// what a full decode reads, and bytes that are not a module must still fail.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "hdk_host/module_info.hpp"
#include "support/paths.hpp"

namespace {

std::vector<std::uint8_t> read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<std::uint8_t>((std::istreambuf_iterator<char>(in)), {});
}

bool same_imports(const std::vector<hdk_host::ImportDesc>& a,
                  const std::vector<hdk_host::ImportDesc>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].module != b[i].module || a[i].name != b[i].name || a[i].kind != b[i].kind ||
        (a[i].kind == hdk_host::ExternKind::Func && !(a[i].type == b[i].type)))
      return false;
  return true;
}

bool same_exports(const std::vector<hdk_host::ExportDesc>& a,
                  const std::vector<hdk_host::ExportDesc>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].name != b[i].name || a[i].kind != b[i].kind ||
        (a[i].kind == hdk_host::ExternKind::Func && !(a[i].type == b[i].type)))
      return false;
  return true;
}

}  // namespace

TEST_CASE(
    "module interface: the imports and exports of every zome and test module, as a full read") {
  std::vector<std::filesystem::path> modules;
  for (const auto& [toolchain, dir] : hdk_test::zome_dirs())
    for (const auto& entry : std::filesystem::directory_iterator(dir))
      if (entry.path().extension() == ".wasm") modules.push_back(entry.path());
  for (const auto& entry :
       std::filesystem::directory_iterator(hdk_test::module_path("echo").parent_path()))
    if (entry.path().extension() == ".wasm") modules.push_back(entry.path());
  REQUIRE(modules.size() > 20);
  std::size_t compared = 0;
  for (const auto& path : modules) {
    const auto bytes = read_bytes(path);
    std::optional<hdk_host::ModuleInfo> full;
    try {
      full = hdk_host::read_module_info(bytes, path.filename().string());
    } catch (const hdk_host::Fault&) {
      continue;  // a test module that is invalid on purpose: the engines' compile refuses it
    }
    INFO(path.string());
    const auto quick = hdk_host::read_module_interface(bytes, path.filename().string());
    CHECK(same_imports(quick.imports, full->imports));
    CHECK(same_exports(quick.exports, full->exports));
    ++compared;
  }
  CHECK(compared > 20);
}

TEST_CASE("module interface: bytes that are not a module, or cut short, are InvalidModule") {
  const auto hello = read_bytes(hdk_test::zome_dirs().front().second / "hello.wasm");
  REQUIRE(hello.size() > 1000);
  const std::vector<std::uint8_t> not_wasm = {'h', 'e', 'l', 'l', 'o'};
  // Cut inside the first sections: the interface itself cannot be read.
  const std::vector<std::uint8_t> cut(hello.begin(), hello.begin() + 40);
  for (const auto* bytes : {&not_wasm, &cut}) {
    try {
      (void)hdk_host::read_module_interface(*bytes, "bad");
      FAIL("read");
    } catch (const hdk_host::Fault& f) {
      CHECK(f.kind() == hdk_host::FaultKind::InvalidModule);
      CHECK(std::string(f.what()).find("bad: not a valid wasm module: ") == 0);
    }
  }
}
