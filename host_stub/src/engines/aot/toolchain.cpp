#include "toolchain.hpp"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>

#include "artifact_cache.hpp"
#include "glue.hpp"
#include "loop_ticks.hpp"
#include "process.hpp"

// Where the build found wabt's tools and runtime sources (host_stub/CMakeLists.txt).
#ifndef HDK_AOT_WASM2C
#define HDK_AOT_WASM2C ""
#endif
#ifndef HDK_AOT_WASM_RT_INCLUDE_DIR
#define HDK_AOT_WASM_RT_INCLUDE_DIR ""
#endif
#ifndef HDK_AOT_WASM_RT_IMPL_DIR
#define HDK_AOT_WASM_RT_IMPL_DIR ""
#endif

namespace hdk_host::aot {
namespace {

namespace fs = std::filesystem;

// Flags every build uses; the optimisation level comes separately. No sibling
// calls: the compiler would turn a guest's endless tail recursion into a loop,
// which the stack check in every prologue could then never stop.
const std::vector<std::string> kCommonFlags = {"-fPIC", "-fvisibility=hidden", "-w", "-DNDEBUG",
                                               "-fno-optimize-sibling-calls"};

std::optional<std::string> read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void write_text(const fs::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out) throw Fault(FaultKind::Compile, "aot: cannot write " + path.string());
}

// `program --version`, once per process per program: engines are made often
// (one per test) and each check is a process start.
std::optional<std::string> version_of(const std::vector<std::string>& command) {
  static std::mutex mutex;
  static std::map<std::vector<std::string>, std::optional<std::string>> versions;
  std::lock_guard lock(mutex);
  auto it = versions.find(command);
  if (it == versions.end()) {
    std::vector<std::string> argv = command;
    argv.push_back("--version");
    ProcessResult result = run_process(argv);
    it = versions.emplace(command, result.ok() ? std::optional(result.output) : std::nullopt).first;
  }
  return it->second;
}

[[noreturn]] void unavailable(const std::string& why) {
  throw Fault(FaultKind::EngineUnavailable, "aot engine: " + why);
}

std::string tail(const std::string& output) {
  constexpr std::size_t kMax = 4000;
  return output.size() <= kMax ? output : "..." + output.substr(output.size() - kMax);
}

void run_step(const std::vector<std::string>& argv, const std::string& what,
              const std::string& label) {
  const ProcessResult result = run_process(argv);
  if (!result.ok())
    throw Fault(
        FaultKind::Compile,
        label + ": " + what + " failed" +
            (result.started ? " (exit " + std::to_string(result.exit_code) + ")" : " to start") +
            ": " + tail(result.output));
}

}  // namespace

Toolchain Toolchain::find(const AotOptions& options) {
  Toolchain tc;

  std::optional<std::string> wasm2c;
  if (*HDK_AOT_WASM2C) wasm2c = find_program(HDK_AOT_WASM2C);
  if (!wasm2c) wasm2c = find_program("wasm2c");
  if (!wasm2c) unavailable("wasm2c not found (install Debian's wabt)");
  tc.wasm2c_ = *wasm2c;
  const std::optional<std::string> wasm2c_version = version_of({tc.wasm2c_});
  if (!wasm2c_version) unavailable(tc.wasm2c_ + " --version failed");

  std::string compiler = options.compiler;
  if (compiler.empty()) {
    const char* cc = std::getenv("CC");
    compiler = cc && *cc ? cc : "cc";
  }
  tc.compiler_ = split_command(compiler);
  const std::optional<std::string> compiler_path =
      tc.compiler_.empty() ? std::nullopt : find_program(tc.compiler_[0]);
  if (!compiler_path) unavailable("C compiler `" + compiler + "` not found");
  const std::optional<std::string> compiler_version = version_of(tc.compiler_);
  if (!compiler_version) unavailable("`" + compiler + " --version` failed");

  const char* cflags = std::getenv("HDK_AOT_CFLAGS");
  tc.opt_flags_ = split_command(cflags && *cflags ? cflags : "-O2");

  tc.rt_include_dir_ = HDK_AOT_WASM_RT_INCLUDE_DIR;
  tc.rt_impl_dir_ = HDK_AOT_WASM_RT_IMPL_DIR;
  const auto rt_h = read_text(tc.rt_include_dir_ / "wasm-rt.h");
  const auto rt_impl_h = read_text(tc.rt_impl_dir_ / "wasm-rt-impl.h");
  const auto rt_impl_c = read_text(tc.rt_impl_dir_ / "wasm-rt-impl.c");
  if (tc.rt_include_dir_.empty() || tc.rt_impl_dir_.empty() || !rt_h || !rt_impl_h || !rt_impl_c)
    unavailable("wabt's wasm2c runtime sources (wasm-rt.h, wasm-rt-impl.c) not found");

  Hasher hasher;
  hasher.add("hdk-cpp aot").add(glue_identity());
  hasher.add(tc.wasm2c_).add(*wasm2c_version);
  hasher.add(*compiler_path).add(*compiler_version);
  for (const std::string& word : tc.compiler_) hasher.add(word);
  for (const std::string& flag : tc.opt_flags_) hasher.add(flag);
  for (const std::string& flag : kCommonFlags) hasher.add(flag);
  for (std::string_view flag : kRuntimeDefines) hasher.add(flag);
  for (std::string_view flag : kModuleDefines) hasher.add(flag);
  hasher.add(*rt_h).add(*rt_impl_h).add(*rt_impl_c);
  tc.fingerprint_ = hasher.hex();
  return tc;
}

