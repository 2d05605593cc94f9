// The profiles DNA's types, shared by its integrity and coordinator zomes.
#pragma once

#include <hdk/hdk.hpp>

#include <cstddef>
#include <string>

namespace profiles {

/// Who an agent says it is. The nonce makes two profiles with the same
/// nickname distinct entries (an entry's hash is the hash of its content).
struct Profile {
  std::string nickname;
  hdk::Bytes nonce;
  hdk::Timestamp created_at;
  HDK_STRUCT(nickname, nonce, created_at);
};

HDK_ENTRY_TYPES(EntryTypes, Profile);
HDK_LINK_TYPES(LinkTypes, AgentToProfile);

inline constexpr std::size_t kNonceBytes = 16;
inline constexpr std::size_t kMaxNickname = 50;

/// A statement and its author's signature of it: anyone holding this can
/// check who said it, without asking the author.
struct SignedStatement {
  std::string statement;
  hdk::AgentPubKey author;
  hdk::Signature signature;
  HDK_STRUCT(statement, author, signature);
};

}  // namespace profiles
