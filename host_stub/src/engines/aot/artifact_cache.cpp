#include "artifact_cache.hpp"

#include <array>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>

namespace hdk_host::aot {
namespace {

constexpr std::size_t kDigestSize = 32;
constexpr std::string_view kMagic = "HDKAOT01";
constexpr std::size_t kTrailerSize = kDigestSize + 8 + kMagic.size();

std::array<std::uint8_t, kDigestSize> digest_of(std::span<const std::uint8_t> bytes) {
  std::array<std::uint8_t, kDigestSize> digest{};
  crypto_generichash(digest.data(), digest.size(), bytes.data(), bytes.size(), nullptr, 0);
  return digest;
}

std::optional<std::vector<std::uint8_t>> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                  std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return bytes;
}

}  // namespace

Hasher::Hasher() { crypto_generichash_init(&state_, nullptr, 0, kDigestSize); }

Hasher& Hasher::add(std::span<const std::uint8_t> bytes) {
  crypto_generichash_update(&state_, bytes.data(), bytes.size());
  return *this;
}

Hasher& Hasher::add(std::string_view text) {
  const std::uint64_t size = text.size();
  crypto_generichash_update(&state_, reinterpret_cast<const std::uint8_t*>(&size), sizeof size);
  crypto_generichash_update(&state_, reinterpret_cast<const std::uint8_t*>(text.data()),
                            text.size());
  return *this;
}

std::string Hasher::hex() {
  std::array<std::uint8_t, kDigestSize> digest{};
  crypto_generichash_final(&state_, digest.data(), digest.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::uint8_t b : digest) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

std::optional<std::vector<std::uint8_t>> read_artifact(const std::filesystem::path& path) {
  std::optional<std::vector<std::uint8_t>> bytes = read_file(path);
  if (!bytes || bytes->size() < kTrailerSize) return std::nullopt;
  const std::size_t payload_size = bytes->size() - kTrailerSize;
  const std::uint8_t* trailer = bytes->data() + payload_size;

  if (std::memcmp(trailer + kDigestSize + 8, kMagic.data(), kMagic.size()) != 0)
    return std::nullopt;
  std::uint64_t stored_size = 0;
  for (int i = 7; i >= 0; --i) stored_size = (stored_size << 8) | trailer[kDigestSize + i];
  if (stored_size != payload_size) return std::nullopt;
  const auto digest = digest_of({bytes->data(), payload_size});
  if (std::memcmp(digest.data(), trailer, kDigestSize) != 0) return std::nullopt;

  bytes->resize(payload_size);
  return bytes;
}

bool artifact_is_valid(const std::filesystem::path& path) {
  return read_artifact(path).has_value();
}

void publish_artifact(const std::filesystem::path& staged, const std::filesystem::path& path) {
  const auto fail = [&](const char* what) {
    throw std::filesystem::filesystem_error(what, staged, path,
                                            std::make_error_code(std::errc::io_error));
  };
  std::optional<std::vector<std::uint8_t>> payload = read_file(staged);
  if (!payload) fail("cannot read the staged artifact");

  std::array<std::uint8_t, kTrailerSize> trailer{};
  const auto digest = digest_of(*payload);
  std::memcpy(trailer.data(), digest.data(), kDigestSize);
  std::uint64_t size = payload->size();
  for (int i = 0; i < 8; ++i, size >>= 8)
    trailer[kDigestSize + i] = static_cast<std::uint8_t>(size);
  std::memcpy(trailer.data() + kDigestSize + 8, kMagic.data(), kMagic.size());

  {
    std::ofstream out(staged, std::ios::binary | std::ios::app);
    out.write(reinterpret_cast<const char*>(trailer.data()), trailer.size());
    out.close();
    if (!out) fail("cannot append the artifact trailer");
  }
  std::filesystem::rename(staged, path);
}

}  // namespace hdk_host::aot
