// The cron expressions of Schedule::Persisted, as Holochain's scheduler reads
// them (the `cron` crate's format): "sec min hour day-of-month month
// day-of-week [year]", each field `*`, a number, a range `a-b`, a step
// `*/n` or `a-b/n`, or a comma list of those; months and days of the week
// also by their English three-letter names, days of the week counted 1-7
// from Sunday. A time matches when every field does.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hdk_host::world {

class Cron {
 public:
  /// The expression, or nullopt with `error` saying what is wrong with it.
  static std::optional<Cron> parse(std::string_view expression, std::string& error);
  /// Whether the second `unix_seconds` (UTC) is one the expression names.
  bool matches(std::int64_t unix_seconds) const;

 private:
  enum Field { kSecond, kMinute, kHour, kDayOfMonth, kMonth, kDayOfWeek, kYear, kFields };
  // Per field, the values it allows (years as an offset from 1970).
  std::array<std::vector<bool>, kFields> allowed_;
};

}  // namespace hdk_host::world
