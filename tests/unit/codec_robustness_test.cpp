// Bad input never throws, never crashes and always comes back as a
// DecodeError: the guest decodes whatever the host (or a caller) hands it,
// and an exception or a trap there would take the whole zome call down.
#include <catch2/catch.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "hdk/codec.hpp"
#include "hdk/error.hpp"
#include "hdk/extern_io.hpp"
#include "hdk/types.hpp"

namespace {

using ByteVec = std::vector<std::uint8_t>;

struct Post {
  std::string title;
  std::vector<std::string> tags;
  hdk::Bytes cover;
  std::optional<std::uint32_t> likes;
  std::map<std::string, std::int64_t> counters;
  double score = 0;
  HDK_STRUCT(title, tags, cover, likes, counters, score);
};

struct Draft {
  std::string text;
  HDK_NEWTYPE_VARIANT(Draft, text);
};
struct Published {
  Post post;
  hdk::Timestamp at;
  HDK_STRUCT_VARIANT(Published, post, at);
};
struct Deleted {
  HDK_UNIT_VARIANT(Deleted);
};
using Status = std::variant<Draft, Published, Deleted>;

struct Deep {
  std::vector<Deep> inner;
  HDK_NEWTYPE(inner);
};

Post sample_post() {
  return Post{"hello world",
              {"a", "bb"},
              hdk::Bytes{1, 2, 3, 200},
              70000u,
              {{"views", -5}, {"shares", 1LL << 40}},
              1.5};
}

/// Valid messages of several shapes, to cut short and to misread.
std::vector<ByteVec> valid_messages() {
  return {
      hdk::encode_to_vector(sample_post()),
      hdk::encode_to_vector(Status{Published{sample_post(), hdk::Timestamp{1700000000000000}}}),
      hdk::encode_to_vector(hdk::ExternResult<hdk::ExternIO>(hdk::ExternIO::from(sample_post()))),
      hdk::encode_to_vector(hdk::ExternResult<std::string>(HDK_ERROR("no such post"))),
      hdk::encode_to_vector(hdk::TraceMsg{"a trace", hdk::Level::DEBUG}),
      hdk::encode_to_vector(std::string(300, 'x')),
      hdk::encode_to_vector(hdk::Bytes(70000, 7)),
      hdk::encode_to_vector(std::vector<std::uint64_t>{0, 1u << 20, ~0ull}),
  };
}

/// Decoding `bytes` as T must not throw; returns whether it succeeded, and
/// checks that a failure says why.
template <class T>
bool decodes_as(const ByteVec& bytes) {
  T value{};
  hdk::DecodeError err;
  bool ok = false;
  CHECK_NOTHROW(ok = hdk::decode(bytes, value, err));
  if (!ok) CHECK_FALSE(err.message.empty());
  return ok;
}

/// Decodes `bytes` as each of the types a zome meets, none of which may throw.
void decode_as_everything(const ByteVec& bytes) {
  decodes_as<Post>(bytes);
  decodes_as<Status>(bytes);
  decodes_as<Deep>(bytes);
  decodes_as<hdk::ExternResult<hdk::ExternIO>>(bytes);
  decodes_as<hdk::ExternResult<std::string>>(bytes);
  decodes_as<hdk::WasmError>(bytes);
  decodes_as<hdk::ExternIO>(bytes);
  decodes_as<hdk::TraceMsg>(bytes);
  decodes_as<hdk::Level>(bytes);
  decodes_as<hdk::Timestamp>(bytes);
  decodes_as<hdk::Unit>(bytes);
  decodes_as<bool>(bytes);
  decodes_as<std::uint8_t>(bytes);
  decodes_as<std::int64_t>(bytes);
  decodes_as<float>(bytes);
  decodes_as<double>(bytes);
  decodes_as<std::string>(bytes);
  decodes_as<hdk::Bytes>(bytes);
  decodes_as<std::vector<std::uint8_t>>(bytes);
  decodes_as<std::vector<std::string>>(bytes);
  decodes_as<std::map<std::string, std::uint32_t>>(bytes);
  decodes_as<std::optional<std::optional<std::uint8_t>>>(bytes);
  decodes_as<std::tuple<std::uint8_t, std::string>>(bytes);
  decodes_as<std::array<std::uint8_t, 4>>(bytes);
}

ByteVec nested(std::size_t depth, std::uint8_t opener, const ByteVec& opener_tail,
               std::uint8_t innermost) {
  ByteVec out;
  out.reserve(depth * (1 + opener_tail.size()) + 1);
  for (std::size_t i = 0; i < depth; ++i) {
    out.push_back(opener);
    out.insert(out.end(), opener_tail.begin(), opener_tail.end());
  }
  out.push_back(innermost);
  return out;
}

}  // namespace

