// Scalars and strings: bool, integers in their smallest form, floats at
// their own width (NaNs canonical), UTF-8 checked strings, and unit.
#pragma once

#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <type_traits>

#include "hdk/codec/core.hpp"

namespace hdk {

namespace codec_detail {

/// Out-of-range failures, outside the per-type template (it is instantiated
/// for every integer type a zome reads).
inline bool fail_out_of_range(const msgpack::object& o, DecodeError& err) {
  err.message = "integer " +
                (o.type == msgpack::type::POSITIVE_INTEGER ? std::to_string(o.via.u64)
                                                           : std::to_string(o.via.i64)) +
                " out of range";
  return false;
}

template <class Int>
bool decode_integer(const msgpack::object& o, Int& out, DecodeError& err) {
  if (o.type == msgpack::type::POSITIVE_INTEGER) {
    const std::uint64_t v = o.via.u64;
    if (v > static_cast<std::uint64_t>(std::numeric_limits<Int>::max()))
      return fail_out_of_range(o, err);
    out = static_cast<Int>(v);
    return true;
  }
  if (o.type == msgpack::type::NEGATIVE_INTEGER) {
    const std::int64_t v = o.via.i64;
    if constexpr (std::is_signed_v<Int>) {
      if (v >= static_cast<std::int64_t>(std::numeric_limits<Int>::min())) {
        out = static_cast<Int>(v);
        return true;
      }
    }
    return fail_out_of_range(o, err);
  }
  return mismatch(o, "integer", err);
}

/// The one NaN of each width the HDK writes (quiet, positive, no payload).
inline constexpr std::uint64_t kCanonicalNan64 = 0x7ff8000000000000u;
inline constexpr std::uint32_t kCanonicalNan32 = 0x7fc00000u;

/// Writes a float at its own width. msgpack-cxx's pack_double writes a double
/// that holds an integer as an integer; rmp-serde never does.
///
/// A NaN is written as the canonical quiet NaN, whatever its sign and payload:
/// wasm lets arithmetic make a NaN of any bits, engines and CPUs differ, and
/// serialized bytes are hashed and signed (docs/determinism.md). rmp-serde
/// writes NaN bits as they are; decoding here keeps them as they are.
inline void pack_f64(Packer& p, double d) {
  std::uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  if ((bits & 0x7ff0000000000000u) == 0x7ff0000000000000u && (bits & 0x000fffffffffffffu) != 0)
    bits = kCanonicalNan64;
  char buf[9];
  buf[0] = static_cast<char>(0xcb);
  for (int i = 0; i < 8; ++i) buf[1 + i] = static_cast<char>(bits >> (56 - 8 * i));
  p.buffer().write(buf, 9);
}

inline void pack_f32(Packer& p, float f) {
  std::uint32_t bits;
  std::memcpy(&bits, &f, sizeof bits);
  if ((bits & 0x7f800000u) == 0x7f800000u && (bits & 0x007fffffu) != 0) bits = kCanonicalNan32;
  char buf[5];
  buf[0] = static_cast<char>(0xca);
  for (int i = 0; i < 4; ++i) buf[1 + i] = static_cast<char>(bits >> (24 - 8 * i));
  p.buffer().write(buf, 5);
}

// msgpack-cxx keeps an f32 in a double. The two conversions are done on the
// bits, not by the FPU: the FPU's conversion quiets a signalling NaN, while
// rmp-serde hands an f32 to an f32 bit for bit; and a zome that never does
// float arithmetic then has no float instructions at all (the promote and
// demote instructions are ones whose NaNs wasm leaves to the engine, and
// hdk-check --determinism lists them).
inline double widen_f32(float f) {
  std::uint32_t bits;
  std::memcpy(&bits, &f, sizeof bits);
  const std::uint64_t sign = std::uint64_t{bits >> 31} << 63;
  std::uint32_t exponent = (bits >> 23) & 0xffu;
  std::uint64_t mantissa = bits & 0x007fffffu;
  std::uint64_t wide = sign;
  if (exponent == 0xffu) {  // infinity or NaN, payload untouched
    wide |= (std::uint64_t{0x7ff} << 52) | (mantissa << 29);
  } else if (exponent != 0) {  // normal: rebias 127 -> 1023
    wide |= (std::uint64_t{exponent + 896u} << 52) | (mantissa << 29);
  } else if (mantissa != 0) {  // subnormal: normal as an f64
    std::uint32_t e = 897;     // 2^-126's biased f64 exponent, less one per shift
    while ((mantissa & 0x00800000u) == 0) {
      mantissa <<= 1;
      --e;
    }
    wide |= (std::uint64_t{e} << 52) | ((mantissa & 0x007fffffu) << 29);
  }  // else +-0: the sign alone
  double d;
  std::memcpy(&d, &wide, sizeof d);
  return d;
}

/// The f32 a FLOAT32 object holds (the inverse of widen_f32: the double is
/// an f32's exact widening, so nothing needs rounding).
inline float narrow_f32(const msgpack::object& o) {
  std::uint64_t wide;
  std::memcpy(&wide, &o.via.f64, sizeof wide);
  const std::uint32_t sign = static_cast<std::uint32_t>(wide >> 63) << 31;
  const std::uint32_t exponent = static_cast<std::uint32_t>(wide >> 52) & 0x7ffu;
  const std::uint32_t mantissa = static_cast<std::uint32_t>((wide >> 29) & 0x007fffffu);
  std::uint32_t bits = sign;
  if (exponent == 0x7ffu) {
    bits |= 0x7f800000u | mantissa;
  } else if (exponent >= 897) {  // an f32 normal
    bits |= ((exponent - 896u) << 23) | mantissa;
  } else if (exponent >= 874) {  // an f32 subnormal
    bits |= (0x00800000u | mantissa) >> (897u - exponent);
  }  // else zero
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

}  // namespace codec_detail

// ---------------------------------------------------------------------------
// Standard types.

template <>
struct Codec<bool> {
  static void encode(Packer& p, bool v) { v ? p.pack_true() : p.pack_false(); }
  static bool decode(const msgpack::object& o, bool& out, DecodeError& err) {
    if (o.type != msgpack::type::BOOLEAN) return codec_detail::mismatch(o, "bool", err);
    out = o.via.boolean;
    return true;
  }
};

template <class Int>
struct Codec<Int, std::enable_if_t<std::is_integral_v<Int> && !std::is_same_v<Int, bool>>> {
  static void encode(Packer& p, Int v) {
    if constexpr (std::is_signed_v<Int>) {
      p.pack_int64(static_cast<std::int64_t>(v));
    } else {
      p.pack_uint64(static_cast<std::uint64_t>(v));
    }
  }
  static bool decode(const msgpack::object& o, Int& out, DecodeError& err) {
    return codec_detail::decode_integer(o, out, err);
  }
};

template <>
struct Codec<double> {
  static void encode(Packer& p, double v) { codec_detail::pack_f64(p, v); }
  static bool decode(const msgpack::object& o, double& out, DecodeError& err) {
    if (o.type == msgpack::type::FLOAT64) {
      out = o.via.f64;
      return true;
    }
    if (o.type == msgpack::type::FLOAT32) {
      out = o.via.f64;  // the f32 widened exactly (Rust's `as f64`, NaN bits kept)
      return true;
    }
    if (o.type == msgpack::type::POSITIVE_INTEGER) {
      out = static_cast<double>(o.via.u64);
      return true;
    }
    if (o.type == msgpack::type::NEGATIVE_INTEGER) {
      out = static_cast<double>(o.via.i64);
      return true;
    }
    return codec_detail::mismatch(o, "f64", err);
  }
};

template <>
struct Codec<float> {
  static void encode(Packer& p, float v) { codec_detail::pack_f32(p, v); }
  static bool decode(const msgpack::object& o, float& out, DecodeError& err) {
    if (o.type == msgpack::type::FLOAT32) {
      out = codec_detail::narrow_f32(o);
      return true;
    }
    double d = 0;
    if (!Codec<double>::decode(o, d, err)) return false;
    out = static_cast<float>(d);  // Rust's `as f32`, as serde reads an f64 into an f32
    return true;
  }
};

template <>
struct Codec<std::string> {
  static void encode(Packer& p, const std::string& v) { codec_detail::pack_string(p, v); }
  // serde's String takes a str or a bin, if either holds valid UTF-8.
  static bool decode(const msgpack::object& o, std::string& out, DecodeError& err) {
    const char* text = nullptr;
    std::size_t size = 0;
    if (o.type == msgpack::type::STR) {
      text = o.via.str.ptr, size = o.via.str.size;
    } else if (o.type == msgpack::type::BIN) {
      text = o.via.bin.ptr, size = o.via.bin.size;
    } else {
      return codec_detail::mismatch(o, "a string", err);
    }
    if (!codec_detail::valid_utf8(text, size)) {
      err.message = "invalid utf-8 in a string";
      return false;
    }
    out.assign(text, size);
    return true;
  }
};

template <>
struct Codec<Unit> {
  static void encode(Packer& p, Unit) { p.pack_nil(); }
  static bool decode(const msgpack::object& o, Unit&, DecodeError& err) {
    if (o.type != msgpack::type::NIL) return codec_detail::mismatch(o, "unit", err);
    return true;
  }
};

}  // namespace hdk
