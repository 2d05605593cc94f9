// hdk-new NAME [--entry-type TYPE] [--fields f:T,...] [--collection global|by-author] [--dir DIR]
// Writes a new zome project, in the spirit of `hc scaffold`: an integrity zome
// and a coordinator zome with one entry type and one link type, a
// CMakeLists.txt on the hdk package, a two-agent scenario test, the DNA's and
// hApp's manifests in Holochain 0.7's format, and a README with the two
// commands that build and test it.
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "hdk_host/holo_hash_base64.hpp"
#include "hdk_host/world.hpp"

namespace fs = std::filesystem;

namespace {

const char* kUsage =
    "usage: hdk-new NAME [--entry-type TYPE] [--fields NAME:TYPE,...]\n"
    "               [--collection global|by-author] [--dir DIR]\n"
    "  NAME          the project, its DNA and its zomes (NAME_integrity, NAME); snake_case\n"
    "  --entry-type  the entry type, snake_case (default post)\n"
    "  --fields      its fields (default title:String,body:String); types as in Rust:\n"
    "                String bool u8 u16 u32 u64 i8 i16 i32 i64 f32 f64 Timestamp\n"
    "                AgentPubKey ActionHash EntryHash Option<T> Vec<T>\n"
    "  --collection  global: every entry linked from one path (get_all_TYPEs);\n"
    "                by-author: linked from its author's key (get_TYPEs_by_author)\n"
    "                (default global)\n"
    "  --dir         where to write the project (default ./NAME); must not exist or be empty\n";

/// A usage error: the message, then the usage, exit 2.
struct UsageError {
  std::string message;
};

bool is_keyword(const std::string& word) {
  static const std::set<std::string> words{
      "alignas", "alignof",   "and",    "asm",      "auto",      "bool",     "break",    "case",
      "catch",   "char",      "class",  "const",    "constexpr", "continue", "default",  "delete",
      "do",      "double",    "else",   "enum",     "explicit",  "export",   "extern",   "false",
      "float",   "for",       "friend", "goto",     "if",        "inline",   "int",      "long",
      "mutable", "namespace", "new",    "noexcept", "not",       "nullptr",  "operator", "or",
      "private", "protected", "public", "register", "return",    "short",    "signed",   "sizeof",
      "static",  "struct",    "switch", "template", "this",      "throw",    "true",     "try",
      "typedef", "typename",  "union",  "unsigned", "using",     "virtual",  "void",     "volatile",
      "while",   "xor",       "std",    "hdk",      "hdk_host",  "posix",    "test",     "check",
      "main"};
  return words.count(word) != 0;
}

/// snake_case: a lower-case letter, then lower-case letters, digits and '_'.
void require_snake(const std::string& what, const std::string& word) {
  bool ok = !word.empty() && std::islower(static_cast<unsigned char>(word[0]));
  for (char c : word)
    ok = ok && (std::islower(static_cast<unsigned char>(c)) ||
                std::isdigit(static_cast<unsigned char>(c)) || c == '_');
  if (!ok) throw UsageError{what + " `" + word + "` is not snake_case (e.g. my_app)"};
  if (is_keyword(word)) throw UsageError{what + " `" + word + "` is a reserved name"};
}

std::string pascal(const std::string& snake) {
  std::string out;
  bool up = true;
  for (char c : snake) {
    if (c == '_') {
      up = true;
      continue;
    }
    out += up ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    up = false;
  }
  return out;
}

std::string plural(const std::string& word) {
  auto ends = [&](const std::string& s) {
    return word.size() >= s.size() && word.compare(word.size() - s.size(), s.size(), s) == 0;
  };
  if (ends("s") || ends("x") || ends("ch") || ends("sh")) return word + "es";
  if (ends("y") && word.size() > 1 &&
      std::string("aeiou").find(word[word.size() - 2]) == std::string::npos)
    return word.substr(0, word.size() - 1) + "ies";
  return word + "s";
}

/// A field's type: its C++ spelling and how the test writes a sample value.
struct FieldType {
  std::string cpp;
  std::string sample;   // a C++ expression (may use `scenario` and `alice`)
  std::string initial;  // a default member initialiser, for scalars
  bool is_string = false;
  std::string json{};  // the sample in scenario.yaml's JSON (hdk-run's forms)
};

/// A made-up hash of `Type` in its base64 form: scenario.yaml's sample for a
/// hash field (nothing checks that it names a record).
template <hdk::HashType Type>
std::string sample_hash(const hdk::hash_prefix::Prefix& prefix) {
  const std::string seed = "hdk-new sample";
  const auto digest = hdk_host::world::blake2b_256(
      std::span(reinterpret_cast<const std::uint8_t*>(seed.data()), seed.size()));
  return "\"" + hdk_host::to_base64(hdk_host::world::make_hash<Type>(prefix, digest)) + "\"";
}

FieldType field_type(const std::string& rust) {
  auto inner = [&](const std::string& prefix) -> std::optional<std::string> {
    if (rust.size() > prefix.size() + 1 && rust.compare(0, prefix.size(), prefix) == 0 &&
        rust.back() == '>')
      return rust.substr(prefix.size(), rust.size() - prefix.size() - 1);
    return std::nullopt;
  };
  if (auto t = inner("Option<")) {
    const FieldType of = field_type(*t);
    return {"std::optional<" + of.cpp + ">", "std::optional<" + of.cpp + ">{" + of.sample + "}", "",
            false, of.json};
  }
  if (auto t = inner("Vec<")) {
    const FieldType of = field_type(*t);
    return {"std::vector<" + of.cpp + ">", "std::vector<" + of.cpp + ">{" + of.sample + "}", "",
            false, "[" + of.json + "]"};
  }
  static const std::map<std::string, FieldType> scalars{
      {"String", {"std::string", "\"text\"", "", true, "\"text\""}},
      {"bool", {"bool", "true", " = false", false, "false"}},
      {"u8", {"std::uint8_t", "7", " = 0", false, "7"}},
      {"u16", {"std::uint16_t", "7", " = 0", false, "7"}},
      {"u32", {"std::uint32_t", "7", " = 0", false, "7"}},
      {"u64", {"std::uint64_t", "7", " = 0", false, "7"}},
      {"i8", {"std::int8_t", "-7", " = 0", false, "-7"}},
      {"i16", {"std::int16_t", "-7", " = 0", false, "-7"}},
      {"i32", {"std::int32_t", "-7", " = 0", false, "-7"}},
      {"i64", {"std::int64_t", "-7", " = 0", false, "-7"}},
      {"f32", {"float", "1.5f", " = 0", false, "1.5"}},
      {"f64", {"double", "1.5", " = 0", false, "1.5"}},
      {"Timestamp",
       {"hdk::Timestamp", "hdk::Timestamp{1700000000000000}", "", false, "1700000000000000"}},
      {"AgentPubKey", {"hdk::AgentPubKey", "alice.key", "", false, "\"${alice}\""}},
      {"ActionHash",
       {"hdk::ActionHash", "scenario->chain(alice).front().action_address()", "", false,
        sample_hash<hdk::HashType::Action>(hdk::hash_prefix::kAction)}},
      {"EntryHash",
       {"hdk::EntryHash", "*scenario->chain(alice).back().action().entry_hash()", "", false,
        sample_hash<hdk::HashType::Entry>(hdk::hash_prefix::kEntry)}},
  };
  const auto it = scalars.find(rust);
  if (it == scalars.end())
    throw UsageError{"unknown field type `" + rust +
                     "` (String, bool, u8..u64, i8..i64, f32, f64, Timestamp, AgentPubKey, "
                     "ActionHash, EntryHash, Option<T>, Vec<T>)"};
  return it->second;
}

struct Field {
  std::string name;
  FieldType type;
};

std::vector<Field> parse_fields(const std::string& spec) {
  std::vector<Field> fields;
  std::set<std::string> seen;
  std::stringstream in(spec);
  std::string item;
  while (std::getline(in, item, ',')) {
    const auto colon = item.find(':');
    if (colon == std::string::npos)
      throw UsageError{"field `" + item + "` has no type (NAME:TYPE, e.g. title:String)"};
    Field field{item.substr(0, colon), field_type(item.substr(colon + 1))};
    require_snake("field", field.name);
    if (!seen.insert(field.name).second) throw UsageError{"field `" + field.name + "` twice"};
    fields.push_back(std::move(field));
  }
  if (fields.empty()) throw UsageError{"--fields names no field"};
  return fields;
}

std::string replace_all(std::string text, const std::map<std::string, std::string>& vars) {
  for (const auto& [key, value] : vars) {
    const std::string mark = "{{" + key + "}}";
    for (std::size_t pos = text.find(mark); pos != std::string::npos;
         pos = text.find(mark, pos + value.size()))
      text.replace(pos, mark.size(), value);
  }
  return text;
}

// ---- the project's files ----

const char* kCMakeLists = R"(cmake_minimum_required(VERSION 3.20)
project({{name}} CXX)

# hdk-cpp's package: hdk::hdk, hdk::host, hdk_add_zome and hdk_add_zome_test.
find_package(hdk 0.1 CONFIG REQUIRED)

# The DNA's zomes. Natively each is a library (lib{{name}}.so); the build also
# makes each with every wasm toolchain (build/wasm-wasi/zomes/{{name}}.wasm, ...).
hdk_add_zome({{name}}_integrity SOURCES zomes/{{name}}_integrity.cpp)
hdk_add_zome({{name}} SOURCES zomes/{{name}}.cpp)

# The scenario test: one ctest per runtime (native, each toolchain x engine).
hdk_add_zome_test({{name}}_test SOURCES tests/{{name}}_test.cpp ZOMES {{name}}_integrity {{name}})
)";

