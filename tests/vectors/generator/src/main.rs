//! Prints, as JSON on stdout, the exact msgpack bytes Holochain writes for a
//! set of values, and what Holochain's decoder does with a set of inputs.
//!
//! Holochain (holochain_serialized_bytes) encodes with
//! `rmp_serde::Serializer::new(..).with_struct_map()` and decodes with
//! `rmp_serde::from_slice`; this program does exactly that, on Rust types that
//! mirror Holochain's wire types attribute for attribute, plus test-only
//! types that cover every serde shape. The C++ tests rebuild each value with
//! the HDK's types and compare bytes (tests/unit/codec_vectors_test.cpp).
//!
//! The `world` set (modules `world` and `world_vectors`) mirrors the
//! zome-facing types of Holochain 0.7.0 (Entry, Action, Record, Op, every
//! host function's input and output the HDK models, the DNA hash's input);
//! tests/host/world_wire_test.cpp checks the HDK against it. The `hashes`
//! set holds worked HoloHashes, computed with blake2b_simd (the crate
//! holo_hash hashes with) over the bytes rmp-serde writes;
//! tests/host/world_hash_test.cpp recomputes them in the guest and on the host.
//!
//! Vector names are the contract with the C++ side: keep them stable.

mod bundles;
mod paths;
mod world;
mod world_vectors;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

// ---------------------------------------------------------------------------
// Holochain's wire types, mirrored.

/// holochain_serialized_bytes::SerializedBytesError.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
enum SerializedBytesError {
    Serialize(String),
    Deserialize(String),
}

/// holochain_wasmer_common::WasmErrorInner, variants in Holochain's order.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
enum WasmErrorInner {
    PointerMap,
    #[serde(with = "serde_bytes")]
    Deserialize(Vec<u8>),
    Serialize(SerializedBytesError),
    ErrorWhileError,
    Memory,
    Guest(String),
    Host(String),
    // Not serde_bytes in Holochain: an array of integers on the wire.
    HostShortCircuit(Vec<u8>),
    ModuleBuild(String),
    ModuleSerialize(String),
    ModuleDeserialize(String),
    CallError(String),
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
struct WasmError {
    module_path: String,
    line: u32,
    error: WasmErrorInner,
}

/// holochain_integrity_types::ExternIO.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
#[serde(transparent)]
struct ExternIO(#[serde(with = "serde_bytes")] Vec<u8>);

/// holochain_integrity_types::trace::Level.
#[allow(clippy::upper_case_acronyms)]
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone, Copy)]
enum Level {
    ERROR,
    WARN,
    INFO,
    DEBUG,
    TRACE,
}

/// holochain_integrity_types::trace::TraceMsg.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
struct TraceMsg {
    msg: String,
    level: Level,
}

/// holochain_timestamp::Timestamp: microseconds since the Unix epoch.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone, Copy)]
struct Timestamp(i64);

// ---------------------------------------------------------------------------
// Test-only types, one per serde shape.

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
struct Point {
    x: i32,
    y: i32,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
struct Empty {}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
struct UnitStruct;

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
struct Meters(u32);

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
struct Label(String);

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
struct Wrapped(Point);

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
struct Pair(u8, String);

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
struct WithOpt {
    a: u8,
    b: Option<u8>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
struct WithBytes {
    plain: Vec<u8>,
    #[serde(with = "serde_bytes")]
    bytes: Vec<u8>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
struct Fifteen {
    f00: u8,
    f01: u8,
    f02: u8,
    f03: u8,
    f04: u8,
    f05: u8,
    f06: u8,
    f07: u8,
    f08: u8,
    f09: u8,
    f10: u8,
    f11: u8,
    f12: u8,
    f13: u8,
    f14: u8,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
struct Sixteen {
    f00: u8,
    f01: u8,
    f02: u8,
    f03: u8,
    f04: u8,
    f05: u8,
    f06: u8,
    f07: u8,
    f08: u8,
    f09: u8,
    f10: u8,
    f11: u8,
    f12: u8,
    f13: u8,
    f14: u8,
    f15: u8,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
enum Sample {
    Unit,
    Newtype(u32),
    NewtypeUnit(()),
    NewtypeOpt(Option<u8>),
    Tuple(u8, String),
    Struct { a: u8, b: String },
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
struct Mixed {
    id: u64,
    name: String,
    tags: Vec<String>,
    #[serde(with = "serde_bytes")]
    blob: Vec<u8>,
    points: Vec<Point>,
    kind: Sample,
    maybe: Option<Point>,
    level: Level,
    at: Timestamp,
}

/// Nested arrays, for the depth limit: `[[[...]]]`.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
struct Deep(Vec<Deep>);

// ---------------------------------------------------------------------------
// Holochain's encoder and decoder.

fn encode<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
    let mut buf = Vec::new();
    value
        .serialize(&mut rmp_serde::Serializer::new(&mut buf).with_struct_map())
        .expect("rmp-serde failed to encode a test value");
    buf
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{:02x}", b)).collect()
}

fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || (c as u32) > 0x7e => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{:04x}", unit));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[derive(Default)]
struct Vectors {
    names: BTreeSet<String>,
    encode: Vec<String>,
    decode: Vec<String>,
    world: Vec<String>,
    hashes: Vec<String>,
    paths: Vec<String>,
    bundles: Vec<String>,
}

impl Vectors {
    fn claim(&mut self, name: &str) {
        assert!(
            self.names.insert(name.to_string()),
            "duplicate vector name {}",
            name
        );
    }

