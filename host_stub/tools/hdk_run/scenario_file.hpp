// The steps file of `hdk-run scenario FILE` (docs/scenarios.md):
//
//   dna:
//     network_seed: test          # optional, as are name and properties
//     integrity: forum_integrity  # a .wasm, a .so, or a name: NAME.wasm / libNAME.so
//     coordinators: [forum]       # or [{name: forum, file: build/forum.wasm}]
//   agents: [alice, bob]
//   steps:
//     - {name: post, agent: alice, zome: forum, fn: create_post, input: {title: Hi, body: x}}
//     - {agent: bob, zome: forum, fn: get_post, input: "${post}", expect: {title: Hi, body: x}}
#pragma once

#include <filesystem>
#include <optional>

#include "scenario_spec.hpp"

namespace hdk_run {

/// Adds the file's DNA, agents and steps to `spec`. Relative zome files are
/// found in `zome_dir` if given, else beside the file. Throws SpecError.
void read_scenario_file(const std::filesystem::path& file,
                        const std::optional<std::filesystem::path>& zome_dir, ScenarioSpec& spec);

}  // namespace hdk_run
