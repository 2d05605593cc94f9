// The aot engine's disk cache: compiled artifacts (shared objects, the runtime
// object) stored under a key, safe against concurrent writers and damaged files.
//
// Every cached file is its payload followed by a trailer,
//   payload | blake2b-256(payload) | payload length (u64, little endian) | "HDKAOT01",
// so a truncated or corrupted file is recognised before anything uses it. The
// payload starts at offset 0: a shared object is dlopen()ed in place, since the
// loader maps segments by their file offsets and never looks past them.
// Files appear by rename() from a temporary file in the same directory, so a
// reader sees a complete file or none, whichever process wrote it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <sodium.h>

namespace hdk_host::aot {

/// blake2b-256 over everything added, as lowercase hex. Keys and fingerprints.
class Hasher {
 public:
  Hasher();
  Hasher& add(std::span<const std::uint8_t> bytes);
  /// Adds `text` with its length first, so ("ab","c") and ("a","bc") differ.
  Hasher& add(std::string_view text);
  std::string hex();

 private:
  crypto_generichash_state state_;
};

/// True when `path` exists and its trailer matches its payload.
bool artifact_is_valid(const std::filesystem::path& path);

/// The payload of a valid artifact, or nullopt (missing or damaged).
std::optional<std::vector<std::uint8_t>> read_artifact(const std::filesystem::path& path);

/// Appends the trailer to `staged` (a finished payload file in the same
/// directory tree as `path`, same file system) and renames it to `path`.
/// Throws std::filesystem::filesystem_error when that fails.
void publish_artifact(const std::filesystem::path& staged, const std::filesystem::path& path);

}  // namespace hdk_host::aot
