// Entries on every runtime (tests/zomes/entries_integrity + entries): entry
// defs with their attributes from the one-line declaration, private entries
// that never reach the DHT, DNA and init properties read as typed values,
// genesis_self_check with the membrane proof at install, and the trace line
// that says what a Deserialize failure expected.
#include <catch2/catch.hpp>

#include "../zomes/entries_integrity/entries_types.hpp"
#include "world_support.hpp"

namespace {

using entries::Note;
using entries::Secret;

const entries::Properties kProperties{"open sesame", 40};

/// The entries DNA, every way this build runs it, with its properties set.
std::vector<world_test::Runtime> entries_runtimes() {
  auto out = world_test::dna_runtimes("entries", "entries_integrity", "entries");
  for (auto& rt : out) rt.dna.with_properties(kProperties);
  return out;
}

hdk_host::Agent join(hdk_host::Scenario& s, const std::string& name) {
  return s.add_agent_with_proof(name, entries::MembraneProof{kProperties.invite_code});
}

/// A Note whose text is a number: input entries' zome cannot decode.
struct WrongNote {
  std::uint32_t text = 7;
  HDK_STRUCT(text);
};

bool traced(const hdk_host::Scenario& s, const std::string& text) {
  for (const auto& line : s.last_trace())
    if (line.msg.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("entries: entry defs carry the attributes of the one-line declaration") {
  // What hdk 0.7's entry_defs callback answers for this list (hdk_derive:
  // snake-case names, Public / 5 / false unless the attributes say otherwise).
  const auto defs =
      hdk::entry_types_detail::entry_defs<entries::EntryTypes>(entries::EntryTypes::hdk_names);
  REQUIRE(defs.defs.size() == 3);
  const auto name_of = [&](std::size_t i) {
    return std::get<hdk::entry_def_id::App>(defs.defs[i].id).name.name;
  };
  CHECK(name_of(0) == "note");
  CHECK(name_of(1) == "secret");
  CHECK(name_of(2) == "vote");
  CHECK(defs.defs[0].visibility == hdk::EntryVisibility::Public);
  CHECK(defs.defs[0].required_validations.value == 5);
  CHECK_FALSE(defs.defs[0].cache_at_agent_activity);
  CHECK(defs.defs[1].visibility == hdk::EntryVisibility::Private);
  CHECK(defs.defs[1].required_validations.value == 7);
  CHECK(defs.defs[2].cache_at_agent_activity);
  CHECK(entries::EntryTypes::visibility_of<Secret>() == hdk::EntryVisibility::Private);
  CHECK(entries::EntryTypes::index_of<entries::Vote>().value == 2);
  // heck's snake case, as hdk_derive names a variant.
  CHECK(hdk::entry_types_detail::snake_case("PrivateNote") == "private_note");
  CHECK(hdk::entry_types_detail::snake_case("HTTPRequest") == "http_request");
  CHECK(hdk::entry_types_detail::snake_case("Post2") == "post2");
  CHECK(hdk::entry_types_detail::entry_def_name(
            " hdk::entry_def<ns::MyType, hdk::visibility::Private>") == "my_type");

  for (const auto& rt : entries_runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      auto s = world_test::install(rt);
      // The conductor's view (the callback's answer at install) and the zome's (zome_info).
      CHECK(hdk::encode_to_vector(s->dna().entry_defs) == hdk::encode_to_vector(defs));
      const auto alice = join(*s, "alice");
      const auto zome =
          world_test::ok_value<hdk::ZomeInfo>(s->call(alice, "entries", "zome", hdk::Unit{}));
      CHECK(hdk::encode_to_vector(zome.entry_defs) == hdk::encode_to_vector(defs));
    }
  }
}

TEST_CASE("entries: a private entry stays on its author's chain") {
  for (const auto& rt : entries_runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      auto s = world_test::install(rt);
      const auto alice = join(*s, "alice");
      const auto bob = join(*s, "bob");
      const Secret secret{"the cake is a lie"};
      const auto hash =
          world_test::ok_value<hdk::ActionHash>(s->call(alice, "entries", "create_secret", secret));
      const auto note = world_test::ok_value<hdk::ActionHash>(
          s->call(alice, "entries", "create_note", Note{"hi"}));

      // The action is Private, on alice's chain with its entry.
      const hdk::Record& committed = s->chain(alice).back().action_address() == note
                                         ? s->chain(alice)[s->chain(alice).size() - 2]
                                         : s->chain(alice).back();
      REQUIRE(committed.action_address() == hash);
      REQUIRE(committed.action().app_entry_def());
      CHECK(committed.action().app_entry_def()->visibility == hdk::EntryVisibility::Private);
      REQUIRE(committed.entry_if_present());
      const hdk::EntryHash entry_hash = *committed.action().entry_hash();

      // The DHT has the action, not the entry.
      const hdk::Record* on_dht = s->dht().record(hash);
      REQUIRE(on_dht);
      CHECK(std::holds_alternative<hdk::record_entry::Hidden>(on_dht->entry));
      CHECK(s->dht().record_for_entry(entry_hash) == nullptr);

      // bob finds nothing of it: no record by its entry, no entry by its action.
      CHECK_FALSE(world_test::ok_value<std::optional<hdk::Record>>(
          s->call(bob, "entries", "get_by_entry", entry_hash)));
      const auto bobs = world_test::ok_value<std::optional<hdk::Record>>(
          s->call(bob, "entries", "get_by_action", hash));
      CHECK((!bobs || !bobs->entry_if_present()));
      CHECK(world_test::ok_value<std::vector<Secret>>(
                s->call(bob, "entries", "my_secrets", hdk::Unit{}))
                .empty());

      // alice reads it back by either hash, and with query.
      const auto by_entry = world_test::ok_value<std::optional<hdk::Record>>(
          s->call(alice, "entries", "get_by_entry", entry_hash));
      REQUIRE(by_entry);
      const auto read = by_entry->entry_as<Secret>();
      REQUIRE(read);
      CHECK(read->text == secret.text);
      const auto by_action = world_test::ok_value<std::optional<hdk::Record>>(
          s->call(alice, "entries", "get_by_action", hash));
      REQUIRE(by_action);
      CHECK(by_action->entry_if_present());
      const auto mine = world_test::ok_value<std::vector<Secret>>(
          s->call(alice, "entries", "my_secrets", hdk::Unit{}));
      REQUIRE(mine.size() == 1);
      CHECK(mine[0].text == secret.text);

      // A public note is everyone's.
      CHECK(world_test::ok_value<std::optional<hdk::Record>>(
                s->call(bob, "entries", "get_by_action", note))
                ->entry_if_present());
    }
  }
}

TEST_CASE("entries: DNA and init properties are set at install and read as typed values") {
  for (const auto& rt : entries_runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      auto dna = rt.dna;
      dna.with_init_properties(entries::InitSettings{"welcome aboard"});
      hdk_host::Scenario s(rt.runtime);
      s.install(dna);
      const auto alice = join(s, "alice");
      const auto props = world_test::ok_value<entries::Properties>(
          s.call(alice, "entries", "properties", hdk::Unit{}));
      CHECK(props.invite_code == kProperties.invite_code);
      CHECK(props.max_note_length == kProperties.max_note_length);
      // The properties are part of the DNA hash.
      hdk_host::Scenario other(rt.runtime);
      hdk_host::DnaSpec other_dna = rt.dna;
      other.install(other_dna.with_properties(entries::Properties{"other", 40}));
      CHECK(other.dna().hash != s.dna().hash);

      // validate reads them too: a note over max_note_length is refused.
      const auto too_long = s.call(alice, "entries", "create_note",
                                   Note{std::string(kProperties.max_note_length + 1, 'x')});
      CHECK_THAT(world_test::host_error_of(too_long), Catch::Contains("the note is too long"));

      // init wrote the init properties' welcome: the first app entry on the chain.
      bool welcomed = false;
      for (const auto& record : s.chain(alice)) {
        const auto note = record.entry_as<Note>();
        if (note && note->text == "welcome aboard") welcomed = true;
      }
      CHECK(welcomed);

      // Properties that are not the type asked for: Err(Serialize(Deserialize)) naming the type.
      const auto wrong = s.call(alice, "entries", "properties_as_wrong_type", hdk::Unit{});
      INFO(wrong.describe());
      REQUIRE(wrong.wasm_error());
      const auto* serialize =
          std::get_if<hdk::wasm_error_inner::Serialize>(&wrong.wasm_error()->error);
      REQUIRE(serialize);
      const auto& message =
          std::get<hdk::serialized_bytes_error::Deserialize>(serialize->error).message;
      CHECK_THAT(message, Catch::Contains("entries::InitSettings"));
      CHECK_THAT(message, Catch::Contains("welcome"));
    }
  }
}

