// A YAML value as JSON, typed as YAML 1.2's core schema types plain
// scalars: null, true/false, integers, floats, else strings. A quoted
// scalar is always a string; `!!binary` is bytes ({"$bytes": ...}).
#pragma once

#include <string>

#include <yaml-cpp/yaml.h>

#include "hdk_host/json_wire.hpp"

namespace hdk_run {

/// Throws SpecError (scenario_spec.hpp) naming `where` for what JSON cannot hold.
hdk_host::WireJson yaml_to_json(const YAML::Node& node, const std::string& where);

}  // namespace hdk_run
