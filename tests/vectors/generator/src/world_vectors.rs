//! The values of the `world` set and the worked hashes. Each value is built
//! from the mirrors in world.rs; tests/host/world_wire_test.cpp builds the
//! same values with the HDK's types and compares bytes, and
//! tests/host/world_hash_test.cpp recomputes the hashes in the guest and on
//! the host.

use crate::world::*;
use crate::{encode, ExternIO, Timestamp, Vectors};
use std::collections::BTreeMap;

/// A hash of type K whose bytes are `fill` after the prefix 0x84, `p`, 0x24
/// (the C++ test's `h<T>(p, fill)`).
fn h<K: HashKind>(p: u8, fill: u8) -> HoloHash<K> {
    let mut raw = [fill; 39];
    raw[..3].copy_from_slice(&[0x84, p, 0x24]);
    HoloHash::from_raw_39(&raw).expect("a prefix the hash type takes")
}

fn signed<C>(content: C, hash: ActionHash, signature: &Signature) -> SignedHashed<C> {
    SignedHashed {
        hashed: HoloHashed { content, hash },
        signature: signature.clone(),
    }
}

fn header(author: &AgentPubKey, ts: i64, seq: u32, prev: Option<ActionHash>) -> ActionHeader {
    ActionHeader {
        author: author.clone(),
        timestamp: Timestamp(ts),
        action_seq: seq,
        prev_action: prev,
    }
}

/// The 39 bytes of a HoloHash: prefix, blake2b-256 of `content`, and the
/// DHT location (the 16-byte blake2b of the digest, its four words XORed),
/// as holo_hash computes them, with blake2b_simd as holo_hash uses it.
pub(crate) fn holo_hash(prefix: [u8; 3], content: &[u8]) -> [u8; 39] {
    let digest = blake2b_simd::Params::new().hash_length(32).hash(content);
    let wide = blake2b_simd::Params::new()
        .hash_length(16)
        .hash(digest.as_bytes());
    let mut out = [0u8; 39];
    out[..3].copy_from_slice(&prefix);
    out[3..35].copy_from_slice(digest.as_bytes());
    for (i, b) in wide.as_bytes().iter().enumerate() {
        out[35 + i % 4] ^= b;
    }
    out
}

