// hdk-check ZOME.wasm: lists a zome's imports and exports and fails when a
// Holochain conductor would refuse it (see hdk_host/abi_rules.hpp).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include <hdk/release.hpp>
#include <nlohmann/json.hpp>

#include "hdk_host/abi_rules.hpp"
#include "hdk_host/float_use.hpp"
#include "hdk_host/module_info.hpp"

namespace {

const char* kUsage =
    "usage: hdk-check [--json] [--quiet] [--determinism] ZOME.wasm\n"
    "       hdk-check --version\n"
    "  Lists imports and exports; exits 1 when the module would not load in a\n"
    "  conductor of the release hdk-cpp follows (imports other than its\n"
    "  env.__hc__* host functions, no memory or allocator exports, zome\n"
    "  functions not (i32, i32) -> i64, const functions\n"
    "  __num_entry_types/__num_link_types not () -> i32).\n"
    "  --determinism also lists, per function, the float and SIMD instructions\n"
    "  (whose NaN bits engines may choose), and warns when an integrity zome\n"
    "  (one exporting validate, entry_defs or the entry/link type counts) has\n"
    "  any that can make a NaN: validation must answer alike on every peer.\n";

std::string join_ops(const std::map<std::string, std::size_t>& ops) {
  std::string out;
  for (const auto& [name, count] : ops)
    out += (out.empty() ? "" : ", ") + name + (count > 1 ? " x" + std::to_string(count) : "");
  return out;
}

nlohmann::json float_use_json(const hdk_host::FloatUseReport& use) {
  nlohmann::json out;
  out["integrity"] = use.integrity;
  out["integrity_exports"] = use.integrity_exports;
  out["functions"] = nlohmann::json::array();
  for (const auto& f : use.functions)
    out["functions"].push_back({{"name", f.name},
                                {"index", f.index},
                                {"float", f.float_ops},
                                {"simd", f.simd_ops},
                                {"may_make_nans", f.may_make_nans}});
  out["warn"] = use.integrity && use.any_nan_makers();
  return out;
}

/// The listing, then the warning for an integrity zome; nothing for integer-only code.
void print_float_use(const std::string& path, const hdk_host::FloatUseReport& use, bool quiet) {
  if (use.functions.empty()) return;
  if (!quiet)
    std::cout << "float and SIMD instructions by function (NaN bits are the engine's where marked "
                 "*):\n";
  for (const auto& f : use.functions) {
    if (quiet) break;
    std::cout << "  " << (f.may_make_nans ? "* " : "  ") << f.name << ": " << join_ops(f.float_ops);
    if (!f.simd_ops.empty())
      std::cout << (f.float_ops.empty() ? "" : "; ") << "SIMD " << join_ops(f.simd_ops);
    std::cout << "\n";
  }
  if (!use.integrity || !use.any_nan_makers()) return;
  std::size_t makers = 0;
  for (const auto& f : use.functions) makers += f.may_make_nans ? 1 : 0;
  std::string exports;
  for (const auto& e : use.integrity_exports) exports += (exports.empty() ? "" : ", ") + e;
  std::cout.flush();  // the listing before the warning, when both go to one pipe
  std::cerr << "hdk-check: " << path << ": warning: an integrity zome (it exports " << exports
            << ") with " << makers
            << " function(s) whose float or SIMD results may be NaNs of engine-chosen bits; "
               "validation must answer alike on every peer (docs/determinism.md)\n";
}

std::string type_of(hdk_host::ExternKind kind, const hdk_host::FuncType& type) {
  return kind == hdk_host::ExternKind::Func ? hdk_host::describe(type) : "";
}

}  // namespace