TEST_CASE("entries: genesis_self_check sees the membrane proof and can refuse the install") {
  for (const auto& rt : entries_runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      auto s = world_test::install(rt);
      const auto alice = join(*s, "alice");
      // The proof is on the chain, in AgentValidationPkg.
      const auto* pkg = s->chain(alice)[1].action().as<hdk::action::AgentValidationPkg>();
      REQUIRE(pkg);
      REQUIRE(pkg->membrane_proof);
      CHECK(*pkg->membrane_proof ==
            hdk::Bytes(hdk::encode_to_vector(entries::MembraneProof{kProperties.invite_code})));

      const auto refused =
          [&](auto&& join_call) -> std::optional<hdk_host::GenesisSelfCheckFailed> {
        try {
          join_call();
        } catch (const hdk_host::GenesisSelfCheckFailed& e) {
          return e;
        }
        return std::nullopt;
      };
      const auto wrong =
          refused([&] { s->add_agent_with_proof("mallory", entries::MembraneProof{"let me in"}); });
      REQUIRE(wrong);
      CHECK(wrong->kind() == hdk_host::FaultKind::GenesisFailed);
      CHECK(wrong->zome() == "entries_integrity");
      CHECK(wrong->reason() == "wrong invite code");
      const auto none = refused([&] { s->add_agent("eve"); });
      REQUIRE(none);
      CHECK(none->reason() == "a membrane proof is required");
      const auto garbage = refused([&] { s->add_agent("trudy", hdk::Bytes{0xc1}); });
      REQUIRE(garbage);
      CHECK_THAT(garbage->reason(), Catch::Contains("not a MembraneProof"));

      // Refused agents got no cell; the scenario goes on.
      const auto bob = join(*s, "bob");
      CHECK(bob.index == alice.index + 1);
      CHECK(world_test::ok_value<entries::Note>(
                s->call(bob, "entries", "echo_note", Note{"still here"}))
                .text == "still here");
    }
  }
}

