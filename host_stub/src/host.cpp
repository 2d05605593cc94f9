#include "hdk_host/host.hpp"

#include <fstream>
#include <iterator>

#include "hdk_host/abi_rules.hpp"
#include "hdk_host/module_cache.hpp"
#include "hdk_host/module_info.hpp"
#include "zomes.hpp"

namespace hdk_host {

CallResult CallResult::from_fault(Fault fault) {
  CallResult result;
  result.fault_ = std::move(fault);
  return result;
}

CallResult CallResult::from_result_bytes(std::vector<std::uint8_t> bytes, std::string_view where) {
  CallResult result;
  hdk::ExternResult<hdk::ExternIO> decoded;
  hdk::DecodeError err;
  if (!hdk::decode(bytes, decoded, err)) {
    result.fault_ =
        Fault(FaultKind::BadResult, std::string(where) +
                                        ": the result is not a msgpack Result<ExternIO, "
                                        "WasmError> (" +
                                        err.message + ")");
    return result;
  }
  result.raw_ = std::move(bytes);
  if (decoded.is_ok()) {
    result.output_ = std::move(decoded.value().bytes);
  } else {
    result.error_ = std::move(decoded).error();
  }
  return result;
}

std::string CallResult::describe() const {
  if (fault_) return std::string(to_string(fault_->kind())) + ": " + fault_->what();
  if (error_) {
    const std::string message = error_->message();
    return "Err(" + std::string(error_->kind()) + (message.empty() ? "" : ": " + message) + ")";
  }
  return "ok";
}

Host::Host(std::shared_ptr<Engine> engine, HostOptions options)
    : engine_(std::move(engine)), options_(std::move(options)) {}

std::shared_ptr<Zome> Host::load_wasm_file(const std::filesystem::path& path, std::string name) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Fault(FaultKind::InvalidModule, path.string() + ": cannot open");
  const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), {});
  if (name.empty()) name = path.stem().string();
  return load_wasm(bytes, std::move(name));
}

std::shared_ptr<Zome> Host::load_wasm(std::span<const std::uint8_t> wasm, std::string name) {
  const auto t0 = std::chrono::steady_clock::now();
  const auto build = [&] {
    // The conductor's rules first, so nothing runs in a module it would refuse.
    const ModuleInfo info = read_module_info(wasm, name);
    AbiReport report = check_zome_abi(info.imports, info.exports);
    if (!report.ok()) {
      const AbiError& first = report.errors.front();
      throw Fault(first.kind, "zome `" + name + "` " + first.text);
    }
    return ModuleCache::Entry{engine_->compile(wasm, name), std::move(report.zome_functions)};
  };
  bool hit = false;
  ModuleCache::Entry entry = ModuleCache::global().get_or_build(*engine_, wasm, build, hit);
  last_load_.origin = hit ? "memory cache" : std::string(entry.module->origin());
  last_load_.duration = std::chrono::steady_clock::now() - t0;
  return make_wasm_zome(std::move(name), std::move(entry.module), std::string(engine_->name()),
                        std::move(entry.functions), options_);
}

std::shared_ptr<Zome> Host::load_native(const std::filesystem::path& path, std::string name) {
  if (name.empty()) {
    name = path.stem().string();
    if (name.rfind("lib", 0) == 0) name = name.substr(3);
  }
  return make_native_zome(path, std::move(name));
}

CallResult Host::call(Zome& zome, std::string_view function,
                      std::span<const std::uint8_t> input_msgpack) {
  CallContext context;
  const auto input = extern_input_bytes(input_msgpack);
  return zome.call(function, input, context);
}

}  // namespace hdk_host
