// The largest payload a zome call carries on each engine, measured, not
// assumed: one way (the host's bytes into compute's `receive`, which reads
// them in place and answers their size) and round trip (`echo_in_place`,
// the same bytes back). Each is searched by halving between a size that
// passed and one that failed, to 16 MiB, every probe on a fresh host so the
// memory of the last one is returned first.
//
//   hdk-payload-bench [--engines aot,interp] [--max-bytes N] OUT.json
//
// Writes records {name, engine, value (GiB), unit, bytes, fails_at, why}
// named payload_max_one_way and payload_max_round_trip.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <hdk/codec.hpp>
#include <nlohmann/json.hpp>

#include "hdk_host/engine.hpp"
#include "hdk_host/host.hpp"

namespace {

struct Received {
  std::uint64_t size = 0;
  std::uint64_t sampled_sum = 0;
  HDK_STRUCT(size, sampled_sum);
};

constexpr std::uint64_t kResolution = 16ull << 20;
constexpr std::uint64_t kMaxBin = 0xffffffffull;  // msgpack bin32 and a wasm32 length

/// `size` bytes of 1 as a zome call's input: ExternIO(bin(bytes)), both bin32
/// headers written here so the payload is made once, in place (the encoder
/// would build the inner bin and then copy it into the outer one).
std::vector<std::uint8_t> payload_input(std::uint64_t size) {
  std::vector<std::uint8_t> input(size + 10, 1);
  const auto header = [&](std::size_t at, std::uint64_t len) {
    input[at] = 0xc6;
    for (int i = 0; i < 4; ++i) input[at + 1 + i] = static_cast<std::uint8_t>(len >> (24 - 8 * i));
  };
  header(0, size + 5);
  header(5, size);
  return input;
}

struct Probe {
  bool passed = false;
  std::string why;  // when it did not
};

Probe probe(const std::shared_ptr<hdk_host::Engine>& engine, const std::string& wasm,
            std::uint64_t size, bool round_trip) {
  hdk_host::HostOptions options;
  options.limits.instruction_budget = 0;
  options.limits.deadline = std::chrono::milliseconds(0);
  options.limits.max_memory_pages = 65536;
  Probe out;
  try {
    hdk_host::Host host(engine, options);
    auto zome = host.load_wasm_file(wasm);
    std::vector<std::uint8_t> input = payload_input(size);
    hdk_host::CallContext context;
    const auto r = zome->call(round_trip ? "echo_in_place" : "receive", input, context);
    input = {};
    if (!r.ok()) {
      out.why = r.describe();
      return out;
    }
    if (round_trip) {
      // The output is bin(size) of the bytes sent: its header, length and ends.
      const auto bytes = r.output();
      const std::size_t header = size <= 0xff ? 2 : size <= 0xffff ? 3 : 5;
      out.passed =
          bytes.size() == size + header && (size == 0 || (bytes[header] == 1 && bytes.back() == 1));
    } else {
      const auto got = r.value<Received>();
      out.passed = got.size == size && got.sampled_sum == (size + 4095) / 4096;
    }
    if (!out.passed) out.why = "the bytes came back wrong";
  } catch (const std::exception& e) {
    out.why = e.what();
  }
  return out;
}

double gib(std::uint64_t bytes) { return static_cast<double>(bytes) / (1ull << 30); }

std::vector<std::string> split(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream in(list);
  for (std::string item; std::getline(in, item, ',');)
    if (!item.empty()) out.push_back(item);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string engines = "aot,interp";
  std::uint64_t max_bytes = kMaxBin - 10;
  std::string out_path;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--engines" && i + 1 < argc) {
      engines = argv[++i];
    } else if (arg == "--max-bytes" && i + 1 < argc) {
      max_bytes = std::stoull(argv[++i]);
    } else {
      out_path = arg;
    }
  }
  if (out_path.empty()) {
    std::fprintf(stderr,
                 "usage: hdk-payload-bench [--engines aot,interp] [--max-bytes N] OUT.json\n");
    return 2;
  }
  const std::string wasm = std::string(HDK_BENCH_ZOME_DIR) + "/compute.wasm";
  nlohmann::json records = nlohmann::json::array();
  for (const std::string& name : split(engines)) {
    std::shared_ptr<hdk_host::Engine> engine;
    try {
      engine = hdk_host::make_engine(name);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "skipping %s: %s\n", name.c_str(), e.what());
      continue;
    }
    for (const bool round_trip : {false, true}) {
      const char* figure = round_trip ? "payload_max_round_trip" : "payload_max_one_way";
      // The largest size that passed, the smallest that failed (and why).
      std::uint64_t passed = 0;
      std::uint64_t failed = max_bytes + 1;
      std::string why = "none failed up to the largest size tried";
      const Probe top = probe(engine, wasm, max_bytes, round_trip);
      if (top.passed) {
        passed = max_bytes;
      } else {
        why = top.why;
        failed = max_bytes;
      }
      while (failed - passed > kResolution) {
        const std::uint64_t mid = passed + (failed - passed) / 2;
        const auto started = std::chrono::steady_clock::now();
        const Probe p = probe(engine, wasm, mid, round_trip);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::fprintf(stderr, "  %s %s %.3f GiB: %s (%.1f s)\n", name.c_str(), figure, gib(mid),
                     p.passed ? "passed" : "failed", seconds);
        if (p.passed) {
          passed = mid;
        } else {
          failed = mid;
          why = p.why;
        }
      }
      std::printf("%-8s %-24s %.2f GiB (%llu bytes; %.2f GiB fails: %s)\n", name.c_str(), figure,
                  gib(passed), static_cast<unsigned long long>(passed), gib(failed),
                  why.substr(0, 160).c_str());
      records.push_back({{"name", figure},
                         {"engine", name},
                         {"metric", figure},
                         {"value", gib(passed)},
                         {"unit", "GiB"},
                         {"bytes", passed},
                         {"fails_at", failed},
                         {"why", why}});
    }
  }
  std::ofstream(out_path) << records.dump(1) << "\n";
  return 0;
}
