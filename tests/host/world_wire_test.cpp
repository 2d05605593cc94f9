// The new wire shapes byte by byte: internally and adjacently tagged enums,
// a field renamed around a C++ keyword, HoloHash as a 39-byte bin.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <hdk/types.hpp>

namespace {

std::vector<std::uint8_t> str(std::string_view s) {
  std::vector<std::uint8_t> out;
  out.push_back(static_cast<std::uint8_t>(0xa0 | s.size()));
  for (char c : s) out.push_back(static_cast<std::uint8_t>(c));
  return out;
}

template <class... Parts>
std::vector<std::uint8_t> cat(const Parts&... parts) {
  std::vector<std::uint8_t> out;
  auto append = [&out](const auto& part) {
    for (auto byte : part) out.push_back(static_cast<std::uint8_t>(byte));
  };
  (append(parts), ...);
  return out;
}

hdk::AgentPubKey agent(std::uint8_t fill) {
  hdk::AgentPubKey k;
  k.bytes.fill(fill);
  k.bytes[0] = 0x84, k.bytes[1] = 0x20, k.bytes[2] = 0x24;
  return k;
}

std::vector<std::uint8_t> bin39(const std::array<std::uint8_t, 39>& b) {
  return cat(std::vector<std::uint8_t>{0xc4, 39}, b);
}

}  // namespace

TEST_CASE("wire: an app Entry is adjacently tagged") {
  const hdk::Entry entry = hdk::Entry::app(std::string("hi"));
  const auto expected = cat(std::vector<std::uint8_t>{0x82}, str("entry_type"), str("App"),
                            str("entry"), std::vector<std::uint8_t>{0xc4, 0x03, 0xa2, 'h', 'i'});
  CHECK(hdk::encode_to_vector(entry) == expected);
  hdk::Entry back;
  hdk::DecodeError err;
  REQUIRE(hdk::decode(expected, back, err));
  std::string text;
  CHECK(back.decode_app(text));
  CHECK(text == "hi");
  // The tag may come after the content (serde reads either order).
  const auto swapped =
      cat(std::vector<std::uint8_t>{0x82}, str("entry"),
          std::vector<std::uint8_t>{0xc4, 0x01, 0xc0}, str("entry_type"), str("App"));
  CHECK(hdk::decode(swapped, back, err));
  CHECK_FALSE(
      hdk::decode(cat(std::vector<std::uint8_t>{0x81}, str("entry_type"), str("Nope")), back, err));
  CHECK_THAT(err.message, Catch::Contains("unknown variant"));
}

TEST_CASE("wire: an Action is internally tagged by \"type\"") {
  const hdk::Action action = hdk::action::Dna{agent(1), hdk::Timestamp{5}, hdk::DnaHash{}};
  // Dna's default hash has no prefix; give it the DNA prefix.
  hdk::action::Dna dna{agent(1), hdk::Timestamp{5}, {}};
  dna.hash.bytes.fill(2);
  dna.hash.bytes[0] = 0x84, dna.hash.bytes[1] = 0x2d, dna.hash.bytes[2] = 0x24;
  const auto expected = cat(std::vector<std::uint8_t>{0x84}, str("type"), str("Dna"), str("author"),
                            bin39(agent(1).bytes), str("timestamp"),
                            std::vector<std::uint8_t>{0x05}, str("hash"), bin39(dna.hash.bytes));
  CHECK(hdk::encode_to_vector(hdk::Action(dna)) == expected);
  hdk::Action back;
  hdk::DecodeError err;
  REQUIRE(hdk::decode(expected, back, err));
  REQUIRE(std::holds_alternative<hdk::action::Dna>(back.as_variant()));
  CHECK(std::get<hdk::action::Dna>(back.as_variant()).hash == dna.hash);
  (void)action;
}

TEST_CASE("wire: a trailing underscore names a keyword field") {
  hdk::op::RegisterDelete del;
  const auto bytes = hdk::encode_to_vector(hdk::Op(del));
  // {"RegisterDelete": {"delete": ...}}
  const auto head = cat(std::vector<std::uint8_t>{0x81}, str("RegisterDelete"),
                        std::vector<std::uint8_t>{0x81}, str("delete"));
  REQUIRE(bytes.size() > head.size());
  CHECK(std::equal(head.begin(), head.end(), bytes.begin()));
}

TEST_CASE("wire: HoloHash is a 39-byte bin with a prefix its type allows") {
  const auto key = agent(7);
  CHECK(hdk::encode_to_vector(key) == bin39(key.bytes));
  hdk::AgentPubKey back;
  hdk::DecodeError err;
  REQUIRE(hdk::decode(bin39(key.bytes), back, err));
  CHECK(back == key);
  hdk::EntryHash wrong;
  CHECK_FALSE(hdk::decode(bin39(key.bytes), wrong, err));  // an agent prefix is no entry hash
  hdk::AnyLinkableHash any = hdk::to_any_linkable(key);
  CHECK(any.bytes[1] == 0x21);  // an agent key links as an entry (holo_hash retype)
  CHECK(std::equal(any.bytes.begin() + 3, any.bytes.end(), key.bytes.begin() + 3));
  const std::vector<std::uint8_t> short_bin{0xc4, 0x02, 0x84, 0x20};
  CHECK_FALSE(hdk::decode(short_bin, back, err));
}

