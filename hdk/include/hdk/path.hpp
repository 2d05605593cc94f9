// Hash paths and anchors as hdi 0.8 / hdk 0.7 build them
// (hdi::hash_path::{path, shard, anchor}, hdk::hash_path::path): the same
// Path entry bytes, root hash and link tags, so a C++ zome and a Rust zome
// find each other's paths.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hdk/api.hpp"

namespace hdk {

/// One level of a Path: arbitrary bytes (serde_bytes: bin).
struct Component {
  Bytes bytes;
  HDK_NEWTYPE(bytes);
  friend bool operator==(const Component& a, const Component& b) { return a.bytes == b.bytes; }

  /// hdi's `Component::from(&str)`: each char (code point) as 4 little-endian
  /// bytes, so that shards split on chars. Invalid UTF-8 bytes count as one
  /// char each.
  static Component from_str(std::string_view s);
  /// The bytes as they are (what anchors use: raw UTF-8).
  static Component from_bytes(std::string_view s) { return Component{Bytes(s.begin(), s.end())}; }
};

template <class LinkTypes>
struct TypedPath;

/// A branch of the path tree: the components from the root down to here.
/// Its hash is that of the app entry holding its msgpack, which is never
/// committed: only the links between paths are.
struct Path {
  std::vector<Component> components;
  HDK_NEWTYPE(components);
  friend bool operator==(const Path& a, const Path& b) { return a.components == b.components; }

  Path() = default;
  explicit Path(std::vector<Component> c) : components(std::move(c)) {}
  /// hdi's `Path::from(&str)`: split on '.', empty parts ignored; a part
  /// starting `<width>:<depth>#` is sharded (`foo.2:3#barbaz` is
  /// foo.ba.rb.az.barbaz).
  static Path from(std::string_view dotted);

  bool is_root() const { return components.size() == 1; }
  const Component* leaf() const { return components.empty() ? nullptr : &components.back(); }
  void append_component(Component c) { components.push_back(std::move(c)); }
  std::optional<Path> parent() const {
    if (components.size() <= 1) return std::nullopt;
    return Path(std::vector<Component>(components.begin(), components.end() - 1));
  }

  /// The EntryHash of this path's (never committed) entry.
  ExternResult<EntryHash> path_entry_hash() const { return hash_entry(Entry::app(*this)); }
  /// The tag of the link to this path: the msgpack of its leaf, empty for the empty path.
  LinkTag make_tag() const {
    return components.empty() ? LinkTag{} : LinkTag{Bytes(encode_to_vector(components.back()))};
  }

  /// This path with the link type its links get (Rust's `Path::typed`).
  template <class LinkTypes>
  TypedPath<LinkTypes> typed(LinkTypes link_type) const {
    return TypedPath<LinkTypes>{link_type, *this};
  }
};

/// What every root path is linked from: the entry of the raw bytes 0, 1
/// (hdi's `path::ROOT`, not msgpack).
inline ExternResult<AnyLinkableHash> root_hash() {
  HDK_TRY(const EntryHash hash, hash_entry(Entry{entry::App{AppEntryBytes{Bytes{0x00, 0x01}}}}));
  return to_any_linkable(hash);
}

/// A path whose links have one link type of this zome; it can be ensured
/// and its children listed.
template <class LinkTypes>
struct TypedPath {
  LinkTypes link_type;
  Path path;

  ExternResult<EntryHash> path_entry_hash() const { return path.path_entry_hash(); }
  std::optional<TypedPath> parent() const {
    auto p = path.parent();
    if (!p) return std::nullopt;
    return TypedPath{link_type, std::move(*p)};
  }

  /// Whether the link to this path from its parent (from root_hash() for a
  /// root path) exists. The empty path never does.
  ExternResult<bool> exists() const {
    if (path.components.empty()) return false;
    AnyLinkableHash base;
    if (path.is_root()) {
      HDK_TRY(base, root_hash());
    } else {
      HDK_TRY(const EntryHash parent_hash, parent()->path_entry_hash());
      base = to_any_linkable(parent_hash);
    }
    HDK_TRY(const EntryHash mine, path_entry_hash());
    HDK_TRY(const std::vector<Link> links, get_links(base, link_type, path.make_tag()));
    const AnyLinkableHash target = to_any_linkable(mine);
    return std::any_of(links.begin(), links.end(),
                       [&](const Link& l) { return l.target == target; });
  }