TEST_CASE("entries: a Deserialize failure traces which type and field it expected") {
  for (const auto& rt : entries_runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      auto s = world_test::install(rt);
      const auto alice = join(*s, "alice");
      const auto r = s->call(alice, "entries", "echo_note", WrongNote{});
      INFO(r.describe());
      // On the wire, still Holochain's Deserialize of the ExternIO's bytes.
      REQUIRE(r.wasm_error());
      const auto* deserialize =
          std::get_if<hdk::wasm_error_inner::Deserialize>(&r.wasm_error()->error);
      REQUIRE(deserialize);
      CHECK(deserialize->bytes == hdk::Bytes(hdk::encode_to_vector(WrongNote{})));
      // Beside it, the trace says what was expected.
      CHECK(traced(*s, "`echo_note`"));
      CHECK(traced(*s, "entries::Note"));
      CHECK(traced(*s, "field `text`: invalid type: unsigned integer, expected a string"));
      REQUIRE_FALSE(s->last_trace().empty());
      CHECK(s->last_trace().back().level == hdk::Level::ERROR);

      // Input that is not even an ExternIO says so.
      const hdk_host::CallResult raw = [&] {
        hdk_host::Scenario& sc = *s;
        return sc.call_bytes(alice, "entries", "echo_note", std::vector<std::uint8_t>{0xc1});
      }();
      REQUIRE(raw.wasm_error());
      CHECK((traced(*s, "does not decode as `entries::Note`") ||
             traced(*s, "does not decode as `ExternIO")));

      // A good call traces nothing of the kind.
      world_test::ok_value<Note>(s->call(alice, "entries", "echo_note", Note{"ok"}));
      CHECK_FALSE(traced(*s, "does not decode"));
    }
  }
}