    /// An encode vector: the bytes of `value`, and whether decoding them
    /// gives `value` back (it does not for e.g. `Some(None)`).
    fn enc<T: Serialize + DeserializeOwned + PartialEq>(&mut self, name: &str, value: T) {
        self.enc_cmp(name, value, |a, b| a == b)
    }

    fn enc_cmp<T, F>(&mut self, name: &str, value: T, same: F)
    where
        T: Serialize + DeserializeOwned,
        F: Fn(&T, &T) -> bool,
    {
        let entry = self.encoded(name, &value, same);
        self.encode.push(entry);
    }

    /// A vector of the `world` set (a mirrored Holochain type), same shape
    /// as an encode vector.
    fn world<T: Serialize + DeserializeOwned + PartialEq>(&mut self, name: &str, value: T) {
        let entry = self.encoded(name, &value, |a, b| a == b);
        self.world.push(entry);
    }

    fn encoded<T, F>(&mut self, name: &str, value: &T, same: F) -> String
    where
        T: Serialize + DeserializeOwned,
        F: Fn(&T, &T) -> bool,
    {
        self.claim(name);
        let bytes = encode(value);
        let roundtrip = match rmp_serde::from_slice::<T>(&bytes) {
            Ok(back) => same(&back, value),
            Err(_) => false,
        };
        format!(
            "{{\"name\": {}, \"hex\": \"{}\", \"roundtrip\": {}}}",
            json_string(name),
            hex(&bytes),
            roundtrip
        )
    }

    /// A worked hash: the msgpack Holochain hashes for `value` (`kind` is
    /// "entry", "action" or "dna") and the 39-byte HoloHash it gets.
    fn hash<T: Serialize>(&mut self, kind: &str, name: &str, value: &T, prefix: [u8; 3]) {
        self.claim(&format!("hash/{}", name));
        let content = encode(value);
        let hash = world_vectors::holo_hash(prefix, &content);
        self.hashes.push(format!(
            "{{\"name\": {}, \"kind\": {}, \"content\": \"{}\", \"hash\": \"{}\"}}",
            json_string(name),
            json_string(kind),
            hex(&content),
            hex(&hash)
        ));
    }

    /// A decode case: does `rmp_serde::from_slice::<T>` accept `bytes`, and
    /// if so, what does the value it read encode to.
    fn dec<T: Serialize + DeserializeOwned>(&mut self, name: &str, type_name: &str, bytes: &[u8]) {
        self.claim(name);
        let entry = match rmp_serde::from_slice::<T>(bytes) {
            Ok(value) => format!(
                "{{\"name\": {}, \"type\": {}, \"hex\": \"{}\", \"accepted\": true, \"reencoded\": \"{}\"}}",
                json_string(name),
                json_string(type_name),
                hex(bytes),
                hex(&encode(&value))
            ),
            Err(err) => format!(
                "{{\"name\": {}, \"type\": {}, \"hex\": \"{}\", \"accepted\": false, \"error\": {}}}",
                json_string(name),
                json_string(type_name),
                hex(bytes),
                json_string(&err.to_string())
            ),
        };
        self.decode.push(entry);
    }

