// A YAML value on the wire, as serde_yaml's Value serializes itself (null as
// unit, a number as the u64, i64 or f64 it holds, a mapping in its order)
// and as it deserializes from msgpack (any integer, float, string, sequence
// or map; bytes are no YAML value).
#include "hdk_host/bundle.hpp"

namespace hdk {

using hdk_host::bundle::YamlValue;

void Codec<YamlValue>::encode(Packer& p, const YamlValue& value) {
  switch (value.kind) {
    case YamlValue::Kind::Null:
      p.pack_nil();
      return;
    case YamlValue::Kind::Bool:
      value.boolean ? p.pack_true() : p.pack_false();
      return;
    case YamlValue::Kind::Uint:
      p.pack_uint64(value.uint_value);
      return;
    case YamlValue::Kind::Int:
      p.pack_int64(value.int_value);
      return;
    case YamlValue::Kind::Float:
      codec_detail::pack_f64(p, value.float_value);
      return;
    case YamlValue::Kind::String:
      codec_detail::pack_string(p, value.string);
      return;
    case YamlValue::Kind::Sequence:
      p.pack_array(static_cast<std::uint32_t>(value.sequence.size()));
      for (const auto& item : value.sequence) encode(p, item);
      return;
    case YamlValue::Kind::Mapping:
      p.pack_map(static_cast<std::uint32_t>(value.mapping.size()));
      for (const auto& [key, item] : value.mapping) {
        encode(p, key);
        encode(p, item);
      }
      return;
  }
}

bool Codec<YamlValue>::decode(const msgpack::object& o, YamlValue& out, DecodeError& err) {
  out = YamlValue{};
  switch (o.type) {
    case msgpack::type::NIL:
      return true;
    case msgpack::type::BOOLEAN:
      out.kind = YamlValue::Kind::Bool;
      out.boolean = o.via.boolean;
      return true;
    case msgpack::type::POSITIVE_INTEGER:
      out.kind = YamlValue::Kind::Uint;
      out.uint_value = o.via.u64;
      return true;
    case msgpack::type::NEGATIVE_INTEGER:
      out.kind = YamlValue::Kind::Int;
      out.int_value = o.via.i64;
      return true;
    case msgpack::type::FLOAT32:
    case msgpack::type::FLOAT64:
      out.kind = YamlValue::Kind::Float;
      out.float_value = o.via.f64;
      return true;
    case msgpack::type::STR:
      out.kind = YamlValue::Kind::String;
      return Codec<std::string>::decode(o, out.string, err);
    case msgpack::type::ARRAY:
      out.kind = YamlValue::Kind::Sequence;
      out.sequence.resize(o.via.array.size);
      for (std::uint32_t i = 0; i < o.via.array.size; ++i)
        if (!decode(o.via.array.ptr[i], out.sequence[i], err)) return false;
      return true;
    case msgpack::type::MAP:
      out.kind = YamlValue::Kind::Mapping;
      out.mapping.resize(o.via.map.size);
      for (std::uint32_t i = 0; i < o.via.map.size; ++i)
        if (!decode(o.via.map.ptr[i].key, out.mapping[i].key, err) ||
            !decode(o.via.map.ptr[i].val, out.mapping[i].value, err))
          return false;
      return true;
    default:
      return codec_detail::mismatch(o, "a YAML value", err);
  }
}

}  // namespace hdk