const char* kTypes = R"(// {{name}}'s entry and link types, shared by its integrity zome and its
// coordinator, so the two cannot disagree on an entry's shape or a type's index.
#pragma once

#include <hdk/hdk.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace {{name}} {

struct {{Type}} {
{{members}}  HDK_STRUCT({{field_list}});
  friend bool operator==(const {{Type}}& a, const {{Type}}& b) {
    return {{equality}};
  }
};

// The order is the wire format: append new types, never reorder.
HDK_ENTRY_TYPES(EntryTypes, {{Type}});
HDK_LINK_TYPES(LinkTypes, {{LinkType}});

}  // namespace {{name}}
)";

const char* kIntegrity =
    R"(// {{name}}'s integrity zome: the rules every agent checks before a {{type}} or a
// link reaches the DHT. One Invalid answer aborts the call that wrote it.
#include "{{name}}_types.hpp"

using {{name}}::EntryTypes;
using {{name}}::LinkTypes;
using {{name}}::{{Type}};

HDK_INTEGRITY_TYPES(EntryTypes, LinkTypes);

namespace {

using Flat = hdk::FlatOp<EntryTypes, LinkTypes>;

hdk::ValidateCallbackResult validate_{{type}}(const {{Type}}& {{type}}) {
{{rule}}  return hdk::valid();
}

}  // namespace