TEST_CASE("decode: empty input is an error for every type", "[codec][robustness]") {
  const ByteVec empty;
  CHECK_FALSE(decodes_as<hdk::Unit>(empty));
  CHECK_FALSE(decodes_as<Post>(empty));
  CHECK_FALSE(decodes_as<std::string>(empty));
  CHECK_FALSE(decodes_as<hdk::Bytes>(empty));
  CHECK_FALSE(decodes_as<std::optional<std::uint8_t>>(empty));
  CHECK_FALSE(decodes_as<hdk::ExternResult<hdk::ExternIO>>(empty));
  decode_as_everything(empty);
}

TEST_CASE("decode: every proper prefix of a valid message is an error", "[codec][robustness]") {
  for (const auto& message : valid_messages()) {
    REQUIRE(decodes_as<hdk::ExternIO>(ByteVec{0xc4, 0x01, 0x00}));  // sanity: decoding works
    for (std::size_t length = 0; length < message.size(); ++length) {
      // The bin/str bodies are long; their inside adds nothing but time.
      if (length > 64 && length + 64 < message.size()) continue;
      const ByteVec prefix(message.begin(), message.begin() + static_cast<std::ptrdiff_t>(length));
      INFO("prefix of " << length << " of " << message.size() << " bytes");
      CHECK_FALSE(decodes_as<Post>(prefix));
      CHECK_FALSE(decodes_as<Status>(prefix));
      CHECK_FALSE(decodes_as<hdk::ExternResult<hdk::ExternIO>>(prefix));
      CHECK_FALSE(decodes_as<hdk::Unit>(prefix));
    }
  }
}

TEST_CASE("decode: a valid message read as the wrong type is an error", "[codec][robustness]") {
  const auto messages = valid_messages();
  const ByteVec& post = messages[0];
  CHECK(decodes_as<Post>(post));
  CHECK_FALSE(decodes_as<std::string>(post));
  CHECK_FALSE(decodes_as<std::uint32_t>(post));
  CHECK_FALSE(decodes_as<Status>(post));
  CHECK_FALSE(decodes_as<hdk::ExternResult<hdk::ExternIO>>(post));
  CHECK_FALSE(decodes_as<hdk::WasmError>(post));
  CHECK_FALSE(decodes_as<std::vector<std::string>>(post));

  const auto text = hdk::encode_to_vector(std::string("12"));
  CHECK_FALSE(decodes_as<std::uint8_t>(text));
  CHECK_FALSE(decodes_as<double>(text));
  CHECK_FALSE(decodes_as<bool>(text));
  CHECK_FALSE(decodes_as<Post>(text));
  CHECK_FALSE(decodes_as<hdk::Level>(text));

  const auto negative = hdk::encode_to_vector(std::int64_t{-1});
  CHECK_FALSE(decodes_as<std::uint64_t>(negative));
  CHECK_FALSE(decodes_as<hdk::Timestamp>(hdk::encode_to_vector(1.0)));

  // Nothing throws, whatever each message is read as.
  for (const auto& message : messages) decode_as_everything(message);
}

TEST_CASE("decode: huge declared lengths with 5 bytes of input are errors, not allocations",
          "[codec][robustness]") {
  const ByteVec claims[] = {
      {0xdd, 0xff, 0xff, 0xff, 0xff},        // array32 of 4294967295 elements
      {0xdf, 0xff, 0xff, 0xff, 0xff},        // map32 of 4294967295 entries
      {0xdb, 0xff, 0xff, 0xff, 0xff},        // str32 of 4294967295 bytes
      {0xc6, 0xff, 0xff, 0xff, 0xff},        // bin32 of 4294967295 bytes
      {0xc9, 0xff, 0xff, 0xff, 0xff},        // ext32 of 4294967295 bytes
      {0xdc, 0xff, 0xff, 0xc0, 0xc0},        // array16 of 65535, two given
      {0xde, 0xff, 0xff, 0xc0, 0xc0},        // map16 of 65535, one pair given
      {0x91, 0xdd, 0xff, 0xff, 0xff, 0xff},  // the same, one level down
      {0x81, 0xa1, 'k', 0xdf, 0xff, 0xff, 0xff, 0xff},
      {0x92, 0xc0, 0xc6, 0xff, 0xff, 0xff, 0xff},
      {0xdd, 0x00, 0x01, 0x00, 0x00},  // 65536 claimed, none given
  };
  for (const auto& claim : claims) {
    INFO("input of " << claim.size() << " bytes, header " << static_cast<int>(claim[0]));
    CHECK_FALSE(decodes_as<std::vector<std::uint8_t>>(claim));
    CHECK_FALSE(decodes_as<std::vector<Deep>>(claim));
    CHECK_FALSE(decodes_as<std::map<std::string, std::uint32_t>>(claim));
    CHECK_FALSE(decodes_as<std::string>(claim));
    CHECK_FALSE(decodes_as<hdk::Bytes>(claim));
    CHECK_FALSE(decodes_as<Post>(claim));
    decode_as_everything(claim);
  }
}

