// Hashes and signatures as Holochain makes them, from libsodium.
#include <cstring>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

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

namespace {

// DnaDef's hashed part, mirrored (holochain_zome_types::dna_def::DnaDefHash,
// ::zome::ZomeDef): the integrity zomes as externally tagged zome defs.
struct WasmZomeDef {
  hdk::WasmHash wasm_hash;
  std::vector<std::string> dependencies;
  HDK_STRUCT(wasm_hash, dependencies);
};
namespace zome_def {
struct Wasm {
  WasmZomeDef def;
  HDK_NEWTYPE_VARIANT(Wasm, def);
};
}  // namespace zome_def
using ZomeDef = std::variant<zome_def::Wasm>;  // IntegrityZomeDef: a newtype over it
struct DnaDefHash {
  hdk::DnaModifiers modifiers;
  std::vector<std::pair<std::string, ZomeDef>> integrity_zomes;
  HDK_STRUCT(modifiers, integrity_zomes);
};

}  // namespace

hdk::WasmHash wasm_hash(std::span<const std::uint8_t> code) {
  return make_hash<hdk::HashType::Wasm>(hdk::hash_prefix::kWasm, blake2b_256(code));
}

std::vector<std::uint8_t> dna_hash_content(
    const std::string& network_seed, const hdk::Bytes& properties,
    const std::vector<IntegrityZomeHashInput>& integrity_zomes) {
  DnaDefHash content{hdk::DnaModifiers{network_seed, properties}, {}};
  for (const auto& zome : integrity_zomes)
    content.integrity_zomes.emplace_back(
        zome.name, zome_def::Wasm{WasmZomeDef{zome.wasm_hash, zome.dependencies}});
  return hdk::encode_to_vector(content);
}

hdk::DnaHash dna_hash(const std::string& network_seed, const hdk::Bytes& properties,
                      const std::vector<IntegrityZomeHashInput>& integrity_zomes) {
  return make_hash<hdk::HashType::Dna>(
      hdk::hash_prefix::kDna,
      blake2b_256(dna_hash_content(network_seed, properties, integrity_zomes)));
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

Keypair keypair_from_seed(std::span<const std::uint8_t, 32> seed) {
  ensure_sodium();
  Keypair keys;
  std::array<std::uint8_t, crypto_sign_PUBLICKEYBYTES> pub{};
  crypto_sign_seed_keypair(pub.data(), keys.secret.data(), seed.data());
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
