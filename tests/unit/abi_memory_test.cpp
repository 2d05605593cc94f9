// Packing of (ptr, len) and the guest's page math.
#include <catch2/catch.hpp>

#include <hdk/abi.hpp>
#include <hdk/alloc.hpp>
#include <hdk/error.hpp>
#include <hdk/extern_io.hpp>
#include <hdk/memory.hpp>

using namespace hdk::memory;

TEST_CASE("abi: pointer in the high half, length in the low half") {
  CHECK(hdk::merge(0, 0) == 0u);
  CHECK(hdk::merge(1, 2) == 0x0000000100000002ull);
  CHECK(hdk::merge(0xffffffffu, 0xffffffffu) == 0xffffffffffffffffull);
  CHECK(hdk::merge(0x12345678u, 0x9abcdef0u) == 0x123456789abcdef0ull);
  for (std::uint64_t packed : {0ull, 1ull, 0x100000000ull, 0xdeadbeefcafef00dull, ~0ull}) {
    const hdk::GuestRegion r = hdk::split(packed);
    CHECK(hdk::merge(r) == packed);
  }
  CHECK(hdk::split(0x0000abcd00001234ull) == hdk::GuestRegion{0xabcd, 0x1234});
}

TEST_CASE("abi: halves that do not fit in u32 are a PointerMap error") {
  CHECK(hdk::split_checked(0xffffffffu, 0xffffffffu).has_value());
  CHECK_FALSE(hdk::split_checked(0x100000000ull, 0).has_value());
  CHECK_FALSE(hdk::split_checked(0, 0x100000000ull).has_value());
}

TEST_CASE("memory: bytes to pages at the page boundaries") {
  CHECK(pages_for_bytes(0) == 0);
  CHECK(pages_for_bytes(1) == 1);
  CHECK(pages_for_bytes(65535) == 1);
  CHECK(pages_for_bytes(65536) == 1);
  CHECK(pages_for_bytes(65537) == 2);
  CHECK(pages_for_bytes(kMaxBytes - 1) == kMaxPages);
  CHECK(pages_for_bytes(kMaxBytes) == kMaxPages);
  CHECK(pages_for_bytes(kMaxBytes + 1) == kMaxPages + 1);
  CHECK(bytes_for_pages(kMaxPages) == 4ull * 1024 * 1024 * 1024);
}

TEST_CASE("memory: growth needed to reach an address") {
  CHECK(pages_to_grow(0, 0) == 0);
  CHECK(pages_to_grow(0, 1) == 1);
  CHECK(pages_to_grow(1, 65536) == 0);
  CHECK(pages_to_grow(1, 65537) == 1);
  CHECK(pages_to_grow(17, 65536) == 0);  // memory never shrinks
  CHECK(pages_to_grow(2, kMaxBytes) == kMaxPages - 2);
}

TEST_CASE("memory: what can ever fit in wasm32") {
  CHECK(fits_wasm32(0));
  CHECK(fits_wasm32(kMaxBytes));
  CHECK_FALSE(fits_wasm32(kMaxBytes + 1));
  CHECK(can_grow_by(0, kMaxBytes));
  CHECK_FALSE(can_grow_by(1, kMaxBytes));
  CHECK(can_grow_by(kMaxPages - 1, 65536));
  CHECK_FALSE(can_grow_by(kMaxPages - 1, 65537));
  CHECK_FALSE(can_grow_by(kMaxPages, 1));
  CHECK(can_grow_by(kMaxPages, 0));
}

TEST_CASE("alloc: zero, huge and ordinary requests") {
  void* empty = hdk::alloc::allocate(0);
  REQUIRE(empty != nullptr);
  CHECK(hdk::alloc::is_static_region(empty));
  hdk::alloc::deallocate(empty);  // a no-op: never freed
  CHECK(hdk::alloc::allocate(0) == empty);

  CHECK(hdk::alloc::allocate(kMaxBytes + 1) == nullptr);

  void* p = hdk::alloc::allocate(65537);
  REQUIRE(p != nullptr);
  CHECK_FALSE(hdk::alloc::is_static_region(p));
  hdk::alloc::deallocate(p);
  hdk::alloc::deallocate(nullptr);
}

TEST_CASE("alloc: the static out-of-memory answer decodes as Err(Memory)") {
  hdk::ExternResult<hdk::ExternIO> decoded;
  hdk::DecodeError err;
  REQUIRE(hdk::decode(hdk::alloc::kOutOfMemoryResult, sizeof hdk::alloc::kOutOfMemoryResult,
                      decoded, err));
  REQUIRE(decoded.is_err());
  CHECK(decoded.error().kind() == "Memory");
  CHECK(decoded.error().module_path == "hdk");
  // And it is exactly what the encoder writes for that value.
  const auto expected = hdk::encode_to_vector(hdk::ExternResult<hdk::ExternIO>(
      hdk::make_wasm_error(hdk::wasm_error_inner::Memory{}, "hdk", 0)));
  CHECK(std::vector<std::uint8_t>(std::begin(hdk::alloc::kOutOfMemoryResult),
                                  std::end(hdk::alloc::kOutOfMemoryResult)) == expected);
}
