// A compiled module's code, loaded and bound to GlueApi: a shared object
// (dlopen) from the cc back-end, or code tcc compiled into this process.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "glue.hpp"

namespace hdk_host::aot {

class Library {
 public:
  /// Looks up one of the glue's hdk_aot_* functions by name; null if absent.
  using Lookup = std::function<void*(const char* name)>;

  /// dlopen()s `path`, binds every hdk_aot_* function and runs the module's
  /// one-time initialisation. Throws std::runtime_error (with dlerror()'s
  /// text) when the object does not load or is not one of ours.
  static std::shared_ptr<const Library> open(const std::filesystem::path& path);

  /// Binds code that is already in memory: `owner` keeps it there (and is
  /// released with the Library); `lookup` finds its functions. Throws
  /// std::runtime_error as open() does.
  static std::shared_ptr<const Library> bind(std::shared_ptr<void> owner, const Lookup& lookup);

  ~Library();
  Library(const Library&) = delete;
  Library& operator=(const Library&) = delete;

  const GlueApi& api() const { return api_; }

 private:
  explicit Library(std::shared_ptr<void> owner) : owner_(std::move(owner)) {}
  std::shared_ptr<void> owner_;
  GlueApi api_{};
  bool initialized_ = false;
};

}  // namespace hdk_host::aot
