//! The `world` vectors: the zome-facing wire types of Holochain 0.5.6
//! (holo_hash, holochain_integrity_types, holochain_zome_types), mirrored
//! with the serde attributes they carry upstream (`tag`, `content`,
//! `rename_all`, `transparent`, `serde_bytes`), and encoded the way
//! Holochain encodes them. tests/host/world_wire_test.cpp builds the same
//! values with the HDK's types and compares bytes.
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

use crate::{ExternIO, Timestamp, Vectors};
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
// Composite types: which primitive prefixes they take (hash_type/composite.rs).
hash_kind!(AnyDhtKind, AnyDhtHash, [ENTRY, ACTION]);
hash_kind!(AnyLinkableKind, AnyLinkableHash, [ENTRY, ACTION, EXTERNAL]);

pub(crate) struct HoloHash<K> {
    raw: [u8; 39],
    kind: PhantomData<K>,
}

impl<K: HashKind> HoloHash<K> {
    fn from_raw_39(raw: &[u8]) -> Result<Self, String> {
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
    fn into_kind<L: HashKind>(self) -> HoloHash<L> {
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

/// holochain_serialized_bytes::SerializedBytes.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct SerializedBytes(#[serde(with = "serde_bytes")] Vec<u8>);

// ---------------------------------------------------------------------------
// Small newtypes and unit enums.

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone, Copy)]
pub(crate) struct ZomeIndex(u8);

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone, Copy)]
pub(crate) struct EntryDefIndex(u8);

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone, Copy)]
pub(crate) struct LinkType(u8);

/// holochain_integrity_types::link::LinkTag: a bin.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct LinkTag(#[serde(with = "serde_bytes")] Vec<u8>);

/// holochain_integrity_types::zome::ZomeName (a `Cow<'static, str>` upstream).
#[derive(Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Debug, Clone)]
pub(crate) struct ZomeName(String);

/// holochain_integrity_types::zome::FunctionName.
#[derive(Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Debug, Clone)]
pub(crate) struct FunctionName(String);

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

/// rate_limit::RateWeight and EntryRateWeight (the `W` of the weighed
/// actions; all three fields are type aliases of u8).
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone, Default)]
pub(crate) struct RateWeight {
    bucket_id: u8,
    units: u8,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone, Default)]