    fn print(&self) {
        println!("{{");
        println!("  \"about\": \"msgpack bytes from rmp_serde::Serializer::new(..).with_struct_map() and acceptance by rmp_serde::from_slice; world: Holochain 0.7.0 wire types; hashes: blake2b_simd HoloHashes of world values; paths: hdi hash paths and anchors; bundles: the msgpack of .dna and .happ files (before gzip); made by tests/vectors/generator\",");
        println!("  \"encode\": [");
        println!("    {}", self.encode.join(",\n    "));
        println!("  ],");
        println!("  \"decode\": [");
        println!("    {}", self.decode.join(",\n    "));
        println!("  ],");
        println!("  \"world\": [");
        println!("    {}", self.world.join(",\n    "));
        println!("  ],");
        println!("  \"hashes\": [");
        println!("    {}", self.hashes.join(",\n    "));
        println!("  ],");
        println!("  \"paths\": [");
        println!("    {}", self.paths.join(",\n    "));
        println!("  ],");
        println!("  \"bundles\": [");
        println!("    {}", self.bundles.join(",\n    "));
        println!("  ]");
        println!("}}");
    }
}

// ---------------------------------------------------------------------------
// Deterministic contents for the long values (the C++ side builds the same).

/// `n` ASCII letters: 'a' + i % 26.
fn letters(n: usize) -> String {
    (0..n).map(|i| (b'a' + (i % 26) as u8) as char).collect()
}

/// `n` bytes: i % 251 (a prime, so the pattern does not align with lengths).
fn byte_pattern(n: usize) -> Vec<u8> {
    (0..n).map(|i| (i % 251) as u8).collect()
}

fn wasm_error(error: WasmErrorInner) -> WasmError {
    WasmError {
        module_path: "zome".into(),
        line: 7,
        error,
    }
}

fn sixteen_u8(seed: u8) -> Vec<u8> {
    (0..16).map(|i| seed.wrapping_add(i)).collect()
}

// ---------------------------------------------------------------------------

fn holochain_types(v: &mut Vectors) {
    let inner = [
        ("PointerMap", WasmErrorInner::PointerMap),
        (
            "Deserialize",
            WasmErrorInner::Deserialize(vec![0xc1, 0x01, 0xff]),
        ),
        (
            "Serialize/Serialize",
            WasmErrorInner::Serialize(SerializedBytesError::Serialize("boom".into())),
        ),
        (
            "Serialize/Deserialize",
            WasmErrorInner::Serialize(SerializedBytesError::Deserialize("bad".into())),
        ),
        ("ErrorWhileError", WasmErrorInner::ErrorWhileError),
        ("Memory", WasmErrorInner::Memory),
        ("Guest", WasmErrorInner::Guest("bad".into())),
        ("Host", WasmErrorInner::Host("host says no".into())),
        (
            "HostShortCircuit",
            WasmErrorInner::HostShortCircuit(vec![0x81, 0xa2, b'O', b'k', 0xc0, 0xcc]),
        ),
        ("ModuleBuild", WasmErrorInner::ModuleBuild("mb".into())),
        (
            "ModuleSerialize",
            WasmErrorInner::ModuleSerialize("ms".into()),
        ),
        (
            "ModuleDeserialize",
            WasmErrorInner::ModuleDeserialize("md".into()),
        ),
        ("CallError", WasmErrorInner::CallError("ce".into())),
    ];
    for (name, error) in inner {
        v.enc(&format!("holochain/wasm_error/{}", name), wasm_error(error));
    }
    v.enc(
        "holochain/wasm_error/line_max",
        WasmError {
            module_path: "my_zome::coordinator::posts".into(),
            line: u32::MAX,
            error: WasmErrorInner::Guest(String::new()),
        },
    );
    v.enc(
        "holochain/wasm_error/deserialize_empty",
        wasm_error(WasmErrorInner::Deserialize(vec![])),
    );
    v.enc(
        "holochain/wasm_error/deserialize_300",
        wasm_error(WasmErrorInner::Deserialize(byte_pattern(300))),
    );
    v.enc(
        "holochain/wasm_error/host_short_circuit_empty",
        wasm_error(WasmErrorInner::HostShortCircuit(vec![])),
    );

    v.enc(
        "holochain/result/ok_string",
        Ok::<String, WasmError>("hi".into()),
    );
    v.enc("holochain/result/ok_unit", Ok::<(), WasmError>(()));
    v.enc(
        "holochain/result/ok_extern_io",
        Ok::<ExternIO, WasmError>(ExternIO(encode("hi"))),
    );
    v.enc(
        "holochain/result/ok_extern_io_valid",
        Ok::<ExternIO, WasmError>(ExternIO(encode("Valid"))),
    );
    v.enc(
        "holochain/result/ok_timestamp",
        Ok::<Timestamp, WasmError>(Timestamp(1_700_000_000_000_000)),
    );
    v.enc(
        "holochain/result/err_guest",
        Err::<String, WasmError>(wasm_error(WasmErrorInner::Guest("bad".into()))),
    );
    v.enc(
        "holochain/result/err_deserialize",
        Err::<ExternIO, WasmError>(wasm_error(WasmErrorInner::Deserialize(vec![0x01, 0x02]))),
    );

    v.enc("holochain/extern_io/empty", ExternIO(vec![]));
    v.enc("holochain/extern_io/hi", ExternIO(encode("hi")));
    v.enc("holochain/extern_io/unit", ExternIO(encode(&())));
    v.enc(
        "holochain/extern_io/point",
        ExternIO(encode(&Point { x: 1, y: -2 })),
    );
    v.enc("holochain/extern_io/300_bytes", ExternIO(byte_pattern(300)));

    for (name, level) in [
        ("ERROR", Level::ERROR),
        ("WARN", Level::WARN),
        ("INFO", Level::INFO),
        ("DEBUG", Level::DEBUG),
        ("TRACE", Level::TRACE),
    ] {
        v.enc(&format!("holochain/level/{}", name), level);
        v.enc(
            &format!("holochain/trace_msg/{}", name),
            TraceMsg {
                msg: format!("{} message", name.to_lowercase()),
                level,
            },
        );
    }

    for (name, micros) in [
        ("zero", 0i64),
        ("2023", 1_700_000_000_000_000),
        ("minus_one", -1),
        ("min", i64::MIN),
        ("max", i64::MAX),
    ] {
        v.enc(&format!("holochain/timestamp/{}", name), Timestamp(micros));
    }
}

fn integers(v: &mut Vectors) {
    // Every msgpack integer form's edges; each is emitted for every Rust
    // integer type it fits in.
    let candidates: [i128; 27] = [
        0,
        1,
        127,
        128,
        255,
        256,
        32767,
        32768,
        65535,
        65536,
        2147483647,
        2147483648,
        4294967295,
        4294967296,
        i64::MAX as i128,
        u64::MAX as i128,
        -1,
        -32,
        -33,
        -128,
        -129,
        -32768,
        -32769,
        -2147483648,
        -2147483649,
        i64::MIN as i128,
        -4294967296,
    ];
    macro_rules! emit {
        ($t:ty, $name:expr) => {
            for c in candidates {
                if let Ok(x) = <$t>::try_from(c) {
                    v.enc(&format!("int/{}/{}", $name, c), x);
                }
            }
        };
    }
    emit!(u8, "u8");
    emit!(u16, "u16");
    emit!(u32, "u32");
    emit!(u64, "u64");
    emit!(i8, "i8");
    emit!(i16, "i16");
    emit!(i32, "i32");
    emit!(i64, "i64");
}

/// Float vectors by bit pattern, so NaN payloads and -0.0 are exact.
const F32_BITS: [(&str, u32); 15] = [
    ("zero", 0x0000_0000),
    ("neg_zero", 0x8000_0000),
    ("one", 0x3f80_0000),
    ("one_and_half", 0x3fc0_0000),
    ("neg_two", 0xc000_0000),
    ("large_1e30", 0x7149_f2ca),
    ("max", 0x7f7f_ffff),
    ("min_positive", 0x0080_0000),
    ("smallest_subnormal", 0x0000_0001),
    ("inf", 0x7f80_0000),
    ("neg_inf", 0xff80_0000),
    ("nan", 0x7fc0_0000),
    ("nan_payload", 0x7fc0_1234),
    ("neg_nan", 0xffc0_0000),
    ("signaling_nan", 0x7f80_0001),
];

const F64_BITS: [(&str, u64); 16] = [
    ("zero", 0x0000_0000_0000_0000),
    ("neg_zero", 0x8000_0000_0000_0000),
    ("one", 0x3ff0_0000_0000_0000),
    ("one_and_half", 0x3ff8_0000_0000_0000),
    ("forty_two", 0x4045_0000_0000_0000),
    ("two_pow_53", 0x4340_0000_0000_0000),
    ("large_1e300", 0x7e37_e43c_8800_759c),
    ("max", 0x7fef_ffff_ffff_ffff),
    ("min_positive", 0x0010_0000_0000_0000),
    ("smallest_subnormal", 0x0000_0000_0000_0001),
    ("inf", 0x7ff0_0000_0000_0000),
    ("neg_inf", 0xfff0_0000_0000_0000),
    ("nan", 0x7ff8_0000_0000_0000),
    ("nan_payload", 0x7ff8_0000_0000_1234),
    ("neg_nan", 0xfff8_0000_0000_0000),
    ("signaling_nan", 0x7ff0_0000_0000_0001),
];

fn floats(v: &mut Vectors) {
    for (name, bits) in F32_BITS {
        v.enc_cmp(&format!("f32/{}", name), f32::from_bits(bits), |a, b| {
            a.to_bits() == b.to_bits()
        });
    }
    for (name, bits) in F64_BITS {
        v.enc_cmp(&format!("f64/{}", name), f64::from_bits(bits), |a, b| {
            a.to_bits() == b.to_bits()
        });
    }
}

fn scalars(v: &mut Vectors) {
    v.enc("bool/true", true);
    v.enc("bool/false", false);
    v.enc("unit", ());
}

fn strings(v: &mut Vectors) {
    for n in [0usize, 1, 31, 32, 255, 256, 65535, 65536] {
        v.enc(&format!("str/len_{}", n), letters(n));
    }
    // Lengths count bytes, not characters.
    v.enc("str/utf8", "h\u{e9}llo \u{2713} \u{1f980}".to_string());
    v.enc("str/utf8_31_bytes", "\u{e9}".repeat(15) + "a");
    v.enc("str/utf8_32_bytes", "\u{e9}".repeat(16));
}

fn bytes(v: &mut Vectors) {
    // serde_bytes: msgpack bin.
    for n in [0usize, 1, 255, 256, 65535, 65536] {
        v.enc(
            &format!("bin/len_{}", n),
            serde_bytes::ByteBuf::from(byte_pattern(n)),
        );
    }
    // A plain Vec<u8>: an array of integers (values >= 128 take two bytes).
    for n in [0usize, 3, 15, 16, 200] {
        v.enc(&format!("vec_u8/len_{}", n), byte_pattern(n));
    }
    // The array16/array32 edge, in zeros to keep the file small.
    for n in [65535usize, 65536] {
        v.enc(&format!("vec_u8/zeros_len_{}", n), vec![0u8; n]);
    }
    v.enc(
        "struct/with_bytes",
        WithBytes {
            plain: vec![1, 2, 200],
            bytes: vec![1, 2, 200],
        },
    );
}

fn containers(v: &mut Vectors) {
    v.enc(
        "array/u16_len_15",
        (0..15u16).map(|i| i * 1000).collect::<Vec<u16>>(),
    );
    v.enc(
        "array/u16_len_16",
        (0..16u16).map(|i| i * 1000).collect::<Vec<u16>>(),
    );
    v.enc(
        "array/strings",
        vec!["a".to_string(), String::new(), letters(40)],
    );
    v.enc(
        "array/points",
        vec![Point { x: 1, y: 2 }, Point { x: -200, y: 70000 }],
    );
    v.enc("array/nested", vec![vec![1u8], vec![], vec![2, 3]]);
    v.enc("array/options", vec![Some(1u8), None, Some(255)]);
    v.enc("array/fixed_4", [9u8, 8, 7, 200]);
    v.enc("array/empty_points", Vec::<Point>::new());

    for n in [0usize, 1, 15, 16] {
        let map: BTreeMap<String, u8> = (0..n).map(|i| (format!("k{:02}", i), i as u8)).collect();
        v.enc(&format!("map/string_u8_len_{}", n), map);
    }
    let int_keys: BTreeMap<u32, String> = [
        (1, "one".to_string()),
        (300, "three hundred".to_string()),
        (70000, String::new()),
    ]
    .into_iter()
    .collect();
    v.enc("map/u32_string", int_keys);
    let nested: BTreeMap<String, Vec<Point>> = [
        ("a".to_string(), vec![Point { x: 0, y: 0 }]),
        ("b".to_string(), vec![]),
    ]
    .into_iter()
    .collect();
    v.enc("map/string_points", nested);

    v.enc("tuple/u8_string_bool", (5u8, "five".to_string(), true));
    v.enc("tuple/units", ((), ()));

    v.enc("option/u8_none", None::<u8>);
    v.enc("option/u8_some_0", Some(0u8));
    v.enc("option/u8_some_200", Some(200u8));
    v.enc("option/string_some", Some("x".to_string()));
    // Some(()) is written as nil, so it reads back as None.
    v.enc("option/unit_none", None::<()>);
    v.enc("option/unit_some", Some(()));
    // Some(None) is written as nil, so it reads back as None.
    v.enc("option/nested_none", None::<Option<u8>>);
    v.enc("option/nested_some_none", Some(None::<u8>));
    v.enc("option/nested_some_some", Some(Some(7u8)));
    v.enc("option/triple_some_some_none", Some(Some(None::<u8>)));
    v.enc("option/point_some", Some(Point { x: 3, y: 4 }));
    v.enc("option/vec_some_empty", Some(Vec::<u8>::new()));
}

fn shapes(v: &mut Vectors) {
    v.enc("struct/point", Point { x: 1, y: 2 });
    v.enc(
        "struct/point_negative",
        Point {
            x: -33,
            y: i32::MIN,
        },
    );
    v.enc("struct/empty", Empty {});
    v.enc("struct/unit", UnitStruct);
    v.enc("struct/with_opt_none", WithOpt { a: 1, b: None });
    v.enc("struct/with_opt_some", WithOpt { a: 1, b: Some(2) });
    v.enc(
        "struct/fifteen_fields",
        Fifteen {
            f00: 0,
            f01: 1,
            f02: 2,
            f03: 3,
            f04: 4,
            f05: 5,
            f06: 6,
            f07: 7,
            f08: 8,
            f09: 9,
            f10: 10,
            f11: 11,
            f12: 12,
            f13: 13,
            f14: 14,
        },
    );
    v.enc(
        "struct/sixteen_fields",
        Sixteen {
            f00: 0,
            f01: 1,
            f02: 2,
            f03: 3,
            f04: 4,
            f05: 5,
            f06: 6,
            f07: 7,
            f08: 8,
            f09: 9,
            f10: 10,
            f11: 11,
            f12: 12,
            f13: 13,
            f14: 14,
            f15: 15,
        },
    );
    v.enc(
        "struct/mixed",
        Mixed {
            id: 1 << 40,
            name: "mixed".into(),
            tags: vec!["t1".into(), "t2".into()],
            blob: sixteen_u8(250),
            points: vec![Point { x: 1, y: 2 }],
            kind: Sample::Struct {
                a: 1,
                b: "b".into(),
            },
            maybe: None,
            level: Level::WARN,
            at: Timestamp(-5),
        },
    );

    v.enc("newtype/meters", Meters(70000));
    v.enc("newtype/label", Label("lbl".into()));
    v.enc("newtype/wrapped_point", Wrapped(Point { x: 5, y: 6 }));
    v.enc("tuple_struct/pair", Pair(200, "p".into()));

    v.enc("enum/unit", Sample::Unit);
    v.enc("enum/newtype", Sample::Newtype(300));
    v.enc("enum/newtype_unit", Sample::NewtypeUnit(()));
    v.enc("enum/newtype_opt_none", Sample::NewtypeOpt(None));
    v.enc("enum/newtype_opt_some", Sample::NewtypeOpt(Some(9)));
    v.enc("enum/tuple", Sample::Tuple(1, "t".into()));
    v.enc(
        "enum/struct",
        Sample::Struct {
            a: 2,
            b: "s".into(),
        },
    );
    v.enc(
        "enum/in_vec",
        vec![
            Sample::Unit,
            Sample::Newtype(1),
            Sample::Tuple(2, String::new()),
        ],
    );
}

// ---------------------------------------------------------------------------
// Decode cases.

fn nested_arrays(depth: usize) -> Vec<u8> {
    let mut bytes = vec![0x91; depth - 1];
    bytes.push(0x90);
    bytes
}

fn decode_cases(v: &mut Vectors) {
    let point = encode(&Point { x: 1, y: 2 });
    let mut trailing = point.clone();
    trailing.push(0xc0);
    v.dec::<Point>("decode/trailing_bytes", "Point", &trailing);
    v.dec::<()>("decode/trailing_bytes_after_nil", "()", &[0xc0, 0xc0]);

    // Structs: maps by name, or arrays of fields in order.
    v.dec::<Point>("decode/struct_as_array", "Point", &[0x92, 0x01, 0x02]);
    v.dec::<Point>(
        "decode/struct_as_array_too_long",
        "Point",
        &[0x93, 0x01, 0x02, 0x03],
    );
    v.dec::<Point>("decode/struct_as_array_too_short", "Point", &[0x91, 0x01]);
    v.dec::<Point>(
        "decode/struct_fields_reordered",
        "Point",
        &[0x82, 0xa1, b'y', 0x02, 0xa1, b'x', 0x01],
    );
    v.dec::<Point>(
        "decode/struct_unknown_extra_field",
        "Point",
        &[0x83, 0xa1, b'x', 0x01, 0xa1, b'z', 0x09, 0xa1, b'y', 0x02],
    );
    v.dec::<Point>(
        "decode/struct_unknown_field_any_value",
        "Point",
        &[
            0x83, 0xa1, b'x', 0x01, 0xa1, b'z', 0x92, 0x80, 0xc0, 0xa1, b'y', 0x02,
        ],
    );
    v.dec::<Point>(
        "decode/struct_duplicate_field",
        "Point",
        &[0x83, 0xa1, b'x', 0x01, 0xa1, b'y', 0x02, 0xa1, b'x', 0x03],
    );
    v.dec::<Point>(
        "decode/struct_missing_field",
        "Point",
        &[0x81, 0xa1, b'x', 0x01],
    );
    v.dec::<WithOpt>(
        "decode/struct_missing_option_field",
        "WithOpt",
        &[0x81, 0xa1, b'a', 0x01],
    );
    v.dec::<WithOpt>(
        "decode/struct_as_array_missing_option",
        "WithOpt",
        &[0x91, 0x01],
    );
    v.dec::<Point>(
        "decode/struct_key_as_bin",
        "Point",
        &[0x82, 0xc4, 0x01, b'x', 0x01, 0xc4, 0x01, b'y', 0x02],
    );
    v.dec::<Point>(
        "decode/struct_key_as_index",
        "Point",
        &[0x82, 0x00, 0x01, 0x01, 0x02],
    );
    v.dec::<Point>("decode/struct_from_nil", "Point", &[0xc0]);
    v.dec::<Empty>("decode/empty_struct_from_empty_array", "Empty", &[0x90]);
    v.dec::<UnitStruct>("decode/unit_struct_from_nil", "UnitStruct", &[0xc0]);
    v.dec::<UnitStruct>("decode/unit_struct_from_empty_array", "UnitStruct", &[0x90]);
    v.dec::<UnitStruct>("decode/unit_struct_from_empty_map", "UnitStruct", &[0x80]);
    v.dec::<Meters>(
        "decode/newtype_from_one_element_array",
        "Meters",
        &[0x91, 0x05],
    );
    v.dec::<Pair>(
        "decode/tuple_struct_from_map",
        "Pair",
        &[0x81, 0xa1, b'a', 0x01],
    );
    v.dec::<Pair>("decode/tuple_struct_too_short", "Pair", &[0x91, 0x01]);

    // Bytes: bin, str and arrays against serde_bytes and a plain Vec<u8>.
    v.dec::<Vec<u8>>(
        "decode/bin_for_plain_vec",
        "Vec<u8>",
        &[0xc4, 0x03, 0x01, 0x02, 0x03],
    );
    v.dec::<Vec<u8>>(
        "decode/str_for_plain_vec",
        "Vec<u8>",
        &[0xa3, b'a', b'b', b'c'],
    );
    v.dec::<Vec<u8>>(
        "decode/plain_vec_element_out_of_range",
        "Vec<u8>",
        &[0x92, 0x01, 0xcd, 0x01, 0x00],
    );
    v.dec::<serde_bytes::ByteBuf>(
        "decode/array_for_bytes",
        "ByteBuf",
        &[0x93, 0x01, 0x02, 0xcc, 0xff],
    );
    v.dec::<serde_bytes::ByteBuf>(
        "decode/array_out_of_range_for_bytes",
        "ByteBuf",
        &[0x91, 0xcd, 0x01, 0x00],
    );
    v.dec::<serde_bytes::ByteBuf>("decode/str_for_bytes", "ByteBuf", &[0xa3, b'a', b'b', b'c']);
    v.dec::<serde_bytes::ByteBuf>(
        "decode/invalid_utf8_str_for_bytes",
        "ByteBuf",
        &[0xa2, 0xff, 0xfe],
    );
    v.dec::<serde_bytes::ByteBuf>("decode/nil_for_bytes", "ByteBuf", &[0xc0]);
    v.dec::<ExternIO>("decode/extern_io_from_str", "ExternIO", &[0xa2, 0xa1, b'x']);
    v.dec::<ExternIO>(
        "decode/extern_io_from_array",
        "ExternIO",
        &[0x92, 0x01, 0xcc, 0xff],
    );
    v.dec::<[u8; 2]>(
        "decode/bin_for_fixed_array",
        "[u8; 2]",
        &[0xc4, 0x02, 0x01, 0x02],
    );

    // Strings.
    v.dec::<String>("decode/bin_for_string", "String", &[0xc4, 0x02, b'h', b'i']);
    v.dec::<String>(
        "decode/invalid_utf8_bin_for_string",
        "String",
        &[0xc4, 0x02, 0xff, 0xfe],
    );
    v.dec::<String>(
        "decode/invalid_utf8_str_for_string",
        "String",
        &[0xa2, 0xff, 0xfe],
    );
    v.dec::<String>(
        "decode/overlong_utf8_for_string",
        "String",
        &[0xa2, 0xc0, 0xaf],
    );
    v.dec::<String>(
        "decode/surrogate_utf8_for_string",
        "String",
        &[0xa3, 0xed, 0xa0, 0x80],
    );
    v.dec::<String>("decode/array_for_string", "String", &[0x91, 0x61]);
    v.dec::<String>("decode/int_for_string", "String", &[0x01]);
    v.dec::<String>("decode/nil_for_string", "String", &[0xc0]);

    // Numbers.
    v.dec::<f64>("decode/int_for_f64", "f64", &[0x05]);
    v.dec::<f64>("decode/negative_int_for_f64", "f64", &[0xd0, 0x80]);
    v.dec::<f64>(
        "decode/u64_max_for_f64",
        "f64",
        &[0xcf, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
    );
    v.dec::<f32>("decode/int_for_f32", "f32", &[0xcd, 0x01, 0x00]);
    v.dec::<f32>(
        "decode/f64_for_f32",
        "f32",
        &[0xcb, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0],
    );
    v.dec::<f32>(
        "decode/f64_inexact_for_f32",
        "f32",
        &[0xcb, 0x3f, 0xb9, 0x99, 0x99, 0x99, 0x99, 0x99, 0x9a],
    );
    v.dec::<f64>("decode/f32_for_f64", "f64", &[0xca, 0x3f, 0xc0, 0, 0]);
    v.dec::<f32>(
        "decode/f32_signaling_nan",
        "f32",
        &[0xca, 0x7f, 0x80, 0x00, 0x01],
    );
    v.dec::<u8>(
        "decode/f64_for_u8",
        "u8",
        &[0xcb, 0x3f, 0xf0, 0, 0, 0, 0, 0, 0],
    );
    v.dec::<i32>("decode/f32_for_i32", "i32", &[0xca, 0x3f, 0x80, 0, 0]);
    v.dec::<u8>("decode/u8_out_of_range", "u8", &[0xcd, 0x01, 0x00]);
    v.dec::<u8>("decode/negative_for_u8", "u8", &[0xff]);
    v.dec::<u64>(
        "decode/negative_i64_form_for_u64",
        "u64",
        &[0xd3, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
    );
    v.dec::<i8>("decode/i8_out_of_range", "i8", &[0xcc, 0x80]);
    v.dec::<i8>("decode/i8_below_range", "i8", &[0xd1, 0xff, 0x7f]);
    v.dec::<u32>(
        "decode/u32_out_of_range",
        "u32",
        &[0xcf, 0, 0, 0, 0x01, 0, 0, 0, 0],
    );
    v.dec::<i64>(
        "decode/i64_out_of_range",
        "i64",
        &[0xcf, 0x80, 0, 0, 0, 0, 0, 0, 0],
    );
    v.dec::<u8>("decode/positive_i8_form_for_u8", "u8", &[0xd0, 0x05]);
    v.dec::<u8>("decode/wide_u16_form_for_u8", "u8", &[0xcd, 0x00, 0x05]);
    v.dec::<i8>("decode/u8_form_for_i8", "i8", &[0xcc, 0x7f]);
    v.dec::<u64>(
        "decode/positive_i64_form_for_u64",
        "u64",
        &[0xd3, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
    );
    v.dec::<u8>("decode/bool_for_u8", "u8", &[0xc3]);
    v.dec::<u8>("decode/nil_for_u8", "u8", &[0xc0]);
    v.dec::<u8>("decode/str_for_u8", "u8", &[0xa1, b'1']);
    v.dec::<bool>("decode/int_for_bool", "bool", &[0x01]);
    v.dec::<()>("decode/empty_array_for_unit", "()", &[0x90]);
    v.dec::<()>("decode/int_for_unit", "()", &[0x00]);
    v.dec::<u8>("decode/ext_for_u8", "u8", &[0xd4, 0x01, 0x05]);

    // Options.
    v.dec::<Option<u8>>("decode/option_some_wrong_type", "Option<u8>", &[0xa1, b'x']);
    v.dec::<Option<Option<u8>>>("decode/nested_option_nil", "Option<Option<u8>>", &[0xc0]);

    // Enums.
    v.dec::<Sample>(
        "decode/enum_unit_variant_as_map_nil",
        "Sample",
        &[0x81, 0xa4, b'U', b'n', b'i', b't', 0xc0],
    );
    v.dec::<Sample>(
        "decode/enum_unit_variant_as_map_value",
        "Sample",
        &[0x81, 0xa4, b'U', b'n', b'i', b't', 0x05],
    );
    v.dec::<Sample>(
        "decode/enum_newtype_variant_as_string",
        "Sample",
        b"\xa7Newtype",
    );
    v.dec::<Sample>(
        "decode/enum_newtype_unit_variant_as_string",
        "Sample",
        b"\xabNewtypeUnit",
    );
    v.dec::<Sample>("decode/enum_unknown_variant", "Sample", b"\xa4Nope");
    v.dec::<Sample>(
        "decode/enum_unknown_variant_in_map",
        "Sample",
        b"\x81\xa4Nope\xc0",
    );
    v.dec::<Sample>(
        "decode/enum_two_entry_map",
        "Sample",
        b"\x82\xa4Unit\xc0\xa4Unit\xc0",
    );
    v.dec::<Sample>("decode/enum_variant_by_index", "Sample", &[0x00]);
    v.dec::<Sample>(
        "decode/enum_newtype_variant_by_index",
        "Sample",
        &[0x81, 0x01, 0x05],
    );
    v.dec::<Sample>(
        "decode/enum_variant_index_out_of_range",
        "Sample",
        &[0x81, 0x09, 0x05],
    );
    v.dec::<Sample>("decode/enum_variant_name_as_bin", "Sample", b"\xc4\x04Unit");
    v.dec::<Sample>(
        "decode/enum_tuple_variant_wrong_length",
        "Sample",
        b"\x81\xa5Tuple\x91\x01",
    );
    v.dec::<Sample>(
        "decode/enum_struct_variant_as_array",
        "Sample",
        b"\x81\xa6Struct\x92\x01\xa1s",
    );
    v.dec::<Sample>(
        "decode/enum_struct_variant_missing_field",
        "Sample",
        b"\x81\xa6Struct\x81\xa1a\x01",
    );
    v.dec::<Sample>("decode/enum_from_int_array", "Sample", &[0x91, 0x00]);
    v.dec::<Level>("decode/level_as_map_nil", "Level", b"\x81\xa4WARN\xc0");
    v.dec::<Level>("decode/level_as_map_value", "Level", b"\x81\xa4WARN\x01");
    v.dec::<Level>("decode/level_lowercase", "Level", b"\xa4warn");
    v.dec::<Level>("decode/level_by_index", "Level", &[0x04]);
    v.dec::<Result<String, WasmError>>(
        "decode/result_ok_lowercase",
        "Result<String, WasmError>",
        b"\x81\xa2ok\xa2hi",
    );
    v.dec::<Result<String, WasmError>>(
        "decode/result_ok_bare_string",
        "Result<String, WasmError>",
        b"\xa2Ok",
    );
    v.dec::<WasmError>(
        "decode/wasm_error_as_array",
        "WasmError",
        b"\x93\xa4zome\x07\x81\xa5Guest\xa3bad",
    );
    v.dec::<WasmError>(
        "decode/wasm_error_deserialize_from_array",
        "WasmError",
        b"\x83\xabmodule_path\xa1m\xa4line\x01\xa5error\x81\xabDeserialize\x92\x01\x02",
    );
    v.dec::<WasmError>(
        "decode/wasm_error_short_circuit_from_bin",
        "WasmError",
        b"\x83\xabmodule_path\xa1m\xa4line\x01\xa5error\x81\xb0HostShortCircuit\xc4\x02\x01\x02",
    );

    // Maps.
    v.dec::<BTreeMap<String, u8>>(
        "decode/map_int_key_for_string_key",
        "BTreeMap<String, u8>",
        &[0x81, 0x01, 0x02],
    );
    v.dec::<BTreeMap<String, u8>>(
        "decode/map_from_array_of_pairs",
        "BTreeMap<String, u8>",
        &[0x91, 0x92, 0xa1, b'k', 0x01],
    );
    v.dec::<BTreeMap<String, u8>>(
        "decode/map_duplicate_key",
        "BTreeMap<String, u8>",
        &[0x82, 0xa1, b'k', 0x01, 0xa1, b'k', 0x02],
    );
    v.dec::<Vec<u8>>("decode/map_for_vec", "Vec<u8>", &[0x80]);

    // Malformed input.
    v.dec::<()>("decode/empty_input", "()", &[]);
    v.dec::<()>("decode/reserved_byte_c1", "()", &[0xc1]);
    v.dec::<Point>(
        "decode/truncated_struct",
        "Point",
        &point[..point.len() - 1],
    );
    v.dec::<Vec<u8>>(
        "decode/array32_claims_4g_elements",
        "Vec<u8>",
        &[0xdd, 0xff, 0xff, 0xff, 0xff],
    );
    v.dec::<String>(
        "decode/str32_claims_4g_bytes",
        "String",
        &[0xdb, 0xff, 0xff, 0xff, 0xff],
    );

    // Depth: rmp-serde's limit counts arrays and maps.
    for depth in [1023usize, 1024, 1025] {
        v.dec::<Deep>(
            &format!("decode/nested_arrays_{}", depth),
            "Deep",
            &nested_arrays(depth),
        );
    }
}

fn main() {
    let mut v = Vectors::default();
    holochain_types(&mut v);
    integers(&mut v);
    floats(&mut v);
    scalars(&mut v);
    strings(&mut v);
    bytes(&mut v);
    containers(&mut v);
    shapes(&mut v);
    decode_cases(&mut v);
    world_vectors::vectors(&mut v);
    world_vectors::hashes(&mut v);
    paths::vectors(&mut v);
    bundles::vectors(&mut v);
    v.print();
}
