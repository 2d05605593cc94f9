// What `hdk-run scenario` runs: a DNA, its agents and a sequence of zome
// calls, from a steps file (scenario_file.hpp), from flags, or both.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "hdk_host/json_wire.hpp"

namespace hdk_run {

using Json = hdk_host::WireJson;

/// A scenario that cannot run as written; the message says where and why.
class SpecError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// One zome of the DNA. `file` is a .wasm, a native library (.so), or a
/// bare name that resolve_zome_files looks up as NAME.wasm, then libNAME.so.
struct ZomeFile {
  std::string name;
  std::filesystem::path file;
  /// For a native zome: its .wasm, whose hash the DNA hash takes (as a
  /// wasm scenario's would). Optional.
  std::filesystem::path wasm{};
};

struct Step {
  std::string label;  // where it was written, for messages: "steps.yaml step 2", "--call 1"
  std::string name;   // optional: later steps refer to its result as ${name}
  std::string agent;
  std::string zome;
  std::string fn;
  Json input;  // null: the function takes ()
  std::optional<Json> expect;
  std::optional<std::string> expect_error;  // the call must fail with this in its error
};

struct ScenarioSpec {
  /// A packed .dna in place of the zome files (`dna: app.dna`, --dna).
  std::optional<std::filesystem::path> dna_bundle;
  std::optional<std::string> dna_name;
  std::string network_seed;
  std::optional<Json> properties;
  std::optional<ZomeFile> integrity;
  std::vector<ZomeFile> coordinators;
  std::vector<std::string> agents;
  std::vector<Step> steps;
  /// With a seed, agents' keys, the clock and random bytes repeat on every run.
  std::optional<std::string> fixed_inputs;
};

/// The zome name a file gives: its stem, without a native library's "lib".
std::string zome_name_of(const std::filesystem::path& file);
/// `NAME=FILE` or `FILE` (--integrity, --coordinator).
ZomeFile parse_zome_arg(std::string_view arg);
/// `AGENT:ZOME:FN` or `AGENT:ZOME:FN:JSON` (--call); JSON may hold colons.
Step parse_call_arg(std::string_view arg, std::string label);
/// `alice,bob` (--agents).
std::vector<std::string> parse_agent_list(std::string_view arg);

/// Makes a relative zome file relative to `base`, and looks a bare name up
/// as NAME.wasm, then libNAME.so there. Throws SpecError naming the files
/// it tried.
void resolve_zome_file(ZomeFile& zome, const std::filesystem::path& base);

/// Checks what can be checked before anything is loaded: a DNA, agents
/// with unique names, steps naming known agents, step names that do not
/// clash. Throws SpecError.
void check_spec(const ScenarioSpec& spec);

}  // namespace hdk_run
