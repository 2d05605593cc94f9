// What dlopen() cannot be trusted to reject: a shared object whose file is
// shorter than its own headers say. dlopen maps the segments and touches
// pages past the end of the file, and the process dies of SIGBUS instead of
// getting an error. Reading the ELF headers first turns that into a reason.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace hdk_host {

/// Why `path` is not a whole ELF shared object for this machine, or nothing
/// when its headers, program headers and loadable segments all lie inside
/// the file. It does not prove the library is good, only that loading it
/// cannot read past the end of the file.
std::optional<std::string> shared_object_problem(const std::filesystem::path& path);

}  // namespace hdk_host
