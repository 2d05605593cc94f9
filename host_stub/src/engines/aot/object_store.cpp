#include "object_store.hpp"

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <system_error>
#include <vector>

#include "artifact_cache.hpp"
#include "c_translation.hpp"
#include "hdk_host/fault.hpp"

namespace hdk_host::aot {
namespace {

namespace fs = std::filesystem;

// A private build directory inside the store (same file system, so a finished
// file can be renamed into place), removed with everything in it.
class WorkDir {
 public:
  explicit WorkDir(const fs::path& parent) {
    std::string pattern = (parent / "build-XXXXXX").string();
    if (!mkdtemp(pattern.data()))
      throw Fault(FaultKind::Compile, "aot: cannot create a build directory in " + parent.string());
    path_ = pattern;
  }
  ~WorkDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  WorkDir(const WorkDir&) = delete;
  WorkDir& operator=(const WorkDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

void write_bytes(const fs::path& path, const std::vector<std::uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
  if (!out) throw Fault(FaultKind::Compile, "aot: cannot write " + path.string());
}

void remove_quietly(const fs::path& path) {
  std::error_code ignored;
  fs::remove(path, ignored);
}

}  // namespace

ObjectStore::ObjectStore(fs::path dir, Toolchain toolchain)
    : dir_(std::move(dir)), toolchain_(std::move(toolchain)) {
  std::error_code error;
  fs::create_directories(dir_, error);
  if (error || !fs::is_directory(dir_))
    throw Fault(FaultKind::EngineUnavailable,
                "aot engine: cannot create the cache directory " + dir_.string());
  remove_abandoned_builds();
}

// Build directories a process left behind when it died mid-build. A day old
// is surely abandoned: no build takes that long.
void ObjectStore::remove_abandoned_builds() const {
  const auto cutoff = fs::file_time_type::clock::now() - std::chrono::hours(24);
  std::error_code error;
  for (fs::directory_iterator it(dir_, error), end; !error && it != end; it.increment(error)) {
    std::error_code ignored;
    if (it->path().filename().string().starts_with("build-") &&
        it->last_write_time(ignored) < cutoff)
      fs::remove_all(it->path(), ignored);
  }
}

std::string ObjectStore::key_of(std::span<const std::uint8_t> wasm) const {
  return Hasher().add(toolchain_.fingerprint()).add(wasm).hex();
}

CodeStore::Loaded ObjectStore::load(const std::string& key, const std::string&) {
  const fs::path path = object_path(key);
  if (!fs::exists(path)) return {};
  // Checked before dlopen: the loader trusts what it maps.
  if (!artifact_is_valid(path)) {
    remove_quietly(path);
    return {};
  }
  try {
    return {Library::open(path), "file cache"};
  } catch (const std::runtime_error&) {
    remove_quietly(path);  // intact but unusable (say, another toolchain's): rebuild
    return {};
  }
}

void ObjectStore::discard(const std::string& key) { remove_quietly(object_path(key)); }

void ObjectStore::provide_runtime(const fs::path& work_dir, const fs::path& out) const {
  const fs::path cached = dir_ / ("runtime-" + toolchain_.fingerprint() + ".o");
  if (std::optional<std::vector<std::uint8_t>> object = read_artifact(cached)) {
    write_bytes(out, *object);
    return;
  }
  toolchain_.build_runtime(work_dir, out);
  const fs::path staged = work_dir / "runtime.staged";
  fs::copy_file(out, staged);
  publish_artifact(staged, cached);
}

std::shared_ptr<const Library> ObjectStore::build(std::span<const std::uint8_t> wasm,
                                                  const std::string& key, const ModuleInfo& info,
                                                  const std::string& label) {
  const fs::path path = object_path(key);
  try {
    WorkDir work(dir_);
    const fs::path runtime = work.path() / "runtime.o";
    provide_runtime(work.path(), runtime);
    const CSources sources = translate_to_c(wasm, info, label);
    const fs::path built = work.path() / "module.so";
    toolchain_.build_module(sources, label, work.path(), runtime, built);
    publish_artifact(built, path);
  } catch (const fs::filesystem_error& error) {
    throw Fault(FaultKind::Compile, label + ": cannot store the compiled module: " + error.what());
  }
  try {
    return Library::open(path);
  } catch (const std::runtime_error& error) {
    throw Fault(FaultKind::Compile, label + ": the compiled module does not load: " + error.what());
  }
}

}  // namespace hdk_host::aot
