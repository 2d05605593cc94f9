#include "hdk_host/host.hpp"

#include <cstring>
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

namespace {

// Where rmp-serde's `{"Ok": bin}` (fixmap 1, fixstr "Ok", bin 8/16/32) puts
// the output, if `bytes` is exactly that; nullopt for anything else.
struct OutputSpan {
  std::size_t offset;
  std::size_t size;
};
std::optional<OutputSpan> ok_output(const std::vector<std::uint8_t>& bytes) {
  constexpr std::uint8_t kOkHeader[] = {0x81, 0xa2, 'O', 'k'};
  const std::size_t n = bytes.size();
  if (n < sizeof kOkHeader + 2 || std::memcmp(bytes.data(), kOkHeader, sizeof kOkHeader) != 0)
    return std::nullopt;
  std::size_t at = sizeof kOkHeader;
  std::size_t width = 0;
  switch (bytes[at++]) {
    case 0xc4:
      width = 1;
      break;
    case 0xc5:
      width = 2;
      break;
    case 0xc6:
      width = 4;
      break;
    default:
      return std::nullopt;
  }
  if (n < at + width) return std::nullopt;
  std::size_t size = 0;
  for (std::size_t i = 0; i < width; ++i) size = size << 8 | bytes[at + i];
  at += width;
  if (n - at != size) return std::nullopt;  // short, or trailing bytes: the full parse says which
  return OutputSpan{at, size};
}

}  // namespace

CallResult CallResult::from_result_bytes(std::vector<std::uint8_t> bytes, std::string_view where) {
  CallResult result;
  if (const std::optional<OutputSpan> ok = ok_output(bytes)) {
    result.output_offset_ = ok->offset;
    result.output_size_ = ok->size;
    result.raw_ = std::move(bytes);
    return result;
  }
  hdk::ExternResult<hdk::ExternIO> decoded;
  hdk::DecodeError err;
  if (!hdk::decode(bytes, decoded, err)) {
    result.fault_ = Fault(FaultKind::BadResult, (where.empty() ? "" : std::string(where) + ": ") +
                                                    "the result is not a msgpack Result<ExternIO, "
                                                    "WasmError> (" +
                                                    err.message + ")");
    return result;
  }
  if (decoded.is_ok()) {
    // An Ok in another valid form (a str8 key, say): its output decoded apart.
    result.raw_ = std::move(bytes);
    result.parsed_output_ = std::move(decoded.value().bytes);
    return result;
  }
  result.raw_ = std::move(bytes);
  result.error_ = std::move(decoded).error();
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
    // The conductor's rules first, so nothing runs in (and no compiler is
    // run over) a module it would refuse. Only the interface is read here:
    // every engine's compile validates the whole module.
    const ModuleInfo info = read_module_interface(wasm, name);
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