hdk::ExternResult<hdk::ValidateCallbackResult> validate(hdk::Op op) {
  // flattened() decodes each entry as the type its action names.
  HDK_TRY(const Flat flat, (op.flattened<EntryTypes, LinkTypes>()));
  if (const auto* create = flat.get_if<Flat::OpEntry::CreateEntry>())
    return validate_{{type}}(std::get<{{Type}}>(create->app_entry));
  if (const auto* update = flat.get_if<Flat::OpEntry::UpdateEntry>())
    return validate_{{type}}(std::get<{{Type}}>(update->app_entry));
  // Only its creator may delete a link.
  if (const auto* unlink = flat.get_if<Flat::OpLink::DeleteLink>()) {
    if (unlink->action.author() != unlink->original_action.author())
      return hdk::invalid("only its creator may delete a link");
  }
  return hdk::valid();
}
HDK_EXTERN(validate);
)";

// What both collections' coordinator zomes begin with.
const char* kCoordinatorHead =
    R"(// {{name}}'s coordinator zome: the functions clients call. Whether a write is
// allowed is the integrity zome's decision ({{name}}_integrity.cpp).
#include "{{name}}_types.hpp"

#include <optional>
#include <vector>

using {{name}}::EntryTypes;
using {{name}}::LinkTypes;
using {{name}}::{{Type}};
)";

