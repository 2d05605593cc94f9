// JSON <-> msgpack with hashes and bytes (hdk_host/json_wire.hpp).
#include "hdk_host/json_wire.hpp"

#ifndef MSGPACK_NO_BOOST
#define MSGPACK_NO_BOOST
#endif
#include <msgpack.hpp>

#include <hdk/codec.hpp>

#include "hdk_host/holo_hash_base64.hpp"

namespace hdk_host {
namespace {

using Packer = msgpack::packer<msgpack::sbuffer>;
using Json = WireJson;

std::string where(const std::string& path) { return path.empty() ? "the value" : path; }

[[noreturn]] void fail(const std::string& path, const std::string& message) {
  throw JsonWireError(where(path) + ": " + message);
}

void pack_bytes(Packer& p, std::span<const std::uint8_t> bytes) {
  p.pack_bin(static_cast<std::uint32_t>(bytes.size()));
  p.pack_bin_body(reinterpret_cast<const char*>(bytes.data()),
                  static_cast<std::uint32_t>(bytes.size()));
}

/// The one key of {"$bytes": ...}-like objects, or "" when `value` is not one.
std::string tag_of(const Json& value) {
  if (!value.is_object() || value.size() != 1) return "";
  const std::string& key = value.begin().key();
  return key == "$bytes" || key == "$map" || key == "$ext" ? key : "";
}

std::vector<std::uint8_t> decode_base64(const Json& text, const std::string& path) {
  if (!text.is_string()) fail(path, "takes a base64 string");
  auto bytes = base64_decode(text.get<std::string>());
  if (!bytes) fail(path, "`" + text.get<std::string>() + "` is not base64");
  return std::move(*bytes);
}

void pack(Packer& p, const Json& value, const std::string& path, std::size_t depth = 0) {
  // As deep as a zome may read (rmp-serde's limit), and no deeper: the
  // recursion stays bounded whatever JSON comes in.
  if (depth > hdk::kMaxDepth) fail(path, "nests deeper than a zome reads");
  switch (value.type()) {
    case nlohmann::json::value_t::null:
      p.pack_nil();
      return;
    case nlohmann::json::value_t::boolean:
      value.get<bool>() ? p.pack_true() : p.pack_false();
      return;
    case nlohmann::json::value_t::number_unsigned:
      p.pack_uint64(value.get<std::uint64_t>());
      return;
    case nlohmann::json::value_t::number_integer:
      p.pack_int64(value.get<std::int64_t>());
      return;
    case nlohmann::json::value_t::number_float:
      p.pack_double(value.get<double>());
      return;
    case nlohmann::json::value_t::string: {
      const std::string& text = value.get_ref<const std::string&>();
      if (looks_like_holo_hash(text)) {
        std::string error;
        const auto hash = holo_hash_from_base64(text, error);
        if (!hash) fail(path, "`" + text + "` starts as a hash but is not one: " + error);
        pack_bytes(p, *hash);
        return;
      }
      p.pack_str(static_cast<std::uint32_t>(text.size()));
      p.pack_str_body(text.data(), static_cast<std::uint32_t>(text.size()));
      return;
    }
    case nlohmann::json::value_t::binary: {
      const auto& bin = value.get_binary();
      pack_bytes(p, std::span<const std::uint8_t>(bin.data(), bin.size()));
      return;
    }
    case nlohmann::json::value_t::array:
      p.pack_array(static_cast<std::uint32_t>(value.size()));
      for (std::size_t i = 0; i < value.size(); ++i)
        pack(p, value[i], path + "[" + std::to_string(i) + "]", depth + 1);
      return;
    case nlohmann::json::value_t::object: {
      const std::string tag = tag_of(value);
      const Json& body = tag.empty() ? value : value.begin().value();
      const std::string inner = path + "." + tag;
      if (tag == "$bytes") {
        pack_bytes(p, decode_base64(body, inner));
      } else if (tag == "$map") {
        if (!body.is_array()) fail(inner, "takes an array of [key, value] pairs");
        p.pack_map(static_cast<std::uint32_t>(body.size()));
        for (std::size_t i = 0; i < body.size(); ++i) {
          const std::string at = inner + "[" + std::to_string(i) + "]";
          if (!body[i].is_array() || body[i].size() != 2) fail(at, "is not a [key, value] pair");
          pack(p, body[i][0], at + "[0]", depth + 1);
          pack(p, body[i][1], at + "[1]", depth + 1);
        }
      } else if (tag == "$ext") {
        if (!body.is_array() || body.size() != 2 || !body[0].is_number_integer())
          fail(inner, "takes [type, \"<base64>\"]");
        const auto type = body[0].get<std::int64_t>();
        if (type < -128 || type > 127) fail(inner, "an extension type is -128 to 127");
        const auto bytes = decode_base64(body[1], inner + "[1]");
        p.pack_ext(bytes.size(), static_cast<std::int8_t>(type));
        p.pack_ext_body(reinterpret_cast<const char*>(bytes.data()),
                        static_cast<std::uint32_t>(bytes.size()));
      } else {
        p.pack_map(static_cast<std::uint32_t>(value.size()));
        for (const auto& [key, item] : value.items()) {
          p.pack_str(static_cast<std::uint32_t>(key.size()));
          p.pack_str_body(key.data(), static_cast<std::uint32_t>(key.size()));
          pack(p, item, path + "." + key, depth + 1);
        }
      }
      return;
    }
    case nlohmann::json::value_t::discarded:
      break;
  }
  fail(path, "has no msgpack form");
}

Json bytes_json(const char* data, std::size_t size) {
  const std::span<const std::uint8_t> bytes(reinterpret_cast<const std::uint8_t*>(data), size);
  if (is_holo_hash(bytes)) return holo_hash_to_base64(bytes);
  return Json{{"$bytes", base64_encode(bytes)}};
}

Json to_json(const msgpack::object& o) {
  switch (o.type) {
    case msgpack::type::NIL:
      return nullptr;
    case msgpack::type::BOOLEAN:
      return o.via.boolean;
    case msgpack::type::POSITIVE_INTEGER:
      return o.via.u64;
    case msgpack::type::NEGATIVE_INTEGER:
      return o.via.i64;
    case msgpack::type::FLOAT32:
    case msgpack::type::FLOAT64:
      return o.via.f64;
    case msgpack::type::STR:
      return std::string(o.via.str.ptr, o.via.str.size);
    case msgpack::type::BIN:
      return bytes_json(o.via.bin.ptr, o.via.bin.size);
    case msgpack::type::EXT: {
      const std::span<const std::uint8_t> body(
          reinterpret_cast<const std::uint8_t*>(o.via.ext.data()), o.via.ext.size);
      return Json{{"$ext", Json::array({o.via.ext.type(), base64_encode(body)})}};
    }
    case msgpack::type::ARRAY: {
      Json out = Json::array();
      for (std::uint32_t i = 0; i < o.via.array.size; ++i)
        out.push_back(to_json(o.via.array.ptr[i]));
      return out;
    }
    case msgpack::type::MAP: {
      const auto* begin = o.via.map.ptr;
      const auto* end = begin + o.via.map.size;
      // A JSON object when every key is a string, none repeated, and the
      // object could not be mistaken for one of the tagged forms.
      bool plain = true;
      Json object = Json::object();
      for (const auto* kv = begin; kv != end && plain; ++kv) {
        if (kv->key.type != msgpack::type::STR) {
          plain = false;
          break;
        }
        std::string key(kv->key.via.str.ptr, kv->key.via.str.size);
        if (object.contains(key)) plain = false;
        object[key] = to_json(kv->val);
      }
      if (plain && tag_of(object).empty()) return object;
      Json pairs = Json::array();
      for (const auto* kv = begin; kv != end; ++kv)
        pairs.push_back(Json::array({to_json(kv->key), to_json(kv->val)}));
      return Json{{"$map", std::move(pairs)}};
    }
  }
  throw JsonWireError("msgpack value of unknown type");
}

}  // namespace

std::vector<std::uint8_t> json_to_msgpack(const Json& value) {
  msgpack::sbuffer buffer;
  Packer packer(buffer);
  pack(packer, value, "");
  return std::vector<std::uint8_t>(buffer.data(), buffer.data() + buffer.size());
}

std::string print_json(const Json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Json msgpack_to_json(std::span<const std::uint8_t> msgpack) {
  // The HDK's checked parser: a zome's answer is untrusted, and a declared
  // size the bytes cannot hold, or nesting past rmp-serde's limit, is an
  // error here, not an allocation or a recursion without end.
  hdk::DecodeArena arena;
  msgpack::object object;
  hdk::DecodeError err;
  if (!hdk::parse_object(msgpack.data(), msgpack.size(), arena, object, err))
    throw JsonWireError("not one msgpack value: " + err.message);
  return to_json(object);
}

}  // namespace hdk_host
