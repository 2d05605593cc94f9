#include "toolchain.hpp"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>

#include <algorithm>
#include <future>
#include <thread>

#include "artifact_cache.hpp"
#include "glue.hpp"
#include "process.hpp"

// Where the build found wabt's runtime sources (host_stub/CMakeLists.txt).
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
// From this size of wasm2c output on, a module is compiled in parts
// ($HDK_AOT_SPLIT_BYTES overrides it: tests split small modules).
constexpr std::size_t kSplitThreshold = 1u << 20;

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
  const char* split = std::getenv("HDK_AOT_SPLIT_BYTES");
  tc.split_bytes_ = split && *split ? std::strtoull(split, nullptr, 10) : kSplitThreshold;

  tc.rt_include_dir_ = HDK_AOT_WASM_RT_INCLUDE_DIR;
  tc.rt_impl_dir_ = HDK_AOT_WASM_RT_IMPL_DIR;
  const auto rt_h = read_text(tc.rt_include_dir_ / "wasm-rt.h");
  const auto rt_impl_h = read_text(tc.rt_impl_dir_ / "wasm-rt-impl.h");
  const auto rt_impl_c = read_text(tc.rt_impl_dir_ / "wasm-rt-impl.c");
  if (tc.rt_include_dir_.empty() || tc.rt_impl_dir_.empty() || !rt_h || !rt_impl_h || !rt_impl_c)
    unavailable("wabt's wasm2c runtime sources (wasm-rt.h, wasm-rt-impl.c) not found");

  Hasher hasher;
  hasher.add("hdk-cpp aot").add(glue_identity());
  hasher.add(translator_identity());
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

void Toolchain::build_module(const CSources& sources, const std::string& label,
                             const fs::path& work_dir, const fs::path& runtime_object,
                             const fs::path& out) const {
  write_text(work_dir / kModuleHeaderFile, sources.module_h);
  const fs::path glue = work_dir / "glue.c";
  write_text(glue, sources.glue_c);
  const fs::path prelude = work_dir / kPreludeFile;
  write_text(prelude, prelude_header());

  std::vector<std::string> compile = compiler_;
  compile.insert(compile.end(), opt_flags_.begin(), opt_flags_.end());
  compile.insert(compile.end(), kCommonFlags.begin(), kCommonFlags.end());
  compile.insert(compile.end(), std::begin(kModuleDefines), std::end(kModuleDefines));
  compile.insert(compile.end(), {"-I", work_dir.string(), "-I", rt_include_dir_.string(),
                                 "-include", prelude.string()});
  const std::vector<std::string> link_tail = {runtime_object.string(), "-o", out.string(), "-lm",
                                              "-Wl,-z,defs"};

  // One compiler per core on the parts of a large module (and the glue);
  // a small one is compiled and linked by one process, which is quicker.
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  const std::vector<std::string> parts = sources.module_c.size() >= split_bytes_
                                             ? split_module_c(sources.module_c, cores + 1)
                                             : std::vector<std::string>{};
  if (parts.size() < 2) {
    const fs::path source = work_dir / "m.c";
    write_text(source, sources.module_c);
    std::vector<std::string> argv = compile;
    argv.insert(argv.end(), {"-shared", source.string(), glue.string()});
    argv.insert(argv.end(), link_tail.begin(), link_tail.end());
    run_step(argv, "the C compiler", label);
    return;
  }

  std::vector<fs::path> units;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    units.push_back(work_dir / ("m" + std::to_string(i) + ".c"));
    write_text(units.back(), parts[i]);
  }
  units.push_back(glue);
  std::vector<fs::path> objects;
  for (const fs::path& unit : units) objects.push_back(fs::path(unit).replace_extension(".o"));

  // Workers take the largest units first, so the longest compile starts at once.
  std::vector<std::size_t> order(units.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return fs::file_size(units[a]) > fs::file_size(units[b]);
  });
  std::mutex mutex;
  std::size_t next = 0;
  std::vector<std::optional<Fault>> failures(units.size());
  Cancellation* const cancellation = current_cancellation();
  const auto worker = [&] {
    current_cancellation() = cancellation;
    for (;;) {
      std::size_t unit = 0;
      {
        std::lock_guard lock(mutex);
        if (next == order.size()) return;
        unit = order[next++];
      }
      std::vector<std::string> argv = compile;
      argv.insert(argv.end(), {"-c", units[unit].string(), "-o", objects[unit].string()});
      try {
        run_step(argv, "the C compiler (" + units[unit].filename().string() + ")", label);
      } catch (const Fault& fault) {
        failures[unit] = fault;
      }
    }
  };
  std::vector<std::future<void>> workers;
  for (std::size_t i = 0; i < std::min(cores, units.size()); ++i)
    workers.push_back(std::async(std::launch::async, worker));
  for (auto& w : workers) w.get();
  for (const auto& failure : failures)
    if (failure) throw *failure;

  std::vector<std::string> argv = compiler_;
  argv.insert(argv.end(), {"-shared"});
  for (const fs::path& object : objects) argv.push_back(object.string());
  argv.insert(argv.end(), link_tail.begin(), link_tail.end());
  run_step(argv, "the linker", label);
}

}  // namespace hdk_host::aot
