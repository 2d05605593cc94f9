// The gzip layer of a bundle file (mr_bundle's pack.rs: flate2's GzEncoder
// at the default level). Holochain's reader takes any gzip stream, so zlib's
// output serves, though its bytes are not flate2's: compare bundles by their
// msgpack, not their files.
#include <zlib.h>

#include "hdk_host/bundle.hpp"

namespace hdk_host::bundle {
namespace {

// A bundle larger than this is refused rather than inflated without end.
constexpr std::size_t kMaxBundleBytes = std::size_t{1} << 30;
constexpr int kGzipWindow = 15 + 16;  // deflate's largest window, gzip header and trailer

}  // namespace

std::vector<std::uint8_t> gzip(std::span<const std::uint8_t> data) {
  z_stream z{};
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, kGzipWindow, 8, Z_DEFAULT_STRATEGY) !=
      Z_OK)
    throw BundleError("gzip: zlib failed to start");
  std::vector<std::uint8_t> out(deflateBound(&z, static_cast<uLong>(data.size())));
  z.next_in = const_cast<Bytef*>(data.data());
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = out.data();
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw BundleError("gzip: zlib failed to compress");
  return out;
}

std::vector<std::uint8_t> gunzip(std::span<const std::uint8_t> gz) {
  if (gz.size() < 2 || gz[0] != 0x1f || gz[1] != 0x8b)
    throw BundleError("not a bundle: it is not gzip data");
  z_stream z{};
  if (inflateInit2(&z, kGzipWindow) != Z_OK) throw BundleError("gunzip: zlib failed to start");
  std::vector<std::uint8_t> out;
  std::uint8_t chunk[64 * 1024];
  z.next_in = const_cast<Bytef*>(gz.data());
  z.avail_in = static_cast<uInt>(gz.size());
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    z.next_out = chunk;
    z.avail_out = sizeof chunk;
    rc = inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      inflateEnd(&z);
      throw BundleError(rc == Z_BUF_ERROR ? "not a bundle: its gzip data is cut short"
                                          : "not a bundle: its gzip data is corrupt");
    }
    out.insert(out.end(), chunk, chunk + (sizeof chunk - z.avail_out));
    if (out.size() > kMaxBundleBytes) {
      inflateEnd(&z);
      throw BundleError("not a bundle: it inflates to more than 1 GiB");
    }
  }
  inflateEnd(&z);
  return out;
}

}  // namespace hdk_host::bundle