  /// Links this path and each missing parent into the tree. Creates links
  /// only, no entries.
  ExternResult<Unit> ensure() const {
    HDK_TRY(const bool there, exists());
    if (there || path.components.empty()) return Unit{};
    AnyLinkableHash base;
    if (path.is_root()) {
      HDK_TRY(base, root_hash());
    } else {
      const TypedPath up = *parent();
      HDK_TRY(const Unit ensured, up.ensure());
      (void)ensured;
      HDK_TRY(const EntryHash parent_hash, up.path_entry_hash());
      base = to_any_linkable(parent_hash);
    }
    HDK_TRY(const EntryHash mine, path_entry_hash());
    HDK_TRY(const ActionHash linked,
            create_link(base, to_any_linkable(mine), link_type, path.make_tag()));
    (void)linked;
    return Unit{};
  }

  /// Ensures this path, then the links to the paths one level below it,
  /// one per tag, in tag order.
  ExternResult<std::vector<Link>> children() const {
    HDK_TRY(const Unit ensured, ensure());
    (void)ensured;
    HDK_TRY(const EntryHash mine, path_entry_hash());
    HDK_TRY(std::vector<Link> links, get_links(to_any_linkable(mine), link_type));
    std::stable_sort(links.begin(), links.end(),
                     [](const Link& a, const Link& b) { return a.tag.bytes < b.tag.bytes; });
    links.erase(
        std::unique(links.begin(), links.end(),
                    [](const Link& a, const Link& b) { return a.tag.bytes == b.tag.bytes; }),
        links.end());
    return links;
  }

  /// children() as paths: this path plus the component each link's tag holds.
  ExternResult<std::vector<TypedPath>> children_paths() const {
    HDK_TRY(const std::vector<Link> links, children());
    std::vector<TypedPath> out;
    out.reserve(links.size());
    for (const Link& link : links) {
      TypedPath child{link_type, path};
      if (!link.tag.bytes.empty()) {
        Component component;
        DecodeError err;
        if (!decode(link.tag.bytes.data(), link.tag.bytes.size(), component, err))
          return HDK_ERROR("children_paths: a child link's tag is not a path component: " +
                           err.message);
        child.path.append_component(std::move(component));
      }
      out.push_back(std::move(child));
    }
    return out;
  }
};

/// The anchor pattern: a path [ROOT_ANCHOR, type] or [ROOT_ANCHOR, type,
/// text], its components raw UTF-8 under the root component [0, 0].
struct Anchor {
  std::string anchor_type;
  std::optional<std::string> anchor_text;
  HDK_STRUCT(anchor_type, anchor_text);