// The bytes rmp-serde writes (with_struct_map, as holochain_serialized_bytes
// does) for Rust mirrors of Holochain 0.5.6's types, attribute for attribute
// (tag = "type", tag/content = "entry_type"/"entry", serde_bytes fields,
// HoloHash as bytes): the "world" set of tests/vectors/rmp_serde_vectors.json,
// printed by tests/vectors/generator (src/world.rs builds the same values as
// the test below).
namespace {

struct WorldVector {
  std::string hex;
  bool roundtrip = false;  // rmp-serde reads its own bytes back to the same value
};

const std::map<std::string, WorldVector>& world_vectors() {
  static const std::map<std::string, WorldVector> vectors = [] {
    std::ifstream in(std::string(HDK_TEST_SOURCE_DIR) + "/tests/vectors/rmp_serde_vectors.json");
    REQUIRE(in.good());
    const auto json = nlohmann::json::parse(in);
    std::map<std::string, WorldVector> out;
    for (const auto& v : json.at("world")) {
      const bool fresh =
          out.emplace(v.at("name").get<std::string>(), WorldVector{v.at("hex"), v.at("roundtrip")})
              .second;
      REQUIRE(fresh);
    }
    return out;
  }();
  return vectors;
}

template <hdk::HashType T>
hdk::HoloHash<T> h(std::uint8_t p, std::uint8_t fill) {
  hdk::HoloHash<T> x;
  x.bytes.fill(fill);
  x.bytes[0] = 0x84, x.bytes[1] = p, x.bytes[2] = 0x24;
  return x;
}

std::string to_hex(const std::vector<std::uint8_t>& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (auto b : bytes) out += kDigits[b >> 4], out += kDigits[b & 15];
  return out;
}

std::vector<std::uint8_t> from_hex(const std::string& hex) {
  std::vector<std::uint8_t> out(hex.size() / 2);
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = static_cast<std::uint8_t>(std::stoi(hex.substr(2 * i, 2), nullptr, 16));
  return out;
}

}  // namespace

