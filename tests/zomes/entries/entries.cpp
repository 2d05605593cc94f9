// The entries DNA's coordinator: writes and reads public and private
// entries, reads the DNA and init properties, and takes typed input (for
// what a Deserialize failure traces).
#include "../entries_integrity/entries_types.hpp"

using entries::EntryTypes;

/// init writes the welcome the app gave the role, if any, as a note.
hdk::ExternResult<hdk::InitCallbackResult> init() {
  HDK_TRY(const auto settings, hdk::init_properties<entries::InitSettings>());
  if (settings) {
    HDK_TRY(const auto written, hdk::create_entry<EntryTypes>(entries::Note{settings->welcome}));
    (void)written;
  }
  return hdk::InitCallbackResult{hdk::init_callback_result::Pass{}};
}
HDK_EXTERN(init);

hdk::ExternResult<hdk::ActionHash> create_note(entries::Note note) {
  return hdk::create_entry<EntryTypes>(note);
}
HDK_EXTERN(create_note);

hdk::ExternResult<hdk::ActionHash> create_secret(entries::Secret secret) {
  return hdk::create_entry<EntryTypes>(secret);
}
HDK_EXTERN(create_secret);

hdk::ExternResult<hdk::ActionHash> create_vote(entries::Vote vote) {
  return hdk::create_entry<EntryTypes>(vote);
}
HDK_EXTERN(create_vote);

hdk::ExternResult<std::optional<hdk::Record>> get_by_action(hdk::ActionHash hash) {
  return hdk::get(hash);
}
HDK_EXTERN(get_by_action);

hdk::ExternResult<std::optional<hdk::Record>> get_by_entry(hdk::EntryHash hash) {
  return hdk::get(hash);
}
HDK_EXTERN(get_by_entry);

/// The caller's own secrets, from its chain.
hdk::ExternResult<std::vector<entries::Secret>> my_secrets() {
  hdk::ChainQueryFilter filter;
  filter.include_entries = true;
  HDK_TRY(const auto records, hdk::query(filter));
  std::vector<entries::Secret> out;
  for (const auto& record : records) {
    const hdk::AppEntryDef* def = record.action().app_entry_def();
    entries::Secret secret;
    if (def && def->entry_index.value == EntryTypes::index_of<entries::Secret>().value &&
        record.entry_if_present() && record.entry_if_present()->decode_app(secret))
      out.push_back(std::move(secret));
  }
  return out;
}
HDK_EXTERN(my_secrets);

hdk::ExternResult<entries::Properties> properties() {
  return hdk::try_from_dna_properties<entries::Properties>();
}
HDK_EXTERN(properties);

/// Reads the DNA's properties as a type they are not.
hdk::ExternResult<entries::InitSettings> properties_as_wrong_type() {
  return hdk::try_from_dna_properties<entries::InitSettings>();
}
HDK_EXTERN(properties_as_wrong_type);

hdk::ExternResult<hdk::ZomeInfo> zome() { return hdk::zome_info(); }
HDK_EXTERN(zome);

hdk::ExternResult<entries::Note> echo_note(entries::Note note) { return note; }
HDK_EXTERN(echo_note);
