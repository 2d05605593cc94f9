// Base64 for hashes and bytes (hdk_host/holo_hash_base64.hpp).
#include "hdk_host/holo_hash_base64.hpp"

#include <algorithm>
#include <cstring>

#include <hdk/types/hash.hpp>

#include "hdk_host/world.hpp"

namespace hdk_host {
namespace {

struct KnownHash {
  const char* name;
  hdk::hash_prefix::Prefix prefix;
};

// The primitive hash types (holo_hash's primitive.rs); composites (AnyDht,
// AnyLinkable) carry one of these prefixes.
constexpr KnownHash kKnownHashes[] = {
    {"AgentPubKey", hdk::hash_prefix::kAgent},     {"EntryHash", hdk::hash_prefix::kEntry},
    {"DhtOpHash", hdk::hash_prefix::kDhtOp},       {"ActionHash", hdk::hash_prefix::kAction},
    {"WasmHash", hdk::hash_prefix::kWasm},         {"InlineHash", hdk::hash_prefix::kInline},
    {"WarrantHash", hdk::hash_prefix::kWarrant},   {"DnaHash", hdk::hash_prefix::kDna},
    {"ExternalHash", hdk::hash_prefix::kExternal},
};

constexpr char kStandard[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr char kUrlSafe[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string encode(std::span<const std::uint8_t> bytes, const char* alphabet, bool pad) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
    std::uint32_t group = std::uint32_t{bytes[i]} << 16;
    if (n > 1) group |= std::uint32_t{bytes[i + 1]} << 8;
    if (n > 2) group |= bytes[i + 2];
    for (std::size_t k = 0; k < n + 1; ++k) out += alphabet[(group >> (18 - 6 * k)) & 63];
    if (pad)
      for (std::size_t k = n + 1; k < 4; ++k) out += '=';
  }
  return out;
}

int digit(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+' || c == '-') return 62;
  if (c == '/' || c == '_') return 63;
  return -1;
}

}  // namespace

const char* holo_hash_type_name(std::span<const std::uint8_t> bytes) {
  if (bytes.size() < 3) return nullptr;
  for (const auto& known : kKnownHashes)
    if (std::equal(known.prefix.begin(), known.prefix.end(), bytes.begin())) return known.name;
  return nullptr;
}

bool is_holo_hash(std::span<const std::uint8_t> bytes) {
  return bytes.size() == 39 && holo_hash_type_name(bytes) != nullptr;
}

std::string holo_hash_to_base64(std::span<const std::uint8_t> hash39) {
  return "u" + encode(hash39, kUrlSafe, false);
}

bool looks_like_holo_hash(std::string_view text) {
  if (text.size() < 5) return false;
  for (const auto& known : kKnownHashes)
    if (text.substr(0, 5) == holo_hash_to_base64(known.prefix).substr(0, 5)) return true;
  return false;
}

std::optional<std::array<std::uint8_t, 39>> holo_hash_from_base64(std::string_view text,
                                                                  std::string& error) {
  if (text.empty() || text[0] != 'u') {
    error = "a hash's base64 form starts with 'u'";
    return std::nullopt;
  }
  // URL-safe and unpadded only, as holo_hash_decode (base64 URL_SAFE_NO_PAD) reads it.
  const std::string_view body = text.substr(1);
  if (body.find_first_not_of(kUrlSafe) != std::string_view::npos) {
    error = "not URL-safe base64 without padding";
    return std::nullopt;
  }
  const auto bytes = base64_decode(body);
  if (!bytes) {
    error = "not URL-safe base64 without padding";
    return std::nullopt;
  }
  if (bytes->size() != 39) {
    error = "decodes to " + std::to_string(bytes->size()) + " bytes; a hash has 39";
    return std::nullopt;
  }
  if (!holo_hash_type_name(*bytes)) {
    error = "no hash type has the prefix of these bytes";
    return std::nullopt;
  }
  std::array<std::uint8_t, 39> out{};
  std::copy(bytes->begin(), bytes->end(), out.begin());
  const auto location = world::dht_location(std::span<const std::uint8_t, 32>(out.data() + 3, 32));
  if (!std::equal(location.begin(), location.end(), out.begin() + 35)) {
    error = "its last 4 bytes are not the location of its digest (a mistyped or truncated hash?)";
    return std::nullopt;
  }
  return out;
}

std::string base64_encode(std::span<const std::uint8_t> bytes) {
  return encode(bytes, kStandard, true);
}

std::optional<std::vector<std::uint8_t>> base64_decode(std::string_view text) {
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  if (text.size() % 4 == 1) return std::nullopt;
  std::vector<std::uint8_t> out;
  out.reserve(text.size() * 3 / 4);
  std::uint32_t group = 0;
  int bits = 0;
  for (const char c : text) {
    const int d = digit(c);
    if (d < 0) return std::nullopt;
    group = (group << 6) | static_cast<std::uint32_t>(d);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<std::uint8_t>(group >> bits));
      group &= (1u << bits) - 1;
    }
  }
  return out;
}

}  // namespace hdk_host
