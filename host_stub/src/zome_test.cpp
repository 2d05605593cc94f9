// hdk_host::zome_test: which runtime a zome author's test runs on.
#include "hdk_host/zome_test.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "hdk_host/engine.hpp"
#include "hdk_host/fault.hpp"

namespace hdk_host::zome_test {

namespace {

std::vector<std::string_view> split(std::string_view text, char sep) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find(sep, pos);
    if (end == std::string_view::npos) end = text.size();
    if (end > pos) out.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

std::optional<Runtime>& selected() {
  static std::optional<Runtime> rt;
  return rt;
}

/// Runs this program again with `--hdk-runtime label` and the other arguments.
int run_as_child(const std::vector<char*>& args, const std::string& label) {
  std::string flag = "--hdk-runtime";
  std::string value = label;
  std::vector<char*> argv;
  argv.reserve(args.size() + 3);
  argv.push_back(args.front());
  argv.push_back(flag.data());
  argv.push_back(value.data());
  for (std::size_t i = 1; i < args.size(); ++i) argv.push_back(args[i]);
  argv.push_back(nullptr);
  std::fflush(nullptr);
  const pid_t pid = fork();
  if (pid < 0) return 1;
  if (pid == 0) {
    execv("/proc/self/exe", argv.data());
    execvp(argv[0], argv.data());
    std::perror("hdk zome test: exec");
    _exit(127);
  }
  int status = 0;
  if (waitpid(pid, &status, 0) < 0) return 1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

}  // namespace

std::vector<ZomeBuild> parse_builds(std::string_view builds) {
  std::vector<ZomeBuild> out;
  for (const auto zome : split(builds, ';')) {
    const auto parts = split(zome, '|');
    if (parts.size() < 2) continue;
    ZomeBuild build{std::string(parts[0]), std::filesystem::path(std::string(parts[1])), {}};
    for (std::size_t i = 2; i < parts.size(); ++i) {
      const auto eq = parts[i].find('=');
      if (eq == std::string_view::npos) continue;
      build.wasm.emplace_back(std::string(parts[i].substr(0, eq)),
                              std::filesystem::path(std::string(parts[i].substr(eq + 1))));
    }
    out.push_back(std::move(build));
  }
  return out;
}

ZomeSource Runtime::zome(std::string_view name) const {
  for (const auto& build : builds) {
    if (build.name != name) continue;
    if (toolchain.empty())
      return {build.name, build.native,
              build.wasm.empty() ? std::filesystem::path{} : build.wasm.front().second};
    for (const auto& [tc, file] : build.wasm)
      if (tc == toolchain) return {build.name, file};
  }
  throw Fault(
      FaultKind::MissingExport,
      "zome `" + std::string(name) + "` is not one of this test's ZOMES (hdk_add_zome_test)");
}

std::vector<Runtime> runtimes(const std::vector<ZomeBuild>& builds) {
  std::vector<Runtime> out;
  out.push_back({"native", "native", "", builds});
  // The toolchains every zome was built with, in the order the first names them.
  std::vector<std::string> toolchains;
  if (!builds.empty()) {
    for (const auto& [tc, file] : builds.front().wasm) {
      bool everywhere = true;
      for (const auto& build : builds) {
        bool has = false;
        for (const auto& [other, f] : build.wasm) has = has || other == tc;
        everywhere = everywhere && has;
      }
      if (everywhere) toolchains.push_back(tc);
    }
  }
  const auto engines = available_engines();
  for (const auto& tc : toolchains)
    for (const auto& engine : engines) out.push_back({tc + "/" + engine, engine, tc, builds});
  return out;
}

const Runtime& runtime() {
  if (!selected())
    throw Fault(FaultKind::EngineUnavailable,
                "no runtime selected: zome_test::runtime() is for tests hdk_add_zome_test builds");
  return *selected();
}

int main(int argc, char** argv, std::string_view builds_text,
         int (*run_tests)(int argc, char** argv)) {
  const auto builds = parse_builds(builds_text);
  const auto all = runtimes(builds);
  std::optional<std::string> wanted;
  std::vector<char*> rest{argv[0]};
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--hdk-runtimes") == 0) {
      for (const auto& rt : all) std::printf("%s\n", rt.label.c_str());
      return 0;
    }
    if (std::strcmp(argv[i], "--hdk-runtime") == 0) {
      if (i + 1 == argc) {
        std::fprintf(stderr, "--hdk-runtime takes a runtime (--hdk-runtimes lists them)\n");
        return 2;
      }
      wanted = argv[++i];
      continue;
    }
    rest.push_back(argv[i]);
  }
  if (!wanted) {
    // By hand: every runtime, one process each, as ctest runs them.
    int failed = 0;
    for (const auto& rt : all) {
      std::printf("== %s\n", rt.label.c_str());
      if (run_as_child(rest, rt.label) != 0) ++failed;
    }
    std::printf("== %d of %zu runtimes failed\n", failed, all.size());
    return failed == 0 ? 0 : 1;
  }
  for (const auto& rt : all) {
    if (rt.label == *wanted) selected() = rt;
  }
  if (!selected()) {
    std::fprintf(stderr, "no runtime `%s` here (--hdk-runtimes lists them)\n", wanted->c_str());
    return 2;
  }
  rest.push_back(nullptr);
  return run_tests(static_cast<int>(rest.size()) - 1, rest.data());
}

}  // namespace hdk_host::zome_test
