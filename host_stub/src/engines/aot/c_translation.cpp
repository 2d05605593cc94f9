#include "c_translation.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include <wabt/apply-names.h>
#include <wabt/binary-reader-ir.h>
#include <wabt/binary-reader.h>
#include <wabt/c-writer.h>
#include <wabt/config.h>
#include <wabt/error.h>
#include <wabt/feature.h>
#include <wabt/generate-names.h>
#include <wabt/ir.h>
#include <wabt/stream.h>
#include <wabt/validator.h>

#include "glue.hpp"
#include "hdk_host/fault.hpp"
#include "loop_ticks.hpp"

namespace hdk_host::aot {
namespace {

std::string text_of(wabt::MemoryStream& stream) {
  const std::vector<std::uint8_t>& data = stream.output_buffer().data;
  return std::string(data.begin(), data.end());
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    lines.push_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

bool is_identifier_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The name before the first '(' of a file-scope function line ("static u32 w2c_f(...").
std::string_view function_name(std::string_view line) {
  const std::size_t open = line.find('(');
  if (open == std::string_view::npos) return {};
  std::size_t begin = open;
  while (begin > 0 && is_identifier_char(line[begin - 1])) --begin;
  return line.substr(begin, open - begin);
}

// A file-scope array, "static [const] T name[...] = {" or "static T name[N];":
// its declaration with external linkage, for the parts that only use it.
std::optional<std::string> array_declaration(std::string_view line) {
  if (!line.starts_with("static ")) return std::nullopt;
  const std::size_t open = line.find('[');
  const std::size_t close = line.find(']');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open ||
      line.find('(') < open)
    return std::nullopt;
  const std::string_view rest = line.substr(close + 1);
  if (rest != " = {" && rest != ";") return std::nullopt;
  return "extern " + std::string(line.substr(7, open - 7)) + "[];";
}

}  // namespace

std::string translator_identity() { return "wabt " WABT_VERSION_STRING " C writer"; }

CSources translate_to_c(std::span<const std::uint8_t> wasm, const ModuleInfo& info,
                        const std::string& label) {
  const auto fail = [&](const std::string& what, const wabt::Errors& errors) {
    return Fault(FaultKind::Compile, label + ": wasm2c: " + what +
                                         (errors.empty() ? "" : ": " + errors.front().message));
  };
  // As the wasm2c tool does it: read, validate, name, write (the loop ticks between).
  const wabt::Features features;
  const wabt::ReadBinaryOptions read_options(features, nullptr, /*read_debug_names=*/false,
                                             /*stop_on_first_error=*/true,
                                             /*fail_on_custom_section_error=*/false);
  wabt::Errors errors;
  wabt::Module module;
  if (wabt::Failed(wabt::ReadBinaryIr(label.c_str(), wasm.data(), wasm.size(), read_options,
                                      &errors, &module)))
    throw fail("cannot read the module", errors);
  add_loop_ticks(module);
  if (wabt::Failed(wabt::ValidateModule(&module, &errors, wabt::ValidateOptions(features))))
    throw fail("the module does not validate", errors);
  if (wabt::Failed(wabt::GenerateNames(&module))) throw fail("cannot name the module", errors);
  (void)wabt::ApplyNames(&module);  // as wasm2c: a name it cannot apply is skipped

  wabt::MemoryStream c_stream;
  wabt::MemoryStream h_stream;
  wabt::WriteCOptions options;
  options.module_name = kModuleName;
  const std::string header_file(kModuleHeaderFile);
  if (wabt::Failed(wabt::WriteC(&c_stream, &h_stream, header_file.c_str(), &module, options)))
    throw fail("cannot write C", errors);

  CSources sources;
  sources.module_h = text_of(h_stream);
  sources.module_c = track_memory_writes(text_of(c_stream), sources.module_h, label);
  sources.glue_c = generate_glue(info, sources.module_h, kModuleHeaderFile, label);
  return sources;
}

std::string inline_header(std::string_view source, std::string_view header_file,
                          std::string_view header) {
  const std::string line = "#include \"" + std::string(header_file) + "\"";
  const std::size_t at = source.find(line);
  if (at == std::string_view::npos) return std::string(source);
  std::string out(source.substr(0, at));
  out += header;
  out += "\n";
  out += source.substr(at + line.size());
  return out;
}

std::vector<std::string> split_module_c(std::string_view module_c, std::size_t parts) {
  const std::vector<std::string_view> lines = lines_of(module_c);
  // The preamble (macros and inline helpers every part needs) ends where
  // the module's own declarations begin: its function-type table.
  const auto anchor = std::find_if(lines.begin(), lines.end(), [](std::string_view line) {
    return line.starts_with("static u32 func_types[");
  });
  if (parts < 2 || anchor == lines.end()) return {std::string(module_c)};

  // Functions the module defines: declared "static R w2c_name(...);" first.
  std::set<std::string_view> functions;
  for (auto it = anchor; it != lines.end(); ++it)
    if (it->starts_with("static ") && it->ends_with(");")) functions.insert(function_name(*it));

  std::string preamble;
  for (auto it = lines.begin(); it != anchor; ++it) (preamble += *it) += '\n';

  struct Body {
    std::size_t begin, end;  // line range [begin, end]
  };
  std::vector<Body> bodies;
  std::string declarations;  // what every body part sees
  std::string common;        // part 0: everything but the bodies
  std::size_t body_bytes = 0;
  for (std::size_t i = static_cast<std::size_t>(anchor - lines.begin()); i < lines.size(); ++i) {
    std::string_view line = lines[i];
    const bool file_scope_static = line.starts_with("static ");
    if (file_scope_static && line.ends_with(") {") && functions.count(function_name(line))) {
      std::size_t end = i;
      while (end < lines.size() && lines[end] != "}") ++end;
      if (end == lines.size()) return {std::string(module_c)};
      bodies.push_back({i, end});
      for (std::size_t k = i; k <= end; ++k) body_bytes += lines[k].size() + 1;
      i = end;
      continue;
    }
    if (file_scope_static && line.ends_with(");") && functions.count(function_name(line))) {
      line.remove_prefix(7);  // shared across parts: external (hidden) linkage
      (declarations += line) += '\n';
    } else if (const std::optional<std::string> array = array_declaration(line)) {
      (declarations += *array) += '\n';
      line.remove_prefix(7);
    }
    (common += line) += '\n';
  }
  if (bodies.size() < parts) return {std::string(module_c)};

  std::vector<std::string> out;
  out.push_back(preamble + common);
  const std::size_t target = body_bytes / (parts - 1) + 1;
  std::string current = preamble + declarations;
  std::size_t current_bytes = 0;
  for (const Body& body : bodies) {
    for (std::size_t k = body.begin; k <= body.end; ++k) {
      std::string_view line = lines[k];
      if (k == body.begin) line.remove_prefix(7);
      (current += line) += '\n';
      current_bytes += line.size() + 1;
    }
    if (current_bytes >= target && out.size() < parts - 1) {
      out.push_back(std::move(current));
      current = preamble + declarations;
      current_bytes = 0;
    }
  }
  if (current_bytes > 0) out.push_back(std::move(current));
  return out;
}

}  // namespace hdk_host::aot
