// The host-function table in docs/host-functions.md against hdk/host_fns.def:
// every function of the release listed, with the callbacks that may call it
// and whether the stub implements it as the code has them; every absent name
// named.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "hdk_host/host_fn_list.hpp"
#include "hdk_host/host_functions.hpp"

namespace {

using hdk::host_fn_access::Callback;

struct Row {
  std::string callbacks;
  std::string stub;
};

std::string trim(std::string s) {
  const auto begin = s.find_first_not_of(' ');
  const auto end = s.find_last_not_of(' ');
  return begin == std::string::npos ? std::string() : s.substr(begin, end - begin + 1);
}

std::string docs() {
  std::ifstream in(std::string(HDK_TEST_SOURCE_DIR) + "/docs/host-functions.md");
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Rows of the table: | `__hc__x_1` | input | output | needs | callbacks | stub |
std::map<std::string, Row> table_rows() {
  std::map<std::string, Row> rows;
  std::istringstream lines(docs());
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("| `__hc__", 0) != 0) continue;
    std::vector<std::string> cells;
    std::stringstream cell_stream(line.substr(1));
    std::string cell;
    while (std::getline(cell_stream, cell, '|')) cells.push_back(trim(cell));
    if (cells.size() < 6) continue;  // the table of absent names has two columns
    const std::string name = cells[0].substr(1, cells[0].size() - 2);
    rows[name] = Row{cells[4], cells[5]};
  }
  return rows;
}

std::string callbacks_of(std::uint16_t needs) {
  const Callback all[] = {Callback::ZomeCall,         Callback::Init,
                          Callback::PostCommit,       Callback::Validate,
                          Callback::GenesisSelfCheck, Callback::EntryDefs};
  std::string out;
  int count = 0;
  for (Callback c : all) {
    if (!hdk::host_fn_access::allowed(c, needs)) continue;
    out += (out.empty() ? "" : ", ") + std::string(hdk::host_fn_access::callback_name(c));
    ++count;
  }
  if (count == 6) return "all";
  // The table writes "zome call" where messages say "a zome call".
  const std::string article = "a zome call";
  if (out.rfind(article, 0) == 0) out = "zome call" + out.substr(article.size());
  return out;
}

}  // namespace

TEST_CASE("docs: the host-function table lists the release's functions as the code has them") {
  const auto rows = table_rows();
  CHECK(rows.size() == hdk_host::kHostFunctions.size());
  for (std::size_t i = 0; i < hdk_host::kHostFunctions.size(); ++i) {
    const auto& info = hdk_host::kHostFunctions[i];
    CAPTURE(info.import_name);
    const auto row = rows.find(std::string(info.import_name));
    REQUIRE(row != rows.end());
    CHECK(row->second.callbacks == callbacks_of(info.access));
    CHECK(row->second.stub ==
          (hdk_host::stub_implements(static_cast<hdk_host::HostFnId>(i)) ? "yes" : "no"));
  }
  const std::string text = docs();
  for (const auto& absent : hdk_host::kAbsentHostFunctions) {
    CAPTURE(absent.import_name);
    CHECK(text.find("`" + std::string(absent.import_name) + "`") != std::string::npos);
  }
}

TEST_CASE("access: each callback grants what Holochain's HostFnAccess grants it") {
  using hdk::host_fn_access::allowed;
  namespace p = hdk::host_fn_access;
  const auto& fn = [](const char* name) {
    const auto id = hdk_host::find_host_fn(name);
    REQUIRE(id);
    return hdk_host::host_fn_info(*id).access;
  };
  // validate: deterministic reads, keys and bindings only.
  CHECK(allowed(Callback::Validate, fn("__hc__must_get_action_1")));
  CHECK(allowed(Callback::Validate, fn("__hc__verify_signature_1")));
  CHECK(allowed(Callback::Validate, fn("__hc__zome_info_1")));
  CHECK(allowed(Callback::Validate, fn("__hc__trace_1")));
  CHECK_FALSE(allowed(Callback::Validate, fn("__hc__get_1")));
  CHECK_FALSE(allowed(Callback::Validate, fn("__hc__sys_time_1")));
  CHECK_FALSE(allowed(Callback::Validate, fn("__hc__agent_info_1")));
  CHECK_FALSE(allowed(Callback::Validate, fn("__hc__create_1")));
  CHECK_FALSE(allowed(Callback::Validate, fn("__hc__call_1")));
  // post_commit may read and call, not write.
  CHECK(allowed(Callback::PostCommit, fn("__hc__get_1")));
  CHECK(allowed(Callback::PostCommit, fn("__hc__call_1")));
  CHECK_FALSE(allowed(Callback::PostCommit, fn("__hc__create_1")));
  // get_init_properties: init alone.
  CHECK(allowed(Callback::Init, fn("__hc__get_init_properties_1")));
  CHECK_FALSE(allowed(Callback::ZomeCall, fn("__hc__get_init_properties_1")));
  // genesis_self_check and entry_defs: next to nothing.
  CHECK(allowed(Callback::GenesisSelfCheck, fn("__hc__dna_info_2")));
  CHECK_FALSE(allowed(Callback::GenesisSelfCheck, fn("__hc__must_get_entry_1")));
  CHECK(allowed(Callback::EntryDefs, fn("__hc__trace_1")));
  CHECK_FALSE(allowed(Callback::EntryDefs, fn("__hc__zome_info_1")));
  CHECK(allowed(Callback::ZomeCall, p::write_network | p::agent_info));
}
