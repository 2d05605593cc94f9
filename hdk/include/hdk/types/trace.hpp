// trace: a message and its level (holochain_zome_types::trace::TraceMsg).
#pragma once

#include <string>

#include "hdk/codec.hpp"

namespace hdk {

/// tracing's levels, named on the wire as Holochain's `Level` enum names them.
enum class Level { ERROR, WARN, INFO, DEBUG, TRACE };
HDK_ENUM(Level, ERROR, WARN, INFO, DEBUG, TRACE);

struct TraceMsg {
  std::string msg;
  Level level = Level::INFO;
  HDK_STRUCT(msg, level);
};

}  // namespace hdk
