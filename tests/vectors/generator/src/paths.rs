//! The `paths` set: hdi 0.8's hash paths and anchors. `Component` and
//! `Path` mirror crates/hdi/src/hash_path/path.rs (a serde_bytes newtype and
//! a newtype over the components); the components of each path are written
//! out as hdi's docs and tests give them (a string component is each char
//! as a little-endian u32, an anchor's are raw UTF-8 under the root [0, 0]),
//! not computed by a port of the C++ code under test.

use crate::world::{AppEntryBytes, Entry, SerializedBytes};
use crate::{encode, hex, json_string, world_vectors, Vectors};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
struct Component(#[serde(with = "serde_bytes")] Vec<u8>);

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
struct Path(Vec<Component>);

/// hdi's `Component::from(&str)`: each char as 4 little-endian bytes.
fn utf32(s: &str) -> Component {
    Component(s.chars().flat_map(|c| (c as u32).to_le_bytes()).collect())
}

fn utf8(s: &str) -> Component {
    Component(s.as_bytes().to_vec())
}

const ENTRY: [u8; 3] = [0x84, 0x21, 0x24];

impl Vectors {
    /// A path vector: `source` is what the C++ test builds the path from (a
    /// dotted string, or "anchor:" with the anchor's type and text). Its
    /// msgpack, the link tag `make_tag` gives it, and `path_entry_hash`.
    fn path(&mut self, name: &str, source: &str, path: Path) {
        self.claim(&format!("path/{}", name));
        let bytes = encode(&path);
        let tag = match path.0.last() {
            Some(leaf) => encode(leaf),
            None => vec![],
        };
        let entry = Entry::App(AppEntryBytes(SerializedBytes(bytes.clone())));
        let hash = world_vectors::holo_hash(ENTRY, &encode(&entry));
        self.paths.push(format!(
            "{{\"name\": {}, \"source\": {}, \"path\": \"{}\", \"tag\": \"{}\", \"entry_hash\": \"{}\"}}",
            json_string(name),
            json_string(source),
            hex(&bytes),
            hex(&tag),
            hex(&hash)
        ));
    }
}

pub(crate) fn vectors(v: &mut Vectors) {
    v.path("empty", "", Path(vec![]));
    v.path("foo", "foo", Path(vec![utf32("foo")]));
    v.path("foo_bar", "foo.bar", Path(vec![utf32("foo"), utf32("bar")]));
    // Leading, trailing and doubled dots are ignored (hdi's From<&str>).
    v.path("dots_ignored", ".foo..bar.", Path(vec![utf32("foo"), utf32("bar")]));
    // A two-byte UTF-8 char is one u32.
    v.path("non_ascii", "caf\u{e9}.\u{20ac}", Path(vec![utf32("caf\u{e9}"), utf32("\u{20ac}")]));
    // hdi's shard examples: `<width>:<depth>#` shards a component.
    v.path(
        "shard_1_3",
        "foo.1:3#barbazii",
        Path(vec![utf32("foo"), utf32("b"), utf32("a"), utf32("r"), utf32("barbazii")]),
    );
    v.path(
        "shard_2_3",
        "foo.2:3#barbazii",
        Path(vec![utf32("foo"), utf32("ba"), utf32("rb"), utf32("az"), utf32("barbazii")]),
    );
    // A shard deeper than the text goes as deep as whole shards allow.
    v.path("shard_4_4_short", "4:4#foobar", Path(vec![utf32("foob"), utf32("foobar")]));
    v.path("anchor_root", "anchor:", Path(vec![Component(vec![0, 0])]));
    v.path("anchor_type", "anchor:foo", Path(vec![Component(vec![0, 0]), utf8("foo")]));
    v.path(
        "anchor_type_text",
        "anchor:foo:bar",
        Path(vec![Component(vec![0, 0]), utf8("foo"), utf8("bar")]),
    );
}
