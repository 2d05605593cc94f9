#include "tcc_store.hpp"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <system_error>
#include <vector>

#include <unistd.h>

#include "artifact_cache.hpp"
#include "hdk_host/fault.hpp"
#include "process.hpp"

namespace hdk_host::aot {
namespace {

namespace fs = std::filesystem;

// CSources as one payload: each text preceded by its length (u64, little endian).
std::string pack(const CSources& sources) {
  std::string out;
  for (const std::string* text : {&sources.module_c, &sources.module_h, &sources.glue_c}) {
    std::uint64_t size = text->size();
    for (int i = 0; i < 8; ++i, size >>= 8) out.push_back(static_cast<char>(size & 0xff));
    out += *text;
  }
  return out;
}

std::optional<CSources> unpack(const std::vector<std::uint8_t>& payload) {
  CSources sources;
  std::size_t at = 0;
  for (std::string* text : {&sources.module_c, &sources.module_h, &sources.glue_c}) {
    if (payload.size() - at < 8) return std::nullopt;
    std::uint64_t size = 0;
    for (int i = 7; i >= 0; --i) size = (size << 8) | payload[at + static_cast<std::size_t>(i)];
    at += 8;
    if (payload.size() - at < size) return std::nullopt;
    text->assign(payload.begin() + static_cast<std::ptrdiff_t>(at),
                 payload.begin() + static_cast<std::ptrdiff_t>(at + size));
    at += size;
  }
  if (at != payload.size()) return std::nullopt;
  return sources;
}

// Code tcc made in this process, by key, while some module holds it.
struct MemoryCache {
  std::mutex mutex;
  std::map<std::string, std::weak_ptr<const Library>> libraries;
};
MemoryCache& memory_cache() {
  static MemoryCache cache;
  return cache;
}

std::shared_ptr<const Library> in_memory(const std::string& key) {
  MemoryCache& cache = memory_cache();
  std::lock_guard lock(cache.mutex);
  const auto it = cache.libraries.find(key);
  return it == cache.libraries.end() ? nullptr : it->second.lock();
}

std::shared_ptr<const Library> remember(const std::string& key,
                                        std::shared_ptr<const Library> library) {
  MemoryCache& cache = memory_cache();
  std::lock_guard lock(cache.mutex);
  for (auto it = cache.libraries.begin(); it != cache.libraries.end();)
    it = it->second.expired() ? cache.libraries.erase(it) : std::next(it);
  cache.libraries[key] = library;
  return library;
}

void remove_quietly(const fs::path& path) {
  std::error_code ignored;
  fs::remove(path, ignored);
}

}  // namespace

TccStore::TccStore(fs::path dir, TccCompiler compiler)
    : dir_(std::move(dir)), compiler_(std::move(compiler)) {
  std::error_code error;
  fs::create_directories(dir_, error);
  if (error || !fs::is_directory(dir_))
    throw Fault(FaultKind::EngineUnavailable,
                "tcc engine: cannot create the cache directory " + dir_.string());
}

std::string TccStore::key_of(std::span<const std::uint8_t> wasm) const {
  return Hasher().add(compiler_.fingerprint()).add(wasm).hex();
}

CodeStore::Loaded TccStore::load(const std::string& key, const std::string& label) {
  if (std::shared_ptr<const Library> library = in_memory(key)) return {library, "memory cache"};
  const fs::path path = source_path(key);
  if (!fs::exists(path)) return {};
  std::optional<std::vector<std::uint8_t>> payload = read_artifact(path);
  std::optional<CSources> sources = payload ? unpack(*payload) : std::nullopt;
  if (!sources) {
    remove_quietly(path);
    return {};
  }
  try {
    return {remember(key, compiler_.compile(*sources, label)), "compiled (C from the file cache)"};
  } catch (const Fault&) {
    remove_quietly(path);  // intact but not compilable here: translate again
    return {};
  }
}

void TccStore::discard(const std::string& key) { remove_quietly(source_path(key)); }

void TccStore::store_sources(const std::string& key, const CSources& sources) const {
  std::string staged = (dir_ / "build-XXXXXX").string();
  const int fd = mkstemp(staged.data());
  if (fd < 0) return;  // no cache entry; the code is still good
  close(fd);
  try {
    {
      const std::string payload = pack(sources);
      std::ofstream out(staged, std::ios::binary);
      out.write(payload.data(), static_cast<std::streamsize>(payload.size()));
      if (!out)
        throw fs::filesystem_error("write", staged, std::make_error_code(std::errc::io_error));
    }
    publish_artifact(staged, source_path(key));
  } catch (const fs::filesystem_error&) {
    remove_quietly(staged);
  }
}

std::shared_ptr<const Library> TccStore::build(std::span<const std::uint8_t> wasm,
                                               const std::string& key, const ModuleInfo& info,
                                               const std::string& label) {
  const CSources sources = translate_to_c(wasm, info, label);
  // A background compile stopped meanwhile (tiered.cpp) need not compile too.
  if (const Cancellation* stop = current_cancellation(); stop && stop->cancelled())
    throw Fault(FaultKind::Compile, label + ": tcc: stopped");
  std::shared_ptr<const Library> library = compiler_.compile(sources, label);
  store_sources(key, sources);  // only C that compiled
  return remember(key, std::move(library));
}

}  // namespace hdk_host::aot
