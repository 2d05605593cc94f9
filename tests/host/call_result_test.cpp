// CallResult reads a guest's `{"Ok": bin}` by its header and views the
// output in place; anything else is parsed in full. Both ways must agree with
// the full decoder on every form, so the envelopes here are written by
// msgpack-cxx's packer, not by the code under test.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <msgpack.hpp>

#include "hdk_host/host.hpp"

namespace {

using Bytes = std::vector<std::uint8_t>;

struct Buffer {
  Bytes bytes;
  void write(const char* data, std::size_t size) { bytes.insert(bytes.end(), data, data + size); }
};

/// {"Ok": bin(payload)}, its key written as a fixstr or (like no rmp-serde
/// does, but a valid msgpack str) as a str8.
Bytes ok_envelope(const Bytes& payload, bool str8_key = false) {
  Buffer out;
  msgpack::packer<Buffer> pk(out);
  pk.pack_map(1);
  if (str8_key) {
    out.bytes.insert(out.bytes.end(), {0xd9, 0x02, 'O', 'k'});
  } else {
    pk.pack(std::string("Ok"));
  }
  pk.pack_bin(static_cast<std::uint32_t>(payload.size()));
  pk.pack_bin_body(reinterpret_cast<const char*>(payload.data()), payload.size());
  return out.bytes;
}

Bytes payload_of(std::size_t size) {
  Bytes payload(size);
  for (std::size_t i = 0; i < size; ++i) payload[i] = static_cast<std::uint8_t>(i * 7 + 1);
  return payload;
}

/// What the full decoder makes of `bytes`: the output, or nothing.
std::optional<Bytes> full_decode_output(const Bytes& bytes) {
  hdk::ExternResult<hdk::ExternIO> decoded;
  hdk::DecodeError err;
  if (!hdk::decode(bytes, decoded, err) || !decoded.is_ok()) return std::nullopt;
  return decoded.value().bytes;
}

}  // namespace

TEST_CASE("call result: an Ok of every bin width is read in place, as the full decoder reads it") {
  // bin8, bin16 and bin32 headers, and the edges between them.
  for (const std::size_t size : {0u, 1u, 255u, 256u, 65535u, 65536u, 300000u}) {
    DYNAMIC_SECTION(size << " bytes") {
      const Bytes bytes = ok_envelope(payload_of(size));
      const hdk_host::CallResult r = hdk_host::CallResult::from_result_bytes(bytes, "test");
      REQUIRE(r.ok());
      const std::optional<Bytes> expected = full_decode_output(bytes);
      REQUIRE(expected);
      CHECK(std::ranges::equal(r.output(), *expected));
      CHECK(r.raw() == bytes);
      // A view into raw(), not a copy of it.
      if (size) CHECK(r.output().data() >= r.raw().data());
    }
  }
}

TEST_CASE("call result: an Ok in another valid form is parsed in full") {
  const Bytes payload = payload_of(40);
  const Bytes bytes = ok_envelope(payload, /*str8_key=*/true);
  const hdk_host::CallResult r = hdk_host::CallResult::from_result_bytes(bytes, "test");
  const std::optional<Bytes> expected = full_decode_output(bytes);
  CHECK(r.ok() == expected.has_value());
  if (expected) CHECK(std::ranges::equal(r.output(), *expected));
  CHECK(r.raw() == bytes);
}

TEST_CASE("call result: malformed envelopes are BadResult faults naming the call") {
  const Bytes good = ok_envelope(payload_of(20));
  Bytes trailing = good;
  trailing.push_back(0xc0);
  Bytes truncated = good;
  truncated.pop_back();
  Bytes lying_length = good;
  lying_length[5] = 0xff;  // bin8 length 255 over a 20-byte body
  for (const Bytes& bytes : {trailing, truncated, lying_length, Bytes{}, Bytes{0x81, 0xa2, 'O'}}) {
    const hdk_host::CallResult r = hdk_host::CallResult::from_result_bytes(bytes, "zome `z`");
    REQUIRE(r.fault());
    CHECK(r.fault()->kind() == hdk_host::FaultKind::BadResult);
    CHECK_THAT(r.fault()->what(), Catch::Matchers::StartsWith("zome `z`: "));
  }
}

TEST_CASE("call result: an Err is parsed in full and keeps its bytes") {
  const hdk::ExternResult<hdk::ExternIO> err =
      hdk::make_wasm_error(hdk::wasm_error_inner::Guest{"no such post"}, "forum", 7);
  const Bytes bytes = hdk::encode_to_vector(err);
  const hdk_host::CallResult r = hdk_host::CallResult::from_result_bytes(bytes, "test");
  REQUIRE(r.wasm_error());
  CHECK(r.wasm_error()->kind() == "Guest");
  CHECK(r.wasm_error()->message() == "no such post");
  CHECK(r.output().empty());
  CHECK(r.raw() == bytes);
}
