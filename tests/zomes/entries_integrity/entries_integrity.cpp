// The entries DNA's integrity zome: its types, the membrane, and a rule
// that reads the DNA's properties.
#include "entries_types.hpp"

using entries::EntryTypes;
using entries::LinkTypes;

HDK_INTEGRITY_TYPES(EntryTypes, LinkTypes);

/// Runs at install with the joining agent's proof (exported as
/// genesis_self_check_2, as hdi does).
hdk::ExternResult<hdk::ValidateCallbackResult> genesis_self_check(hdk::GenesisSelfCheckData data) {
  if (!data.membrane_proof) return hdk::invalid("a membrane proof is required");
  entries::MembraneProof proof;
  hdk::DecodeError err;
  if (!hdk::decode(*data.membrane_proof, proof, err))
    return hdk::invalid("the membrane proof is not a MembraneProof: " + err.message);
  HDK_TRY(const auto properties, hdk::try_from_dna_properties<entries::Properties>());
  if (proof.invite_code != properties.invite_code) return hdk::invalid("wrong invite code");
  return hdk::valid();
}
HDK_EXTERN(genesis_self_check);

hdk::ExternResult<hdk::ValidateCallbackResult> validate(hdk::Op op) {
  const auto* create = std::get_if<hdk::op::CreateEntry>(&op);
  entries::Note note;
  if (!create || !create->entry.decode_app(note)) return hdk::valid();
  HDK_TRY(const auto properties, hdk::try_from_dna_properties<entries::Properties>());
  if (note.text.size() > properties.max_note_length) return hdk::invalid("the note is too long");
  return hdk::valid();
}
HDK_EXTERN(validate);
