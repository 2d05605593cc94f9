// Capabilities on every runtime: grants and claims are private entries of
// their author's chain, and a call from another agent (call_remote, call to
// another cell) passes only with a live grant that covers it, as in a
// conductor; without one the answer is ZomeCallResponse::Unauthorized.
#include <catch2/catch.hpp>

#include "world_support.hpp"

namespace {

using posts::Post;

struct RemoteCall {
  hdk::AgentPubKey agent;
  std::string fn_name;
  std::optional<hdk::CapSecret> cap_secret;
  Post payload;
  HDK_STRUCT(agent, fn_name, cap_secret, payload);
};

struct RegrantInput {
  hdk::ActionHash original;
  hdk::ZomeCallCapGrant grant;
  HDK_STRUCT(original, grant);
};

struct CellCall {
  hdk::CellId cell;
  std::string fn_name;
  std::optional<hdk::CapSecret> cap_secret;
  HDK_STRUCT(cell, fn_name, cap_secret);
};

hdk::ZomeCallCapGrant grant_of(hdk::CapAccess access, hdk::GrantedFunctions functions) {
  return hdk::ZomeCallCapGrant{"test", std::move(access), std::move(functions)};
}

hdk::GrantedFunctions listed(std::vector<std::string> fns) {
  hdk::granted_functions::Listed out;
  for (auto& f : fns) out.functions.emplace_back("social", std::move(f));
  return out;
}

hdk::ZomeCallResponse unauthorized(std::optional<hdk::CapSecret> secret, std::string fn) {
  return hdk::zome_call_response::Unauthorized{hdk::zome_call_authorization::BadCapGrant{},
                                               std::move(secret), "social", std::move(fn)};
}

/// The bytes of a response: ZomeCallResponse's alternatives have no operator==.
std::vector<std::uint8_t> bytes_of(const hdk::ZomeCallResponse& r) {
  return hdk::encode_to_vector(r);
}

}  // namespace

TEST_CASE("capabilities: grants and claims are private entries of the author's chain") {
  for (const auto& rt : world_test::social_runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      auto s = world_test::install(rt);
      const auto alice = s->add_agent("alice");
      const auto bob = s->add_agent("bob");
      const auto secret =
          world_test::ok_value<hdk::CapSecret>(s->call(alice, "social", "new_secret", hdk::Unit{}));
      REQUIRE(secret.bytes.size() == 64);

      const auto grant = grant_of(hdk::cap_access::Assigned{secret, {bob.key}}, listed({"f"}));
      const auto hash =
          world_test::ok_value<hdk::ActionHash>(s->call(alice, "social", "grant", grant));
      const hdk::Record& record = s->chain(alice).back();
      CHECK(record.action_address() == hash);
      const auto* create = record.action().as<hdk::action::Create>();
      REQUIRE(create);
      CHECK(std::holds_alternative<hdk::entry_type::CapGrant>(create->entry_type));
      const hdk::Entry entry = hdk::entry::CapGrant{grant};
      CHECK(create->entry_hash == hdk_host::world::hash_entry(entry));
      REQUIRE(record.entry_if_present());
      CHECK(hdk::encode_to_vector(*record.entry_if_present()) == hdk::encode_to_vector(entry));
      // The DHT holds the action, never the secret.
      const hdk::Record* published = s->dht().record(hash);
      REQUIRE(published);
      CHECK(std::holds_alternative<hdk::record_entry::Hidden>(published->entry));

      const hdk::CapClaim claim{"from alice", alice.key, secret};
      const auto claim_hash =
          world_test::ok_value<hdk::ActionHash>(s->call(bob, "social", "claim", claim));
      const auto* claimed = s->chain(bob).back().action().as<hdk::action::Create>();
      REQUIRE(claimed);
      CHECK(s->chain(bob).back().action_address() == claim_hash);
      CHECK(std::holds_alternative<hdk::entry_type::CapClaim>(claimed->entry_type));

      // update_cap_grant keeps the CapGrant type; delete_cap_grant deletes it.
      const auto regrant = world_test::ok_value<hdk::ActionHash>(
          s->call(alice, "social", "regrant",
                  RegrantInput{hash, grant_of(hdk::cap_access::Unrestricted{}, listed({"g"}))}));
      const auto* update = s->chain(alice).back().action().as<hdk::action::Update>();
      REQUIRE(update);
      CHECK(update->original_action_address == hash);
      CHECK(std::holds_alternative<hdk::entry_type::CapGrant>(update->entry_type));
      const auto revoked =
          world_test::ok_value<hdk::ActionHash>(s->call(alice, "social", "revoke_grant", regrant));
      const auto* del = s->chain(alice).back().action().as<hdk::action::Delete>();
      REQUIRE(del);
      CHECK(s->chain(alice).back().action_address() == revoked);
      CHECK(del->deletes_address == regrant);

      // A post cannot replace a grant: the host refuses, nothing is written.
      const std::size_t length = s->chain(alice).size();
      CHECK_FALSE(
          s->call(alice, "posts", "update_post", posts::UpdatePost{hash, Post{"t", "b"}}).ok());
      CHECK(s->chain(alice).size() == length);
    }
  }
}

