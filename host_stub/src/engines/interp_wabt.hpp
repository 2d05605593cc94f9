// The part of the interp engine that talks to wabt's interpreter. wabt 1.0.32's interpreter
// headers do not compile as C++20 with GCC (template-id destructors, CWG 2237), so this is
// built as C++17 and speaks no C++20 types; interp.cpp adapts it to the Engine interface.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hdk_host/fault.hpp"

namespace hdk_host::interp {

/// A decoded, validated module; immutable, shared by its instances and threads.
class WabtModule;

/// Decodes and validates `wasm`; throws Fault(InvalidModule) naming `label`.
std::shared_ptr<const WabtModule> decode(const std::uint8_t* wasm, std::size_t size,
                                         const std::string& label);

/// A host import, (ptr, len) -> packed (ptr, len). Whatever it throws ends the running guest
/// call; a Fault comes out of the outermost call unchanged, anything else as HostError.
using HostCall = std::function<std::uint64_t(std::uint32_t ptr, std::uint32_t len)>;

struct RunLimits {
  std::uint32_t max_memory_pages = 65536;
  std::uint64_t instruction_budget = 0;   // 0: no budget
  std::chrono::milliseconds deadline{0};  // per outermost call; 0: none
};

/// Instructions the metered code runs between two looks at the budget and the clock. A slice
/// of the tightest loop (`loop (br 0)`) takes ~4 ms, so a deadline is overrun by about that.
inline constexpr std::int64_t kFuelSlice = 100'000;

/// One instance with its own wabt Store. Belongs to one thread at a time.
class WabtInstance {
 public:
  /// Links `host_calls[i]` to import i (UnknownImport when missing or not a function,
  /// BadSignature when not (i32, i32) -> i64) and instantiates (MemoryLimit, Trap).
  WabtInstance(std::shared_ptr<const WabtModule> module, std::vector<HostCall> host_calls,
               const RunLimits& limits);
  ~WabtInstance();
  WabtInstance(const WabtInstance&) = delete;
  WabtInstance& operator=(const WabtInstance&) = delete;

  /// Runs the module's start function, if any. Separate from construction so that host
  /// functions it calls can already re-enter the instance.
  void run_start();

  std::uint64_t call_i64(std::string_view name, std::uint32_t a, std::uint32_t b);
  std::uint32_t call_i32(std::string_view name, std::uint32_t a);
  void call_void(std::string_view name, std::uint32_t a, std::uint32_t b);
  std::uint32_t call_const_i32(std::string_view name);
  /// The same, by the export's position in the module's export list, whose
  /// type the caller has checked (a zome call's resolved entries).
  std::uint64_t call_export_i64(std::size_t position, std::string_view name, std::uint32_t a,
                                std::uint32_t b);
  std::uint32_t call_export_i32(std::size_t position, std::string_view name, std::uint32_t a);
  void call_export_void(std::size_t position, std::string_view name, std::uint32_t a,
                        std::uint32_t b);

  /// The memory as it is now (null and 0 without one).
  std::uint8_t* memory_data();
  std::size_t memory_size();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace hdk_host::interp
