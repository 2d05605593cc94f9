// Timestamp: microseconds since the Unix epoch (a newtype over i64).
#pragma once

#include <cstdint>

#include "hdk/codec.hpp"

namespace hdk {

struct Timestamp {
  std::int64_t micros = 0;
  HDK_NEWTYPE(micros);
  friend bool operator==(Timestamp a, Timestamp b) { return a.micros == b.micros; }
  friend bool operator<(Timestamp a, Timestamp b) { return a.micros < b.micros; }
};

}  // namespace hdk
