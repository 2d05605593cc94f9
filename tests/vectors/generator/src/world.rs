//! The `world` types: mirrors of the zome-facing wire types of Holochain
//! 0.7.0 (holo_hash, holochain_integrity_types, holochain_zome_types at tag
//! holochain-0.7.0-rc.3, hdi 0.8.0-rc.2 / hdk 0.7.0-rc.2), with the serde
//! attributes they carry upstream (`tag`, `content`, `rename_all`,
//! `transparent`, `serde_bytes`). world_vectors.rs builds values of them and
//! tests/host/world_wire_test.cpp builds the same with the HDK's types.
//!
//! What differs from upstream does not change the bytes, and is said where
//! it happens: generic parameters spelled out, `Arc`/`Box`/`Cow` dropped,
//! `HashSet`s kept as `BTreeSet`s (so output stays deterministic), and the
//! few variants whose payloads this file does not mirror are left out (with
//! rmp-serde an enum is written by variant name, so a missing variant does
//! not move the others).

// Mirrors keep every upstream variant and field, exercised or not, and
// hold values inline as upstream does.
#![allow(dead_code, clippy::large_enum_variant)]

use crate::{ExternIO, Timestamp};
use serde::de::{Error as _, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeSet;
use std::fmt;
use std::marker::PhantomData;

// ---------------------------------------------------------------------------
// holo_hash: a HoloHash is its 39 raw bytes (3 prefix, 32 digest, 4
// location), written as one msgpack bin. Reading it back checks the length
// and that the prefix is one the hash type allows (HoloHash::try_from_raw_39).

pub(crate) trait HashKind {
    const PREFIXES: &'static [[u8; 3]];
}

const AGENT: [u8; 3] = [0x84, 0x20, 0x24];
const ENTRY: [u8; 3] = [0x84, 0x21, 0x24];
const DNA: [u8; 3] = [0x84, 0x2d, 0x24];
const ACTION: [u8; 3] = [0x84, 0x29, 0x24];
const EXTERNAL: [u8; 3] = [0x84, 0x2f, 0x24];
const DHT_OP: [u8; 3] = [0x84, 0x24, 0x24];
const WASM: [u8; 3] = [0x84, 0x2a, 0x24];

macro_rules! hash_kind {
    ($marker:ident, $alias:ident, [$($prefix:expr),+]) => {
        pub(crate) enum $marker {}
        impl HashKind for $marker {
            const PREFIXES: &'static [[u8; 3]] = &[$($prefix),+];
        }
        pub(crate) type $alias = HoloHash<$marker>;
    };
}

hash_kind!(AgentKind, AgentPubKey, [AGENT]);
hash_kind!(EntryKind, EntryHash, [ENTRY]);
hash_kind!(DnaKind, DnaHash, [DNA]);
hash_kind!(ActionKind, ActionHash, [ACTION]);
hash_kind!(DhtOpKind, DhtOpHash, [DHT_OP]);
hash_kind!(WasmKind, WasmHash, [WASM]);
// Composite types: which primitive prefixes they take (hash_type/composite.rs).
hash_kind!(AnyDhtKind, AnyDhtHash, [ENTRY, ACTION]);
hash_kind!(AnyLinkableKind, AnyLinkableHash, [ENTRY, ACTION, EXTERNAL]);

pub(crate) struct HoloHash<K> {
    pub(crate) raw: [u8; 39],
    kind: PhantomData<K>,
}

impl<K: HashKind> HoloHash<K> {
    pub(crate) fn from_raw_39(raw: &[u8]) -> Result<Self, String> {
        let raw: [u8; 39] = raw
            .try_into()
            .map_err(|_| format!("a HoloHash is 39 bytes, not {}", raw.len()))?;
        if !K::PREFIXES.iter().any(|p| raw[..3] == p[..]) {
            return Err(format!("HoloHash error: BadPrefix {:02x?}", &raw[..3]));
        }
        Ok(Self {
            raw,
            kind: PhantomData,
        })
    }

    /// The same 39 bytes as another hash type (an EntryHash as an
    /// AnyLinkableHash, ...).
    pub(crate) fn into_kind<L: HashKind>(self) -> HoloHash<L> {
        HoloHash::from_raw_39(&self.raw).expect("the target type takes this prefix")
    }
}

impl<K> Clone for HoloHash<K> {
    fn clone(&self) -> Self {
        Self {
            raw: self.raw,
            kind: PhantomData,
        }
    }
}

impl<K> PartialEq for HoloHash<K> {
    fn eq(&self, other: &Self) -> bool {
        self.raw == other.raw
    }
}

impl<K> Eq for HoloHash<K> {}

impl<K> PartialOrd for HoloHash<K> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl<K> Ord for HoloHash<K> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.raw.cmp(&other.raw)
    }
}

