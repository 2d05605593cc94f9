// The tcc back-end: wasm2c's C compiled by libtcc into this process's memory
// (no compiler process, no temporary files, no dlopen), with the prelude tcc
// needs for what wasm2c's output and wabt's runtime take from GCC.
#pragma once

#include <memory>
#include <string>

#include "c_translation.hpp"
#include "library.hpp"

namespace hdk_host::aot {

class TccCompiler {
 public:
  /// libtcc with its runtime library (libtcc1.a) and wabt's runtime sources,
  /// or Fault(EngineUnavailable) saying what is missing.
  static TccCompiler find();

  /// What decides the code compile() makes: libtcc's version, the prelude,
  /// the glue, wabt's runtime sources.
  const std::string& fingerprint() const { return fingerprint_; }

  /// Compiles the module, its glue and wabt's runtime into memory and binds
  /// them. Throws Fault(Compile) with tcc's messages.
  std::shared_ptr<const Library> compile(const CSources& sources, const std::string& label) const;

 private:
  std::string lib_dir_;         // tcc's include/ and libtcc1.a
  std::string rt_include_dir_;  // wasm-rt.h
  std::string rt_impl_dir_;     // wasm-rt-impl.c
  std::string fingerprint_;
};

}  // namespace hdk_host::aot
