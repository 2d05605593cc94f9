// The zome host: loads zomes (wasm on any engine, or native-mode libraries)
// and runs zome calls on them the way a Holochain conductor does.
//
//   auto engine = hdk_host::make_engine("interp");
//   hdk_host::Host host(std::move(engine));
//   auto zome = host.load_wasm_file("hello.wasm");
//   hdk_host::CallResult r = host.call(*zome, "greet", Greeting{"Ada", 1});
//   if (r.ok()) std::string s = r.value<std::string>();
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <hdk/codec.hpp>
#include <hdk/error.hpp>
#include <hdk/extern_io.hpp>
#include <hdk/types.hpp>

#include "hdk_host/call_context.hpp"
#include "hdk_host/engine.hpp"
#include "hdk_host/fault.hpp"

namespace hdk_host {

/// How long the parts of one zome call took.
struct CallTimings {
  std::chrono::nanoseconds instantiate{0};
  std::chrono::nanoseconds call{0};  // write input, run, read result, free
};

/// The outcome of one zome call: exactly one of ok (the function's output),
/// a WasmError the zome returned, or a Fault of the host.
class CallResult {
 public:
  static CallResult from_fault(Fault fault);
  /// Decodes the exact bytes a guest returned: Result<ExternIO, WasmError>.
  /// Malformed bytes give a BadResult fault naming `where` (if not empty).
  /// An Ok is read by its header and its output viewed in place; only an
  /// Err, or an Ok in a form other than rmp-serde's, is parsed in full.
  static CallResult from_result_bytes(std::vector<std::uint8_t> bytes, std::string_view where);

  bool ok() const { return !error_ && !fault_; }
  /// The output value's msgpack (the ExternIO content), when ok(): a view
  /// of raw(), valid as long as this result.
  std::span<const std::uint8_t> output() const {
    if (parsed_output_) return *parsed_output_;
    return std::span<const std::uint8_t>(raw_).subspan(output_offset_, output_size_);
  }
  /// The error the zome returned (Err(WasmError)), if it did.
  const std::optional<hdk::WasmError>& wasm_error() const { return error_; }
  /// The host's fault (trap, bad pointer, ...), if there was one.
  const std::optional<Fault>& fault() const { return fault_; }
  /// The bytes the guest returned, byte for byte (empty on a fault).
  const std::vector<std::uint8_t>& raw() const { return raw_; }

  /// Decodes the output as T; throws Fault(BadResult) if it is not one, or
  /// rethrows the fault / reports the WasmError when the call did not succeed.
  template <class T>
  T value() const {
    if (fault_) throw *fault_;
    if (error_) throw Fault(FaultKind::HostError, "zome returned an error: " + describe());
    T out{};
    hdk::DecodeError err;
    const std::span<const std::uint8_t> bytes = output();
    if (!hdk::decode(bytes.data(), bytes.size(), out, err))
      throw Fault(FaultKind::BadResult, "output is not the expected type: " + err.message);
    return out;
  }

  /// One line: "ok", "Err(Guest: ...)" or the fault's kind and message.
  std::string describe() const;

  CallTimings timings;

 private:
  std::vector<std::uint8_t> raw_;
  std::size_t output_offset_ = 0;  // of the output in raw_
  std::size_t output_size_ = 0;
  std::optional<std::vector<std::uint8_t>> parsed_output_;  // an Ok not in rmp-serde's form
  std::optional<hdk::WasmError> error_;
  std::optional<Fault> fault_;
};

/// A loaded zome: a wasm module on an engine, or a native-mode library.
class Zome {
 public:
  virtual ~Zome() = default;
  const std::string& name() const { return name_; }
  /// The zome functions and callbacks it exports.
  virtual const std::vector<std::string>& functions() const = 0;
  /// "interp", "aot", "wasm-c-api" or "native".
  virtual std::string_view runtime() const = 0;
  /// Runs `function` on `input` (encoded ExternIO) with host calls going to
  /// `context`. Never throws for anything the guest does: faults come back
  /// in the CallResult.
  virtual CallResult call(std::string_view function, std::span<const std::uint8_t> input,
                          CallContext& context) = 0;
  /// The value of Holochain const function `name` (`__num_entry_types`,
  /// `__num_link_types`: () -> i32), or nullopt if the zome does not export
  /// it. Runs on a fresh instance with no host; throws Fault if the guest fails.
  virtual std::optional<std::int32_t> const_value(std::string_view name) = 0;

 protected:
  explicit Zome(std::string name) : name_(std::move(name)) {}

 private:
  std::string name_;
};

struct HostOptions {
  Limits limits;
  /// Keep one instance per zome between calls instead of a fresh one per
  /// call (Holochain's default is fresh). A faulted instance is dropped; a
  /// zome calling itself through `call` runs the inner call on a fresh one.
  bool reuse_instances = false;
};

class Host {
 public:
  explicit Host(std::shared_ptr<Engine> engine, HostOptions options = {});

  Engine& engine() { return *engine_; }
  const HostOptions& options() const { return options_; }

  /// Loads a wasm zome; checks its ABI (hdk-check's rules) before anything
  /// runs. Throws Fault (InvalidModule, UnknownImport, MissingExport,
  /// BadSignature, Compile). `name` defaults to the file's stem.
  std::shared_ptr<Zome> load_wasm_file(const std::filesystem::path& path, std::string name = {});
  std::shared_ptr<Zome> load_wasm(std::span<const std::uint8_t> wasm, std::string name);

  /// Loads the native-mode library of a zome (hdk_add_zome's NAME_native).
  static std::shared_ptr<Zome> load_native(const std::filesystem::path& path,
                                           std::string name = {});

  /// How the last load got its module: "compiled", "memory cache", or what
  /// the engine reports ("file cache" for aot), and how long it took.
  struct LoadInfo {
    std::string origin;
    std::chrono::nanoseconds duration{0};
  };
  const LoadInfo& last_load() const { return last_load_; }

  /// One zome call with a fresh context; `input` is the argument's msgpack.
  CallResult call(Zome& zome, std::string_view function,
                  std::span<const std::uint8_t> input_msgpack);
  template <class In>
  CallResult call(Zome& zome, std::string_view function, const In& input) {
    const auto bytes = hdk::encode_to_vector(input);
    // As a span: a vector would pick this template again (and encode forever).
    return call(zome, function, std::span<const std::uint8_t>(bytes));
  }

 private:
  std::shared_ptr<Engine> engine_;
  HostOptions options_;
  LoadInfo last_load_;
};

/// hdk::decode over a view of bytes, such as CallResult::output().
template <class T>
bool decode(std::span<const std::uint8_t> bytes, T& out, hdk::DecodeError& err) {
  return hdk::decode(bytes.data(), bytes.size(), out, err);
}

/// Encodes `value` as a zome call's ExternIO input.
template <class T>
std::vector<std::uint8_t> extern_input(const T& value) {
  return hdk::encode_to_vector(hdk::ExternIO::from(value));
}

/// Wraps an argument's msgpack bytes as a zome call's ExternIO input.
inline std::vector<std::uint8_t> extern_input_bytes(std::span<const std::uint8_t> msgpack) {
  return hdk::encode_to_vector(hdk::ExternIO{hdk::Bytes(msgpack.begin(), msgpack.end())});
}

}  // namespace hdk_host