impl<K> fmt::Debug for HoloHash<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HoloHash({})", crate::hex(&self.raw))
    }
}

impl<K> Serialize for HoloHash<K> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(&self.raw)
    }
}

struct HoloHashVisitor<K>(PhantomData<K>);

impl<'de, K: HashKind> Visitor<'de> for HoloHashVisitor<K> {
    type Value = HoloHash<K>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a HoloHash: 39 bytes")
    }

    fn visit_bytes<E: serde::de::Error>(self, bytes: &[u8]) -> Result<Self::Value, E> {
        HoloHash::from_raw_39(bytes).map_err(E::custom)
    }

    // Upstream also takes an array of byte values.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut bytes = Vec::new();
        while let Some(b) = seq.next_element::<u8>()? {
            bytes.push(b);
        }
        HoloHash::from_raw_39(&bytes).map_err(A::Error::custom)
    }
}

impl<'de, K: HashKind> Deserialize<'de> for HoloHash<K> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_bytes(HoloHashVisitor(PhantomData))
    }
}

// ---------------------------------------------------------------------------
// Fixed-size byte strings (holochain_secure_primitive::secure_primitive!):
// a bin of exactly N bytes.

macro_rules! fixed_bytes {
    ($name:ident, $len:expr) => {
        #[derive(Clone, PartialEq, Debug)]
        pub(crate) struct $name(pub(crate) [u8; $len]);

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_bytes(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Exact;
                impl<'de> Visitor<'de> for Exact {
                    type Value = $name;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        write!(f, "{} bytes", $len)
                    }
                    fn visit_bytes<E: serde::de::Error>(self, b: &[u8]) -> Result<$name, E> {
                        b.try_into()
                            .map($name)
                            .map_err(|_| E::invalid_length(b.len(), &self))
                    }
                    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<$name, A::Error> {
                        let mut bytes = Vec::new();
                        while let Some(b) = seq.next_element::<u8>()? {
                            bytes.push(b);
                        }
                        self.visit_bytes(&bytes)
                    }
                }
                deserializer.deserialize_bytes(Exact)
            }
        }
    };
}

// holochain_integrity_types::signature::Signature (ed25519).
fixed_bytes!(Signature, 64);
// holochain_integrity_types::capability::CapSecret (512 bits).
fixed_bytes!(CapSecret, 64);
// x_salsa20_poly1305: an x25519 public key and a nonce.
fixed_bytes!(X25519PubKey, 32);
fixed_bytes!(XSalsa20Poly1305Nonce, 24);


/// holochain_serialized_bytes::SerializedBytes.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct SerializedBytes(#[serde(with = "serde_bytes")] pub(crate) Vec<u8>);

// ---------------------------------------------------------------------------
// Small newtypes and unit enums.

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone, Copy)]
pub(crate) struct ZomeIndex(pub(crate) u8);

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone, Copy)]
pub(crate) struct EntryDefIndex(pub(crate) u8);

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone, Copy)]
pub(crate) struct LinkType(pub(crate) u8);

/// holochain_integrity_types::link::LinkTag: a bin.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct LinkTag(#[serde(with = "serde_bytes")] pub(crate) Vec<u8>);

/// holochain_integrity_types::zome::ZomeName (a `Cow<'static, str>` upstream).
#[derive(Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Debug, Clone)]
pub(crate) struct ZomeName(pub(crate) String);