TEST_CASE("wire: world types match rmp-serde byte for byte") {
  using namespace hdk;
  std::set<std::string> checked;
  // Our bytes must be rmp-serde's, and we must read them back to a value
  // that encodes to the same bytes.
  auto check = [&]<class T>(const char* name, const T& value) {
    CAPTURE(name);
    REQUIRE(checked.insert(name).second);
    REQUIRE(world_vectors().count(name) == 1);
    const WorldVector& v = world_vectors().at(name);
    CHECK(to_hex(encode_to_vector(value)) == v.hex);
    CHECK(v.roundtrip);
    T back{};
    DecodeError err;
    const bool ok = decode(from_hex(v.hex), back, err);
    CAPTURE(err.message);
    CHECK(ok);
    if (ok) CHECK(to_hex(encode_to_vector(back)) == v.hex);
  };
  auto agent = h<HashType::Agent>(0x20, 1);
  auto eh = h<HashType::Entry>(0x21, 2);
  auto ah = h<HashType::Action>(0x29, 3);
  auto dna = h<HashType::Dna>(0x2d, 4);
  Signature sig{Bytes(64, 9)};
  Entry app = entry::App{AppEntryBytes{Bytes{0xa2, 'h', 'i'}}};
  action::Create create{
      agent,
      Timestamp{1700000000000000},
      5,
      ah,
      entry_type::App{AppEntryDef{EntryDefIndex{1}, ZomeIndex{0}, EntryVisibility::Public}},
      eh,
      {}};
  action::CreateLink cl{agent,
                        Timestamp{7},
                        6,
                        ah,
                        to_any_linkable(eh),
                        to_any_linkable(ah),
                        ZomeIndex{0},
                        LinkType{1},
                        LinkTag::from_string("tag"),
                        {}};
  action::Delete del{agent, Timestamp{8}, 7, ah, ah, eh, {}};
  Record rec;
  rec.signed_action.hashed.content = create;
  rec.signed_action.hashed.hash = ah;
  rec.signed_action.signature = sig;
  rec.entry = record_entry::Present{app};
  check("entry_app", app);
  check("entry_agent", Entry(entry::Agent{agent}));
  check("action_dna", Action(action::Dna{agent, Timestamp{1}, dna}));
  check("action_avp", Action(action::AgentValidationPkg{agent, Timestamp{2}, 1, ah, std::nullopt}));
  check("action_create", Action(create));
  check("action_create_link", Action(cl));
  check("action_delete", Action(del));
  check("record", rec);
  check("op_store_record", Op(op::StoreRecord{rec}));
  op::StoreEntry se;
  se.action.hashed.content = entry_creation_action::Create{Bare<action::Create>{create}};
  se.action.hashed.hash = ah;
  se.action.signature = sig;
  se.entry = app;
  check("op_store_entry", Op(se));
  op::RegisterDelete rd;
  rd.delete_.hashed.content.value = del;
  rd.delete_.hashed.hash = ah;
  rd.delete_.signature = sig;
  check("op_register_delete", Op(rd));
  op::RegisterCreateLink rc;
  rc.create_link.hashed.content.value = cl;
  rc.create_link.hashed.hash = ah;
  rc.create_link.signature = sig;
  check("op_register_create_link", Op(rc));
  check("create_input",
        CreateInput{entry_def_location::App{AppEntryDefLocation{ZomeIndex{0}, EntryDefIndex{1}}},
                    EntryVisibility::Public, app, ChainTopOrdering::Strict});
  check("get_links_input",
        std::vector<GetLinksInput>{GetLinksInput{
            to_any_linkable(eh), link_type_filter::Types{{{ZomeIndex{0}, {LinkType{1}}}}},
            GetOptions{}, LinkTag::from_string("t"), std::nullopt, Timestamp{9}, std::nullopt}});
  check("link", Link{agent, to_any_linkable(eh), to_any_linkable(ah), Timestamp{3}, ZomeIndex{0},
                     LinkType{1}, LinkTag{Bytes{1, 2}}, ah});
  check("validate_invalid", invalid("no"));
  check("validate_valid", valid());
  check("agent_info", AgentInfo{agent, {ah, 4, Timestamp{5}}});
  check("call_info", CallInfo{agent, "f", {ah, 4, Timestamp{5}}, cap_grant::ChainAuthor{agent}});
  check("hash_input_blake2b", HashInput{hash_input::Blake2B{Bytes{1, 2, 3}, 16}});
  check("hash_input_entry", HashInput{hash_input::Entry{app}});
  check("verify_signature", VerifySignature{agent, sig, Bytes{7}});
  Call c;
  c.zome_name = "z";
  c.fn_name = "f";
  c.payload = ExternIO{Bytes{0xc0}};
  check("call", std::vector<Call>{c});
  ChainQueryFilter q;
  q.sequence_range = chain_query_filter_range::ActionSeqRange{1, 3};
  q.entry_type = std::vector<EntryType>{entry_type::AgentPubKey{}};
  q.action_type = std::vector<ActionType>{ActionType::Create, ActionType::CreateLink};
  q.include_entries = true;
  check("query", q);
  check("app_signal", AppSignal{ExternIO{Bytes{0xa2, 'h', 'i'}}});
  check("remote_signal", RemoteSignal{{agent, agent}, ExternIO{Bytes{0xa2, 'h', 'i'}}});
  check("must_get_entry_input", MustGetEntryInput{eh});
  check("must_get_action_input", MustGetActionInput{ah});
  check("must_get_valid_record_input", MustGetValidRecordInput{ah});
  check("roundtrip_create", Action(create));

  // get_details.
  action::Update upd{
      agent,
      Timestamp{10},
      8,
      ah,
      ah,
      eh,
      entry_type::App{AppEntryDef{EntryDefIndex{1}, ZomeIndex{0}, EntryVisibility::Public}},
      h<HashType::Entry>(0x21, 5),
      {}};
  check("action_update", Action(upd));
  auto signed_action = [&](Action a, ActionHash hash) {
    SignedActionHashed out;
    out.hashed.content = std::move(a);
    out.hashed.hash = hash;
    out.signature = sig;
    return out;
  };
  const auto signed_delete = signed_action(del, h<HashType::Action>(0x29, 6));
  const auto signed_update = signed_action(upd, h<HashType::Action>(0x29, 7));
  check("validation_status_all",
        std::vector<ValidationStatus>{ValidationStatus::Valid, ValidationStatus::Rejected,
                                      ValidationStatus::Abandoned});
  check("entry_dht_status_all",
        std::vector<EntryDhtStatus>{EntryDhtStatus::Live, EntryDhtStatus::Dead,
                                    EntryDhtStatus::Pending, EntryDhtStatus::Rejected,
                                    EntryDhtStatus::Abandoned, EntryDhtStatus::Conflict,
                                    EntryDhtStatus::Withdrawn, EntryDhtStatus::Purged});
  check("details_record", Details(details::Record{RecordDetails{
                              rec, ValidationStatus::Valid, {signed_delete}, {signed_update}}}));
  check(
      "details_entry",
      Details(details::Entry{EntryDetails{
          app, {rec.signed_action}, {}, {signed_delete}, {signed_update}, EntryDhtStatus::Dead}}));
  // get_details answers one Option<Details> per input hash.
  check("details_output",
        std::vector<std::optional<Details>>{
            std::nullopt,
            Details(details::Record{RecordDetails{rec, ValidationStatus::Rejected, {}, {}}})});

  // Every vector of the world set has its C++ value here.
  CHECK(checked.size() == world_vectors().size());
  for (const auto& [name, v] : world_vectors()) {
    CAPTURE(name);
    CHECK(checked.count(name) == 1);
  }
}