int main(int argc, char** argv) {
  bool json = false;
  bool quiet = false;
  bool determinism = false;
  std::string path;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--json") {
      json = true;
    } else if (arg == "--quiet") {
      quiet = true;
    } else if (arg == "--determinism") {
      determinism = true;
    } else if (arg == "-h" || arg == "--help") {
      std::cout << kUsage;
      return 0;
    } else if (arg == "--version") {
      std::cout << "hdk-check (hdk-cpp) for " << hdk::release::kSummary << "\n";
      return 0;
    } else if (path.empty() && (arg.empty() || arg[0] != '-')) {
      path = arg;
    } else {
      std::cerr << kUsage;
      return 2;
    }
  }
  if (path.empty()) {
    std::cerr << kUsage;
    return 2;
  }

  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "hdk-check: " << path << ": cannot open\n";
    return 1;
  }
  const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), {});

  hdk_host::ModuleInfo info;
  try {
    info = hdk_host::read_module_info(bytes, path);
  } catch (const hdk_host::Fault& fault) {
    std::cerr << "hdk-check: " << fault.what() << "\n";
    return 1;
  }
  const hdk_host::AbiReport report = hdk_host::check_zome_abi(info.imports, info.exports);
  hdk_host::FloatUseReport float_use;
  if (determinism) {
    try {
      float_use = hdk_host::read_float_use(bytes, path);
    } catch (const hdk_host::Fault& fault) {
      std::cerr << "hdk-check: " << fault.what() << "\n";
      return 1;
    }
  }

  if (json) {
    nlohmann::json out;
    out["module"] = path;
    out["release"] = hdk::release::kName;
    out["size"] = bytes.size();
    out["ok"] = report.ok();
    out["imports"] = nlohmann::json::array();
    for (const auto& imp : info.imports)
      out["imports"].push_back({{"module", imp.module},
                                {"name", imp.name},
                                {"kind", hdk_host::to_string(imp.kind)},
                                {"type", type_of(imp.kind, imp.type)}});
    out["exports"] = nlohmann::json::array();
    for (const auto& exp : info.exports)
      out["exports"].push_back({{"name", exp.name},
                                {"kind", hdk_host::to_string(exp.kind)},
                                {"type", type_of(exp.kind, exp.type)}});
    out["zome_functions"] = report.zome_functions;
    out["const_functions"] = report.const_functions;
    out["unprovided_host_functions"] = report.unprovided_host_functions;
    out["errors"] = nlohmann::json::array();
    for (const auto& error : report.errors)
      out["errors"].push_back({{"kind", hdk_host::to_string(error.kind)}, {"text", error.text}});
    if (determinism) out["determinism"] = float_use_json(float_use);
    std::cout << out.dump(2) << "\n";
  } else if (!quiet || !report.ok()) {
    if (!quiet) {
      std::cout << path << " (" << bytes.size() << " bytes)\n";
      std::cout << "imports:\n";
      for (const auto& imp : info.imports)
        std::cout << "  " << imp.module << "." << imp.name << "  " << hdk_host::to_string(imp.kind)
                  << " " << type_of(imp.kind, imp.type) << "\n";
      std::cout << "exports:\n";
      for (const auto& exp : info.exports)
        std::cout << "  " << exp.name << "  " << hdk_host::to_string(exp.kind) << " "
                  << type_of(exp.kind, exp.type) << "\n";
    }
    for (const auto& error : report.errors)
      std::cerr << "hdk-check: " << path << ": " << error.text << " ["
                << hdk_host::to_string(error.kind) << "]\n";
    if (!quiet && report.ok()) {
      if (!report.unprovided_host_functions.empty()) {
        std::cout << "note: a " << hdk::release::kName
                  << " conductor provides every import; the hdk-cpp host stub answers ";
        for (std::size_t i = 0; i < report.unprovided_host_functions.size(); ++i)
          std::cout << (i ? ", " : "") << report.unprovided_host_functions[i];
        std::cout << " with an error\n";
      }
      std::cout << "ok: " << report.zome_functions.size() << " zome function(s)";
      if (!report.const_functions.empty())
        std::cout << ", " << report.const_functions.size() << " const function(s)";
      std::cout << "\n";
    }
  }
  if (determinism && !json) print_float_use(path, float_use, quiet);
  return report.ok() ? 0 : 1;
}
