// The smallest zome: a greeting, and an echo of a user struct.
#include <hdk/hdk.hpp>

#include <string>
#include <vector>

struct Greeting {
  std::string name;
  std::optional<std::uint32_t> times;  // absent or null: once
  HDK_STRUCT(name, times);
};

struct Echo {
  std::string text;
  std::vector<std::int64_t> numbers;
  std::optional<std::string> note;
  hdk::Bytes blob;
  HDK_STRUCT(text, numbers, note, blob);
};

hdk::ExternResult<std::string> hello() { return std::string("Hello, Holochain!"); }
HDK_EXTERN(hello);

hdk::ExternResult<std::string> greet(Greeting g) {
  if (g.name.empty()) return HDK_ERROR("name must not be empty");
  if (g.times.value_or(1) > 100) return HDK_ERROR("at most 100 greetings");
  std::string out;
  for (std::uint32_t i = 0; i < g.times.value_or(1); ++i)
    out += (i ? " Hello, " : "Hello, ") + g.name + "!";
  return out;
}
HDK_EXTERN(greet);

hdk::ExternResult<Echo> echo(Echo e) { return e; }
HDK_EXTERN(echo);

hdk::ExternResult<hdk::Timestamp> now() {
  HDK_DEBUG("asking the host for the time (%d)", 42);
  return hdk::sys_time();
}
HDK_EXTERN(now);