  Path to_path() const {
    Path p(
        std::vector<Component>{Component{Bytes{0x00, 0x00}}, Component::from_bytes(anchor_type)});
    if (anchor_text) p.append_component(Component::from_bytes(*anchor_text));
    return p;
  }
};

/// Ensures the anchor `anchor_type`.`anchor_text` and returns its hash.
template <class LinkTypes>
ExternResult<EntryHash> anchor(LinkTypes link_type, std::string anchor_type,
                               std::string anchor_text) {
  const auto path =
      Anchor{std::move(anchor_type), std::move(anchor_text)}.to_path().typed(link_type);
  HDK_TRY(const Unit ensured, path.ensure());
  (void)ensured;
  return path.path_entry_hash();
}

namespace path_detail {
template <class LinkTypes>
ExternResult<std::vector<AnyLinkableHash>> child_targets(const TypedPath<LinkTypes>& path) {
  HDK_TRY(const std::vector<Link> links, path.children());
  std::vector<AnyLinkableHash> out;
  out.reserve(links.size());
  for (const Link& link : links) out.push_back(link.target);
  return out;
}
}  // namespace path_detail

/// The hashes of every anchor type (the children of the anchor root).
template <class LinkTypes>
ExternResult<std::vector<AnyLinkableHash>> list_anchor_type_addresses(LinkTypes link_type) {
  return path_detail::child_targets(
      Path(std::vector<Component>{Component{Bytes{0x00, 0x00}}}).typed(link_type));
}

/// The hashes of every anchor of type `anchor_type`.
template <class LinkTypes>
ExternResult<std::vector<AnyLinkableHash>> list_anchor_addresses(LinkTypes link_type,
                                                                 std::string anchor_type) {
  return path_detail::child_targets(
      Anchor{std::move(anchor_type), std::nullopt}.to_path().typed(link_type));
}

// ---- out of line: the string handling ----

inline Component Component::from_str(std::string_view s) {
  Component out;
  out.bytes.reserve(s.size() * 4);
  std::size_t i = 0;
  while (i < s.size()) {
    const auto lead = static_cast<std::uint8_t>(s[i]);
    std::uint32_t cp = lead;
    std::size_t extra = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : 0;
    if (lead >= 0x80 && lead < 0xc0) extra = 0;
    if (extra && i + extra < s.size()) {
      cp = lead & (0x3f >> extra);
      for (std::size_t k = 1; k <= extra; ++k)
        cp = (cp << 6) | (static_cast<std::uint8_t>(s[i + k]) & 0x3f);
    } else {
      extra = 0;
    }
    for (int b = 0; b < 4; ++b) out.bytes.push_back(static_cast<std::uint8_t>(cp >> (8 * b)));
    i += 1 + extra;
  }
  return out;
}

namespace path_detail {
/// A u32 as Rust's `u32::from_str` reads it: digits only (an optional '+'), no overflow.
inline bool parse_u32(std::string_view s, std::uint32_t& out) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return false;
  std::uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
    if (v > 0xffffffffu) return false;
  }
  out = static_cast<std::uint32_t>(v);
  return true;
}

/// Appends `part` to `out`, sharded if it starts with `<width>:<depth>#`
/// (hdi's ShardStrategy::from_str and From<(&ShardStrategy, &str)>).
inline void append_part(std::vector<Component>& out, std::string_view part) {
  const std::size_t end = part.find('#');
  const bool digit_first = part[0] >= '0' && part[0] <= '9';
  const std::size_t split = end == std::string_view::npos ? end : part.substr(0, end).find(':');
  std::uint32_t width = 0, depth = 0;
  std::string_view depth_text;
  if (split != std::string_view::npos) {
    depth_text = part.substr(split + 1, end - split - 1);
    while (!depth_text.empty() && depth_text.front() == ':') depth_text.remove_prefix(1);
  }
  if (!digit_first || split == std::string_view::npos || !parse_u32(part.substr(0, split), width) ||
      !parse_u32(depth_text, depth)) {
    out.push_back(Component::from_str(part));
    return;
  }
  std::string_view text = part.substr(end);
  while (!text.empty() && text.front() == '#') text.remove_prefix(1);
  // Whole shards of `width` chars (4 bytes each), at most `depth` of them.
  const Component chars = Component::from_str(text);
  const std::size_t shard_bytes = std::size_t{width} * 4;
  if (shard_bytes > 0) {
    for (std::size_t d = 0; d < depth && (d + 1) * shard_bytes <= chars.bytes.size(); ++d)
      out.push_back(Component{
          Bytes(chars.bytes.begin() + static_cast<std::ptrdiff_t>(d * shard_bytes),
                chars.bytes.begin() + static_cast<std::ptrdiff_t>((d + 1) * shard_bytes))});
  }
  out.push_back(chars);
}
}  // namespace path_detail

inline Path Path::from(std::string_view dotted) {
  Path out;
  while (!dotted.empty()) {
    const std::size_t dot = dotted.find('.');
    const std::string_view part = dotted.substr(0, dot);
    if (!part.empty()) path_detail::append_part(out.components, part);
    if (dot == std::string_view::npos) break;
    dotted.remove_prefix(dot + 1);
  }
  return out;
}

}  // namespace hdk
