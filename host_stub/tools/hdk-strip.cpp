// hdk-strip ZOME.wasm [-o OUT.wasm]: removes the runtime exports Emscripten
// adds to every standalone module (_initialize, stackSave, ...), so a zome
// exports only Holochain's ABI. Other exports are kept as they are.
#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include <wabt/binary-reader-ir.h>
#include <wabt/binary-reader.h>
#include <wabt/binary-writer.h>
#include <wabt/cast.h>
#include <wabt/feature.h>
#include <wabt/ir.h>
#include <wabt/stream.h>

namespace {

// Emscripten's runtime exports (emcc's REQUIRED_EXPORTS and standalone crt).
constexpr std::array<std::string_view, 12> kRuntimeExports = {"_initialize",
                                                              "_start",
                                                              "stackSave",
                                                              "stackRestore",
                                                              "stackAlloc",
                                                              "__errno_location",
                                                              "__indirect_function_table",
                                                              "emscripten_stack_init",
                                                              "emscripten_stack_get_free",
                                                              "emscripten_stack_get_base",
                                                              "emscripten_stack_get_end",
                                                              "__wasm_call_ctors"};

bool is_runtime_export(std::string_view name) {
  return std::find(kRuntimeExports.begin(), kRuntimeExports.end(), name) != kRuntimeExports.end();
}

}  // namespace

int main(int argc, char** argv) {
  std::string in_path;
  std::string out_path;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "-o" && i + 1 < argc) {
      out_path = argv[++i];
    } else if (in_path.empty() && !arg.empty() && arg[0] != '-') {
      in_path = arg;
    } else {
      std::cerr << "usage: hdk-strip ZOME.wasm [-o OUT.wasm]\n";
      return 2;
    }
  }
  if (in_path.empty()) {
    std::cerr << "usage: hdk-strip ZOME.wasm [-o OUT.wasm]\n";
    return 2;
  }
  if (out_path.empty()) out_path = in_path;

  std::ifstream in(in_path, std::ios::binary);
  if (!in) {
    std::cerr << "hdk-strip: " << in_path << ": cannot open\n";
    return 1;
  }
  const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), {});

  wabt::Errors errors;
  wabt::Module module;
  wabt::Features features;
  const wabt::ReadBinaryOptions read_options(features, nullptr, /*read_debug_names=*/true,
                                             /*stop_on_first_error=*/true,
                                             /*fail_on_custom_section_error=*/false);
  if (wabt::Failed(wabt::ReadBinaryIr(in_path.c_str(), bytes.data(), bytes.size(), read_options,
                                      &errors, &module))) {
    std::cerr << "hdk-strip: " << in_path << ": not a valid wasm module"
              << (errors.empty() ? "" : ": " + errors.front().message) << "\n";
    return 1;
  }

  std::size_t removed = 0;
  auto& exports = module.exports;
  exports.erase(std::remove_if(exports.begin(), exports.end(),
                               [&](const wabt::Export* exp) {
                                 const bool drop = is_runtime_export(exp->name);
                                 removed += drop;
                                 return drop;
                               }),
                exports.end());
  for (auto it = module.fields.begin(); it != module.fields.end();) {
    auto* field = wabt::dyn_cast<wabt::ExportModuleField>(&*it);
    if (field && is_runtime_export(field->export_.name)) {
      it = module.fields.erase(it);
    } else {
      ++it;
    }
  }

  wabt::MemoryStream stream;
  wabt::WriteBinaryOptions write_options;
  write_options.features = features;
  if (wabt::Failed(wabt::WriteBinaryModule(&stream, &module, write_options))) {
    std::cerr << "hdk-strip: " << in_path << ": could not write the module\n";
    return 1;
  }
  if (wabt::Failed(stream.WriteToFile(out_path))) {
    std::cerr << "hdk-strip: " << out_path << ": cannot write\n";
    return 1;
  }
  (void)removed;
  return 0;
}
