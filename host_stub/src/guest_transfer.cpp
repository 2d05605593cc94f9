#include "guest_transfer.hpp"

#include <cstring>
#include <vector>

#include <hdk/abi.hpp>

#include "engines/fault_words.hpp"

namespace hdk_host {

Fault region_out_of_bounds(std::string_view what, std::uint32_t ptr, std::uint32_t len,
                           std::uint64_t memory_size) {
  return Fault(FaultKind::OutOfBounds,
               std::string(what) + " (ptr " + std::to_string(ptr) + ", len " + std::to_string(len) +
                   ") lies outside guest memory of " + std::to_string(memory_size) + " bytes");
}

Fault allocation_failed(std::string_view what, std::uint64_t len) {
  return Fault(FaultKind::AllocationFailed, "the guest could not allocate " + std::to_string(len) +
                                                " bytes for " + std::string(what));
}

Fault payload_too_large(std::string_view what, std::uint64_t size) {
  return Fault(FaultKind::PayloadTooLarge, std::string(what) + " of " + std::to_string(size) +
                                               " bytes cannot fit in wasm32 memory");
}

std::span<const std::uint8_t> guest_region(Instance& instance, std::uint32_t ptr, std::uint32_t len,
                                           std::string_view what) {
  const std::span<const std::uint8_t> memory = instance.memory_to_read();
  if (static_cast<std::uint64_t>(ptr) + len > memory.size())
    throw region_out_of_bounds(what, ptr, len, memory.size());
  return memory.subspan(ptr, len);
}

std::span<std::uint8_t> guest_region_to_write(Instance& instance, std::uint32_t ptr,
                                              std::uint32_t len, std::string_view what) {
  const std::span<std::uint8_t> region = instance.memory_to_write(ptr, len);
  if (region.size() != len ||
      (len == 0 && static_cast<std::uint64_t>(ptr) > instance.memory_to_read().size()))
    throw region_out_of_bounds(what, ptr, len, instance.memory_to_read().size());
  return region;
}

std::uint64_t write_to_guest(Instance& instance, std::span<const std::uint8_t> bytes,
                             std::string_view what) {
  if (bytes.size() > 0xffffffffu) throw payload_too_large(what, bytes.size());
  const auto len = static_cast<std::uint32_t>(bytes.size());
  const std::uint32_t ptr = instance.call_i32(kGuestAllocate, len);
  if (ptr == 0) throw allocation_failed(what, len);
  const std::span<std::uint8_t> region = guest_region_to_write(instance, ptr, len, what);
  if (len) std::memcpy(region.data(), bytes.data(), len);
  return hdk::merge(ptr, len);
}

// ---- the engine-neutral parts of engine.hpp's zome call ------------------------------------

namespace {

const FuncType kZomeFunctionType{{ValType::I32, ValType::I32}, {ValType::I64}};
const FuncType kAllocateType{{ValType::I32}, {ValType::I32}};
const FuncType kDeallocateType{{ValType::I32, ValType::I32}, {}};

std::uint32_t export_index(const std::vector<ExportDesc>& exports, std::string_view name,
                           const FuncType& type, std::string_view label) {
  for (std::uint32_t i = 0; i < exports.size(); ++i) {
    const ExportDesc& exp = exports[i];
    if (exp.name != name) continue;
    if (exp.kind != ExternKind::Func)
      throw fault_words::export_not_a_function(label, name, to_string(exp.kind), describe(type));
    if (exp.type != type)
      throw fault_words::export_of_wrong_type(label, name, describe(exp.type), describe(type));
    return i;
  }
  throw fault_words::missing_export(label, name);
}

}  // namespace

ZomeCallEntry Module::resolve_zome_call(std::string_view function, std::string_view label) const {
  const std::vector<ExportDesc>& list = exports();
  ZomeCallEntry entry;
  entry.function = export_index(list, function, kZomeFunctionType, label);
  entry.allocate = export_index(list, kGuestAllocate, kAllocateType, label);
  entry.deallocate = export_index(list, kGuestDeallocate, kDeallocateType, label);
  entry.function_name = list[entry.function].name;
  entry.allocate_name = list[entry.allocate].name;
  entry.deallocate_name = list[entry.deallocate].name;
  return entry;
}

void Instance::zome_call(const ZomeCallEntry& entry, std::span<const std::uint8_t> input,
                         std::vector<std::uint8_t>& result) {
  if (input.size() > 0xffffffffu) throw payload_too_large(kZomeCallInput, input.size());
  const auto len = static_cast<std::uint32_t>(input.size());
  const std::uint32_t ptr = call_export_i32(entry.allocate, entry.allocate_name, len);
  if (ptr == 0) throw allocation_failed(kZomeCallInput, len);
  const std::span<std::uint8_t> in = guest_region_to_write(*this, ptr, len, kZomeCallInput);
  if (len) std::memcpy(in.data(), input.data(), len);
  // The guest owns the input region from here and frees it itself.
  const hdk::GuestRegion out =
      hdk::split(call_export_i64(entry.function, entry.function_name, ptr, len));
  const std::span<const std::uint8_t> region =
      guest_region(*this, out.ptr, out.len, kZomeCallResult);
  result.assign(region.begin(), region.end());
  call_export_void(entry.deallocate, entry.deallocate_name, out.ptr, out.len);
}

}  // namespace hdk_host
