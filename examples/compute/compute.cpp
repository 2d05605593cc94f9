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

hdk::ExternResult<hdk::Unit> noop() { return hdk::Unit{}; }
HDK_EXTERN(noop);
