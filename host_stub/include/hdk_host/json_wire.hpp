// JSON <-> the msgpack a zome reads and writes, with Holochain's text forms:
//
//   a hash        "uhCkk..." (action), "uhCEk..." (entry), "uhCAk..." (agent),
//                 "uhC0k..." (DNA), ...: a msgpack bin of its 39 bytes
//   other bytes   {"$bytes": "<standard base64>"}: a msgpack bin
//   a map whose keys are not all strings
//                 {"$map": [[key, value], ...]}
//   an extension  {"$ext": [type, "<base64>"]}
//
// Everything else maps as nlohmann's JSON <-> msgpack does. On input a
// string that starts as a hash does ("uhCkk", "uhCAk", ... :
// looks_like_holo_hash) must be a valid one; a mistyped hash is an error,
// never a string. On output every 39-byte bin with a hash type's prefix
// prints as its base64, every other bin as {"$bytes": ...}.
#pragma once

#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace hdk_host {

/// JSON whose objects keep their keys in order: a struct prints its fields
/// in the order the zome declares them. (Compare two with their
/// nlohmann::json copies: an ordered object's == minds the order.)
using WireJson = nlohmann::ordered_json;

/// Input that has no msgpack form, or msgpack that is not one value. The
/// message names where in the value (`.post.original`, `[2]`).
class JsonWireError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The msgpack of `value`, in the forms above. Throws JsonWireError.
std::vector<std::uint8_t> json_to_msgpack(const WireJson& value);

/// `value` as one line of JSON text. A string that is not UTF-8 (a msgpack
/// str may hold any bytes) prints with U+FFFD in place of the bad bytes.
std::string print_json(const WireJson& value);

/// The JSON of one msgpack value, in the forms above. Throws JsonWireError
/// when the bytes are not exactly one msgpack value.
WireJson msgpack_to_json(std::span<const std::uint8_t> msgpack);

}  // namespace hdk_host
