// Hashes and signatures as Holochain makes them, from libsodium.
#include <cstring>
#include <stdexcept>

#include <sodium.h>

#include "hdk_host/world.hpp"

namespace hdk_host::world {
namespace {

void ensure_sodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

}  // namespace

std::array<std::uint8_t, 32> blake2b_256(std::span<const std::uint8_t> data) {
  ensure_sodium();
  std::array<std::uint8_t, 32> out{};
  crypto_generichash(out.data(), out.size(), data.data(), data.size(), nullptr, 0);
  return out;
}

std::array<std::uint8_t, 4> dht_location(std::span<const std::uint8_t, 32> digest) {
  ensure_sodium();
  std::array<std::uint8_t, 16> wide{};
  crypto_generichash(wide.data(), wide.size(), digest.data(), digest.size(), nullptr, 0);
  std::array<std::uint8_t, 4> out{};
  for (std::size_t i = 0; i < wide.size(); ++i) out[i % 4] ^= wide[i];
  return out;
}

std::array<std::uint8_t, 39> holo_hash_bytes(const hdk::hash_prefix::Prefix& prefix,
                                             std::span<const std::uint8_t, 32> digest) {
  std::array<std::uint8_t, 39> out{};
  std::memcpy(out.data(), prefix.data(), 3);
  std::memcpy(out.data() + 3, digest.data(), 32);
  const auto location = dht_location(digest);
  std::memcpy(out.data() + 35, location.data(), 4);
  return out;
}

hdk::EntryHash hash_entry(const hdk::Entry& entry) {
  if (const auto* agent = std::get_if<hdk::entry::Agent>(&entry.as_variant()))
    return hdk::agent_entry_hash(agent->key);
  const auto digest = blake2b_256(hdk::encode_to_vector(entry));
  return make_hash<hdk::HashType::Entry>(hdk::hash_prefix::kEntry, digest);
}

hdk::ActionHash hash_action(const hdk::Action& action) {
  const auto digest = blake2b_256(hdk::encode_to_vector(action));
  return make_hash<hdk::HashType::Action>(hdk::hash_prefix::kAction, digest);
}

Keypair generate_keypair() {
  ensure_sodium();
  Keypair keys;
  std::array<std::uint8_t, crypto_sign_PUBLICKEYBYTES> pub{};
  crypto_sign_keypair(pub.data(), keys.secret.data());
  // An agent key's 32-byte part is the Ed25519 public key itself.
  keys.agent = make_hash<hdk::HashType::Agent>(hdk::hash_prefix::kAgent, pub);
  return keys;
}

hdk::Signature sign(const Keypair& keys, std::span<const std::uint8_t> data) {
  ensure_sodium();
  hdk::Signature signature;
  signature.bytes.resize(crypto_sign_BYTES);
  crypto_sign_detached(signature.bytes.data(), nullptr, data.data(), data.size(),
                       keys.secret.data());
  return signature;
}

bool verify(const hdk::AgentPubKey& key, const hdk::Signature& signature,
            std::span<const std::uint8_t> data) {
  ensure_sodium();
  if (signature.bytes.size() != crypto_sign_BYTES) return false;
  return crypto_sign_verify_detached(signature.bytes.data(), data.data(), data.size(),
                                     key.digest()) == 0;
}

}  // namespace hdk_host::world