pub(crate) fn vectors(v: &mut Vectors) {
    let agent: AgentPubKey = h(0x20, 1);
    let eh: EntryHash = h(0x21, 2);
    let ah: ActionHash = h(0x29, 3);
    let dna: DnaHash = h(0x2d, 4);
    let sig = Signature([9; 64]);
    let secret = CapSecret([8; 64]);
    // The app entry is the msgpack of "hi".
    let app = Entry::App(AppEntryBytes(SerializedBytes(vec![0xa2, b'h', b'i'])));
    let app_def = EntryType::App(AppEntryDef {
        entry_index: EntryDefIndex(1),
        zome_index: ZomeIndex(0),
        visibility: EntryVisibility::Public,
    });
    let create = Action {
        header: header(&agent, 1_700_000_000_000_000, 5, Some(ah.clone())),
        data: ActionData::Create(CreateData {
            entry_type: app_def.clone(),
            entry_hash: eh.clone(),
        }),
    };
    let create_link_data = CreateLinkData {
        base_address: eh.clone().into_kind(),
        target_address: ah.clone().into_kind(),
        zome_index: ZomeIndex(0),
        link_type: LinkType(1),
        tag: LinkTag(b"tag".to_vec()),
    };
    let create_link = Action {
        header: header(&agent, 7, 6, Some(ah.clone())),
        data: ActionData::CreateLink(create_link_data),
    };
    let delete = Action {
        header: header(&agent, 8, 7, Some(ah.clone())),
        data: ActionData::Delete(DeleteData {
            deletes_address: ah.clone(),
            deletes_entry_address: eh.clone(),
        }),
    };
    let update = Action {
        header: header(&agent, 10, 8, Some(ah.clone())),
        data: ActionData::Update(UpdateData {
            original_action_address: ah.clone(),
            original_entry_address: eh.clone(),
            entry_type: app_def.clone(),
            entry_hash: h(0x21, 5),
        }),
    };
    let delete_link = Action {
        header: header(&agent, 11, 9, Some(ah.clone())),
        data: ActionData::DeleteLink(DeleteLinkData {
            base_address: eh.clone().into_kind(),
            link_add_address: ah.clone(),
        }),
    };
    let record = Record {
        signed_action: signed(create.clone(), ah.clone(), &sig),
        entry: RecordEntry::Present(app.clone()),
    };
    let chain_filter = ChainFilter {
        chain_top: ah.clone(),
        limit_conditions: LimitConditions::Take(10),
        include_cached_entries: true,
    };

    // ---- entries ----
    v.world("entry_app", app.clone());
    v.world("entry_agent", Entry::Agent(agent.clone()));
    let grant = ZomeCallCapGrant {
        tag: "g".into(),
        access: CapAccess::Assigned {
            secret: secret.clone(),
            assignees: [agent.clone()].into_iter().collect(),
        },
        functions: GrantedFunctions::Listed(
            [(ZomeName("z".into()), FunctionName("f".into()))]
                .into_iter()
                .collect(),
        ),
    };
    v.world("entry_cap_grant", Entry::CapGrant(grant.clone()));
    v.world(
        "entry_cap_claim",
        Entry::CapClaim(CapClaim {
            tag: "c".into(),
            grantor: agent.clone(),
            secret: secret.clone(),
        }),
    );
    v.world(
        "cap_access_all",
        vec![
            CapAccess::Unrestricted,
            CapAccess::Transferable {
                secret: secret.clone(),
            },
        ],
    );
    v.world("granted_functions_all", GrantedFunctions::All);

    // ---- actions: every kind ----
    v.world(
        "action_dna",
        Action {
            header: header(&agent, 1, 0, None),
            data: ActionData::Dna(DnaData { dna_hash: dna.clone() }),
        },
    );
    v.world(
        "action_avp",
        Action {
            header: header(&agent, 2, 1, Some(ah.clone())),
            data: ActionData::AgentValidationPkg(AgentValidationPkgData {
                membrane_proof: Some(SerializedBytes(vec![0xc0])),
            }),
        },
    );
    v.world(
        "action_init_zomes_complete",
        Action {
            header: header(&agent, 3, 3, Some(ah.clone())),
            data: ActionData::InitZomesComplete(InitZomesCompleteData {}),
        },
    );
    v.world("action_create", create.clone());
    v.world("action_update", update.clone());
    v.world("action_delete", delete.clone());
    v.world("action_create_link", create_link.clone());
    v.world("action_delete_link", delete_link.clone());
    v.world(
        "action_close_chain",
        Action {
            header: header(&agent, 12, 10, Some(ah.clone())),
            data: ActionData::CloseChain(CloseChainData {
                new_target: Some(MigrationTarget::Agent(agent.clone())),
            }),
        },
    );
    v.world(
        "action_open_chain",
        Action {
            header: header(&agent, 13, 11, Some(ah.clone())),
            data: ActionData::OpenChain(OpenChainData {
                prev_target: MigrationTarget::Dna(dna.clone()),
                close_hash: ah.clone(),
            }),
        },
    );
    v.world(
        "action_type_all",
        vec![
            ActionType::Dna,
            ActionType::AgentValidationPkg,
            ActionType::InitZomesComplete,
            ActionType::Create,
            ActionType::Update,
            ActionType::Delete,
            ActionType::CreateLink,
            ActionType::DeleteLink,
            ActionType::CloseChain,
            ActionType::OpenChain,
        ],
    );
    v.world("record", record.clone());
    v.world(
        "record_entry_others",
        vec![RecordEntry::Hidden, RecordEntry::NA, RecordEntry::NotStored],
    );

    // ---- ops ----
    v.world(
        "op_create_record",
        Op::CreateRecord(CreateRecord {
            record: record.clone(),
        }),
    );
    v.world(
        "op_create_entry",
        Op::CreateEntry(CreateEntry {
            action: signed(create.clone(), ah.clone(), &sig),
            entry: app.clone(),
        }),
    );
    v.world(
        "op_update",
        Op::Update(Update {
            update: signed(update.clone(), ah.clone(), &sig),
            new_entry: Some(app.clone()),
        }),
    );
    v.world(
        "op_delete",
        Op::Delete(Delete {
            delete: signed(delete.clone(), ah.clone(), &sig),
        }),
    );
    v.world(
        "op_agent_activity",
        Op::AgentActivity(AgentActivity {
            action: signed(create.clone(), ah.clone(), &sig),
            cached_entry: None,
        }),
    );
    v.world(
        "op_create_link",
        Op::CreateLink(CreateLink {
            create_link: signed(create_link.clone(), ah.clone(), &sig),
        }),
    );
    v.world(
        "op_delete_link",
        Op::DeleteLink(DeleteLink {
            delete_link: signed(delete_link.clone(), ah.clone(), &sig),
            create_link: create_link.clone(),
        }),
    );

    // ---- CRUD and link inputs ----
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
    v.world(
        "update_input",
        UpdateInput {
            original_action_address: ah.clone(),
            entry: app.clone(),
            chain_top_ordering: ChainTopOrdering::Relaxed,
        },
    );
    v.world(
        "delete_input",
        DeleteInput {
            deletes_action_hash: ah.clone(),
            chain_top_ordering: ChainTopOrdering::Strict,
        },
    );
    // hdk's capability.rs: create_cap_grant and create_cap_claim are a
    // private create at the CapGrant / CapClaim location; update_cap_grant
    // an update with a CapGrant entry.
    let open_grant = ZomeCallCapGrant {
        tag: "open".into(),
        access: CapAccess::Unrestricted,
        functions: GrantedFunctions::All,
    };
    v.world(
        "create_input_cap_grant",
        CreateInput {
            entry_location: EntryDefLocation::CapGrant,
            entry_visibility: EntryVisibility::Private,
            entry: Entry::CapGrant(open_grant.clone()),
            chain_top_ordering: ChainTopOrdering::Strict,
        },
    );
    v.world(
        "create_input_cap_claim",
        CreateInput {
            entry_location: EntryDefLocation::CapClaim,
            entry_visibility: EntryVisibility::Private,
            entry: Entry::CapClaim(CapClaim {
                tag: "c".into(),
                grantor: agent.clone(),
                secret: secret.clone(),
            }),
            chain_top_ordering: ChainTopOrdering::Strict,
        },
    );
    v.world(
        "update_input_cap_grant",
        UpdateInput {
            original_action_address: ah.clone(),
            entry: Entry::CapGrant(ZomeCallCapGrant {
                tag: "t".into(),
                access: CapAccess::Transferable {
                    secret: secret.clone(),
                },
                functions: GrantedFunctions::Listed(
                    [(ZomeName("z".into()), FunctionName("f".into()))]
                        .into_iter()
                        .collect(),
                ),
            }),
            chain_top_ordering: ChainTopOrdering::Strict,
        },
    );
    v.world("get_options_default", GetOptions::network());
    v.world(
        "get_options_full",
        GetOptions {
            strategy: GetStrategy::Local,
            remote_agent_count: Some(3),
            timeout_ms: Some(70_000),
            as_race: Some(false),
        },
    );
    // get and get_details take a Vec of inputs.
    v.world(
        "get_input",
        vec![GetInput {
            any_dht_hash: eh.clone().into_kind(),
            get_options: GetOptions::network(),
        }],
    );
    v.world(
        "create_link_input",
        CreateLinkInput {
            base_address: eh.clone().into_kind(),
            target_address: agent_entry_hash(&agent).into_kind(),
            zome_index: ZomeIndex(0),
            link_type: LinkType(2),
            tag: LinkTag(vec![]),
            chain_top_ordering: ChainTopOrdering::Strict,
        },
    );
    v.world(
        "delete_link_input",
        DeleteLinkInput {
            address: ah.clone(),
            chain_top_ordering: ChainTopOrdering::Strict,
            get_options: GetOptions::network(),
        },
    );
    // get_links and get_links_details take a Vec of inputs.
    v.world(
        "get_links_input",
        vec![GetLinksInput {
            base_address: eh.clone().into_kind(),
            link_type: LinkTypeFilter::Types(vec![(ZomeIndex(0), vec![LinkType(1)])]),
            get_options: GetOptions::network(),
            tag_prefix: Some(LinkTag(b"t".to_vec())),
            after: None,
            before: Some(Timestamp(9)),
            author: None,
        }],
    );
    v.world(
        "link_query",
        LinkQuery {
            base: eh.clone().into_kind(),
            link_type: LinkTypeFilter::Dependencies(vec![ZomeIndex(0)]),
            tag_prefix: None,
            before: Some(Timestamp(9)),
            after: Some(Timestamp(4)),
            author: Some(agent.clone()),
        },
    );
    // What hdk 0.7's get_links(query, GetStrategy::Local) sends for a query
    // built with every narrowing: the strategy alone set in the options.
    v.world(
        "get_links_input_from_query",
        vec![GetLinksInput {
            base_address: eh.clone().into_kind(),
            link_type: LinkTypeFilter::Types(vec![(ZomeIndex(0), vec![LinkType(0), LinkType(1)])]),
            get_options: GetOptions {
                strategy: GetStrategy::Local,
                remote_agent_count: None,
                timeout_ms: None,
                as_race: None,
            },
            tag_prefix: Some(LinkTag(b"ap".to_vec())),
            after: Some(Timestamp(4)),
            before: Some(Timestamp(9)),
            author: Some(agent.clone()),
        }],
    );
    v.world(
        "link_query_full",
        LinkQuery {
            base: eh.clone().into_kind(),
            link_type: LinkTypeFilter::Types(vec![(ZomeIndex(0), vec![LinkType(0), LinkType(1)])]),
            tag_prefix: Some(LinkTag(b"ap".to_vec())),
            before: Some(Timestamp(9)),
            after: Some(Timestamp(4)),
            author: Some(agent.clone()),
        },
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
        "link_details",
        vec![LinkDetails(vec![(
            signed(create_link.clone(), ah.clone(), &sig),
            vec![signed(delete_link.clone(), h(0x29, 6), &sig)],
        )])],
    );

    // ---- callbacks ----
    v.world(
        "validate_invalid",
        ValidateCallbackResult::Invalid("no".into()),
    );
    v.world("validate_valid", ValidateCallbackResult::Valid);
    v.world(
        "validate_unresolved_hashes",
        ValidateCallbackResult::UnresolvedDependencies(UnresolvedDependencies::Hashes(vec![
            eh.clone().into_kind(),
        ])),
    );
    v.world(
        "validate_unresolved_agent_activity",
        ValidateCallbackResult::UnresolvedDependencies(UnresolvedDependencies::AgentActivity(
            agent.clone(),
            chain_filter.clone(),
        )),
    );
    v.world(
        "init_results",
        vec![
            InitCallbackResult::Pass,
            InitCallbackResult::Fail("f".into()),
        ],
    );
    v.world(
        "init_properties",
        Some(InitProperties(SerializedBytes(vec![0x81, 0xa1, b'k', 0x01]))),
    );
    v.world(
        "genesis_self_check_data",
        GenesisSelfCheckDataV2 {
            membrane_proof: None,
            agent_key: agent.clone(),
        },
    );
    v.world(
        "genesis_self_check_data_with_proof",
        GenesisSelfCheckDataV2 {
            membrane_proof: Some(SerializedBytes(vec![0x81, 0xa1, b'c', 0xa1, b'x'])),
            agent_key: agent.clone(),
        },
    );
    // What hdk_derive's entry types give, for
    // `enum EntryTypes { Note(Note), #[entry_type(visibility = "private",
    // required_validations = 7)] Secret(Secret), #[entry_type(cache_at_agent_activity = true)]
    // Vote(Vote) }`, plus the capability ids.
    v.world(
        "entry_defs_result",
        EntryDefsCallbackResult::Defs(EntryDefs(vec![
            EntryDef {
                id: EntryDefId::App(AppEntryName("note".into())),
                visibility: EntryVisibility::Public,
                required_validations: RequiredValidations(5),
                cache_at_agent_activity: false,
            },
            EntryDef {
                id: EntryDefId::App(AppEntryName("secret".into())),
                visibility: EntryVisibility::Private,
                required_validations: RequiredValidations(7),
                cache_at_agent_activity: false,
            },
            EntryDef {
                id: EntryDefId::App(AppEntryName("vote".into())),
                visibility: EntryVisibility::Public,
                required_validations: RequiredValidations(5),
                cache_at_agent_activity: true,
            },
        ])),
    );
    v.world(
        "entry_def_ids_capabilities",
        vec![EntryDefId::CapClaim, EntryDefId::CapGrant],
    );
    v.world(
        "schedules",
        vec![
            Some(Schedule::Persisted("*/5 * * * * *".into())),
            Some(Schedule::Ephemeral(std::time::Duration::new(3, 500))),
            None,
        ],
    );

    // ---- chains and agent activity ----
    v.world(
        "chain_filters",
        vec![
            ChainFilter {
                chain_top: ah.clone(),
                limit_conditions: LimitConditions::ToGenesis,
                include_cached_entries: false,
            },
            chain_filter.clone(),
            ChainFilter {
                chain_top: ah.clone(),
                limit_conditions: LimitConditions::UntilTimestamp(Timestamp(77)),
                include_cached_entries: false,
            },
            ChainFilter {
                chain_top: ah.clone(),
                limit_conditions: LimitConditions::UntilHash(h(0x29, 6)),
                include_cached_entries: false,
            },
        ],
    );
    v.world(
        "must_get_agent_activity_input",
        MustGetAgentActivityInput {
            author: agent.clone(),
            chain_filter: chain_filter.clone(),
        },
    );
    v.world(
        "agent_activity",
        vec![AgentActivity {
            action: signed(create.clone(), ah.clone(), &sig),
            cached_entry: Some(app.clone()),
        }],
    );
    let query = ChainQueryFilter {
        sequence_range: ChainQueryFilterRange::ActionSeqRange(1, 3),
        entry_type: Some(vec![EntryType::AgentPubKey]),
        entry_hashes: None,
        action_type: Some(vec![ActionType::Create, ActionType::CreateLink]),
        include_entries: true,
        order_descending: false,
    };
    v.world("query", query.clone());
    v.world(
        "get_agent_activity_input",
        GetAgentActivityInput {
            agent_pubkey: agent.clone(),
            chain_query_filter: query,
            activity_request: ActivityRequest::Full,
            get_options: GetOptions::network(),
        },
    );
    // Every other sequence_range, with entry_hashes and descending order.
    v.world(
        "query_ranges",
        vec![
            ChainQueryFilter {
                sequence_range: ChainQueryFilterRange::Unbounded,
                entry_type: None,
                entry_hashes: Some([eh.clone()].into_iter().collect()),
                action_type: None,
                include_entries: false,
                order_descending: true,
            },
            ChainQueryFilter {
                sequence_range: ChainQueryFilterRange::ActionHashRange(ah.clone(), h(0x29, 6)),
                entry_type: None,
                entry_hashes: None,
                action_type: Some(vec![ActionType::Dna]),
                include_entries: false,
                order_descending: false,
            },
            ChainQueryFilter {
                sequence_range: ChainQueryFilterRange::ActionHashTerminated(ah.clone(), 2),
                entry_type: None,
                entry_hashes: None,
                action_type: None,
                include_entries: true,
                order_descending: false,
            },
        ],
    );
    v.world(
        "get_agent_activity_input_status",
        GetAgentActivityInput {
            agent_pubkey: agent.clone(),
            chain_query_filter: ChainQueryFilter {
                sequence_range: ChainQueryFilterRange::Unbounded,
                entry_type: None,
                entry_hashes: None,
                action_type: None,
                include_entries: false,
                order_descending: false,
            },
            activity_request: ActivityRequest::Status,
            get_options: GetOptions {
                strategy: GetStrategy::Local,
                remote_agent_count: None,
                timeout_ms: None,
                as_race: None,
            },
        },
    );
    let head = ChainHead {
        action_seq: 4,
        hash: ah.clone(),
    };
    v.world(
        "chain_status_all",
        vec![
            ChainStatus::Empty,
            ChainStatus::Valid(head.clone()),
            ChainStatus::Forked(ChainFork {
                fork_seq: 2,
                first_action: ah.clone(),
                second_action: h(0x29, 6),
            }),
            ChainStatus::Invalid(head.clone()),
            ChainStatus::Closed(head.clone()),
        ],
    );
    v.world(
        "agent_activity_status",
        AgentActivityStatus {
            valid_activity: vec![(0, ah.clone()), (1, h(0x29, 6))],
            rejected_activity: vec![],
            status: ChainStatus::Valid(head),
            highest_observed: Some(HighestObserved {
                action_seq: 1,
                hash: vec![h(0x29, 6)],
            }),
            warrants: vec![
                Signed {
                    data: Warrant {
                        proof: WarrantProof::ChainIntegrity(ChainIntegrityWarrant::InvalidChainOp {
                            action_author: agent.clone(),
                            action: (ah.clone(), sig.clone()),
                            chain_op_type: ChainOpType::UpdateRecord,
                            reason: "bad".into(),
                        }),
                        author: h(0x20, 7),
                        timestamp: Timestamp(99),
                        warrantee: agent.clone(),
                    },
                    signature: sig.clone(),
                },
                Signed {
                    data: Warrant {
                        proof: WarrantProof::ChainIntegrity(ChainIntegrityWarrant::ChainFork {
                            chain_author: agent.clone(),
                            action_pair: ((ah.clone(), sig.clone()), (h(0x29, 6), sig.clone())),
                            seq: 3,
                        }),
                        author: h(0x20, 7),
                        timestamp: Timestamp(100),
                        warrantee: agent.clone(),
                    },
                    signature: sig.clone(),
                },
            ],
        },
    );
    v.world(
        "close_chain_input",
        CloseChainInput {
            new_target: Some(MigrationTarget::Dna(dna.clone())),
        },
    );
    v.world(
        "open_chain_input",
        OpenChainInput {
            prev_target: MigrationTarget::Agent(agent.clone()),
            close_hash: ah.clone(),
        },
    );

    // ---- info ----
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
    v.world(
        "call_info_remote_agent",
        CallInfo {
            provenance: h(0x20, 7),
            function_name: FunctionName("f".into()),
            as_at: (ah.clone(), 4, Timestamp(5)),
            cap_grant: CapGrant::RemoteAgent(grant),
        },
    );
    let modifiers = DnaModifiers {
        network_seed: "seed".into(),
        properties: SerializedBytes(vec![0xc0]),
    };
    v.world(
        "dna_info_1",
        DnaInfoV1 {
            name: "d".into(),
            hash: dna.clone(),
            properties: SerializedBytes(vec![0xc0]),
            zome_names: vec![ZomeName("i".into()), ZomeName("c".into())],
        },
    );
    v.world(
        "dna_info_2",
        DnaInfoV2 {
            name: "d".into(),
            hash: dna.clone(),
            modifiers: modifiers.clone(),
            zome_names: vec![ZomeName("i".into()), ZomeName("c".into())],
        },
    );

    // ---- keys ----
    v.world(
        "sign",
        Sign {
            key: agent.clone(),
            data: serde_bytes::ByteBuf::from(vec![1, 2]),
        },
    );
    v.world(
        "verify_signature",
        VerifySignature {
            key: agent.clone(),
            signature: sig.clone(),
            data: vec![7],
        },
    );
    v.world(
        "sign_ephemeral",
        SignEphemeral(vec![
            serde_bytes::ByteBuf::from(vec![1]),
            serde_bytes::ByteBuf::from(vec![2, 3]),
        ]),
    );
    v.world(
        "ephemeral_signatures",
        EphemeralSignatures {
            key: agent.clone(),
            signatures: vec![sig.clone(), sig.clone()],
        },
    );
    let encrypted = XSalsa20Poly1305EncryptedData {
        nonce: XSalsa20Poly1305Nonce([6; 24]),
        encrypted_data: vec![1, 2, 3],
    };
    v.world(
        "x_salsa20_poly1305_shared_secret_ingest",
        XSalsa20Poly1305SharedSecretIngest {
            recipient: X25519PubKey([4; 32]),
            sender: X25519PubKey([5; 32]),
            encrypted_data: encrypted.clone(),
            key_ref: Some(XSalsa20Poly1305KeyRef(b"k".to_vec())),
        },
    );
    v.world(
        "ed_25519_x_salsa20_poly1305_encrypt",
        Ed25519XSalsa20Poly1305Encrypt {
            sender: agent.clone(),
            recipient: h(0x20, 7),
            data: XSalsa20Poly1305Data(vec![9]),
        },
    );
    v.world("x_salsa20_poly1305_encrypted_data", encrypted);

    // ---- other cells and agents ----
    // call takes a Vec of calls; the payload is the msgpack of ().
    v.world(
        "call",
        vec![Call {
            target: CallTarget::ConductorCell(CallTargetCell::Local),
            zome_name: ZomeName("z".into()),
            fn_name: FunctionName("f".into()),
            cap_secret: Some(secret.clone()),
            payload: ExternIO(vec![0xc0]),
        }],
    );
    v.world(
        "zome_call_responses",
        vec![
            ZomeCallResponse::Ok(ExternIO(vec![0xc0])),
            ZomeCallResponse::Unauthorized(
                ZomeCallAuthorization::BadNonce("n".into()),
                None,
                ZomeName("z".into()),
                FunctionName("f".into()),
            ),
            ZomeCallResponse::NetworkError("e".into()),
        ],
    );
    // call_remote, and call to another cell or role.
    v.world(
        "call_targets",
        vec![
            Call {
                target: CallTarget::NetworkAgent(agent.clone()),
                zome_name: ZomeName("z".into()),
                fn_name: FunctionName("f".into()),
                cap_secret: None,
                payload: ExternIO(vec![0xc0]),
            },
            Call {
                target: CallTarget::ConductorCell(CallTargetCell::OtherCell(CellId(
                    dna.clone(),
                    agent.clone(),
                ))),
                zome_name: ZomeName("z".into()),
                fn_name: FunctionName("f".into()),
                cap_secret: Some(secret.clone()),
                payload: ExternIO(vec![0xc0]),
            },
            Call {
                target: CallTarget::ConductorCell(CallTargetCell::OtherRole("r".into())),
                zome_name: ZomeName("z".into()),
                fn_name: FunctionName("f".into()),
                cap_secret: None,
                payload: ExternIO(vec![0xc0]),
            },
        ],
    );
    // What a conductor answers a call no grant covers.
    v.world(
        "zome_call_response_unauthorized",
        ZomeCallResponse::Unauthorized(
            ZomeCallAuthorization::BadCapGrant,
            Some(secret.clone()),
            ZomeName("z".into()),
            FunctionName("f".into()),
        ),
    );
    // post_commit's input: the committed actions.
    v.world(
        "post_commit_input",
        vec![
            signed(create.clone(), ah.clone(), &sig),
            signed(delete.clone(), ah.clone(), &sig),
        ],
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
    let cell_id = CellId(dna.clone(), agent.clone());
    v.world(
        "create_clone_cell_input",
        CreateCloneCellInput {
            cell_id: cell_id.clone(),
            modifiers: DnaModifiersOpt {
                network_seed: Some("s2".into()),
                properties: Some(YamlProperties(BTreeMap::from([("k".to_string(), 1)]))),
            },
            membrane_proof: None,
            name: Some("clone".into()),
        },
    );
    v.world(
        "cloned_cell",
        ClonedCell {
            cell_id,
            clone_id: CloneId("r.0".into()),
            original_dna_hash: dna.clone(),
            dna_modifiers: modifiers.clone(),
            name: "clone".into(),
            enabled: true,
        },
    );
    v.world(
        "disable_clone_cell_inputs",
        vec![
            DisableCloneCellInput {
                clone_cell_id: CloneCellId::CloneId(CloneId("r.0".into())),
            },
            DisableCloneCellInput {
                clone_cell_id: CloneCellId::DnaHash(dna.clone()),
            },
        ],
    );

    // ---- must_get_* ----
    v.world("must_get_entry_input", MustGetEntryInput(eh.clone()));
    v.world("must_get_action_input", MustGetActionInput(ah.clone()));
    v.world(
        "must_get_valid_record_input",
        MustGetValidRecordInput(ah.clone()),
    );

    // ---- get_details, get_validation_receipts ----
    let signed_delete = signed(delete, h(0x29, 6), &sig);
    let signed_update = signed(update, h(0x29, 7), &sig);
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
        vec![EntryDhtStatus::Live, EntryDhtStatus::Dead],
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
    v.world(
        "get_validation_receipts_input",
        GetValidationReceiptsInput {
            action_hash: ah.clone(),
        },
    );
    v.world(
        "validation_receipt_sets",
        vec![ValidationReceiptSet {
            op_hash: h(0x24, 8),
            op_type: "CreateRecord".into(),
            receipts_complete: false,
            receipts: vec![ValidationReceiptInfo {
                validation_status: ValidationStatus::Valid,
                validators: vec![agent.clone()],
            }],
        }],
    );

    // ---- the DNA hash's input ----
    v.world("dna_def_hash", dna_def_hash());
}

fn agent_entry_hash(agent: &AgentPubKey) -> EntryHash {
    let mut raw = agent.raw;
    raw[..3].copy_from_slice(&[0x84, 0x21, 0x24]);
    HoloHash::from_raw_39(&raw).expect("an entry prefix")
}

/// The DNA of the worked DNA hash: seed "seed", properties `()`, one
/// integrity zome "z" whose wasm hash is the Wasm prefix and 36 bytes of 5.
fn dna_def_hash() -> DnaDefHash {
    DnaDefHash {
        modifiers: DnaModifiers {
            network_seed: "seed".into(),
            properties: SerializedBytes(vec![0xc0]),
        },
        integrity_zomes: vec![(
            ZomeName("z".into()),
            IntegrityZomeDef(ZomeDef::Wasm(WasmZomeDef {
                wasm_hash: h(0x2a, 5),
                dependencies: vec![],
            })),
        )],
    }
}

/// Worked hashes: the bytes Holochain hashes for a value, and the HoloHash
/// it gets. The C++ tests decode `content` into the HDK's type, hash it in
/// the guest (wasm) and on the host (libsodium), and compare with `hash`.
pub(crate) fn hashes(v: &mut Vectors) {
    const ENTRY: [u8; 3] = [0x84, 0x21, 0x24];
    const ACTION: [u8; 3] = [0x84, 0x29, 0x24];
    const DNA: [u8; 3] = [0x84, 0x2d, 0x24];
    // The same Create as documented for 0.7: author Agent prefix + 36 × 1,
    // time 42, seq 5, previous Action prefix + 36 × 2, app entry (0, 0,
    // Public), entry Entry prefix + 36 × 3.
    let create = Action {
        header: header(&h(0x20, 1), 42, 5, Some(h(0x29, 2))),
        data: ActionData::Create(CreateData {
            entry_type: EntryType::App(AppEntryDef {
                entry_index: EntryDefIndex(0),
                zome_index: ZomeIndex(0),
                visibility: EntryVisibility::Public,
            }),
            entry_hash: h(0x21, 3),
        }),
    };
    let genesis = Action {
        header: header(&h(0x20, 1), 1, 0, None),
        data: ActionData::Dna(DnaData {
            dna_hash: h(0x2d, 4),
        }),
    };
    let link = Action {
        header: header(&h(0x20, 1), 43, 6, Some(h(0x29, 2))),
        data: ActionData::CreateLink(CreateLinkData {
            base_address: h::<EntryKind>(0x21, 3).into_kind(),
            target_address: h::<ActionKind>(0x29, 2).into_kind(),
            zome_index: ZomeIndex(0),
            link_type: LinkType(0),
            tag: LinkTag(b"tag".to_vec()),
        }),
    };
    let entry_hi = Entry::App(AppEntryBytes(SerializedBytes(encode("hi"))));
    // A path's root: the app entry of the two raw bytes 0, 1.
    let root = Entry::App(AppEntryBytes(SerializedBytes(vec![0x00, 0x01])));
    let long = Entry::App(AppEntryBytes(SerializedBytes(crate::byte_pattern(300))));

    v.hash("entry", "entry_app_hi", &entry_hi, ENTRY);
    v.hash("entry", "entry_root_path", &root, ENTRY);
    v.hash("entry", "entry_app_300_bytes", &long, ENTRY);
    v.hash("action", "action_create", &create, ACTION);
    v.hash("action", "action_dna", &genesis, ACTION);
    v.hash("action", "action_create_link", &link, ACTION);
    v.hash("dna", "dna_seed_one_zome", &dna_def_hash(), DNA);
    // The DNA of Holochain's own `hc-dna hash` test (hc_bundle's
    // test_hash_dna_function at holochain-0.7.0-rc.3, which expects
    // uhC0kMpN6EzEhjaPP-MWeJi1cH2Zyw7OYEDEekSnjWE85WgCnIvEG): two integrity
    // zomes whose "wasm" files hold these two lines.
    let wasm_hash = |code: &[u8]| -> WasmHash {
        HoloHash::from_raw_39(&holo_hash([0x84, 0x2a, 0x24], code)).expect("a wasm hash")
    };
    let fixture = DnaDefHash {
        modifiers: DnaModifiers {
            network_seed: "00000000-0000-0000-0000-000000000000".into(),
            properties: SerializedBytes(vec![0xc0]),
        },
        integrity_zomes: vec![
            (
                ZomeName("zome1".into()),
                IntegrityZomeDef(ZomeDef::Wasm(WasmZomeDef {
                    wasm_hash: wasm_hash(b"This is a totally fake wasm\n"),
                    dependencies: vec![],
                })),
            ),
            (
                ZomeName("zome2".into()),
                IntegrityZomeDef(ZomeDef::Wasm(WasmZomeDef {
                    wasm_hash: wasm_hash(b"So is this\n"),
                    dependencies: vec![],
                })),
            ),
        ],
    };
    v.hash("dna", "dna_holochain_hc_dna_test", &fixture, DNA);
}
