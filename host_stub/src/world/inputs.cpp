// Keys, time and randomness: fresh from the system, or derived from FixedInputs.
#include "hdk_host/world_inputs.hpp"

#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

#include <sodium.h>

namespace hdk_host::world {
namespace {

void ensure_sodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

/// A 32-byte seed for one purpose: blake2b-256 of "purpose/seed/n".
std::array<std::uint8_t, 32> derive(const char* purpose, const std::string& seed, std::uint64_t n) {
  const std::string text = std::string(purpose) + "/" + seed + "/" + std::to_string(n);
  return blake2b_256(std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

}  // namespace

Keypair Inputs::agent_keys(std::size_t index) const {
  if (!fixed_) return generate_keypair();
  return keypair_from_seed(derive("agent", fixed_->seed, index));
}

hdk::Timestamp Inputs::peek() const {
  if (!fixed_)
    return hdk::Timestamp{std::chrono::duration_cast<std::chrono::microseconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count() +
                          offset_micros_};
  return hdk::Timestamp{fixed_->clock_start_micros + fixed_->clock_step_micros * clock_readings_ +
                        offset_micros_};
}

hdk::Timestamp Inputs::now() {
  const hdk::Timestamp out = peek();
  if (fixed_) ++clock_readings_;
  return out;
}

void Inputs::random(std::span<std::uint8_t> out) {
  // An empty span's data() may be null, which libsodium must not get.
  if (out.empty()) return;
  ensure_sodium();
  if (!fixed_) {
    randombytes_buf(out.data(), out.size());
    return;
  }
  // Each draw has its own key, so a draw's bytes do not depend on the sizes of earlier ones.
  const auto key = derive("random", fixed_->seed, random_draws_++);
  randombytes_buf_deterministic(out.data(), out.size(), key.data());
}

}  // namespace hdk_host::world