void Toolchain::build_runtime(const fs::path& work_dir, const fs::path& out) const {
  const fs::path header = work_dir / kRuntimeHeaderFile;
  write_text(header, runtime_header());
  std::vector<std::string> argv = compiler_;
  argv.insert(argv.end(), opt_flags_.begin(), opt_flags_.end());
  argv.insert(argv.end(), kCommonFlags.begin(), kCommonFlags.end());
  argv.insert(argv.end(), std::begin(kRuntimeDefines), std::end(kRuntimeDefines));
  argv.insert(argv.end(), {"-I", rt_include_dir_.string(), "-I", rt_impl_dir_.string(), "-include",
                           header.string(), "-c", (rt_impl_dir_ / "wasm-rt-impl.c").string(), "-o",
                           out.string()});
  run_step(argv, "compiling wabt's runtime", "aot");
}

void Toolchain::build_module(std::span<const std::uint8_t> wasm, const ModuleInfo& info,
                             const std::string& label, const fs::path& work_dir,
                             const fs::path& runtime_object, const fs::path& out) const {
  const fs::path input = work_dir / "m.wasm";
  {
    const std::optional<std::vector<std::uint8_t>> ticked = add_loop_ticks(wasm, label);
    std::span<const std::uint8_t> bytes = ticked ? std::span<const std::uint8_t>(*ticked) : wasm;
    write_text(input, {reinterpret_cast<const char*>(bytes.data()), bytes.size()});
  }
  const fs::path source = work_dir / "m.c";
  run_step({wasm2c_, input.string(), "-n", std::string(kModuleName), "-o", source.string()},
           "wasm2c", label);

  const std::optional<std::string> header = read_text(work_dir / "m.h");
  if (!header) throw Fault(FaultKind::Compile, label + ": wasm2c wrote no header");
  const fs::path glue = work_dir / "glue.c";
  write_text(glue, generate_glue(info, *header, "m.h", label));
  const fs::path prelude = work_dir / kPreludeFile;
  write_text(prelude, prelude_header());

  std::vector<std::string> argv = compiler_;
  argv.insert(argv.end(), opt_flags_.begin(), opt_flags_.end());
  argv.insert(argv.end(), kCommonFlags.begin(), kCommonFlags.end());
  argv.insert(argv.end(), std::begin(kModuleDefines), std::end(kModuleDefines));
  argv.insert(argv.end(), {"-shared", "-I", work_dir.string(), "-I", rt_include_dir_.string(),
                           "-include", prelude.string(), source.string(), glue.string(),
                           runtime_object.string(), "-o", out.string(), "-lm", "-Wl,-z,defs"});
  run_step(argv, "the C compiler", label);
}

}  // namespace hdk_host::aot