/// holochain_integrity_types::zome::FunctionName.
#[derive(Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Debug, Clone)]
pub(crate) struct FunctionName(pub(crate) String);

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone, Copy)]
pub(crate) enum EntryVisibility {
    Public,
    Private,
}

/// holochain_zome_types::action::ChainTopOrdering.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone, Copy)]
pub(crate) enum ChainTopOrdering {
    Relaxed,
    Strict,
}

// ---------------------------------------------------------------------------
// Capabilities (integrity_types::capability).

/// What CallInfo carries. (The CapGrant entry is a ZomeCallCapGrant.)
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum CapGrant {
    ChainAuthor(AgentPubKey),
    RemoteAgent(ZomeCallCapGrant),
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct ZomeCallCapGrant {
    pub(crate) tag: String,
    pub(crate) access: CapAccess,
    pub(crate) functions: GrantedFunctions,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub(crate) enum CapAccess {
    Unrestricted,
    Transferable {
        secret: CapSecret,
    },
    Assigned {
        secret: CapSecret,
        assignees: BTreeSet<AgentPubKey>,
    },
}

/// `Listed` is a `HashSet` upstream (so a conductor writes it in no
/// particular order); a BTreeSet here.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub(crate) enum GrantedFunctions {
    All,
    Listed(BTreeSet<(ZomeName, FunctionName)>),
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct CapClaim {
    pub(crate) tag: String,
    pub(crate) grantor: AgentPubKey,
    pub(crate) secret: CapSecret,
}

// ---------------------------------------------------------------------------
// Entry (integrity_types::entry): adjacently tagged.

/// holochain_integrity_types::entry::AppEntryBytes.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct AppEntryBytes(pub(crate) SerializedBytes);

/// Not mirrored: `CounterSign(Box<CounterSigningSessionData>, AppEntryBytes)`.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
#[serde(tag = "entry_type", content = "entry")]
pub(crate) enum Entry {
    Agent(AgentPubKey),
    App(AppEntryBytes),
    CapClaim(CapClaim),
    CapGrant(ZomeCallCapGrant),
}

// ---------------------------------------------------------------------------
// Actions (integrity_types::action): a header, and per-kind data internally
// tagged by "type".

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct AppEntryDef {
    pub(crate) entry_index: EntryDefIndex,
    pub(crate) zome_index: ZomeIndex,
    pub(crate) visibility: EntryVisibility,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum EntryType {
    AgentPubKey,
    App(AppEntryDef),
    CapClaim,
    CapGrant,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum MigrationTarget {
    Dna(DnaHash),
    Agent(AgentPubKey),
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct ActionHeader {
    pub(crate) author: AgentPubKey,
    pub(crate) timestamp: Timestamp,
    pub(crate) action_seq: u32,
    /// None only on the Dna action.
    pub(crate) prev_action: Option<ActionHash>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct DnaData {
    pub(crate) dna_hash: DnaHash,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct AgentValidationPkgData {
    /// `Option<MembraneProof>`, MembraneProof being `Arc<SerializedBytes>`.
    pub(crate) membrane_proof: Option<SerializedBytes>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct InitZomesCompleteData {}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct CreateData {
    pub(crate) entry_type: EntryType,
    pub(crate) entry_hash: EntryHash,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct UpdateData {
    pub(crate) original_action_address: ActionHash,
    pub(crate) original_entry_address: EntryHash,
    pub(crate) entry_type: EntryType,
    pub(crate) entry_hash: EntryHash,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct DeleteData {
    pub(crate) deletes_address: ActionHash,
    pub(crate) deletes_entry_address: EntryHash,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct CreateLinkData {
    pub(crate) base_address: AnyLinkableHash,
    pub(crate) target_address: AnyLinkableHash,
    pub(crate) zome_index: ZomeIndex,
    pub(crate) link_type: LinkType,
    pub(crate) tag: LinkTag,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct DeleteLinkData {
    pub(crate) base_address: AnyLinkableHash,
    pub(crate) link_add_address: ActionHash,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct CloseChainData {
    pub(crate) new_target: Option<MigrationTarget>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct OpenChainData {
    pub(crate) prev_target: MigrationTarget,
    pub(crate) close_hash: ActionHash,
}

/// Variants in upstream's declaration order.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
#[serde(tag = "type")]
pub(crate) enum ActionData {
    Dna(DnaData),
    AgentValidationPkg(AgentValidationPkgData),
    InitZomesComplete(InitZomesCompleteData),
    Create(CreateData),
    Update(UpdateData),
    Delete(DeleteData),
    CreateLink(CreateLinkData),
    DeleteLink(DeleteLinkData),
    CloseChain(CloseChainData),
    OpenChain(OpenChainData),
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct Action {
    pub(crate) header: ActionHeader,
    pub(crate) data: ActionData,
}

/// `#[repr(i64)]` discriminants upstream (for the database); serde writes names.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone, Copy)]
pub(crate) enum ActionType {
    Dna,
    AgentValidationPkg,
    InitZomesComplete,
    Create,
    Update,
    Delete,
    CreateLink,
    DeleteLink,
    CloseChain,
    OpenChain,
}

// ---------------------------------------------------------------------------
// Hashed and signed content, records (holo_hash::HoloHashed,
// integrity_types::record, zome_types::signature::Signed).

/// holo_hash::HoloHashed<C>. Upstream derives the hash's type from C
/// (`HoloHashOf<C>`); here it is the second parameter.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct HoloHashed<C, H> {
    pub(crate) content: C,
    pub(crate) hash: H,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct SignedHashed<C, H = ActionHash> {
    pub(crate) hashed: HoloHashed<C, H>,
    pub(crate) signature: Signature,
}

pub(crate) type SignedActionHashed = SignedHashed<Action>;

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct Signed<T> {
    pub(crate) data: T,
    pub(crate) signature: Signature,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum RecordEntry {
    Present(Entry),
    Hidden,
    NA,
    NotStored,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct Record {
    pub(crate) signed_action: SignedActionHashed,
    pub(crate) entry: RecordEntry,
}

// ---------------------------------------------------------------------------
// Ops (integrity_types::op), what validate receives.

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct CreateRecord {
    pub(crate) record: Record,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct CreateEntry {
    pub(crate) action: SignedActionHashed,
    pub(crate) entry: Entry,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct Update {
    pub(crate) update: SignedActionHashed,
    pub(crate) new_entry: Option<Entry>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct Delete {
    pub(crate) delete: SignedActionHashed,
}

/// Also must_get_agent_activity's answer element.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct AgentActivity {
    pub(crate) action: SignedActionHashed,
    pub(crate) cached_entry: Option<Entry>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct CreateLink {
    pub(crate) create_link: SignedActionHashed,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct DeleteLink {
    pub(crate) delete_link: SignedActionHashed,
    pub(crate) create_link: Action,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum Op {
    CreateRecord(CreateRecord),
    CreateEntry(CreateEntry),
    Update(Update),
    Delete(Delete),
    AgentActivity(AgentActivity),
    CreateLink(CreateLink),
    DeleteLink(DeleteLink),
}

// ---------------------------------------------------------------------------
// Host function inputs and outputs (zome_types::{entry, link, info, call,
// query, agent_activity, ...}, integrity_types::{signature, validate, chain}).

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct AppEntryDefLocation {
    pub(crate) zome_index: ZomeIndex,
    pub(crate) entry_def_index: EntryDefIndex,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum EntryDefLocation {
    App(AppEntryDefLocation),
    CapClaim,
    CapGrant,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct CreateInput {
    pub(crate) entry_location: EntryDefLocation,
    pub(crate) entry_visibility: EntryVisibility,
    pub(crate) entry: Entry,
    pub(crate) chain_top_ordering: ChainTopOrdering,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct UpdateInput {
    pub(crate) original_action_address: ActionHash,
    pub(crate) entry: Entry,
    pub(crate) chain_top_ordering: ChainTopOrdering,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct DeleteInput {
    pub(crate) deletes_action_hash: ActionHash,
    pub(crate) chain_top_ordering: ChainTopOrdering,
}

/// integrity_types::get_strategy::GetStrategy.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone, Copy)]
pub(crate) enum GetStrategy {
    Network,
    Local,
}

/// No serde attributes: all four keys are always written.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct GetOptions {
    pub(crate) strategy: GetStrategy,
    pub(crate) remote_agent_count: Option<u8>,
    pub(crate) timeout_ms: Option<u64>,
    pub(crate) as_race: Option<bool>,
}

impl GetOptions {
    pub(crate) fn network() -> Self {
        GetOptions {
            strategy: GetStrategy::Network,
            remote_agent_count: None,
            timeout_ms: None,
            as_race: None,
        }
    }
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct GetInput {
    pub(crate) any_dht_hash: AnyDhtHash,
    pub(crate) get_options: GetOptions,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum LinkTypeFilter {
    Types(Vec<(ZomeIndex, Vec<LinkType>)>),
    Dependencies(Vec<ZomeIndex>),
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct CreateLinkInput {
    pub(crate) base_address: AnyLinkableHash,
    pub(crate) target_address: AnyLinkableHash,
    pub(crate) zome_index: ZomeIndex,
    pub(crate) link_type: LinkType,
    pub(crate) tag: LinkTag,
    pub(crate) chain_top_ordering: ChainTopOrdering,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct DeleteLinkInput {
    pub(crate) address: ActionHash,
    pub(crate) chain_top_ordering: ChainTopOrdering,
    pub(crate) get_options: GetOptions,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct GetLinksInput {
    pub(crate) base_address: AnyLinkableHash,
    pub(crate) link_type: LinkTypeFilter,
    pub(crate) get_options: GetOptions,
    pub(crate) tag_prefix: Option<LinkTag>,
    pub(crate) after: Option<Timestamp>,
    pub(crate) before: Option<Timestamp>,
    pub(crate) author: Option<AgentPubKey>,
}

/// zome_types::query::LinkQuery: `before` before `after`.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct LinkQuery {
    pub(crate) base: AnyLinkableHash,
    pub(crate) link_type: LinkTypeFilter,
    pub(crate) tag_prefix: Option<LinkTag>,
    pub(crate) before: Option<Timestamp>,
    pub(crate) after: Option<Timestamp>,
    pub(crate) author: Option<AgentPubKey>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct Link {
    pub(crate) author: AgentPubKey,
    pub(crate) base: AnyLinkableHash,
    pub(crate) target: AnyLinkableHash,
    pub(crate) timestamp: Timestamp,
    pub(crate) zome_index: ZomeIndex,
    pub(crate) link_type: LinkType,
    pub(crate) tag: LinkTag,
    pub(crate) create_link_hash: ActionHash,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct LinkDetails(pub(crate) Vec<(SignedActionHashed, Vec<SignedActionHashed>)>);

/// integrity_types::chain::LimitConditions (`<H = ActionHash>`).
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum LimitConditions {
    ToGenesis,
    Take(u32),
    UntilTimestamp(Timestamp),
    UntilHash(ActionHash),
}

/// `ChainFilter<H = ActionHash>`.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct ChainFilter {
    pub(crate) chain_top: ActionHash,
    pub(crate) limit_conditions: LimitConditions,
    pub(crate) include_cached_entries: bool,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct MustGetAgentActivityInput {
    pub(crate) author: AgentPubKey,
    pub(crate) chain_filter: ChainFilter,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct CloseChainInput {
    pub(crate) new_target: Option<MigrationTarget>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct OpenChainInput {
    pub(crate) prev_target: MigrationTarget,
    pub(crate) close_hash: ActionHash,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum UnresolvedDependencies {
    Hashes(Vec<AnyDhtHash>),
    AgentActivity(AgentPubKey, ChainFilter),
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum ValidateCallbackResult {
    Valid,
    Invalid(String),
    UnresolvedDependencies(UnresolvedDependencies),
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum InitCallbackResult {
    Pass,
    Fail(String),
    UnresolvedDependencies(UnresolvedDependencies),
}

/// zome_types::init::InitProperties: #[serde(transparent)].
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
#[serde(transparent)]
pub(crate) struct InitProperties(pub(crate) SerializedBytes);

/// integrity_types::entry_def: what the entry_defs callback answers.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum EntryDefId {
    App(AppEntryName),
    CapClaim,
    CapGrant,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct AppEntryName(pub(crate) String);

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct RequiredValidations(pub(crate) u8);

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct EntryDef {
    pub(crate) id: EntryDefId,
    pub(crate) visibility: EntryVisibility,
    pub(crate) required_validations: RequiredValidations,
    pub(crate) cache_at_agent_activity: bool,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct EntryDefs(pub(crate) Vec<EntryDef>);

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum EntryDefsCallbackResult {
    Defs(EntryDefs),
}

/// integrity_types::genesis::GenesisSelfCheckDataV2.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct GenesisSelfCheckDataV2 {
    pub(crate) membrane_proof: Option<SerializedBytes>,
    pub(crate) agent_key: AgentPubKey,
}

/// zome_types::schedule::Schedule (Duration is std's).
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum Schedule {
    Persisted(String),
    Ephemeral(std::time::Duration),
}

/// zome_types::info::AgentInfo (the `unstable-dpki` field is gone).
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct AgentInfo {
    pub(crate) agent_initial_pubkey: AgentPubKey,
    pub(crate) chain_head: (ActionHash, u32, Timestamp),
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct CallInfo {
    pub(crate) provenance: AgentPubKey,
    pub(crate) function_name: FunctionName,
    pub(crate) as_at: (ActionHash, u32, Timestamp),
    pub(crate) cap_grant: CapGrant,
}

/// integrity_types::dna_modifiers::DnaModifiers.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct DnaModifiers {
    pub(crate) network_seed: String,
    pub(crate) properties: SerializedBytes,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct DnaInfoV1 {
    pub(crate) name: String,
    pub(crate) hash: DnaHash,
    pub(crate) properties: SerializedBytes,
    pub(crate) zome_names: Vec<ZomeName>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct DnaInfoV2 {
    pub(crate) name: String,
    pub(crate) hash: DnaHash,
    pub(crate) modifiers: DnaModifiers,
    pub(crate) zome_names: Vec<ZomeName>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct Sign {
    pub(crate) key: AgentPubKey,
    pub(crate) data: serde_bytes::ByteBuf,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
#[serde(transparent)]
pub(crate) struct SignEphemeral(pub(crate) Vec<serde_bytes::ByteBuf>);

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct EphemeralSignatures {
    pub(crate) key: AgentPubKey,
    pub(crate) signatures: Vec<Signature>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct VerifySignature {
    pub(crate) key: AgentPubKey,
    pub(crate) signature: Signature,
    #[serde(with = "serde_bytes")]
    pub(crate) data: Vec<u8>,
}

// x_salsa20_poly1305 (integrity_types and zome_types). The key ref is
// `Arc<[u8]>` written with serialize_bytes.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct XSalsa20Poly1305KeyRef(#[serde(with = "serde_bytes")] pub(crate) Vec<u8>);

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct XSalsa20Poly1305Data(#[serde(with = "serde_bytes")] pub(crate) Vec<u8>);

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct XSalsa20Poly1305EncryptedData {
    pub(crate) nonce: XSalsa20Poly1305Nonce,
    #[serde(with = "serde_bytes")]
    pub(crate) encrypted_data: Vec<u8>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct XSalsa20Poly1305SharedSecretIngest {
    pub(crate) recipient: X25519PubKey,
    pub(crate) sender: X25519PubKey,
    pub(crate) encrypted_data: XSalsa20Poly1305EncryptedData,
    pub(crate) key_ref: Option<XSalsa20Poly1305KeyRef>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct Ed25519XSalsa20Poly1305Encrypt {
    pub(crate) sender: AgentPubKey,
    pub(crate) recipient: AgentPubKey,
    pub(crate) data: XSalsa20Poly1305Data,
}

/// zome_types::cell::CellId.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct CellId(pub(crate) DnaHash, pub(crate) AgentPubKey);

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct CloneId(pub(crate) String);

/// zome_types::properties::YamlProperties is a serde_yaml Value; a YAML
/// mapping of strings to numbers serializes as this map does.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct YamlProperties(pub(crate) std::collections::BTreeMap<String, u32>);

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct DnaModifiersOpt {
    pub(crate) network_seed: Option<String>,
    pub(crate) properties: Option<YamlProperties>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct CreateCloneCellInput {
    pub(crate) cell_id: CellId,
    pub(crate) modifiers: DnaModifiersOpt,
    pub(crate) membrane_proof: Option<SerializedBytes>,
    pub(crate) name: Option<String>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct ClonedCell {
    pub(crate) cell_id: CellId,
    pub(crate) clone_id: CloneId,
    pub(crate) original_dna_hash: DnaHash,
    pub(crate) dna_modifiers: DnaModifiers,
    pub(crate) name: String,
    pub(crate) enabled: bool,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub(crate) enum CloneCellId {
    CloneId(CloneId),
    DnaHash(DnaHash),
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct DisableCloneCellInput {
    pub(crate) clone_cell_id: CloneCellId,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum CallTargetCell {
    OtherCell(CellId),
    OtherRole(String),
    Local,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum CallTarget {
    NetworkAgent(AgentPubKey),
    ConductorCell(CallTargetCell),
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct Call {
    pub(crate) target: CallTarget,
    pub(crate) zome_name: ZomeName,
    pub(crate) fn_name: FunctionName,
    pub(crate) cap_secret: Option<CapSecret>,
    pub(crate) payload: ExternIO,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum ZomeCallAuthorization {
    Authorized,
    BadCapGrant,
    BadNonce(String),
    BlockedProvenance,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum ZomeCallResponse {
    Ok(ExternIO),
    AuthenticationFailed(Signature, AgentPubKey),
    Unauthorized(
        ZomeCallAuthorization,
        Option<CapSecret>,
        ZomeName,
        FunctionName,
    ),
    NetworkError(String),
    CountersigningSession(String),
}

/// holochain_zome_types::signal: emit_signal's and send_remote_signal's inputs.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
#[serde(transparent)]
pub(crate) struct AppSignal(pub(crate) ExternIO);

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct RemoteSignal {
    pub(crate) agents: Vec<AgentPubKey>,
    pub(crate) signal: ExternIO,
}

/// holochain_integrity_types::entry: must_get_*'s inputs, newtypes over a hash.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct MustGetEntryInput(pub(crate) EntryHash);

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct MustGetActionInput(pub(crate) ActionHash);

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct MustGetValidRecordInput(pub(crate) ActionHash);

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum ChainQueryFilterRange {
    Unbounded,
    ActionSeqRange(u32, u32),
    ActionHashRange(ActionHash, ActionHash),
    ActionHashTerminated(ActionHash, u32),
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct ChainQueryFilter {
    pub(crate) sequence_range: ChainQueryFilterRange,
    pub(crate) entry_type: Option<Vec<EntryType>>,
    /// `Option<HashSet<EntryHash>>` upstream.
    pub(crate) entry_hashes: Option<BTreeSet<EntryHash>>,
    pub(crate) action_type: Option<Vec<ActionType>>,
    pub(crate) include_entries: bool,
    pub(crate) order_descending: bool,
}

// ---------------------------------------------------------------------------
// get_agent_activity (zome_types::{agent_activity, query, warrant, op}).

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone, Copy)]
pub(crate) enum ActivityRequest {
    Status,
    Full,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct GetAgentActivityInput {
    pub(crate) agent_pubkey: AgentPubKey,
    pub(crate) chain_query_filter: ChainQueryFilter,
    pub(crate) activity_request: ActivityRequest,
    pub(crate) get_options: GetOptions,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct ChainHead {
    pub(crate) action_seq: u32,
    pub(crate) hash: ActionHash,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct ChainFork {
    pub(crate) fork_seq: u32,
    pub(crate) first_action: ActionHash,
    pub(crate) second_action: ActionHash,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum ChainStatus {
    Empty,
    Valid(ChainHead),
    Forked(ChainFork),
    Invalid(ChainHead),
    Closed(ChainHead),
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct HighestObserved {
    pub(crate) action_seq: u32,
    pub(crate) hash: Vec<ActionHash>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone, Copy)]
pub(crate) enum ChainOpType {
    CreateRecord,
    CreateEntry,
    AgentActivity,
    UpdateEntry,
    UpdateRecord,
    DeleteRecord,
    DeleteEntry,
    CreateLink,
    DeleteLink,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum ChainIntegrityWarrant {
    InvalidChainOp {
        action_author: AgentPubKey,
        action: (ActionHash, Signature),
        chain_op_type: ChainOpType,
        reason: String,
    },
    ChainFork {
        chain_author: AgentPubKey,
        action_pair: ((ActionHash, Signature), (ActionHash, Signature)),
        seq: u32,
    },
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum WarrantProof {
    ChainIntegrity(ChainIntegrityWarrant),
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct Warrant {
    pub(crate) proof: WarrantProof,
    pub(crate) author: AgentPubKey,
    pub(crate) timestamp: Timestamp,
    pub(crate) warrantee: AgentPubKey,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct AgentActivityStatus {
    pub(crate) valid_activity: Vec<(u32, ActionHash)>,
    pub(crate) rejected_activity: Vec<(u32, ActionHash)>,
    pub(crate) status: ChainStatus,
    pub(crate) highest_observed: Option<HighestObserved>,
    pub(crate) warrants: Vec<Signed<Warrant>>,
}

// ---------------------------------------------------------------------------
// get_details and get_validation_receipts (zome_types::metadata, ::validate).

/// zome_types::validate::ValidationStatus (explicit discriminants upstream;
/// serde writes the names).
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone, Copy)]
pub(crate) enum ValidationStatus {
    Valid,
    Rejected,
    Abandoned,
}

/// Two variants since 0.6.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone, Copy)]
pub(crate) enum EntryDhtStatus {
    Live,
    Dead,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct RecordDetails {
    pub(crate) record: Record,
    pub(crate) validation_status: ValidationStatus,
    pub(crate) deletes: Vec<SignedActionHashed>,
    pub(crate) updates: Vec<SignedActionHashed>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct EntryDetails {
    pub(crate) entry: Entry,
    pub(crate) actions: Vec<SignedActionHashed>,
    pub(crate) rejected_actions: Vec<SignedActionHashed>,
    pub(crate) deletes: Vec<SignedActionHashed>,
    pub(crate) updates: Vec<SignedActionHashed>,
    pub(crate) entry_dht_status: EntryDhtStatus,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
#[serde(tag = "type", content = "content")]
pub(crate) enum Details {
    Record(RecordDetails),
    Entry(EntryDetails),
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct GetValidationReceiptsInput {
    pub(crate) action_hash: ActionHash,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct ValidationReceiptInfo {
    pub(crate) validation_status: ValidationStatus,
    pub(crate) validators: Vec<AgentPubKey>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct ValidationReceiptSet {
    pub(crate) op_hash: DhtOpHash,
    pub(crate) op_type: String,
    pub(crate) receipts_complete: bool,
    pub(crate) receipts: Vec<ValidationReceiptInfo>,
}

// ---------------------------------------------------------------------------
// The DNA hash's input (zome_types::dna_def::DnaDefHash, ::zome::ZomeDef):
// only the modifiers and the integrity zomes are hashed.

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct WasmZomeDef {
    pub(crate) wasm_hash: WasmHash,
    pub(crate) dependencies: Vec<ZomeName>,
}

/// Externally tagged since 0.7 (untagged before). Not mirrored: `Inline`,
/// conductor-side test zomes.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum ZomeDef {
    Wasm(WasmZomeDef),
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct IntegrityZomeDef(pub(crate) ZomeDef);

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct DnaDefHash {
    pub(crate) modifiers: DnaModifiers,
    pub(crate) integrity_zomes: Vec<(ZomeName, IntegrityZomeDef)>,
}
