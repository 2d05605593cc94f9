// dna.yaml and happ.yaml <-> the manifests of hdk_host/bundle.hpp, with
// serde's rules for holochain_types' manifests: unknown fields are refused
// (deny_unknown_fields), a missing Option is none, `coordinator`,
// `modifiers`, `installed_hash`, `clone_limit`, `allow_deferred_memproofs`,
// `bootstrap_url` and `relay_url` have defaults, and `manifest_version`
// must be "0".
#pragma once

#include <filesystem>
#include <string>

#include "hdk_host/bundle.hpp"

namespace hdk_pack {

/// Reads a manifest file; BundleError names the file, the field and the fault.
hdk_host::bundle::DnaManifest read_dna_manifest(const std::filesystem::path& file);
hdk_host::bundle::AppManifest read_app_manifest(const std::filesystem::path& file);

/// A manifest as YAML (what `hc dna unpack` / `hc app unpack` write: every
/// field, none as null), which the readers above read back to the same manifest.
std::string to_yaml(const hdk_host::bundle::DnaManifest& manifest);
std::string to_yaml(const hdk_host::bundle::AppManifest& manifest);

}  // namespace hdk_pack
