// A zome for the host's boundary tests: host calls, static constructors,
// sizes, and (in wasm only) raw exports that misbehave on purpose.
#include <hdk/hdk.hpp>

#include <cstdlib>
#include <string>
#include <vector>

namespace {

// A global with a constructor: Holochain never calls _initialize, so this is
// only filled if the HDK runs static constructors itself.
struct Registry {
  std::vector<std::string> names;
  Registry() : names{"alpha", "beta"} {}
};
Registry registry;

}  // namespace

hdk::ExternResult<std::vector<std::string>> constructed() { return registry.names; }
HDK_EXTERN(constructed);

/// The input bytes back, whatever their size.
hdk::ExternResult<hdk::Bytes> echo_bytes(hdk::Bytes bytes) { return bytes; }
HDK_EXTERN(echo_bytes);

// A payload read in place, returned as it came (the input must outlive the encoding).
hdk::ExternResult<hdk::BytesView> echo_view(hdk::BytesView bytes) { return bytes; }
HDK_EXTERN(echo_view);

// What a view sees: its size and first bytes.
struct ViewFacts {
  std::uint64_t size = 0;
  hdk::Bytes first_bytes;
  HDK_STRUCT(size, first_bytes);
};
hdk::ExternResult<ViewFacts> view_facts(hdk::BytesView bytes) {
  const std::size_t n = bytes.size() < 4 ? bytes.size() : 4;
  return ViewFacts{bytes.size(), hdk::Bytes(bytes.data(), bytes.data() + n)};
}
HDK_EXTERN(view_facts);

/// `n` bytes of output made in the guest.
hdk::ExternResult<hdk::Bytes> make_bytes(std::uint32_t n) {
  void* probe = hdk::alloc::allocate(n);
  if (!probe) return HDK_ERROR("cannot allocate " + std::to_string(n) + " bytes");
  hdk::alloc::deallocate(probe);
  hdk::Bytes out(n, 0x5a);
  return out;
}
HDK_EXTERN(make_bytes);

struct TimeAndRandom {
  hdk::Timestamp time;
  hdk::Bytes random;
  HDK_STRUCT(time, random);
};

hdk::ExternResult<TimeAndRandom> host_calls(std::uint32_t n) {
  HDK_TRY(auto time, hdk::sys_time());
  HDK_TRY(auto random, hdk::random_bytes(n));
  HDK_TRY(auto traced,
          hdk::trace(hdk::Level::INFO, "made " + std::to_string(random.size()) + " random bytes"));
  (void)traced;
  HDK_DEBUG("debug %s %d", "formatted", 7);
  return TimeAndRandom{time, random};
}
HDK_EXTERN(host_calls);

/// A host call whose error propagates out of the zome function.
hdk::ExternResult<hdk::Bytes> too_many_random_bytes() { return hdk::random_bytes(0xffffffffu); }
HDK_EXTERN(too_many_random_bytes);

hdk::ExternResult<hdk::Unit> fail_with(std::string message) { return HDK_ERROR(message); }
HDK_EXTERN(fail_with);

hdk::ExternResult<std::uint64_t> pages() { return hdk::memory::current_pages(); }
HDK_EXTERN(pages);

#if HDK_WASM
// Raw exports that break the ABI on purpose, to test the host's defences.
extern "C" {

HDK_EXPORT("trap") hdk::GuestPtrLen boundary_trap(hdk::GuestPtr, hdk::Len) { __builtin_trap(); }

HDK_EXPORT("spin") hdk::GuestPtrLen boundary_spin(hdk::GuestPtr, hdk::Len) {
  volatile std::uint64_t counter = 0;
  for (;;) counter = counter + 1;
}

HDK_EXPORT("bad_pointer") hdk::GuestPtrLen boundary_bad_pointer(hdk::GuestPtr, hdk::Len) {
  return hdk::merge(0xfffffff0u, 64);
}

HDK_EXPORT("bad_result") hdk::GuestPtrLen boundary_bad_result(hdk::GuestPtr, hdk::Len) {
  auto* bytes = static_cast<std::uint8_t*>(hdk::alloc::allocate(3));
  bytes[0] = 0xc1;  // never valid msgpack
  bytes[1] = 0x00;
  bytes[2] = 0x00;
  return hdk::merge(hdk::alloc::to_guest(bytes), 3);
}

HDK_EXPORT("trace_bad_pointer")
hdk::GuestPtrLen boundary_trace_bad_pointer(hdk::GuestPtr, hdk::Len) {
  return hdk_import_trace_1(0xfffffff0u, 64);
}
}
#endif

/// Hashes computed in the guest (hdi's hash_action and hash_entry), no host call.
hdk::ExternResult<hdk::ActionHash> hash_of_action(hdk::Action action) {
  return hdk::hash_action(action);
}
HDK_EXTERN(hash_of_action);

hdk::ExternResult<hdk::EntryHash> hash_of_entry(hdk::Entry entry) { return hdk::hash_entry(entry); }
HDK_EXTERN(hash_of_entry);

/// BLAKE2b of the input in the guest, `length` bytes of output (1 to 64).
struct Blake2bInput {
  hdk::Bytes data;
  std::uint8_t length = 32;
  HDK_STRUCT(data, length);
};
hdk::ExternResult<hdk::Bytes> blake2b(Blake2bInput input) {
  if (input.length < 1 || input.length > hdk::blake2b::kMaxOutBytes)
    return HDK_ERROR("a BLAKE2b digest has 1 to 64 bytes");
  hdk::blake2b::State state(input.length);
  state.update(input.data.data(), input.data.size());
  hdk::Bytes out(input.length);
  state.finish(out.data());
  return out;
}
HDK_EXTERN(blake2b);
