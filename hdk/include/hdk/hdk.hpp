// The header a zome includes: everything a zome author uses.
#pragma once

#include "hdk/abi.hpp"
#include "hdk/alloc.hpp"
#include "hdk/api.hpp"
#include "hdk/codec.hpp"
#include "hdk/error.hpp"
#include "hdk/extern.hpp"
#include "hdk/extern_io.hpp"
#include "hdk/flat_op.hpp"
#include "hdk/hashing.hpp"
#include "hdk/host.hpp"
#include "hdk/memory.hpp"
#include "hdk/path.hpp"
#include "hdk/release.hpp"