TEST_CASE("capabilities: call_remote passes the callee's grants as a conductor checks them") {
  for (const auto& rt : world_test::social_runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      auto s = world_test::install(rt);
      const auto alice = s->add_agent("alice");
      const auto bob = s->add_agent("bob");
      const auto carol = s->add_agent("carol");
      const auto remote = [&](const hdk_host::Agent& from, const hdk_host::Agent& to,
                              std::string fn, std::optional<hdk::CapSecret> secret) {
        return world_test::ok_value<hdk::ZomeCallResponse>(
            s->call(from, "social", "remote_call",
                    RemoteCall{to.key, std::move(fn), secret, Post{"t", "b"}}));
      };
      const auto who = [&](const hdk::ZomeCallResponse& r) {
        const auto* network = std::get_if<hdk::zome_call_response::NetworkError>(&r);
        INFO((network ? network->message : std::string("not a NetworkError")));
        const auto* ok = std::get_if<hdk::zome_call_response::Ok>(&r);
        REQUIRE(ok);
        hdk::CallInfo info;
        hdk::DecodeError err;
        REQUIRE(ok->output.decode(info, err));
        return info;
      };

      // No grant: Unauthorized, with the secret the caller gave.
      CHECK(bytes_of(remote(alice, bob, "who_calls", std::nullopt)) ==
            bytes_of(unauthorized(std::nullopt, "who_calls")));
      // The author passes without any grant, as ChainAuthor.
      const auto own = who(remote(bob, bob, "who_calls", std::nullopt));
      CHECK(std::holds_alternative<hdk::cap_grant::ChainAuthor>(own.cap_grant));
      CHECK(own.provenance == bob.key);

      // Unrestricted, for the functions it lists only.
      const auto open = grant_of(hdk::cap_access::Unrestricted{}, listed({"who_calls"}));
      REQUIRE(s->call(bob, "social", "grant", open).ok());
      const auto info = who(remote(alice, bob, "who_calls", std::nullopt));
      CHECK(info.provenance == alice.key);
      const auto* remote_grant = std::get_if<hdk::cap_grant::RemoteAgent>(&info.cap_grant);
      REQUIRE(remote_grant);
      CHECK(hdk::encode_to_vector(remote_grant->grant) == hdk::encode_to_vector(open));
      CHECK(bytes_of(remote(alice, bob, "write_post", std::nullopt)) ==
            bytes_of(unauthorized(std::nullopt, "write_post")));

      // Transferable: whoever holds the secret, for every function (All).
      const auto secret =
          world_test::ok_value<hdk::CapSecret>(s->call(bob, "social", "new_secret", hdk::Unit{}));
      auto wrong = secret;
      wrong.bytes[0] ^= 1;
      const auto transferable = world_test::ok_value<hdk::ActionHash>(
          s->call(bob, "social", "grant",
                  grant_of(hdk::cap_access::Transferable{secret}, hdk::granted_functions::All{})));
      CHECK(bytes_of(remote(alice, bob, "write_post", std::nullopt)) ==
            bytes_of(unauthorized(std::nullopt, "write_post")));
      CHECK(bytes_of(remote(alice, bob, "write_post", wrong)) ==
            bytes_of(unauthorized(wrong, "write_post")));
      CHECK(std::holds_alternative<hdk::zome_call_response::Ok>(
          remote(alice, bob, "write_post", secret)));
      CHECK(std::holds_alternative<hdk::zome_call_response::Ok>(
          remote(carol, bob, "write_post", secret)));

      // Deleted, it authorizes nothing more.
      REQUIRE(s->call(bob, "social", "revoke_grant", transferable).ok());
      CHECK(bytes_of(remote(alice, bob, "write_post", secret)) ==
            bytes_of(unauthorized(secret, "write_post")));

      // Assigned: the secret, and only from an assignee.
      const auto assigned = world_test::ok_value<hdk::ActionHash>(s->call(
          bob, "social", "grant",
          grant_of(hdk::cap_access::Assigned{secret, {carol.key}}, listed({"write_post"}))));
      CHECK(bytes_of(remote(alice, bob, "write_post", secret)) ==
            bytes_of(unauthorized(secret, "write_post")));
      CHECK(bytes_of(remote(carol, bob, "write_post", std::nullopt)) ==
            bytes_of(unauthorized(std::nullopt, "write_post")));
      CHECK(std::holds_alternative<hdk::zome_call_response::Ok>(
          remote(carol, bob, "write_post", secret)));

      // Updated, the old grant is gone and the new one holds.
      REQUIRE(
          s->call(bob, "social", "regrant",
                  RegrantInput{assigned, grant_of(hdk::cap_access::Assigned{secret, {alice.key}},
                                                  listed({"write_post"}))})
              .ok());
      CHECK(bytes_of(remote(carol, bob, "write_post", secret)) ==
            bytes_of(unauthorized(secret, "write_post")));
      CHECK(std::holds_alternative<hdk::zome_call_response::Ok>(
          remote(alice, bob, "write_post", secret)));

      // A claim keeps the secret on the caller's chain for later calls.
      REQUIRE(s->call(alice, "social", "claim", hdk::CapClaim{"bob's", bob.key, secret}).ok());
      CHECK(std::holds_alternative<hdk::zome_call_response::Ok>(
          world_test::ok_value<hdk::ZomeCallResponse>(
              s->call(alice, "social", "call_with_claim",
                      RemoteCall{bob.key, "write_post", {}, Post{"t", "b"}}))));
      CHECK(std::holds_alternative<hdk::zome_call_response::Ok>(
          world_test::ok_value<hdk::ZomeCallResponse>(
              s->call(alice, "social", "call_with_claim",
                      RemoteCall{bob.key, "write_post", {}, Post{"t", "b"}}))));
    }
  }
}

