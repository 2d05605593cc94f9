//! The `bundles` set: the msgpack inside a .dna and a .happ file (before
//! gzip), and the DNA hash a conductor computes for the DNA.
//!
//! The types mirror holochain-0.7.0-rc.3, attribute for attribute:
//! - mr_bundle's bundle.rs: `Bundle<M> { manifest: M, resources:
//!   BTreeMap<ResourceIdentifier, ResourceBytes> }`, ResourceBytes being
//!   `bytes::Bytes` (serde feature: a bin); pack.rs writes it with
//!   `rmp_serde::to_vec_named` (struct maps), then gzips it.
//! - holochain_types' dna_manifest.rs and dna_manifest_v0.rs: DnaManifest,
//!   `#[serde(tag = "manifest_version")]` with V0 renamed "0", wrapped in the
//!   newtype ValidatedDnaManifest; IntegrityManifest, CoordinatorManifest,
//!   ZomeManifest, ZomeDependency (`rename_all = "snake_case"`, Options
//!   without skip_serializing_if, so none is written as nil).
//! - app_manifest.rs and app_manifest_v0.rs: AppManifest (the same tag),
//!   AppRoleManifest, AppRoleDnaManifest, CellProvisioning (`tag =
//!   "strategy"`, snake_case variants) and integrity_types' DnaModifiersOpt.
//! - holochain_zome_types' properties.rs: YamlProperties, a newtype over
//!   yaml_serde::Value, which serializes as serde_yaml's Value does.
//!
//! The values are what packing tests/tools/bundle/forum and forum_app gives:
//! FileSystemBundler::bundle (fs.rs) rewrites each path to its resource id,
//! the file name (resource_id_for_path).

use crate::world::{
    DnaDefHash, DnaModifiers, HoloHash, IntegrityZomeDef, SerializedBytes, WasmHash, WasmZomeDef,
    ZomeDef, ZomeName,
};
use crate::{encode, hex, json_string, world_vectors, Vectors};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;

/// yaml_serde::Value as it serializes (serde_yaml's ser.rs impl): null as
/// unit, a number as the u64, i64 or f64 it holds, a mapping in its order.
#[derive(Clone)]
enum YamlValue {
    Null,
    Bool(bool),
    PosInt(u64),
    NegInt(i64),
    Float(f64),
    String(String),
    Sequence(Vec<YamlValue>),
    Mapping(Vec<(YamlValue, YamlValue)>),
}

