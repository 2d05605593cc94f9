// Bundle files: gzip around the msgpack of mr_bundle's Bundle.
#include <fstream>
#include <iterator>

#include "hdk_host/bundle.hpp"

namespace hdk_host::bundle {
namespace {

std::vector<std::uint8_t> read_whole_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw BundleError(file.string() + ": cannot read the file");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// The manifest's kind, from the one field each kind must have.
bool is_dna_manifest(const msgpack::object& bundle) {
  if (bundle.type != msgpack::type::MAP) return false;
  for (std::uint32_t i = 0; i < bundle.via.map.size; ++i) {
    const auto& entry = bundle.via.map.ptr[i];
    if (entry.key.type != msgpack::type::STR ||
        std::string_view(entry.key.via.str.ptr, entry.key.via.str.size) != "manifest" ||
        entry.val.type != msgpack::type::MAP)
      continue;
    for (std::uint32_t k = 0; k < entry.val.via.map.size; ++k) {
      const auto& key = entry.val.via.map.ptr[k].key;
      if (key.type == msgpack::type::STR &&
          std::string_view(key.via.str.ptr, key.via.str.size) == "integrity")
        return true;
    }
  }
  return false;
}

template <class B>
B decode_bundle(const std::string& name, const std::vector<std::uint8_t>& msgpack,
                const char* kind) {
  B bundle;
  hdk::DecodeError err;
  if (!hdk::decode(msgpack, bundle, err))
    throw BundleError(name + ": not a " + kind + " bundle: " + err.message);
  if (bundle.manifest.manifest_version != "0")
    throw BundleError(name + ": manifest_version is `" + bundle.manifest.manifest_version +
                      "`; Holochain 0.7 knows only \"0\"");
  return bundle;
}

std::vector<std::uint8_t> payload(std::span<const std::uint8_t> file_bytes,
                                  const std::string& name) {
  try {
    return gunzip(file_bytes);
  } catch (const BundleError& e) {
    throw BundleError(name + ": " + e.what());
  }
}

}  // namespace

std::string resource_id_for_path(const std::string& path, const std::string& fallback) {
  // Rust's Path::file_name: the last component, none when it is `..` or the path ends in one.
  std::string_view p = path;
  while (p.size() > 1 && p.back() == '/') p.remove_suffix(1);
  const auto slash = p.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? p : p.substr(slash + 1);
  if (name.empty() || name == ".." || name == "/") return fallback;
  if (name == ".") return fallback;
  return std::string(name);
}

std::vector<std::uint8_t> encode_bundle(const DnaBundle& bundle) {
  return hdk::encode_to_vector(bundle);
}
std::vector<std::uint8_t> encode_bundle(const AppBundle& bundle) {
  return hdk::encode_to_vector(bundle);
}

std::variant<DnaBundle, AppBundle> decode_bundle_file(std::span<const std::uint8_t> file_bytes,
                                                      const std::string& name) {
  const std::vector<std::uint8_t> msgpack = payload(file_bytes, name);
  hdk::DecodeArena arena;
  msgpack::object object;
  hdk::DecodeError err;
  if (!hdk::parse_object(msgpack.data(), msgpack.size(), arena, object, err))
    throw BundleError(name + ": not a bundle: its content is not msgpack (" + err.message + ")");
  if (is_dna_manifest(object)) return decode_bundle<DnaBundle>(name, msgpack, "DNA");
  return decode_bundle<AppBundle>(name, msgpack, "DNA or app");
}

std::variant<DnaBundle, AppBundle> read_bundle(const std::filesystem::path& file) {
  return decode_bundle_file(read_whole_file(file), file.string());
}

DnaBundle read_dna_bundle(const std::filesystem::path& file) {
  return decode_bundle<DnaBundle>(file.string(), payload(read_whole_file(file), file.string()),
                                  "DNA");
}

void write_bundle_file(const std::filesystem::path& file, std::span<const std::uint8_t> msgpack) {
  const std::vector<std::uint8_t> gz = gzip(msgpack);
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(gz.data()), static_cast<std::streamsize>(gz.size()));
  out.close();
  if (!out) throw BundleError(file.string() + ": cannot write the bundle");
}

}  // namespace hdk_host::bundle
