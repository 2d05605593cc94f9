// A compute-heavy zome for the benchmarks: sorting and hashing many records
// inside the guest. The kernel (kernel.hpp) is shared with the native build.
#include <hdk/hdk.hpp>

#include "kernel.hpp"

struct SortJob {
  std::uint32_t count = 0;
  std::uint64_t seed = 0;
  HDK_STRUCT(count, seed);
};

hdk::ExternResult<std::uint64_t> sort_and_hash(SortJob job) {
  if (job.count > (16u << 20)) return HDK_ERROR("at most 16M records");
  return compute::sort_and_hash(job.count, job.seed);
}
HDK_EXTERN(sort_and_hash);

/// The bytes back: the cost of moving a payload in and out of the guest.
hdk::ExternResult<hdk::Bytes> echo(hdk::Bytes bytes) { return bytes; }
HDK_EXTERN(echo);

/// The same read in place (hdk::BytesView): no copy inside the guest, so a
/// payload can take up half of the zome's memory each way.
hdk::ExternResult<hdk::BytesView> echo_in_place(hdk::BytesView bytes) { return bytes; }
HDK_EXTERN(echo_in_place);

/// A payload that only goes in: its length and a sum of every 4096th byte,
/// read in place, so it can fill nearly all of the zome's 4 GiB.
struct Received {
  std::uint64_t size = 0;
  std::uint64_t sampled_sum = 0;
  HDK_STRUCT(size, sampled_sum);
};
hdk::ExternResult<Received> receive(hdk::BytesView bytes) {
  Received r{bytes.size(), 0};
  for (std::size_t i = 0; i < bytes.size(); i += 4096) r.sampled_sum += bytes[i];
  return r;
}
HDK_EXTERN(receive);

hdk::ExternResult<hdk::Unit> noop() { return hdk::Unit{}; }
HDK_EXTERN(noop);
