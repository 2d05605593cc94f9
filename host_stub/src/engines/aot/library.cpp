#include "library.hpp"

#include <mutex>
#include <stdexcept>

#include <dlfcn.h>

namespace hdk_host::aot {
namespace {

// dlerror() is per thread, but a module's init and the loader's own state
// are not worth reasoning about concurrently: loads are rare.
std::recursive_mutex& load_mutex() {
  static std::recursive_mutex mutex;  // a failed bind closes the handle while open() holds it
  return mutex;
}

template <typename Fn>
void bind_one(const Library::Lookup& lookup, const char* name, Fn& out) {
  void* symbol = lookup(name);
  if (!symbol) throw std::runtime_error(std::string("missing ") + name);
  out = reinterpret_cast<Fn>(symbol);
}

}  // namespace

std::shared_ptr<const Library> Library::bind(std::shared_ptr<void> owner, const Lookup& lookup) {
  std::shared_ptr<Library> library(new Library(std::move(owner)));
  GlueApi& api = library->api_;
  bind_one(lookup, "hdk_aot_init", api.init);
  bind_one(lookup, "hdk_aot_fini", api.fini);
  bind_one(lookup, "hdk_aot_module_info", api.module_info);
  bind_one(lookup, "hdk_aot_import_count", api.import_count);
  bind_one(lookup, "hdk_aot_export_count", api.export_count);
  bind_one(lookup, "hdk_aot_export_function", api.export_function);
  bind_one(lookup, "hdk_aot_create", api.create);
  bind_one(lookup, "hdk_aot_destroy", api.destroy);
  bind_one(lookup, "hdk_aot_memory", api.memory);
  bind_one(lookup, "hdk_aot_memory_written", api.memory_written);
  bind_one(lookup, "hdk_aot_snapshot_supported", api.snapshot_supported);
  bind_one(lookup, "hdk_aot_snapshot_take", api.snapshot_take);
  bind_one(lookup, "hdk_aot_snapshot_free", api.snapshot_free);
  bind_one(lookup, "hdk_aot_restore", api.restore);
  bind_one(lookup, "hdk_aot_instantiate", api.instantiate);
  bind_one(lookup, "hdk_aot_call_ii_j", api.call_ii_j);
  bind_one(lookup, "hdk_aot_call_i_i", api.call_i_i);
  bind_one(lookup, "hdk_aot_call_ii_v", api.call_ii_v);
  bind_one(lookup, "hdk_aot_call_v_i", api.call_v_i);
  bind_one(lookup, "hdk_aot_zome_call", api.zome_call);
  const std::uint32_t version = api.init();
  library->initialized_ = true;
  if (version != kGlueVersion)
    throw std::runtime_error("glue version " + std::to_string(version) + ", expected " +
                             std::to_string(kGlueVersion));
  return library;
}

Library::~Library() {
  // Before owner_ unloads the code: the registry init filled is the code's.
  if (initialized_) api_.fini();
}

std::shared_ptr<const Library> Library::open(const std::filesystem::path& path) {
  std::lock_guard lock(load_mutex());
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* why = dlerror();
    throw std::runtime_error(why ? why : "dlopen failed");
  }
  std::shared_ptr<void> owner(handle, [](void* h) {
    std::lock_guard lock(load_mutex());
    dlclose(h);
  });
  return bind(std::move(owner), [handle](const char* name) { return dlsym(handle, name); });
}

}  // namespace hdk_host::aot