const char* kCoordinatorGlobal = R"(
namespace {

/// Every {{type}} is linked from here: the hash of the path "all_{{types}}", which
/// every agent computes alike (nothing is committed for it).
hdk::ExternResult<hdk::AnyLinkableHash> all_{{types}}_base() {
  HDK_TRY(const hdk::EntryHash base, hdk::Path::from("all_{{types}}").path_entry_hash());
  return hdk::to_any_linkable(base);
}

}  // namespace

/// Commits the {{type}} and its link in one call: both or neither.
hdk::ExternResult<hdk::ActionHash> create_{{type}}({{Type}} {{type}}) {
  HDK_TRY(const hdk::ActionHash hash, hdk::create_entry<EntryTypes>({{type}}));
  HDK_TRY(const auto base, all_{{types}}_base());
  HDK_TRY(const auto link,
          hdk::create_link(base, hdk::to_any_linkable(hash), LinkTypes::{{LinkType}}));
  (void)link;
  return hash;
}
HDK_EXTERN(create_{{type}});

/// The {{type}} at `hash`; none if this agent cannot find it.
hdk::ExternResult<std::optional<{{Type}}>> get_{{type}}(hdk::ActionHash hash) {
  HDK_TRY(const auto record, hdk::get(hash));
  if (!record) return std::optional<{{Type}}>{};
  return record->entry_as<{{Type}}>();
}
HDK_EXTERN(get_{{type}});

/// The links to every {{type}}, oldest first.
hdk::ExternResult<std::vector<hdk::Link>> get_all_{{types}}() {
  HDK_TRY(const auto base, all_{{types}}_base());
  return hdk::get_links(base, LinkTypes::{{LinkType}});
}
HDK_EXTERN(get_all_{{types}});
)";

const char* kCoordinatorByAuthor = R"(
/// Commits the {{type}} and a link to it from its author's key, in one call.
hdk::ExternResult<hdk::ActionHash> create_{{type}}({{Type}} {{type}}) {
  HDK_TRY(const hdk::ActionHash hash, hdk::create_entry<EntryTypes>({{type}}));
  HDK_TRY(const auto me, hdk::agent_info());
  HDK_TRY(const auto link, hdk::create_link(hdk::to_any_linkable(me.agent_initial_pubkey),
                                            hdk::to_any_linkable(hash), LinkTypes::{{LinkType}}));
  (void)link;
  return hash;
}
HDK_EXTERN(create_{{type}});

/// The {{type}} at `hash`; none if this agent cannot find it.
hdk::ExternResult<std::optional<{{Type}}>> get_{{type}}(hdk::ActionHash hash) {
  HDK_TRY(const auto record, hdk::get(hash));
  if (!record) return std::optional<{{Type}}>{};
  return record->entry_as<{{Type}}>();
}
HDK_EXTERN(get_{{type}});

/// The links to every {{type}} `author` wrote, oldest first.
hdk::ExternResult<std::vector<hdk::Link>> get_{{types}}_by_author(hdk::AgentPubKey author) {
  return hdk::get_links(hdk::to_any_linkable(author), LinkTypes::{{LinkType}});
}
HDK_EXTERN(get_{{types}}_by_author);
)";

const char* kTest = R"(// {{name}}'s scenario test: two agents on one DHT. hdk_add_zome_test runs it
// once per runtime (natively, and each wasm build of the zomes on each engine).
#include <optional>
#include <vector>

#include <catch2/catch.hpp>
#include <hdk_host/zome_test.hpp>

#include "../zomes/{{name}}_types.hpp"

using {{name}}::{{Type}};

