// Cron matching for persisted schedules (hdk_host/cron.hpp).
#include "hdk_host/cron.hpp"

#include <cctype>
#include <charconv>
#include <ctime>
#include <system_error>

namespace hdk_host::world {
namespace {

struct Range {
  int min;
  int max;
};
// sec, min, hour, day of month, month, day of week (1 = Sunday), year.
constexpr std::array<Range, 7> kRanges{
    {{0, 59}, {0, 59}, {0, 23}, {1, 31}, {1, 12}, {1, 7}, {1970, 2099}}};
constexpr std::array<const char*, 12> kMonths{"jan", "feb", "mar", "apr", "may", "jun",
                                              "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::array<const char*, 7> kDays{"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

std::vector<std::string_view> split(std::string_view text, char by) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = text.find(by, start);
    out.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

/// A number or, for months and days, a name.
std::optional<int> value_of(std::string_view text, std::size_t field) {
  int out = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  if (ec == std::errc{} && end == text.data() + text.size()) return out;
  if (text.size() != 3) return std::nullopt;
  std::string lower;
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (field == 4)
    for (std::size_t i = 0; i < kMonths.size(); ++i)
      if (lower == kMonths[i]) return static_cast<int>(i) + 1;
  if (field == 5)
    for (std::size_t i = 0; i < kDays.size(); ++i)
      if (lower == kDays[i]) return static_cast<int>(i) + 1;
  return std::nullopt;
}

}  // namespace

std::optional<Cron> Cron::parse(std::string_view expression, std::string& error) {
  std::vector<std::string_view> fields;
  for (std::string_view part : split(expression, ' '))
    if (!part.empty()) fields.push_back(part);
  if (fields.size() == 6) fields.push_back("*");
  if (fields.size() != 7) {
    error = "a cron expression has 6 or 7 fields (sec min hour day month weekday [year])";
    return std::nullopt;
  }
  Cron out;
  for (std::size_t f = 0; f < fields.size(); ++f) {
    const Range range = kRanges[f];
    auto& allowed = out.allowed_[f];
    allowed.assign(static_cast<std::size_t>(range.max - range.min + 1), false);
    for (std::string_view item : split(fields[f], ',')) {
      int step = 1;
      const std::size_t slash = item.find('/');
      if (slash != std::string_view::npos) {
        const auto n = value_of(item.substr(slash + 1), 0);
        if (!n || *n <= 0) {
          error = "bad step in `" + std::string(item) + "`";
          return std::nullopt;
        }
        step = *n;
        item = item.substr(0, slash);
      }
      int lo = range.min;
      int hi = range.max;
      if (item != "*" && item != "?") {
        const std::size_t dash = item.find('-');
        const auto a = value_of(item.substr(0, dash), f);
        const auto b = dash == std::string_view::npos ? a : value_of(item.substr(dash + 1), f);
        if (!a || !b) {
          error = "bad value `" + std::string(item) + "`";
          return std::nullopt;
        }
        lo = *a;
        // `a/n` runs from a to the end of the range, as `a-max/n`.
        hi = dash == std::string_view::npos && slash != std::string_view::npos ? range.max : *b;
      }
      if (lo < range.min || hi > range.max || lo > hi) {
        error = "`" + std::string(fields[f]) + "` is out of range";
        return std::nullopt;
      }
      for (int v = lo; v <= hi; v += step) allowed[static_cast<std::size_t>(v - range.min)] = true;
    }
  }
  return out;
}

bool Cron::matches(std::int64_t unix_seconds) const {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm utc{};
  if (!gmtime_r(&t, &utc)) return false;
  const std::array<int, kFields> values{utc.tm_sec,        utc.tm_min,     utc.tm_hour,
                                        utc.tm_mday,       utc.tm_mon + 1, utc.tm_wday + 1,
                                        utc.tm_year + 1900};
  for (std::size_t f = 0; f < kFields; ++f) {
    const int index = values[f] - kRanges[f].min;
    if (index < 0 || static_cast<std::size_t>(index) >= allowed_[f].size() ||
        !allowed_[f][static_cast<std::size_t>(index)])
      return false;
  }
  return true;
}

}  // namespace hdk_host::world