TEST_CASE("capabilities: a remote call runs on the callee's chain, its failure is a NetworkError") {
  for (const auto& rt : world_test::social_runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      auto s = world_test::install(rt);
      const auto alice = s->add_agent("alice");
      const auto bob = s->add_agent("bob");
      REQUIRE(s->call(bob, "social", "grant",
                      grant_of(hdk::cap_access::Unrestricted{}, hdk::granted_functions::All{}))
                  .ok());
      REQUIRE(s->call(alice, "social", "who_calls", hdk::Unit{}).ok());  // alice's init
      const std::size_t alice_length = s->chain(alice).size();
      const std::size_t bob_length = s->chain(bob).size();
      const auto r = world_test::ok_value<hdk::ZomeCallResponse>(
          s->call(alice, "social", "remote_call",
                  RemoteCall{bob.key, "write_post", std::nullopt, Post{"from alice", "hi"}}));
      const auto* ok = std::get_if<hdk::zome_call_response::Ok>(&r);
      REQUIRE(ok);
      hdk::ActionHash hash;
      hdk::DecodeError err;
      REQUIRE(ok->output.decode(hash, err));
      // bob wrote (and signed) the post; alice's chain did not move.
      REQUIRE(s->chain(bob).size() == bob_length + 1);
      CHECK(s->chain(bob).back().action_address() == hash);
      CHECK(s->chain(bob).back().action().author() == bob.key);
      CHECK(s->chain(alice).size() == alice_length);

      const auto failed = world_test::ok_value<hdk::ZomeCallResponse>(
          s->call(alice, "social", "remote_call", RemoteCall{bob.key, "fail", {}, Post{}}));
      const auto* network = std::get_if<hdk::zome_call_response::NetworkError>(&failed);
      REQUIRE(network);
      CHECK(network->message.find("this function always fails") != std::string::npos);
      // An agent nobody knows is a network error too.
      hdk::AgentPubKey stranger = bob.key;
      stranger.bytes[10] ^= 0xff;
      CHECK(std::holds_alternative<hdk::zome_call_response::NetworkError>(
          world_test::ok_value<hdk::ZomeCallResponse>(s->call(
              alice, "social", "remote_call", RemoteCall{stranger, "who_calls", {}, Post{}}))));

      // zome_call_output decodes an Ok and names the refusal otherwise.
      const auto info = world_test::ok_value<hdk::CallInfo>(
          s->call(alice, "social", "remote_who_calls", RemoteCall{bob.key, "", {}, Post{}}));
      CHECK(info.provenance == alice.key);
      const auto carol = s->add_agent("carol");
      const auto refused =
          s->call(alice, "social", "remote_who_calls", RemoteCall{carol.key, "", {}, Post{}});
      REQUIRE(refused.wasm_error());
      const auto* guest = std::get_if<hdk::wasm_error_inner::Guest>(&refused.wasm_error()->error);
      REQUIRE(guest);
      CHECK(guest->message.find("unauthorized") != std::string::npos);
    }
  }
}