namespace {

/// The DNA: the integrity zome and the coordinator, as this runtime loads them.
std::unique_ptr<hdk_host::Scenario> installed() {
  const auto& rt = hdk_host::zome_test::runtime();
  auto scenario = rt.scenario();
  scenario->install({"{{name}}", "", rt.zome("{{name}}_integrity"), {rt.zome("{{name}}")}});
  return scenario;
}

/// The value of a call that must succeed.
template <class T>
T ok(const hdk_host::CallResult& result) {
  INFO(result.describe());
  REQUIRE(result.ok());
  return result.value<T>();
}

}  // namespace

TEST_CASE("alice creates a {{type}}; bob gets it and finds it by its link") {
  auto scenario = installed();
  const auto alice = scenario->add_agent("alice");
  const auto bob = scenario->add_agent("bob");

  const {{Type}} {{type}}{{{sample}}};
  const auto hash = ok<hdk::ActionHash>(scenario->call(alice, "{{name}}", "create_{{type}}", {{type}}));
  CHECK(scenario->chain(alice).back().action().type_name() == "CreateLink");

  const auto got = ok<std::optional<{{Type}}>>(scenario->call(bob, "{{name}}", "get_{{type}}", hash));
  REQUIRE(got);
  CHECK(*got == {{type}});

{{links_check}}}
{{invalid_test}})";

const char* kLinksGlobal = R"(  const auto links =
      ok<std::vector<hdk::Link>>(scenario->call(bob, "{{name}}", "get_all_{{types}}", hdk::Unit{}));
  REQUIRE(links.size() == 1);
  CHECK(links[0].target == hdk::to_any_linkable(hash));
  CHECK(links[0].author == alice.key);
)";

const char* kLinksByAuthor = R"(  const auto alices = ok<std::vector<hdk::Link>>(
      scenario->call(bob, "{{name}}", "get_{{types}}_by_author", alice.key));
  REQUIRE(alices.size() == 1);
  CHECK(alices[0].target == hdk::to_any_linkable(hash));
  CHECK(alices[0].author == alice.key);
  const auto bobs = ok<std::vector<hdk::Link>>(
      scenario->call(alice, "{{name}}", "get_{{types}}_by_author", bob.key));
  CHECK(bobs.empty());
)";

const char* kInvalidTest = R"(
TEST_CASE("a {{type}} with an empty {{string_field}} is refused, and nothing is committed") {
  auto scenario = installed();
  const auto alice = scenario->add_agent("alice");
  {{Type}} {{type}}{{{sample}}};
  {{type}}.{{string_field}}.clear();
  // The first call runs init, which commits; count from after it.
{{warmup}}  const auto before = scenario->chain(alice).size();
  const auto refused = scenario->call(alice, "{{name}}", "create_{{type}}", {{type}});
  REQUIRE_FALSE(refused.ok());
  CHECK_THAT(refused.describe(), Catch::Contains("a {{type}} needs a {{string_field}}"));
  CHECK(scenario->chain(alice).size() == before);
}
)";

const char* kDnaYaml =
    R"(# {{name}}'s DNA, in Holochain 0.7's manifest format. The paths are relative
# to this file: the wasi build of the zomes (cmake --build build makes them).
manifest_version: '0'
name: {{name}}
integrity:
  network_seed: null
  properties: null
  zomes:
  - name: {{name}}_integrity
    hash: null
    path: build/wasm-wasi/zomes/{{name}}_integrity.wasm
    dependencies: null
coordinator:
  zomes:
  - name: {{name}}
    hash: null
    path: build/wasm-wasi/zomes/{{name}}.wasm
    dependencies:
    - name: {{name}}_integrity
)";

const char* kHappYaml =
    R"(# {{name}}'s hApp, in Holochain 0.7's manifest format: one role, the DNA that
# dna.yaml describes, packed beside this file as {{name}}.dna.
manifest_version: '0'
name: {{name}}
description: null
roles:
- name: {{name}}
  provisioning:
    strategy: create
    deferred: false
  dna:
    path: ./{{name}}.dna
    modifiers:
      network_seed: null
      properties: null
    installed_hash: null
    clone_limit: 0
allow_deferred_memproofs: false
)";

const char* kScenarioYaml =
    R"(# A two-agent run of the packed DNA, for hdk-run (hdk-cpp's docs/scenarios.md):
