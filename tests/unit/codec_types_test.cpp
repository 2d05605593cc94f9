// Round trips of user-declared types through the one-line declarations.
#include <catch2/catch.hpp>

#include <map>

#include <hdk/codec.hpp>
#include <hdk/error.hpp>

namespace shapes {

enum class Color { Red, Green, Blue };
HDK_ENUM(Color, Red, Green, Blue);

struct Circle {
  double r = 0;
  HDK_NEWTYPE_VARIANT(Circle, r);
  bool operator==(const Circle&) const = default;
};
struct Rect {
  std::uint32_t w = 0;
  std::uint32_t h = 0;
  HDK_STRUCT_VARIANT(Rect, w, h);
  bool operator==(const Rect&) const = default;
};
struct Pair {
  std::int8_t a = 0;
  std::string b;
  HDK_TUPLE_VARIANT(Pair, a, b);
  bool operator==(const Pair&) const = default;
};
struct Nothing {
  HDK_UNIT_VARIANT(Nothing);
  bool operator==(const Nothing&) const = default;
};
using Shape = std::variant<Circle, Rect, Pair, Nothing>;

struct Id {
  std::uint64_t value = 0;
  HDK_NEWTYPE(value);
  bool operator==(const Id&) const = default;
};

struct Point {
  float x = 0;
  float y = 0;
  HDK_TUPLE(x, y);
  bool operator==(const Point&) const = default;
};

struct Drawing {
  Id id;
  std::string title;
  std::vector<Shape> shapes;
  std::optional<Color> fill;
  std::map<std::string, Point> anchors;
  hdk::Bytes thumbnail;
  std::vector<std::uint8_t> raw;
  HDK_STRUCT(id, title, shapes, fill, anchors, thumbnail, raw);
  bool operator==(const Drawing&) const = default;
};

struct Small {
  std::string a;
  std::optional<std::uint8_t> b;
  HDK_STRUCT(a, b);
};

}  // namespace shapes

template <class T>
static T round_trip(const T& value) {
  const auto bytes = hdk::encode_to_vector(value);
  T out{};
  hdk::DecodeError err;
  INFO(err.message);
  REQUIRE(hdk::decode(bytes, out, err));
  return out;
}

static std::vector<std::uint8_t> bytes_of(std::initializer_list<int> list) {
  std::vector<std::uint8_t> out;
  for (int b : list) out.push_back(static_cast<std::uint8_t>(b));
  return out;
}

TEST_CASE("codec: a user struct with every shape inside round-trips") {
  using namespace shapes;
  const Drawing d{Id{7},
                  "plan",
                  {Circle{1.5}, Rect{2, 3}, Pair{-4, "x"}, Nothing{}},
                  Color::Blue,
                  {{"origin", Point{0, 0}}, {"tip", Point{1.25f, -2}}},
                  hdk::Bytes{1, 2, 3},
                  {4, 5}};
  CHECK(round_trip(d) == d);
  Drawing none = d;
  none.fill.reset();
  CHECK(round_trip(none) == none);
}

TEST_CASE("codec: each shape's bytes follow serde's externally tagged rules") {
  using namespace shapes;
  // "Nothing"
  CHECK(hdk::encode_to_vector(Shape{Nothing{}}) ==
        bytes_of({0xa7, 'N', 'o', 't', 'h', 'i', 'n', 'g'}));
  // {"Rect": {"w": 2, "h": 3}}
  CHECK(hdk::encode_to_vector(Shape{Rect{2, 3}}) ==
        bytes_of({0x81, 0xa4, 'R', 'e', 'c', 't', 0x82, 0xa1, 'w', 0x02, 0xa1, 'h', 0x03}));
  // {"Pair": [-4, "x"]}
  CHECK(hdk::encode_to_vector(Shape{Pair{-4, "x"}}) ==
        bytes_of({0x81, 0xa4, 'P', 'a', 'i', 'r', 0x92, 0xfc, 0xa1, 'x'}));
  // Id(7) is just 7; Color::Green is "Green"
  CHECK(hdk::encode_to_vector(Id{7}) == bytes_of({0x07}));
  CHECK(hdk::encode_to_vector(Color::Green) == bytes_of({0xa5, 'G', 'r', 'e', 'e', 'n'}));
  // Bytes are bin, a vector<uint8_t> an array
  CHECK(hdk::encode_to_vector(hdk::Bytes{1, 2}) == bytes_of({0xc4, 0x02, 0x01, 0x02}));
  CHECK(hdk::encode_to_vector(std::vector<std::uint8_t>{1, 2}) == bytes_of({0x92, 0x01, 0x02}));
  // A double that holds an integer stays a double.
  CHECK(hdk::encode_to_vector(1.0) == bytes_of({0xcb, 0x3f, 0xf0, 0, 0, 0, 0, 0, 0}));
}

