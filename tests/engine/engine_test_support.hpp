// Helpers for engine tests: loading test modules, moving bytes in and out of
// guest memory through the ABI's allocator, and catching Faults. They use the
// Engine interface only, so every engine runs the same tests.
#pragma once

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "hdk_host/engine.hpp"
#include "support/paths.hpp"

namespace Catch {
template <>
struct StringMaker<hdk_host::FaultKind> {
  static std::string convert(hdk_host::FaultKind kind) {
    return std::string(hdk_host::to_string(kind));
  }
};
}  // namespace Catch

namespace hdk_test {

inline std::vector<std::uint8_t> module_bytes(const std::string& name) {
  std::ifstream in(module_path(name), std::ios::binary);
  REQUIRE(in);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Compiles tests/modules/NAME.wat (built to NAME.wasm), labelled NAME.
inline std::shared_ptr<hdk_host::Module> compile_module(hdk_host::Engine& engine,
                                                        const std::string& name) {
  const std::vector<std::uint8_t> bytes = module_bytes(name);
  return engine.compile(bytes, name);
}

inline std::uint64_t pack(std::uint32_t ptr, std::uint32_t len) {
  return (std::uint64_t{ptr} << 32) | len;
}
inline std::uint32_t packed_ptr(std::uint64_t packed) {
  return static_cast<std::uint32_t>(packed >> 32);
}
inline std::uint32_t packed_len(std::uint64_t packed) { return static_cast<std::uint32_t>(packed); }

/// Allocates a region in the guest and copies `bytes` there; returns its pointer.
inline std::uint32_t place(hdk_host::Instance& instance, std::string_view bytes) {
  const auto len = static_cast<std::uint32_t>(bytes.size());
  const std::uint32_t ptr = instance.call_i32("__hc__allocate_1", len);
  REQUIRE(ptr != 0);
  const auto memory = instance.memory();
  REQUIRE(std::uint64_t{ptr} + len <= memory.size());
  std::copy(bytes.begin(), bytes.end(), memory.begin() + ptr);
  return ptr;
}

/// The bytes of guest region (ptr, len).
inline std::string read_region(hdk_host::Instance& instance, std::uint32_t ptr, std::uint32_t len) {
  const auto memory = instance.memory();
  REQUIRE(std::uint64_t{ptr} + len <= memory.size());
  return std::string(memory.begin() + ptr, memory.begin() + ptr + len);
}

/// The Fault `action` throws, or nothing when it returns normally.
template <typename Action>
std::optional<hdk_host::Fault> fault_of(Action&& action) {
  try {
    action();
  } catch (const hdk_host::Fault& fault) {
    return fault;
  }
  return std::nullopt;
}

}  // namespace hdk_test