#   hdk-pack dna .                        # writes {{name}}.dna
#   hdk-run scenario scenario.yaml
# Hashes are Holochain's base64 ("uhCkk..."); "${alice}" is alice's key,
# "${created}" the result of the step named `created`.
dna: {{name}}.dna
agents: [alice, bob]
steps:
  - name: created
    agent: alice
    zome: {{name}}
    fn: create_{{type}}
    input: {{json}}
  - agent: bob
    zome: {{name}}
    fn: get_{{type}}
    input: "${created}"
    expect: {{json}}
{{scenario_collection}})";

const char* kReadme = R"(# {{name}}

A Holochain DNA written in C++ with hdk-cpp: the integrity zome
`zomes/{{name}}_integrity.cpp` (the `{{Type}}` entry type and the `{{LinkType}}` link type,
declared in `zomes/{{name}}_types.hpp`, and their validation), the coordinator zome
`zomes/{{name}}.cpp` ({{functions}}) and a two-agent scenario test, `tests/{{name}}_test.cpp`.

## Build and test

```sh
cmake -S . -B build
cmake --build build --target check
```

The first configures (add `-DCMAKE_PREFIX_PATH=<hdk-cpp's prefix>` if hdk-cpp is not installed
where CMake looks, or `-Dhdk_DIR=<an hdk-cpp build directory>`). The second builds the zomes
natively and with each wasm toolchain, builds the test, and runs it once per runtime through
ctest (`ctest --test-dir build` runs them again; `build/{{name}}_test` runs every runtime by
hand, `--hdk-runtime wasi/interp` one of them).

The wasm zomes are in `build/wasm-wasi/zomes/` (and `build/wasm-emscripten/zomes/`);
`dna.yaml` and `happ.yaml` are their manifests in Holochain 0.7's format.

## Pack and run

```sh
hdk-pack dna .                  # {{name}}.dna, and the DNA hash a conductor computes
hdk-pack happ .                 # {{name}}.happ, for a Holochain 0.7 conductor
hdk-run scenario scenario.yaml  # two agents on the packed DNA
```

`scenario.yaml` creates a {{type}} as alice and reads it back as bob; each step prints its
result, the records it committed and the signals it emitted.
)";

const char* kGitignore = "build/\n*.dna\n*.happ\n";

const char* kScenarioGlobal = R"(  - agent: bob
    zome: {{name}}
    fn: get_all_{{types}}
)";

const char* kScenarioByAuthor = R"(  - agent: bob
    zome: {{name}}
    fn: get_{{types}}_by_author
    input: "${alice}"
)";

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace

