// Plain-scalar resolution as yaml_serde's de.rs (visit_untagged_scalar,
// parse_unsigned_int, parse_negative_int, parse_f64, digits_but_not_number).
#include "pack/yaml_value.hpp"

#include <charconv>
#include <cmath>
#include <limits>

namespace hdk_pack {
namespace {

using hdk_host::bundle::BundleError;
using hdk_host::bundle::YamlValue;

bool is_null(const std::string& s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

/// "0123" and "-007" are strings in YAML 1.2, not numbers.
bool digits_but_not_number(std::string_view s) {
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) s.remove_prefix(1);
  if (s.size() < 2 || s.front() != '0') return false;
  for (char c : s.substr(1))
    if (c < '0' || c > '9') return false;
  return true;
}

/// An unsigned integer with an optional radix prefix; nothing if it is none
/// or does not fit a u64.
std::optional<std::uint64_t> parse_magnitude(std::string_view s) {
  int base = 10;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'o' || s[1] == 'b')) {
    base = s[1] == 'x' ? 16 : s[1] == 'o' ? 8 : 2;
    s.remove_prefix(2);
  }
  if (s.empty() || s.front() == '+' || s.front() == '-') return std::nullopt;
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value, base);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

std::optional<YamlValue> parse_integer(const std::string& text) {
  if (digits_but_not_number(text)) return std::nullopt;
  std::string_view s = text;
  const bool negative = !s.empty() && s.front() == '-';
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) s.remove_prefix(1);
  const auto magnitude = parse_magnitude(s);
  if (!magnitude) return std::nullopt;
  YamlValue v;
  if (!negative || *magnitude == 0) {
    v.kind = YamlValue::Kind::Uint;
    v.uint_value = *magnitude;
    return v;
  }
  constexpr std::uint64_t kMinMagnitude = std::uint64_t{1} << 63;
  if (*magnitude > kMinMagnitude)
    return std::nullopt;  // below i64: yaml_serde tries i128, then f64
  v.kind = YamlValue::Kind::Int;
  v.int_value = *magnitude == kMinMagnitude ? std::numeric_limits<std::int64_t>::min()
                                            : -static_cast<std::int64_t>(*magnitude);
  return v;
}

/// Rust's f64 from_str on decimal text, finite results only.
std::optional<double> parse_float(const std::string& text) {
  std::string_view s = text;
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s == ".inf" || s == ".Inf" || s == ".INF") return text.front() == '-' ? -INFINITY : INFINITY;
  if (text == "-.inf" || text == "-.Inf" || text == "-.INF") return -INFINITY;
  if (text == ".nan" || text == ".NaN" || text == ".NAN") return NAN;
  // digits, one '.', an exponent: nothing else (no hex, no "inf" words, no spaces)
  std::size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  std::size_t digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  }
  if (digits == 0) return std::nullopt;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    const std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == start) return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  double value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

YamlValue string_value(const std::string& text) {
  YamlValue v;
  v.kind = YamlValue::Kind::String;
  v.string = text;
  return v;
}

std::string float_text(double d) {
  if (std::isnan(d)) return ".nan";
  if (std::isinf(d)) return d < 0 ? "-.inf" : ".inf";
  char buf[64];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);  // shortest that reads back
  std::string text(buf, ec == std::errc() ? end : buf);
  // "1" would read back as an integer.
  if (text.find_first_of(".eE") == std::string::npos) text += ".0";
  return text;
}

}  // namespace

YamlValue resolve_plain_scalar(const std::string& text) {
  YamlValue v;
  if (is_null(text)) return v;
  if (text == "true" || text == "True" || text == "TRUE" || text == "false" || text == "False" ||
      text == "FALSE") {
    v.kind = YamlValue::Kind::Bool;
    v.boolean = text.front() == 't' || text.front() == 'T';
    return v;
  }
  if (auto integer = parse_integer(text)) return *integer;
  if (!digits_but_not_number(text))
    if (const auto f = parse_float(text)) {
      v.kind = YamlValue::Kind::Float;
      v.float_value = *f;
      return v;
    }
  return string_value(text);
}

YamlValue yaml_to_value(const YAML::Node& node, const std::string& where) {
  YamlValue v;
  switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      return v;
    case YAML::NodeType::Scalar: {
      const std::string& tag = node.Tag();
      if (tag == "?") return resolve_plain_scalar(node.Scalar());
      if (tag == "!" || tag == "tag:yaml.org,2002:str") return string_value(node.Scalar());
      throw BundleError(where + ": the tag `" + tag + "` is not supported in a manifest");
    }
    case YAML::NodeType::Sequence:
      v.kind = YamlValue::Kind::Sequence;
      for (std::size_t i = 0; i < node.size(); ++i)
        v.sequence.push_back(yaml_to_value(node[i], where + "[" + std::to_string(i) + "]"));
      return v;
    case YAML::NodeType::Map:
      v.kind = YamlValue::Kind::Mapping;
      for (const auto& entry : node) {
        YamlValue key = yaml_to_value(entry.first, where + " (a key)");
        const std::string key_name = key.kind == YamlValue::Kind::String ? key.string : "?";
        v.mapping.push_back({std::move(key), yaml_to_value(entry.second, where + "." + key_name)});
      }
      return v;
  }
  return v;
}

void emit_string(YAML::Emitter& out, const std::string& text) {
  // "0017" reads back as a string here, but YAML 1.1 readers take it for octal.
  if (resolve_plain_scalar(text).kind != YamlValue::Kind::String || digits_but_not_number(text))
    out << YAML::SingleQuoted << text;
  else
    out << text;
}

void emit_value(YAML::Emitter& out, const YamlValue& value) {
  switch (value.kind) {
    case YamlValue::Kind::Null:
      out << YAML::Null;
      return;
    case YamlValue::Kind::Bool:
      out << (value.boolean ? "true" : "false");
      return;
    case YamlValue::Kind::Uint:
      out << std::to_string(value.uint_value);
      return;
    case YamlValue::Kind::Int:
      out << std::to_string(value.int_value);
      return;
    case YamlValue::Kind::Float:
      out << float_text(value.float_value);
      return;
    case YamlValue::Kind::String:
      emit_string(out, value.string);
      return;
    case YamlValue::Kind::Sequence:
      out << YAML::BeginSeq;
      for (const auto& item : value.sequence) emit_value(out, item);
      out << YAML::EndSeq;
      return;
    case YamlValue::Kind::Mapping:
      out << YAML::BeginMap;
      for (const auto& [key, item] : value.mapping) {
        out << YAML::Key;
        emit_value(out, key);
        out << YAML::Value;
        emit_value(out, item);
      }
      out << YAML::EndMap;
      return;
  }
}

}  // namespace hdk_pack