TEST_CASE("capabilities: call to another cell of the conductor checks grants too") {
  for (const auto& rt : world_test::social_runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      auto s = world_test::install(rt);
      const auto alice = s->add_agent("alice");
      const auto bob = s->add_agent("bob");
      const hdk::DnaHash dna = s->dna().hash;
      const auto cell_call = [&](const hdk_host::Agent& to, std::string fn) {
        return world_test::ok_value<hdk::ZomeCallResponse>(s->call(
            alice, "social", "cell_call", CellCall{{dna, to.key}, std::move(fn), std::nullopt}));
      };
      CHECK(std::holds_alternative<hdk::zome_call_response::Ok>(cell_call(alice, "who_calls")));
      CHECK(bytes_of(cell_call(bob, "who_calls")) ==
            bytes_of(unauthorized(std::nullopt, "who_calls")));
      REQUIRE(s->call(bob, "social", "grant",
                      grant_of(hdk::cap_access::Unrestricted{}, listed({"who_calls", "fail"})))
                  .ok());
      CHECK(std::holds_alternative<hdk::zome_call_response::Ok>(cell_call(bob, "who_calls")));
      // In the conductor, a failing callee fails the caller's `call`.
      CHECK(world_test::host_error_of(s->call(alice, "social", "cell_call",
                                              CellCall{{dna, bob.key}, "fail", std::nullopt}))
                .find("this function always fails") != std::string::npos);
      // A cell this conductor does not run.
      hdk::DnaHash other_dna = dna;
      other_dna.bytes[10] ^= 0xff;
      CHECK(world_test::host_error_of(s->call(alice, "social", "cell_call",
                                              CellCall{{other_dna, bob.key}, "who_calls", {}}))
                .find("no cell") != std::string::npos);
      // The app's one role is named after the DNA.
      const auto by_role = world_test::ok_value<hdk::ZomeCallResponse>(
          s->call(alice, "social", "role_call", rt.dna.name));
      CHECK(std::holds_alternative<hdk::zome_call_response::Ok>(by_role));
      CHECK(world_test::host_error_of(s->call(alice, "social", "role_call", std::string("nope")))
                .find("no role") != std::string::npos);
    }
  }
}
