// Native mode: a zome's own sources built as a shared library, called
// in-process with the same msgpack bytes a wasm zome would see.
#include <dlfcn.h>

#include <chrono>
#include <optional>

#include <hdk/native_abi.hpp>

#include "hdk_host/host_fn_list.hpp"
#include "hdk_host/host_functions.hpp"
#include "shared_object_check.hpp"
#include "zomes.hpp"

namespace hdk_host {
namespace {

struct NativeCallState {
  CallContext* context = nullptr;
  std::optional<Fault> fault;
};

void append_bytes(void* sink, const std::uint8_t* bytes, std::size_t len) {
  auto* out = static_cast<std::vector<std::uint8_t>*>(sink);
  out->insert(out->end(), bytes, bytes + len);
}

/// The host side of hdk_native_host_call: nothing may unwind into the zome.
int native_host_call(void* host_ctx, const char* import_name, const std::uint8_t* in,
                     std::size_t in_len, void* sink_ctx, hdk_native_sink sink) {
  auto* state = static_cast<NativeCallState*>(host_ctx);
  const std::optional<HostFnId> id = find_host_fn(import_name);
  if (!id) return HDK_NATIVE_UNKNOWN_NAME;
  try {
    const std::vector<std::uint8_t> out = run_host_fn(*id, *state->context, {in, in_len});
    sink(sink_ctx, out.data(), out.size());
    return HDK_NATIVE_OK;
  } catch (ShortCircuit& sc) {
    sink(sink_ctx, sc.result.data(), sc.result.size());
    return HDK_NATIVE_SHORT_CIRCUIT;
  } catch (const Fault& fault) {
    state->fault = fault;
  } catch (const std::exception& e) {
    state->fault = Fault(FaultKind::HostError, std::string(import_name) + ": " + e.what());
  }
  // End the zome call; the stored fault becomes its outcome.
  return HDK_NATIVE_SHORT_CIRCUIT;
}

class NativeZome final : public Zome {
 public:
  NativeZome(std::string name, std::shared_ptr<void> library, const hdk_native_zome* table)
      : Zome(std::move(name)), library_(std::move(library)), table_(table) {
    for (std::size_t i = 0; i < table_->extern_count(); ++i)
      functions_.emplace_back(table_->extern_name(i));
  }

  const std::vector<std::string>& functions() const override { return functions_; }
  std::string_view runtime() const override { return "native"; }

  std::optional<std::int32_t> const_value(std::string_view name) override {
    std::int32_t value = 0;
    if (table_->const_value(std::string(name).c_str(), &value) != HDK_NATIVE_OK)
      return std::nullopt;
    return value;
  }

  CallResult call(std::string_view function, std::span<const std::uint8_t> input,
                  CallContext& context) override {
    const std::string where =
        "zome `" + name() + "` (native), function `" + std::string(function) + "`";
    if (context.zome.empty()) context.zome = name();
    context.function = std::string(function);
    NativeCallState state{&context, std::nullopt};
    std::vector<std::uint8_t> out;
    const auto t0 = std::chrono::steady_clock::now();
    const int status = table_->call(std::string(function).c_str(), input.data(), input.size(),
                                    &native_host_call, &state, &out, &append_bytes);
    const auto elapsed = std::chrono::steady_clock::now() - t0;
    CallResult result;
    if (status == HDK_NATIVE_UNKNOWN_NAME) {
      result = CallResult::from_fault(
          Fault(FaultKind::MissingExport, where + ": no such zome function"));
    } else if (state.fault) {
      result =
          CallResult::from_fault(Fault(state.fault->kind(), where + ": " + state.fault->what()));
    } else {
      result = CallResult::from_result_bytes(std::move(out), where);
    }
    result.timings.call = elapsed;
    return result;
  }

 private:
  std::shared_ptr<void> library_;
  const hdk_native_zome* table_;
  std::vector<std::string> functions_;
};

}  // namespace

std::shared_ptr<Zome> make_native_zome(const std::filesystem::path& path, std::string name) {
  if (const auto problem = shared_object_problem(path))
    throw Fault(FaultKind::InvalidModule, path.string() + ": cannot load native zome: " + *problem);
  // RTLD_LOCAL: each zome library keeps its own symbols (and registry).
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* why = dlerror();
    throw Fault(FaultKind::InvalidModule,
                path.string() + ": cannot load native zome: " + (why ? why : "unknown error"));
  }
  std::shared_ptr<void> library(handle, [](void* h) { dlclose(h); });
  auto entry = reinterpret_cast<hdk_native_zome_entry>(dlsym(handle, HDK_NATIVE_ENTRY_SYMBOL));
  if (!entry)
    throw Fault(FaultKind::MissingExport, path.string() +
                                              ": not a native zome (no " HDK_NATIVE_ENTRY_SYMBOL
                                              "; build it with hdk_add_zome)");
  const hdk_native_zome* table = entry();
  if (!table || table->abi_version != HDK_NATIVE_ABI_VERSION)
    throw Fault(FaultKind::BadSignature, path.string() + ": native zome ABI version mismatch");
  return std::make_shared<NativeZome>(std::move(name), std::move(library), table);
}

}  // namespace hdk_host
