// What the command-line tools read from outside: the msgpack a zome answers,
// which hdk-run prints as JSON; the JSON a user writes, which hdk-run turns
// into a zome's msgpack; the bytes of a .dna or .happ file, which hdk-pack
// and Scenario read. Each gives its value or its typed error (JsonWireError,
// BundleError) for any input, and what it gives round-trips.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "fuzz_target.hpp"
#include "hdk_host/bundle.hpp"
#include "hdk_host/json_wire.hpp"

namespace {

using hdk_host::WireJson;

/// The msgpack of JSON that has one, and nothing when it is refused.
std::optional<std::vector<std::uint8_t>> to_msgpack(const WireJson& json) {
  try {
    return hdk_host::json_to_msgpack(json);
  } catch (const hdk_host::JsonWireError&) {
    return std::nullopt;
  }
}

/// Msgpack that JSON printed once prints the same again: the JSON forms of
/// hashes, bytes, maps and extensions read back as what they print.
void check_fixpoint(const std::vector<std::uint8_t>& msgpack) {
  WireJson json;
  try {
    json = hdk_host::msgpack_to_json(msgpack);
  } catch (const hdk_host::JsonWireError& e) {
    hdk_fuzz::fail(std::string("json_to_msgpack wrote msgpack it cannot read: ") + e.what());
  }
  (void)hdk_host::print_json(json);
  const auto again = to_msgpack(json);
  if (!again) hdk_fuzz::fail("JSON printed from msgpack is refused as input");
  if (*again != msgpack) hdk_fuzz::fail("msgpack -> JSON -> msgpack changed the bytes");
}

void zome_output(hdk_fuzz::Input input) {
  WireJson json;
  try {
    json = hdk_host::msgpack_to_json(input);
  } catch (const hdk_host::JsonWireError&) {
    return;
  }
  (void)hdk_host::print_json(json);
  // A str that starts as a hash does but is not one has no input form; any
  // other value does, and from there the forms are a fixpoint.
  if (const auto msgpack = to_msgpack(json)) check_fixpoint(*msgpack);
}

void user_json(hdk_fuzz::Input input) {
  const std::string text(input.begin(), input.end());
  const WireJson json = WireJson::parse(text, nullptr, false);
  if (json.is_discarded()) return;
  if (const auto msgpack = to_msgpack(json)) check_fixpoint(*msgpack);
}

void bundle_file(hdk_fuzz::Input input) {
  std::variant<hdk_host::bundle::DnaBundle, hdk_host::bundle::AppBundle> bundle;
  try {
    bundle = hdk_host::bundle::decode_bundle_file(input, "fuzz.dna");
  } catch (const hdk_host::bundle::BundleError&) {
    return;
  }
  // A bundle read is one that writes and reads back the same.
  const auto msgpack =
      std::visit([](const auto& b) { return hdk_host::bundle::encode_bundle(b); }, bundle);
  const auto file = hdk_host::bundle::gzip(msgpack);
  const auto again = hdk_host::bundle::decode_bundle_file(file, "again.dna");
  const auto msgpack_again =
      std::visit([](const auto& b) { return hdk_host::bundle::encode_bundle(b); }, again);
  if (msgpack_again != msgpack) hdk_fuzz::fail("a bundle read and written reads back otherwise");
  if (const auto* dna = std::get_if<hdk_host::bundle::DnaBundle>(&bundle)) {
    try {
      (void)hdk_host::bundle::dna_hash(*dna);
    } catch (const hdk_host::bundle::BundleError&) {
      // A zome whose resource is missing has no hash; the error says which.
    }
  }
}

}  // namespace

// Input: a selector byte (0: a zome's msgpack answer; 1: JSON text; 2: a
// bundle file's bytes), then the bytes.
HDK_FUZZ_TARGET(tool_inputs) {
  if (input.empty()) return;
  switch (input[0] % 3) {
    case 0:
      zome_output(input.subspan(1));
      break;
    case 1:
      user_json(input.subspan(1));
      break;
    default:
      bundle_file(input.subspan(1));
      break;
  }
}
