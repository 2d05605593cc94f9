#include "library.hpp"

#include <mutex>
#include <stdexcept>

#include <dlfcn.h>

namespace hdk_host::aot {
namespace {

// dlerror() is per thread, but a module's init and the loader's own state
// are not worth reasoning about concurrently: loads are rare.
std::mutex& load_mutex() {
  static std::mutex mutex;
  return mutex;
}

template <typename Fn>
void bind(void* handle, const char* name, Fn& out) {
  void* symbol = dlsym(handle, name);
  if (!symbol) throw std::runtime_error(std::string("missing ") + name);
  out = reinterpret_cast<Fn>(symbol);
}

}  // namespace

std::shared_ptr<const Library> Library::open(const std::filesystem::path& path) {
  std::lock_guard lock(load_mutex());
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* why = dlerror();
    throw std::runtime_error(why ? why : "dlopen failed");
  }
  std::shared_ptr<Library> library(new Library(handle));
  GlueApi& api = library->api_;
  bind(handle, "hdk_aot_init", api.init);
  bind(handle, "hdk_aot_module_info", api.module_info);
  bind(handle, "hdk_aot_import_count", api.import_count);
  bind(handle, "hdk_aot_export_count", api.export_count);
  bind(handle, "hdk_aot_export_function", api.export_function);
  bind(handle, "hdk_aot_create", api.create);
  bind(handle, "hdk_aot_destroy", api.destroy);
  bind(handle, "hdk_aot_memory", api.memory);
  bind(handle, "hdk_aot_instantiate", api.instantiate);
  bind(handle, "hdk_aot_call_ii_j", api.call_ii_j);
  bind(handle, "hdk_aot_call_i_i", api.call_i_i);
  bind(handle, "hdk_aot_call_ii_v", api.call_ii_v);
  bind(handle, "hdk_aot_call_v_i", api.call_v_i);
  const std::uint32_t version = api.init();
  if (version != kGlueVersion)
    throw std::runtime_error("glue version " + std::to_string(version) + ", expected " +
                             std::to_string(kGlueVersion));
  return library;
}

Library::~Library() {
  std::lock_guard lock(load_mutex());
  dlclose(handle_);
}

}  // namespace hdk_host::aot
