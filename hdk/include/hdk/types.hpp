// Every wire type the host functions use (the ones hdk/host_fns.def names),
// with the serde shapes of Holochain 0.5.6 (see docs/host-functions.md).
#pragma once

#include "hdk/types/action.hpp"
#include "hdk/types/call.hpp"
#include "hdk/types/callbacks.hpp"
#include "hdk/types/crypto.hpp"
#include "hdk/types/details.hpp"
#include "hdk/types/entry.hpp"
#include "hdk/types/hash.hpp"
#include "hdk/types/info.hpp"
#include "hdk/types/link.hpp"
#include "hdk/types/must_get.hpp"
#include "hdk/types/op.hpp"
#include "hdk/types/query.hpp"
#include "hdk/types/record.hpp"
#include "hdk/types/timestamp.hpp"
#include "hdk/types/trace.hpp"
