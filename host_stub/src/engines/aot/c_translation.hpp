// A module as C: wasm2c's translation (wabt's C writer, run in this process)
// of the module with loop ticks, and the glue that binds it to the host. Both
// of the compiled engines' back-ends (cc, tcc) start from this text, so the
// translation and the glue exist once.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hdk_host/module_info.hpp"

namespace hdk_host::aot {

/// The header name wasm2c's .c and the glue include.
inline constexpr std::string_view kModuleHeaderFile = "m.h";

struct CSources {
  std::string module_c;  // wasm2c's .c; includes kModuleHeaderFile
  std::string module_h;  // wasm2c's .h
  std::string glue_c;    // generate_glue(); includes kModuleHeaderFile
};

/// What decides the text translate_to_c() writes (wabt's version): part of cache keys.
std::string translator_identity();

/// Translates `wasm` (already read and validated into `info`) to C, as the
/// wasm2c tool of the same wabt does, with a loop tick in every loop
/// (loop_ticks.hpp). Throws Fault(Compile) when wabt cannot.
CSources translate_to_c(std::span<const std::uint8_t> wasm, const ModuleInfo& info,
                        const std::string& label);

/// `source` with its `#include "<header_file>"` line replaced by `header`:
/// one self-contained text for a compiler that reads no files.
std::string inline_header(std::string_view source, std::string_view header_file,
                          std::string_view header);

/// wasm2c's .c cut into `parts` translation units that compile in parallel
/// and link into the same program: [0] keeps everything but the function
/// bodies (data, tables, exports, initialisation), [1..] share the bodies
/// out, each with the declarations they use. Returns {module_c} when the text
/// is not laid out as wabt 1.0.32 writes it or parts < 2.
std::vector<std::string> split_module_c(std::string_view module_c, std::size_t parts);

}  // namespace hdk_host::aot
