// Every wire type the host functions and callbacks use (the ones
// hdk/host_fns.def names), with the serde shapes of the release in
// hdk/release.hpp (see docs/host-functions.md).
#pragma once

#include "hdk/types/action.hpp"
#include "hdk/types/call.hpp"
#include "hdk/types/callbacks.hpp"
#include "hdk/types/capability.hpp"
#include "hdk/types/chain.hpp"
#include "hdk/types/clone.hpp"
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
#include "hdk/types/validation_receipt.hpp"
#include "hdk/types/warrant.hpp"