int main(int argc, char** argv) {
  try {
    std::optional<std::string> name;
    std::string type = "post";
    std::string fields_spec = "title:String,body:String";
    std::string collection = "global";
    std::optional<fs::path> dir;
    for (int i = 1; i < argc; ++i) {
      const std::string arg = argv[i];
      auto value = [&]() -> std::string {
        if (i + 1 == argc) throw UsageError{arg + " takes a value"};
        return argv[++i];
      };
      if (arg == "-h" || arg == "--help") {
        std::cout << kUsage;
        return 0;
      } else if (arg == "--entry-type") {
        type = value();
      } else if (arg == "--fields") {
        fields_spec = value();
      } else if (arg == "--collection") {
        collection = value();
      } else if (arg == "--dir") {
        dir = value();
      } else if (!arg.empty() && arg[0] == '-') {
        throw UsageError{"unknown option " + arg};
      } else if (!name) {
        name = arg;
      } else {
        throw UsageError{"one NAME only (got `" + *name + "` and `" + arg + "`)"};
      }
    }
    if (!name) throw UsageError{"no NAME"};
    require_snake("NAME", *name);
    require_snake("--entry-type", type);
    if (collection != "global" && collection != "by-author")
      throw UsageError{"--collection is global or by-author, not `" + collection + "`"};
    const auto fields = parse_fields(fields_spec);
    for (const auto& f : fields)
      if (f.name == type) throw UsageError{"field `" + f.name + "` has the entry type's name"};

    const fs::path root = dir ? *dir : fs::path(*name);
    if (fs::exists(root) && !(fs::is_directory(root) && fs::is_empty(root)))
      throw std::runtime_error(root.string() + " exists and is not an empty directory");

    const bool global = collection == "global";
    const std::string types = plural(type);
    std::string members, field_list, equality, sample, json;
    std::optional<std::string> string_field;
    for (const auto& f : fields) {
      members += "  " + f.type.cpp + " " + f.name + f.type.initial + ";\n";
      field_list += (field_list.empty() ? "" : ", ") + f.name;
      equality +=
          (equality.empty() ? "" : " &&\n           ") + ("a." + f.name + " == b." + f.name);
      const std::string value = f.type.is_string ? "\"" + f.name + " 1\"" : f.type.sample;
      sample += (sample.empty() ? "" : ", ") + value;
      json += (json.empty() ? "" : ", ") + f.name + ": " +
              (f.type.is_string ? "\"" + f.name + " 1\"" : f.type.json);
      if (f.type.is_string && !string_field) string_field = f.name;
    }
    std::map<std::string, std::string> vars{
        {"name", *name},
        {"type", type},
        {"types", types},
        {"Type", pascal(type)},
        {"LinkType", global ? "All" + pascal(types) : pascal(types) + "ByAuthor"},
        {"members", members},
        {"field_list", field_list},
        {"equality", equality},
        {"sample", sample},
        {"json", "{" + json + "}"},
        {"string_field", string_field.value_or("")},
        {"functions", "`create_" + type + "`, `get_" + type + "`, " +
                          (global ? "`get_all_" + types + "`" : "`get_" + types + "_by_author`")},
    };
    // An entry with a String field must have it: the rule the test checks.
    vars["rule"] = string_field
                       ? replace_all(
                             "  if ({{type}}.{{string_field}}.empty()) "
                             "return hdk::invalid(\"a {{type}} needs a {{string_field}}\");\n",
                             vars)
                       : "  (void)" + type + ";\n";
    vars["warmup"] =
        replace_all(global ? "  ok<std::vector<hdk::Link>>(scenario->call(alice, \"{{name}}\", "
                             "\"get_all_{{types}}\", "
                             "hdk::Unit{}));\n"
                           : "  ok<std::vector<hdk::Link>>(scenario->call(alice, \"{{name}}\", "
                             "\"get_{{types}}_by_author\", alice.key));\n",
                    vars);
    vars["links_check"] = replace_all(global ? kLinksGlobal : kLinksByAuthor, vars);
    vars["invalid_test"] = string_field ? replace_all(kInvalidTest, vars) : "";
    vars["scenario_collection"] = replace_all(global ? kScenarioGlobal : kScenarioByAuthor, vars);

    write(root / "CMakeLists.txt", replace_all(kCMakeLists, vars));
    write(root / "zomes" / (*name + "_types.hpp"), replace_all(kTypes, vars));
    write(root / "zomes" / (*name + "_integrity.cpp"), replace_all(kIntegrity, vars));
    write(root / "zomes" / (*name + ".cpp"),
          replace_all(
              std::string(kCoordinatorHead) + (global ? kCoordinatorGlobal : kCoordinatorByAuthor),
              vars));
    write(root / "tests" / (*name + "_test.cpp"), replace_all(kTest, vars));
    write(root / "dna.yaml", replace_all(kDnaYaml, vars));
    write(root / "happ.yaml", replace_all(kHappYaml, vars));
    write(root / "scenario.yaml", replace_all(kScenarioYaml, vars));
    write(root / "README.md", replace_all(kReadme, vars));
    write(root / ".gitignore", kGitignore);

    std::cout << "hdk-new: wrote " << root.string() << " (entry type " << pascal(type)
              << ", link type " << vars["LinkType"] << ")\n"
              << "  cd " << root.string() << "\n"
              << "  cmake -S . -B build\n"
              << "  cmake --build build --target check\n";
    return 0;
  } catch (const UsageError& e) {
    std::cerr << "hdk-new: " << e.message << "\n" << kUsage;
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "hdk-new: " << e.what() << "\n";
    return 1;
  }
}
