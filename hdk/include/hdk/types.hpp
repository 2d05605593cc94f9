// Every wire type the host functions use (the ones hdk/host_fns.def names).
#pragma once

#include "hdk/types/timestamp.hpp"
#include "hdk/types/trace.hpp"
