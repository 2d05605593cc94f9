// A compiled module's shared object, loaded and bound to GlueApi.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "glue.hpp"

namespace hdk_host::aot {

class Library {
 public:
  /// dlopen()s `path`, binds every hdk_aot_* function and runs the module's
  /// one-time initialisation. Throws std::runtime_error (with dlerror()'s
  /// text) when the object does not load or is not one of ours.
  static std::shared_ptr<const Library> open(const std::filesystem::path& path);

  ~Library();
  Library(const Library&) = delete;
  Library& operator=(const Library&) = delete;

  const GlueApi& api() const { return api_; }

 private:
  explicit Library(void* handle) : handle_(handle) {}
  void* handle_;
  GlueApi api_{};
};

}  // namespace hdk_host::aot
