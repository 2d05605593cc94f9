// The host's side of the boundary: the bytes a guest returns from a zome
// call (Result<ExternIO, WasmError>) and the input it hands each host
// function. For any bytes the host answers with a decodable result and keeps
// its world as it was before the call: bad bytes are an error, never a crash.
#include <cstdint>
#include <string>
#include <vector>

#include <hdk/codec.hpp>
#include <hdk/error.hpp>

#include "fuzz_target.hpp"
#include "hdk_host/fault.hpp"
#include "hdk_host/host.hpp"
#include "hdk_host/host_functions.hpp"
#include "hdk_host/world.hpp"
#include "hdk_host/world_inputs.hpp"

namespace {

/// A guest's zome-call result, as the host reads it after every call.
void guest_result(hdk_fuzz::Input input) {
  const std::vector<std::uint8_t> bytes(input.begin(), input.end());
  const hdk_host::CallResult result = hdk_host::CallResult::from_result_bytes(bytes, "fuzz");
  if (result.fault()) {
    if (result.fault()->kind() != hdk_host::FaultKind::BadResult)
      hdk_fuzz::fail("a bad result gave " + std::string(to_string(result.fault()->kind())));
    return;
  }
  if (result.raw() != bytes) hdk_fuzz::fail("the raw result is not the guest's bytes");
  if (result.ok() == result.wasm_error().has_value())
    hdk_fuzz::fail("a decoded result is neither only Ok nor only Err");
  (void)result.describe();
}

/// One cell after genesis, as every cell a conductor runs, in a DNA of one
/// integrity and one coordinator zome. (A chain without genesis has no head,
/// and the head's all-zero hash that agent_info then answers is no HoloHash:
/// the fuzzer's first find, a world no Scenario makes.)
struct FuzzWorld {
  hdk_host::world::Cell cell;
  hdk_host::world::Dht dht;
  hdk_host::world::DnaShape dna;
  hdk_host::world::Inputs inputs;
  FuzzWorld() {
    namespace world = hdk_host::world;
    cell.name = "fuzz";
    cell.keys = world::generate_keypair();
    dna.name = "fuzz";
    dna.zome_names = {"fuzz_integrity", "fuzz"};
    dna.entry_type_count = 2;
    dna.link_type_count = 2;
    dna.extern_fns = {{"validate"}, {"f"}};
    dna.hash =
        world::dna_hash("fuzz", dna.properties, {{"fuzz_integrity", world::wasm_hash({}), {}}});
    world::CallEnv genesis(cell, dht, dna, inputs, 0);
    genesis.append(hdk::action::Dna{dna.hash}, std::nullopt);
    genesis.append(hdk::action::AgentValidationPkg{std::nullopt}, std::nullopt);
    genesis.append(
        hdk::action::Create{hdk::entry_type::AgentPubKey{}, hdk::agent_entry_hash(cell.keys.agent)},
        hdk::Entry(hdk::entry::Agent{cell.keys.agent}));
    for (const hdk::Record& record : genesis.pending()) {
      cell.chain.push_back(record);
      dht.put(record);
    }
    cell.initialized = true;
  }
};

template <class Output>
void check_host_fn_output(const char* name, const std::vector<std::uint8_t>& bytes) {
  hdk::ExternResult<Output> decoded;
  hdk::DecodeError err;
  if (!hdk::decode(bytes, decoded, err))
    hdk_fuzz::fail(std::string(name) + " answered bytes that are not its result: " + err.message);
}

using OutputCheck = void (*)(const char*, const std::vector<std::uint8_t>&);
const OutputCheck kOutputChecks[] = {
#define HDK_HOST_FN(name, version, Input, Output, access) &check_host_fn_output<Output>,
#include <hdk/host_fns.def>
#undef HDK_HOST_FN
};

/// One host function on the input, from one of the callbacks, with or without a world.
void host_fn_input(std::size_t index, std::uint8_t context_byte, hdk_fuzz::Input input) {
  static FuzzWorld world;
  const auto id = static_cast<hdk_host::HostFnId>(index);
  const auto callback = static_cast<hdk::host_fn_access::Callback>(context_byte % 6);
  const bool with_world = (context_byte & 0x80) != 0;

  hdk_host::world::CallEnv env(world.cell, world.dht, world.dna, world.inputs, 1);
  env.role = callback;
  env.read_only = callback == hdk::host_fn_access::Callback::Validate;
  env.call_zome = [](std::string_view, std::string_view, std::span<const std::uint8_t>) {
    return hdk_host::CallResult::from_fault(
        hdk_host::Fault(hdk_host::FaultKind::HostError, "no zome calls in the fuzzer"));
  };
  hdk_host::CallContext context;
  context.zome = "fuzz";
  context.function = "f";
  context.callback = callback;
  if (with_world) context.world = &env;

  const std::size_t chain_before = world.cell.chain.size();
  const std::size_t dht_before = world.dht.size();
  try {
    const std::vector<std::uint8_t> out = hdk_host::run_host_fn(id, context, input);
    kOutputChecks[index](hdk_host::host_fn_info(id).name.data(), out);
  } catch (const hdk_host::ShortCircuit& stop) {
    check_host_fn_output<hdk::ExternIO>("a short circuit", stop.result);
  } catch (const hdk_host::Fault&) {
    // A typed fault ends the call; the host goes on.
  }
  if (world.cell.chain.size() != chain_before || world.dht.size() != dht_before)
    hdk_fuzz::fail("a host function wrote past the call's workspace");
}

}  // namespace

// Input: a selector byte (0: a guest's result; 1 + i: host function i), a
// context byte (callback, world or none), then the bytes.
HDK_FUZZ_TARGET(host_decoding) {
  if (input.size() < 2) return;
  const std::size_t choice = input[0] % (hdk_host::kHostFunctions.size() + 1);
  if (choice == 0) {
    guest_result(input.subspan(2));
  } else {
    host_fn_input(choice - 1, input[1], input.subspan(2));
  }
}
