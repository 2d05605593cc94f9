// A DNA for entry-def attributes, DNA and init properties and the membrane:
// one public, one private and one cached entry type, declared in one line.
#pragma once

#include <hdk/hdk.hpp>

#include <cstdint>
#include <string>

namespace entries {

struct Note {
  std::string text;
  HDK_STRUCT(text);
};
/// Private: it stays on its author's chain.
struct Secret {
  std::string text;
  HDK_STRUCT(text);
};
struct Vote {
  std::uint32_t value = 0;
  HDK_STRUCT(value);
};

HDK_ENTRY_TYPES(EntryTypes, Note,
                hdk::entry_def<Secret, hdk::visibility::Private, hdk::required_validations<7>>,
                hdk::entry_def<Vote, hdk::cache_at_agent_activity>);
HDK_LINK_TYPES(LinkTypes, NoteToNote);

/// The DNA's properties (its modifiers, part of the DNA hash).
struct Properties {
  std::string invite_code;
  std::uint32_t max_note_length = 0;
  HDK_STRUCT(invite_code, max_note_length);
};

/// What the app gives the role at install, read by init.
struct InitSettings {
  std::string welcome;
  HDK_STRUCT(welcome);
};

/// What a joining agent brings: the DNA's invite code.
struct MembraneProof {
  std::string invite_code;
  HDK_STRUCT(invite_code);
};

}  // namespace entries
