// emit_signal and send_remote_signal on every runtime: a remote signal runs
// the recipient's recv_remote_signal in the sending zome, as a call from the
// sender that the recipient's grants must cover, fire and forget.
#include <catch2/catch.hpp>

#include "world_support.hpp"

namespace {

struct Ping {
  std::vector<hdk::AgentPubKey> to;
  std::string text;
  HDK_STRUCT(to, text);
};

}  // namespace

TEST_CASE("world: remote signals reach other agents' recv_remote_signal on every runtime") {
  for (const auto& rt : world_test::runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      auto s = world_test::install(rt);
      const auto alice = s->add_agent("alice");
      const auto bob = s->add_agent("bob");
      const auto carol = s->add_agent("carol");

      // Without a grant, a remote signal is refused like any call from another agent.
      REQUIRE(s->call(alice, "posts", "ping", Ping{{bob.key}, "ping 0"}).ok());
      CHECK(s->signals_as<std::string>(bob).empty());
      CHECK(s->signals_as<std::string>(alice).empty());

      for (const auto& agent : {alice, bob, carol})
        REQUIRE(s->call(agent, "posts", "accept_signals", hdk::Unit{}).ok());
      const auto r = s->call(alice, "posts", "ping", Ping{{bob.key}, "ping 1"});
      INFO(r.describe());
      REQUIRE(r.ok());
      // bob's recv_remote_signal ran (and ran init first), emitted, and
      // answered alice with a pong, which her recv_remote_signal emitted.
      CHECK(s->signals_as<std::string>(bob) == std::vector<std::string>{"got ping 1"});
      CHECK(s->signals_as<std::string>(alice) == std::vector<std::string>{"got pong to ping 1"});
      CHECK(s->signals_as<std::string>(carol).empty());

      // Several recipients, and one that is no agent here (ignored, as the
      // network drops it).
      hdk::AgentPubKey stranger = carol.key;
      stranger.bytes[10] ^= 0xff;
      REQUIRE(s->call(alice, "posts", "ping", Ping{{bob.key, carol.key, stranger}, "ping 2"}).ok());
      CHECK(s->signals_as<std::string>(bob) ==
            std::vector<std::string>{"got ping 1", "got ping 2"});
      CHECK(s->signals_as<std::string>(carol) == std::vector<std::string>{"got ping 2"});
      CHECK(s->signals_as<std::string>(alice).size() == 3);  // two more pongs
    }
  }
}
