// What a world takes from outside: agents' keys, the time and randomness.
// By default they are fresh on every run (libsodium key pairs, the system
// clock, libsodium's randombytes); with FixedInputs every run gets the same
// ones, so a scenario's results, chains and DHT repeat byte for byte on every
// runtime (docs/determinism.md).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>

#include <hdk/types.hpp>

#include "hdk_host/world.hpp"

namespace hdk_host::world {

/// The inputs of a repeatable world.
struct FixedInputs {
  /// Agent n's Ed25519 key pair is made (crypto_sign_seed_keypair) from the
  /// blake2b-256 of this seed and n; random_bytes draws from a stream keyed by it.
  std::string seed = "hdk-cpp";
  /// The clock's first reading, in microseconds since the Unix epoch
  /// (2024-01-01T00:00:00Z by default).
  std::int64_t clock_start_micros = 1'704'067'200'000'000;
  /// How far the clock moves at each reading (an action's timestamp, a sys_time call).
  std::int64_t clock_step_micros = 1'000;
};

class Inputs {
 public:
  /// Fresh keys, the system clock and real randomness.
  Inputs() = default;
  explicit Inputs(FixedInputs fixed) : fixed_(std::move(fixed)) {}

  bool fixed() const { return fixed_.has_value(); }
  /// The key pair of the `index`th agent to join.
  Keypair agent_keys(std::size_t index) const;
  /// The time now; a fixed clock moves one step at each reading.
  hdk::Timestamp now();
  /// The time now, without moving a fixed clock.
  hdk::Timestamp peek() const;
  /// Moves the clock forward (Scenario::advance): both clocks read this much later from now on.
  void advance(std::int64_t micros) { offset_micros_ += micros; }
  void random(std::span<std::uint8_t> out);

 private:
  std::optional<FixedInputs> fixed_;
  std::int64_t clock_readings_ = 0;
  std::uint64_t random_draws_ = 0;
  std::int64_t offset_micros_ = 0;
};

}  // namespace hdk_host::world
