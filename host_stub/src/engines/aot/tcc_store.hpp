// The tcc back-end's store: wasm2c's C kept on disk (translating is most of
// a tcc build's time for a large module), the code tcc makes of it kept in
// memory for as long as some module of this process uses it.
//
// Layout under the store's directory: <key>.c, the module's CSources as one
// artifact (artifact_cache.hpp), and build-XXXXXX files being written.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "code_store.hpp"
#include "tcc_compiler.hpp"

namespace hdk_host::aot {

class TccStore final : public CodeStore {
 public:
  /// Creates `dir` if needed; throws Fault(EngineUnavailable) if it cannot.
  TccStore(std::filesystem::path dir, TccCompiler compiler);

  std::string key_of(std::span<const std::uint8_t> wasm) const override;
  Loaded load(const std::string& key, const std::string& label) override;
  void discard(const std::string& key) override;
  std::shared_ptr<const Library> build(std::span<const std::uint8_t> wasm, const std::string& key,
                                       const ModuleInfo& info, const std::string& label) override;

 private:
  std::filesystem::path source_path(const std::string& key) const { return dir_ / (key + ".c"); }
  void store_sources(const std::string& key, const CSources& sources) const;

  std::filesystem::path dir_;
  TccCompiler compiler_;
};

}  // namespace hdk_host::aot
