// Clone cells: copies of a DNA of the app with other modifiers
// (holochain_zome_types::clone, ::cell, holochain_integrity_types::dna_modifiers).
#pragma once

#include <optional>
#include <string>
#include <tuple>

#include "hdk/codec.hpp"
#include "hdk/types/hash.hpp"
#include "hdk/types/info.hpp"

namespace hdk {

/// (DnaHash, AgentPubKey) as a serde tuple struct.
using CellId = std::tuple<DnaHash, AgentPubKey>;

/// A clone's id within its role: "<role>.<index>".
struct CloneId {
  std::string id;
  HDK_NEWTYPE(id);
};

/// Properties written as YAML (holochain_zome_types::properties::YamlProperties):
/// on the wire the YAML value itself, so any msgpack value. Held here as that
/// value's msgpack (`YamlProperties::from(value)` writes one).
struct YamlProperties {
  Bytes msgpack{0xc0};  // YAML null
  template <class T>
  static YamlProperties from(const T& value) {
    return YamlProperties{Bytes(encode_to_vector(value))};
  }
};

namespace clone_detail {
/// Writes a parsed msgpack value back out as rmp-serde would write it.
inline void write_value(Packer& p, const msgpack::object& o) {
  switch (o.type) {
    case msgpack::type::NIL:
      p.pack_nil();
      return;
    case msgpack::type::BOOLEAN:
      o.via.boolean ? p.pack_true() : p.pack_false();
      return;
    case msgpack::type::POSITIVE_INTEGER:
      p.pack_uint64(o.via.u64);
      return;
    case msgpack::type::NEGATIVE_INTEGER:
      p.pack_int64(o.via.i64);
      return;
    case msgpack::type::FLOAT32:
      codec_detail::pack_f32(p, codec_detail::narrow_f32(o));
      return;
    case msgpack::type::FLOAT64:
      codec_detail::pack_f64(p, o.via.f64);
      return;
    case msgpack::type::STR:
      p.pack_str(o.via.str.size);
      p.pack_str_body(o.via.str.ptr, o.via.str.size);
      return;
    case msgpack::type::BIN:
      p.pack_bin(o.via.bin.size);
      p.pack_bin_body(o.via.bin.ptr, o.via.bin.size);
      return;
    case msgpack::type::EXT:
      p.pack_ext(o.via.ext.size, o.via.ext.type());
      p.pack_ext_body(o.via.ext.data(), o.via.ext.size);
      return;
    case msgpack::type::ARRAY:
      p.pack_array(o.via.array.size);
      for (std::uint32_t i = 0; i < o.via.array.size; ++i) write_value(p, o.via.array.ptr[i]);
      return;
    case msgpack::type::MAP:
      p.pack_map(o.via.map.size);
      for (std::uint32_t i = 0; i < o.via.map.size; ++i) {
        write_value(p, o.via.map.ptr[i].key);
        write_value(p, o.via.map.ptr[i].val);
      }
      return;
  }
}
}  // namespace clone_detail

template <>
struct Codec<YamlProperties> {
  static void encode(Packer& p, const YamlProperties& v) {
    if (v.msgpack.empty()) {
      p.pack_nil();
      return;
    }
    p.buffer().write(reinterpret_cast<const char*>(v.msgpack.data()), v.msgpack.size());
  }
  static bool decode(const msgpack::object& o, YamlProperties& out, DecodeError&) {
    OutBuffer buffer;
    Packer p(buffer);
    clone_detail::write_value(p, o);
    out.msgpack = Bytes(buffer.to_vector());
    return true;
  }
};

/// DnaModifiers with every field optional: unset ones keep the original's.
struct DnaModifiersOpt {
  std::optional<std::string> network_seed;
  std::optional<YamlProperties> properties;
  HDK_STRUCT(network_seed, properties);
};

struct CreateCloneCellInput {
  CellId cell_id;
  DnaModifiersOpt modifiers;
  std::optional<Bytes> membrane_proof;
  std::optional<std::string> name;
  HDK_STRUCT(cell_id, modifiers, membrane_proof, name);
};

struct ClonedCell {
  CellId cell_id;
  CloneId clone_id;
  DnaHash original_dna_hash;
  DnaModifiers dna_modifiers;
  std::string name;
  bool enabled = false;
  HDK_STRUCT(cell_id, clone_id, original_dna_hash, dna_modifiers, name, enabled);
};

/// #[serde(tag = "type", content = "value", rename_all = "snake_case")].
namespace clone_cell_id {
struct ByCloneId {
  CloneId id;
  HDK_NEWTYPE_VARIANT(clone_id, id);
};
struct ByDnaHash {
  DnaHash hash;
  HDK_NEWTYPE_VARIANT(dna_hash, hash);
};
}  // namespace clone_cell_id
struct CloneCellId : TaggedVariant<clone_cell_id::ByCloneId, clone_cell_id::ByDnaHash> {
  using TaggedVariant::TaggedVariant;
  HDK_ADJACENTLY_TAGGED("type", "value");
};

/// disable_clone_cell's, enable_clone_cell's and delete_clone_cell's input.
struct DisableCloneCellInput {
  CloneCellId clone_cell_id;
  HDK_STRUCT(clone_cell_id);
};
using EnableCloneCellInput = DisableCloneCellInput;
using DeleteCloneCellInput = DisableCloneCellInput;

}  // namespace hdk