TEST_CASE("decode: 100000 levels of nesting stop at the depth limit", "[codec][robustness]") {
  constexpr std::size_t kLevels = 100000;
  const ByteVec deep_inputs[] = {
      nested(kLevels, 0x91, {}, 0x90),                               // [[[...[]...]]]
      nested(kLevels, 0x81, {0xa1, 'k'}, 0xc0),                      // {"k": {"k": ... nil}}
      nested(kLevels, 0x81, {0xa5, 'G', 'u', 'e', 's', 't'}, 0xc0),  // enum-shaped
      nested(kLevels, 0xdd, {0x00, 0x00, 0x00, 0x01}, 0x90),         // array32 headers
      nested(kLevels, 0x91, {}, 0x91),                               // truncated at the bottom
  };
  for (const auto& input : deep_inputs) {
    INFO("input starting " << static_cast<int>(input[0]) << ", " << input.size() << " bytes");
    hdk::DecodeError err;
    Deep deep;
    bool ok = true;
    CHECK_NOTHROW(ok = hdk::decode(input, deep, err));
    CHECK_FALSE(ok);
    CHECK_FALSE(err.message.empty());
    decode_as_everything(input);
  }
  // The limit itself: as deep as Holochain reads is fine.
  CHECK(decodes_as<Deep>(nested(hdk::kMaxDepth - 1, 0x91, {}, 0x90)));
  CHECK_FALSE(decodes_as<Deep>(nested(hdk::kMaxDepth, 0x91, {}, 0x90)));
}

TEST_CASE("decode: the never-used byte 0xc1 is an error wherever it appears",
          "[codec][robustness]") {
  const ByteVec inputs[] = {
      {0xc1},
      {0x92, 0x01, 0xc1},
      {0x81, 0xc1, 0x01},
      {0x81, 0xa1, 'k', 0xc1},
      {0x81, 0xa2, 'O', 'k', 0xc1},
      {0xc1, 0xc0},
  };
  for (const auto& input : inputs) {
    CHECK_FALSE(decodes_as<hdk::Unit>(input));
    CHECK_FALSE(decodes_as<std::vector<std::uint8_t>>(input));
    CHECK_FALSE(decodes_as<std::map<std::string, std::uint8_t>>(input));
    CHECK_FALSE(decodes_as<hdk::ExternResult<hdk::Unit>>(input));
    decode_as_everything(input);
  }
}

TEST_CASE("decode: corrupted and random bytes never throw", "[codec][robustness]") {
  // A fixed-seed xorshift: the same inputs every run.
  std::uint64_t state = 0x9e3779b97f4a7c15u;
  auto next = [&state] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };

  // Every valid message with bytes overwritten.
  for (const auto& message : valid_messages()) {
    if (message.size() > 4096) continue;
    for (int round = 0; round < 200; ++round) {
      ByteVec corrupted = message;
      const int flips = 1 + static_cast<int>(next() % 4);
      for (int f = 0; f < flips; ++f)
        corrupted[next() % corrupted.size()] = static_cast<std::uint8_t>(next());
      decodes_as<Post>(corrupted);
      decodes_as<Status>(corrupted);
      decodes_as<hdk::ExternResult<hdk::ExternIO>>(corrupted);
      decodes_as<hdk::ExternResult<std::string>>(corrupted);
    }
  }
  // Short random inputs read as everything.
  for (int round = 0; round < 300; ++round) {
    ByteVec input(next() % 24);
    for (auto& b : input) b = static_cast<std::uint8_t>(next());
    decode_as_everything(input);
  }
}