TEST_CASE(
    "codec: structs decode from arrays too, ignore unknown keys, and default missing options") {
  hdk::DecodeError err;
  shapes::Small s;
  // ["x", 5]
  REQUIRE(hdk::decode(bytes_of({0x92, 0xa1, 'x', 0x05}), s, err));
  CHECK(s.a == "x");
  CHECK(s.b == 5);
  // {"zzz": 1, "a": "y"}: unknown key ignored, missing option is None
  REQUIRE(hdk::decode(bytes_of({0x82, 0xa3, 'z', 'z', 'z', 0x01, 0xa1, 'a', 0xa1, 'y'}), s, err));
  CHECK(s.a == "y");
  CHECK_FALSE(s.b.has_value());
  // {"b": 1}: missing a required field
  CHECK_FALSE(hdk::decode(bytes_of({0x81, 0xa1, 'b', 0x01}), s, err));
  CHECK(err.message.find("missing field `a`") != std::string::npos);
}

TEST_CASE("codec: wrong types and out-of-range integers are decode errors") {
  hdk::DecodeError err;
  std::uint8_t small = 0;
  CHECK_FALSE(hdk::decode(bytes_of({0xcd, 0x01, 0x00}), small, err));  // 256
  std::int8_t tiny = 0;
  CHECK_FALSE(hdk::decode(bytes_of({0xd1, 0xff, 0x00}), tiny, err));  // -256
  std::string s;
  CHECK_FALSE(hdk::decode(bytes_of({0x01}), s, err));
  shapes::Shape shape;
  CHECK_FALSE(hdk::decode(bytes_of({0xa4, 'N', 'o', 'p', 'e'}), shape, err));
  CHECK(err.message.find("unknown variant") != std::string::npos);
}

TEST_CASE("codec: WasmError and ExternResult round-trip with every inner variant") {
  using namespace hdk::wasm_error_inner;
  const std::vector<hdk::WasmErrorInner> inners = {
      PointerMap{},
      Deserialize{hdk::Bytes{1, 2}},
      Serialize{hdk::serialized_bytes_error::Deserialize{"bad"}},
      ErrorWhileError{},
      Memory{},
      Guest{"g"},
      Host{"h"},
      HostShortCircuit{{9, 8}},
      ModuleBuild{"mb"},
      ModuleSerialize{"ms"},
      ModuleDeserialize{"md"},
      CallError{"ce"}};
  for (const auto& inner : inners) {
    const hdk::ExternResult<std::string> r(hdk::make_wasm_error(inner, "zome", 7));
    const auto back = round_trip(r);
    REQUIRE(back.is_err());
    CHECK(back.error().kind() == r.error().kind());
    CHECK(hdk::encode_to_vector(back) == hdk::encode_to_vector(r));
  }
  // The spec's example: Err(WasmError{module_path:"zome", line:7, error:Guest("bad")})
  const hdk::ExternResult<hdk::Unit> guest(hdk::make_wasm_error(Guest{"bad"}, "zome", 7));
  CHECK(hdk::encode_to_vector(guest) ==
        bytes_of({0x81, 0xa3, 'E', 'r', 'r',  0x83, 0xab, 'm', 'o', 'd', 'u', 'l',
                  'e',  '_',  'p', 'a', 't',  'h',  0xa4, 'z', 'o', 'm', 'e', 0xa4,
                  'l',  'i',  'n', 'e', 0x07, 0xa5, 'e',  'r', 'r', 'o', 'r', 0x81,
                  0xa5, 'G',  'u', 'e', 's',  't',  0xa3, 'b', 'a', 'd'}));
}