impl Serialize for YamlValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            YamlValue::Null => s.serialize_unit(),
            YamlValue::Bool(b) => s.serialize_bool(*b),
            YamlValue::PosInt(n) => s.serialize_u64(*n),
            YamlValue::NegInt(n) => s.serialize_i64(*n),
            YamlValue::Float(f) => s.serialize_f64(*f),
            YamlValue::String(t) => s.serialize_str(t),
            YamlValue::Sequence(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            YamlValue::Mapping(entries) => {
                let mut map = s.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

#[derive(Serialize, Clone)]
struct YamlProperties(YamlValue);

#[derive(Serialize)]
struct Bundle<M> {
    manifest: M,
    resources: BTreeMap<String, serde_bytes::ByteBuf>,
}

#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
struct ZomeDependency {
    name: String,
}

#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
struct ZomeManifest {
    name: String,
    hash: Option<String>,
    path: String,
    dependencies: Option<Vec<ZomeDependency>>,
}

#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
struct IntegrityManifest {
    network_seed: Option<String>,
    properties: Option<YamlProperties>,
    zomes: Vec<ZomeManifest>,
}

#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
struct CoordinatorManifest {
    zomes: Vec<ZomeManifest>,
}

#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
struct DnaManifestV0 {
    name: String,
    integrity: IntegrityManifest,
    coordinator: CoordinatorManifest,
}

#[derive(Serialize)]
#[serde(tag = "manifest_version")]
enum DnaManifest {
    #[serde(rename = "0")]
    V0(DnaManifestV0),
}

#[derive(Serialize)]
struct ValidatedDnaManifest(DnaManifest);

#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
#[serde(tag = "strategy")]
#[allow(dead_code)]
enum CellProvisioning {
    Create { deferred: bool },
    UseExisting { protected: bool },
    CloneOnly,
}

#[derive(Serialize)]
struct DnaModifiersOpt {
    network_seed: Option<String>,
    properties: Option<YamlProperties>,
}

#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
struct AppRoleDnaManifest {
    path: Option<String>,
    modifiers: DnaModifiersOpt,
    installed_hash: Option<String>,
    clone_limit: u32,
}

#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
struct AppRoleManifest {
    name: String,
    provisioning: Option<CellProvisioning>,
    dna: AppRoleDnaManifest,
}

#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
struct AppManifestV0 {
    name: String,
    description: Option<String>,
    roles: Vec<AppRoleManifest>,
    allow_deferred_memproofs: bool,
    bootstrap_url: Option<String>,
    relay_url: Option<String>,
}

#[derive(Serialize)]
#[serde(tag = "manifest_version")]
enum AppManifest {
    #[serde(rename = "0")]
    V0(AppManifestV0),
}

fn text(s: &str) -> YamlValue {
    YamlValue::String(s.into())
}

fn zome(name: &str, hash: Option<&str>, path: &str, deps: Option<&[&str]>) -> ZomeManifest {
    ZomeManifest {
        name: name.into(),
        hash: hash.map(Into::into),
        path: path.into(),
        dependencies: deps.map(|d| {
            d.iter()
                .map(|n| ZomeDependency { name: (*n).into() })
                .collect()
        }),
    }
}

fn resources(files: &[(&str, &[u8])]) -> BTreeMap<String, serde_bytes::ByteBuf> {
    files
        .iter()
        .map(|(id, bytes)| (id.to_string(), serde_bytes::ByteBuf::from(bytes.to_vec())))
        .collect()
}

fn wasm_hash(code: &[u8]) -> WasmHash {
    HoloHash::from_raw_39(&world_vectors::holo_hash([0x84, 0x2a, 0x24], code)).expect("a wasm hash")
}

impl Vectors {
    /// A bundle vector: its msgpack (what the file gzips) and, for a DNA, the
    /// DNA hash (39 bytes) a conductor computes from it.
    fn bundle<M: Serialize>(&mut self, name: &str, bundle: &Bundle<M>, dna_hash: Option<[u8; 39]>) {
        self.claim(&format!("bundle/{}", name));
        let hash = match dna_hash {
            Some(h) => format!("\"{}\"", hex(&h)),
            None => "null".into(),
        };
        self.bundles.push(format!(
            "{{\"name\": {}, \"msgpack\": \"{}\", \"dna_hash\": {}}}",
            json_string(name),
            hex(&encode(bundle)),
            hash
        ));
    }
}

pub(crate) fn vectors(v: &mut Vectors) {
    // tests/tools/bundle/forum/dna.yaml, as yaml_serde reads its properties.
    let properties = YamlValue::Mapping(vec![
        (text("title"), text("A forum")),
        (text("max_posts"), YamlValue::PosInt(3)),
        (text("ratio"), YamlValue::Float(0.5)),
        (text("offset"), YamlValue::NegInt(-7)),
        (text("moderated"), YamlValue::Bool(true)),
        (
            text("tags"),
            // "0017": leading zeros make a plain scalar a string (YAML 1.2).
            YamlValue::Sequence(vec![text("news"), text("42"), text("0017")]),
        ),
        (text("nothing"), YamlValue::Null),
    ]);
    let integrity_wasm: &[u8] = b"fake wasm: forum_integrity\n";
    let posts_wasm: &[u8] = b"fake wasm: posts\n";
    let profiles_wasm: &[u8] = b"fake wasm: profiles\n";
    let dna = Bundle {
        manifest: ValidatedDnaManifest(DnaManifest::V0(DnaManifestV0 {
            name: "forum".into(),
            integrity: IntegrityManifest {
                network_seed: Some("test-seed-1".into()),
                properties: Some(YamlProperties(properties.clone())),
                zomes: vec![zome("forum_integrity", None, "forum_integrity.wasm", None)],
            },
            coordinator: CoordinatorManifest {
                zomes: vec![
                    zome("posts", None, "posts.wasm", Some(&["forum_integrity"])),
                    zome(
                        "profiles",
                        Some("uhCoklw0URf9aNdaD86bfBrVBUkIIultajeh6RR3-7Jk2Ex3fxc3J"),
                        "profiles.wasm",
                        None,
                    ),
                ],
            },
        })),
        resources: resources(&[
            ("forum_integrity.wasm", integrity_wasm),
            ("posts.wasm", posts_wasm),
            ("profiles.wasm", profiles_wasm),
        ]),
    };
    // DnaBundle::to_dna_def: the seed, the properties' SerializedBytes (the
    // YamlProperties' msgpack) and the integrity zomes' wasm hashes.
    let def = DnaDefHash {
        modifiers: DnaModifiers {
            network_seed: "test-seed-1".into(),
            properties: SerializedBytes(encode(&YamlProperties(properties))),
        },
        integrity_zomes: vec![(
            ZomeName("forum_integrity".into()),
            IntegrityZomeDef(ZomeDef::Wasm(WasmZomeDef {
                wasm_hash: wasm_hash(integrity_wasm),
                dependencies: vec![],
            })),
        )],
    };
    let hash = world_vectors::holo_hash([0x84, 0x2d, 0x24], &encode(&def));
    v.bundle("forum_dna", &dna, Some(hash));

    // tests/tools/bundle/forum_app/happ.yaml; its .dna files are stand-ins.
    let app = Bundle {
        manifest: AppManifest::V0(AppManifestV0 {
            name: "forum-app".into(),
            description: Some("A forum and its archive".into()),
            roles: vec![
                AppRoleManifest {
                    name: "forum".into(),
                    provisioning: Some(CellProvisioning::Create { deferred: false }),
                    dna: AppRoleDnaManifest {
                        path: Some("forum.dna".into()),
                        modifiers: DnaModifiersOpt {
                            network_seed: Some("0123456".into()),
                            properties: None,
                        },
                        installed_hash: None,
                        clone_limit: 3,
                    },
                },
                AppRoleManifest {
                    name: "archive".into(),
                    provisioning: Some(CellProvisioning::CloneOnly),
                    dna: AppRoleDnaManifest {
                        path: Some("archive.dna".into()),
                        modifiers: DnaModifiersOpt {
                            network_seed: None,
                            properties: Some(YamlProperties(YamlValue::Mapping(vec![
                                (text("foo"), YamlValue::PosInt(1111)),
                                (text("bar"), text("it could be anything")),
                            ]))),
                        },
                        installed_hash: None,
                        clone_limit: 0,
                    },
                },
                AppRoleManifest {
                    name: "shared".into(),
                    provisioning: None,
                    dna: AppRoleDnaManifest {
                        path: None,
                        modifiers: DnaModifiersOpt {
                            network_seed: None,
                            properties: None,
                        },
                        installed_hash: Some(
                            "uhC0kMpN6EzEhjaPP-MWeJi1cH2Zyw7OYEDEekSnjWE85WgCnIvEG".into(),
                        ),
                        clone_limit: 0,
                    },
                },
            ],
            allow_deferred_memproofs: true,
            bootstrap_url: None,
            relay_url: None,
        }),
        resources: resources(&[
            ("archive.dna", b"fake dna bundle: archive\n"),
            ("forum.dna", b"fake dna bundle: forum\n"),
        ]),
    };
    v.bundle("forum_happ", &app, None);
}
