// msgpack in Holochain's rules (rmp-serde with struct maps, as
// holochain_serialized_bytes encodes): structs as maps keyed by field name,
// enums externally tagged by variant name, serde_bytes as bin, Option as nil,
// integers in their smallest form, floats always at their own width (every
// NaN as the canonical quiet NaN, so that bytes do not depend on the engine).
//
// Decoding never throws: msgpack-cxx's parser runs with a visitor that records
// failures and refuses declared sizes the input cannot hold, then typed
// decoders check every object's type before reading it.
//
// One header per job, all included here:
//   codec/buffer.hpp        OutBuffer and Packer (where encoded bytes go)
//   codec/core.hpp          Codec<T>, DecodeError, Bytes, Unit, encode()
//   codec/primitives.hpp    bool, integers, floats, strings, unit
//   codec/std_types.hpp     vector, array, optional, map, tuple, pair, Bytes
//   codec/shapes.hpp        HDK_STRUCT and the other shape macros
//   codec/tagged_enums.hpp  HDK_ENUM, std::variant, TaggedVariant
//   codec/parse.hpp         decode(): parsing without exceptions
#pragma once

#include "hdk/codec/buffer.hpp"
#include "hdk/codec/core.hpp"
#include "hdk/codec/parse.hpp"
#include "hdk/codec/primitives.hpp"
#include "hdk/codec/shapes.hpp"
#include "hdk/codec/std_types.hpp"
#include "hdk/codec/tagged_enums.hpp"
