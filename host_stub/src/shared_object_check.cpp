#include "shared_object_check.hpp"

#include <elf.h>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <vector>

namespace hdk_host {
namespace {

#if UINTPTR_MAX == 0xffffffffffffffffu
using ElfHeader = Elf64_Ehdr;
using ProgramHeader = Elf64_Phdr;
constexpr unsigned char kElfClass = ELFCLASS64;
#else
using ElfHeader = Elf32_Ehdr;
using ProgramHeader = Elf32_Phdr;
constexpr unsigned char kElfClass = ELFCLASS32;
#endif

/// `offset + count * size` lies inside a file of `file_size` bytes, without
/// the sum overflowing on the way.
bool inside(std::uint64_t file_size, std::uint64_t offset, std::uint64_t count,
            std::uint64_t size) {
  if (offset > file_size) return false;
  if (size != 0 && count > (file_size - offset) / size) return false;
  return true;
}

}  // namespace

std::optional<std::string> shared_object_problem(const std::filesystem::path& path) {
  std::error_code ec;
  const std::uint64_t file_size = std::filesystem::file_size(path, ec);
  if (ec) return "cannot read it: " + ec.message();
  std::ifstream in(path, std::ios::binary);
  if (!in) return "cannot open it";

  ElfHeader header{};
  if (file_size < sizeof header || !in.read(reinterpret_cast<char*>(&header), sizeof header))
    return "too short to be a shared object (" + std::to_string(file_size) + " bytes)";
  if (std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0) return "not an ELF file";
  if (header.e_ident[EI_CLASS] != kElfClass) return "an ELF file of the wrong class";
  if (header.e_type != ET_DYN) return "an ELF file that is not a shared object";
  if (header.e_phentsize != sizeof(ProgramHeader))
    return "an ELF file with program headers of an unknown size";
  if (!inside(file_size, header.e_phoff, header.e_phnum, sizeof(ProgramHeader)))
    return "truncated: its program headers end past the end of the file";
  if (header.e_shnum != 0 && !inside(file_size, header.e_shoff, header.e_shnum, header.e_shentsize))
    return "truncated: its section headers end past the end of the file";

  std::vector<ProgramHeader> segments(header.e_phnum);
  in.seekg(static_cast<std::streamoff>(header.e_phoff));
  if (!in.read(reinterpret_cast<char*>(segments.data()),
               static_cast<std::streamsize>(segments.size() * sizeof(ProgramHeader))))
    return "truncated: its program headers cannot be read";
  for (const ProgramHeader& segment : segments) {
    if (segment.p_type != PT_LOAD && segment.p_type != PT_DYNAMIC) continue;
    if (!inside(file_size, segment.p_offset, 1, segment.p_filesz))
      return "truncated: a segment of " + std::to_string(segment.p_filesz) + " bytes at offset " +
             std::to_string(segment.p_offset) + " ends past the end of the file (" +
             std::to_string(file_size) + " bytes)";
  }
  return std::nullopt;
}

}  // namespace hdk_host
