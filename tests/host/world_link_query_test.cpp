// Links read the way hdk 0.7 reads them, through wasm on every engine and
// natively: a LinkQuery built with try_new and narrowed by type, tag
// prefix, author and time, asked with each GetStrategy through get_links,
// get_links_details and count_links.
#include <catch2/catch.hpp>

#include "../zomes/activity/activity_types.hpp"
#include "world_support.hpp"

using activity::FindLinks;
using activity::LinkTo;
using posts::LinkTypes;
using posts::Post;
using world_test::ok_value;

namespace {

std::vector<std::string> tags_of(const std::vector<hdk::Link>& links) {
  std::vector<std::string> out;
  for (const auto& l : links) out.emplace_back(l.tag.bytes.begin(), l.tag.bytes.end());
  return out;
}

using Tags = std::vector<std::string>;

constexpr auto kAll = static_cast<std::uint8_t>(LinkTypes::AllPosts);
constexpr auto kByAuthor = static_cast<std::uint8_t>(LinkTypes::AuthorToPost);

}  // namespace

TEST_CASE(
    "world: get_links, get_links_details and count_links read one LinkQuery on every runtime") {
  for (const auto& rt : world_test::runtimes_with("activity")) {
    DYNAMIC_SECTION(rt.label) {
      auto s = world_test::install(rt);
      const auto alice = s->add_agent("alice");
      const auto bob = s->add_agent("bob");
      const auto post =
          ok_value<hdk::ActionHash>(s->call(alice, "activity", "write_post", Post{"one", "1"}));
      const auto base = hdk::to_any_linkable(post);
      const auto target = hdk::to_any_linkable(alice.key);
      const auto link = [&](const hdk_host::Agent& who, std::uint8_t type, const char* tag) {
        const auto hash = ok_value<hdk::ActionHash>(
            s->call(who, "activity", "link_to",
                    LinkTo{base, target, type, hdk::LinkTag::from_string(tag)}));
        s->advance(std::chrono::seconds(1));
        return hash;
      };
      const auto apple = link(alice, kAll, "apple");
      link(alice, kAll, "apricot");
      link(bob, kAll, "avocado");
      link(alice, kByAuthor, "banana");
      link(bob, kAll, "blueberry");

      const auto find = [&](const FindLinks& q) {
        return ok_value<std::vector<hdk::Link>>(s->call(bob, "activity", "find_links", q));
      };
      const auto count = [&](const FindLinks& q) {
        return ok_value<std::uint64_t>(s->call(bob, "activity", "count_found_links", q));
      };
      const auto details = [&](const FindLinks& q) {
        return ok_value<hdk::LinkDetails>(s->call(alice, "activity", "find_links_details", q));
      };
      FindLinks all{base, {kAll}, {}, {}, {}, {}, hdk::GetStrategy::Network};

      // By type: one type, or several.
      const auto every = find(all);
      CHECK(tags_of(every) == Tags{"apple", "apricot", "avocado", "blueberry"});
      FindLinks both = all;
      both.link_types = {kAll, kByAuthor};
      CHECK(tags_of(find(both)) == Tags{"apple", "apricot", "avocado", "banana", "blueberry"});
      FindLinks by_author_type = all;
      by_author_type.link_types = {kByAuthor};
      CHECK(tags_of(find(by_author_type)) == Tags{"banana"});

      // By tag prefix, by author, by time; each narrowing combines with the others.
      FindLinks ap = all;
      ap.tag_prefix = hdk::LinkTag::from_string("ap");
      CHECK(tags_of(find(ap)) == Tags{"apple", "apricot"});
      FindLinks bobs = all;
      bobs.author = bob.key;
      CHECK(tags_of(find(bobs)) == Tags{"avocado", "blueberry"});
      FindLinks bobs_a = bobs;
      bobs_a.tag_prefix = hdk::LinkTag::from_string("a");
      CHECK(tags_of(find(bobs_a)) == Tags{"avocado"});
      const hdk::Timestamp apricot_time = every[1].timestamp;
      const hdk::Timestamp avocado_time = every[2].timestamp;
      REQUIRE(every[0].timestamp < apricot_time);
      REQUIRE(apricot_time < avocado_time);
      FindLinks since = all;
      since.after = apricot_time;  // at or after
      CHECK(tags_of(find(since)) == Tags{"apricot", "avocado", "blueberry"});
      FindLinks until = all;
      until.before = apricot_time;  // strictly before
      CHECK(tags_of(find(until)) == Tags{"apple"});
      FindLinks window = all;
      window.after = apricot_time;
      window.before = hdk::Timestamp{avocado_time.micros + 1};
      CHECK(tags_of(find(window)) == Tags{"apricot", "avocado"});

      // Local answers as Network: the stub's one DHT holds every link.
      FindLinks local = ap;
      local.strategy = hdk::GetStrategy::Local;
      CHECK(tags_of(find(local)) == Tags{"apple", "apricot"});

      // count_links counts what get_links would answer.
      for (const FindLinks* q : {&all, &both, &ap, &bobs, &bobs_a, &since, &until, &window})
        CHECK(count(*q) == find(*q).size());

      // The example of docs/writing-zomes.md: two types, a prefix, an author and a time.
      const auto recent = [&](hdk::Timestamp since) {
        return ok_value<std::vector<hdk::Link>>(
            s->call(bob, "activity", "recent_by", activity::RecentBy{base, alice.key, since}));
      };
      CHECK(tags_of(recent(every[0].timestamp)) == Tags{"apple", "apricot"});
      bool counted = false;
      for (const auto& line : s->last_trace())
        counted = counted || line.msg.find("recent_by: 2 links") != std::string::npos;
      CHECK(counted);
      CHECK(tags_of(recent(apricot_time)) == Tags{"apricot"});

      // After a delete: get_links and count_links drop the link, get_links_details
      // keeps it with its DeleteLink.
      const auto removed =
          ok_value<hdk::ActionHash>(s->call(alice, "activity", "drop_link", apple));
      CHECK(tags_of(find(ap)) == Tags{"apricot"});
      CHECK(count(ap) == 1);
      const auto ap_details = details(ap);
      REQUIRE(ap_details.links.size() == 2);
      CHECK(ap_details.links[0].first.hash() == apple);
      REQUIRE(ap_details.links[0].second.size() == 1);
      CHECK(ap_details.links[0].second[0].hash() == removed);
      CHECK(ap_details.links[1].second.empty());
      // The query narrows the details as it narrows the links.
      CHECK(details(bobs).links.size() == 2);
      CHECK(details(by_author_type).links.size() == 1);
      FindLinks none = all;
      none.tag_prefix = hdk::LinkTag::from_string("cherry");
      CHECK(find(none).empty());
      CHECK(count(none) == 0);
      CHECK(details(none).links.empty());
    }
  }
}
