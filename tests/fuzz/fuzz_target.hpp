// One fuzz target, built two ways from the same source: as a libFuzzer
// program (HDK_FUZZ_LIBFUZZER, in the fuzz build) and as a function the
// Catch2 replay test runs on the committed corpus and regressions in every
// build. A target returns normally for any input; a broken property throws
// PropertyViolated, which libFuzzer reports as a crash and Catch2 as a failure.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace hdk_fuzz {

using Input = std::span<const std::uint8_t>;
using TargetFn = void (*)(Input);

struct PropertyViolated : std::logic_error {
  using std::logic_error::logic_error;
};

/// Ends the run: `what` must hold for every input and did not.
[[noreturn]] inline void fail(const std::string& what) { throw PropertyViolated(what); }

struct Target {
  const char* name;
  TargetFn run;
};

/// The targets linked into this program (the replay test runs them all).
inline std::vector<Target>& targets() {
  static std::vector<Target> all;
  return all;
}

struct Registration {
  Registration(const char* name, TargetFn run) { targets().push_back({name, run}); }
};

}  // namespace hdk_fuzz

#if defined(HDK_FUZZ_LIBFUZZER)
#define HDK_FUZZ_TARGET(name)                                                         \
  static void hdk_fuzz_target_##name(::hdk_fuzz::Input input);                        \
  extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) { \
    hdk_fuzz_target_##name(::hdk_fuzz::Input(data, size));                            \
    return 0;                                                                         \
  }                                                                                   \
  static void hdk_fuzz_target_##name(::hdk_fuzz::Input input)
#else
#define HDK_FUZZ_TARGET(name)                                                                  \
  static void hdk_fuzz_target_##name(::hdk_fuzz::Input input);                                 \
  static const ::hdk_fuzz::Registration hdk_fuzz_registration_##name{#name,                    \
                                                                     &hdk_fuzz_target_##name}; \
  static void hdk_fuzz_target_##name(::hdk_fuzz::Input input)
#endif
