// YAML text <-> the YAML values of a manifest's properties, read as
// yaml_serde (serde_yaml's fork that Holochain 0.7 reads manifests with)
// resolves plain scalars: YAML 1.2's core schema.
#pragma once

#include <string>

#include <yaml-cpp/yaml.h>

#include "hdk_host/bundle.hpp"

namespace hdk_pack {

/// What a plain (unquoted) scalar means: null (~, null, empty), a bool
/// (true/True/TRUE, false...), an integer (decimal without leading zeros,
/// 0x, 0o, 0b), a finite float, .inf or .nan; else a string.
hdk_host::bundle::YamlValue resolve_plain_scalar(const std::string& text);

/// A YAML node as a value; `where` names it in an error (BundleError).
hdk_host::bundle::YamlValue yaml_to_value(const YAML::Node& node, const std::string& where);

/// Writes a value so that yaml_to_value reads the same value back.
void emit_value(YAML::Emitter& out, const hdk_host::bundle::YamlValue& value);
/// Writes a string, quoted when a plain scalar would read as something else.
void emit_string(YAML::Emitter& out, const std::string& text);

}  // namespace hdk_pack
