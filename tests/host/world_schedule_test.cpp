// schedule on every runtime: a function a committed call scheduled runs at
// the next tick, then as its answer says (Ephemeral: that long after;
// Persisted: at each second its cron expression names), as the cell's
// agent, when the scenario's clock is advanced.
#include <catch2/catch.hpp>

#include "hdk_host/cron.hpp"
#include "world_support.hpp"

namespace {

using posts::Post;

std::size_t ticks_on(const hdk_host::Scenario& s, const hdk_host::Agent& agent) {
  std::size_t n = 0;
  for (const auto& record : s.chain(agent))
    if (const auto post = record.entry_as<Post>(); post && post->title == "ephemeral tick") ++n;
  return n;
}

}  // namespace

TEST_CASE("schedule: ephemeral and persisted schedules run as the clock advances") {
  using namespace std::chrono_literals;
  for (const auto& rt : world_test::social_runtimes()) {
    DYNAMIC_SECTION(rt.label) {
      // A fixed clock starts on a whole minute (2024-01-01T00:00:00Z).
      hdk_host::Scenario s(rt.runtime, {}, hdk_host::world::FixedInputs{});
      s.install(rt.dna);
      const auto alice = s.add_agent("alice");
      const auto bob = s.add_agent("bob");
      REQUIRE(s.call(alice, "social", "start_schedules", hdk::Unit{}).ok());
      CHECK(s.schedules(alice).size() == 2);
      CHECK(s.schedules(bob).empty());
      CHECK(ticks_on(s, alice) == 0);  // nothing runs before the clock moves

      s.advance(1s);  // the first tick runs both, with no schedule yet
      CHECK(ticks_on(s, alice) == 1);
      CHECK(s.signals_as<std::string>(alice) == std::vector<std::string>{"first"});
      s.advance(9s);
      CHECK(ticks_on(s, alice) == 1);
      s.advance(1s);  // 10 s after the first run
      CHECK(ticks_on(s, alice) == 2);
      s.advance(30s);  // the third run answers none: that schedule ends
      CHECK(ticks_on(s, alice) == 3);
      REQUIRE(s.schedules(alice).size() == 1);
      CHECK(s.schedules(alice).front().fn == "every_minute");
      CHECK(ticks_on(s, bob) == 0);

      // The persisted one runs at second 0 of each minute: twice in two minutes.
      s.advance(120s);
      CHECK(s.signals_as<std::string>(alice) ==
            std::vector<std::string>{"first", "minute", "minute"});
      CHECK(ticks_on(s, alice) == 3);
    }
  }
}

TEST_CASE("schedule: cron expressions as the cron crate reads them") {
  std::string error;
  const auto every_minute = hdk_host::world::Cron::parse("0 * * * * *", error);
  REQUIRE(every_minute);
  constexpr std::int64_t kJan1 = 1'704'067'200;  // 2024-01-01T00:00:00Z, a Monday
  CHECK(every_minute->matches(kJan1));
  CHECK_FALSE(every_minute->matches(kJan1 + 1));
  CHECK(every_minute->matches(kJan1 + 60));

  const auto steps = hdk_host::world::Cron::parse("*/15 30 9-17 * Jan-Mar Mon,Fri 2024", error);
  REQUIRE(steps);
  const std::int64_t nine_thirty = kJan1 + 9 * 3600 + 30 * 60;
  CHECK(steps->matches(nine_thirty));
  CHECK(steps->matches(nine_thirty + 45));
  CHECK_FALSE(steps->matches(nine_thirty + 10));
  CHECK_FALSE(steps->matches(nine_thirty + 86400));          // Tuesday
  CHECK_FALSE(steps->matches(nine_thirty + 365LL * 86400));  // 2024-12-31: December

  for (const char* bad : {"* * * * *", "61 * * * * *", "a * * * * *", "*/0 * * * * *"}) {
    CAPTURE(bad);
    CHECK_FALSE(hdk_host::world::Cron::parse(bad, error));
    CHECK_FALSE(error.empty());
  }
}