pub(crate) struct EntryRateWeight {
    bucket_id: u8,
    units: u8,
    rate_bytes: u8,
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
    tag: String,
    access: CapAccess,
    functions: GrantedFunctions,
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

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub(crate) enum GrantedFunctions {
    All,
    Listed(BTreeSet<(ZomeName, FunctionName)>),
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct CapClaim {
    tag: String,
    grantor: AgentPubKey,
    secret: CapSecret,
}

// ---------------------------------------------------------------------------
// Entry (integrity_types::entry): adjacently tagged.

/// holochain_integrity_types::entry::AppEntryBytes.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct AppEntryBytes(SerializedBytes);

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
// Actions (integrity_types::action): internally tagged by "type".

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct AppEntryDef {
    entry_index: EntryDefIndex,
    zome_index: ZomeIndex,
    visibility: EntryVisibility,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum EntryType {
    AgentPubKey,
    App(AppEntryDef),
    CapClaim,
    CapGrant,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct Dna {
    author: AgentPubKey,
    timestamp: Timestamp,
    hash: DnaHash,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct AgentValidationPkg {
    author: AgentPubKey,
    timestamp: Timestamp,
    action_seq: u32,
    prev_action: ActionHash,
    /// `Option<MembraneProof>`, MembraneProof being `Arc<SerializedBytes>`.
    membrane_proof: Option<SerializedBytes>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct InitZomesComplete {
    author: AgentPubKey,
    timestamp: Timestamp,
    action_seq: u32,
    prev_action: ActionHash,
}

/// `CreateLink<W = RateWeight>`, with its default weight.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct CreateLink {
    author: AgentPubKey,
    timestamp: Timestamp,
    action_seq: u32,
    prev_action: ActionHash,
    base_address: AnyLinkableHash,
    target_address: AnyLinkableHash,
    zome_index: ZomeIndex,
    link_type: LinkType,
    tag: LinkTag,
    weight: RateWeight,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct DeleteLink {
    author: AgentPubKey,
    timestamp: Timestamp,
    action_seq: u32,
    prev_action: ActionHash,
    base_address: AnyLinkableHash,
    link_add_address: ActionHash,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum MigrationTarget {
    Dna(DnaHash),
    Agent(AgentPubKey),
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct CloseChain {
    author: AgentPubKey,
    timestamp: Timestamp,
    action_seq: u32,
    prev_action: ActionHash,
    new_target: Option<MigrationTarget>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct OpenChain {
    author: AgentPubKey,
    timestamp: Timestamp,
    action_seq: u32,
    prev_action: ActionHash,
    prev_target: MigrationTarget,
    close_hash: ActionHash,
}

/// `Create<W = EntryRateWeight>`, with its default weight.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct Create {
    author: AgentPubKey,
    timestamp: Timestamp,
    action_seq: u32,
    prev_action: ActionHash,
    entry_type: EntryType,
    entry_hash: EntryHash,
    weight: EntryRateWeight,
}

/// `Update<W = EntryRateWeight>`, with its default weight.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct Update {
    author: AgentPubKey,
    timestamp: Timestamp,
    action_seq: u32,
    prev_action: ActionHash,
    original_action_address: ActionHash,
    original_entry_address: EntryHash,
    entry_type: EntryType,
    entry_hash: EntryHash,
    weight: EntryRateWeight,
}

/// `Delete<W = RateWeight>`, with its default weight.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct Delete {
    author: AgentPubKey,
    timestamp: Timestamp,
    action_seq: u32,
    prev_action: ActionHash,
    deletes_address: ActionHash,
    deletes_entry_address: EntryHash,
    weight: RateWeight,
}

/// Variants in upstream's declaration order.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
#[serde(tag = "type")]
pub(crate) enum Action {
    Dna(Dna),
    AgentValidationPkg(AgentValidationPkg),
    InitZomesComplete(InitZomesComplete),
    CreateLink(CreateLink),
    DeleteLink(DeleteLink),
    CloseChain(CloseChain),
    OpenChain(OpenChain),
    Create(Create),
    Update(Update),
    Delete(Delete),
}

/// Generated upstream by `write_into_action!`, in that macro's order.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone, Copy)]
pub(crate) enum ActionType {
    Dna,
    AgentValidationPkg,
    InitZomesComplete,
    OpenChain,
    CloseChain,
    Create,
    Update,
    Delete,
    CreateLink,
    DeleteLink,
}

// ---------------------------------------------------------------------------
// Hashed and signed content, records (holo_hash::HoloHashed,
// integrity_types::record).

/// holo_hash::HoloHashed<C>. Upstream derives the hash's type from C
/// (`HoloHashOf<C>`); here it is the second parameter.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct HoloHashed<C, H> {
    content: C,
    hash: H,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct SignedHashed<C, H = ActionHash> {
    hashed: HoloHashed<C, H>,
    signature: Signature,
}

pub(crate) type SignedActionHashed = SignedHashed<Action>;

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum RecordEntry {
    Present(Entry),
    Hidden,
    NA,
    NotStored,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct Record {
    signed_action: SignedActionHashed,
    entry: RecordEntry,
}

// ---------------------------------------------------------------------------
// Ops (integrity_types::op), what validate receives.

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum EntryCreationAction {
    Create(Create),
    Update(Update),
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct StoreRecord {
    record: Record,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct StoreEntry {
    action: SignedHashed<EntryCreationAction>,
    entry: Entry,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct RegisterUpdate {
    update: SignedHashed<Update>,
    new_entry: Option<Entry>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct RegisterDelete {
    delete: SignedHashed<Delete>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct RegisterAgentActivity {
    action: SignedActionHashed,
    cached_entry: Option<Entry>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct RegisterCreateLink {
    create_link: SignedHashed<CreateLink>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct RegisterDeleteLink {
    delete_link: SignedHashed<DeleteLink>,
    create_link: CreateLink,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum Op {
    StoreRecord(StoreRecord),
    StoreEntry(StoreEntry),
    RegisterUpdate(RegisterUpdate),
    RegisterDelete(RegisterDelete),
    RegisterAgentActivity(RegisterAgentActivity),
    RegisterCreateLink(RegisterCreateLink),
    RegisterDeleteLink(RegisterDeleteLink),
}

// ---------------------------------------------------------------------------
// Host function inputs and outputs (zome_types::{entry, link, info, call,
// query, ...}, integrity_types::{hash, signature, validate, chain}).

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct AppEntryDefLocation {
    zome_index: ZomeIndex,
    entry_def_index: EntryDefIndex,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum EntryDefLocation {
    App(AppEntryDefLocation),
    CapClaim,
    CapGrant,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct CreateInput {
    entry_location: EntryDefLocation,
    entry_visibility: EntryVisibility,
    entry: Entry,
    chain_top_ordering: ChainTopOrdering,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone, Copy)]
pub(crate) enum GetStrategy {
    Network,
    Local,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct GetOptions {
    strategy: GetStrategy,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum LinkTypeFilter {
    Types(Vec<(ZomeIndex, Vec<LinkType>)>),
    Dependencies(Vec<ZomeIndex>),
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct GetLinksInput {
    base_address: AnyLinkableHash,
    link_type: LinkTypeFilter,
    get_options: GetOptions,
    tag_prefix: Option<LinkTag>,
    after: Option<Timestamp>,
    before: Option<Timestamp>,
    author: Option<AgentPubKey>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct Link {
    author: AgentPubKey,
    base: AnyLinkableHash,
    target: AnyLinkableHash,
    timestamp: Timestamp,
    zome_index: ZomeIndex,
    link_type: LinkType,
    tag: LinkTag,
    create_link_hash: ActionHash,
}

/// integrity_types::chain::ChainFilters (`HashSet`s upstream).
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum ChainFilters {
    ToGenesis,
    Take(u32),
    Until(BTreeSet<ActionHash>),
    Both(u32, BTreeSet<ActionHash>),
}

/// `ChainFilter<H = ActionHash>`.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct ChainFilter {
    chain_top: ActionHash,
    filters: ChainFilters,
    include_cached_entries: bool,
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

/// zome_types::info::AgentInfo as built by default: `agent_latest_pubkey`
/// exists only with the `unstable-dpki` feature, which 0.5.6 leaves off.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct AgentInfo {
    agent_initial_pubkey: AgentPubKey,
    chain_head: (ActionHash, u32, Timestamp),
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct CallInfo {
    provenance: AgentPubKey,
    function_name: FunctionName,
    as_at: (ActionHash, u32, Timestamp),
    cap_grant: CapGrant,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum HashInput {
    Entry(Entry),
    Action(Action),
    Blake2B(#[serde(with = "serde_bytes")] Vec<u8>, u8),
    Sha256(#[serde(with = "serde_bytes")] Vec<u8>),
    Sha512(#[serde(with = "serde_bytes")] Vec<u8>),
    Keccak256(#[serde(with = "serde_bytes")] Vec<u8>),
    Sha3256(#[serde(with = "serde_bytes")] Vec<u8>),
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct VerifySignature {
    key: AgentPubKey,
    signature: Signature,
    #[serde(with = "serde_bytes")]
    data: Vec<u8>,
}

/// zome_types::cell::CellId.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct CellId(DnaHash, AgentPubKey);

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

/// holochain_zome_types::signal: emit_signal's and send_remote_signal's inputs.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
#[serde(transparent)]
pub(crate) struct AppSignal(ExternIO);

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct RemoteSignal {
    agents: Vec<AgentPubKey>,
    signal: ExternIO,
}

/// holochain_integrity_types::entry: must_get_*'s inputs, newtypes over a hash.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct MustGetEntryInput(EntryHash);

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct MustGetActionInput(ActionHash);

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct MustGetValidRecordInput(ActionHash);

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct Call {
    target: CallTarget,
    zome_name: ZomeName,
    fn_name: FunctionName,
    cap_secret: Option<CapSecret>,
    payload: ExternIO,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) enum ChainQueryFilterRange {
    Unbounded,
    ActionSeqRange(u32, u32),
    ActionHashRange(ActionHash, ActionHash),
    ActionHashTerminated(ActionHash, u32),
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct ChainQueryFilter {
    sequence_range: ChainQueryFilterRange,
    entry_type: Option<Vec<EntryType>>,
    /// `Option<HashSet<EntryHash>>` upstream.
    entry_hashes: Option<BTreeSet<EntryHash>>,
    action_type: Option<Vec<ActionType>>,
    include_entries: bool,
    order_descending: bool,
}

// ---------------------------------------------------------------------------
// get_details (zome_types::metadata, zome_types::validate).

/// zome_types::validate::ValidationStatus (explicit discriminants upstream;
/// serde writes the names).
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone, Copy)]
pub(crate) enum ValidationStatus {
    Valid,
    Rejected,
    Abandoned,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone, Copy)]
pub(crate) enum EntryDhtStatus {
    Live,
    Dead,
    Pending,
    Rejected,
    Abandoned,
    Conflict,
    Withdrawn,
    Purged,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct RecordDetails {
    record: Record,
    validation_status: ValidationStatus,
    deletes: Vec<SignedActionHashed>,
    updates: Vec<SignedActionHashed>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub(crate) struct EntryDetails {
    entry: Entry,
    actions: Vec<SignedActionHashed>,
    rejected_actions: Vec<SignedActionHashed>,
    deletes: Vec<SignedActionHashed>,
    updates: Vec<SignedActionHashed>,
    entry_dht_status: EntryDhtStatus,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
#[serde(tag = "type", content = "content")]
pub(crate) enum Details {
    Record(RecordDetails),
    Entry(EntryDetails),
}

// ---------------------------------------------------------------------------
// The values; world_wire_test.cpp builds the same ones.

/// A hash of type K whose bytes are `fill` after the prefix 0x84, `p`, 0x24
/// (the C++ test's `h<T>(p, fill)`).
fn h<K: HashKind>(p: u8, fill: u8) -> HoloHash<K> {
    let mut raw = [fill; 39];
    raw[..3].copy_from_slice(&[0x84, p, 0x24]);
    HoloHash::from_raw_39(&raw).expect("a prefix the hash type takes")
}

fn signed<C, H>(content: C, hash: H, signature: &Signature) -> SignedHashed<C, H> {
    SignedHashed {
        hashed: HoloHashed { content, hash },
        signature: signature.clone(),
    }
}

pub(crate) fn vectors(v: &mut Vectors) {
    let agent: AgentPubKey = h(0x20, 1);
    let eh: EntryHash = h(0x21, 2);
    let ah: ActionHash = h(0x29, 3);
    let dna: DnaHash = h(0x2d, 4);
    let sig = Signature([9; 64]);
    // The app entry is the msgpack of "hi".
    let app = Entry::App(AppEntryBytes(SerializedBytes(vec![0xa2, b'h', b'i'])));
    let app_def = EntryType::App(AppEntryDef {
        entry_index: EntryDefIndex(1),
        zome_index: ZomeIndex(0),
        visibility: EntryVisibility::Public,
    });
    let create = Create {
        author: agent.clone(),
        timestamp: Timestamp(1_700_000_000_000_000),
        action_seq: 5,
        prev_action: ah.clone(),
        entry_type: app_def.clone(),
        entry_hash: eh.clone(),
        weight: EntryRateWeight::default(),
    };
    let create_link = CreateLink {
        author: agent.clone(),
        timestamp: Timestamp(7),
        action_seq: 6,
        prev_action: ah.clone(),
        base_address: eh.clone().into_kind(),
        target_address: ah.clone().into_kind(),
        zome_index: ZomeIndex(0),
        link_type: LinkType(1),
        tag: LinkTag(b"tag".to_vec()),
        weight: RateWeight::default(),
    };
    let delete = Delete {
        author: agent.clone(),
        timestamp: Timestamp(8),
        action_seq: 7,
        prev_action: ah.clone(),
        deletes_address: ah.clone(),
        deletes_entry_address: eh.clone(),
        weight: RateWeight::default(),
    };
    let update = Update {
        author: agent.clone(),
        timestamp: Timestamp(10),
        action_seq: 8,
        prev_action: ah.clone(),
        original_action_address: ah.clone(),
        original_entry_address: eh.clone(),
        entry_type: app_def,
        entry_hash: h(0x21, 5),
        weight: EntryRateWeight::default(),
    };
    let record = Record {
        signed_action: signed(Action::Create(create.clone()), ah.clone(), &sig),
        entry: RecordEntry::Present(app.clone()),
    };

    v.world("entry_app", app.clone());
    v.world("entry_agent", Entry::Agent(agent.clone()));
    v.world(
        "action_dna",
        Action::Dna(Dna {
            author: agent.clone(),
            timestamp: Timestamp(1),
            hash: dna,
        }),
    );
    v.world(
        "action_avp",
        Action::AgentValidationPkg(AgentValidationPkg {
            author: agent.clone(),
            timestamp: Timestamp(2),
            action_seq: 1,
            prev_action: ah.clone(),
            membrane_proof: None,
        }),
    );
    v.world("action_create", Action::Create(create.clone()));
    v.world(
        "action_create_link",
        Action::CreateLink(create_link.clone()),
    );
    v.world("action_delete", Action::Delete(delete.clone()));
    v.world("action_update", Action::Update(update.clone()));
    v.world("record", record.clone());
    v.world(
        "op_store_record",
        Op::StoreRecord(StoreRecord {
            record: record.clone(),
        }),
    );
    v.world(
        "op_store_entry",
        Op::StoreEntry(StoreEntry {
            action: signed(
                EntryCreationAction::Create(create.clone()),
                ah.clone(),
                &sig,
            ),
            entry: app.clone(),
        }),
    );
    v.world(
        "op_register_delete",
        Op::RegisterDelete(RegisterDelete {
            delete: signed(delete.clone(), ah.clone(), &sig),
        }),
    );
    v.world(
        "op_register_create_link",
        Op::RegisterCreateLink(RegisterCreateLink {
            create_link: signed(create_link, ah.clone(), &sig),
        }),
    );
    v.world(
        "create_input",
        CreateInput {
            entry_location: EntryDefLocation::App(AppEntryDefLocation {
                zome_index: ZomeIndex(0),
                entry_def_index: EntryDefIndex(1),
            }),
            entry_visibility: EntryVisibility::Public,
            entry: app.clone(),
            chain_top_ordering: ChainTopOrdering::Strict,
        },
    );
    // get_links takes a Vec of inputs.
    v.world(
        "get_links_input",
        vec![GetLinksInput {
            base_address: eh.clone().into_kind(),
            link_type: LinkTypeFilter::Types(vec![(ZomeIndex(0), vec![LinkType(1)])]),
            get_options: GetOptions {
                strategy: GetStrategy::Network,
            },
            tag_prefix: Some(LinkTag(b"t".to_vec())),
            after: None,
            before: Some(Timestamp(9)),
            author: None,
        }],
    );
    v.world(
        "link",
        Link {
            author: agent.clone(),
            base: eh.clone().into_kind(),
            target: ah.clone().into_kind(),
            timestamp: Timestamp(3),
            zome_index: ZomeIndex(0),
            link_type: LinkType(1),
            tag: LinkTag(vec![1, 2]),
            create_link_hash: ah.clone(),
        },
    );
    v.world(
        "validate_invalid",
        ValidateCallbackResult::Invalid("no".into()),
    );
    v.world("validate_valid", ValidateCallbackResult::Valid);
    v.world(
        "agent_info",
        AgentInfo {
            agent_initial_pubkey: agent.clone(),
            chain_head: (ah.clone(), 4, Timestamp(5)),
        },
    );
    v.world(
        "call_info",
        CallInfo {
            provenance: agent.clone(),
            function_name: FunctionName("f".into()),
            as_at: (ah.clone(), 4, Timestamp(5)),
            cap_grant: CapGrant::ChainAuthor(agent.clone()),
        },
    );
    v.world("hash_input_blake2b", HashInput::Blake2B(vec![1, 2, 3], 16));
    v.world("hash_input_entry", HashInput::Entry(app.clone()));
    v.world(
        "verify_signature",
        VerifySignature {
            key: agent.clone(),
            signature: sig.clone(),
            data: vec![7],
        },
    );
    // call takes a Vec of calls; the payload is the msgpack of ().
    v.world(
        "call",
        vec![Call {
            target: CallTarget::ConductorCell(CallTargetCell::Local),
            zome_name: ZomeName("z".into()),
            fn_name: FunctionName("f".into()),
            cap_secret: None,
            payload: ExternIO(vec![0xc0]),
        }],
    );
    v.world(
        "query",
        ChainQueryFilter {
            sequence_range: ChainQueryFilterRange::ActionSeqRange(1, 3),
            entry_type: Some(vec![EntryType::AgentPubKey]),
            entry_hashes: None,
            action_type: Some(vec![ActionType::Create, ActionType::CreateLink]),
            include_entries: true,
            order_descending: false,
        },
    );
    // Signals: the payload is the msgpack of "hi".
    v.world("app_signal", AppSignal(ExternIO(vec![0xa2, b'h', b'i'])));
    v.world(
        "remote_signal",
        RemoteSignal {
            agents: vec![agent.clone(), agent.clone()],
            signal: ExternIO(vec![0xa2, b'h', b'i']),
        },
    );
    // must_get_*.
    v.world("must_get_entry_input", MustGetEntryInput(eh.clone()));
    v.world("must_get_action_input", MustGetActionInput(ah.clone()));
    v.world(
        "must_get_valid_record_input",
        MustGetValidRecordInput(ah.clone()),
    );
    // Kept from the first, hand-pasted set: the same value as action_create.
    v.world("roundtrip_create", Action::Create(create));

    // get_details.
    let signed_delete = signed(Action::Delete(delete), h(0x29, 6), &sig);
    let signed_update = signed(Action::Update(update), h(0x29, 7), &sig);
    v.world(
        "validation_status_all",
        vec![
            ValidationStatus::Valid,
            ValidationStatus::Rejected,
            ValidationStatus::Abandoned,
        ],
    );
    v.world(
        "entry_dht_status_all",
        vec![
            EntryDhtStatus::Live,
            EntryDhtStatus::Dead,
            EntryDhtStatus::Pending,
            EntryDhtStatus::Rejected,
            EntryDhtStatus::Abandoned,
            EntryDhtStatus::Conflict,
            EntryDhtStatus::Withdrawn,
            EntryDhtStatus::Purged,
        ],
    );
    v.world(
        "details_record",
        Details::Record(RecordDetails {
            record: record.clone(),
            validation_status: ValidationStatus::Valid,
            deletes: vec![signed_delete.clone()],
            updates: vec![signed_update.clone()],
        }),
    );
    v.world(
        "details_entry",
        Details::Entry(EntryDetails {
            entry: app,
            actions: vec![record.signed_action.clone()],
            rejected_actions: vec![],
            deletes: vec![signed_delete],
            updates: vec![signed_update],
            entry_dht_status: EntryDhtStatus::Dead,
        }),
    );
    // get_details answers a Vec<Option<Details>>, one per input hash.
    v.world(
        "details_output",
        vec![
            None,
            Some(Details::Record(RecordDetails {
                record,
                validation_status: ValidationStatus::Rejected,
                deletes: vec![],
                updates: vec![],
            })),
        ],
    );
}
